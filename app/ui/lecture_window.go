package ui

// The projector window: its parts, built once a lecture, and its colours.

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// build makes the lecture window: the text, the footnote band, the
// enlarged footnote, the pictures and the blank screen on one background.
func (l *lectureMode) build() {
	w := l.svc.app.NewWindow("Glossa lecture")
	l.win = w
	l.bg = canvas.NewRectangle(color.Black)
	l.kicker = canvas.NewText("", color.White)
	l.kicker.TextStyle.Bold = true
	l.pos = canvas.NewText("", color.White)
	l.pos.Alignment = fyne.TextAlignTrailing
	l.more = canvas.NewText("▼ more below: Down or Space scrolls", color.White)
	l.body = newBigText()
	l.measure = newBigText()

	l.bandB = canvas.NewRectangle(color.Black)
	l.bandT = newBigText()
	l.bandT.top = true
	l.band = container.NewWithoutLayout(l.bandB, l.bandT.box)
	l.band.Hide()
	// the pictures are drawn in the app's colours, on its background
	l.picBg = canvas.NewRectangle(color.Black)
	l.picBg.CornerRadius = 12
	l.picHold = container.NewStack()
	l.picHold.Hide()
	page := container.New(&lectureLayout{l}, l.kicker, l.body.box, l.pos, l.more, l.band, l.picHold)

	l.calloutB = canvas.NewRectangle(color.Black)
	l.calloutB.StrokeWidth = 3
	l.calloutB.CornerRadius = 18
	l.calloutH = canvas.NewText("", color.White)
	l.calloutH.TextStyle.Bold = true
	l.calloutT = newBigText()
	l.calloutT.top = true
	// the text behind an enlarged footnote is veiled, so that the two do
	// not read as one
	l.calloutV = canvas.NewRectangle(color.Black)
	l.callout = container.New(&calloutLayout{l}, l.calloutV, l.calloutB, l.calloutH, l.calloutT.box)
	l.callout.Hide()

	l.blank = canvas.NewRectangle(color.Black)
	l.blank.Hide()
	l.calloutShown, l.bandShown, l.blanked, l.revealed = false, false, false, false
	l.picture, l.pictureOver, l.views = -1, false, nil

	l.applyColors()
	w.SetContent(container.NewStack(l.bg, page, l.callout, l.blank))
	w.Canvas().SetOnTypedKey(l.onKey)
	w.Canvas().SetOnTypedRune(l.onRune)
	l.addShortcuts(w.Canvas())
	w.SetOnClosed(l.onWindowClosed)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1024, 768))
	w.SetFullScreen(true)
}

// lecturePalette is the projector's colours: the app's light or dark
// choice, at full contrast.
type lecturePalette struct {
	bg, fg, dim, ref, calloutBg, calloutLine color.Color
	ctx                                      color.Color // sentences around the one discussed
}

func (l *lectureMode) palette() lecturePalette {
	if drawnVariant() == theme.VariantLight {
		return lecturePalette{
			bg: color.White, fg: color.NRGBA{R: 0x14, G: 0x14, B: 0x14, A: 0xff},
			dim: color.NRGBA{R: 0x5f, G: 0x63, B: 0x68, A: 0xff}, ref: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
			calloutBg: color.NRGBA{R: 0xf4, G: 0xf1, B: 0xe8, A: 0xff}, calloutLine: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
			ctx: color.NRGBA{R: 0x9a, G: 0x9e, B: 0xa3, A: 0xff},
		}
	}
	return lecturePalette{
		bg: color.NRGBA{R: 0x10, G: 0x12, B: 0x14, A: 0xff}, fg: color.NRGBA{R: 0xf2, G: 0xf2, B: 0xf2, A: 0xff},
		dim: color.NRGBA{R: 0xa0, G: 0xa6, B: 0xad, A: 0xff}, ref: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
		calloutBg: color.NRGBA{R: 0x1f, G: 0x24, B: 0x2b, A: 0xff}, calloutLine: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
		ctx: color.NRGBA{R: 0x6e, G: 0x74, B: 0x7a, A: 0xff},
	}
}

func (l *lectureMode) applyColors() {
	p := l.palette()
	l.bg.FillColor = p.bg
	l.kicker.Color, l.pos.Color, l.more.Color = p.ref, p.dim, p.dim
	l.body.fg, l.body.ref, l.body.dim = p.fg, p.ref, p.ctx
	l.calloutB.FillColor, l.calloutB.StrokeColor = p.calloutBg, p.calloutLine
	if bg, ok := p.bg.(color.NRGBA); ok {
		bg.A = 0xe6
		l.calloutV.FillColor = bg
	} else {
		l.calloutV.FillColor = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xe6}
	}
	l.calloutH.Color = p.ref
	l.calloutT.fg, l.calloutT.ref, l.calloutT.dim = p.fg, p.ref, p.dim
	l.bandB.FillColor = p.calloutBg
	l.bandT.fg, l.bandT.ref, l.bandT.dim = p.fg, p.ref, p.dim
	l.picBg.FillColor = theme.Color(theme.ColorNameBackground)
}

// setShown shows or hides o and repaints it. Show and Hide alone repaint
// nothing, and an object hidden since the window opened is not yet known
// to the canvas, so the repaint is asked of the window's canvas itself.
func (l *lectureMode) setShown(o fyne.CanvasObject, on bool) {
	if on == o.Visible() {
		return
	}
	if on {
		o.Show()
	} else {
		o.Hide()
	}
	if l.win != nil {
		l.win.Canvas().Refresh(o)
		l.win.Canvas().Refresh(l.win.Content())
	}
}
