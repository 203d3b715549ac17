package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSize is the largest source Parse accepts. The article is 126 KB; a
// file a hundred times larger is not an article, and refusing it keeps
// memory bounded.
const MaxSize = 8 << 20

// Errors for input that is not an article at all. Parse wraps them with
// a detail; test with errors.Is.
var (
	ErrEmpty      = errors.New("the file is empty")
	ErrBinary     = errors.New("the file is not text (binary data)")
	ErrTooLarge   = errors.New("the file is too large to be an article")
	ErrNotArticle = errors.New("the file has no paragraphs of text")
)

// Parse reads the article's Markdown. It fails only for input that is not
// an article (empty, binary, too large, no text); everything it repairs
// or doubts along the way is reported in Document.Problems.
func Parse(src []byte) (*Document, error) {
	if len(src) > MaxSize {
		return nil, fmt.Errorf("article: %w (%d MB; the limit is %d MB)", ErrTooLarge, len(src)>>20, MaxSize>>20)
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, fmt.Errorf("article: %w", ErrEmpty)
	}
	if IsBinary(src) {
		return nil, fmt.Errorf("article: %w", ErrBinary)
	}
	sum := sha256.Sum256(src)
	p := &parser{doc: &Document{Hash: hex.EncodeToString(sum[:])}}
	p.readLines(src)
	p.collectDefinitions()
	p.run()
	p.finish()
	if len(p.doc.Paragraphs) == 0 {
		return nil, fmt.Errorf("article: %w", ErrNotArticle)
	}
	return p.doc, nil
}

