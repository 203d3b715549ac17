package article

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the seam for the other front ends (pandoc-style Markdown
// notes, HTML, DOCX): each recognises headings, paragraphs with their
// note references and note definitions in its own syntax and hands them
// to a Builder, which applies the rules every format shares (section
// numbers and levels, footnote numbering that starts anywhere, duplicates
// kept, page furniture, lost markers) and returns the same Document the
// marker-style parser does.

// More kinds of Problem, reported by the Builder and the front ends.
const (
	ProblemFurniture = "page-furniture" // a line repeated on many pages (running header, copyright) removed
	ProblemNoNotes   = "no-footnotes"   // the file looks as if it has notes but none could be read
	ProblemExternal  = "external"       // the file points to other files or addresses; they were not fetched
)

// Text is one run of body or note text: plain text, emphasis spans and
// the footnote references that stood in it.
type Text struct {
	Text  string
	Spans []Span
	Refs  []Ref
}

// InlineMarkdown cleans raw Markdown inline text the way the marker-style
// parser does: emphasis becomes spans, tags and escapes are dropped, and
// every numeric superscript ("<sup>12</sup>") becomes a reference. Front
// ends rewrite their own reference syntax into superscripts first.
func InlineMarkdown(raw string) Text {
	in := cleanInline(raw)
	t := Text{Text: in.text, Spans: in.spans}
	for _, m := range in.marks {
		t.Refs = append(t.Refs, Ref{N: m.n, Offset: m.offset})
	}
	return t
}

// TextBuilder accumulates text from many small pieces (HTML text nodes,
// Word runs), folding white space the way a browser does and keeping
// emphasis and references at their offsets.
type TextBuilder struct {
	b     strings.Builder
	spans []Span
	refs  []Ref
	space bool
}

// Write appends s with style st.
func (t *TextBuilder) Write(s string, st Style) {
	for i := 0; i < len(s); {
		// ASCII, nearly all of a law article, without decoding runes:
		// the same rules as below (white space, then control characters).
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				t.space = t.b.Len() > 0
				i++
			case c < ' ' || c == 0x7f:
				i++
			default:
				// a word at once, not a byte at a time: the same text and
				// spans, at a third of the cost
				j := i + 1
				for j < len(s) && ' ' < s[j] && s[j] < 0x7f {
					j++
				}
				t.putString(s[i:j], st)
				i = j
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u00a0' {
			t.space = t.b.Len() > 0
			continue
		}
		if r == utf8.RuneError || unicode.IsControl(r) {
			continue
		}
		t.put(r, size, st)
	}
}

// put appends r, size bytes long, with style st, after the space owed.
func (t *TextBuilder) put(r rune, size int, st Style) {
	if t.space {
		t.b.WriteByte(' ')
		t.space = false
	}
	start := t.b.Len()
	if size == 1 {
		t.b.WriteByte(byte(r))
	} else {
		t.b.WriteRune(r)
	}
	t.style(start, st)
}

// putString appends printable s with style st, after the space owed.
func (t *TextBuilder) putString(s string, st Style) {
	if t.space {
		t.b.WriteByte(' ')
		t.space = false
	}
	start := t.b.Len()
	t.b.WriteString(s)
	t.style(start, st)
}

// style gives style st to the text written since start, joining the
// span before when it has the same style and only a space between.
func (t *TextBuilder) style(start int, st Style) {
	if st != 0 {
		if n := len(t.spans); n > 0 && t.spans[n-1].Style == st && t.spans[n-1].End >= start-1 {
			t.spans[n-1].End = t.b.Len()
		} else {
			t.spans = append(t.spans, Span{Start: start, End: t.b.Len(), Style: st})
		}
	}
}

// Space owes a space before the next visible character (a line break,
// a tab, the edge of a block).
func (t *TextBuilder) Space() { t.space = t.b.Len() > 0 }

// Ref places a reference to footnote n right after the text so far.
func (t *TextBuilder) Ref(n int) { t.refs = append(t.refs, Ref{N: n, Offset: t.b.Len()}) }

