package ui

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
)

// cut is an inline insertion or a link over a byte range of a text.
type cut struct {
	start, end int // end == start: insert text (a marker) at start
	insert     string
	kind       runKind
	target     int
	sup        bool
}

// styledPieces splits text at span and cut boundaries into pieces.
func styledPieces(text string, spans []article.Span, cuts []cut) []piece {
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	bounds := []int{0, len(text)}
	for _, s := range spans {
		bounds = append(bounds, clamp(s.Start, len(text)), clamp(s.End, len(text)))
	}
	for _, c := range cuts {
		bounds = append(bounds, clamp(c.start, len(text)), clamp(c.end, len(text)))
	}
	sort.Ints(bounds)
	styleAt := func(pos int) article.Style {
		var st article.Style
		for _, s := range spans {
			if s.Start <= pos && pos < s.End {
				st |= s.Style
			}
		}
		return st
	}
	linkAt := func(pos int) *cut {
		for i := range cuts {
			c := &cuts[i]
			if c.end > c.start && c.start <= pos && pos < c.end {
				return c
			}
		}
		return nil
	}
	var out []piece
	ci := 0
	emitInserts := func(at int) {
		for ci < len(cuts) && cuts[ci].start <= at {
			c := cuts[ci]
			ci++
			if c.end != c.start {
				continue
			}
			out = append(out, piece{text: c.insert, kind: c.kind, target: c.target, sup: c.sup, glue: c.sup, src: c.start, ins: true})
		}
	}
	prev := 0
	for _, b := range bounds {
		if b <= prev {
			continue
		}
		emitInserts(prev)
		p := piece{text: text[prev:b], style: styleAt(prev), src: prev}
		if c := linkAt(prev); c != nil {
			p.kind, p.target, p.tone = c.kind, c.target, toneLink
		}
		out = append(out, p)
		prev = b
	}
	// inserts at the very end
	for ci < len(cuts) {
		c := cuts[ci]
		ci++
		if c.end == c.start {
			out = append(out, piece{text: c.insert, kind: c.kind, target: c.target, sup: c.sup, glue: c.sup, src: len(text), ins: true})
		}
	}
	return out
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// xrefRe finds cross references to other footnotes: "n. 22", "nn. 12 and
// 14", "note 22", "supra n. 3-5".
var xrefRe = regexp.MustCompile(`\b(?:nn?\.|notes?)\s*\d+(?:\s*(?:,|and|-|–)\s*\d+)*`)
var digitsRe = regexp.MustCompile(`\d+`)

// afterShortFormRe is the end of a short-form citation right before a
// number: "Letter dated 9 January 2015, cit., ".
var afterShortFormRe = regexp.MustCompile(`\bcit\.\s*,\s*$`)

// footnoteLinks returns a link cut for every cross reference in footnote
// fn to an earlier footnote. "n. 3" is also how a citation points into a
// document (point 3 of a letter, of a declaration), so a number the cite
// library read as the pinpoint of a citation, or that follows a short
// form ("…, cit., n. 3"), is a cross reference only when that footnote
// cites the same work: "cit., n. 22" then says where it was cited in full.
// Without the library (still being read) no number is linked: a link
// that may lead to an unrelated footnote is worse than none.
func footnoteLinks(doc *article.Document, fn *article.Footnote, lib *cite.Library) []cut {
	if lib == nil {
		return nil
	}
	has := make(map[int]bool, len(doc.Footnotes))
	for _, f := range doc.Footnotes {
		has[f.N] = true
	}
	cites := lib.CitationsIn(fn.N)
	text := fn.Text
	var cuts []cut
	for _, m := range xrefRe.FindAllStringIndex(text, -1) {
		// the citation this number is a pinpoint of, if any
		var of *cite.Citation
		for i := range cites {
			c := &cites[i]
			if c.Start <= m[0] && m[1] <= c.End && strings.Contains(c.Pinpoint, text[m[0]:m[1]]) {
				of = c
				break
			}
		}
		if of == nil && afterShortFormRe.MatchString(text[:m[0]]) {
			// the short form it follows is the last citation before it; with
			// none read, there is no work to compare and no link
			of = &cite.Citation{}
			for i := range cites {
				if cites[i].Start < m[0] {
					of = &cites[i]
				}
			}
		}
		for _, d := range digitsRe.FindAllStringIndex(text[m[0]:m[1]], -1) {
			n, _ := strconv.Atoi(text[m[0]+d[0] : m[0]+d[1]])
			if !has[n] || n >= fn.N || of != nil && !citesWorkOf(lib, n, of) {
				continue
			}
			cuts = append(cuts, cut{start: m[0] + d[0], end: m[0] + d[1], kind: runLink, target: n})
		}
	}
	return cuts
}

// citesWorkOf reports footnote n citing the work c resolves to, or one of
// the works an ambiguous c may mean.
func citesWorkOf(lib *cite.Library, n int, c *cite.Citation) bool {
	works := c.Candidates
	if c.Source != "" {
		works = []string{c.Source}
	}
	for _, o := range lib.CitationsIn(n) {
		for _, w := range works {
			if o.Source == w {
				return true
			}
		}
	}
	return false
}

// articleIndex maps the document onto the blocks of the reader.
type articleIndex struct {
	paraBlock    []int       // paragraph index -> block
	sectionBlock []int       // section index -> heading block
	markerBlock  map[int]int // footnote N -> block holding its marker or its lost-marker notice
	blockPara    []int       // block -> paragraph index of the nearest paragraph at or before it
	noteParaIdx  map[int]int // footnote N -> paragraph index it belongs to (for following)
}

// articleBlocks turns a document into reader blocks: title block, headings,
// paragraphs with markers, and notices for footnotes whose marker was lost.
func articleBlocks(doc *article.Document) ([]block, *articleIndex) {
	idx := &articleIndex{
		paraBlock:    make([]int, len(doc.Paragraphs)),
		sectionBlock: make([]int, len(doc.Sections)),
		markerBlock:  map[int]int{},
		noteParaIdx:  map[int]int{},
	}
	var bs []block
	add := func(b block) int {
		if b.para == 0 && b.kind != blockPara {
			b.para = -1
		}
		bs = append(bs, b)
		return len(bs) - 1
	}
	small := func(text string, st article.Style, gap float32) {
		if strings.TrimSpace(text) == "" {
			return
		}
		add(block{kind: blockNote, pieces: []piece{{text: text, style: st, tone: toneMuted}}, scale: 0.82, center: true, gap: gap, section: -1})
	}
	small(doc.Series, article.Italic, 0)
	small(doc.SeriesInfo, 0, 0.3)
	if doc.Title != "" {
		add(block{kind: blockTitle, pieces: []piece{{text: doc.Title, style: article.Bold}}, scale: 1.3, center: true, gap: 1.2, section: -1})
	}
	if doc.Author != "" {
		add(block{kind: blockTitle, pieces: []piece{{text: doc.Author}}, scale: 1.05, center: true, gap: 0.8, section: -1})
	}
	small(doc.Affiliation, article.Italic, 0.1)

	// footnotes whose marker was lost go with the paragraph the parser
	// placed them with (Near: where their numbering puts them), in
	// number order: after it, or before it when all its markers come
	// later in the numbering, so they read between the markers around them
	paraOf := make(map[string]int, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		paraOf[p.ID] = i
	}
	lost := map[int][]article.Footnote{}
	for _, fn := range doc.Footnotes {
		if fn.Paragraph != "" {
			continue
		}
		pi, ok := paraOf[fn.Home()]
		if !ok {
			pi = paragraphAtLine(doc, fn.Line)
		}
		lost[pi] = append(lost[pi], fn)
		idx.noteParaIdx[fn.N] = pi
	}

	sec, page := 0, 0
	for pi, p := range doc.Paragraphs {
		// a document with printed pages (a PDF) says where each page
		// begins, so that a student can cite "p. 231"; the boundary is
		// shown before the first paragraph that starts on the page
		if p.Page > 0 && p.Page != page {
			page = p.Page
			add(block{kind: blockNote, pieces: []piece{{text: fmt.Sprintf("p. %d", p.Page), tone: toneMuted}},
				scale: 0.75, center: true, gap: 0.5, section: -1})
		}
		for sec < len(doc.Sections) && doc.Sections[sec].First <= pi {
			s := doc.Sections[sec]
			scale := float32(1.18)
			if s.Level > 1 {
				scale = 1.06
			}
			title := strings.TrimSpace(s.Number + " " + s.Title)
			idx.sectionBlock[sec] = add(block{kind: blockHeading, pieces: []piece{{text: title, style: article.Bold}}, scale: scale, gap: 1.3, section: sec})
			sec++
		}
		notice := func(fn article.Footnote) {
			lb := add(block{kind: blockLost, note: fn.N, gap: 0.4, para: pi, section: -1, scale: 0.9, pieces: []piece{
				{text: fmt.Sprintf("Footnote %d", fn.N), kind: runMarker, target: fn.N, style: article.Bold},
				{text: " · marker lost in conversion", style: article.Italic, tone: toneMuted},
			}})
			idx.markerBlock[fn.N] = lb
		}
		after := lost[pi]
		for len(after) > 0 && len(p.Refs) > 0 && before(after[0].N, p.Refs) {
			notice(after[0])
			after = after[1:]
		}
		var cuts []cut
		for _, r := range p.Refs {
			cuts = append(cuts, cut{start: r.Offset, end: r.Offset, insert: strconv.Itoa(r.N), kind: runMarker, target: r.N, sup: true})
		}
		bi := add(block{kind: blockPara, pieces: styledPieces(p.Text, p.Spans, cuts), gap: 0.55, para: pi, section: -1})
		idx.paraBlock[pi] = bi
		for _, r := range p.Refs {
			if _, dup := idx.markerBlock[r.N]; !dup {
				idx.markerBlock[r.N] = bi
				idx.noteParaIdx[r.N] = pi
			}
		}
		for _, fn := range after {
			notice(fn)
		}
	}
	// empty sections at the end still get a heading
	for ; sec < len(doc.Sections); sec++ {
		s := doc.Sections[sec]
		idx.sectionBlock[sec] = add(block{kind: blockHeading, pieces: []piece{{text: strings.TrimSpace(s.Number + " " + s.Title), style: article.Bold}}, scale: 1.18, gap: 1.3, section: sec})
	}
	idx.blockPara = make([]int, len(bs))
	last := 0
	for i := range bs {
		if bs[i].kind == blockPara {
			last = bs[i].para
		}
		idx.blockPara[i] = last
	}
	return bs, idx
}

// paragraphAtLine is the paragraph holding source line ln, or the last
// one before it: where a footnote the parser did not place goes.
func paragraphAtLine(doc *article.Document, ln int) int {
	pi := -1
	for i, p := range doc.Paragraphs {
		if p.Line <= ln {
			pi = i
		}
		if p.Line <= ln && ln <= p.EndLine {
			break
		}
	}
	if pi < 0 && len(doc.Paragraphs) > 0 {
		pi = 0
	}
	return pi
}

// before reports footnote n coming ahead of every marker in refs.
func before(n int, refs []article.Ref) bool {
	for _, r := range refs {
		if r.N < n {
			return false
		}
	}
	return true
}

// footnoteText is the pieces of one footnote's text with its cross
// references as links (none while lib is nil).
func footnoteText(doc *article.Document, fn *article.Footnote, lib *cite.Library) []piece {
	return styledPieces(fn.Text, fn.Spans, footnoteLinks(doc, fn, lib))
}

// footnoteBlocks is the footnote panel: every footnote, numbered, lost
// markers marked, cross references linked once lib is there. It returns
// the block of each footnote number.
func footnoteBlocks(doc *article.Document, lib *cite.Library) ([]block, map[int]int) {
	bs := make([]block, 0, len(doc.Footnotes))
	at := make(map[int]int, len(doc.Footnotes))
	for i := range doc.Footnotes {
		fn := &doc.Footnotes[i]
		ps := []piece{{text: strconv.Itoa(fn.N), kind: runLink, target: fn.N, style: article.Bold}}
		if fn.Paragraph == "" {
			ps = append(ps, piece{text: " (marker lost in conversion)", style: article.Italic, tone: toneMuted})
		}
		ps = append(ps, piece{text: "  "})
		ps = append(ps, footnoteText(doc, fn, lib)...)
		at[fn.N] = len(bs)
		bs = append(bs, block{kind: blockFootnote, note: fn.N, pieces: ps, gap: 0.5, para: -1, section: -1})
	}
	return bs, at
}
