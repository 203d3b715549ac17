package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The highlight colors and the swatch that picks one, shared by the
// reader's action bar, the note editors and the Notes screen's filter.

// highlightColors are the colors a passage can be highlighted in, by the
// name stored with the note. Each is translucent over the background, a
// little stronger in the dark theme where the text is light.
var highlightColors = []struct {
	name    string
	label   string
	r, g, b uint8
}{
	{"yellow", "Yellow", 0xff, 0xd2, 0x00},
	{"green", "Green", 0x3c, 0xc8, 0x5a},
	{"blue", "Blue", 0x46, 0x9b, 0xff},
	{"pink", "Pink", 0xff, 0x5a, 0xa5},
	{"purple", "Purple", 0xa0, 0x6e, 0xff},
}

const defaultHighlight = "yellow"

// highlightColor is the fill of a highlight named name ("" or unknown: a
// neutral grey, for notes made on the command line without a color).
func highlightColor(name string, v fyne.ThemeVariant) color.Color {
	a := uint8(0x5c)
	if v == theme.VariantDark {
		a = 0x78
	}
	for _, c := range highlightColors {
		if c.name == name {
			return color.NRGBA{c.r, c.g, c.b, a}
		}
	}
	return color.NRGBA{0x90, 0x90, 0x98, a}
}

// drawnVariant is the variant the window is drawn in: the app's setting
// says what the system prefers, but the student may have fixed light or
// dark (theme.go), so ask the theme's background.
func drawnVariant() fyne.ThemeVariant {
	set := fyne.CurrentApp().Settings()
	r, g, b, _ := set.Theme().Color(theme.ColorNameBackground, set.ThemeVariant()).RGBA()
	if (r+g+b)/3 < 0x8000 {
		return theme.VariantDark
	}
	return theme.VariantLight
}

func colorLabel(name string) string {
	for _, c := range highlightColors {
		if c.name == name {
			return c.label
		}
	}
	if name == "" {
		return "No color"
	}
	return name
}

// swatch is a small tappable square of one highlight color.
type swatch struct {
	widget.BaseWidget
	name     string
	selected bool
	onTap    func(name string)
}

func newSwatch(name string, onTap func(string)) *swatch {
	s := &swatch{name: name, onTap: onTap}
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap(s.name)
	}
}

func (s *swatch) MinSize() fyne.Size { return fyne.NewSize(26, 26) }

func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 6
	ring := canvas.NewRectangle(color.Transparent)
	ring.CornerRadius = 8
	return &swatchRenderer{s: s, bg: bg, ring: ring}
}

type swatchRenderer struct {
	s        *swatch
	bg, ring *canvas.Rectangle
}

func (r *swatchRenderer) Layout(sz fyne.Size) {
	r.ring.Resize(sz)
	r.bg.Move(fyne.NewPos(3, 3))
	r.bg.Resize(sz.SubtractWidthHeight(6, 6))
}
func (r *swatchRenderer) MinSize() fyne.Size { return r.s.MinSize() }
func (r *swatchRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = opaque(highlightColor(r.s.name, drawnVariant()))
	r.ring.FillColor = color.Transparent
	r.ring.StrokeWidth = 0
	if r.s.selected {
		r.ring.StrokeColor = r.s.Theme().Color(theme.ColorNameForeground, v)
		r.ring.StrokeWidth = 2
	}
	r.bg.Refresh()
	r.ring.Refresh()
}
func (r *swatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.ring, r.bg} }
func (r *swatchRenderer) Destroy()                     {}
