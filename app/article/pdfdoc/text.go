package pdfdoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

// piece is text in one style, or a note reference (ref > 0).
type piece struct {
	text  string
	style article.Style
	ref   int
}

// block is a paragraph or a note being gathered line by line.
type block struct {
	pieces         []piece
	first, last    int // page indexes
	lastLine       line
	n              int // note number
	continued      bool
	hasLine        bool
	prevFootnoted  bool
	splitAcrossPgs bool
}

var markerText = regexp.MustCompile(`^\s*\d{1,4}(\s*[,–-]\s*\d{1,4})*\s*$`)

// linePieces turns a line into pieces, taking raised small numbers out
// as references when refs is true.
func linePieces(l *line, refs bool) []piece {
	var out []piece
	joinRuns(l.runs, func(i int, text string, space bool) {
		r := l.runs[i]
		if space {
			out = append(out, piece{text: " "})
		}
		if refs && raised(l, r) && markerText.MatchString(r.Text) {
			for _, n := range markerNumbers(r.Text) {
				out = append(out, piece{ref: n})
			}
			if strings.HasSuffix(r.Text, " ") {
				out = append(out, piece{text: " "})
			}
			return
		}
		var st article.Style
		if r.Italic {
			st |= article.Italic
		}
		if r.Bold {
			st |= article.Bold
		}
		out = append(out, piece{text: r.Text, style: st})
	})
	return tightAfterRefs(out)
}

