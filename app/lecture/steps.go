package lecture

import "github.com/glossa-app/glossa/app/article"

// Step is one slide of a passage: a whole paragraph, or the sentences
// First..Last (0-based, inclusive) of it. Whole is set for a paragraph
// shown at once.
type Step struct {
	Para        int // index in Document.Paragraphs
	First, Last int // sentences shown, full contrast
	Whole       bool
}

// LineCounter says how many lines the bytes [start, end) of paragraph
// para take on the projector at the chosen type size; lecture mode asks
// its line breaker, so "long" means long as the room sees it.
type LineCounter func(para, start, end int) int

// MaxStepLines is how many lines a step of text may take before it is
// cut by sentence: a few, so that a slide is what is being discussed.
const MaxStepLines = 6

// ParagraphSteps are the steps of sentences first..last of paragraph
// para (all of them when last < 0): one step when they take at most
// maxLines, otherwise one step a sentence.
func ParagraphSteps(p article.Paragraph, sents []Sentence, first, last int, lines LineCounter, maxLines int) []Step {
	if last < 0 || last >= len(sents) {
		last = len(sents) - 1
	}
	first = max(0, min(first, last))
	whole := first == 0 && last == len(sents)-1
	if lines(p.Index, sents[first].Start, sents[last].End) <= maxLines || first == last {
		return []Step{{Para: p.Index, First: first, Last: last, Whole: whole}}
	}
	steps := make([]Step, 0, last-first+1)
	for i := first; i <= last; i++ {
		steps = append(steps, Step{Para: p.Index, First: i, Last: i})
	}
	return steps
}
