// Package anchor attaches a note to a passage of the article with a
// text-quote anchor (the exact words, some context either side and a
// position hint) and finds the passage again in a later version of the
// article, where paragraphs may have moved or been repaired by the parser.
//
// Locating tries, in order: the exact text (context breaks ties), the
// neighbourhood of the position hint (tolerating small edits), and a fuzzy
// search over the whole document above a similarity threshold. What none of
// them places is reported as not found; the caller keeps it as an orphan.
// The package has no SQL and no Fyne.
package anchor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

// ContextRunes is how many characters of prefix and suffix an anchor keeps.
const ContextRunes = 32

// Thresholds of similarity (1 - edit distance / length of the quote).
// Near the position hint the place itself is evidence, so a weaker textual
// match is accepted there than anywhere else in the document.
const (
	HintThreshold  = 0.6
	FuzzyThreshold = 0.8
)

// Anchor is a text-quote anchor. Exact, Prefix and Suffix are plain text.
// Paragraph, Index and Start are the position hint: where the quote was
// when the anchor was made.
type Anchor struct {
	Exact     string
	Prefix    string // up to ContextRunes characters before Exact
	Suffix    string // up to ContextRunes characters after Exact
	Paragraph string // ID of the paragraph the quote was taken from
	Index     int    // index of that paragraph in Document.Paragraphs
	Start     int    // byte offset of Exact in that paragraph's text
}

// New makes an anchor for text[start:end]. Offsets are clamped to the text
// and moved back to rune boundaries, so a sloppy selection never panics.
// The caller fills in Paragraph and Index (or uses At).
func New(text string, start, end int) Anchor {
	start, end = clampRange(text, start, end)
	return Anchor{
		Exact:  text[start:end],
		Prefix: lastRunes(text[:start], ContextRunes),
		Suffix: firstRunes(text[end:], ContextRunes),
		Start:  start,
	}
}

// At makes an anchor for Paragraphs[index].Text[start:end] with its
// position hint filled in.
func At(paras []article.Paragraph, index, start, end int) Anchor {
	p := paras[index]
	a := New(p.Text, start, end)
	a.Paragraph = p.ID
	a.Index = index
	return a
}

// Method says how a Match was found.
type Method int

// Methods of a Match, from the most to the least certain.
const (
	NotFound Method = iota
	Exact           // the exact text (case and spacing may differ)
	Hint            // a close match at the position hint
	Fuzzy           // a close match elsewhere in the document
)

func (m Method) String() string {
	switch m {
	case Exact:
		return "exact"
	case Hint:
		return "hint"
	case Fuzzy:
		return "fuzzy"
	}
	return "not-found"
}

// Match is where an anchor was found: Paragraphs[Index].Text[Start:End].
type Match struct {
	Index      int
	Start, End int
	Method     Method
	Score      float64 // similarity in [0,1]; 1 for exact matches
}

// Locate finds the anchor in paras. ok is false when no method places it
// with enough confidence: the note becomes an orphan.
func Locate(paras []article.Paragraph, a Anchor) (m Match, ok bool) {
	if strings.TrimSpace(a.Exact) == "" || len(paras) == 0 {
		return Match{}, false
	}
	if m, ok := locateExact(paras, a); ok {
		return m, true
	}
	if m, ok := locateHint(paras, a); ok {
		return m, true
	}
	return locateFuzzy(paras, a)
}

// candidate is one occurrence of the quote, scored for tie-breaking.
type candidate struct {
	index, start, end int
	context           int // characters of prefix and suffix that agree
	sameID            bool
}

func (c candidate) better(d candidate, a Anchor) bool {
	if c.context != d.context {
		return c.context > d.context
	}
	if c.sameID != d.sameID {
		return c.sameID
	}
	if dc, dd := abs(c.index-a.Index), abs(d.index-a.Index); dc != dd {
		return dc < dd
	}
	return abs(c.start-a.Start) < abs(d.start-a.Start)
}

func locateExact(paras []article.Paragraph, a Anchor) (Match, bool) {
	var best candidate
	found := false
	consider := func(i, s, e int) {
		t := paras[i].Text
		c := candidate{index: i, start: s, end: e, sameID: a.Paragraph != "" && paras[i].ID == a.Paragraph,
			context: commonSuffixRunes(t[:s], a.Prefix) + commonPrefixRunes(t[e:], a.Suffix)}
		if !found || c.better(best, a) {
			best, found = c, true
		}
	}
	for i, p := range paras {
		for off := 0; ; {
			j := strings.Index(p.Text[off:], a.Exact)
			if j < 0 {
				break
			}
			s := off + j
			consider(i, s, s+len(a.Exact))
			_, w := utf8.DecodeRuneInString(p.Text[s:])
			off = s + w
		}
	}
	if !found {
		// A parser fix may change spacing or case: match the normalised text.
		for i, p := range paras {
			for _, r := range findAllNormalized(p.Text, a.Exact) {
				consider(i, r[0], r[1])
			}
		}
	}
	if !found {
		return Match{}, false
	}
	return Match{Index: best.index, Start: best.start, End: best.end, Method: Exact, Score: 1}, true
}