// tightAfterRefs drops the spaces the engine sees around a raised marker
// followed close by a dash or a stop ("nugas" ³—there" is "nugas"³—there").
func tightAfterRefs(ps []piece) []piece {
	tight := func(i int) bool { // the marker(s) from i on are followed by a dash or stop
		for i < len(ps) && ps[i].ref > 0 {
			i++
		}
		return i < len(ps) && strings.ContainsAny(firstRune(ps[i].text), "—–,.;:)")
	}
	out := ps[:0]
	for i, p := range ps {
		if p.ref == 0 && p.text == " " && (i > 0 && ps[i-1].ref > 0 && tight(i+1) || i+1 < len(ps) && ps[i+1].ref > 0 && tight(i+1)) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// markerNumbers reads "12", "3,4" and "5-7" (a range of notes).
func markerNumbers(s string) []int {
	var out []int
	for _, part := range strings.Split(s, ",") {
		a, b, rng := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		x, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil {
			continue
		}
		y := x
		if rng {
			if v, err := strconv.Atoi(strings.TrimSpace(b)); err == nil && v > x && v-x < 20 {
				y = v
			}
		}
		for n := x; n <= y; n++ {
			out = append(out, n)
		}
	}
	return out
}

// weakPrefixes keep their hyphen only before a word the file prints on
// its own (multi-party): they also open closed words a typesetter breaks
// after them (multi-plied, semi-nal).
var weakPrefixes = map[string]bool{"multi": true, "semi": true, "cross": true}

// prefixes keep their hyphen at a line end: non-, self-, co-, ... and
// the number words that open a compound (forty-two, nineteenth-century).
// Not ex-: TeX breaks "ex-amining", "ex-plain" far more often than a text
// prints "ex-president".
var prefixes = map[string]bool{"non": true, "self": true, "co": true, "quasi": true, "anti": true, "neo": true,
	"pseudo": true, "well": true, "pre": false, "sub": false,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
	"twelfth": true, "thirteenth": true, "fourteenth": true, "fifteenth": true, "sixteenth": true, "seventeenth": true,
	"eighteenth": true, "nineteenth": true, "twentieth": true}

// learnWords records the words a document prints whole inside its lines
// (never at a line end): the word list the hyphenation rule asks.
func (r *reader) learnWords() {
	for _, ls := range r.lines {
		broken := false // the line before ended in a hyphen
		for _, l := range ls {
			f := strings.Fields(l.text)
			for i, w := range f {
				if i == len(f)-1 && strings.HasSuffix(w, "-") || i == 0 && broken {
					continue // part of a word broken at a line end
				}
				w = strings.ToLower(strings.TrimFunc(w, func(c rune) bool { return !unicode.IsLetter(c) }))
				if w == "" {
					continue
				}
				if strings.Contains(w, "-") {
					r.hyphened[w] = true
				} else {
					r.words[w] = true
				}
			}
			broken = len(f) > 0 && strings.HasSuffix(f[len(f)-1], "-")
		}
	}
}

// keepHyphen decides a hyphen at a line end between left and right:
// kept when the document prints the hyphenated word whole elsewhere
// ("non-interference"), dropped when it prints the joined word
// ("international"); otherwise kept after a prefix that takes a hyphen
// or before a capital, and dropped (a typesetter's break) everywhere
// else.
func (r *reader) keepHyphen(left, right string) bool {
	l := strings.ToLower(left)
	rt := strings.ToLower(right)
	switch {
	case r.hyphened[l+"-"+rt]:
		return true
	case r.words[l+rt]:
		return false
	case weakPrefixes[l]:
		return r.words[rt]
	case prefixes[l]:
		return true
	}
	first, _ := utf8.DecodeRuneInString(right)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// tail is the text at the end of the pieces, back to a reference, at
// least n bytes of it when there are.
func tail(ps []piece, n int) string {
	t := ""
	for i := len(ps) - 1; i >= 0 && len(t) < n; i-- {
		if ps[i].ref > 0 {
			break
		}
		t = ps[i].text + t
	}
	return t
}

// lastWord and firstWord are the letters around a line break (a word
// may be printed in several runs).
func lastWord(ps []piece) string {
	t := strings.TrimSuffix(strings.TrimRight(tail(ps, 64), " "), "-")
	j := len(t)
	for j > 0 {
		c, w := utf8.DecodeLastRuneInString(t[:j])
		if !unicode.IsLetter(c) {
			break
		}
		j -= w
	}
	return t[j:]
}

func firstWord(ps []piece) string {
	for _, p := range ps {
		if p.ref > 0 {
			return ""
		}
		t := strings.TrimLeft(p.text, " ")
		if t == "" {
			continue
		}
		j := 0
		for j < len(t) {
			c, w := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsLetter(c) {
				break
			}
			j += w
		}
		return t[:j]
	}
	return ""
}

// endsHyphen says whether the pieces end in a letter and a hyphen (the
// hyphen may be a run of its own).
func endsHyphen(ps []piece) bool {
	t := strings.TrimRight(tail(ps, 8), " ")
	if !strings.HasSuffix(t, "-") || strings.HasSuffix(t, "--") {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t, "-"))
	return unicode.IsLetter(c)
}

// endsDigitHyphen says whether the pieces end in a digit and a hyphen.
func endsDigitHyphen(ps []piece) bool {
	t := strings.TrimRight(tail(ps, 8), " ")
	c, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t, "-"))
	return strings.HasSuffix(t, "-") && unicode.IsDigit(c)
}

func startsDigit(s string) bool {
	c, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " "))
	return unicode.IsDigit(c)
}

// dropHyphen removes the final hyphen of the pieces and the spaces
// after it.
func dropHyphen(ps []piece) []piece {
	for i := len(ps) - 1; i >= 0; i-- {
		if t := strings.TrimRight(ps[i].text, " "); t != "" {
			ps[i].text = strings.TrimSuffix(t, "-")
			return ps[:i+1]
		}
	}
	return ps
}

// trimEnd drops the spaces at the end of the pieces.
func trimEnd(ps []piece) []piece {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].ref > 0 {
			return ps[:i+1]
		}
		if t := strings.TrimRight(ps[i].text, " "); t != "" {
			ps[i].text = t
			return ps[:i+1]
		}
	}
	return ps[:0]
}

