package pdfdoc

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

// ErrScan is returned for a PDF whose pages carry no text, only pictures
// of it.
var ErrScan = errors.New("this PDF is a scan; Glossa needs a PDF with text")

// ProblemLayout is the kind of problem for a guess the layout forced: a
// page without text, a note-area line that starts no note.
const ProblemLayout = "pdf-layout"

// Read builds the article from the pages of a PDF; src is the file's
// bytes (hashed into the Document). In the Document, Line numbers are
// page numbers in the file and Page fields the printed page numbers.
func Read(pages []Page, src []byte) (*article.Document, error) {
	r := newReader(pages)
	if r.scan() {
		return nil, ErrScan
	}
	return r.build(src)
}

type reader struct {
	pages    []Page
	lines    [][]line // per page, reading order
	body     float64  // body type size
	pitch    float64  // baseline to baseline in a paragraph
	offset   int      // printed page number minus file page number
	furn     map[[2]int]bool
	words    map[string]bool // words printed whole somewhere in the file
	hyphened map[string]bool // hyphenated words printed whole on one line
	left     [3]float64      // column edges by column kind
	right    [3]float64
	problems []article.Problem
}

func newReader(pages []Page) *reader {
	r := &reader{pages: pages, furn: map[[2]int]bool{}, words: map[string]bool{}, hyphened: map[string]bool{}}
	for i := range pages {
		r.lines = append(r.lines, pageLines(&pages[i], i))
	}
	return r
}

// scan says whether the file has no text layer: fewer than 20 letters a
// page on every page.
func (r *reader) scan() bool {
	for _, ls := range r.lines {
		n := 0
		for _, l := range ls {
			n += chars(l.text)
		}
		if n >= 20 {
			return false
		}
	}
	return true
}

func (r *reader) problem(kind string, pi int, format string, args ...any) {
	r.problems = append(r.problems, article.Problem{Kind: kind, Line: pi + 1, Message: fmt.Sprintf(format, args...)})
}

// printed is the page number a student cites for page index pi.
func (r *reader) printed(pi int) int { return pi + 1 + r.offset }

// measure finds the body type size (the size most characters have), the
// running heads and page numbers, the column edges and the paragraph
// line pitch.
func (r *reader) measure() {
	// The body type is the size of the lines that open a page's columns:
	// counting every character would pick the notes' size in a law
	// review, where notes often outweigh the text.
	sizes := map[float64]int{}
	all := map[float64]int{}
	for pi, ls := range r.lines {
		h := r.pages[pi].Height
		seen := map[int]int{}
		for _, l := range ls {
			all[l.size] += chars(l.text)
			if h > 0 && (l.y1 < 0.1*h || l.y0 > 0.9*h) || chars(l.text) < 20 {
				continue // a running head or page number, a heading
			}
			if seen[l.col] < 3 {
				seen[l.col]++
				sizes[l.size]++
			}
		}
	}
	if len(sizes) == 0 {
		sizes = all
	}
	best := 0
	for s, n := range sizes {
		if n > best || n == best && s > r.body {
			r.body, best = s, n
		}
	}
	r.findFurniture()
	var x0s, x1s [3][]float64
	var gaps []float64
	for pi, ls := range r.lines {
		for i, l := range ls {
			if r.furn[[2]int{pi, i}] || math.Abs(l.size-r.body) > 0.5 {
				continue
			}
			x0s[l.col] = append(x0s[l.col], l.x0)
			x1s[l.col] = append(x1s[l.col], l.x1)
			if i > 0 && ls[i-1].col == l.col && math.Abs(ls[i-1].size-r.body) <= 0.5 {
				if d := l.base - ls[i-1].base; d > 0.8*r.body && d < 2.5*r.body {
					gaps = append(gaps, d)
				}
			}
		}
	}
	for c := range 3 {
		r.left[c], r.right[c] = quantile(x0s[c], 0.1), quantile(x1s[c], 0.9)
	}
	r.pitch = quantile(gaps, 0.3)
	if r.pitch == 0 {
		r.pitch = 1.2 * r.body
	}
}

func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

var bareNumber = regexp.MustCompile(`^[-–—\s]*(\d{1,5})[-–—\s]*$`)

