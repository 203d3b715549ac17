package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/article"
)

// lectureKey is one of lecture mode's commands: the keys and characters
// that run it and what it does, in one table that the key handlers, the
// presenter view's help and the README's keyboard table follow.
type lectureKey struct {
	help  string
	keys  []fyne.KeyName
	runes []rune
	do    func()
}

// keyCommands are lecture mode's keys. Letters are keys (KeyF), never
// runes, so that one press acts once.
func (l *lectureMode) keyCommands() []lectureKey {
	return []lectureKey{
		{"forward", []fyne.KeyName{fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyReturn, fyne.KeyEnter}, nil, l.next},
		{"back", []fyne.KeyName{fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace}, nil, l.prev},
		{"first step of the section", []fyne.KeyName{fyne.KeyHome}, nil, func() { l.goTo(l.sectionBounds(true)) }},
		{"last step of the section", []fyne.KeyName{fyne.KeyEnd}, nil, func() { l.goTo(l.sectionBounds(false)) }},
		{"footnotes", []fyne.KeyName{fyne.KeyF}, nil, func() { l.showBand(!l.bandShown) }},
		{"blank screen", []fyne.KeyName{fyne.KeyB, fyne.KeyPeriod}, nil, func() { l.setBlank(true) }}, // "." is many clickers' blank button
		{"presenter view", []fyne.KeyName{fyne.KeyP}, nil, l.showPresenter},
		{"highlights on the projector", []fyne.KeyName{fyne.KeyH}, nil, l.toggleMarks},
		{"timeline", []fyne.KeyName{fyne.KeyT}, nil, func() { l.togglePicture(picturesTimeline) }},
		{"who is cited where", []fyne.KeyName{fyne.KeyM}, nil, func() { l.togglePicture(picturesCited) }},
		{"principles map", []fyne.KeyName{fyne.KeyK}, nil, func() { l.togglePicture(picturesPrinciples) }},
		{"back to the text, or leave", []fyne.KeyName{fyne.KeyEscape}, nil, l.escape},
		{"larger type", nil, []rune{'+', '='}, func() { l.zoom(1) }},
		{"smaller type", nil, []rune{'-', '_'}, func() { l.zoom(-1) }},
		{"type as it was", nil, []rune{'0'}, func() { l.zoom(0) }},
		{"enlarge footnote 1–9 of the band", nil, []rune{'1', '2', '3', '4', '5', '6', '7', '8', '9'}, nil},
	}
}

func (l *lectureMode) onKey(ev *fyne.KeyEvent) {
	if l.blanked {
		l.setBlank(false)
		l.swallowRune = len(ev.Name) == 1 || ev.Name == fyne.KeySpace
		return
	}
	for _, c := range l.keyCommands() {
		for _, k := range c.keys {
			if k == ev.Name && c.do != nil {
				c.do()
				return
			}
		}
	}
}

func (l *lectureMode) onRune(r rune) {
	if l.swallowRune {
		l.swallowRune = false
		return
	}
	if r >= '1' && r <= '9' {
		l.enlarge(int(r - '1'))
		return
	}
	for _, c := range l.keyCommands() {
		for _, k := range c.runes {
			if k == r && c.do != nil {
				c.do()
				return
			}
		}
	}
}

// addShortcuts makes the main window's picture shortcuts work in the
// lecture window too, opening the pictures inside it.
func (l *lectureMode) addShortcuts(c fyne.Canvas) {
	def := fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: def}, func(fyne.Shortcut) { l.togglePicture(picturesTimeline) })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: def}, func(fyne.Shortcut) { l.togglePicture(picturesCited) })
}

// escape steps back out of what is open, one layer a press: the enlarged
// footnote, the band, a picture, then the lecture.
func (l *lectureMode) escape() {
	switch {
	case l.calloutShown:
		l.showCallout(false)
	case l.bandShown:
		l.showBand(false)
	case l.picture >= 0 && l.pictureOver:
		l.pictureOver = false
		l.showPicture(-1, false)
		l.updateMore()
	case l.picture >= 0:
		// a picture step: back to the text shown before it
		i := l.cur
		for i > 0 && (l.steps[i].kind == stepPicture) {
			i--
		}
		if l.steps[i].kind == stepPicture {
			l.leave()
			return
		}
		l.goTo(i)
	default:
		l.leave()
	}
}

// showBand shows or hides the step's footnotes in a band beside the
// text, which stays in view.
func (l *lectureMode) showBand(on bool) {
	if l.band == nil {
		return
	}
	l.bandShown = on
	if on {
		l.fillBand()
	}
	l.setShown(l.band, on)
	l.render()
	l.win.Content().Refresh()
}

// fillBand puts the current step's footnotes in the band.
func (l *lectureMode) fillBand() {
	fns := l.footnotes()
	if len(fns) == 0 {
		l.bandT.set("This step has no footnotes.", []article.Span{{Start: 0, End: 27, Style: article.Italic}}, nil, nil)
		return
	}
	text, spans := l.footnoteText(fns)
	l.bandT.set(text, spans, nil, nil)
}