// add appends a line's pieces to the block, joining a word broken at the
// line end when the word list says it is one word.
func (r *reader) add(b *block, ps []piece) {
	if len(b.pieces) > 0 && len(ps) > 0 {
		if endsHyphen(b.pieces) && firstWord(ps) != "" {
			if r.keepHyphen(lastWord(b.pieces), firstWord(ps)) {
				b.pieces = trimEnd(b.pieces)
			} else {
				b.pieces = dropHyphen(b.pieces)
			}
		} else if endsDigitHyphen(b.pieces) && startsDigit(firstText(ps)) {
			b.pieces = trimEnd(b.pieces) // a range of pages broken after its hyphen: "34-" "35"
		} else if !endsDash(b.pieces) && !strings.HasPrefix(strings.TrimLeft(firstText(ps), " "), "—") {
			b.pieces = append(b.pieces, piece{text: " "})
		}
	}
	b.pieces = append(b.pieces, ps...)
}

// text turns the pieces into article.Text.
func (b *block) text() article.Text {
	var tb article.TextBuilder
	for _, p := range b.pieces {
		switch {
		case p.ref > 0:
			tb.Ref(p.ref)
		case p.text == " ":
			tb.Space()
		default:
			if strings.HasPrefix(p.text, " ") {
				tb.Space()
			}
			tb.Write(p.text, p.style)
			if strings.HasSuffix(p.text, " ") {
				tb.Space()
			}
		}
	}
	return tb.Text()
}

// stripNumber takes the note number (n characters of text after leading
// spaces) off the front of a note's first line.
func stripNumber(ps []piece, n int) []piece {
	for len(ps) > 0 && n > 0 {
		p := &ps[0]
		if p.ref > 0 {
			ps = ps[1:]
			n = 0
			break
		}
		t := strings.TrimLeft(p.text, " ")
		if len(t) <= n {
			n -= len(t)
			ps = ps[1:]
			continue
		}
		p.text = t[n:]
		n = 0
	}
	for len(ps) > 0 && ps[0].ref == 0 && strings.TrimSpace(ps[0].text) == "" {
		ps = ps[1:]
	}
	if len(ps) > 0 && ps[0].ref == 0 {
		ps[0].text = strings.TrimLeft(strings.TrimLeft(ps[0].text, " "), ".)")
	}
	return ps
}

var bracketRef = regexp.MustCompile(`\[(\d{1,4})\]`)

// bracketRefs turns "[12]" in body text into references, for files that
// mark notes with bracketed numbers instead of raised ones.
func bracketRefs(ps []piece, defined map[int]bool) []piece {
	var out []piece
	for _, p := range ps {
		if p.ref > 0 || !strings.Contains(p.text, "[") {
			out = append(out, p)
			continue
		}
		t := p.text
		for {
			loc := bracketRef.FindStringSubmatchIndex(t)
			if loc == nil {
				break
			}
			n, _ := strconv.Atoi(t[loc[2]:loc[3]])
			if !defined[n] {
				out = append(out, piece{text: t[:loc[1]], style: p.style})
				t = t[loc[1]:]
				continue
			}
			out = append(out, piece{text: strings.TrimRight(t[:loc[0]], " "), style: p.style}, piece{ref: n})
			t = t[loc[1]:]
		}
		out = append(out, piece{text: t, style: p.style})
	}
	return out
}

// firstText is the text of the first piece that has some.
func firstText(ps []piece) string {
	for _, p := range ps {
		if p.ref == 0 && strings.TrimSpace(p.text) != "" {
			return p.text
		}
	}
	return ""
}

// endsDash says whether the pieces end in a dash or slash, after which a
// line break is no space ("507–" "513", "and/" "or"); nor is one before
// an em dash that opens a line ("trade-secret" "—but").
func endsDash(ps []piece) bool {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].ref > 0 {
			return false
		}
		if t := strings.TrimRight(ps[i].text, " "); t != "" {
			if strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "/") {
				ps[i].text = t
				return true
			}
			return false
		}
	}
	return false
}
