package cite

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Field names a searchable field of a source.
type Field uint8

// Searchable fields, in the order they are matched. New fields are added
// at the end so the values stay.
const (
	FieldAuthors   Field = iota // Source.AuthorLine()
	FieldTitle                  // Source.Title
	FieldContainer              // Source.Container
	FieldYear                   // Source.Year
	FieldSymbol                 // Source.Symbol, else Source.Number
	FieldCourt                  // Source.Court
	FieldCount                  // how many fields there are
)

func (f Field) String() string {
	switch f {
	case FieldAuthors:
		return "authors"
	case FieldTitle:
		return "title"
	case FieldContainer:
		return "container"
	case FieldYear:
		return "year"
	case FieldSymbol:
		return "symbol"
	case FieldCourt:
		return "court"
	}
	return "field?"
}

// fieldWeight: a name or a title matched counts more than a journal.
var fieldWeight = [FieldCount]int{FieldAuthors: 4, FieldTitle: 3, FieldContainer: 1, FieldYear: 2, FieldSymbol: 3, FieldCourt: 2}

// FieldMatch is the part of a match that falls in one field.
type FieldMatch struct {
	Field   Field
	Text    string // the field's text, as Source shows it
	Indexes []int  // byte offsets in Text of the matched characters, ascending
}

// Match is one search result.
type Match struct {
	Source *Source // points into Library.Sources
	Score  int     // higher is better
	Fields []FieldMatch
}

// MaxResults bounds what Search returns; more matches than this are cut
// after ranking.
const MaxResults = 500

// preRankLimit bounds how many candidates get the full matching when a
// query of a letter or two fits most of a large library: a cheap score
// from bit sets and lengths picks them.
const preRankLimit = 2000

// fieldSep separates fields in the searched string; no query holds it,
// so no match runs from one field into the next.
const fieldSep = "\x00"

// AuthorLine is the authors (or, for an edited book, the editors) as one
// line, the text FieldAuthors indexes refer to.
func (s *Source) AuthorLine() string {
	if len(s.Authors) > 0 {
		return strings.Join(s.Authors, "; ")
	}
	return strings.Join(s.Editors, "; ")
}

func fieldTexts(s *Source) [FieldCount]string {
	sym := s.Symbol
	if sym == "" {
		sym = s.Number
	}
	return [FieldCount]string{s.AuthorLine(), s.Title, s.Container, s.Year, sym, s.Court}
}

// searchIndex holds, per source, the searchable fields accent-folded,
// lower-cased and joined, built once.
type searchIndex struct {
	sources []Source
	lower   []string // fields folded and lower-cased, joined by fieldSep
	fields  [][FieldCount]span
	// back maps a byte offset in lower to one in the field's own text;
	// nil when folding changed no byte length (pure ASCII, the usual case).
	back [][]int32
	// present and starts are bit sets of the letters and digits a source
	// holds anywhere and at word starts: a query word needing letters a
	// source lacks is rejected in one AND.
	present, starts []uint64

	mu   sync.Mutex
	last lastQuery // the previous query's candidates: typing narrows them
}

type lastQuery struct {
	terms []string
	cand  []int
}

type span struct{ start, end int }

func newSearchIndex(sources []Source) *searchIndex {
	ix := &searchIndex{
		sources: sources,
		lower:   make([]string, len(sources)),
		fields:  make([][FieldCount]span, len(sources)),
		back:    make([][]int32, len(sources)),
		present: make([]uint64, len(sources)),
		starts:  make([]uint64, len(sources)),
	}
	var b strings.Builder
	for i := range sources {
		texts := fieldTexts(&sources[i])
		b.Reset()
		var back []int32
		ascii := true
		for f, t := range texts {
			if f > 0 {
				b.WriteString(fieldSep)
				back = append(back, -1)
			}
			start := b.Len()
			for off, r := range t {
				if r >= utf8.RuneSelf {
					ascii = false
				}
				n := b.Len()
				b.WriteRune(lowerRune(fold(r)))
				for k := n; k < b.Len(); k++ {
					back = append(back, int32(off))
				}
			}
			ix.fields[i][f] = span{start, b.Len()}
		}
		ix.lower[i] = b.String()
		if !ascii {
			ix.back[i] = back
		}
		ix.present[i], ix.starts[i] = charMasks(ix.lower[i])
	}
	return ix
}