func locateHint(paras []article.Paragraph, a Anchor) (Match, bool) {
	i := -1
	for k, p := range paras {
		if a.Paragraph != "" && p.ID == a.Paragraph {
			i = k
			break
		}
	}
	if i < 0 && a.Index >= 0 && a.Index < len(paras) {
		// The paragraph's ID changed with its opening words: trust its place.
		i = a.Index
	}
	if i < 0 {
		return Match{}, false
	}
	t := paras[i].Text
	// Search a window around the old offset, wide enough for the quote to
	// have grown or moved by its own length.
	lo, hi := a.Start-len(a.Exact), a.Start+2*len(a.Exact)+len(a.Suffix)
	lo, hi = clampRange(t, lo, hi)
	s, e, sim := approxFind(t[lo:hi], a.Exact)
	if sim < HintThreshold {
		return Match{}, false
	}
	return Match{Index: i, Start: lo + s, End: lo + e, Method: Hint, Score: sim}, true
}

func locateFuzzy(paras []article.Paragraph, a Anchor) (Match, bool) {
	words := wordSet(a.Exact)
	var best Match
	found := false
	for i, p := range paras {
		// Cheap filter first: a close match shares most of its words.
		if len(words) > 0 && overlap(words, p.Text) < 0.5 {
			continue
		}
		s, e, sim := approxFind(p.Text, a.Exact)
		if sim < FuzzyThreshold {
			continue
		}
		m := Match{Index: i, Start: s, End: e, Method: Fuzzy, Score: sim}
		if !found || sim > best.Score || (sim == best.Score && abs(i-a.Index) < abs(best.Index-a.Index)) {
			best, found = m, true
		}
	}
	return best, found
}

// Find returns the first place in paras where quote occurs, ignoring case
// and runs of white space: Paragraphs[index].Text[start:end].
func Find(paras []article.Paragraph, quote string) (index, start, end int, ok bool) {
	for i, p := range paras {
		if r := findAllNormalized(p.Text, quote); len(r) > 0 {
			return i, r[0][0], r[0][1], true
		}
	}
	return 0, 0, 0, false
}

// normalized is text folded for matching: lower case, every run of white
// space one ' '. start[k] and end[k] are the byte range in the original
// text of normalised byte k.
type normalized struct {
	s          string
	start, end []int
}

func normalize(text string) normalized {
	var b strings.Builder
	var n normalized
	inSpace := false
	for i, r := range text {
		_, w := utf8.DecodeRuneInString(text[i:]) // 1 for an invalid byte
		if unicode.IsSpace(r) {
			if inSpace {
				n.end[len(n.end)-1] = i + w
				continue
			}
			inSpace = true
			b.WriteByte(' ')
			n.start = append(n.start, i)
			n.end = append(n.end, i+w)
			continue
		}
		inSpace = false
		l := string(unicode.ToLower(r))
		b.WriteString(l)
		for range len(l) {
			n.start = append(n.start, i)
			n.end = append(n.end, i+w)
		}
	}
	n.s = b.String()
	return n
}

// findAllNormalized returns the original byte ranges of every match of
// quote in text, ignoring case and runs of white space.
func findAllNormalized(text, quote string) [][2]int {
	q := normalize(strings.TrimSpace(quote)).s
	if q == "" {
		return nil
	}
	n := normalize(text)
	var out [][2]int
	for off := 0; off < len(n.s); {
		j := strings.Index(n.s[off:], q)
		if j < 0 {
			break
		}
		k := off + j
		out = append(out, [2]int{n.start[k], n.end[k+len(q)-1]})
		off = k + 1
	}
	return out
}

// approxFind finds the substring of text closest to pattern by edit
// distance (Sellers' algorithm: a match may start anywhere), compared
// without case. It returns its byte range and similarity 1 - d/len.
func approxFind(text, pattern string) (start, end int, sim float64) {
	p := []rune(strings.ToLower(pattern))
	if len(p) == 0 {
		return 0, 0, 0
	}
	// Byte offset of every rune of text, plus the end.
	var offs []int
	var t []rune
	for i, r := range text {
		offs = append(offs, i)
		t = append(t, unicode.ToLower(r))
	}
	offs = append(offs, len(text))
	m := len(p)
	// cost[i] is the edit distance of p[:i] to the best text substring
	// ending at the current column; from[i] is where that substring starts.
	cost := make([]int, m+1)
	from := make([]int, m+1)
	prevCost := make([]int, m+1)
	prevFrom := make([]int, m+1)
	for i := range prevCost {
		prevCost[i] = i
	}
	bestD, bestS, bestE := m, 0, 0
	for j := 1; j <= len(t); j++ {
		cost[0], from[0] = 0, j
		for i := 1; i <= m; i++ {
			sub := prevCost[i-1]
			if p[i-1] != t[j-1] {
				sub++
			}
			c, f := sub, prevFrom[i-1]
			if d := prevCost[i] + 1; d < c { // text rune not in pattern
				c, f = d, prevFrom[i]
			}
			if d := cost[i-1] + 1; d < c { // pattern rune not in text
				c, f = d, from[i-1]
			}
			cost[i], from[i] = c, f
		}
		if cost[m] < bestD {
			bestD, bestS, bestE = cost[m], from[m], j
		}
		cost, prevCost = prevCost, cost
		from, prevFrom = prevFrom, from
	}
	if bestE == 0 {
		return 0, 0, 0
	}
	return offs[bestS], offs[bestE], 1 - float64(bestD)/float64(m)
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		set[w] = true
	}
	return set
}

func overlap(words map[string]bool, text string) float64 {
	have := wordSet(text)
	n := 0
	for w := range words {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func clampRange(text string, start, end int) (int, int) {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func commonPrefixRunes(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, wa := utf8.DecodeRuneInString(a)
		rb, wb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		n++
		a, b = a[wa:], b[wb:]
	}
	return n
}

func commonSuffixRunes(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, wa := utf8.DecodeLastRuneInString(a)
		rb, wb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			break
		}
		n++
		a, b = a[:len(a)-wa], b[:len(b)-wb]
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
