// Package htmldoc reads an article saved as a web page: pandoc's HTML
// (footnote-ref links, section.footnotes), Word's "Save as web page"
// (_ftn/_ftnref anchors), and the footnotes of journals and blogs
// (numbered links to in-page anchors that link back). Title and authors
// come from the citation_* meta tags law reviews and SSRN publish, else
// Dublin Core, else the page. The page's declared character set is
// honoured. Nothing the page points to is fetched, and scripts, styles,
// frames and event handlers are never run or read.
package htmldoc

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/glossa-app/glossa/app/article"
)

// Looks reports content that is an HTML page rather than Markdown with
// some tags in it.
func Looks(src []byte) bool {
	head := src[:min(len(src), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.ToLower(bytes.TrimSpace(head))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<?xml", "<meta", "<!-- saved from", "<body"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return !bytes.HasPrefix(t, []byte("<?xml")) || bytes.Contains(t, []byte("<html"))
		}
	}
	if bytes.HasPrefix(t, []byte("<!--")) {
		return bytes.Contains(t, []byte("<html")) || bytes.Contains(t, []byte("<body"))
	}
	return false
}

// skipped elements hold nothing a reader reads, or things that must
// never run.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Template: true, atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Button: true,
	atom.Form: true, atom.Select: true, atom.Textarea: true, atom.Head: true, atom.Audio: true, atom.Video: true,
	atom.Canvas: true, atom.Frameset: true, atom.Frame: true,
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Blockquote: true, atom.Dd: true, atom.Dt: true,
	atom.Td: true, atom.Th: true, atom.Pre: true, atom.Section: true, atom.Article: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Figcaption: true, atom.Caption: true,
	atom.Address: true, atom.Center: true, atom.Ol: true, atom.Ul: true, atom.Dl: true, atom.Table: true,
	atom.Tr: true, atom.Hr: true, atom.Body: true, atom.Figure: true,
}

var headings = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

var digits = regexp.MustCompile(`\d{1,4}`)

// Parse reads an HTML page.
func Parse(src []byte) (*article.Document, error) {
	r, err := charset.NewReader(bytes.NewReader(src), "")
	if err != nil {
		return nil, fmt.Errorf("htmldoc: character set: %w", err)
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("htmldoc: %w", err)
	}
	p := &page{b: article.NewBuilder(src), src: string(src), ids: map[string]*html.Node{}, notes: map[*html.Node]int{}, refAt: map[*html.Node]int{}}
	p.lines.src = p.src
	p.index(root)
	p.meta(root)
	p.findNotes(root)
	p.walk(root, 0)
	p.flush()
	p.emitNotes()
	p.b.SetTitle(p.title, p.authors)
	if p.external > 0 {
		p.b.Problem(article.ProblemExternal, p.firstExternal, "the page points to %d other files or addresses (images, styles, scripts, frames), the first on line %d; Glossa did not fetch them", p.external, p.firstExternal)
	}
	return p.b.Document()
}

type page struct {
	b     *article.Builder
	src   string
	lines lineFinder
	ids   map[string]*html.Node // id or name -> element

	title   string
	authors []string

	// notes maps a definition container to its number; refAt maps a
	// reference link to the number it shows.
	notes    map[*html.Node]int
	order    []*html.Node
	refAt    map[*html.Node]int
	text     article.TextBuilder
	style    article.Style
	line     int
	paras    int
	external int
	// firstExternal is the line of the first of them.
	firstExternal int
	h1Title       bool
}

// index records every element's id and name, and counts what the page
// would load from elsewhere.
func (p *page) index(n *html.Node) {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "id", "name":
				if _, ok := p.ids[a.Val]; !ok && a.Val != "" {
					p.ids[a.Val] = n
				}
			case "src", "data", "background":
				if isExternal(a.Val) {
					p.noteExternal(a.Val)
				}
			case "href":
				if n.DataAtom == atom.Link && isExternal(a.Val) {
					p.noteExternal(a.Val)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.index(c)
	}
}

func (p *page) noteExternal(v string) {
	p.external++
	if p.firstExternal == 0 {
		if i := strings.Index(p.src, v); i >= 0 {
			p.firstExternal = strings.Count(p.src[:i], "\n") + 1
		}
	}
}

func isExternal(v string) bool {
	v = strings.TrimSpace(strings.ToLower(v))
	return v != "" && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "data:")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// meta reads title and authors: citation_* first (what law reviews and
