package ui

import (
	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/lecture"
)

// The steps of a lecture: the article's, or the current plan's. A long
// paragraph is stepped by sentence, and "long" is decided by the one line
// breaker at the size chosen, so "+" can turn a paragraph shown whole
// into sentences; the steps are cut again whenever the size or the
// screen changes, and the step shown stays.

// sentences are paragraph pi's sentences, cut once.
func (l *lectureMode) sentences(pi int) []lecture.Sentence {
	ss, ok := l.sents[pi]
	if !ok {
		ss = lecture.Sentences(l.svc.doc.Paragraphs[pi].Text)
		l.sents[pi] = ss
	}
	return ss
}

// passageSteps are the steps of sentences first..last of paragraph pi
// (all when last < 0).
func (l *lectureMode) passageSteps(pi, first, last int) []lectureStep {
	ss := l.sentences(pi)
	maxLines := min(lecture.MaxStepLines, l.fitLines())
	sec := l.sectionOf(pi)
	var out []lectureStep
	for _, s := range lecture.ParagraphSteps(l.svc.doc.Paragraphs[pi], ss, first, last, l.countLines, maxLines) {
		out = append(out, lectureStep{kind: stepPara, section: sec, para: pi, first: s.First, last: s.Last, whole: s.Whole})
	}
	return out
}

// sectionOf is the index of the section paragraph pi is in, -1 before
// the first heading.
func (l *lectureMode) sectionOf(pi int) int {
	sec := -1
	for i, s := range l.svc.doc.Sections {
		if s.First <= pi {
			sec = i
		}
	}
	return sec
}

// articleSteps order the article for presenting: each section's title,
// then its paragraphs (long ones by sentence), each followed by the
// key-principle cards it supports.
func (l *lectureMode) articleSteps() []lectureStep {
	doc := l.svc.doc
	cardsOf := map[string][]int{}
	for i := range l.cards {
		cardsOf[l.cards[i].ParagraphID] = append(cardsOf[l.cards[i].ParagraphID], i)
	}
	var steps []lectureStep
	sec := -1
	for pi, p := range doc.Paragraphs {
		for sec+1 < len(doc.Sections) && doc.Sections[sec+1].First <= pi {
			sec++
			steps = append(steps, lectureStep{kind: stepTitle, section: sec, para: pi})
		}
		steps = append(steps, l.passageSteps(pi, 0, -1)...)
		for _, ci := range cardsOf[p.ID] {
			steps = append(steps, lectureStep{kind: stepCard, section: sec, para: pi, card: &l.cards[ci]})
		}
	}
	for sec+1 < len(doc.Sections) {
		sec++
		steps = append(steps, lectureStep{kind: stepTitle, section: sec, para: len(doc.Paragraphs)})
	}
	return steps
}

// planSteps are the steps of plan p; passages this article does not have
// (a plan made on another version) are left out.
func (l *lectureMode) planSteps(p lecture.Plan) []lectureStep {
	doc := l.svc.doc
	index := make(map[string]int, len(doc.Paragraphs))
	for i, para := range doc.Paragraphs {
		index[para.ID] = i
	}
	var steps []lectureStep
	last := -1 // section of the last passage: footnotes and pictures belong to it
	for _, it := range p.Items {
		switch it.Kind {
		case lecture.ItemPassage:
			pi, ok := index[it.Paragraph]
			if !ok {
				continue
			}
			first, to := 0, -1
			if it.From > 0 {
				first, to = it.From-1, max(it.From, it.To)-1
			}
			steps = append(steps, l.passageSteps(pi, first, to)...)
			last = l.sectionOf(pi)
		case lecture.ItemFootnote:
			if footnoteNumbered(doc, it.Footnote) != nil {
				steps = append(steps, lectureStep{kind: stepFootnote, section: last, para: -1, footnote: it.Footnote})
			}
		case lecture.ItemTimeline:
			steps = append(steps, lectureStep{kind: stepPicture, section: last, para: -1, picture: picturesTimeline})
		case lecture.ItemMap:
			pic := picturesCited
			if it.Map == lecture.MapPrinciples {
				pic = picturesPrinciples
			}
			steps = append(steps, lectureStep{kind: stepPicture, section: last, para: -1, picture: pic})
		}
	}
	return steps
}

// cutSteps makes the steps for the size and screen now, keeping the one
// shown.
func (l *lectureMode) cutSteps() {
	var was lectureStep
	had := l.cur >= 0 && l.cur < len(l.steps)
	if had {
		was = l.steps[l.cur]
	}
	if l.plan != nil {
		l.steps = l.planSteps(*l.plan)
	} else {
		l.steps = l.articleSteps()
	}
	w, h := l.page()
	l.cutAt, l.cutScale = fyne.NewSize(w, h), l.scale
	if !had {
		return
	}
	best, bestD := min(l.cur, len(l.steps)-1), 1<<30
	for i, s := range l.steps {
		if !sameStep(s, was) {
			continue
		}
		if d := abs(i - l.cur); d < bestD {
			best, bestD = i, d
		}
	}
	l.cur = best
}

// sameStep reports whether s shows what was showed: the same title, card,
// footnote or picture, or the passage holding was's first sentence.
func sameStep(s, was lectureStep) bool {
	if s.kind != was.kind {
		return false
	}
	switch s.kind {
	case stepPara:
		return s.para == was.para && s.first <= was.first && was.first <= s.last
	case stepCard:
		return s.card == was.card
	case stepFootnote:
		return s.footnote == was.footnote
	case stepPicture:
		return s.picture == was.picture
	}
	return s.section == was.section
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// stepText is the text a passage step discusses: its paragraph, or its
// sentences, without the context shown dimmed around them.
func (l *lectureMode) stepText(st lectureStep) string {
	p := l.svc.doc.Paragraphs[st.para]
	if st.whole {
		return p.Text
	}
	ss := l.sentences(st.para)
	text, _, _ := paragraphSlice(p, ss[st.first].Start, ss[st.last].End)
	return text
}

type stepKind int

const (
	stepTitle    stepKind = iota // a section heading
	stepPara                     // a paragraph of the article, or sentences of it
	stepCard                     // a key-principle card anchored in the paragraph before it
	stepFootnote                 // one footnote, large (a plan's step)
	stepPicture                  // the timeline or a map, full screen (a plan's step)
)

type lectureStep struct {
	kind    stepKind
	section int // index in Document.Sections; -1 before the first heading
	para    int // index in Document.Paragraphs (for a card: its anchor's paragraph)
	// sentences first..last of para are the step's; whole for a paragraph
	// shown at once
	first, last int
	whole       bool
	card        *deck.ResolvedCard
	footnote    int
	picture     int
}

// principleCards are the deck's key-principle cards that resolve to a
// paragraph; a deck that does not parse simply adds no cards.
func principleCards(doc *article.Document) []deck.ResolvedCard {
	if !curated(doc) {
		return nil
	}
	var keep []deck.Card
	for _, c := range shippedDeck() {
		for _, t := range c.Tags {
			if t == "principles" {
				keep = append(keep, c)
				break
			}
		}
	}
	resolved, _ := deck.Resolve(keep, doc)
	return resolved
}
