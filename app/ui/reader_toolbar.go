package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The reader's toolbar: contents, Back and Forward at the left, the
// section's title in the middle, find, zoom, theme and footnotes at the
// right.

func (r *Reader) buildToolbar() {
	icon := func(res fyne.Resource, tip string, f func()) *widget.Button {
		b := widget.NewButtonWithIcon("", res, f)
		b.Importance = widget.LowImportance
		return b
	}
	toggleContents := icon(theme.MenuIcon(), "Contents", r.toggleContents)
	r.backButton = icon(theme.NavigateBackIcon(), "Back", r.back)
	r.backButton.Disable()
	r.forwardButton = icon(theme.NavigateNextIcon(), "Forward", r.forward)
	r.forwardButton.Disable()
	r.sectionLabel = widget.NewLabel("")
	r.sectionLabel.Truncation = fyne.TextTruncateEllipsis
	r.sectionLabel.TextStyle.Bold = true
	find := icon(theme.SearchIcon(), "Find", r.onSearchOpen)
	r.zoomLabel = widget.NewLabel("")
	r.zoomLabel.Alignment = fyne.TextAlignCenter
	r.updateZoomLabel()
	zoomOut := icon(theme.ZoomOutIcon(), "Zoom out", r.zoomOut)
	zoomIn := icon(theme.ZoomInIcon(), "Zoom in", r.zoomIn)
	r.themeSelect = widget.NewSelect([]string{"System", "Light", "Dark"}, func(s string) {
		if name := strings.ToLower(s); name != r.ctl.themeName() {
			r.ctl.SetTheme(name)
		}
	})
	r.themeSelect.SetSelected(strings.ToUpper(r.ctl.themeName()[:1]) + r.ctl.themeName()[1:])
	r.notesButton = widget.NewButtonWithIcon("Footnotes", theme.ListIcon(), r.toggleFootnotes)
	r.notesButton.Importance = widget.LowImportance
	flow := &toolbarFlow{
		left:  []fyne.CanvasObject{toggleContents, r.backButton, r.forwardButton},
		title: r.sectionLabel,
		right: []fyne.CanvasObject{find, zoomOut, r.zoomLabel, zoomIn, r.themeSelect, r.notesButton},
	}
	objs := append(append(append([]fyne.CanvasObject{}, flow.left...), flow.title), flow.right...)
	r.toolbarRow = container.New(flow, objs...)
}

// toolbarFlow lays the toolbar out on one row when it fits: the left
// buttons, the title filling the middle, the right buttons at the right
// edge. When the window is too narrow for that (a zoomed theme makes every
// button larger: at 200 % in a 1000-pixel window they were drawn over
// each other), the title keeps the first row beside the left buttons and
// the right buttons wrap onto rows of their own, kept to the right edge.
type toolbarFlow struct {
	left, right []fyne.CanvasObject
	title       fyne.CanvasObject
}

// arrange places the parts for a row width w, moving them only when apply
// is set, and returns the height they take.
func (l *toolbarFlow) arrange(w float32, apply bool) float32 {
	pad := theme.Padding()
	var rowH float32
	for _, o := range l.all() {
		rowH = max(rowH, o.MinSize().Height)
	}
	place := func(o fyne.CanvasObject, x, y, width float32) {
		if apply {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(width, rowH))
		}
	}
	x := float32(0)
	for _, o := range visible(l.left) {
		ow := o.MinSize().Width
		place(o, x, 0, ow)
		x += ow + pad
	}
	right := visible(l.right)
	rw := rowWidth(right, pad)
	if x+l.title.MinSize().Width+pad+rw <= w {
		rx := w - rw
		place(l.title, x, 0, max(0, rx-pad-x))
		for _, o := range right {
			ow := o.MinSize().Width
			place(o, rx, 0, ow)
			rx += ow + pad
		}
		return rowH
	}
	place(l.title, x, 0, max(0, w-x))
	y := rowH
	for len(right) > 0 {
		// as many as fit on this row, at least one
		n, lw := 1, right[0].MinSize().Width
		for n < len(right) && lw+pad+right[n].MinSize().Width <= w {
			lw += pad + right[n].MinSize().Width
			n++
		}
		y += pad
		rx := max(0, w-lw)
		for _, o := range right[:n] {
			ow := o.MinSize().Width
			place(o, rx, y, ow)
			rx += ow + pad
		}
		y += rowH
		right = right[n:]
	}
	return y
}

func (l *toolbarFlow) all() []fyne.CanvasObject {
	return append(append(visible(l.left), l.title), visible(l.right)...)
}

func (l *toolbarFlow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.arrange(size.Width, true)
}

// MinSize is one row as high and as wide as the widest part: the toolbar
// wraps rather than hold the window wide; readerFrame asks arrange for
// the height at the width it gives.
func (l *toolbarFlow) MinSize([]fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range l.all() {
		s = s.Max(o.MinSize())
	}
	return s
}

func visible(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

func rowWidth(objs []fyne.CanvasObject, pad float32) float32 {
	var w float32
	for i, o := range objs {
		if i > 0 {
			w += pad
		}
		w += o.MinSize().Width
	}
	return w
}

// readerFrame puts the toolbar above its separator and the body below,
// giving the toolbar the height its rows take at the reader's width.
type readerFrame struct{ flow *toolbarFlow }

func (f *readerFrame) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	bar, sep, body := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	h := f.flow.arrange(size.Width, false)
	bar.Move(fyne.NewPos(0, 0))
	bar.Resize(fyne.NewSize(size.Width, h))
	y := h + pad
	sh := sep.MinSize().Height
	sep.Move(fyne.NewPos(0, y))
	sep.Resize(fyne.NewSize(size.Width, sh))
	y += sh + pad
	body.Move(fyne.NewPos(0, y))
	body.Resize(fyne.NewSize(size.Width, max(0, size.Height-y)))
}

func (f *readerFrame) MinSize(objs []fyne.CanvasObject) fyne.Size {
	bar, sep, body := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	pad := theme.Padding()
	return fyne.NewSize(max(bar.Width, body.Width), bar.Height+pad+sep.Height+pad+body.Height)
}