// IsBinary reports NUL bytes or a high share of invalid UTF-8 in the
// first 64 KB: what a PDF, an image or an archive looks like.
func IsBinary(src []byte) bool {
	head := src[:min(len(src), 64<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 && len(head) >= utf8.UTFMax {
			bad++
		}
		head = head[size:]
	}
	return bad > 16 && bad*100 > len(src[:min(len(src), 64<<10)])
}

type line struct {
	n    int // 1-based
	text string
}

type parser struct {
	doc   *Document
	lines []line
	toc   map[string]bool

	defined map[int]bool // numbers with an explicit definition marker anywhere

	// state of the block walk
	para      *builder   // the paragraph being built
	open      bool       // para is unfinished: its last line ended mid-sentence
	sawNotes  bool       // a footnote block came after para
	fn        *builder   // the footnote being built
	fnOpen    bool       // fn's text ended mid-sentence
	prevNotes bool       // the previous block was footnotes
	paras     []*builder // finished paragraphs, in reading order
	notes     []*builder // footnotes, in source order
	section   string
	lastRoman string // the last Roman part heading, so "B." after "I." is its subsection
	hashBase  int    // the fewest "#" of a heading after the front matter
	inBody    bool   // past the front matter
	front     []block
	escaped   int // lines with doubly escaped superscripts
	firstEsc  int
}

// builder accumulates one paragraph or footnote from pieces of source.
type builder struct {
	n       int // footnote number
	section string
	in      inline
	lines   []int // source line of each piece
	starts  []int // text offset where each piece starts
	merged  string
	// sb holds in.text as it grows: a footnote or paragraph built from
	// thousands of pieces must not be copied once per piece.
	sb strings.Builder
}

func (b *builder) add(ln int, in inline) {
	base := len(b.in.text)
	switch {
	case base == 0:
		b.in.text = in.text // most footnotes are one piece: no copy at all
	case len(in.text) > 0:
		if b.sb.Len() == 0 {
			b.sb.Grow(2 * (base + 1 + len(in.text)))
			b.sb.WriteString(b.in.text)
		}
		b.sb.WriteByte(' ')
		base++
		b.sb.WriteString(in.text)
		b.in.text = b.sb.String()
	}
	b.lines = append(b.lines, ln)
	b.starts = append(b.starts, base)
	for _, s := range in.spans {
		b.in.spans = append(b.in.spans, Span{Start: s.Start + base, End: s.End + base, Style: s.Style})
	}
	for _, m := range in.marks {
		m.offset += base
		b.in.marks = append(b.in.marks, m)
	}
}

// lineAt is the source line of the piece holding text offset off.
func (b *builder) lineAt(off int) int {
	i := sort.Search(len(b.starts), func(i int) bool { return b.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return b.lines[i]
}

type block []line

func (p *parser) readLines(src []byte) {
	s := string(src)
	s = strings.TrimPrefix(s, "\uFEFF")
	n := 0
	for len(s) > 0 {
		n++
		i := strings.IndexByte(s, '\n')
		var t string
		if i < 0 {
			t, s = s, ""
		} else {
			t, s = s[:i], s[i+1:]
		}
		t = strings.TrimRight(t, "\r")
		if isFence(t) {
			t = "" // kramdown/Jekyll furniture around note blocks: a block boundary, not text
		}
		if strings.Contains(t, "<sup>&</sup>lt;") {
			if p.escaped == 0 {
				p.firstEsc = n
			}
			p.escaped++
		}
		p.lines = append(p.lines, line{n: n, text: t})
	}
}

// isFence reports a line that only separates blocks on a kramdown or
// Jekyll page: a rule ("***", "* * *", "---") or an attribute list
// ("{: .footnotes}"), which must not turn a footnote block into body text.
func isFence(t string) bool {
	s := strings.TrimSpace(t)
	if strings.HasPrefix(s, "{:") && strings.HasSuffix(s, "}") {
		return true
	}
	if len(s) < 3 || len(t)-len(strings.TrimLeft(t, " ")) > 3 {
		return false
	}
	c := s[0]
	if c != '*' && c != '-' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// collectDefinitions finds every number that has an explicit definition
// marker, so that bare numbers are only ever read as footnotes that have
// none.
func (p *parser) collectDefinitions() {
	p.defined = map[int]bool{}
	for _, l := range p.lines {
		if !startsWithMarker(l.text) {
			continue
		}
		for _, n := range markerNumbers(l.text) {
			p.defined[n] = true
		}
	}
}

// markerNumbers lists the numbers of the superscripts in a line
// ("<sup>17</sup>", "<sup>84 2016</sup>", "$<sup>^{85}</sup>$").
func markerNumbers(s string) []int {
	var out []int
	for {
		i := strings.Index(s, "sup>")
		if i < 0 {
			return out
		}
		s = strings.TrimLeft(s[i+len("sup>"):], " ^{")
		n := 0
		for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 0 && n < 4 && n < len(s) && (s[n] == '<' || s[n] == ' ' || s[n] == '}') && atoi(s[:n]) > 0 {
			out = append(out, atoi(s[:n]))
		}
	}
}

// startsWithMarker reports a line that opens with a superscript number
// (or "*"): the start of a footnote definition.
func startsWithMarker(s string) bool {
	s = strings.TrimLeft(s, " \t$")
	s = strings.Replace(s, "<sup>&</sup>lt;", "<", 1)
	if !strings.HasPrefix(s, "<sup>") {
		return false
	}
	s = strings.TrimLeft(s[len("<sup>"):], " ^{")
	return len(s) > 0 && (s[0] >= '0' && s[0] <= '9' || strings.HasPrefix(s, `\*`) || s[0] == '*')
}

// run walks the source block by block.
func (p *parser) run() {
	var blocks []block
	var cur block
	flush := func() {
		if cur != nil {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	for _, l := range p.lines {
		if strings.TrimSpace(l.text) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	p.readContents(blocks)
	// A heading is a block of its own even when the converter ran it
	// into the lines around it ("- 2. Title" right above "- 2.1. Title").
	var split []block
	for _, b := range blocks {
		start := 0
		for i, l := range b {
			if len(b) == 1 || startsWithMarker(b[0].text) {
				break // a single line is handled as it is; footnote blocks hold no headings
			}
			if _, _, _, ok := p.heading(l.text); ok {
				if i > start {
					split = append(split, b[start:i])
				}
				split = append(split, b[i:i+1])
				start = i + 1
			}
		}
		if start < len(b) {
			split = append(split, b[start:])
		}
	}
	blocks = p.dropFurniture(split)
	p.hashBase = hashBase(blocks)
	for i, b := range blocks {
		next := block(nil)
		if i+1 < len(blocks) {
			next = blocks[i+1]
		}
		p.block(b, next)
	}
	p.endParagraph()
}

func (p *parser) hasSection(num string) bool {
	for _, s := range p.doc.Sections {
		if s.Number == num {
			return true
		}
	}
	return false
}

// hashBase is the fewest "#" of a heading after the first block of
// text: the level-1 headings of the body (a PDF conversion may give
// them "####"), as opposed to the title block above the text.
func hashBase(blocks []block) int {
	base, body := 6, false
	for _, b := range blocks {
		t := strings.TrimSpace(b[0].text)
		if !strings.HasPrefix(t, "#") {
			body = body || !startsWithMarker(t)
			continue
		}
		if body && len(b) == 1 {
			base = min(base, len(t)-len(strings.TrimLeft(t, "#")))
		}
	}
	return base
}

// dropFurniture removes the running header or footer a PDF conversion
// leaves as a line of its own on every page (the rule the other front
// ends share, see Builder.removeFurniture). It goes before the walk: a
// header between two halves of a paragraph must not be joined into it.
func (p *parser) dropFurniture(blocks []block) []block {
	if len(blocks) < 8 {
		return blocks
	}
	keys := make([]string, len(blocks))
	count := map[string]int{}
	for i, b := range blocks {
		if len(b) != 1 || startsWithMarker(b[0].text) || strings.HasPrefix(strings.TrimSpace(b[0].text), "#") {
			continue
		}
		in := cleanInline(b[0].text)
		keys[i] = furnitureKey(Text{Text: in.text, Refs: make([]Ref, len(in.marks))})
		if keys[i] != "" {
			count[keys[i]]++
		}
	}
	keep := blocks[:0:0]
	reported := map[string]bool{}
	for i, b := range blocks {
		if k := keys[i]; k != "" && count[k] >= max(4, len(blocks)/30) {
			if !reported[k] {
				reported[k] = true
				p.problem(ProblemFurniture, b[0].n, "%q is repeated %d times (a running header or page footer); removed", strings.TrimSpace(b[0].text), count[k])
			}
			continue
		}
		keep = append(keep, b)
	}
	return keep
}

// readContents finds the printed table of contents ("CONTENT: 1. ...").
func (p *parser) readContents(blocks []block) {
	p.toc = map[string]bool{}
	for _, b := range blocks {
		t := strings.TrimSpace(b[0].text)
		upper := strings.ToUpper(t)
		for _, prefix := range []string{"CONTENTS:", "CONTENT:", "TABLE OF CONTENTS:", "SUMMARY:"} {
			if strings.HasPrefix(upper, prefix) {
				p.doc.Contents = parseContents(joinBlock(b)[len(prefix):])
				for _, e := range p.doc.Contents {
					p.toc[e.Number] = true
				}
				return
			}
		}
	}
}

func joinBlock(b block) string {
	parts := make([]string, len(b))
	for i, l := range b {
		parts[i] = strings.TrimSpace(l.text)
	}
	return strings.Join(parts, " ")
}

// parseContents splits "1. Introduction. - 2. The Convention ... - 2.1. ..."
// into entries. A number starts an entry when it continues the numbering
// (the same depth plus one, or one level deeper starting at 1).
func parseContents(s string) []TOCEntry {
	var out []TOCEntry
	var starts []struct {
		number     string
		start, end int // start of the number, end of "N. "
	}
	prev := ""
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && !strings.HasSuffix(s[:i], " ") && !strings.HasSuffix(s[:i], "-") && !strings.HasSuffix(s[:i], "–") {
			continue
		}
		num, n := readSectionNumber(s[i:])
		if n == 0 || !followsNumbering(prev, num) {
			continue
		}
		rest := s[i+n:]
		trimmed := strings.TrimLeft(rest, " ")
		if len(trimmed) == 0 || len(trimmed) == len(rest) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(trimmed)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '«' {
			continue
		}
		starts = append(starts, struct {
			number     string
			start, end int
		}{num, i, i + n + (len(rest) - len(trimmed))})
		prev = num
		i += n - 1
	}
	for k, st := range starts {
		end := len(s)
		if k+1 < len(starts) {
			end = starts[k+1].start
		}
		title := strings.TrimSpace(s[st.end:end])
		title = strings.TrimRight(title, " -–—")
		title = strings.TrimSpace(title)
		title = strings.TrimSuffix(title, ".")
		title = cleanInline(title).text
		out = append(out, TOCEntry{Number: st.number, Title: title})
	}
	return out
}

// readSectionNumber reads "2", "2.", "2.1", "2.1." at the start of s and
// returns the number without the final dot and the bytes used.
func readSectionNumber(s string) (string, int) {
	i := 0
	var parts []string
	for {
		j := i
		for j < len(s) && j-i < 2 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
			if len(parts) == 0 {
				return "", 0
			}
			break
		}
		parts = append(parts, s[i:j])
		i = j
		if i < len(s) && s[i] == '.' {
			i++
			if i < len(s) && s[i] >= '0' && s[i] <= '9' && len(parts) < 3 {
				continue
			}
		}
		break
	}
	if i < len(s) && s[i] != ' ' && s[i] != '\t' {
		return "", 0
	}
	return strings.Join(parts, "."), i
}

// followsNumbering reports whether num may come right after prev in a
// table of contents: "2" after "1" or "1.3", "2.1" after "2", "2.2" after "2.1".
func followsNumbering(prev, num string) bool {
	if prev == "" {
		return num == "1" || num == "1.1"
	}
	pp, np := strings.Split(prev, "."), strings.Split(num, ".")
	if len(np) == len(pp)+1 {
		return strings.Join(np[:len(pp)], ".") == prev && np[len(np)-1] == "1"
	}
	if len(np) > len(pp) {
		return false
	}
	for i := 0; i < len(np)-1; i++ {
		if np[i] != pp[i] {
			return false
		}
	}
	a, _ := strconv.Atoi(pp[len(np)-1])
	b, _ := strconv.Atoi(np[len(np)-1])
	return b == a+1
}

// heading recognises a section heading in one line, whatever markup it
// came with: "#### 1. Introduction", "- 2.1. Title", "2.2. Title", "3.2 Title",
// "**4. Title**".
func (p *parser) heading(t string) (num, title string, markup string, ok bool) {
	s := strings.TrimSpace(t)
	switch {
	case strings.HasPrefix(s, "#"):
		markup = "#"
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	case strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "– "):
		markup = "-"
		_, size := utf8.DecodeRuneInString(s)
		s = strings.TrimSpace(s[size:])
	}
	if markup == "" && (strings.HasPrefix(t, " ") || strings.HasPrefix(t, "\t")) {
		return "", "", markup, false // an indented number is a footnote's, not a heading
	}
	// A converter may also set the whole heading in bold or italics.
	for _, em := range []string{"**", "__", "*", "_"} {
		if len(s) > 2*len(em) && strings.HasPrefix(s, em) && strings.HasSuffix(s, em) {
			s = strings.TrimSpace(s[len(em) : len(s)-len(em)])
			break
		}
	}
	num, n := readSectionNumber(s)
	if n == 0 {
		// In the body of an article without a printed table of contents,
		// a "#" heading of any other shape is a section too: Roman "II.",
		// "II.A.", letters, or no number at all.
		if markup != "#" || len(p.toc) > 0 || !p.inBody {
			return "", "", markup, false
		}
		num, title = SplitHeading(s)
		if title == "" || len(title) > 300 {
			return "", "", markup, false
		}
		return num, cleanInline(title).text, markup, true
	}
	title = strings.TrimSpace(s[n:])
	if title == "" || len(title) > 300 {
		return "", "", markup, false
	}
	if len(p.toc) > 0 {
		if !p.toc[num] {
			return "", "", markup, false
		}
	} else if markup != "#" {
		return "", "", markup, false
	}
	for _, sec := range p.doc.Sections {
		if sec.Number == num {
			return "", "", markup, false
		}
	}
	return num, cleanInline(title).text, markup, true
}

// block handles one run of non-blank lines; next is the block after it.
func (p *parser) block(b block, next block) {
	first := b[0]
	if len(b) == 1 {
		if num, title, markup, ok := p.heading(first.text); ok {
			p.endParagraph()
			p.open = false
			p.prevNotes = false
			p.inBody = true
			level := strings.Count(num, ".") + 1
			switch {
			case num == "":
				// An unnumbered heading: its depth of "#" below the
				// shallowest body heading; its text stays in the
				// numbered section around it.
				level = max(1, strings.Count(strings.TrimSpace(first.text), "#")-p.hashBase+1)
			case len(num) == 1 && num[0] >= 'a' && num[0] <= 'z':
				level = 3
			case len(num) == 1 && num[0] >= 'A' && num[0] <= 'Z' && romanValue(num) == 0 || len(num) == 1 && p.lastRoman != "" && romanValue(num) != romanValue(p.lastRoman)+1:
				level = 2 // "B." under "I."
			}
			if num != "" && level > 1 && p.lastRoman != "" && p.hasSection(num) {
				num = p.lastRoman + "." + num // "A." under "II." after "A." under "I."
			}
			if num == "" && level == 1 {
				p.section, p.lastRoman = "", "" // "Conclusion" is part of no numbered section
			}
			if num != "" {
				p.section = num
				if level == 1 && romanValue(num) > 0 {
					p.lastRoman = num
				}
			}
			p.doc.Sections = append(p.doc.Sections, Section{Number: num, Title: title, Level: level, Line: first.n, First: -1})
			if markup != "#" {
				how := "a plain line"
				if markup == "-" {
					how = "a list item"
				}
				p.problem(ProblemHeading, first.n, "heading %s recognised from %s", num, how)
			}
			return
		}
	}
	if startsWithMarker(first.text) || p.isBareDefinition(first.text) {
		p.footnoteBlock(b)
		p.prevNotes = true
		if p.para != nil {
			p.sawNotes = true
		}
		return
	}
	if !p.inBody {
		// The front matter runs to the table of contents; without one, it
		// is the leading "#" headings and the body starts at the first text.
		isTOC := len(p.toc) > 0 && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(first.text)), "CONTENT")
		isHead := strings.HasPrefix(strings.TrimSpace(first.text), "#")
		if len(p.toc) > 0 || isHead {
			p.front = append(p.front, b)
			if isTOC {
				p.inBody = true
			}
			return
		}
		p.inBody = true
	}
	if len(b) == 1 && strings.HasPrefix(strings.TrimSpace(first.text), "#") {
		// An unnumbered heading in the body ends the paragraph and is not text.
		p.endParagraph()
		return
	}
	nextIsNotes := next != nil && (startsWithMarker(next[0].text) || p.isBareDefinition(next[0].text))
	in := cleanInline(joinBlock(b))
	switch {
	case p.fn != nil && p.prevNotes && nextIsNotes && len(in.marks) == 0:
		// A line between two footnotes belongs to the first.
		p.fn.add(first.n, in)
		p.problem(ProblemSplitFootnote, first.n, "footnote %d continues after a blank line; joined", p.fn.n)
		p.fnOpen = !finished(in.text)
	case p.fn != nil && p.fnOpen && p.open && !p.prevNotes && nextIsNotes && len(in.marks) == 0:
		// Head of a footnote block while the page's last paragraph is
		// unfinished: the previous page's last footnote goes on here.
		p.fn.add(first.n, in)
		p.problem(ProblemSplitFootnote, first.n, "footnote %d is split by a page break; its end (line %d) joined", p.fn.n, first.n)
		p.fnOpen = !finished(in.text)
		p.prevNotes = true
		p.sawNotes = true
	case p.para != nil && p.open:
		if p.sawNotes {
			p.problem(ProblemSplitPara, first.n, "paragraph from line %d is split by footnotes; joined with line %d", p.para.lines[0], first.n)
		}
		p.para.add(first.n, in)
		p.open = !finished(in.text)
		p.sawNotes = false
		p.prevNotes = false
	default:
		p.endParagraph()
		p.para = &builder{section: p.section}
		p.para.add(first.n, in)
		p.open = !finished(in.text)
		p.sawNotes = false
		p.prevNotes = false
	}
}

// isBareDefinition reports a line that opens with the plain number of the
// footnote that comes next, which has no marker of its own: " 92 Y. XIAO".
func (p *parser) isBareDefinition(s string) bool {
	if p.fn == nil || !p.prevNotes && !p.fnOpen {
		return false
	}
	n, rest, ok := leadingNumber(s)
	return ok && n == p.fn.n+1 && !p.defined[n] && startsWord(rest)
}

func leadingNumber(s string) (int, string, bool) {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == 4 || i >= len(s) || s[i] != ' ' || atoi(s[:i]) == 0 {
		return 0, "", false
	}
	return atoi(s[:i]), strings.TrimLeft(s[i:], " "), true
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '*' || r == '"' || r == '«'
}

// finished reports text that ends a sentence; anything else means the
// paragraph or footnote goes on after a page break.
func finished(text string) bool {
	t := strings.TrimRight(text, " ")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?:»\"”)]…", r)
}

func (p *parser) endParagraph() {
	if p.para != nil {
		p.paras = append(p.paras, p.para)
		p.para = nil
	}
	p.open = false
	p.sawNotes = false
}

// footnoteBlock reads a block of footnote definitions. Each line starts a
// footnote or continues the one before it; one line may define several.
func (p *parser) footnoteBlock(b block) {
	for k, l := range b {
		bare := false
		text := l.text
		if !startsWithMarker(text) {
			if n, rest, ok := leadingNumber(text); ok && p.fn != nil && n == p.fn.n+1 && !p.defined[n] && startsWord(rest) {
				bare = true
				text = "<sup>" + strconv.Itoa(n) + "</sup> " + rest
				p.problem(ProblemBareDef, l.n, "footnote %d has no marker, only the plain number; read as its definition", n)
			} else if p.fn != nil {
				p.fn.add(l.n, cleanInline(text))
				if k > 0 {
					p.problem(ProblemWrapped, l.n, "footnote %d is wrapped over several lines; joined", p.fn.n)
				}
				p.fnOpen = !finished(p.fn.in.text)
				continue
			}
		}
		if isAuthorNote(text) {
			p.doc.Affiliation = cleanInline(text).text
			continue
		}
		if strings.Contains(text, "$<sup>^{") || strings.Contains(text, "$^{") {
			p.problem(ProblemMarkup, l.n, "footnote marker written as a formula; read as a plain marker")
		}
		in := cleanInline(text)
		p.splitDefinitions(l.n, in, bare)
	}
}

// splitDefinitions cuts one cleaned footnote line at its markers. Text
// before the first marker continues the current footnote.
func (p *parser) splitDefinitions(ln int, in inline, bare bool) {
	cuts := in.marks
	var extra []mark
	for _, m := range findBareDefinitions(in.text, cuts, p.defined) {
		extra = append(extra, m)
		p.problem(ProblemBareDef, ln, "footnote %d has no marker, only the plain number inside footnote %d; read as its definition", m.n, m.n-1)
	}
	cuts = append(cuts, extra...)
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].offset < cuts[j].offset })
	if len(cuts) == 0 || strings.TrimSpace(in.text[:cuts[0].offset]) != "" {
		head := sliceInline(in, 0, offsetOr(cuts, 0, len(in.text)))
		if p.fn != nil {
			p.fn.add(ln, head)
		} else if p.doc.Affiliation == "" && head.text != "" {
			p.doc.Affiliation = head.text // "<sup>\*</sup> Postdoctoral Research Fellow ..."
		}
	}
	for i, m := range cuts {
		end := offsetOr(cuts, i+1, len(in.text))
		piece := sliceInline(in, m.offset+m.skip, end)
		b := &builder{n: m.n}
		b.add(ln, piece)
		if m.merged {
			b.merged = m.rest
			p.problem(ProblemMergedNumber, ln, "footnote %d: its number is merged with the first word of its text (%q); separated", m.n, strconv.Itoa(m.n)+" "+m.rest)
		}
		p.notes = append(p.notes, b)
		p.fn = b
	}
	if p.fn != nil {
		p.fnOpen = !finished(p.fn.in.text)
	}
}

