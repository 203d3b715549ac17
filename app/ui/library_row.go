package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// fitLabel is one line of text cut to its width with an ellipsis, the cut
// found with the window's cached glyph advances (flowtext). A
// widget.Label shapes its text again for every cut it tries: about 1 ms a
// row, so a shelf redrawn on every key typed missed its frame.
type fitLabel struct {
	widget.BaseWidget
	Text  string
	bold  bool
	color fyne.ThemeColorName
}

func newFitLabel(bold bool, color fyne.ThemeColorName) *fitLabel {
	f := &fitLabel{bold: bold, color: color}
	f.ExtendBaseWidget(f)
	return f
}

// SetText changes the text, redrawing only when it changed.
func (f *fitLabel) SetText(s string) {
	if s == f.Text {
		return
	}
	f.Text = s
	f.Refresh()
}

// SetColor changes the theme color the text is drawn in.
func (f *fitLabel) SetColor(c fyne.ThemeColorName) {
	if c == f.color {
		return
	}
	f.color = c
	f.Refresh()
}

func (f *fitLabel) CreateRenderer() fyne.WidgetRenderer {
	t := canvas.NewText("", nil)
	t.TextStyle.Bold = f.bold
	return &fitLabelRenderer{f: f, t: t, objs: []fyne.CanvasObject{t}}
}

type fitLabelRenderer struct {
	f    *fitLabel
	t    *canvas.Text
	objs []fyne.CanvasObject
	// the text cut for width w, kept until either changes
	w    float32
	from string
}

func (r *fitLabelRenderer) style() article.Style {
	if r.f.bold {
		return article.Bold
	}
	return 0
}

func (r *fitLabelRenderer) MinSize() fyne.Size {
	h := flowtext.Shared.At(theme.TextSize()).Height()
	return fyne.NewSize(4*theme.InnerPadding(), h+theme.InnerPadding())
}

func (r *fitLabelRenderer) Layout(size fyne.Size) {
	pad := theme.InnerPadding()
	r.fit(size.Width - 2*pad)
	r.t.Move(fyne.NewPos(pad, theme.InnerPadding()/2))
	r.t.Resize(fyne.NewSize(size.Width-2*pad, size.Height-theme.InnerPadding()))
}

// fit cuts the text at the last whole rune that leaves room for "…".
func (r *fitLabelRenderer) fit(w float32) {
	if w == r.w && r.f.Text == r.from {
		return
	}
	r.w, r.from = w, r.f.Text
	m := flowtext.Shared.At(theme.TextSize())
	st := r.style()
	text := r.f.Text
	if m.Width(text, st) <= w {
		r.t.Text = text
		return
	}
	room := w - m.Advance('…', st)
	var x float32
	cut := 0
	for i, c := range text {
		x += m.Advance(c, st)
		if x > room {
			break
		}
		cut = i + len(string(c))
	}
	r.t.Text = text[:cut] + "…"
}

func (r *fitLabelRenderer) Refresh() {
	r.t.TextSize = theme.TextSize()
	r.t.Color = theme.Color(r.f.color)
	r.w = -1 // the text or the size of the type may have changed
	r.Layout(r.f.Size())
	r.t.Refresh()
}

func (r *fitLabelRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *fitLabelRenderer) Destroy()                     {}
