package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inline is the result of cleaning one run of raw Markdown: plain text,
// its emphasis spans, and the footnote markers that stood in it.
type inline struct {
	text  string
	spans []Span
	marks []mark

	dropSpace bool // set by addSup: forget the space owed before a marker
}

// mark is a numeric superscript found in the raw text.
type mark struct {
	n      int
	offset int  // byte offset in the cleaned text
	merged bool // the superscript held more than the number ("84 2016")
	rest   string
	skip   int // bytes after offset that belong to the marker itself (a bare "116 ")
}

// entities are the HTML entities the converter leaves behind. They are
// decoded before markup is read, repeatedly, because the converter escapes
// some markup twice ("&amp;lt;").
var entities = strings.NewReplacer(
	"&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&apos;", "'", "&nbsp;", " ",
)

// unescape undoes the converter's double escaping of superscripts
// ("<sup>&</sup>lt;sup>17</sup>" is "<sup>17</sup>") and decodes entities.
func unescape(s string) string {
	for i := 0; i < 4 && strings.IndexByte(s, '&') >= 0; i++ {
		t := strings.ReplaceAll(s, "<sup>&</sup>lt;", "<")
		t = entities.Replace(t)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// cleanInline turns raw Markdown into plain text. Numeric superscripts
// become marks (the caller decides whether they are references or
// definitions); other superscripts ("th") are kept as text; emphasis
// becomes spans; math-mode wrappers, escapes and stray markup are dropped.
func cleanInline(raw string) inline {
	raw = unescape(raw)
	var b strings.Builder
	b.Grow(len(raw))
	var out inline
	italicAt, boldAt := -1, -1
	space := false // a space is owed before the next visible rune
	emit := func(s string) {
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	// next finds the next sep at or after from; i only grows, so the
	// answer is kept until i passes it and a text with many openers and
	// no closer is not scanned to its end once per opener.
	next := func(cache *int, from int, sep string) int {
		if *cache == -1 || (*cache >= from && *cache >= 0) {
			return *cache
		}
		if k := strings.Index(raw[from:], sep); k >= 0 {
			*cache = from + k
		} else {
			*cache = -1
		}
		return *cache
	}
	nextBrace, nextClose := -2, -2
	closeSpan := func(at *int, st Style) {
		if *at >= 0 && b.Len() > *at {
			out.spans = append(out.spans, Span{Start: *at, End: b.Len(), Style: st})
		}
		*at = -1
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw) && strings.IndexByte(`*_[]#\`+"`", raw[i+1]) >= 0:
			if raw[i+1] != '*' { // an escaped asterisk only ever marks a note; drop it
				emit(raw[i+1 : i+2])
			}
			i += 2
		case c == '$' && strings.HasPrefix(raw[i:], "$<sup>"):
			i++ // math-mode wrapper around a superscript: "$<sup>^{85}</sup>$"
		case c == '$' && strings.HasPrefix(raw[i:], "$^{"):
			end := next(&nextBrace, i, "}")
			if end < 0 {
				i += 3 // a formula that never closes: drop its opening
				continue
			}
			end -= i
			content := raw[i+3 : i+end]
			i += end + 1
			if i < len(raw) && raw[i] == '$' {
				i++
			}
			out.addSup(&b, content, emit)
			if out.dropSpace {
				space, out.dropSpace = false, false
			}
		case c == '<':
			tag, n := readTag(raw[i:])
			switch tag {
			case "":
				emit("<")
				i++
				continue
			case "sup":
				end := next(&nextClose, i+n, "</sup>")
				if end < 0 {
					i += n
					continue
				}
				end -= i + n
				content := raw[i+n : i+n+end]
				i += n + end + len("</sup>")
				if i < len(raw) && raw[i] == '$' && strings.Contains(content, "^{") {
					i++
				}
				out.addSup(&b, content, emit)
				if out.dropSpace {
					space, out.dropSpace = false, false
				}
				continue
			case "em", "i":
				if italicAt < 0 {
					italicAt = b.Len()
					if space {
						italicAt++
					}
				}
			case "/em", "/i":
				closeSpan(&italicAt, Italic)
			case "strong", "b":
				if boldAt < 0 {
					boldAt = b.Len()
					if space {
						boldAt++
					}
				}
			case "/strong", "/b":
				closeSpan(&boldAt, Bold)
			}
			i += n
		case c == '*':
			if strings.HasPrefix(raw[i:], "**") {
				if boldAt >= 0 {
					closeSpan(&boldAt, Bold)
				} else {
					boldAt = b.Len()
					if space {
						boldAt++
					}
				}
				i += 2
				continue
			}
			if italicAt >= 0 {
				closeSpan(&italicAt, Italic)
			} else {
				italicAt = b.Len()
				if space {
					italicAt++
				}
			}
			i++
		case c < utf8.RuneSelf:
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				space = b.Len() > 0
			case c < ' ' || c == 0x7f:
				// control characters are dropped
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(raw[i:])
			if r == utf8.RuneError && size == 1 {
				r = unicode.ReplacementChar
			}
			if r == 0 || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
				i += size
				continue
			}
			emit(string(r))
			i += size
		}
	}
	closeSpan(&italicAt, Italic)
	closeSpan(&boldAt, Bold)
	out.text = b.String()
	// A span opened right before trailing white space may point past the end.
	for k := range out.spans {
		if out.spans[k].Start > len(out.text) {
			out.spans[k].Start = len(out.text)
		}
		if out.spans[k].End > len(out.text) {
			out.spans[k].End = len(out.text)
		}
	}
	out.spans = dropEmpty(out.spans)
	out.scrub()
	return out
}

// leftovers are markup fragments that removing other markup can bring
// together ("<su<i></i>p>"); they are cut from the final text.
var leftovers = []string{"<sup>", "</sup>", "<sup", "</sup", "&lt;", "&gt;", "&amp;", "$^{", "*"}

func (out *inline) scrub() {
	for pass := 0; pass < 8 && hasLeftover(out.text); pass++ {
		out.cut(func(s string, i int) int {
			for _, l := range leftovers {
				if strings.HasPrefix(s[i:], l) {
					return len(l)
				}
			}
			return 0
		})
	}
	if hasLeftover(out.text) {
		// Pathological nesting: drop the characters themselves.
		out.cut(func(s string, i int) int {
			if strings.IndexByte("<&$*", s[i]) >= 0 {
				return 1
			}
			return 0
		})
	}
	out.spans = dropEmpty(out.spans)
}

func hasLeftover(s string) bool {
	for _, l := range leftovers {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// cut removes, in one pass, every run that match reports at an offset
// (its length, 0 for none), moving spans and marks with the text.
func (out *inline) cut(match func(s string, i int) int) {
	type removal struct{ at, n int }
	var rm []removal
	var b strings.Builder
	s := out.text
	for i := 0; i < len(s); {
		if n := match(s, i); n > 0 {
			rm = append(rm, removal{i, n})
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	if len(rm) == 0 {
		return
	}
	moved := func(o int) int {
		gone := 0
		for _, r := range rm {
			if r.at >= o {
				break
			}
			gone += min(r.n, o-r.at)
		}
		return o - gone
	}
	for k := range out.spans {
		out.spans[k].Start, out.spans[k].End = moved(out.spans[k].Start), moved(out.spans[k].End)
	}
	for k := range out.marks {
		out.marks[k].offset = moved(out.marks[k].offset)
	}
	out.text = b.String()
}

func dropEmpty(spans []Span) []Span {
	k := 0
	for _, s := range spans {
		if s.End > s.Start {
			spans[k] = s
			k++
		}
	}
	return spans[:k]
}

// addSup handles the content of one superscript: a number (possibly merged
// with text: "84 2016", "^{85}") becomes a mark; anything else is kept as
// plain text ("th" in "20th").
func (out *inline) addSup(b *strings.Builder, content string, emit func(string)) {
	c := strings.TrimSpace(content)
	c = strings.TrimPrefix(c, "^")
	c = strings.TrimPrefix(c, "{")
	c = strings.Replace(c, "}", "", 1)
	c = strings.TrimSpace(c)
	digits := 0
	for digits < len(c) && digits < 4 && c[digits] >= '0' && c[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits == 4 || (digits < len(c) && c[digits] != ' ') || atoi(c[:digits]) == 0 {
		t := strings.Trim(c, `\*`)
		if t == "" {
			return // a bare "*" marks the author's note
		}
		emit(t)
		return
	}
	n := atoi(c[:digits])
	rest := strings.TrimSpace(c[digits:])
	out.dropSpace = true // "regulations» <sup>100</sup>." reads "regulations»."
	out.marks = append(out.marks, mark{n: n, offset: b.Len(), merged: rest != "", rest: rest})
	if rest != "" {
		emit(" " + rest)
	}
}

// readTag reads an HTML tag at the start of s and returns its lowercased
// name ("sup", "/em") and length, or "" when s does not start with a tag.
func readTag(s string) (string, int) {
	if len(s) < 3 || s[0] != '<' {
		return "", 0
	}
	end := strings.IndexByte(s, '>')
	if end < 0 || end > 12 {
		return "", 0
	}
	name := strings.ToLower(strings.TrimSpace(s[1:end]))
	if i := strings.IndexByte(name, ' '); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "sup", "/sup", "sub", "/sub", "em", "/em", "i", "/i", "b", "/b", "strong", "/strong", "br", "br/", "span", "/span":
		return name, end + 1
	}
	return "", 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// shiftSpans moves every span edge after pos by delta, after text was
// removed (delta < 0) at pos, and drops the spans left empty.
func shiftSpans(spans []Span, pos, delta int) []Span {
	out := spans[:0]
	for _, sp := range spans {
		if sp.Start > pos {
			sp.Start = max(pos, sp.Start+delta)
		}
		if sp.End > pos {
			sp.End = max(pos, sp.End+delta)
		}
		// a span lying wholly inside a removed stretch is gone with it
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}