// isAuthorNote reports the "*" note on the author's name: "<sup>\*</sup> Postdoctoral ...".
func isAuthorNote(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, `<sup>\*</sup>`) || strings.HasPrefix(s, "<sup>*</sup>")
}

func offsetOr(ms []mark, i, def int) int {
	if i < len(ms) {
		return ms[i].offset
	}
	return def
}

// findBareDefinitions finds "N Text" after a sentence end inside footnote
// text, for a number N that follows a marker on the line (or the line's
// own footnote) and has no marker anywhere.
func findBareDefinitions(text string, marks []mark, defined map[int]bool) []mark {
	var out []mark
	if len(marks) == 0 {
		return nil
	}
	cur := marks[0].n
	mi := 0
	for i := 1; i < len(text)-2; i++ {
		for mi+1 < len(marks) && marks[mi+1].offset <= i {
			mi++
			cur = max(cur, marks[mi].n)
		}
		if text[i] < '0' || text[i] > '9' || text[i-1] != ' ' || i < 2 || text[i-2] != '.' {
			continue
		}
		n, rest, ok := leadingNumber(text[i:])
		if !ok || n != cur+1 || defined[n] || !startsWord(rest) {
			continue
		}
		out = append(out, mark{n: n, offset: i, skip: len(text[i:]) - len(rest)})
		cur = n
	}
	return out
}

