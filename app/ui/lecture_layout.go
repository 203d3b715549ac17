package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// lectureLayout places the step's label at the top, the text in the
// middle and the position at the bottom, with sizes from the screen's;
// the footnote band, when shown, takes the bottom of the text's room (or
// its right on a wide screen), and a picture takes all of it.
type lectureLayout struct{ l *lectureMode }

// lectureSizes is the body's type size for a screen at a scale: a
// twentieth of its height (54 px at 1080 lines) or less on a narrow
// screen, times the lecturer's scale. It is the size drawn: a step that
// does not fit scrolls, it is never shrunk, so "+" always shows.
func lectureSizes(s fyne.Size, scale float32) float32 {
	col := s.Width * (1 - 2*lectureMarginX)
	return min(s.Height/20, col/28) * scale
}

// Margins of the page, as parts of its width and height.
const (
	lectureMarginX = 0.06
	lectureTop     = 0.085
	lectureBottom  = 0.075
)

// lectureWide is the aspect from which the footnotes go beside the text
// rather than below it.
const lectureWide = 1.9

func (ll *lectureLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	l := ll.l
	l.pageSize = s
	if (s != l.cutAt || l.scale != l.cutScale) && l.win != nil && len(l.steps) > 0 && !l.cutting {
		// a new screen, or a new size: the steps are cut again for it
		l.cutting = true
		l.cutSteps()
		l.render()
		l.cutting = false
	}
	l.applySizes()
	small := max(14, s.Height*0.024)
	mx := s.Width * lectureMarginX
	top := s.Height * lectureTop
	bottom := s.Height * lectureBottom
	for _, t := range []*canvas.Text{l.kicker, l.pos, l.more} {
		t.TextSize = small
	}
	row := func(t *canvas.Text, y float32) {
		t.Move(fyne.NewPos(mx, y))
		t.Resize(fyne.NewSize(s.Width-2*mx, small*1.3))
	}
	row(l.kicker, (top-small*1.3)/2+small*0.2)
	row(l.pos, s.Height-bottom+(bottom-small*1.3)/2)
	row(l.more, s.Height-bottom+(bottom-small*1.3)/2)
	body := rect(mx, top, s.Width-2*mx, s.Height-top-bottom)
	if l.bandShown {
		pad := s.Height * 0.02
		var band lectureRect
		inX := mx
		if s.Width/s.Height >= lectureWide {
			w := s.Width * 0.34
			band = rect(s.Width-w, 0, w, s.Height-bottom)
			body.W = s.Width - w - 2*mx
			inX = s.Height * 0.04
		} else {
			h := s.Height * 0.38
			band = rect(0, s.Height-bottom-h, s.Width, h)
			body.H = s.Height - bottom - h - top - pad
		}
		l.band.Move(fyne.NewPos(band.X, band.Y))
		l.band.Resize(fyne.NewSize(band.W, band.H))
		l.bandB.Move(fyne.Position{})
		l.bandB.Resize(fyne.NewSize(band.W, band.H))
		l.bandT.box.Move(fyne.NewPos(inX, pad))
		l.bandT.box.Resize(fyne.NewSize(band.W-2*inX, band.H-2*pad))
	}
	l.body.box.Move(fyne.NewPos(body.X, body.Y))
	l.body.box.Resize(fyne.NewSize(body.W, body.H))
	l.picHold.Move(fyne.NewPos(mx/2, top))
	l.picHold.Resize(fyne.NewSize(s.Width-mx, s.Height-top-bottom))
	l.updateMore()
}

// lectureRect is a part of the page.
type lectureRect struct{ X, Y, W, H float32 }

func rect(x, y, w, h float32) lectureRect { return lectureRect{x, y, w, h} }

func setSize(t *bigText, pref, floor float32) {
	if pref != t.pref || floor != t.floor {
		t.pref, t.floor = pref, floor
		t.relayout()
	}
}

func (ll *lectureLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 240) }

// calloutLayout draws one footnote, enlarged, over most of the screen.
type calloutLayout struct{ l *lectureMode }

func (cl *calloutLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	l := cl.l
	// over everything but the position line, which stays readable below
	inX, inY, bottom := s.Width*0.05, s.Height*0.02, s.Height*lectureBottom
	l.calloutV.Move(fyne.Position{})
	l.calloutV.Resize(fyne.NewSize(s.Width, s.Height-bottom))
	l.calloutB.Move(fyne.NewPos(inX, inY))
	l.calloutB.Resize(fyne.NewSize(s.Width-2*inX, s.Height-inY-bottom))
	pad := max(16, s.Height*0.03)
	head := max(16, s.Height*0.03)
	l.calloutH.TextSize = head
	l.calloutH.Move(fyne.NewPos(inX+pad, inY+pad*0.7))
	l.calloutH.Resize(fyne.NewSize(s.Width-2*inX-2*pad, head*1.3))
	y := inY + pad*0.7 + head*1.6
	l.calloutT.box.Move(fyne.NewPos(inX+pad, y))
	l.calloutT.box.Resize(fyne.NewSize(s.Width-2*inX-2*pad, s.Height-bottom-pad*0.7-y))
	// a short footnote gets a box its size, in the middle of the screen
	if t := l.calloutT; !t.overflow && t.height > 0 {
		boxH := y - inY + t.height + pad
		dy := (s.Height - bottom - inY - boxH) / 2
		if dy > 0 {
			l.calloutB.Move(fyne.NewPos(inX, inY+dy))
			l.calloutB.Resize(fyne.NewSize(s.Width-2*inX, boxH))
			l.calloutH.Move(l.calloutH.Position().AddXY(0, dy))
			l.calloutT.box.Move(fyne.NewPos(inX+pad, y+dy))
		}
	}
}

func (cl *calloutLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 150) }
