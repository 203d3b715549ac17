package ui

// Drawing a step of a lecture: the text with its context dimmed, the
// kicker above it and the discreet position line below.

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

// lectureContextLines is the most lines a sentence shown dimmed beside
// the one discussed may take.
const lectureContextLines = 3

// goTo shows step i from its beginning.
func (l *lectureMode) goTo(i int) {
	if i < 0 || i >= len(l.steps) || l.win == nil {
		return
	}
	l.cur, l.revealed = i, false
	l.showCallout(false)
	l.pictureOver = false
	l.render()
}

// render puts the current step on the screen.
func (l *lectureMode) render() {
	st := l.steps[l.cur]
	l.applySizes()
	doc := l.svc.doc
	l.body.align = fyne.TextAlignLeading
	l.kicker.Text = ""
	switch st.kind {
	case stepTitle:
		s := doc.Sections[st.section]
		text := s.Number + "\n" + s.Title
		l.body.align = fyne.TextAlignCenter
		l.body.set(text, []article.Span{{Start: 0, End: len(text), Style: article.Bold}}, nil, nil)
		if s.First < len(doc.Paragraphs) {
			l.lastPara = s.First
		}
	case stepPara:
		l.renderPassage(st)
		l.lastPara = st.para
	case stepCard:
		c := st.card
		q := c.Question()
		text := q
		spans := []article.Span{{Start: 0, End: len(q), Style: article.Bold}}
		if l.revealed {
			text += "\n\n" + c.Answer()
		}
		l.body.set(text, spans, nil, nil)
		l.kicker.Text = "Key principle"
		if !l.revealed {
			l.kicker.Text += " (next: the answer)"
		}
	case stepFootnote:
		text, spans := l.footnoteText([]int{st.footnote})
		l.body.set(text, spans, nil, nil)
		l.kicker.Text = "Footnote " + strconv.Itoa(st.footnote)
	}
	if st.kind == stepPicture {
		l.showPicture(st.picture, false)
	} else if !l.pictureOver {
		l.showPicture(-1, false)
	}
	if fns := l.footnotes(); l.kicker.Text == "" && len(fns) > 0 {
		l.kicker.Text = "F: footnotes " + footnoteList(fns)
		if l.bandShown {
			where := " below    1"
			if w, h := l.page(); w/h >= lectureWide {
				where = " beside    1"
			}
			l.kicker.Text = "Footnotes " + footnoteList(fns) + where
			if len(fns) > 1 {
				l.kicker.Text += "–" + strconv.Itoa(min(9, len(fns)))
			}
			l.kicker.Text += ": one enlarged  ·  F hides them"
		}
	}
	if l.bandShown {
		l.fillBand()
	}
	l.pos.Text = l.position()
	l.kicker.Refresh()
	l.pos.Refresh()
	l.updateMore()
	if l.presenter != nil {
		l.presenter.update()
	}
}

// renderPassage shows a paragraph, or the sentences of a step in full
// contrast with the sentences beside them dimmed, as many as fit.
func (l *lectureMode) renderPassage(st lectureStep) {
	p := l.svc.doc.Paragraphs[st.para]
	var marks []lectureMark
	if l.showMarks {
		marks = l.highlights(p)
	}
	if st.whole {
		l.body.set(p.Text, p.Spans, p.Refs, marks)
		return
	}
	ss := l.sentences(st.para)
	a, b := ss[st.first].Start, ss[st.last].End
	from, to := a, b
	// a neighbour is context only while it is short: a long one dimmed
	// would outweigh the sentence discussed
	fits := func(x, y int) bool { return l.countLines(st.para, x, y) <= l.fitLines() }
	short := func(s lecture.Sentence) bool { return l.countLines(st.para, s.Start, s.End) <= lectureContextLines }
	if st.last+1 < len(ss) && short(ss[st.last+1]) && fits(from, ss[st.last+1].End) {
		to = ss[st.last+1].End
	}
	if st.first > 0 && short(ss[st.first-1]) && fits(ss[st.first-1].Start, to) {
		from = ss[st.first-1].Start
	}
	text, spans, refs := paragraphSlice(p, from, to)
	var shifted []lectureMark
	for _, m := range marks {
		if m.end > from && m.start < to {
			shifted = append(shifted, lectureMark{start: max(0, m.start-from), end: min(to, m.end) - from, color: m.color})
		}
	}
	if from < a {
		shifted = append(shifted, lectureMark{start: 0, end: a - from, dim: true})
	}
	if to > b {
		shifted = append(shifted, lectureMark{start: b - from, end: to - from, dim: true})
	}
	l.body.set(text, spans, refs, shifted)
}

// paragraphSlice is the bytes [from, to) of p with their styles and
// footnote markers, trailing spaces dropped.
func paragraphSlice(p article.Paragraph, from, to int) (string, []article.Span, []article.Ref) {
	text := strings.TrimRight(p.Text[from:to], " \t\n")
	end := from + len(text)
	var spans []article.Span
	for _, s := range p.Spans {
		if s.End > from && s.Start < end {
			spans = append(spans, article.Span{Start: max(s.Start, from) - from, End: min(s.End, end) - from, Style: s.Style})
		}
	}
	var refs []article.Ref
	for _, r := range p.Refs {
		if r.Offset > from && r.Offset <= to {
			r.Offset = min(r.Offset, end) - from
			refs = append(refs, r)
		}
	}
	return text, spans, refs
}

// position is the discreet line at the bottom: section and step, or the
// plan's name and step.
func (l *lectureMode) position() string {
	st := l.steps[l.cur]
	if l.plan != nil {
		return openingWords(l.plan.Name, 48) + "    " + strconv.Itoa(l.cur+1) + " / " + strconv.Itoa(len(l.steps))
	}
	k, n := l.sectionStep()
	if st.section < 0 {
		return strconv.Itoa(k) + " / " + strconv.Itoa(n)
	}
	s := l.svc.doc.Sections[st.section]
	return s.Number + "  " + openingWords(s.Title, 48) + "    " + strconv.Itoa(k) + " / " + strconv.Itoa(n)
}

// sectionStep is the current step's place in its section: k of n.
func (l *lectureMode) sectionStep() (k, n int) {
	sec := l.steps[l.cur].section
	for i, s := range l.steps {
		if s.section == sec {
			n++
			if i <= l.cur {
				k++
			}
		}
	}
	return k, n
}

func (l *lectureMode) updateMore() {
	l.setShown(l.more, l.picture < 0 && l.body.overflow && !l.body.atEnd())
}

// highlights are the lecturer's highlights and notes on passages of p,
// found again with their anchors.
func (l *lectureMode) highlights(p article.Paragraph) []lectureMark {
	var marks []lectureMark
	for _, n := range l.passageNotes(p) {
		m, ok := anchor.Locate(l.svc.doc.Paragraphs, n.Anchor)
		if !ok || m.Index != p.Index {
			continue
		}
		marks = append(marks, lectureMark{start: m.Start, end: m.End, color: lectureHighlightIndex(n.Color)})
	}
	return marks
}

// passageNotes are the lecturer's notes and highlights on p that are
// anchored in it.
func (l *lectureMode) passageNotes(p article.Paragraph) []store.Note {
	notes, err := l.svc.st.Notes(store.NoteFilter{TargetKind: store.TargetPassage, TargetID: p.ID})
	if err != nil {
		fyne.LogError("lecture: highlights of "+p.ID, err)
		return nil
	}
	keep := notes[:0]
	for _, n := range notes {
		if !n.Orphan && n.Anchor.Exact != "" {
			keep = append(keep, n)
		}
	}
	return keep
}