// sliceInline returns in.text[start:end] with its spans, trimmed.
func sliceInline(in inline, start, end int) inline {
	t := in.text[start:end]
	lead := len(t) - len(strings.TrimLeft(t, " "))
	t = strings.TrimSpace(t)
	start += lead
	out := inline{text: t}
	for _, s := range in.spans {
		a, b := max(s.Start, start), min(s.End, start+len(t))
		if b > a {
			out.spans = append(out.spans, Span{Start: a - start, End: b - start, Style: s.Style})
		}
	}
	return out
}

func (p *parser) problem(kind string, ln int, format string, args ...any) {
	p.doc.Problems = append(p.doc.Problems, Problem{Kind: kind, Line: ln, Message: fmt.Sprintf(format, args...)})
}

// finish builds the Document from the builders: title block, paragraphs
// with references (bare ones included), footnotes, and the problems that
// need the whole picture (missing, duplicate, undefined).
func (p *parser) finish() {
	d := p.doc
	p.frontMatter()
	if p.escaped > 0 {
		p.problem(ProblemMarkup, p.firstEsc, "footnote markers escaped twice (\"<sup>&</sup>lt;sup>\") on %d lines; read as plain markers", p.escaped)
	}

	// Footnotes: a number defined twice keeps both texts, the second
	// after the first, so a damaged numbering loses nothing.
	byN := map[int]int{}
	for _, b := range p.notes {
		if i, dup := byN[b.n]; dup {
			f := &d.Footnotes[i]
			p.problem(ProblemDuplicate, b.lines[0], "footnote %d is defined twice (first on line %d); the second text is kept after the first", b.n, f.Line)
			base := len(f.Text) + 1
			f.Text += " " + b.in.text
			for _, s := range b.in.spans {
				f.Spans = append(f.Spans, Span{Start: s.Start + base, End: s.End + base, Style: s.Style})
			}
			continue
		}
		f := Footnote{N: b.n, Text: b.in.text, Spans: b.in.spans, Line: b.lines[0]}
		d.Footnotes = append(d.Footnotes, f)
		byN[b.n] = len(d.Footnotes) - 1
	}
	sort.Slice(d.Footnotes, func(i, j int) bool { return d.Footnotes[i].N < d.Footnotes[j].N })
	idx := map[int]int{}
	maxN := 0
	for i, f := range d.Footnotes {
		idx[f.N] = i
		maxN = max(maxN, f.N)
	}

	// Paragraphs and their explicit references.
	seen := map[string]int{}
	for _, b := range p.paras {
		para := Paragraph{Index: len(d.Paragraphs), Section: b.section, Text: b.in.text, Spans: b.in.spans, Line: b.lines[0], EndLine: b.lines[len(b.lines)-1]}
		for _, m := range b.in.marks {
			para.Refs = append(para.Refs, Ref{N: m.n, Offset: m.offset})
		}
		para.ID = paragraphID(b.section, para.Text, seen)
		d.Paragraphs = append(d.Paragraphs, para)
	}
	p.bareReferences(idx)

	referenced := map[int]bool{}
	for _, para := range d.Paragraphs {
		for _, r := range para.Refs {
			if _, ok := idx[r.N]; !ok {
				p.problem(ProblemUndefined, para.Line, "paragraph %s refers to footnote %d, which is never defined", para.ID, r.N)
				continue
			}
			if !referenced[r.N] {
				referenced[r.N] = true
				d.Footnotes[idx[r.N]].Paragraph = para.ID
			}
		}
	}
	// Numbering may start anywhere (a chapter's notes run 307-540):
	// only gaps inside the run are missing notes.
	minN := maxN
	for _, f := range d.Footnotes {
		minN = min(minN, f.N)
	}
	for n := max(minN, 1); n <= maxN; n++ {
		if _, ok := idx[n]; !ok {
			p.problem(ProblemUndefined, 0, "footnote %d is never defined (the numbering skips it)", n)
		}
	}
	placeLost(d)
	for i := range d.Footnotes {
		f := &d.Footnotes[i]
		if f.Paragraph == "" {
			p.problem(ProblemMissingRef, f.Line, "footnote %d has no marker in the text (lost in conversion); shown with paragraph %s", f.N, f.Near)
		}
	}

	// A section's first paragraph; a heading with no text of its own
	// ("2" right above "2.1") starts where the next section's text does.
	next := len(d.Paragraphs)
	for k := len(d.Sections) - 1; k >= 0; k-- {
		for i := next - 1; i >= 0 && d.Paragraphs[i].Section == d.Sections[k].Number; i-- {
			next = i
		}
		d.Sections[k].First = next
	}
	sort.SliceStable(d.Problems, func(i, j int) bool { return d.Problems[i].Line < d.Problems[j].Line })
}

