package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// notBefore are words after which a number is part of the text, not a
// footnote reference: "Article 1", "para. 2", "n. 22", "in 2019".
var notBefore = map[string]bool{
	"article": true, "articles": true, "art": true, "arts": true, "para": true, "paras": true,
	"paragraph": true, "paragraphs": true, "n": true, "no": true, "nos": true, "p": true, "pp": true,
	"section": true, "sections": true, "chapter": true, "chapters": true, "res": true, "resolution": true,
	"annex": true, "rule": true, "rules": true, "part": true, "page": true, "pages": true, "vol": true,
	"volume": true, "and": true, "or": true, "to": true, "of": true, "in": true, "on": true, "from": true,
	"since": true, "until": true, "by": true, "the": true, "than": true, "over": true, "about": true,
	"at": true, "some": true, "all": true, "with": true, "principle": true, "point": true, "lett": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"session": true, "group": true, "doc": true, "no.": true, "number": true, "step": true, "phase": true,
}

type bareCand struct {
	para, off, n int
}

// bareReferences recognises references left as plain digits in the body
// ("autonomously 173."). A number counts only when it fits the numbering
// of the explicit references around it, has a definition, has no marker
// of its own, and follows a word that does not take numbers.
func (p *parser) bareReferences(defined map[int]int) {
	d := p.doc
	explicit := map[int]bool{}
	for _, para := range d.Paragraphs {
		for _, r := range para.Refs {
			explicit[r.N] = true
		}
	}
	// The explicit reference numbers in reading order, to bound each candidate.
	type pos struct{ para, off, n int }
	var order []pos
	for i, para := range d.Paragraphs {
		for _, r := range para.Refs {
			order = append(order, pos{i, r.Offset, r.N})
		}
	}
	var cands []bareCand
	for i, para := range d.Paragraphs {
		for _, c := range bareCandidates(para.Text) {
			if _, ok := defined[c.n]; !ok || explicit[c.n] {
				continue
			}
			cands = append(cands, bareCand{i, c.off, c.n})
		}
	}
	last := 0
	var accepted []bareCand
	for _, c := range cands {
		// explicit neighbours in reading order
		k := sort.Search(len(order), func(k int) bool {
			return order[k].para > c.para || order[k].para == c.para && order[k].off > c.off
		})
		lo, hi := 0, 1<<30
		if k > 0 {
			lo = order[k-1].n
		}
		if k < len(order) {
			hi = order[k].n
		}
		lo = max(lo, last)
		if c.n <= lo || c.n >= hi {
			continue
		}
		last = c.n
		accepted = append(accepted, c)
	}
	// Apply from the end so earlier offsets stay valid.
	for i := len(accepted) - 1; i >= 0; i-- {
		p.applyBare(accepted[i])
	}
	sort.SliceStable(p.doc.Problems, func(i, j int) bool { return p.doc.Problems[i].Line < p.doc.Problems[j].Line })
}

// applyBare removes " N" from the paragraph text and records the reference.
func (p *parser) applyBare(c bareCand) {
	para := &p.doc.Paragraphs[c.para]
	digits := len(itoa(c.n))
	start := c.off - 1 // the space before the number
	cut := digits + 1
	para.Text = para.Text[:start] + para.Text[start+cut:]
	para.Spans = shiftSpans(para.Spans, start, -cut)
	for i := range para.Refs {
		if para.Refs[i].Offset > start {
			para.Refs[i].Offset -= cut
		}
	}
	para.Refs = append(para.Refs, Ref{N: c.n, Offset: start, Bare: true})
	sort.SliceStable(para.Refs, func(i, j int) bool { return para.Refs[i].Offset < para.Refs[j].Offset })
	ln := p.paras[c.para].lineAt(c.off)
	p.problem(ProblemBareRef, ln, "reference to footnote %d written as a plain number (%q); read as a marker", c.n, lastWord(para.Text[:start])+" "+itoa(c.n))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

type candidate struct{ off, n int }

// bareCandidates finds " N" (1 to 3 digits) after a word or closing quote
// and before punctuation or the end: the shape of a lost superscript.
func bareCandidates(text string) []candidate {
	var out []candidate
	for i := 1; i < len(text); i++ {
		if text[i] < '1' || text[i] > '9' || text[i-1] != ' ' {
			continue
		}
		j := i
		for j < len(text) && j-i < 4 && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-i > 3 {
			continue
		}
		if j < len(text) && !strings.ContainsRune(".,;:", rune(text[j])) {
			continue
		}
		before := text[:i-1]
		r, _ := utf8.DecodeLastRuneInString(before)
		if !(unicode.IsLetter(r) || strings.ContainsRune("»\"”’)", r)) {
			continue
		}
		w := strings.ToLower(strings.TrimRight(lastWord(before), "."))
		if notBefore[w] {
			continue
		}
		out = append(out, candidate{i, atoi(text[i:j])})
	}
	return out
}

func lastWord(s string) string {
	i := strings.LastIndexByte(s, ' ')
	return s[i+1:]
}
