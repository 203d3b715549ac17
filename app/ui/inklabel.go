package ui

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// inkLabel shows lines of text as a widget.Label with the same text
// shows them (the same size, padding and line spacing, in the theme's
// foreground), drawn from cached glyphs into one raster (glyphs.go). The
// contents panel's titles are the first frame's most text after the
// article's, and a Label rasterizes each of its glyphs again.
type inkLabel struct {
	widget.BaseWidget
	text string
}

func newInkLabel(text string) *inkLabel {
	l := &inkLabel{text: text}
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text.
func (l *inkLabel) SetText(text string) {
	if text == l.text {
		return
	}
	l.text = text
	l.Refresh()
}

func (l *inkLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &inkLabelRenderer{l: l}
	firstInks.addLabel(r)
	r.r = canvas.NewRaster(r.draw)
	r.r.ScaleMode = canvas.ImageScalePixels
	return r
}

type inkLabelRenderer struct {
	l    *inkLabel
	r    *canvas.Raster
	runs []inkRun
	// label shows, in Fyne's drawing, a text the shipped faces lack a
	// letter of (a title in another script), which Fyne finds a system
	// font for
	label *widget.Label
}

// inkable: the shipped faces have every letter of the text.
func (r *inkLabelRenderer) inkable() bool { return inkable(fyne.TextStyle{}, r.l.text) }

// lines are the label's lines, and how far apart they are, the text's
// size and the padding around, as a Label has them (the lines of one
// text follow each other with no spacing between them).
func (l *inkLabel) metrics() (lines []string, step, size, pad float32) {
	th := l.Theme()
	size, pad = th.Size(theme.SizeNameText), th.Size(theme.SizeNameInnerPadding)
	step = sharedMeasurers.At(size).Height()
	return strings.Split(l.text, "\n"), step, size, pad
}

func (r *inkLabelRenderer) MinSize() fyne.Size {
	if !r.inkable() {
		return r.fyneLabel().MinSize()
	}
	lines, step, size, pad := r.l.metrics()
	m := sharedMeasurers.At(size)
	w := float32(0)
	for _, ln := range lines {
		w = max(w, m.Width(ln, 0))
	}
	return fyne.NewSize(w+2*pad, m.Height()+float32(len(lines)-1)*step+2*pad)
}

func (r *inkLabelRenderer) Layout(s fyne.Size) {
	r.r.Resize(s)
	if r.label != nil {
		r.label.Resize(s)
	}
}

func (r *inkLabelRenderer) Objects() []fyne.CanvasObject {
	if !r.inkable() {
		return []fyne.CanvasObject{r.fyneLabel()}
	}
	return []fyne.CanvasObject{r.r}
}

func (r *inkLabelRenderer) fyneLabel() *widget.Label {
	if r.label == nil {
		r.label = widget.NewLabel("")
	}
	if r.label.Text != r.l.text {
		r.label.SetText(r.l.text)
	}
	return r.label
}

func (r *inkLabelRenderer) Destroy() {}

func (r *inkLabelRenderer) Refresh() {
	if !r.inkable() {
		r.fyneLabel().Refresh()
		r.label.Resize(r.l.Size())
		return
	}
	r.r.Refresh()
}

// draw draws the lines into a w by h pixel image.
func (r *inkLabelRenderer) draw(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sz := r.r.Size()
	if sz.Width <= 0 || w == 0 {
		return img
	}
	scale := float32(w) / sz.Width
	c := r.l.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	r.runs = r.l.inkRuns(r.runs[:0], c)
	drawRuns(img, r.runs, scale, &uiInk.sh, &uiInk.faces)
	return img
}

// inkRuns appends the label's lines, in colour c, to runs.
func (l *inkLabel) inkRuns(runs []inkRun, c color.Color) []inkRun {
	lines, step, size, pad := l.metrics()
	for i, ln := range lines {
		runs = append(runs, inkRun{text: ln, size: size, c: c, x: pad, top: pad + float32(i)*step})
	}
	return runs
}