func lowerRune(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	if r < utf8.RuneSelf {
		return r
	}
	return []rune(strings.ToLower(string(r)))[0]
}

// charBit maps an ASCII letter or digit to its bit; everything else
// shares bit 63.
func charBit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << 63
}

// isWordStart: the byte at i opens a word (what precedes it is no letter
// or digit).
func isWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	c := s[i-1]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf)
}

func isWordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf)
}

func charMasks(s string) (present, starts uint64) {
	for i := 0; i < len(s); i++ {
		b := charBit(s[i])
		present |= b
		if isWordStart(s, i) {
			starts |= b
		}
	}
	return present, starts
}

// NewLibrary builds a library from sources made elsewhere (a store, tests),
// ready for Search. Sources are kept in the given order.
func NewLibrary(sources []Source) *Library {
	lib := &Library{Sources: sources, byID: map[string]int{}}
	for i, s := range sources {
		lib.byID[s.ID] = i
	}
	lib.search = newSearchIndex(lib.Sources)
	return lib
}

// Search ranks the sources that match query over authors, title,
// container, year, symbol and court, best first, at most MaxResults.
// Each word of the query must match a source at a word start or as a
// stretch of adjacent letters ("ohchr" finds "(OHCHR)", never the
// letters o, h, c, h, r scattered through a title); words of four
// letters and more also match with one typo (two from eight letters:
// "malskoo" finds MÄLKSOO) when nothing matches as typed. Case and accents are ignored ("malksoo"
// finds "MÄLKSOO"). The whole query found as one stretch ranks first. An
// empty query returns nothing.
func (l *Library) Search(query string) []Match {
	if l == nil || l.search == nil {
		return nil
	}
	return l.search.find(query, MaxResults)
}

