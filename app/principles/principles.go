// Package principles reads the principles map shipped with Glossa: for
// each principle the article traces (sovereign equality, non-interference,
// information security, ...), the passages where the article discusses it,
// grouped by section, each group with a one-line gloss of what that
// section says about it.
//
// The map is curated by hand in a Markdown file people can read and edit,
// like the deck and the timeline, rather than computed from keywords: a
// paragraph that says "human rights" is not, for that, a passage on the
// primacy of sovereignty over human rights. Every passage is a verbatim
// quote, tied to the one paragraph of the article that holds it. The
// package has no dependency on Fyne or SQL.
package principles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/glossa-app/glossa/app/article"
)

// Row is one principle of the map.
type Row struct {
	ID    string
	Name  string // as the map shows it
	Cells []Cell // in file order
	Line  int    // line of the row's "## id" heading
}

// Cell is what one section of the article says about a principle.
type Cell struct {
	Section  string // section number, as in the article: "2.1"
	Gloss    string // one line: what the passages say about the principle
	Passages []Passage
	Line     int
}

// Passage is a verbatim quote from one body paragraph of the article.
type Passage struct {
	Quote string
	Line  int
	// Paragraph is the index in Document.Paragraphs of the paragraph
	// holding the quote, set by Resolve (-1 before).
	Paragraph int
}

// MinQuote is the shortest quote accepted: shorter ones are rarely unique
// and say too little for a reader to recognise the passage.
const MinQuote = 20

// problem is a fault of the map's source at a line; Parse reports them
// in line order, one an error line.
type problem struct {
	line int
	msg  string
}

var (
	idPattern      = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	sectionPattern = regexp.MustCompile(`^section ([0-9]+(?:\.[0-9]+)*):(?:[ \t]+(.*))?$`)
)

// Parse reads a principles map. Everything before the first "## " heading
// is the file's documentation. A row is a "## id" heading, a "name:" line,
// then one or more cells: a "section N: gloss" line followed by one or
// more "> quote" lines. Blank lines and <!-- comments --> on lines of their
// own are ignored. Parse reports every problem, each as
// "principles:LINE: message" on a line of its own, and returns the rows
// without problems too.
func Parse(src []byte) ([]Row, error) {
	var (
		rows []Row
		errs []problem
		cur  *Row
		bad  bool // the current row has a problem
		ids  = map[string]int{}
	)
	fail := func(line int, format string, args ...any) {
		errs = append(errs, problem{line, fmt.Sprintf(format, args...)})
		bad = true
	}
	finish := func() {
		if cur == nil {
			return
		}
		if cur.Name == "" {
			fail(cur.Line, "principle %s: no name: line", cur.ID)
		}
		if len(cur.Cells) == 0 {
			fail(cur.Line, "principle %s: no \"section N: gloss\" cell", cur.ID)
		}
		for _, c := range cur.Cells {
			if len(c.Passages) == 0 {
				fail(c.Line, "principle %s, section %s: no \"> quote\" line", cur.ID, c.Section)
			}
		}
		if !bad {
			rows = append(rows, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if id, ok := strings.CutPrefix(line, "## "); ok {
			finish()
			id = strings.TrimSpace(id)
			cur, bad = &Row{ID: id, Line: n}, false
			if !idPattern.MatchString(id) {
				fail(n, "principle id %q: use lower-case letters, digits and single hyphens", id)
			} else if first, dup := ids[id]; dup {
				fail(n, "principle id %q already used at line %d", id, first)
			}
			ids[id] = n
			continue
		}
		if cur == nil {
			continue
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->") {
			continue
		}
		if q, ok := strings.CutPrefix(trimmed, ">"); ok {
			q = strings.TrimSpace(q)
			switch {
			case len(cur.Cells) == 0:
				fail(n, "principle %s: quote before any \"section N: gloss\" line", cur.ID)
			case len([]rune(q)) < MinQuote:
				fail(n, "principle %s: quote %q is shorter than %d characters", cur.ID, q, MinQuote)
			default:
				c := &cur.Cells[len(cur.Cells)-1]
				c.Passages = append(c.Passages, Passage{Quote: q, Line: n, Paragraph: -1})
			}
			continue
		}
		if name, ok := strings.CutPrefix(trimmed, "name:"); ok {
			if cur.Name != "" {
				fail(n, "principle %s: name given twice", cur.ID)
			}
			cur.Name = strings.TrimSpace(name)
			continue
		}
		if m := sectionPattern.FindStringSubmatch(trimmed); m != nil {
			for _, c := range cur.Cells {
				if c.Section == m[1] {
					fail(n, "principle %s: section %s already has a cell (line %d); put its quotes there", cur.ID, m[1], c.Line)
				}
			}
			if m[2] == "" {
				fail(n, "principle %s, section %s: no gloss after the colon", cur.ID, m[1])
			}
			cur.Cells = append(cur.Cells, Cell{Section: m[1], Gloss: strings.TrimSpace(m[2]), Line: n})
			continue
		}
		fail(n, "principle %s: %q is not a name:, \"section N: gloss\" or \"> quote\" line", cur.ID, trimmed)
	}
	finish()
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].line < errs[j].line })
	joined := make([]error, len(errs))
	for i, e := range errs {
		joined[i] = fmt.Errorf("principles:%d: %s", e.line, e.msg)
	}
	return rows, errors.Join(joined...)
}

