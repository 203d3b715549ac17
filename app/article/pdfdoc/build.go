package pdfdoc

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

func (r *reader) build(src []byte) (*article.Document, error) {
	r.measure()
	r.learnWords()
	kinds := r.classify()
	for pi, ls := range r.lines {
		if len(ls) == 0 {
			r.problem(ProblemLayout, pi, "page %d has no text (a scanned page?); what it says is missing", r.printed(pi))
		}
	}
	notes := r.readNotes(kinds)
	defined := map[int]bool{}
	for _, n := range notes {
		defined[n.n] = true
	}
	b := article.NewBuilder(src)
	var title, authors []string
	paraPages := r.readBody(kinds, b, &title, &authors, len(notes) > 0 && !r.anyRaised(kinds), defined)
	_ = paraPages
	b.SetTitle(joinLines(title), authors)
	notePages := map[int][2]int{}
	for _, n := range notes {
		t := article.TrimLabel(n.text(), n.n)
		b.Footnote(n.n, t, n.first+1)
		if _, dup := notePages[n.n]; !dup {
			notePages[n.n] = [2]int{n.first, n.last}
		}
	}
	for _, p := range r.problems {
		b.Problem(p.Kind, p.Line, "%s", p.Message)
	}
	doc, err := b.Document()
	if err != nil {
		return nil, err
	}
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		p.Page, p.EndPage = r.printed(p.Line-1), r.printed(p.EndLine-1)
	}
	for i := range doc.Footnotes {
		f := &doc.Footnotes[i]
		pg := notePages[f.N]
		f.Page, f.EndPage = r.printed(pg[0]), r.printed(pg[1])
	}
	for i := range doc.Problems {
		if l := doc.Problems[i].Line; l > 0 {
			doc.Problems[i].Page = r.printed(l - 1)
		}
	}
	return doc, nil
}

// anyRaised says whether any body line has a raised note number; a file
// with notes and none marks its notes some other way ([12]).
func (r *reader) anyRaised(kinds [][]int) bool {
	for pi, ls := range r.lines {
		for i := range ls {
			if kinds[pi][i] != kBody {
				continue
			}
			for _, run := range ls[i].runs {
				if raised(&ls[i], run) && markerText.MatchString(run.Text) {
					return true
				}
			}
		}
	}
	return false
}

// readNotes gathers the notes from the note areas and the endnotes, in
// order: a line starting with the next number starts a note, any other
// line continues the note before it, across columns and pages.
func (r *reader) readNotes(kinds [][]int) []*block {
	var notes []*block
	var cur *block
	// A file that raises its notes' own numbers (LaTeX, Word) raises them
	// all: there a number set level with the text opens no note (the
	// items of a numbered list inside a note).
	raisedNums := 0
	for pi, ls := range r.lines {
		for i := range ls {
			if l := &ls[i]; kinds[pi][i] == kNote && len(l.runs) > 0 && raised(l, l.runs[0]) && markerText.MatchString(l.runs[0].Text) {
				raisedNums++
			}
		}
	}
	onlyRaised := raisedNums >= 3
	for pi, ls := range r.lines {
		minX := map[int]float64{}
		for i, l := range ls {
			if kinds[pi][i] == kNote {
				if v, ok := minX[l.col]; !ok || l.x0 < v {
					minX[l.col] = l.x0
				}
			}
		}
		for i := range ls {
			if kinds[pi][i] != kNote {
				continue
			}
			l := &ls[i]
			last := 0
			if cur != nil {
				last = cur.n
			}
			ps := linePieces(l, false)
			if n, width, ok := r.noteNumber(l, last, minX[l.col]); ok && (!onlyRaised || raised(l, l.runs[0])) {
				cur = &block{n: n, first: pi, last: pi}
				notes = append(notes, cur)
				r.add(cur, stripNumber(ps, width))
				continue
			}
			if cur == nil {
				// Small type at the foot that follows no note: body after all.
				kinds[pi][i] = kBody
				r.problem(ProblemLayout, pi, "a line at the foot of page %d looks like a note but follows none; read as text: %.60q", r.printed(pi), l.text)
				continue
			}
			if cur.last != pi && !cur.continued {
				cur.continued = true
				r.problem(article.ProblemSplitFootnote, pi, "footnote %d continues on page %d; the parts are joined", cur.n, r.printed(pi))
			}
			cur.last = pi
			r.add(cur, ps)
		}
	}
	return notes
}

