package cite

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Field names a searchable field of a source.
type Field uint8

// Searchable fields, in the order they are matched.
const (
	FieldAuthors   Field = iota // Source.AuthorLine()
	FieldTitle                  // Source.Title
	FieldContainer              // Source.Container
	FieldYear                   // Source.Year
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
	}
	return "field?"
}

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

// preScoreLimit bounds how many candidates get the full fuzzy scoring when
// a short query matches most of a large library: a cheap score picks them.
const preScoreLimit = 1000

// fieldSep separates fields in the search string. Fuzzy matching treats it
// as a separator, so a match starting a field gets the word-start bonus.
const fieldSep = " / "

// AuthorLine is the authors (or, for an edited book, the editors) as one
// line, the text FieldAuthors indexes refer to.
func (s *Source) AuthorLine() string {
	if len(s.Authors) > 0 {
		return strings.Join(s.Authors, "; ")
	}
	return strings.Join(s.Editors, "; ")
}

// searchIndex holds, per source, the string fuzzy matching runs on: the
// searchable fields accent-folded and joined, built once.
type searchIndex struct {
	sources []Source
	folded  []string  // fuzzy-matched text: fields accent-folded, joined by fieldSep
	lower   []string  // folded and lower-cased, same byte offsets, for the quick filter
	fields  [][4]span // per source: where each field sits in folded
	// back maps a byte offset in folded to one in the field's own text;
	// nil when folding changed no byte length (pure ASCII, the usual case).
	back [][]int32
	// present and starts are bit sets of the letters and digits a source
	// contains anywhere and at word starts: a query needing a letter a
	// source lacks is rejected in one AND, and short queries that match
	// nearly everything are pre-ranked without reading the strings.
	present, starts []uint64
	first           []byte   // first byte of lower, so pre-ranking reads no strings
	length          []uint16 // len(lower), capped

	mu   sync.Mutex
	last lastQuery // the previous query's candidates: typing narrows them
}

type lastQuery struct {
	q    string
	cand []int
}

type span struct{ start, end int }