// footnoteText is footnotes ns, numbered, each with the full reference of
// its Ibid. and short forms as the reader gives them.
func (l *lectureMode) footnoteText(ns []int) (string, []article.Span) {
	var b strings.Builder
	var spans []article.Span
	lib := l.svc.library()
	for i, n := range ns {
		if i > 0 {
			b.WriteString("\n")
		}
		start := b.Len()
		b.WriteString(strconv.Itoa(n))
		spans = append(spans, article.Span{Start: start, End: b.Len(), Style: article.Bold})
		b.WriteString("  ")
		if f := footnoteNumbered(l.svc.doc, n); f != nil {
			off := b.Len()
			b.WriteString(f.Text)
			for _, s := range f.Spans {
				spans = append(spans, article.Span{Start: s.Start + off, End: s.End + off, Style: s.Style})
			}
		}
		lines, _ := resolvedCitations(lib, n)
		for _, line := range lines {
			b.WriteString("\n")
			start := b.Len()
			b.WriteString(line)
			spans = append(spans, article.Span{Start: start, End: b.Len(), Style: article.Italic})
		}
	}
	return b.String(), spans
}

// enlarge shows footnote k of the step (0-based) on its own, large.
func (l *lectureMode) enlarge(k int) {
	fns := l.footnotes()
	if k < 0 || k >= len(fns) {
		return
	}
	l.calloutN = fns[k]
	l.showCallout(true)
}

// showCallout shows or hides the enlarged footnote.
func (l *lectureMode) showCallout(on bool) {
	if l.callout == nil {
		return
	}
	if !on {
		l.calloutShown = false
		l.setShown(l.callout, false)
		return
	}
	l.calloutH.Text = "Footnote " + strconv.Itoa(l.calloutN)
	text, spans := l.footnoteText([]int{l.calloutN})
	l.calloutShown = true
	l.calloutT.set(text, spans, nil, nil)
	l.setShown(l.callout, true)
	l.callout.Refresh()
}

// setBlank blacks the screen out (or lights it again).
func (l *lectureMode) setBlank(on bool) {
	l.blanked = on
	l.setShown(l.blank, on)
	if l.presenter != nil {
		l.presenter.update()
	}
}

// toggleMarks shows or hides the lecturer's highlights on the projector,
// and remembers the choice.
func (l *lectureMode) toggleMarks() {
	l.showMarks = !l.showMarks
	v := "0"
	if l.showMarks {
		v = "1"
	}
	l.svc.setSetting(keyLectureMarks, v)
	if l.win != nil && len(l.steps) > 0 {
		l.render()
	}
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

// sectionBounds is the first (or last) step of the current section.
func (l *lectureMode) sectionBounds(first bool) int {
	sec := l.steps[l.cur].section
	i := l.cur
	if first {
		for i > 0 && l.steps[i-1].section == sec {
			i--
		}
		return i
	}
	for i < len(l.steps)-1 && l.steps[i+1].section == sec {
		i++
	}
	return i
}

// lecturePicturesFor is container.NewThemeOverride's theme for pictures
// drawn on a page h pixels high: labels of at least 28 px at 1080 lines.
func lecturePicturesScale(h float32) float32 {
	return max(picturesScale, 2*h/1080)
}

// showPicture shows picture pic full screen in the lecture window (-1
// hides it); over marks it as put over the text by a key.
func (l *lectureMode) showPicture(pic int, over bool) {
	if pic < 0 {
		l.picture = -1
		l.setShown(l.picHold, false)
		l.setShown(l.body.box, true)
		return
	}
	_, h := l.page()
	scale := lecturePicturesScale(h)
	if l.views == nil || l.views.scale != scale {
		l.views = newPictureViews(l.svc, l.nav, l.win, scale)
	}
	var content fyne.CanvasObject
	switch pic {
	case picturesTimeline:
		content = l.views.timeline.content
		l.kicker.Text = "Timeline"
	case picturesCited:
		content = l.views.cited.content
		l.kicker.Text = "Who is cited where"
	default:
		content = l.views.principles.content
		l.kicker.Text = "Principles map"
	}
	l.kicker.Text += "    ↓ scrolls  ·  → next step  ·  Esc back to the text"
	l.kicker.Refresh()
	l.picture, l.pictureOver = pic, over
	l.picBg.FillColor = theme.Color(theme.ColorNameBackground)
	l.picHold.Objects = []fyne.CanvasObject{l.picBg, container.NewPadded(container.NewThemeOverride(content, largeType{scale: scale}))}
	l.picHold.Refresh()
	l.setShown(l.body.box, false)
	l.setShown(l.picHold, true)
	l.updateMore()
}

// togglePicture puts picture pic over the text, or takes it away.
func (l *lectureMode) togglePicture(pic int) {
	if l.win == nil {
		return
	}
	if l.picture == pic && l.pictureOver {
		l.pictureOver = false
		l.showPicture(-1, false)
		l.render()
		return
	}
	l.showPicture(pic, true)
}

// pagePicture scrolls the picture shown by most of a screen; false when
// it is already at that end.
func (l *lectureMode) pagePicture(dir int) bool {
	if l.views == nil {
		return false
	}
	var s *container.Scroll
	switch l.picture {
	case picturesTimeline:
		s = l.views.timeline.scroll
	case picturesCited:
		s = l.views.cited.scroll
	default:
		s = l.views.principles.scroll
	}
	vh := s.Size().Height
	maxY := s.Content.MinSize().Height - vh
	y := s.Offset.Y + float32(dir)*vh*0.8
	y = max(0, min(y, maxY))
	if y == s.Offset.Y || maxY <= 0 {
		return false
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
	return true
}
