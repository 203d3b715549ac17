package article

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf8"
)

// String is a compact outline of the document, one line per item, that
// golden tests compare against: long texts are shown by their opening
// words, their length and a checksum, so any change to them shows.
func (d *Document) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "series %q\ntitle %q\nauthor %q\naffiliation %q\n", d.Series, d.Title, d.Author, d.Affiliation)
	for _, e := range d.Contents {
		fmt.Fprintf(&b, "contents %s %q\n", e.Number, e.Title)
	}
	sec := -1
	for _, p := range d.Paragraphs {
		for sec+1 < len(d.Sections) && d.Sections[sec+1].First <= p.Index {
			sec++
			s := d.Sections[sec]
			fmt.Fprintf(&b, "section %s level=%d line=%d %q\n", s.Number, s.Level, s.Line, s.Title)
		}
		fmt.Fprintf(&b, "  %s lines=%d-%d refs=%s %s\n", p.ID, p.Line, p.EndLine, refList(p.Refs), digest(p.Text, p.Spans))
	}
	for _, f := range d.Footnotes {
		where := f.Paragraph
		if where == "" {
			where = "lost, near " + f.Near
		}
		fmt.Fprintf(&b, "footnote %d line=%d in=%s %s\n", f.N, f.Line, where, digest(f.Text, f.Spans))
	}
	for _, p := range d.Problems {
		fmt.Fprintf(&b, "problem line=%d %s: %s\n", p.Line, p.Kind, p.Message)
	}
	return b.String()
}

func refList(refs []Ref) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = fmt.Sprint(r.N)
		if r.Bare {
			parts[i] += "(bare)"
		}
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func digest(text string, spans []Span) string {
	h := fnv.New32a()
	h.Write([]byte(text))
	head := text
	if utf8.RuneCountInString(head) > 48 {
		head = string([]rune(head)[:48]) + "…"
	}
	em := ""
	if len(spans) > 0 {
		em = fmt.Sprintf(" spans=%d", len(spans))
	}
	return fmt.Sprintf("%q len=%d sum=%08x%s", head, len(text), h.Sum32(), em)
}