// placeLost sets Near for every footnote whose marker was lost. Markers
// run in numbering order through the text, so a lost one sat after the
// marker of the nearest lower-numbered footnote that kept its marker:
// that footnote's paragraph. Failing that (the first footnotes lost), it
// sat before the nearest higher-numbered one. Only when no footnote
// around it has a marker does the source line decide: a footnote block
// is printed at the foot of the page, after the text of the page rather
// than the paragraph that cites it, so the line is the weakest clue.
// One pass each way: an article with thousands of lost markers must not
// take quadratic time.
func placeLost(d *Document) {
	fns := d.Footnotes
	next := make([]string, len(fns)) // nearest higher-numbered footnote's paragraph
	cur := ""
	for j := len(fns) - 1; j >= 0; j-- {
		next[j] = cur
		if fns[j].Paragraph != "" {
			cur = fns[j].Paragraph
		}
	}
	prev := ""
	for i := range fns {
		f := &fns[i]
		switch {
		case f.Paragraph != "":
			prev = f.Paragraph
		case prev != "":
			f.Near = prev
		case next[i] != "":
			f.Near = next[i]
		default:
			f.Near = paragraphBefore(d, f.Line)
		}
	}
}

// paragraphBefore is the last paragraph that starts before source line
// ln, else the first one. Paragraphs are in source order.
func paragraphBefore(d *Document, ln int) string {
	if len(d.Paragraphs) == 0 {
		return ""
	}
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].Line >= ln })
	return d.Paragraphs[max(0, i-1)].ID
}

