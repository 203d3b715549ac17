package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/article"
)

// showCallout shows or hides the current step's footnotes, large.
func (l *lectureMode) showCallout(on bool) {
	if l.callout == nil {
		return
	}
	if !on {
		l.calloutShown = false
		l.setShown(l.callout, false)
		return
	}
	fns := l.footnotes()
	var b strings.Builder
	var spans []article.Span
	if len(fns) == 0 {
		l.calloutH.Text = "No footnotes"
		b.WriteString("This step has no footnotes.")
	} else {
		l.calloutH.Text = "Footnotes " + footnoteList(fns)
		for i, n := range fns {
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
		}
	}
	l.calloutShown = true
	l.calloutT.set(b.String(), spans, nil, nil)
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

// lectureScales are the lecturer's size factors, smallest first.
var lectureScales = []float32{0.6, 0.7, 0.8, 0.9, 1, 1.12, 1.25, 1.4, 1.6, 1.8, 2}

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
	l.svc.setSetting(keyLectureScale, strconv.FormatFloat(float64(l.scale), 'f', 2, 32))
	if l.win != nil {
		l.win.Content().Refresh()
	}
}

func (l *lectureMode) onKey(ev *fyne.KeyEvent) {
	if l.blanked {
		l.setBlank(false)
		l.swallowRune = len(ev.Name) == 1 || ev.Name == fyne.KeySpace
		return
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyReturn, fyne.KeyEnter:
		l.next()
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace:
		l.prev()
	case fyne.KeyHome:
		l.goTo(l.sectionBounds(true))
	case fyne.KeyEnd:
		l.goTo(l.sectionBounds(false))
	case fyne.KeyF:
		l.showCallout(!l.calloutShown)
	case fyne.KeyB, fyne.KeyPeriod:
		// "." is the blank-screen button of many clickers
		l.setBlank(true)
	case fyne.KeyP:
		l.showPresenter()
	case fyne.KeyEscape:
		if l.calloutShown {
			l.showCallout(false)
			return
		}
		l.leave()
	}
}

func (l *lectureMode) onRune(r rune) {
	if l.swallowRune {
		l.swallowRune = false
		return
	}
	switch r {
	case '+', '=':
		l.zoom(1)
	case '-', '_':
		l.zoom(-1)
	case '0':
		l.zoom(0)
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
