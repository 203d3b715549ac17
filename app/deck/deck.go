// Package deck reads the flashcard deck shipped with Glossa (a Markdown
// file people can read and edit, one card per "## id" section of
// "key: value" fields), ties each card to the paragraph of the article its
// anchor quotes, and writes the deck out for Anki or as CSV.
//
// It has no dependency on Fyne or SQL.
package deck

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Type is the kind of a card.
type Type string

const (
	Basic Type = "basic" // a question and its answer
	Cloze Type = "cloze" // a sentence with {{c1::gaps}}
)

// Card is one card as written in the deck.
type Card struct {
	ID   string
	Type Type
	// Front is the question of a basic card, or the text with
	// {{cN::answer}} gaps of a cloze card.
	Front string
	// Back is the answer of a basic card, or an optional extra note shown
	// after a cloze card's gaps are revealed.
	Back   string
	Tags   []string
	Anchor string // verbatim quote of one body paragraph of the article
	Line   int    // line of the card's "## id" heading
}

// Limits of an anchor quote: long enough to be unique in the article,
// short enough to stay inside one sentence run of one paragraph.
const (
	MinAnchor = 25
	MaxAnchor = 200
)

// Error is a problem with the deck source at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("deck:%d: %s", e.Line, e.Msg) }

// ErrorList is every problem Parse found, in line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "deck: no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	tagPattern   = regexp.MustCompile(`^[A-Za-z0-9_.-]+(?:::[A-Za-z0-9_.-]+)*$`)
	fieldPattern = regexp.MustCompile(`^([A-Za-z][A-Za-z-]*):(?:[ \t]+(.*))?$`)
)

// fields a card may have; "text" is the cloze spelling of "front".
var knownFields = map[string]bool{"type": true, "tags": true, "front": true, "back": true, "text": true, "anchor": true}

// Parse reads a deck. Everything before the first "## " heading is the
// file's own documentation and is skipped. Each card starts with a
// "## id" heading and holds "key: value" lines; a value continues on
// following lines indented by at least one space or tab. Blank lines and
// HTML comments on lines of their own are ignored inside a card.
//
// Parse reports every problem it finds, each with its line, as an
// ErrorList; the cards without problems are returned too.
func Parse(src []byte) ([]Card, error) {
	p := parser{seen: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), len(src)+1)
	line := 0
	inComment := false
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		trimmed := strings.TrimSpace(text)
		if inComment {
			inComment = !strings.Contains(trimmed, "-->")
			continue
		}
		if strings.HasPrefix(trimmed, "<!--") {
			inComment = !strings.Contains(trimmed, "-->")
			continue
		}
		p.line(line, text)
	}
	if err := sc.Err(); err != nil {
		p.errorf(line, "reading the deck: %v", err)
	}
	if inComment {
		p.errorf(line, "comment never closed with -->")
	}
	p.finish()
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
	if len(p.errs) > 0 {
		return p.cards, p.errs
	}
	return p.cards, nil
}

type parser struct {
	cards []Card
	errs  ErrorList
	seen  map[string]int // card id -> line of its heading

	cur       *draft
	lastField string // field that an indented line continues
}

// draft is a card being read, with the line of each field for errors.
type draft struct {
	id     string
	line   int
	values map[string]string
	lines  map[string]int
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) line(n int, text string) {
	if strings.HasPrefix(text, "## ") || text == "##" {
		p.finish()
		id := strings.TrimSpace(strings.TrimPrefix(text, "##"))
		p.cur = &draft{id: id, line: n, values: map[string]string{}, lines: map[string]int{}}
		p.lastField = ""
		return
	}
	if p.cur == nil {
		return // the documentation at the top of the file
	}
	if strings.TrimSpace(text) == "" {
		p.lastField = ""
		return
	}
	if text[0] == ' ' || text[0] == '\t' {
		if p.lastField == "" {
			p.errorf(n, "card %q: indented line continues no field (a continuation follows its field without a blank line)", p.cur.id)
			return
		}
		p.cur.values[p.lastField] += " " + strings.TrimSpace(text)
		return
	}
	if strings.HasPrefix(text, "#") {
		p.errorf(n, "card %q: heading %q inside a card (cards start with \"## id\")", p.cur.id, text)
		p.lastField = ""
		return
	}
	m := fieldPattern.FindStringSubmatch(text)
	if m == nil {
		p.errorf(n, "card %q: want \"key: value\", got %q", p.cur.id, clip(text))
		p.lastField = ""
		return
	}
	key := strings.ToLower(m[1])
	if !knownFields[key] {
		p.errorf(n, "card %q: unknown field %q (want type, tags, front, back, text or anchor)", p.cur.id, m[1])
		p.lastField = ""
		return
	}
	if first, dup := p.cur.lines[key]; dup {
		p.errorf(n, "card %q: field %q given twice (first on line %d)", p.cur.id, key, first)
		p.lastField = ""
		return
	}
	p.cur.values[key] = strings.TrimSpace(m[2])
	p.cur.lines[key] = n
	p.lastField = key
}