// typos is how many edits a query word may be away from what it
// matches. Numbers are never mistyped into a match: "2016" is no 2015,
// A/RES/74/247 no A/RES/79/243.
func typos(t string) int {
	if strings.ContainsAny(t, "0123456789") {
		return 0
	}
	switch n := len(t); {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// hit is where one query word matched in the searched string.
type hit struct {
	start, end int
	score      int
}

func (ix *searchIndex) find(query string, limit int) []Match {
	var qb strings.Builder
	for _, r := range strings.TrimSpace(query) {
		qb.WriteRune(lowerRune(fold(r)))
	}
	phrase := strings.Join(strings.Fields(qb.String()), " ")
	terms := strings.Fields(phrase)
	if len(terms) == 0 {
		return nil
	}
	ks := make([]int, len(terms))
	for k, t := range terms {
		ks[k] = typos(t)
	}
	cand := ix.candidates(terms, ks)
	if len(cand) > preRankLimit {
		cand = ix.preRank(terms, cand)
	}
	type scored struct {
		i, score int
		hits     []hit
	}
	var found []scored
	hits := make([]hit, 0, len(terms))
	// Typos are forgiven only when nothing matches as typed: a name typed
	// right lists its works, not also every word one letter away.
	for _, withTypos := range []bool{false, true} {
		if withTypos && (len(found) > 0 || slices.Max(ks) == 0) {
			break
		}
		for _, i := range cand {
			s := ix.lower[i]
			hits = hits[:0]
			score := 0
			// The whole query as one stretch beats its words found apart.
			if len(terms) > 1 {
				if h, ok := ix.exact(i, phrase); ok {
					hits = append(hits, h)
					score = h.score * 2
				}
			}
			if len(hits) == 0 {
				for k, t := range terms {
					h, ok := ix.exact(i, t)
					if !ok && withTypos && ks[k] > 0 {
						h, ok = ix.typo(i, t, ks[k])
					}
					if !ok {
						score = -1
						break
					}
					hits = append(hits, h)
					score += h.score
				}
			}
			if score < 0 {
				continue
			}
			// a short text where the words fill more of it ranks first on ties
			found = append(found, scored{i: i, score: score*1000 - min(len(s), 999), hits: slices.Clone(hits)})
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.i - b.i
	})
	if len(found) > limit {
		found = found[:limit]
	}
	out := make([]Match, len(found))
	for k, f := range found {
		out[k] = Match{Source: &ix.sources[f.i], Score: f.score, Fields: ix.fieldMatches(f.i, f.hits)}
	}
	return out
}

// fieldOf is the field holding byte p of source i's searched string.
func (ix *searchIndex) fieldOf(i, p int) Field {
	for f, sp := range ix.fields[i] {
		if p >= sp.start && p < sp.end {
			return Field(f)
		}
	}
	return FieldCount
}

// exact finds t as a stretch of source i: at a word start if it can
// (words of one or two letters only there), else inside a word.
func (ix *searchIndex) exact(i int, t string) (hit, bool) {
	s := ix.lower[i]
	best := hit{start: -1}
	for off := 0; off <= len(s)-len(t); {
		j := strings.Index(s[off:], t)
		if j < 0 {
			break
		}
		p := off + j
		off = p + 1
		f := ix.fieldOf(i, p)
		if f == FieldCount {
			continue
		}
		sc := 0
		switch {
		case isWordStart(s, p) && isWordEnd(s, p+len(t)):
			sc = 12 // a whole word
		case isWordStart(s, p):
			sc = 10
		case len(t) >= 3:
			sc = 4
		default:
			continue
		}
		sc *= fieldWeight[f]
		if sc > best.score {
			best = hit{start: p, end: p + len(t), score: sc}
		}
		if len(t) <= 2 {
			break // a letter or two occurs everywhere: the first word start will do
		}
	}
	return best, best.start >= 0
}

// typo finds a word start of source i that t matches with at most
// typos(t) edits (Damerau: a swap of neighbours is one).
func (ix *searchIndex) typo(i int, t string, k int) (hit, bool) {
	first := charBit(t[0]) | charBit(t[1])
	if ix.starts[i]&first == 0 {
		return hit{}, false
	}
	s := ix.lower[i]
	for p := 0; p < len(s); p++ {
		if !isWordStart(s, p) || s[p] == 0 {
			continue
		}
		// the word's first letter rarely is the typo; reading only words
		// that share it keeps this fast
		if s[p] != t[0] && (len(t) < 2 || s[p] != t[1]) {
			continue
		}
		if n, ok := prefixWithin(t, s[p:], k); ok {
			f := ix.fieldOf(i, p)
			if f == FieldCount {
				continue
			}
			return hit{start: p, end: p + n, score: 3 * fieldWeight[f]}, true
		}
	}
	return hit{}, false
}

// prefixWithin reports whether some prefix of s (within one word) is at
// most k edits from t, and how long the closest such prefix is.
func prefixWithin(t, s string, k int) (int, bool) {
	m := len(t) + k
	if m > len(s) {
		m = len(s)
	}
	for j := 0; j < m; j++ {
		if s[j] == 0 || s[j] == ' ' {
			m = j
			break
		}
	}
	// rows of the edit distance table, t against s[:m]
	var buf [3][64]int
	if len(t) >= 60 || m >= 60 {
		return 0, false
	}
	prev2, prev, cur := buf[0][:m+1], buf[1][:m+1], buf[2][:m+1]
	for j := range prev {
		prev[j] = j
	}
	for a := 1; a <= len(t); a++ {
		cur[0] = a
		rowMin := cur[0]
		for b := 1; b <= m; b++ {
			cost := 1
			if t[a-1] == s[b-1] {
				cost = 0
			}
			v := min(prev[b]+1, cur[b-1]+1, prev[b-1]+cost)
			if a > 1 && b > 1 && t[a-1] == s[b-2] && t[a-2] == s[b-1] {
				v = min(v, prev2[b-2]+1)
			}
			cur[b] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	best, at := k+1, 0
	for b := max(1, len(t)-k); b <= m; b++ {
		if prev[b] < best {
			best, at = prev[b], b
		}
	}
	return at, best <= k
}

// fieldMatches maps hits in the searched string to byte offsets of the
// characters in each field's own text.
func (ix *searchIndex) fieldMatches(i int, hits []hit) []FieldMatch {
	texts := fieldTexts(&ix.sources[i])
	var out []FieldMatch
	for f, sp := range ix.fields[i] {
		var idx []int
		for _, h := range hits {
			for j := max(h.start, sp.start); j < min(h.end, sp.end); j++ {
				off := j - sp.start
				if b := ix.back[i]; b != nil {
					off = int(b[j])
				}
				if !utf8.RuneStart(texts[f][off]) {
					continue
				}
				idx = append(idx, off)
			}
		}
		if len(idx) == 0 {
			continue
		}
		slices.Sort(idx)
		idx = slices.Compact(idx)
		out = append(out, FieldMatch{Field: Field(f), Text: texts[f], Indexes: idx})
	}
	return out
}

// termMask is the set of letters and digits in t.
func termMask(t string) uint64 {
	var m uint64
	for i := 0; i < len(t); i++ {
		m |= charBit(t[i])
	}
	return m &^ (1 << 63)
}

// mayMatch is the cheap test every source passes before the real one:
// each query word's letters are in the source, but for as many as it may
// mistype; a word of one or two letters must open a word.
func (ix *searchIndex) mayMatch(i int, terms []string, masks []uint64, ks []int) bool {
	for k, t := range terms {
		if len(t) <= 2 {
			if ix.starts[i]&charBit(t[0]) == 0 || ix.present[i]&masks[k] != masks[k] {
				return false
			}
			continue
		}
		if bits.OnesCount64(masks[k]&^ix.present[i]) > ks[k] {
			return false
		}
	}
	return true
}

// candidates lists the sources that pass mayMatch. When the query
// extends the previous one (the user typed a character) and the test
// can only have grown stricter, only the previous candidates are read.
func (ix *searchIndex) candidates(terms []string, ks []int) []int {
	masks := make([]uint64, len(terms))
	for k, t := range terms {
		masks[k] = termMask(t)
	}
	ix.mu.Lock()
	last := ix.last
	ix.mu.Unlock()
	var cand []int
	if narrows(last.terms, terms) {
		cand = make([]int, 0, len(last.cand))
		for _, i := range last.cand {
			if ix.mayMatch(i, terms, masks, ks) {
				cand = append(cand, i)
			}
		}
	} else {
		cand = make([]int, 0, len(ix.lower)/4)
		for i := range ix.lower {
			if ix.mayMatch(i, terms, masks, ks) {
				cand = append(cand, i)
			}
		}
	}
	ix.mu.Lock()
	ix.last = lastQuery{terms: terms, cand: cand}
	ix.mu.Unlock()
	return cand
}

// narrows reports whether every source passing mayMatch for terms also
// passed it for prev: the same words, the last one longer with no more
// typos allowed, or words added.
func narrows(prev, terms []string) bool {
	if len(prev) == 0 || len(terms) < len(prev) {
		return false
	}
	n := len(prev)
	for k := 0; k < n-1; k++ {
		if prev[k] != terms[k] {
			return false
		}
	}
	a, b := prev[n-1], terms[n-1]
	if a == b {
		return true
	}
	// a one- or two-letter word is held to word starts, a longer one not
	return len(terms) == n && strings.HasPrefix(b, a) && typos(a) == typos(b) && (len(a) > 2 || len(b) <= 2)
}

// preRank keeps the preRankLimit candidates a cheap score ranks best:
// query letters found at word starts, a text that opens with the query's
// first letter, a short text. It decides only which candidates get the
// full matching; the order of results is the full matching's.
func (ix *searchIndex) preRank(terms []string, cand []int) []int {
	var qmask uint64
	for _, t := range terms {
		qmask |= termMask(t)
	}
	const span = 256
	score := make([]uint8, len(cand))
	var hist [span]int
	for k, i := range cand {
		sc := 20*bits.OnesCount64(ix.starts[i]&qmask) - min(len(ix.lower[i])/8, 60)
		if ix.lower[i] != "" && ix.lower[i][0] == terms[0][0] {
			sc += 10
		}
		sc = max(0, min(span-1, sc+100))
		score[k] = uint8(sc)
		hist[sc]++
	}
	threshold, total := 0, 0
	for v := span - 1; v >= 0; v-- {
		total += hist[v]
		if total >= preRankLimit {
			threshold = v
			break
		}
	}
	out := make([]int, 0, preRankLimit)
	for k, i := range cand {
		if int(score[k]) > threshold {
			out = append(out, i)
		}
	}
	for k, i := range cand {
		if len(out) >= preRankLimit {
			break
		}
		if int(score[k]) == threshold {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}
