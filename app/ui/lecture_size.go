package ui

// Lecture mode's type size: the lecturer's factor (+, -, 0), the page it
// is set on, and how many lines a passage takes at that size, which
// decides how the steps are cut.

import (
	"strconv"

	"fyne.io/fyne/v2"
)

// lectureOpenMax is the largest type size a lecture opens at, whatever
// was saved: "+" pressed for the back row last time must not make the
// next lecture open with three words a line.
const lectureOpenMax = 1.6

// openScale is the size a lecture opens at for a saved one: a step of
// lectureScales, never above lectureOpenMax.
func openScale(saved float64) float32 {
	s := float32(saved)
	if s < lectureScales[0] || s > lectureScales[len(lectureScales)-1] {
		return 1
	}
	return min(s, lectureOpenMax)
}

// lectureScales are the lecturer's size factors, smallest first: each
// step about an eighth larger than the one before.
var lectureScales = []float32{0.6, 0.7, 0.8, 0.9, 1, 1.12, 1.25, 1.4, 1.6, 1.8, 2}

// zoom makes the type a step larger (dir 1), smaller (-1) or as it was
// (0); the steps are cut again for the new size and remembered, with the
// plan when one is played.
func (l *lectureMode) zoom(dir int) {
	i := 0
	for i < len(lectureScales)-1 && lectureScales[i] < l.scale-0.001 {
		i++
	}
	i = max(0, min(len(lectureScales)-1, i+dir))
	if dir == 0 {
		i = 4
	}
	l.scale = lectureScales[i]
	if l.plan != nil && l.plan.Publisher == "" { // another's shared plan is not saved
		l.plan.Scale = float64(l.scale)
		p, st := *l.plan, l.svc.st
		l.svc.writes.do(func() {
			if _, err := st.SavePlan(p); err != nil {
				fyne.LogError("lecture: remembering the plan's type size", err)
			}
		})
	} else {
		l.svc.setSetting(keyLectureScale, strconv.FormatFloat(float64(l.scale), 'f', 2, 32))
	}
	if l.win != nil && len(l.steps) > 0 {
		l.cutSteps()
		l.render()
		l.win.Content().Refresh()
	}
}

// page is the lecture window's content size, or a projector's before the
// window is laid out.
func (l *lectureMode) page() (w, h float32) {
	if l.pageSize.Width > 0 {
		return l.pageSize.Width, l.pageSize.Height
	}
	return 1024, 768
}

// textBox is the body's type size and the column it is set in.
func (l *lectureMode) textBox() (size, width, height float32) {
	w, h := l.page()
	return lectureSizes(fyne.NewSize(w, h), l.scale), w * (1 - 2*lectureMarginX), h * (1 - lectureTop - lectureBottom)
}

// fitLines is how many lines of body text the screen holds.
func (l *lectureMode) fitLines() int {
	size, _, h := l.textBox()
	return max(1, int(h/(size*bigLineSpacing)))
}

// countLines is how many lines bytes [start, end) of paragraph pi take
// at the body's size.
func (l *lectureMode) countLines(pi, start, end int) int {
	size, width, _ := l.textBox()
	text, spans, refs := paragraphSlice(l.svc.doc.Paragraphs[pi], start, end)
	l.measure.set(text, spans, refs, nil)
	_, _, n := l.measure.breakLines(size, width-bigScrollBar, false, nil)
	return n
}

// applySizes gives the texts the sizes for the screen and the step shown,
// laying them out again when they changed.
func (l *lectureMode) applySizes() {
	if l.pageSize.Width == 0 || len(l.steps) == 0 {
		return
	}
	pref := lectureSizes(l.pageSize, l.scale)
	switch l.steps[l.cur].kind {
	case stepTitle:
		pref *= 1.25
	case stepFootnote:
		pref *= 0.8
	}
	setSize(l.body, pref, pref)
	h := l.pageSize.Height
	setSize(l.calloutT, lectureSizes(l.pageSize, l.scale)*0.8, max(22, h*0.028))
	setSize(l.bandT, lectureSizes(l.pageSize, l.scale)*0.6, max(20, h*0.026))
}
