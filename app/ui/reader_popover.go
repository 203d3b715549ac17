package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
)

// footnotePopover is one footnote shown at its marker, with the
// footnotes its cross references opened after it.
type footnotePopover struct {
	pop        *widget.PopUp
	popView    *flowView
	popTitle   *widget.Label
	popBack    *widget.Button
	popScroll  *container.Scroll
	popNote    int
	popAnchor  fyne.Position // where the popover points, in view coordinates
	popMarker  int           // the footnote whose marker it points at; 0 for elsewhere
	popHistory []int
	// popJumped: the popover was opened by a jump (a source's footnote),
	// so Back walks the history instead of only closing it
	popJumped bool
	// the Sources button and the source each resolved line opens
	popButton  *widget.Button
	popTargets []string
	popShared  *fyne.Container // the shown publishers' notes on it (share_footnotes.go)
}

// goToFootnote scrolls to footnote n's marker (or its lost-marker notice)
// and opens the footnote there.
func (r *Reader) goToFootnote(n int) {
	bi, ok := r.idx.markerBlock[n]
	if !ok {
		return
	}
	r.view.scrollToBlock(bi)
	r.view.highlight = -1
	r.view.Refresh()
	pos, ok := r.markerPos(n)
	if !ok {
		return
	}
	r.showFootnote(n, pos)
}

// markerPos is where footnote n's marker is drawn, in view coordinates.
func (r *Reader) markerPos(n int) (fyne.Position, bool) {
	bi, ok := r.idx.markerBlock[n]
	if !ok {
		return fyne.Position{}, false
	}
	return r.view.runAt(bi, func(p *piece) bool { return p.kind == runMarker && p.target == n })
}

func (r *Reader) onTextTapped(bi int, p *piece, at fyne.Position) {
	if p.kind == runMarker {
		r.showFootnote(p.target, at)
	}
}

// showFootnote opens footnote n in a popover below at (view coordinates).
func (r *Reader) showFootnote(n int, at fyne.Position) {
	fn := r.footnote(n)
	if fn == nil {
		return
	}
	if r.pop == nil {
		r.buildPopover()
	}
	r.popHistory = r.popHistory[:0]
	r.popJumped = false
	r.setPopNote(fn)
	r.popAnchor, r.popMarker = at, 0
	if pos, ok := r.markerPos(n); ok && pos == at {
		r.popMarker = n
	}
	r.placePopover()
}

// placePopover shows the popover below its anchor, or above it when the
// window has no room below, always inside the window.
func (r *Reader) placePopover() {
	c := r.svc.win.Canvas()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(r.popAnchor)
	size := r.pop.Content.MinSize()
	cs := c.Size()
	x := abs.X - 40
	if x+size.Width > cs.Width-8 {
		x = cs.Width - 8 - size.Width
	}
	if x < 8 {
		x = 8
	}
	y := abs.Y + 4
	if y+size.Height > cs.Height-8 {
		y = abs.Y - r.view.size*lineSpacing - size.Height - 4
	}
	if y < 8 {
		y = 8
	}
	r.pop.ShowAtPosition(fyne.NewPos(x, y))
}

func (r *Reader) buildPopover() {
	r.popView = newFlowView(nil, 15)
	r.popView.fixedW = 500
	r.popView.margin = 4
	r.popView.onTap = func(bi int, p *piece, at fyne.Position) {
		if p.kind == runAction { // a resolved short form: open its source
			r.onResolvedTapped(p.target)
			return
		}
		if p.kind != runLink {
			return
		}
		if fn := r.footnote(p.target); fn != nil {
			r.popHistory = append(r.popHistory, r.popNote)
			r.setPopNote(fn)
		}
	}
	r.popTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.popBack = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), r.popoverBack)
	inPanel := widget.NewButton("In panel", func() {
		n := r.popNote
		r.closePopover()
		r.showNotesAt(n)
	})
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { r.closePopover() })
	noteB := widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { r.noteOnFootnote(r.popNote) })
	r.popScroll = container.NewVScroll(r.popView)
	head := container.NewBorder(nil, nil, r.popBack, container.NewHBox(r.popoverButton(), noteB, inPanel, closeB), r.popTitle)
	body := container.New(&maxHeight{h: 320}, r.popScroll)
	r.popShared = container.NewVBox()
	r.pop = widget.NewPopUp(container.NewBorder(head, r.popShared, nil, nil, body), r.svc.win.Canvas())
}

func (r *Reader) setPopNote(fn *article.Footnote) {
	r.popNote = fn.N
	title := fmt.Sprintf("Footnote %d", fn.N)
	if fn.Paragraph == "" {
		title += " · marker lost in conversion"
	}
	r.popTitle.SetText(title)
	if len(r.popHistory) > 0 {
		r.popBack.Show()
	} else {
		r.popBack.Hide()
	}
	r.popView.size = 15 * r.zoomForPanels()
	blocks := []block{{kind: blockFootnote, note: fn.N, pieces: footnoteText(r.doc, fn, r.svc.library()), para: -1, section: -1}}
	// short forms and Ibid. with the full reference they resolve to
	blocks = append(blocks, r.resolvedBlocks(fn.N)...)
	r.popView.setBlocks(blocks)
	r.popScroll.Offset = fyne.Position{}
	r.popScroll.Refresh()
	r.fillSharedFootnote()
	if r.pop.Visible() {
		r.pop.Resize(r.pop.Content.MinSize())
	}
}

// zoomForPanels scales popovers with the text, but less: they must fit.
func (r *Reader) zoomForPanels() float32 {
	if r.zoom > 1.5 {
		return 1.5
	}
	return r.zoom
}

func (r *Reader) popoverBack() {
	n := len(r.popHistory)
	if n == 0 {
		return
	}
	prev := r.popHistory[n-1]
	r.popHistory = r.popHistory[:n-1]
	if fn := r.footnote(prev); fn != nil {
		r.setPopNote(fn)
	}
}

// FootnoteShown is the footnote open in the popover, 0 if none.
func (r *Reader) FootnoteShown() int {
	if r.pop == nil || !r.pop.Visible() {
		return 0
	}
	return r.popNote
}

// closePopover hides the footnote popover; it reports whether one was open.
func (r *Reader) closePopover() bool {
	if r.pop == nil || !r.pop.Visible() {
		return false
	}
	r.pop.Hide()
	return true
}