// Resolve ties every passage to the one paragraph of doc that holds its
// quote (case and runs of white space ignored) and checks that the
// paragraph is in the cell's section. A passage found in no paragraph, in
// several, or in another section is an error, and its cell keeps only the
// passages that resolved; rows come back in file order.
func Resolve(rows []Row, doc *article.Document) ([]Row, []error) {
	folded := make([]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		folded[i] = fold(p.Text)
	}
	var errs []error
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		r.Cells = append([]Cell(nil), r.Cells...)
		for ci := range r.Cells {
			c := &r.Cells[ci]
			var kept []Passage
			for _, p := range c.Passages {
				found := holders(folded, p.Quote)
				switch {
				case len(found) == 0:
					errs = append(errs, fmt.Errorf("principles:%d: %s: quote %q is in no paragraph of the article", p.Line, r.ID, p.Quote))
				case len(found) > 1:
					ids := make([]string, len(found))
					for i, pi := range found {
						ids[i] = doc.Paragraphs[pi].ID
					}
					errs = append(errs, fmt.Errorf("principles:%d: %s: quote %q is in %d paragraphs (%s); quote more words", p.Line, r.ID, p.Quote, len(found), strings.Join(ids, ", ")))
				case doc.Paragraphs[found[0]].Section != c.Section:
					errs = append(errs, fmt.Errorf("principles:%d: %s: quote %q is in section %s, not %s", p.Line, r.ID, p.Quote, doc.Paragraphs[found[0]].Section, c.Section))
				default:
					p.Paragraph = found[0]
					kept = append(kept, p)
				}
			}
			c.Passages = kept
		}
		out = append(out, r)
	}
	return out, errs
}

// holders lists the indexes of the folded paragraphs that hold quote.
func holders(folded []string, quote string) []int {
	q := fold(quote)
	var found []int
	for i, text := range folded {
		if q != "" && strings.Contains(text, q) {
			found = append(found, i)
		}
	}
	return found
}

// fold is text as quotes are matched: case and runs of white space ignored.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// Load parses src and resolves it against doc, the way the app reads the
// shipped map. err joins every problem; what did resolve is returned too.
func Load(src []byte, doc *article.Document) ([]Row, error) {
	rows, perr := Parse(src)
	resolved, rerrs := Resolve(rows, doc)
	return resolved, errors.Join(append([]error{perr}, rerrs...)...)
}

// Paragraphs lists, in reading order and without repeats, the paragraphs
// a cell's passages are in.
func (c Cell) Paragraphs() []int {
	var out []int
	for _, p := range c.Passages {
		if p.Paragraph >= 0 && !slices.Contains(out, p.Paragraph) {
			out = append(out, p.Paragraph)
		}
	}
	sort.Ints(out)
	return out
}
