package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// readerContents is the contents panel beside the text.
type readerContents struct {
	contents    *widget.List
	contentsBox *fyne.Container
	// contentsWanted is the student's choice; a window too narrow for the
	// text beside both panels hides the contents while the side panel is open
	contentsWanted bool
	section        int // section at the top of the viewport, -1 before the first
	syncContents   bool
	rowHeights     []float32 // of the contents' rows, as measureContents set them
	rowTexts       []string  // the rows' titles, broken into lines by measureContents
	// contentsPlaced: the list was scrolled to the section read once it
	// had its size: told to show a row before (the reading position is
	// restored while the window is first laid out) it opened scrolled
	// past the row, the row above half cut. placedAt is the list's
	// height and offset then: the window's menu bar takes its strip
	// only once the window is created, after the first layout, and the
	// row placed for the taller list showed cut at its foot; the list
	// is placed again at its new height unless the student scrolled it.
	contentsPlaced bool
	placedAt       struct{ h, off float32 }
}

// placeContents shows the section read in the contents, once the list
// has its size (called after every layout of the window): a row not
// wholly in view is brought to the top. (List.ScrollTo leaves a row whose
// first line shows where it is, cut at the list's foot.)
func (r *Reader) placeContents() {
	h := r.contents.Size().Height
	if h <= 0 || !r.ready {
		return
	}
	if r.contentsPlaced && (h == r.placedAt.h || r.contents.GetScrollOffset() != r.placedAt.off) {
		return
	}
	r.contentsPlaced = true
	off := float32(0)
	if i := r.section; i >= 0 && i < len(r.rowHeights) {
		off = r.contents.GetScrollOffset()
		if top := contentsRowTop(r, i); top < off || top+r.rowHeights[i] > off+h {
			off = top
		}
	}
	r.contents.ScrollToOffset(off)
	r.placedAt.h, r.placedAt.off = h, r.contents.GetScrollOffset()
}

// contentsRowTop is where row i of the contents begins in the list
// (Fyne's List puts a padding between rows).
func contentsRowTop(r *Reader, i int) float32 {
	pad := r.contents.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for j := 0; j < i && j < len(r.rowHeights); j++ {
		y += r.rowHeights[j] + pad
	}
	return y
}

// measureContents breaks the contents' titles into lines and sets the
// rows' heights. Whole titles, wrapped: they are what a student scans the
// contents for, and an ellipsis hid most of them. The rows are few, so
// they are broken for the panel's fixed width with the one line breaker,
// again at each zoom step; laying out labels to learn their height cost
// 25 MB and 50 ms at start. The labels show the lines as broken here,
// unwrapped: a wrapping label measured each title some ten times over as
// it searched for its breaks, which took the first frame 30-40 ms.
func (r *Reader) measureContents() {
	one, two := widget.NewLabel("M").MinSize().Height, widget.NewLabel("M\nM").MinSize().Height
	m := sharedMeasurers.At(theme.TextSize())
	r.rowHeights = make([]float32, len(r.doc.Sections))
	r.rowTexts = make([]string, len(r.doc.Sections))
	for i, s := range r.doc.Sections {
		avail := contentsWidth - contentsIndent(s) - 2*theme.Padding() - 2*theme.InnerPadding()
		r.rowTexts[i] = flowtext.Wrap(m, contentsTitle(s), avail)
		n := strings.Count(r.rowTexts[i], "\n") + 1
		r.rowHeights[i] = one + float32(n-1)*(two-one)
		r.contents.SetItemHeight(i, r.rowHeights[i])
	}
}

func contentsTitle(s article.Section) string { return strings.TrimSpace(s.Number + " " + s.Title) }

