// Package mdnotes reads Markdown whose notes are written the way pandoc,
// PHP Markdown Extra, kramdown and Hugo write them, rather than as the
// superscript markers of a PDF conversion: "[^n]" references with "[^n]:"
// definitions, inline "^[...]" notes, HTML anchors inside the Markdown
// ("<a href="#fn3">3</a>" with a back-linked definition), and a "Notes" or
// "Endnotes" heading followed by a numbered list. Jekyll/kramdown page
// furniture (YAML front matter, "{: .class}" attribute lines, "***"
// fences, <style>, <script> and <iframe> blocks, <div> wrappers, Liquid
// tags) is skipped. Every rule is about a syntax, never a document.
package mdnotes

import (
	"strconv"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/lazyre"
)

var (
	anyDefLine  = lazyre.New(`(?m)^ {0,3}\[\^[^\]\s]+\]:`)
	defLine     = lazyre.New(`^ {0,3}\[\^([^\]\s]+)\]:\s?(.*)$`)
	noteRef     = lazyre.New(`\[\^([^\]\s]+)\]`)
	hrefTarget  = lazyre.New(`(?i)href\s*=\s*["']#([^"']+)["']`)
	idAttr      = lazyre.New(`(?i)^\s*<(?:li|p|div|span|a|sup|dd|dt|aside)\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']`)
	anchorRef   = lazyre.New(`(?is)(<sup[^>]*>\s*)?<a\b[^>]*href\s*=\s*["']#([^"']+)["'][^>]*>(.*?)</a>(\s*</sup>)?`)
	backLink    = lazyre.New(`(?is)<a\b[^>]*href\s*=\s*["']#[^"']*["'][^>]*>\s*(?:↩|&#8617;|&#x21a9;|\^|&uarr;|↑|back)?[︎\s]*</a>`)
	notesHead   = lazyre.New(`(?i)^\s*(?:#{1,6}\s*)?(?:\*\*|__)?(notes|endnotes|footnotes|references and notes)(?:\*\*|__)?:?\s*#*\s*$`)
	listItem    = lazyre.New(`^\s{0,3}(?:(\d{1,4})[.)]|\[(\d{1,4})\]|(\d{1,4})\s)\s*(.*)$`)
	bulletItem  = lazyre.New(`^\s{0,3}[-*+]\s+(.*)$`)
	atxHeading  = lazyre.New(`^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	htmlHeading = lazyre.New(`(?is)^\s*<h([1-6])[^>]*>(.*)</h[1-6]>\s*$`)
	ialLine     = lazyre.New(`^\s*\{:[^}]*\}\s*$`)
	ialTrail    = lazyre.New(`\s*\{:[^}]*\}\s*$`)
	liquidLine  = lazyre.New(`^\s*\{%.*%\}\s*$`)
	thematic    = lazyre.New(`^ {0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$`)
	wrapperTag  = lazyre.New(`(?i)^\s*</?(div|section|article|ol|ul|hr|br|aside|footer|header|main|span|center|figure|table|tbody|thead|tr)\b[^>]*>\s*$`)
	mdLink      = lazyre.New(`!?\[([^\]\[]*)\]\([^)]*\)`)
	refLink     = lazyre.New(`\[([^\]\[]*)\]\[([^\]\[^]*)\]`)
	wikiLink    = lazyre.New(`\[\[(?:[^\]|]*\|)?([^\]]*)\]\]`)
	underEm     = lazyre.New(`(^|[\s(“"'])_([^_\s][^_]*?)_([\s).,;:!?”"']|$)`)
	caretSup    = lazyre.New(`\^(\d{1,4})\^`)
	bracketNum  = lazyre.New(`\[(\d{1,4})\]`)
	codeSpan    = lazyre.New("`([^`]*)`")
	linkDef     = lazyre.New(`^ {0,3}\[[^\]^][^\]]*\]:\s+\S`)
	otherTag    = lazyre.New(`</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>`)
	bracketSpan = lazyre.New(`\[([^\]\[]*)\]\{[^}]*\}`)
	tocItem     = lazyre.New(`^\s*(?:[-*+]|\d+\.)\s+\[[^\]]*\]\(#[^)]*\)\s*$`)
	onlyTags    = lazyre.New(`^\s*(<[^>]+>\s*)+$`)
	mdEscape    = lazyre.New(`\\([.!()\-+{}>|~"'<=:;,?$%&@])`)
)

// Looks reports Markdown whose notes this package reads: the dispatcher
// sends everything else to the marker-style parser.
func Looks(src []byte) bool {
	s := string(src)
	if anyDefLine.MatchString(s) || strings.Contains(s, "^[") {
		return true
	}
	if m := hrefTarget.FindAllStringSubmatch(s, 50); len(m) > 0 {
		for _, t := range m {
			if looksLikeNoteID(t[1]) {
				return true
			}
		}
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if notesHead.MatchString(strings.TrimRight(l, "\r")) {
			for _, n := range lines[i+1 : min(len(lines), i+6)] {
				if listItem.MatchString(n) {
					return true
				}
			}
		}
	}
	return false
}

func looksLikeNoteID(id string) bool {
	id = strings.ToLower(id)
	for _, p := range []string{"fn", "footnote", "note", "ftn", "endnote", "_ftn", "_edn", "en"} {
		if strings.HasPrefix(id, p) && !strings.Contains(id, "ref") && !strings.Contains(id, "back") {
			return true
		}
	}
	return false
}

// line is one source line and what the reading made of it.
type line struct {
	n    int
	text string
	used bool // consumed: markup, furniture or a note definition
}

type reader struct {
	b       *article.Builder
	lines   []line
	title   string
	authors []string

	labels   map[string]int // note label -> number
	inline   []article.Text // inline notes in order of appearance
	inlineAt []int          // the line each stood on
	curLine  int            // line of the block being read
	next     int            // next number for notes numbered by order
	numeric  bool           // every label is a number: the document's own numbering
	targets  map[string]bool
	defs     []def
	listDefs bool // notes came as a numbered list under a "Notes" heading
	defined  map[string]bool
	numbers  map[int]bool // numbers given to labels
	paras    int          // paragraphs so far
}

type def struct {
	label string
	n     int
	text  string
	line  int
}

// Parse reads src. It fails only when no paragraph of text is found.
func Parse(src []byte) (*article.Document, error) {
	r := &reader{b: article.NewBuilder(src), labels: map[string]int{}, numbers: map[int]bool{}, targets: map[string]bool{}}
	s := strings.TrimPrefix(string(src), "\uFEFF")
	for i, t := range strings.Split(s, "\n") {
		r.lines = append(r.lines, line{n: i + 1, text: strings.TrimRight(t, "\r")})
	}
	r.frontMatter()
	for _, l := range r.lines {
		for _, m := range hrefTarget.FindAllStringSubmatch(l.text, -1) {
			r.targets[m[1]] = true
		}
	}
	r.skipFurniture()
	r.collectDefinitions()
	r.numberNotes()
	r.body()
	r.defineNotes()
	r.b.SetTitle(r.title, r.authors)
	return r.b.Document()
}

// frontMatter reads a YAML header ("---" ... "---" or "...") for the
// title and authors and skips it.
func (r *reader) frontMatter() {
	if len(r.lines) == 0 || strings.TrimSpace(r.lines[0].text) != "---" {
		return
	}
	end := -1
	for i := 1; i < len(r.lines) && i < 400; i++ {
		if t := strings.TrimSpace(r.lines[i].text); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return
	}
	key := ""
	for i := 0; i <= end; i++ {
		r.lines[i].used = true
		t := r.lines[i].text
		if k, v, ok := strings.Cut(t, ":"); ok && !strings.HasPrefix(t, " ") && !strings.HasPrefix(t, "-") {
			key = strings.ToLower(strings.TrimSpace(k))
			v = unquote(v)
			switch key {
			case "title":
				r.title = v
			case "author", "authors":
				if v != "" {
					r.authors = append(r.authors, splitAuthors(v)...)
				}
			}
			continue
		}
		if item, ok := strings.CutPrefix(strings.TrimSpace(t), "- "); ok && (key == "author" || key == "authors") {
			item = unquote(item)
			if name, ok := strings.CutPrefix(item, "name:"); ok {
				item = unquote(name)
			}
			r.authors = append(r.authors, item)
		}
	}
}

func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return strings.TrimSpace(v)
}

func splitAuthors(v string) []string {
	v = strings.Trim(v, "[]")
	var out []string
	for _, a := range strings.Split(v, ",") {
		if a = unquote(a); a != "" {
			out = append(out, a)
		}
	}
	if len(out) > 1 {
		// "Smith, John" is one author written surname first.
		for _, a := range out {
			if !strings.Contains(a, " ") {
				return []string{strings.Join(out, ", ")}
			}
		}
	}
	return out
}

// skipFurniture blanks what a page generator reads but a reader never
// sees: code and style blocks, comments, attribute lists, Liquid tags,
// rules and wrapper tags, link definitions.
func (r *reader) skipFurniture() {
	var closing string
	for i := range r.lines {
		l := &r.lines[i]
		if l.used {
			continue
		}
		t := strings.TrimSpace(l.text)
		low := strings.ToLower(t)
		if closing != "" {
			l.used = true
			if strings.Contains(low, closing) {
				closing = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			l.used = true
			closing = t[:3]
			continue
		case strings.HasPrefix(low, "<!--"):
			l.used = true
			if !strings.Contains(low, "-->") {
				closing = "-->"
			}
			continue
		}
		for _, tag := range []string{"style", "script", "iframe", "noscript", "svg", "template", "object"} {
			if strings.HasPrefix(low, "<"+tag) {
				l.used = true
				if !strings.Contains(low, "</"+tag) {
					closing = "</" + tag
				}
				break
			}
		}
		if l.used {
			continue
		}
		if ialLine.MatchString(t) && strings.Contains(strings.ToLower(t), "toc") {
			// kramdown's "* TOC" list placeholder above "{:toc}".
			for k := i - 1; k >= 0 && strings.TrimSpace(r.lines[k].text) != ""; k-- {
				r.lines[k].used = true
			}
		}
		if tocItem.MatchString(l.text) {
			l.used = true // a table of contents: links to the page's own headings
			continue
		}
		if ialLine.MatchString(t) || liquidLine.MatchString(t) || thematic.MatchString(l.text) || wrapperTag.MatchString(t) || onlyTags.MatchString(t) && !r.isTarget(t) || linkDef.MatchString(l.text) {
			// A setext underline ("Title" over "---") is a heading, not a rule.
			if i > 0 && strings.Trim(t, "-=") == "" && strings.TrimSpace(r.lines[i-1].text) != "" && !r.lines[i-1].used && !strings.Contains(t, " ") {
				continue
			}
			l.used = true
			continue
		}
		l.text = ialTrail.ReplaceAllString(l.text, "")
	}
}

// collectDefinitions finds every note definition and marks its lines.
func (r *reader) collectDefinitions() {
	for i := 0; i < len(r.lines); i++ {
		l := &r.lines[i]
		if l.used {
			continue
		}
		if m := defLine.FindStringSubmatch(l.text); m != nil {
			l.used = true
			text, end := r.continuation(i, m[2], true)
			r.defs = append(r.defs, def{label: m[1], text: text, line: l.n})
			i = end
			continue
		}
		if m := idAttr.FindStringSubmatch(l.text); m != nil && r.targets[m[1]] {
			// The definition may open on a line of its own ("<li id=fn1>")
			// with its text and back link on the lines under it.
			text, end := r.continuation(i, l.text, false)
			if !r.hasBackLink(text) {
				for k := i + 1; k <= end; k++ {
					r.lines[k].used = false
				}
				continue
			}
			l.used = true
			r.defs = append(r.defs, def{label: m[1], text: text, line: l.n})
			i = end
		}
	}
	if len(r.defs) == 0 {
		r.notesList()
	}
}

// isTarget reports a line that opens with an element some link points to.
func (r *reader) isTarget(s string) bool {
	m := idAttr.FindStringSubmatch(s)
	return m != nil && r.targets[m[1]]
}

// hasBackLink reports a definition line that links back into the text,
// which is what makes an anchor a note rather than any in-page target.
func (r *reader) hasBackLink(s string) bool {
	for _, m := range hrefTarget.FindAllStringSubmatch(s, -1) {
		if !r.targets[m[1]] || strings.Contains(strings.ToLower(m[1]), "ref") || strings.Contains(strings.ToLower(m[1]), "back") {
			return true
		}
	}
	return false
}

// continuation gathers a definition's further lines: the lines right
// under it, and indented paragraphs after a blank line.
func (r *reader) continuation(i int, first string, indented bool) (string, int) {
	parts := []string{first}
	j := i + 1
	for ; j < len(r.lines); j++ {
		l := &r.lines[j]
		t := l.text
		if l.used {
			if strings.TrimSpace(t) == "" || !indented {
				break
			}
			continue
		}
		if strings.TrimSpace(t) == "" {
			// A blank line ends it unless an indented paragraph follows.
			if indented && j+1 < len(r.lines) && isIndented(r.lines[j+1].text) && !r.lines[j+1].used {
				continue
			}
			break
		}
		if defLine.MatchString(t) || idAttr.MatchString(t) && r.targets[idAttr.FindStringSubmatch(t)[1]] || atxHeading.MatchString(t) {
			break
		}
		l.used = true
		parts = append(parts, strings.TrimSpace(t))
	}
	return strings.Join(parts, " "), j - 1
}

func isIndented(s string) bool { return strings.HasPrefix(s, "    ") || strings.HasPrefix(s, "\t") }

// notesList reads the notes of a document that lists them under a
// "Notes" heading as a numbered list, the way many policy papers and
// converted Word files do.
func (r *reader) notesList() {
	for i := range r.lines {
		if r.lines[i].used || !notesHead.MatchString(r.lines[i].text) {
			continue
		}
		prev := 0
		var defs []def
		var ordinal []bool
		j := i + 1
		for ; j < len(r.lines); j++ {
			l := &r.lines[j]
			t := l.text
			if l.used || strings.TrimSpace(t) == "" {
				continue
			}
			if atxHeading.MatchString(t) || notesHead.MatchString(t) {
				break
			}
			if m := listItem.FindStringSubmatch(t); m != nil {
				n, _ := strconv.Atoi(m[1] + m[2] + m[3])
				defs = append(defs, def{n: n, text: m[4], line: l.n})
				ordinal = append(ordinal, false)
				prev = n
				l.used = true
				continue
			}
			if m := bulletItem.FindStringSubmatch(t); m != nil && len(defs) > 0 {
				// An item that lost its number is a note of its own, not
				// the end of the one before it.
				defs = append(defs, def{n: prev + 1, text: m[1], line: l.n})
				ordinal = append(ordinal, true)
				prev++
				l.used = true
				continue
			}
			if len(defs) == 0 {
				break
			}
			defs[len(defs)-1].text += " " + strings.TrimSpace(t)
			l.used = true
		}
		if len(defs) == 0 {
			continue
		}
		r.lines[i].used = true
		allOne := len(defs) > 1
		for _, d := range defs {
			allOne = allOne && d.n == 1
		}
		for k := range defs {
			if allOne {
				defs[k].n = k + 1 // "1." on every item: Markdown numbers them itself
			}
			if ordinal[k] {
				r.b.Problem(article.ProblemBareDef, defs[k].line, "a note in the list under the notes heading has no number; read as note %d", defs[k].n)
			}
			defs[k].label = strconv.Itoa(defs[k].n)
		}
		r.defs = defs
		r.listDefs = true
		return
	}
}

// numberNotes gives every label its number. A document whose labels are
// all numbers keeps its own numbering (it may start anywhere: a chapter's
// notes run 4-14); any other is numbered by order of first reference, as
// pandoc prints it.
func (r *reader) numberNotes() {
	r.numeric = true
	for _, d := range r.defs {
		if labelNumber(d.label) == 0 && d.n == 0 {
			r.numeric = false
		}
	}
	r.next = 1
	for i := range r.lines {
		if !r.lines[i].used && strings.Contains(r.lines[i].text, "^[") {
			r.numeric = false
		}
	}
	if r.numeric {
		for _, d := range r.defs {
			n := labelNumber(d.label)
			if d.n != 0 {
				n = d.n
			}
			r.labels[d.label] = n
			r.numbers[n] = true
		}
	}
}

// labelNumber is the number a label ends with ("12", "fn12", "fn:12",
// "_ftn12"), 0 for none.
func labelNumber(label string) int {
	i := len(label)
	for i > 0 && label[i-1] >= '0' && label[i-1] <= '9' && len(label)-i < 5 {
		i--
	}
	n, _ := strconv.Atoi(label[i:])
	return n
}

// number is the note number of a label, given at its first reference
// when the document is numbered by order.
func (r *reader) number(label string) int {
	if n, ok := r.labels[label]; ok {
		return n
	}
	if r.numeric {
		if n := labelNumber(label); n > 0 {
			return n
		}
	}
	for r.taken(r.next) {
		r.next++
	}
	r.labels[label] = r.next
	r.numbers[r.next] = true
	r.next++
	return r.labels[label]
}

func (r *reader) taken(n int) bool { return r.numbers[n] }

// defineNotes hands the definitions to the builder; labels never
// referenced get numbers after the others.
func (r *reader) defineNotes() {
	for _, d := range r.defs {
		n := r.number(d.label)
		r.b.Footnote(n, article.TrimLabel(r.inlineText(d.text, false), n), d.line)
	}
	for k, t := range r.inline {
		r.b.Footnote(r.labels[inlineLabel(k)], t, r.inlineAt[k])
	}
}

func inlineLabel(k int) string { return "\x00inline" + strconv.Itoa(k) }

// body reads everything that is not a definition or furniture into
// headings and paragraphs.
func (r *reader) body() {
	var block []line
	flush := func() {
		if len(block) > 0 {
			r.block(block)
			block = nil
		}
	}
	for i := 0; i < len(r.lines); i++ {
		l := r.lines[i]
		if l.used || strings.TrimSpace(l.text) == "" {
			flush()
			continue
		}
		// Setext heading: a line underlined with "===" or "---".
		if i+1 < len(r.lines) && !r.lines[i+1].used && len(block) == 0 {
			u := strings.TrimSpace(r.lines[i+1].text)
			if len(u) >= 2 && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "") {
				level := 1
				if u[0] == '-' {
					level = 2
				}
				r.heading(l.text, level, l.n)
				i++
				continue
			}
		}
		if m := atxHeading.FindStringSubmatch(l.text); m != nil {
			flush()
			r.heading(m[2], len(m[1]), l.n)
			continue
		}
		if m := htmlHeading.FindStringSubmatch(l.text); m != nil {
			flush()
			n, _ := strconv.Atoi(m[1])
			r.heading(m[2], n, l.n)
			continue
		}
		// Each list item is a paragraph of its own.
		if len(block) > 0 && (bulletItem.MatchString(l.text) || listItem.MatchString(l.text) && !startsWithNumberWord(l.text)) {
			flush()
		}
		block = append(block, l)
	}
	flush()
}

// startsWithNumberWord reports a wrapped line that begins with a number
// in running text ("1999 the Court ..."), which is not a list item.
func startsWithNumberWord(s string) bool {
	m := listItem.FindStringSubmatch(s)
	return m != nil && m[3] != ""
}

func (r *reader) heading(text string, level, ln int) {
	t := article.InlineMarkdown(r.rewrite(text)).Text
	if level == 1 && r.title == "" && len(r.b.Title()) == 0 && !r.sawText() {
		r.title = t
		return
	}
	r.b.Heading(t, level, ln)
}

func (r *reader) sawText() bool { return r.paras > 0 }

// block turns one run of lines into a paragraph, or a heading when it is
// a single short line that the heading rules number ("II.A. Standing",
// "**IV. Conclusion**").
func (r *reader) block(b []line) {
	parts := make([]string, len(b))
	for i, l := range b {
		t := strings.TrimSpace(l.text)
		t = strings.TrimLeft(t, "> ")
		if m := bulletItem.FindStringSubmatch(t); m != nil && i == 0 {
			t = m[1]
		}
		parts[i] = t
	}
	raw := strings.Join(parts, " ")
	if len(b) == 1 && len(raw) < 160 {
		num, title := article.SplitHeading(raw)
		bold := strings.HasPrefix(raw, "**") && strings.HasSuffix(raw, "**")
		if (num != "" && (bold || isRomanish(num) || upper(title)) || bold && upper(title)) && !strings.HasSuffix(strings.TrimRight(title, "*_"), ".") {
			r.heading(raw, 0, b[0].n)
			return
		}
	}
	r.curLine = b[0].n
	t := r.inlineText(raw, true)
	if strings.TrimSpace(t.Text) == "" {
		return
	}
	r.paras++
	r.b.Paragraph(t, b[0].n, b[len(b)-1].n)
}

func isRomanish(num string) bool {
	return strings.ContainsAny(num[:1], "IVXLC") || strings.Contains(num, ".")
}

func upper(s string) bool {
	letters := 0
	for _, c := range s {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters > 2
}

// inlineText rewrites the note references of one run into superscripts
// and cleans it. In the body, inline notes are taken out and numbered.
func (r *reader) inlineText(raw string, body bool) article.Text {
	if body {
		raw = r.takeInlineNotes(raw)
	}
	return article.InlineMarkdown(r.rewrite(raw))
}

// takeInlineNotes replaces each "^[text]" (brackets may nest) with a
// reference and keeps its text as a note.
func (r *reader) takeInlineNotes(s string) string {
	if !strings.Contains(s, "^[") {
		return s
	}
	var out strings.Builder
	for {
		i := strings.Index(s, "^[")
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		depth, end := 0, -1
		for j := i + 1; j < len(s) && end < 0; j++ {
			switch s[j] {
			case '[':
				depth++
			case ']':
				depth--
				if depth == 0 {
					end = j
				}
			}
		}
		if end < 0 {
			out.WriteString(s)
			return out.String()
		}
		label := inlineLabel(len(r.inline))
		r.inline = append(r.inline, article.InlineMarkdown(r.rewrite(s[i+2:end])))
		r.inlineAt = append(r.inlineAt, r.curLine)
		out.WriteString(s[:i])
		out.WriteString("<sup>" + strconv.Itoa(r.number(label)) + "</sup>")
		s = s[end+1:]
	}
}

// rewrite turns every reference syntax into a numeric superscript, and
// links, code and underscores into what the shared cleaner reads.
func (r *reader) rewrite(s string) string {
	s = backLink.ReplaceAllString(s, "")
	s = anchorRef.ReplaceAllStringFunc(s, func(m string) string {
		sm := anchorRef.FindStringSubmatch(m)
		if !r.isNote(sm[2]) {
			return sm[3]
		}
		return "<sup>" + strconv.Itoa(r.number(sm[2])) + "</sup>"
	})
	s = otherTag.ReplaceAllStringFunc(s, func(m string) string {
		name := strings.ToLower(strings.Trim(otherTag.FindStringSubmatch(m)[1], "/"))
		switch name {
		case "sup", "em", "i", "strong", "b":
			return m
		}
		return " "
	})
	s = strings.ReplaceAll(s, "][^", "] [^") // "[quoted words][^4]": the words, then the note
	s = noteRef.ReplaceAllStringFunc(s, func(m string) string {
		label := m[2 : len(m)-1]
		if !r.known(label) {
			return m
		}
		return "<sup>" + strconv.Itoa(r.number(label)) + "</sup>"
	})
	s = strings.ReplaceAll(s, "] <sup>", "]<sup>")
	if r.listDefs {
		s = caretSup.ReplaceAllString(s, "<sup>$1</sup>")
		s = bracketNum.ReplaceAllStringFunc(s, func(m string) string {
			if r.known(m[1 : len(m)-1]) {
				return "<sup>" + m[1:len(m)-1] + "</sup>"
			}
			return m
		})
	}
	s = wikiLink.ReplaceAllString(s, "$1")
	s = bracketSpan.ReplaceAllString(s, "$1") // pandoc's [text]{.underline}
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return ""
		}
		return mdLink.FindStringSubmatch(m)[1]
	})
	s = refLink.ReplaceAllString(s, "$1")
	s = codeSpan.ReplaceAllString(s, "$1")
	s = underEm.ReplaceAllString(s, "$1<em>$2</em>$3")
	s = mdEscape.ReplaceAllString(s, "$1")
	// Brackets left around quoted words that carried a note.
	s = strings.NewReplacer("[“", "“", "”]", "”").Replace(s)
	return s
}

func (r *reader) known(label string) bool {
	if r.defined == nil {
		// Built on first use, once every definition is in: a long
		// article must not scan its notes once per reference.
		r.defined = map[string]bool{}
		for _, d := range r.defs {
			r.defined[d.label] = true
		}
	}
	return r.defined[label]
}

func (r *reader) isNote(target string) bool {
	return r.known(target) || looksLikeNoteID(target) && len(r.defs) == 0
}