// Len is the length of the text so far.
func (t *TextBuilder) Len() int { return t.b.Len() }

// Text returns what was written.
func (t *TextBuilder) Text() Text {
	return Text{Text: t.b.String(), Spans: append([]Span(nil), t.spans...), Refs: append([]Ref(nil), t.refs...)}
}

// Reset empties the builder for the next block.
func (t *TextBuilder) Reset() { *t = TextBuilder{} }

// Builder assembles a Document from what a front end recognised.
type Builder struct {
	doc      *Document
	paras    []pendingPara
	notes    []pendingNote
	numbered map[string]int // section numbers in use
	parents  []string       // numbers of the open headings by level (1-based index)
}

type pendingPara struct {
	t       Text
	section string
	secIdx  int // index of the section it is in, -1 before the first heading
	line    int
	endLine int
}

type pendingNote struct {
	n    int
	t    Text
	line int
}

// NewBuilder starts a Document for source bytes src (hashed, so the same
// file always gives the same Hash).
func NewBuilder(src []byte) *Builder {
	sum := sha256.Sum256(src)
	return &Builder{doc: &Document{Hash: hex.EncodeToString(sum[:])}, numbered: map[string]int{}}
}

// SetTitle sets the title and the authors (joined with "; ").
func (b *Builder) SetTitle(title string, authors []string) {
	if t := collapse(title); t != "" {
		b.doc.Title = t
	}
	var as []string
	for _, a := range authors {
		if a = collapse(a); a != "" {
			as = append(as, a)
		}
	}
	if len(as) > 0 {
		b.doc.Author = strings.Join(as, "; ")
	}
}

// Title is the title set so far.
func (b *Builder) Title() string { return b.doc.Title }

// Problem records a problem at line ln (for formats without lines, the
// paragraph or part number the message names).
func (b *Builder) Problem(kind string, ln int, format string, args ...any) {
	b.doc.Problems = append(b.doc.Problems, Problem{Kind: kind, Line: ln, Message: fmt.Sprintf(format, args...)})
}

// Heading starts a section. level is the level the markup gives (the
// "#" count, h1..h6, Word's outline level + 1), or 0 when the markup gives
// none and the number's shape must decide. The number is read from the
// title by the shared heading rules.
func (b *Builder) Heading(text string, level int, ln int) {
	num, title := SplitHeading(collapse(text))
	if title == "" && num == "" {
		return
	}
	if level <= 0 {
		level = headingLevel(num, b.parents)
	}
	level = max(1, min(level, 6))
	for len(b.parents) < level {
		b.parents = append(b.parents, "")
	}
	b.parents = b.parents[:level]
	key := num
	if key != "" && b.numbered[key] > 0 {
		// "A." under "II." after "A." under "I.": qualify by the parent.
		for i := level - 2; i >= 0; i-- {
			if p := b.parents[i]; p != "" {
				key = p + "." + num
				break
			}
		}
		if b.numbered[key] > 0 {
			key = fmt.Sprintf("%s-%d", key, b.numbered[key]+1)
		}
	}
	b.parents[level-1] = key
	if key != "" {
		b.numbered[key]++
	}
	b.doc.Sections = append(b.doc.Sections, Section{Number: key, Title: title, Level: level, Line: ln, First: -1})
}

// section is the key paragraphs carry: that of the nearest numbered open
// heading, so unnumbered subheadings keep their paragraphs in the section
// a student would name.
func (b *Builder) section() string {
	for i := len(b.parents) - 1; i >= 0; i-- {
		if b.parents[i] != "" {
			return b.parents[i]
		}
	}
	return ""
}

// Paragraph adds a paragraph of body text.
func (b *Builder) Paragraph(t Text, line, endLine int) {
	if strings.TrimSpace(t.Text) == "" {
		return
	}
	b.paras = append(b.paras, pendingPara{t: t, section: b.section(), secIdx: len(b.doc.Sections) - 1, line: line, endLine: max(line, endLine)})
}

// Footnote adds the definition of footnote n.
func (b *Builder) Footnote(n int, t Text, line int) {
	b.notes = append(b.notes, pendingNote{n: n, t: t, line: line})
}

