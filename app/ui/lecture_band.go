package ui

// The step's footnotes in lecture mode: the band beside (or below) the
// text, and one footnote enlarged over it (keys 1-9), each footnote with
// the full reference of its short forms.

import (
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
)

// footnotes are the footnotes of the current step: those its text
// references, then, for a whole paragraph, those whose marker was lost
// beside it.
func (l *lectureMode) footnotes() []int {
	st := l.steps[l.cur]
	switch st.kind {
	case stepFootnote:
		return []int{st.footnote}
	case stepPara:
	default:
		return nil
	}
	p := l.svc.doc.Paragraphs[st.para]
	from, to := 0, len(p.Text)
	if !st.whole {
		ss := l.sentences(st.para)
		from, to = ss[st.first].Start, ss[st.last].End
	}
	var ns []int
	seen := map[int]bool{}
	for _, r := range p.Refs {
		if !seen[r.N] && r.Offset > from && r.Offset <= to {
			seen[r.N] = true
			ns = append(ns, r.N)
		}
	}
	if !st.whole {
		return ns
	}
	for _, f := range l.svc.doc.Footnotes {
		if f.Home() == p.ID && !seen[f.N] {
			seen[f.N] = true
			ns = append(ns, f.N)
		}
	}
	return ns
}

func footnoteList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
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