// finish checks the card being read and keeps it if it is sound.
func (p *parser) finish() {
	d := p.cur
	p.cur = nil
	if d == nil {
		return
	}
	before := len(p.errs)
	c := Card{ID: d.id, Line: d.line}
	switch {
	case d.id == "":
		p.errorf(d.line, "card without an id after \"##\"")
	case !idPattern.MatchString(d.id):
		p.errorf(d.line, "card id %q: use lower-case letters, digits and single hyphens", clip(d.id))
	default:
		if first, dup := p.seen[d.id]; dup {
			p.errorf(d.line, "duplicate card id %q (first on line %d)", d.id, first)
		} else {
			p.seen[d.id] = d.line
		}
	}
	at := func(key string) int {
		if n, ok := d.lines[key]; ok {
			return n
		}
		return d.line
	}
	switch t := d.values["type"]; Type(t) {
	case Basic, Cloze:
		c.Type = Type(t)
	case "":
		if _, given := d.lines["type"]; given {
			p.errorf(at("type"), "card %q: empty type (want basic or cloze)", d.id)
		} else {
			p.errorf(d.line, "card %q: missing field \"type\" (basic or cloze)", d.id)
		}
	default:
		p.errorf(at("type"), "card %q: unknown type %q (want basic or cloze)", d.id, clip(t))
	}

	require := func(key string) string {
		v := d.values[key]
		if v == "" {
			if _, given := d.lines[key]; given {
				p.errorf(at(key), "card %q: empty field %q", d.id, key)
			} else {
				p.errorf(d.line, "card %q: missing field %q", d.id, key)
			}
		}
		return v
	}
	switch c.Type {
	case Basic:
		c.Front = require("front")
		c.Back = require("back")
		if _, ok := d.lines["text"]; ok {
			p.errorf(at("text"), "card %q: a basic card has front and back, not text", d.id)
		}
	case Cloze:
		c.Front = require("text")
		c.Back = d.values["back"]
		if _, ok := d.lines["front"]; ok {
			p.errorf(at("front"), "card %q: a cloze card has text (and an optional back), not front", d.id)
		}
		if c.Front != "" {
			if _, err := ParseCloze(c.Front); err != nil {
				p.errorf(at("text"), "card %q: %v", d.id, err)
			}
		}
	}

	for _, tag := range strings.FieldsFunc(d.values["tags"], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if !tagPattern.MatchString(tag) {
			p.errorf(at("tags"), "card %q: tag %q: use letters, digits, _ . - and :: for levels", d.id, clip(tag))
			continue
		}
		c.Tags = append(c.Tags, tag)
	}
	if len(c.Tags) == 0 {
		p.errorf(at("tags"), "card %q: no tags", d.id)
	}

	c.Anchor = require("anchor")
	if n := len([]rune(c.Anchor)); c.Anchor != "" && (n < MinAnchor || n > MaxAnchor) {
		p.errorf(at("anchor"), "card %q: anchor is %d characters, want %d to %d", d.id, n, MinAnchor, MaxAnchor)
	}
	if len(p.errs) == before {
		p.cards = append(p.cards, c)
	}
}

// clip shortens s for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