// Document applies the shared rules and returns the Document, or
// ErrNotArticle when no paragraph of text was found.
func (b *Builder) Document() (*Document, error) {
	d := b.doc
	b.removeFurniture()

	// Footnotes: a number defined twice keeps both texts (the second is
	// appended, so nothing is lost) and says so.
	byN := map[int]int{}
	for _, nt := range b.notes {
		if i, dup := byN[nt.n]; dup {
			f := &d.Footnotes[i]
			base := len(f.Text) + 1
			f.Text += " " + nt.t.Text
			for _, s := range nt.t.Spans {
				f.Spans = append(f.Spans, Span{Start: s.Start + base, End: s.End + base, Style: s.Style})
			}
			b.Problem(ProblemDuplicate, nt.line, "footnote %d is defined twice (first on line %d); the second text is kept after the first", nt.n, f.Line)
			continue
		}
		d.Footnotes = append(d.Footnotes, Footnote{N: nt.n, Text: nt.t.Text, Spans: nt.t.Spans, Line: nt.line})
		byN[nt.n] = len(d.Footnotes) - 1
	}
	sort.SliceStable(d.Footnotes, func(i, j int) bool { return d.Footnotes[i].N < d.Footnotes[j].N })
	idx := map[int]int{}
	for i, f := range d.Footnotes {
		idx[f.N] = i
	}

	seen := map[string]int{}
	for _, p := range b.paras {
		para := Paragraph{Index: len(d.Paragraphs), Section: p.section, Text: p.t.Text, Spans: p.t.Spans, Refs: p.t.Refs, Line: p.line, EndLine: p.endLine}
		para.ID = paragraphID(p.section, para.Text, seen)
		d.Paragraphs = append(d.Paragraphs, para)
	}
	if len(d.Paragraphs) == 0 {
		return nil, fmt.Errorf("article: %w", ErrNotArticle)
	}
	referenced := map[int]bool{}
	for _, para := range d.Paragraphs {
		for _, r := range para.Refs {
			i, ok := idx[r.N]
			if !ok {
				b.Problem(ProblemUndefined, para.Line, "paragraph %s refers to footnote %d, which is never defined", para.ID, r.N)
				continue
			}
			if !referenced[r.N] {
				referenced[r.N] = true
				d.Footnotes[i].Paragraph = para.ID
			}
		}
	}
	// Numbering may start anywhere (a chapter's notes run 307-540): only
	// gaps inside the run are missing notes.
	if n := len(d.Footnotes); n > 1 {
		lo, hi := d.Footnotes[0].N, d.Footnotes[n-1].N
		if hi-lo < 4*n+100 {
			for k := lo; k <= hi; k++ {
				if _, ok := idx[k]; !ok {
					// Placed where the gap shows: at the next note defined.
					next := d.Footnotes[sort.Search(len(d.Footnotes), func(i int) bool { return d.Footnotes[i].N > k })]
					b.Problem(ProblemUndefined, next.Line, "footnote %d is never defined (the numbering skips it, before footnote %d)", k, next.N)
				}
			}
		}
	}
	placeLost(d)
	for i := range d.Footnotes {
		f := &d.Footnotes[i]
		if f.Paragraph == "" {
			b.Problem(ProblemMissingRef, f.Line, "footnote %d has no marker in the text; shown with paragraph %s", f.N, f.Near)
		}
	}
	b.setSectionStarts()
	// Levels start at 1 whatever the markup's depth: a chapter whose
	// headings are all "##" has level-1 sections.
	if len(d.Sections) > 0 {
		top := 6
		for _, s := range d.Sections {
			top = min(top, s.Level)
		}
		for i := range d.Sections {
			d.Sections[i].Level -= top - 1
		}
	}
	sort.SliceStable(d.Problems, func(i, j int) bool { return d.Problems[i].Line < d.Problems[j].Line })
	return d, nil
}