// findFurniture marks running heads, running feet and page numbers:
// lines in the top or bottom eighth of a page whose text (digits
// ignored) recurs at the same height on several pages, and bare numbers
// there. The printed page numbers found give the offset from file pages.
func (r *reader) findFurniture() {
	type key struct {
		text string
		y    int
	}
	count := map[key]int{}
	// Running heads and feet are the outermost lines of a page (page
	// numbers may sit anywhere near the edge): a short note ("Id.") at the
	// same height on two pages is not furniture.
	outer := make([][2]float64, len(r.lines))
	for pi, ls := range r.lines {
		var tops, bots []float64
		for _, l := range ls {
			tops, bots = append(tops, l.y0), append(bots, l.y1)
		}
		sort.Float64s(tops)
		sort.Sort(sort.Reverse(sort.Float64Slice(bots)))
		outer[pi] = [2]float64{math.Inf(-1), math.Inf(1)}
		if len(tops) > 0 {
			outer[pi] = [2]float64{tops[0], bots[0]}
		}
	}
	keyOf := func(pi int, l line) (key, bool) {
		h := r.pages[pi].Height
		if h <= 0 || (l.y1 > 0.14*h && l.y0 < 0.86*h) {
			return key{}, false
		}
		if l.y0 > outer[pi][0] && l.y1 < outer[pi][1] && !bareNumber.MatchString(l.text) {
			return key{}, false
		}
		t := strings.Map(func(c rune) rune {
			if unicode.IsDigit(c) {
				return '#'
			}
			return unicode.ToLower(c)
		}, l.text)
		return key{t, int(math.Round(l.y0 / 6))}, true
	}
	for pi, ls := range r.lines {
		seen := map[key]bool{}
		for _, l := range ls {
			if k, ok := keyOf(pi, l); ok && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, int(math.Ceil(0.3*float64(len(r.lines)))))
	offsets := map[int]int{}
	for pi, ls := range r.lines {
		for i, l := range ls {
			k, ok := keyOf(pi, l)
			if !ok {
				continue
			}
			m := bareNumber.FindStringSubmatch(l.text)
			if m == nil && count[k] < need {
				continue
			}
			if m == nil && len(r.lines) < 2 {
				continue
			}
			r.furn[[2]int{pi, i}] = true
			if m != nil {
				if n, err := strconv.Atoi(m[1]); err == nil {
					offsets[n-(pi+1)]++
				}
			}
		}
	}
	best := 0
	for off, n := range offsets {
		if n > best || n == best && off < r.offset {
			r.offset, best = off, n
		}
	}
}

// kind of a line once the page is read.
const (
	kBody = iota
	kHeading
	kNote
	kFurniture
	kTitle
	kAuthor
)

// classify tells each line's part: running furniture, the title block,
// headings, the note area at the foot of each column, body.
func (r *reader) classify() [][]int {
	kinds := make([][]int, len(r.lines))
	endnotes := false
	sawNotes := false
	for pi, ls := range r.lines {
		kinds[pi] = make([]int, len(ls))
		for i := range ls {
			if r.furn[[2]int{pi, i}] {
				kinds[pi][i] = kFurniture
			}
		}
		if !endnotes {
			sawNotes = r.footArea(pi, kinds[pi], sawNotes)
		}
		for i, l := range ls {
			if kinds[pi][i] != kBody {
				continue
			}
			if endnotes {
				kinds[pi][i] = kNote
				continue
			}
			if r.isHeading(l) {
				kinds[pi][i] = kHeading
				t := strings.ToLower(strings.Trim(l.text, " :.*"))
				if t == "notes" || t == "endnotes" || t == "footnotes" {
					// Everything after a Notes heading is the notes.
					endnotes = true
					kinds[pi][i] = kFurniture
				}
			}
		}
	}
	r.titleBlock(kinds)
	return kinds
}

// isHeading: larger type than the body, or a short bold line that is
// not a sentence.
func (r *reader) isHeading(l line) bool {
	if l.size >= 1.12*r.body {
		return true
	}
	n := utf8.RuneCountInString(l.text)
	return l.bold && n < 100 && n > 0 && !strings.HasSuffix(l.text, ".") && l.size >= 0.95*r.body
}

var noteStart = regexp.MustCompile(`^(\d{1,4})(?:[.)]\s*|\s+|$)`)

// footArea marks the note area of each column of page pi: the lines at
// the foot in type smaller than the body, provided one of them starts a
// note (a number at the line start) or notes came before (a note
// continued from the column before). It says whether notes have been
// seen so far.
func (r *reader) footArea(pi int, kinds []int, saw bool) bool {
	ls := r.lines[pi]
	// columns of this page, by kind, in reading order
	byCol := map[int][]int{}
	var order []int
	for i, l := range ls {
		if kinds[i] == kFurniture {
			continue
		}
		if _, ok := byCol[l.col]; !ok {
			order = append(order, l.col)
		}
		byCol[l.col] = append(byCol[l.col], i)
	}
	for _, c := range order {
		idx := byCol[c]
		start := len(idx)
		for start > 0 {
			l := ls[idx[start-1]]
			if l.size > 0.92*r.body || l.size < 0.4*r.body {
				break
			}
			start--
		}
		if k, ok := r.separator(pi, idx); ok {
			start = k
		} else if start == len(idx) {
			start = r.raisedStart(ls, idx, pi)
		}
		if start == len(idx) {
			continue
		}
		numbered := false
		for _, i := range idx[start:] {
			if noteStart.MatchString(ls[i].text) || len(ls[i].runs) > 0 && raised(&ls[i], ls[i].runs[0]) {
				numbered = true
				break
			}
		}
		if !numbered && !saw {
			continue
		}
		saw = true
		for _, i := range idx[start:] {
			kinds[i] = kNote
		}
	}
	return saw
}

// separator finds the rule a typesetter draws above a column's notes and
// returns the index in idx of the first line under it: a short rule (at
// most 0.6 of the column's measure) starting at the column's left edge,
// in the lower two thirds of the page, in the gap between two lines of
// the column. It is the one sign of where notes set in body type begin
// on a page that holds only the end of a note from the page before (no
// number, no smaller type).
func (r *reader) separator(pi int, idx []int) (int, bool) {
	p := &r.pages[pi]
	ls := r.lines[pi]
	if len(p.Rules) == 0 || len(idx) < 2 {
		return 0, false
	}
	// The column's measure, as the whole document sets it.
	c := ls[idx[0]].col
	x0, x1 := r.left[c], r.right[c]
	if x1 <= x0 {
		x0, x1 = r.left[0], r.right[0]
	}
	best, found := 0, false
	for _, rl := range p.Rules {
		if rl.X1-rl.X0 > 0.6*(x1-x0) || math.Abs(rl.X0-x0) > 0.05*(x1-x0) || rl.Y0 < p.Height/3 {
			continue
		}
		k := 0
		for k < len(idx) && ls[idx[k]].y1 <= rl.Y0+0.5 {
			k++
		}
		if k == 0 || k == len(idx) || ls[idx[k]].y0 < rl.Y1-0.5 {
			continue // not between two lines: an underline, a strike
		}
		if !found || k > best {
			best, found = k, true
		}
	}
	return best, found
}

// raisedStart finds a note area set in body type (Word's footnotes
// printed by LibreOffice): the first line in the lower part of the
// column that opens with a raised number after a gap wider than the
// lines' spacing. A body marker never opens a line: it follows its word.
func (r *reader) raisedStart(ls []line, idx []int, pi int) int {
	h := r.pages[pi].Height
	for k, i := range idx {
		l := &ls[i]
		if k == 0 || l.y0 < 0.4*h || len(l.runs) == 0 {
			continue
		}
		first := l.runs[0]
		if !raised(l, first) || !markerText.MatchString(first.Text) {
			continue
		}
		if l.base-ls[idx[k-1]].base > 1.2*r.pitch {
			return k
		}
	}
	return len(idx)
}

// titleBlock takes the title (the largest type on the first page, above
// any body text) and the centred lines under it (authors) out of the
// body.
func (r *reader) titleBlock(kinds [][]int) {
	if len(r.lines) == 0 {
		return
	}
	ls, ks := r.lines[0], kinds[0]
	big := 0.0
	for i, l := range ls {
		if ks[i] == kHeading && l.y0 < 0.5*r.pages[0].Height {
			big = max(big, l.size)
		}
	}
	if big < 1.3*r.body {
		return
	}
	inTitle := false
	for i, l := range ls {
		switch {
		case ks[i] == kHeading && l.size == big:
			ks[i] = kTitle
			inTitle = true
		case inTitle && ks[i] == kBody && r.centred(l):
			ks[i] = kAuthor
		case ks[i] == kFurniture || ks[i] == kNote:
		default:
			if inTitle {
				return
			}
			if ks[i] == kBody {
				return // body text before any big type: no title block
			}
		}
	}
}

func (r *reader) centred(l line) bool {
	lm, rm := l.x0-r.left[l.col], r.right[l.col]-l.x1
	return lm > 2*l.size && rm > 2*l.size && math.Abs(lm-rm) < 0.25*(lm+rm)+l.size
}