// noteNumber reads the number a note line starts with and says whether
// it starts a note: the next number always does; a first number, or one
// a few ahead (a note lost), only at the area's left edge.
func (r *reader) noteNumber(l *line, last int, minX float64) (n, width int, ok bool) {
	// A number in a run of its own (raised or not) needs no space after
	// it: "100" set close to its text is still the number.
	if len(l.runs) > 0 {
		t := strings.TrimSpace(l.runs[0].Text)
		if ns := markerNumbers(t); len(ns) == 1 && markerText.MatchString(t) && !strings.ContainsAny(t, ",-–") {
			n, width = ns[0], len(t)
		}
	}
	if width == 0 {
		m := noteStart.FindStringSubmatch(l.text)
		if m == nil {
			return 0, 0, false
		}
		n, width = atoi(m[1]), len(m[1])
	}
	switch {
	case n == last+1:
		return n, width, true
	case n > last+1 && n <= last+6 && l.x0 <= minX+1:
		return n, width, true
	case last == 0 && n > 0 && l.x0 <= minX+1:
		return n, width, true
	}
	return 0, 0, false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// readBody hands headings and paragraphs to the builder: a paragraph
// runs on across line, column and page breaks (and the note areas in
// between) until a wider gap, an indented line or a short last line ends
// it.
func (r *reader) readBody(kinds [][]int, b *article.Builder, title, authors *[]string, brackets bool, defined map[int]bool) int {
	levels := r.headingLevels(kinds)
	var para *block
	var prev *line
	var head []string
	headPage, headSize := 0, 0.0
	count := 0
	flushHead := func() {
		if len(head) > 0 {
			text := joinLines(head)
			lvl := levels[headSize]
			if num, _ := article.SplitHeading(text); num != "" {
				lvl = 0
			}
			b.Heading(text, lvl, headPage+1)
		}
		head = nil
	}
	flushPara := func() {
		if para != nil {
			if para.first != para.last && para.prevFootnoted {
				r.problem(article.ProblemSplitPara, para.last, "a paragraph runs on from page %d to page %d past the notes; joined", r.printed(para.first), r.printed(para.last))
			}
			b.Paragraph(para.text(), para.first+1, para.last+1)
			count++
		}
		para = nil
	}
	for pi, ls := range r.lines {
		for i := range ls {
			l := &ls[i]
			switch kinds[pi][i] {
			case kFurniture:
				continue
			case kNote:
				if para != nil {
					para.prevFootnoted = true
				}
				continue
			case kTitle:
				*title = append(*title, l.text)
				continue
			case kAuthor:
				*authors = append(*authors, l.text)
				continue
			case kHeading:
				flushPara()
				if len(head) > 0 && (l.size != headSize || prev == nil || l.y0-prev.y1 > 1.2*l.size || prev.page != pi) {
					flushHead()
				}
				if len(head) == 0 {
					headPage, headSize = pi, l.size
				}
				head = append(head, l.text)
				prev = l
				continue
			}
			flushHead()
			if para != nil && r.newParagraph(prev, l) {
				flushPara()
			}
			if para == nil {
				para = &block{first: pi}
			}
			ps := linePieces(l, true)
			if brackets {
				ps = bracketRefs(ps, defined)
			}
			r.add(para, ps)
			para.last = pi
			prev = l
		}
	}
	flushHead()
	flushPara()
	return count
}

// newParagraph says whether line l starts a paragraph after line prev.
func (r *reader) newParagraph(prev, l *line) bool {
	if prev == nil {
		return true
	}
	left := func(c int) float64 {
		if r.left[c] == 0 {
			return r.left[0]
		}
		return r.left[c]
	}
	right := func(c int) float64 {
		if r.right[c] == 0 {
			return r.right[0]
		}
		return r.right[c]
	}
	indented := l.x0 > left(l.col)+0.8*r.body && prev.x0 <= left(prev.col)+0.8*r.body
	// A line that ends short of the margin although the next line's
	// first word would have fitted ends its paragraph (ragged-right text
	// has short lines inside paragraphs, but never such a one).
	// Inside a block quote, indented on both sides, the measure is the
	// quote's: its right edge is in by as much as its left.
	in := 0.0
	if prev.x0 > left(prev.col)+0.8*r.body && l.x0-prev.x0 < 0.5*r.body && prev.x0-l.x0 < 0.5*r.body {
		in = prev.x0 - left(prev.col)
	}
	short := prev.x1+0.3*r.body+firstWordWidth(l) < right(prev.col)-in-0.5*r.body
	// Verse: lines set in from the left by more than a paragraph's indent,
	// short of the right margin, at the text's line spacing, are one
	// stanza, however short each line.
	gap := l.base - prev.base
	verse := prev.page == l.page && prev.col == l.col && gap > 0 && gap < 1.15*r.pitch &&
		prev.x0 > left(prev.col)+2*r.body && l.x0 > left(l.col)+2*r.body &&
		prev.x1 < right(prev.col)-2*r.body && l.x1 < right(l.col)-2*r.body && !listItem.MatchString(l.text)
	if verse {
		return false
	}
	if indented || short {
		return true
	}
	if prev.page == l.page && prev.col == l.col {
		gap := l.base - prev.base
		return gap > 1.3*r.pitch || gap < 0
	}
	return false
}

// listItem is a line that opens an item of a list: 1. (a) i) • –
var listItem = regexp.MustCompile(`^\s*(\(?(\d{1,3}|[a-z]|[ivx]{1,5})[.)]|[•·–—-])\s`)

// headingLevels ranks the heading sizes: the largest is level 1.
func (r *reader) headingLevels(kinds [][]int) map[float64]int {
	seen := map[float64]bool{}
	var sizes []float64
	for pi, ls := range r.lines {
		for i, l := range ls {
			if kinds[pi][i] == kHeading && !seen[l.size] {
				seen[l.size] = true
				sizes = append(sizes, l.size)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	out := map[float64]int{}
	for i, s := range sizes {
		out[s] = min(i+1, 6)
	}
	return out
}

// joinLines joins the lines of a title or heading, keeping a hyphen at a
// line end without a space after it ("Non-" + "Interference").
func joinLines(ls []string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 && !strings.HasSuffix(ls[i-1], "-") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// firstWordWidth estimates the printed width of a line's first word from
// its first run's width per character.
func firstWordWidth(l *line) float64 {
	if len(l.runs) == 0 {
		return 0
	}
	r := l.runs[0]
	n := utf8.RuneCountInString(r.Text)
	if n == 0 {
		return 0
	}
	w := strings.Fields(r.Text)
	if len(w) == 0 {
		return 0
	}
	k := utf8.RuneCountInString(w[0])
	if k == n && len(l.runs) > 1 && !strings.HasSuffix(r.Text, " ") {
		// the word goes on in the next run ("prin" "ciple")
		return (r.X1 - r.X0) * 1.5
	}
	return (r.X1 - r.X0) * float64(k) / float64(n)
}