// frontMatter reads the title block: series, its subtitle line, the
// author (the heading carrying the "*" note), and the title.
func (p *parser) frontMatter() {
	d := p.doc
	var heads []string
	var plain []string
	author := -1
	for _, b := range p.front {
		t := strings.TrimSpace(joinBlock(b))
		upper := strings.ToUpper(t)
		if strings.HasPrefix(upper, "CONTENT") || strings.HasPrefix(upper, "TABLE OF CONTENTS") || strings.HasPrefix(upper, "SUMMARY:") {
			continue
		}
		if strings.HasPrefix(t, "#") {
			raw := strings.TrimSpace(strings.TrimLeft(t, "#"))
			if strings.HasSuffix(raw, `\*`) || strings.HasSuffix(raw, "*") && !strings.HasPrefix(raw, "*") {
				author = len(heads)
			}
			heads = append(heads, cleanInline(raw).text)
			continue
		}
		plain = append(plain, cleanInline(t).text)
	}
	if author >= 0 {
		d.Author = heads[author]
	}
	title := -1
	for i, h := range heads {
		if i != author && (title < 0 || len(h) > len(heads[title])) {
			title = i
		}
	}
	if title >= 0 {
		d.Title = heads[title]
	}
	for i, h := range heads {
		if i != author && i != title {
			d.Series = h
			break
		}
	}
	if len(plain) > 0 && d.Series != "" {
		d.SeriesInfo = plain[0]
	}
	if d.Title == "" && len(p.doc.Sections) == 0 && len(plain) > 0 {
		d.Title = plain[0]
	}
}

// paragraphID derives a stable ID from the section and the paragraph's
// opening words, so it survives edits anywhere else in the article.
func paragraphID(section, text string, seen map[string]int) string {
	h := fnv.New32a()
	var buf [utf8.UTFMax]byte
	words, inWord := 0, false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				if words == 16 {
					break
				}
				if words > 0 {
					h.Write([]byte{' '})
				}
				words++
			}
			inWord = true
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:n])
			continue
		}
		inWord = false
	}
	sec := section
	if sec == "" {
		sec = "0"
	}
	id := fmt.Sprintf("p-%s-%06x", sec, h.Sum32()&0xffffff)
	seen[id]++
	if seen[id] > 1 {
		id = fmt.Sprintf("%s-%d", id, seen[id])
	}
	return id
}