// SSRN publish), then Dublin Core, then the page title.
func (p *page) meta(root *html.Node) {
	var ctitle, dctitle, pagetitle string
	var cauthors, dcauthors []string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				name := strings.ToLower(attr(n, "name") + attr(n, "property"))
				content := strings.TrimSpace(attr(n, "content"))
				switch name {
				case "citation_title":
					ctitle = content
				case "citation_author":
					cauthors = append(cauthors, content)
				case "dc.title", "dcterms.title":
					dctitle = content
				case "dc.creator", "dcterms.creator", "author":
					dcauthors = append(dcauthors, content)
				}
			case atom.Title:
				if n.FirstChild != nil && pagetitle == "" {
					pagetitle = n.FirstChild.Data
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	p.title = first(ctitle, dctitle)
	p.authors = cauthors
	if len(p.authors) == 0 {
		p.authors = dcauthors
	}
	if p.title == "" {
		p.title = pagetitle
		p.h1Title = true // a page's first h1 is a better title than its <title>
	}
}

func first(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// findNotes finds the reference links and the definitions they point to.
// A link is a note reference when it points into the page at an element
// that links back to it (pandoc, Word, Hugo and most journals), or at an
// element whose id names a note ("fn3", "_ftn3", "footnote-3").
func (p *page) findNotes(root *html.Node) {
	var links []*html.Node
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h := attr(n, "href"); strings.HasPrefix(h, "#") && len(h) > 1 {
				links = append(links, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	ordinal := 0
	for _, a := range links {
		frag := attr(a, "href")[1:]
		if isBackLink(frag, visibleText(a)) || p.inNote(a) {
			continue // links inside a note are back links or cross-references
		}
		target := p.ids[frag]
		if target == nil && (noteID(frag) || a.Parent != nil && a.Parent.DataAtom == atom.Sup) {
			ln := 0
			if i := strings.Index(p.src, "#"+frag); i >= 0 {
				ln = strings.Count(p.src[:i], "\n") + 1
			}
			p.b.Problem(article.ProblemUndefined, ln, "a note marker (%q) links to a note the page does not contain", strings.TrimSpace(visibleText(a)))
			continue
		}
		if target == nil || contains(target, a) {
			continue
		}
		back := p.linksBack(target, a)
		if !back && !noteID(attr(a, "href")[1:]) {
			continue
		}
		box := container(target)
		if contains(box, a) {
			continue // a link inside the notes (a back link, "see note 3")
		}
		n := 0
		if m := digits.FindString(visibleText(a)); m != "" {
			n, _ = strconv.Atoi(m)
		}
		if n == 0 {
			if m := digits.FindString(attr(a, "href")); m != "" {
				n, _ = strconv.Atoi(m)
			}
		}
		if n == 0 {
			ordinal++
			n = ordinal
		}
		ordinal = n
		p.refAt[a] = n
		if _, seen := p.notes[box]; !seen {
			p.notes[box] = n
			p.order = append(p.order, box)
		}
	}
}

// isBackLink reports the link from a note back to its reference:
// "#fnref1", "#_ftnref1", "↩", "[return]".
func isBackLink(frag, text string) bool {
	f := strings.ToLower(frag)
	t := strings.ToLower(strings.TrimSpace(text))
	return strings.Contains(f, "ref") || strings.Contains(f, "back") || strings.Contains(f, "return") ||
		strings.ContainsAny(t, "↩↑^") || strings.Contains(t, "return") || strings.Contains(t, "back")
}

func (p *page) inNote(a *html.Node) bool {
	for n := a; n != nil; n = n.Parent {
		if _, ok := p.notes[n]; ok {
			return true
		}
	}
	return false
}

func noteID(id string) bool {
	id = strings.ToLower(id)
	for _, pre := range []string{"fn", "footnote", "note", "_ftn", "ftn", "_edn", "edn", "endnote", "en"} {
		if strings.HasPrefix(id, pre) && !strings.Contains(id, "ref") {
			return true
		}
	}
	return false
}

// linksBack reports a definition that links back to the reference a (to
// its id or name, or its parent's).
func (p *page) linksBack(target, a *html.Node) bool {
	ids := map[string]bool{}
	for n := a; n != nil && n.Type == html.ElementNode; n = n.Parent {
		for _, k := range []string{"id", "name"} {
			if v := attr(n, k); v != "" {
				ids[v] = true
			}
		}
		if n.DataAtom != atom.Sup && n.DataAtom != atom.A && n.DataAtom != atom.Span {
			break
		}
	}
	found := false
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h := attr(n, "href"); strings.HasPrefix(h, "#") && ids[h[1:]] {
				found = true
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(container(target))
	return found
}

// container is the block that holds a definition: the target itself when
// it is a block (pandoc's <li id="fn1">), else the nearest block around
// the anchor (Word's <p><a name="_ftn1">), widened to a <div> that holds
// that note alone (Word's <div id=ftn1>).
func container(t *html.Node) *html.Node {
	n := t
	for n != nil && n.Type == html.ElementNode && !blocks[n.DataAtom] {
		n = n.Parent
	}
	if n == nil || n.Type != html.ElementNode {
		return t
	}
	if par := n.Parent; par != nil && par.DataAtom == atom.Div && noteID(strings.TrimPrefix(attr(par, "id"), "_")) {
		return par
	}
	return n
}

func contains(outer, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

func visibleText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// walk reads the body into headings and paragraphs, skipping the notes.
func (p *page) walk(n *html.Node, depth int) {
	if depth > 400 {
		return // a page nested this deep is hostile; what is above is kept
	}
	switch n.Type {
	case html.TextNode:
		if p.text.Len() == 0 && strings.TrimSpace(n.Data) != "" {
			p.line = p.lines.find(n.Data)
		}
		p.text.Write(n.Data, p.style)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || isHidden(n) {
			return
		}
		if _, ok := p.notes[n]; ok {
			return
		}
		if isNotesSection(n) {
			return
		}
		if num, ok := p.refAt[n]; ok {
			p.text.Ref(num)
			return
		}
		if lvl, ok := headings[n.DataAtom]; ok {
			p.flush()
			var t article.TextBuilder
			collectText(n, &t, nil)
			ln := p.lines.find(visibleText(n))
			title := t.Text().Text
			if num, _ := article.SplitHeading(title); lvl == 1 && p.h1Title && p.paras == 0 && title != "" && num == "" {
				p.title, p.h1Title = title, false
				return
			}
			p.b.Heading(title, lvl, ln)
			return
		}
		if n.DataAtom == atom.Br {
			p.text.Space()
			return
		}
		if blocks[n.DataAtom] {
			p.flush()
			defer p.flush()
		}
		old := p.style
		switch n.DataAtom {
		case atom.Em, atom.I, atom.Cite, atom.Var:
			p.style |= article.Italic
		case atom.Strong, atom.B:
			p.style |= article.Bold
		case atom.Sup:
			if t := strings.TrimSpace(visibleText(n)); t != "" && digits.FindString(t) == t && p.text.Len() > 0 {
				// A bare superscript number with no link is a marker whose
				// link was lost; a superscript "th" is text.
				if k, _ := strconv.Atoi(t); k > 0 {
					p.text.Ref(k)
					return
				}
			}
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			p.text.Space()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			p.walk(c, depth+1)
		}
		p.style = old
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, depth+1)
	}
}

// isHidden reports elements a browser would not show.
func isHidden(n *html.Node) bool {
	if attr(n, "hidden") != "" || strings.EqualFold(attr(n, "aria-hidden"), "true") && n.DataAtom != atom.A {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none")
}

// isNotesSection reports the wrapper of a notes list (pandoc's
// section.footnotes, Word's footnote-list div) so its heading and rules
// are not read as body text.
func isNotesSection(n *html.Node) bool {
	cls := " " + strings.ToLower(attr(n, "class")) + " "
	if strings.Contains(cls, " footnotes ") || strings.Contains(cls, " endnotes ") || strings.EqualFold(attr(n, "role"), "doc-endnotes") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "mso-element:footnote-list") || strings.Contains(st, "mso-element:endnote-list")
}

// collectText writes n's visible text into t, keeping emphasis; drop
// says which elements to leave out (nil for none).
func collectText(n *html.Node, t *article.TextBuilder, drop func(*html.Node) bool) {
	var visit func(*html.Node, article.Style)
	visit = func(n *html.Node, st article.Style) {
		switch n.Type {
		case html.TextNode:
			t.Write(n.Data, st)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || drop != nil && drop(n) {
				return
			}
			switch n.DataAtom {
			case atom.Em, atom.I, atom.Cite:
				st |= article.Italic
			case atom.Strong, atom.B:
				st |= article.Bold
			case atom.Br:
				t.Space()
			}
			if blocks[n.DataAtom] {
				t.Space()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, st)
		}
	}
	visit(n, 0)
}

func (p *page) flush() {
	t := p.text.Text()
	p.text.Reset()
	if strings.TrimSpace(t.Text) == "" {
		return
	}
	if article.LooksLikeHeading(t) {
		p.b.Heading(t.Text, 0, p.line) // Word's <p><b>I. INTRODUCTION</b></p>
		return
	}
	p.paras++
	p.b.Paragraph(t, p.line, p.line)
}

// emitNotes reads each definition: its text without the number label it
// opens with and without the back links.
func (p *page) emitNotes() {
	for _, box := range p.order {
		n := p.notes[box]
		var t article.TextBuilder
		collectText(box, &t, func(x *html.Node) bool {
			// The back link, or the label "[1]" that is a link too.
			if h := attr(x, "href"); x.DataAtom == atom.A && strings.HasPrefix(h, "#") {
				vt := strings.TrimSpace(visibleText(x))
				return vt == "" || isLabel(vt) || isBackLink(h[1:], vt)
			}
			return false
		})
		text := article.TrimLabel(t.Text(), n)
		p.b.Footnote(n, text, p.lines.findID(box))
	}
}

// isLabel reports a note's own number as printed: "1", "[1]", "1.", "(1)".
func isLabel(s string) bool {
	s = strings.Trim(s, "[](). ")
	return s != "" && digits.FindString(s) == s
}

// lineFinder gives source lines to parsed text: the tree has no
// positions, but text comes in source order, so a cursor that only moves
// forward finds each piece where it was written.
type lineFinder struct {
	src  string
	pos  int
	line int

	// quoted maps each quoted string of src (its text between a quote and
	// the next) to where its first occurrence starts, and newlines are the
	// offsets of src's line breaks: findID, asked once per note, looked
	// through the whole page each time (a third of the parse of a page
	// with 324 notes). Built on first use.
	quoted   map[string]int
	newlines []int
}

func (f *lineFinder) find(text string) int {
	w := probe(text)
	if w == "" {
		return f.line + 1
	}
	i := strings.Index(f.src[f.pos:], w)
	if i < 0 {
		return f.line + 1
	}
	f.line += strings.Count(f.src[f.pos:f.pos+i], "\n")
	f.pos += i
	return f.line + 1
}

// findID is the line of an element's id or name, without moving the cursor.
func (f *lineFinder) findID(n *html.Node) int {
	for _, k := range []string{"id", "name"} {
		if v := attr(n, k); v != "" {
			for _, q := range []string{`"` + v + `"`, k + "=" + v} {
				if i := f.index(q); i >= 0 {
					return f.lineAt(i)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if ln := f.findID(c); ln > 0 {
				return ln
			}
		}
	}
	return 0
}

// index is strings.Index(f.src, q). A q that is a quote, text without
// one, and a quote can only start at a quote of src whose next quote
// ends it, so the first of those is in f.quoted.
func (f *lineFinder) index(q string) int {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' || strings.Contains(q[1:len(q)-1], `"`) {
		return strings.Index(f.src, q)
	}
	if f.quoted == nil {
		f.quoted = map[string]int{}
		for i := strings.IndexByte(f.src, '"'); i >= 0; {
			j := strings.IndexByte(f.src[i+1:], '"')
			if j < 0 {
				break
			}
			if _, ok := f.quoted[f.src[i+1:i+1+j]]; !ok {
				f.quoted[f.src[i+1:i+1+j]] = i
			}
			i += 1 + j
		}
	}
	if i, ok := f.quoted[q[1:len(q)-1]]; ok {
		return i
	}
	return -1
}

// lineAt is the line of src's byte i.
func (f *lineFinder) lineAt(i int) int {
	if f.newlines == nil {
		f.newlines = []int{}
		for j := strings.IndexByte(f.src, '\n'); j >= 0; {
			f.newlines = append(f.newlines, j)
			k := strings.IndexByte(f.src[j+1:], '\n')
			if k < 0 {
				break
			}
			j += 1 + k
		}
	}
	n, _ := slices.BinarySearch(f.newlines, i)
	return n + 1
}

// probe is the first word of text long enough to find in the source
// (entities and markup may sit between shorter ones).
func probe(text string) string {
	// word by word, not strings.Fields: the first word is nearly always
	// the one, and splitting every paragraph whole was a sixth of a parse
	for w := range strings.FieldsSeq(text) {
		if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return r > 127 || r == '&' || r == '<' }) < 0 {
			return w
		}
	}
	return ""
}