func newSearchIndex(sources []Source) *searchIndex {
	ix := &searchIndex{
		sources: sources,
		folded:  make([]string, len(sources)),
		lower:   make([]string, len(sources)),
		fields:  make([][4]span, len(sources)),
		back:    make([][]int32, len(sources)),
		present: make([]uint64, len(sources)),
		starts:  make([]uint64, len(sources)),
		first:   make([]byte, len(sources)),
		length:  make([]uint16, len(sources)),
	}
	var b strings.Builder
	for i := range sources {
		s := &sources[i]
		texts := [4]string{s.AuthorLine(), s.Title, s.Container, s.Year}
		b.Reset()
		var back []int32
		ascii := true
		for f, t := range texts {
			if f > 0 {
				b.WriteString(fieldSep)
				for k := 0; k < len(fieldSep); k++ {
					back = append(back, -1)
				}
			}
			start := b.Len()
			for off, r := range t {
				if r >= utf8.RuneSelf {
					ascii = false
				}
				n := b.Len()
				b.WriteRune(fold(r))
				for k := n; k < b.Len(); k++ {
					back = append(back, int32(off))
				}
			}
			ix.fields[i][f] = span{start, b.Len()}
		}
		ix.folded[i] = b.String()
		ix.lower[i] = strings.ToLower(ix.folded[i])
		if len(ix.lower[i]) != len(ix.folded[i]) {
			// Lower-casing changed lengths (rare scripts): filter on the
			// folded text itself, which only costs the quick filter's speed.
			ix.lower[i] = ix.folded[i]
		}
		if !ascii {
			ix.back[i] = back
		}
		ix.present[i], ix.starts[i] = charMasks(ix.lower[i])
		if l := ix.lower[i]; l != "" {
			ix.first[i] = l[0]
			ix.length[i] = uint16(min(len(l), 65535))
		}
	}
	return ix
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

func isWordStart(s string, i int) bool {
	return i == 0 || strings.IndexByte(" /-_.\\(", s[i-1]) >= 0
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

// Search ranks the sources that fuzzily match query over authors, title,
// container and year, best first, at most MaxResults. Matching ignores
// case and accents ("malksoo" finds "MÄLKSOO"). An empty query returns
// nothing.
func (l *Library) Search(query string) []Match {
	if l == nil || l.search == nil {
		return nil
	}
	return l.search.find(query, MaxResults)
}

func (ix *searchIndex) find(query string, limit int) []Match {
	var qb strings.Builder
	for _, r := range strings.TrimSpace(query) {
		qb.WriteRune(fold(r))
	}
	q := qb.String()
	if q == "" {
		return nil
	}
	ql := strings.ToLower(q)
	cand := ix.candidates(ql)
	if len(cand) > preScoreLimit {
		cand = ix.topByPreScore(ql, cand, preScoreLimit)
	}
	matches := fuzzy.FindFromNoSort(q, candidateSource{ix, cand})
	// fuzzy takes a point off for every character it did not match, so a
	// long reference loses to a short one with the letters scattered
	// ("xue" put M. XINMIN before H. XUE). Rank on how well the query
	// matched; a shorter text only breaks ties.
	for k := range matches {
		m := &matches[k]
		m.Score += len(ix.folded[cand[m.Index]]) - len(m.MatchedIndexes)
	}
	slices.SortFunc(matches, func(a, b fuzzy.Match) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		if la, lb := len(ix.folded[cand[a.Index]]), len(ix.folded[cand[b.Index]]); la != lb {
			return la - lb
		}
		return a.Index - b.Index // candidates are in source order
	})
	if len(matches) > limit {
		matches = matches[:limit]
	}
	out := make([]Match, len(matches))
	for k, m := range matches {
		i := cand[m.Index]
		out[k] = Match{Source: &ix.sources[i], Score: m.Score, Fields: ix.fieldMatches(i, m.MatchedIndexes)}
	}
	return out
}

// fieldMatches splits matched offsets of the search string by field and
// maps them back to offsets in each field's own text.
func (ix *searchIndex) fieldMatches(i int, idx []int) []FieldMatch {
	s := &ix.sources[i]
	texts := [4]string{s.AuthorLine(), s.Title, s.Container, s.Year}
	var out []FieldMatch
	for f, sp := range ix.fields[i] {
		var fm *FieldMatch
		for _, j := range idx {
			if j < sp.start || j >= sp.end {
				continue
			}
			off := j - sp.start
			if b := ix.back[i]; b != nil {
				off = int(b[j])
			}
			if fm == nil {
				out = append(out, FieldMatch{Field: Field(f), Text: texts[f]})
				fm = &out[len(out)-1]
			}
			if n := len(fm.Indexes); n == 0 || fm.Indexes[n-1] != off {
				fm.Indexes = append(fm.Indexes, off)
			}
		}
	}
	return out
}

type candidateSource struct {
	ix   *searchIndex
	cand []int
}

func (c candidateSource) String(i int) string { return c.ix.folded[c.cand[i]] }
func (c candidateSource) Len() int            { return len(c.cand) }

// isSubsequence reports whether q's bytes occur in s in order.
func isSubsequence(q, s string) bool {
	for i := 0; i < len(q); i++ {
		j := strings.IndexByte(s, q[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// candidates lists the sources containing the query's characters in
// order. When the query extends the previous one (the user typed a
// character), only the previous candidates are read again.
func (ix *searchIndex) candidates(ql string) []int {
	var qmask uint64
	for i := 0; i < len(ql); i++ {
		qmask |= charBit(ql[i])
	}
	ix.mu.Lock()
	last := ix.last
	ix.mu.Unlock()
	// One letter or digit: the bit set alone decides.
	single := len(ql) == 1 && qmask != 1<<63
	var cand []int
	check := func(i int) {
		if ix.present[i]&qmask == qmask && (single || isSubsequence(ql, ix.lower[i])) {
			cand = append(cand, i)
		}
	}
	if last.q != "" && strings.HasPrefix(ql, last.q) {
		cand = make([]int, 0, len(last.cand))
		for _, i := range last.cand {
			check(i)
		}
	} else {
		cand = make([]int, 0, len(ix.lower)/4)
		for i := range ix.lower {
			check(i)
		}
	}
	ix.mu.Lock()
	ix.last = lastQuery{q: ql, cand: cand}
	ix.mu.Unlock()
	return cand
}

// topByPreScore keeps the n candidates a cheap score ranks best: query
// characters found at word starts, a first character that opens the
// text, a short text. It only decides which candidates the full fuzzy
// scoring sees when a short query matches a large library; the order of
// the results is fuzzy's.
func (ix *searchIndex) topByPreScore(ql string, cand []int, n int) []int {
	var qmask uint64
	for i := 0; i < len(ql); i++ {
		qmask |= charBit(ql[i])
	}
	const span = 256
	score := make([]uint8, len(cand)) // pre-scores fit in a byte: 8x less to allocate than []int
	var hist [span]int
	for k, i := range cand {
		sc := 20*bits.OnesCount64(ix.starts[i]&qmask) - min(int(ix.length[i])/8, 60)
		if ix.first[i] == ql[0] {
			sc += 10
		}
		sc = max(0, min(span-1, sc+100))
		score[k] = uint8(sc)
		hist[sc]++
	}
	// The threshold keeps at least n: everything above it, then ties in
	// index order.
	threshold, total := 0, 0
	for v := span - 1; v >= 0; v-- {
		total += hist[v]
		if total >= n {
			threshold = v
			break
		}
	}
	out := make([]int, 0, n)
	for k, i := range cand {
		if int(score[k]) > threshold {
			out = append(out, i)
		}
	}
	for k, i := range cand {
		if len(out) >= n {
			break
		}
		if int(score[k]) == threshold {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}