func (r *Reader) buildContents() {
	secs := r.doc.Sections
	r.contents = widget.NewList(
		func() int { return len(secs) },
		func() fyne.CanvasObject {
			l := newInkLabel("")
			indent := canvas.NewRectangle(color.Transparent)
			return container.NewBorder(nil, nil, indent, nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			l, indent := row.Objects[0].(*inkLabel), row.Objects[1].(*canvas.Rectangle)
			indent.SetMinSize(fyne.NewSize(contentsIndent(secs[i]), 0))
			l.SetText(r.rowTexts[i])
		})
	r.measureContents()
	r.contents.OnSelected = func(i widget.ListItemID) {
		if r.syncContents {
			return
		}
		r.goToSection(i, true)
		// a tapped List takes the focus; the keys belong to the reading
		r.svc.win.Canvas().Unfocus()
	}
	title := widget.NewLabelWithStyle("Contents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.contentsBox = container.New(&fixedWidth{w: contentsWidth}, container.NewBorder(title, nil, nil, widget.NewSeparator(), r.contents))
}

// sectionNumbered is the index of the section numbered number ("3.3" or
// "3.3."), -1 when there is none.
func sectionNumbered(doc *article.Document, number string) int {
	want := strings.TrimSuffix(number, ".")
	for i, s := range doc.Sections {
		if strings.TrimSuffix(s.Number, ".") == want {
			return i
		}
	}
	return -1
}

// contentsWidth is the width of the contents panel.
const contentsWidth = 290

func contentsIndent(s article.Section) float32 {
	if s.Level > 1 {
		return 14
	}
	return 0
}

func (r *Reader) goToSection(i int, push bool) {
	if i < 0 || i >= len(r.idx.sectionBlock) {
		return
	}
	if push {
		r.pushBack()
	}
	r.view.highlight = -1
	r.view.scrollToBlock(r.idx.sectionBlock[i])
	r.view.Refresh()
}

func (r *Reader) toggleContents() {
	r.contentsWanted = !r.contentsWanted
	if r.contentsWanted {
		r.contentsBox.Show()
		r.svc.setSetting(keyContents, "1")
	} else {
		r.contentsBox.Hide()
		r.svc.setSetting(keyContents, "0")
	}
	r.content.Refresh()
}

func (r *Reader) nextSection() {
	for i, b := range r.idx.sectionBlock {
		if r.view.blockTop(b)-r.view.size > r.view.offset()+1 {
			r.goToSection(i, false)
			return
		}
	}
}

func (r *Reader) prevSection() {
	for i := len(r.idx.sectionBlock) - 1; i >= 0; i-- {
		if r.view.blockTop(r.idx.sectionBlock[i])-r.view.size < r.view.offset()-1 {
			r.goToSection(i, false)
			return
		}
	}
	r.home()
}

// readerColumns lays out the contents, the text and the side panel side
// by side. When the window leaves the text less than minTextWidth beside
// both panels (a 1024 px projector with the footnote panel open), the
// contents step aside until there is room again.
type readerColumns struct{ r *Reader }

const minTextWidth = 480

func (l *readerColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			w += m.Width
			h = fyne.Max(h, m.Height)
		}
	}
	return fyne.NewSize(w, h)
}

func (l *readerColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	contents, text, side := objs[0], objs[1], objs[2]
	sideW := float32(0)
	if side.Visible() {
		sideW = side.MinSize().Width
	}
	fits := size.Width-sideW-contents.MinSize().Width >= minTextWidth
	if l.r.contentsWanted && fits != contents.Visible() {
		if fits {
			contents.Show()
		} else {
			contents.Hide()
		}
	}
	x := float32(0)
	if contents.Visible() {
		w := contents.MinSize().Width
		contents.Move(fyne.Position{})
		contents.Resize(fyne.NewSize(w, size.Height))
		x = w
	}
	tw := size.Width - x - sideW
	text.Move(fyne.NewPos(x, 0))
	text.Resize(fyne.NewSize(tw, size.Height))
	if side.Visible() {
		side.Move(fyne.NewPos(x+tw, 0))
		side.Resize(fyne.NewSize(sideW, size.Height))
	}
}