// removeFurniture drops short paragraphs repeated word for word on many
// pages: a running header, a journal line, a copyright notice. A real
// paragraph is never repeated that often, and a repeated line carries no
// note reference.
func (b *Builder) removeFurniture() {
	if len(b.paras) < 8 {
		return
	}
	count := map[string]int{}
	first := map[string]int{}
	for _, p := range b.paras {
		k := furnitureKey(p.t)
		if k == "" {
			continue
		}
		if count[k] == 0 {
			first[k] = p.line
		}
		count[k]++
	}
	keep := b.paras[:0]
	reported := map[string]bool{}
	for _, p := range b.paras {
		k := furnitureKey(p.t)
		if k != "" && count[k] >= max(4, len(b.paras)/30) {
			if !reported[k] {
				reported[k] = true
				b.Problem(ProblemFurniture, first[k], "%q is repeated %d times (a running header or page footer); removed", p.t.Text, count[k])
			}
			continue
		}
		keep = append(keep, p)
	}
	b.paras = keep
}

func furnitureKey(t Text) string {
	if len(t.Refs) > 0 || utf8.RuneCountInString(t.Text) > 120 {
		return ""
	}
	// Page numbers change from page to page: "Harv. L. Rev. 12" and
	// "Harv. L. Rev. 13" are the same furniture.
	k := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(t.Text))
	if strings.Trim(k, "#. ") == "" {
		return "" // a bare number is a page number or a list item, not worth a rule
	}
	return k
}

// setSectionStarts sets each section's first paragraph; a heading with
// no text of its own ("I." right above "I.A.") starts where the next
// section's text does.
func (b *Builder) setSectionStarts() {
	d := b.doc
	i := 0
	for k := range d.Sections {
		for i < len(b.paras) && b.paras[i].secIdx < k {
			i++
		}
		d.Sections[k].First = i
	}
}

// TrimLabel drops a leading "3.", "[3]", "(3)" or "3)" that repeats note
// n's own number: note lists print it, the reader shows its own. A bare
// "5 " stays: "5 U.S.C. § 553" starts many a note 5.
func TrimLabel(t Text, n int) Text {
	num := strconv.Itoa(n)
	for _, pre := range []string{"[" + num + "]", "(" + num + ")", num + ".", num + ")"} {
		rest, ok := strings.CutPrefix(t.Text, pre)
		if !ok || rest != "" && rest[0] != ' ' {
			continue
		}
		cut := len(t.Text) - len(strings.TrimLeft(rest, " "))
		out := Text{Text: t.Text[cut:]}
		for _, sp := range t.Spans {
			if sp.End > cut {
				out.Spans = append(out.Spans, Span{Start: max(0, sp.Start-cut), End: sp.End - cut, Style: sp.Style})
			}
		}
		return out
	}
	return t
}

// Check reports the first broken invariant of a Document: a reference
// or span outside its text, footnotes out of order, a paragraph with an
// ID used twice. Front-end tests and fuzz targets assert it is nil.
func Check(d *Document) error {
	ids := map[string]bool{}
	for _, p := range d.Paragraphs {
		if ids[p.ID] {
			return fmt.Errorf("paragraph ID %s used twice", p.ID)
		}
		ids[p.ID] = true
		for _, r := range p.Refs {
			if r.Offset < 0 || r.Offset > len(p.Text) {
				return fmt.Errorf("paragraph %s: reference %d at %d outside its %d bytes", p.ID, r.N, r.Offset, len(p.Text))
			}
		}
		if err := checkSpans(p.Spans, len(p.Text)); err != nil {
			return fmt.Errorf("paragraph %s: %w", p.ID, err)
		}
	}
	for i, f := range d.Footnotes {
		if i > 0 && d.Footnotes[i-1].N >= f.N {
			return fmt.Errorf("footnote %d after footnote %d", f.N, d.Footnotes[i-1].N)
		}
		if err := checkSpans(f.Spans, len(f.Text)); err != nil {
			return fmt.Errorf("footnote %d: %w", f.N, err)
		}
	}
	return nil
}

func checkSpans(spans []Span, n int) error {
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			return fmt.Errorf("span %d-%d outside its %d bytes", s.Start, s.End, n)
		}
	}
	return nil
}

// collapse folds runs of white space into one space and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
