package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// lectureLayout places the step's label at the top, the text in the
// middle and the position at the bottom, with sizes from the screen's.
type lectureLayout struct{ l *lectureMode }

// lectureSizes are the type sizes for a screen: the body's preferred
// size and the floor fitting may shrink it to. The floor is 3% of the
// height (32 px at 1080 lines) so that even a long paragraph stays
// legible from the back of a room; past it the text scrolls.
func lectureSizes(s fyne.Size, scale float32) (pref, floor float32) {
	col := s.Width * (1 - 2*lectureMarginX)
	pref = min(s.Height/20, col/28) * scale
	floor = max(18, s.Height*0.03) * min(scale, 1)
	return pref, floor
}

const lectureMarginX = 0.06

func (ll *lectureLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	l := ll.l
	l.pageSize = s
	l.applySizes()
	small := max(14, s.Height*0.024)
	mx := s.Width * lectureMarginX
	top := s.Height * 0.085
	bottom := s.Height * 0.075
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
	l.body.box.Move(fyne.NewPos(mx, top))
	l.body.box.Resize(fyne.NewSize(s.Width-2*mx, s.Height-top-bottom))
	l.updateMore()
}

// applySizes gives the text the sizes for the screen and the step shown,
// laying it out again when they changed.
func (l *lectureMode) applySizes() {
	if l.pageSize.Width == 0 {
		return
	}
	pref, floor := lectureSizes(l.pageSize, l.scale)
	if st := l.steps[l.cur]; st.kind == stepTitle {
		pref, floor = pref*1.25, floor*1.25
	}
	if pref != l.body.pref || floor != l.body.floor {
		l.body.pref, l.body.floor = pref, floor
		l.body.relayout()
	}
	cpref, _ := lectureSizes(l.pageSize, l.scale)
	cpref *= 0.72
	cfloor := max(16, l.pageSize.Height*0.024)
	if cpref != l.calloutT.pref || cfloor != l.calloutT.floor {
		l.calloutT.pref, l.calloutT.floor = cpref, cfloor
		l.calloutT.relayout()
	}
}

func (ll *lectureLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 240) }

// calloutLayout draws the footnotes as a panel over most of the screen.
type calloutLayout struct{ l *lectureMode }

func (cl *calloutLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	l := cl.l
	// over everything but the position line, which stays readable below
	inX, inY, bottom := s.Width*0.05, s.Height*0.02, s.Height*0.075
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
}

func (cl *calloutLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 150) }
