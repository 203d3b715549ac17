package pdfdoc

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one printed line of one column: its runs left to right and
// what the rules need to know about it.
type line struct {
	page   int // index into the pages
	col    int // 0 single or left column, 1 right column, 2 full width
	runs   []Run
	x0, x1 float64
	y0, y1 float64
	base   float64 // baseline: the lowest bottom of the full-size runs that are words
	size   float64 // the size most of its characters have
	bold   bool    // most of its characters are bold
	text   string  // plain text, runs joined
}

// normalise folds what typesetting adds to the letters: ligatures, smart
// quotes, the soft hyphen of a word broken at a line end (which PDFium
// reports as U+0002), non-breaking and thin spaces.
var normaliser = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u201f", "\"", "\u2033", "\"",
	"\u0002", "-", "\u00ad", "-", "\u2010", "-", "\u2011", "-",
	"\u00a0", " ", "\u2009", " ", "\u202f", " ", "\u2002", " ", "\u2003", " ",
	"\r", " ", "\n", " ", "\t", " ",
	// TeX's OT1 fonts set an accent as a glyph of its own before its
	// letter ("Gaiet´e", "mal`e", "vita¨ı" on a dotless i): the pair is
	// the accented letter.
	"´ı", "í", "¨ı", "ï", "ˆı", "î", "`a", "à", "`e", "è", "`i", "ì", "`o", "ò", "`u", "ù", "`A", "À", "`E", "È", "`I", "Ì", "`O", "Ò", "`U", "Ù",
	"´a", "á", "´e", "é", "´i", "í", "´o", "ó", "´u", "ú", "´y", "ý", "´A", "Á", "´E", "É", "´I", "Í",
	"´O", "Ó", "´U", "Ú", "´Y", "Ý", "´n", "ń", "´N", "Ń", "´c", "ć", "´C", "Ć", "¨a", "ä", "¨e", "ë",
	"¨i", "ï", "¨o", "ö", "¨u", "ü", "¨y", "ÿ", "¨A", "Ä", "¨E", "Ë", "¨I", "Ï", "¨O", "Ö", "¨U", "Ü",
	"¨Y", "Ÿ", "ˆa", "â", "ˆe", "ê", "ˆi", "î", "ˆo", "ô", "ˆu", "û", "ˆy", "ŷ", "ˆA", "Â", "ˆE", "Ê",
	"ˆI", "Î", "ˆO", "Ô", "ˆU", "Û", "ˆY", "Ŷ", "ˆc", "ĉ", "ˆC", "Ĉ", "˜a", "ã", "˜e", "ẽ", "˜i", "ĩ",
	"˜o", "õ", "˜u", "ũ", "˜y", "ỹ", "˜A", "Ã", "˜E", "Ẽ", "˜I", "Ĩ", "˜O", "Õ", "˜U", "Ũ", "˜Y", "Ỹ",
	"˜n", "ñ", "˜N", "Ñ", "¸c", "ç", "¸C", "Ç",
)

func normalise(s string) string {
	s = normaliser.Replace(s)
	return strings.Map(func(r rune) rune {
		if r != ' ' && (unicode.IsControl(r) || r == '\ufffd' || r == '\ufeff') {
			return -1
		}
		return r
	}, s)
}

// chars counts the visible characters of s.
func chars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// gutter finds the blank vertical strip between two columns: a stretch
// of x in the middle of the page that few runs cross, with many runs on
// either side. A few may cross it: a title or a page number centred
// across both columns (LaTeX's twocolumn puts both there). It returns
// ok=false for a one-column page, where every line crosses the middle.
func gutter(p *Page) (lo, hi float64, ok bool) {
	if p.Width <= 0 {
		return 0, 0, false
	}
	type edge struct {
		x float64
		d int
	}
	var edges []edge
	n := 0
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" || r.X1-r.X0 > 0.6*p.Width || r.X1 < r.X0 {
			continue
		}
		edges = append(edges, edge{r.X0, +1}, edge{r.X1, -1})
		n++
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].x != edges[j].x {
			return edges[i].x < edges[j].x
		}
		return edges[i].d < edges[j].d
	})
	// Sweep left to right counting the runs over each stretch; the widest
	// stretch in the middle band that no run crosses is the gutter, or
	// failing one, the widest that few runs cross.
	bestW := 0.0
	for _, few := range []int{0, min(4, n/10)} {
		cover, start := 0, math.Inf(-1)
		for _, e := range edges {
			was := cover
			cover += e.d
			switch {
			case was > few && cover <= few:
				start = e.x
			case was <= few && cover > few && start > 0.3*p.Width:
				if end := min(e.x, 0.7*p.Width); end-start > bestW {
					lo, hi, bestW = start, end, end-start
				}
			}
		}
		if bestW >= 6 {
			break
		}
	}
	if bestW < 6 {
		return 0, 0, false
	}
	left, right := 0, 0
	for _, r := range p.Runs {
		switch {
		case strings.TrimSpace(r.Text) == "":
		case r.X1 <= lo+0.5:
			left++
		case r.X0 >= hi-0.5:
			right++
		}
	}
	return lo, hi, left >= 8 && right >= 8
}

// leader is a row of dots leading the eye across a line (LaTeX's
// \dotfill, a table of contents): six or more, where an ellipsis has
// three or four.
var leader = regexp.MustCompile(`^\s*(\.\s?){6,}\s*$`)

// pageLines splits a page into lines, column by column in reading order:
// text across the full width above the columns, the left column, the
// right column, then full-width text below them.
func pageLines(p *Page, pi int) []line {
	lo, hi, two := gutter(p)
	cols := [3][]Run{}
	for _, r := range p.Runs {
		r.Text = normalise(r.Text)
		if strings.TrimSpace(r.Text) == "" || leader.MatchString(r.Text) {
			continue
		}
		c := 0
		if two {
			// A justified line may reach a little into the gutter; what
			// crosses its middle, or sits in it (a page number), is full
			// width.
			mid := (lo + hi) / 2
			switch {
			case r.X1 <= lo+0.5 || r.X0 < lo && r.X1 < mid:
				c = 0
			case r.X0 >= hi-0.5 || r.X0 > mid && r.X1 > hi:
				c = 1
			default:
				c = 2
			}
		}
		cols[c] = append(cols[c], r)
	}
	var out []line
	if !two {
		return group(cols[0], pi, 0)
	}
	full := group(cols[2], pi, 2)
	top := math.Inf(1)
	for _, c := range cols[:2] {
		for _, r := range c {
			top = min(top, r.Y0)
		}
	}
	for _, l := range full {
		if l.y1 <= top {
			out = append(out, l)
		}
	}
	out = append(out, group(cols[0], pi, 0)...)
	out = append(out, group(cols[1], pi, 1)...)
	for _, l := range full {
		if l.y1 > top {
			out = append(out, l)
		}
	}
	return out
}

// group gathers runs into lines: runs whose boxes overlap vertically by
// half the smaller height share a line (a raised note number overlaps the
// line it belongs to, not the one above). The boxes compared are drawn
// from each run's bottom and its type size, not its ink: "own case." has
// no ascender and a raised "10" beside it would not otherwise touch it.
func group(runs []Run, pi, col int) []line {
	nominal := func(r Run) (float64, float64) {
		if r.Size <= 0 {
			return r.Y0, r.Y1
		}
		return r.Y1 - r.Size, r.Y1
	}
	sort.SliceStable(runs, func(i, j int) bool {
		a0, a1 := nominal(runs[i])
		b0, b1 := nominal(runs[j])
		return a0+a1 < b0+b1
	})
	// Runs without a letter or digit (a hyphen, a quote mark) have ink
	// far from the baseline: they join the line their ink is in after
	// the lines are made.
	var loose []Run
	var lines [][]Run
	var cur []Run
	var top, bot float64
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, cur)
		}
		cur = nil
	}
	for _, r := range runs {
		if !hasAlnum(r.Text) {
			loose = append(loose, r)
			continue
		}
		y0, y1 := nominal(r)
		h := y1 - y0
		if len(cur) > 0 {
			ov := min(bot, y1) - max(top, y0)
			// A number raised beside its line in much smaller type (LaTeX
			// sets a note's own number at two thirds of the note's size)
			// overlaps less of it than two lines of one size ever do.
			lo, hi := min(h, bot-top), max(h, bot-top)
			need := 0.5 * lo
			if lo < 0.8*hi {
				need = 0.3 * lo
			}
			if ov >= need-0.01 || (h <= 0 && y0 >= top && y1 <= bot) {
				cur = append(cur, r)
				top, bot = min(top, y0), max(bot, y1)
				continue
			}
			flush()
		}
		cur = []Run{r}
		top, bot = y0, y1
	}
	flush()
	for _, r := range loose {
		c := (r.Y0 + r.Y1) / 2
		best, bestD := -1, math.Inf(1)
		for i, ln := range lines {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, x := range ln {
				lo, hi = min(lo, x.Y0), max(hi, x.Y1)
			}
			d := 0.0
			if c < lo {
				d = lo - c
			} else if c > hi {
				d = c - hi
			}
			if d < bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 && bestD < max(r.Size, 1) {
			lines[best] = append(lines[best], r)
		} else {
			lines = append(lines, []Run{r})
		}
	}
	out := make([]line, 0, len(lines))
	for _, ln := range lines {
		out = append(out, makeLine(ln, pi, col))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y0 < out[j].y0 })
	return out
}

func hasAlnum(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

func makeLine(runs []Run, pi, col int) line {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].X0 < runs[j].X0 })
	l := line{page: pi, col: col, runs: runs, x0: math.Inf(1), x1: math.Inf(-1), y0: math.Inf(1), y1: math.Inf(-1)}
	sizes := map[float64]int{}
	boldN, all := 0, 0
	for _, r := range runs {
		l.x0, l.x1 = min(l.x0, r.X0), max(l.x1, r.X1)
		l.y0, l.y1 = min(l.y0, r.Y0), max(l.y1, r.Y1)
		n := chars(r.Text)
		sizes[math.Round(r.Size*2)/2] += n
		all += n
		if r.Bold {
			boldN += n
		}
	}
	best := 0
	for s, n := range sizes {
		if n > best || n == best && s > l.size {
			l.size, best = s, n
		}
	}
	l.bold = all > 0 && boldN*10 >= all*8
	l.base = math.Inf(-1)
	for _, r := range runs {
		if r.Size >= 0.9*l.size && wordy(r.Text) {
			if math.IsInf(l.base, -1) || r.Y1 < l.base {
				l.base = r.Y1
			}
		}
	}
	if math.IsInf(l.base, -1) {
		l.base = l.y1
	}
	l.text = joinRuns(runs, nil)
	return l
}

// wordy says whether a run has two letters or digits: a lone quote mark
// or comma has its ink far from the baseline.
func wordy(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n >= 2
}

// joinRuns joins a line's runs into text, putting a space where the gap
// between two runs is wider than a letter space; each run's text passes
// through each (when not nil) so the caller can style it or take its
// markers out.
func joinRuns(runs []Run, each func(i int, text string, space bool)) string {
	dedupe(runs)
	var b strings.Builder
	for i, r := range runs {
		space := false
		if i > 0 {
			prev := runs[i-1]
			gap := r.X0 - prev.X1
			space = gap > 0.2*max(r.Size, prev.Size) && !strings.HasSuffix(prev.Text, " ") && !strings.HasPrefix(r.Text, " ") &&
				// English sets no space before these: a gap there is an
				// italic correction ("Catiline" "?")
				!(strings.ContainsAny(firstRune(r.Text), ",;:?!)") && gap < 0.5*max(r.Size, prev.Size))
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(r.Text)
		if each != nil {
			each(i, r.Text, space)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// dedupe drops a letter PDFium puts in two neighbouring runs: a
// slanted italic capital's box reaches into the run before it ("v. L"
// "Longman"), a roman run's first letter into an italic one ("property"
// "y is"). The copy is the one set off by a space or punctuation
// ("Walker" "r, 64"), and so is a comma both runs hold ("Walker, "
// ", 64"); the two runs touch or overlap (runs split inside a word leave
// a gap between them).
func dedupe(runs []Run) {
	for i := 1; i < len(runs); i++ {
		a, b := runs[i-1].Text, runs[i].Text
		if a == "" || b == "" || runs[i].X0-runs[i-1].X1 > 0.1 {
			continue
		}
		at, bt := strings.TrimRight(a, " "), strings.TrimLeft(b, " ")
		if at == "" || bt == "" {
			continue
		}
		c, n := utf8.DecodeLastRuneInString(at)
		d, m := utf8.DecodeRuneInString(bt)
		if c == d && strings.ContainsRune(",;:.", c) && runs[i].X0 < runs[i-1].X1 {
			// an italic name's box takes the roman stop after it too
			// ("Walker, " ", 64 F. 280"; "Ruf." "., ii."): the boxes overlap
			runs[i].Text = b[:len(b)-len(bt)] + bt[m:]
			continue
		}
		if !unicode.IsLetter(d) {
			continue
		}
		// the last letter of a, before its punctuation ("Walker, ")
		cl, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(at, func(r rune) bool { return !unicode.IsLetter(r) }))
		switch {
		case c == d && (strings.HasSuffix(at[:len(at)-n], " ") || len(at) == n):
			runs[i-1].Text = at[:len(at)-n] + a[len(at):]
		case cl == d && bt[m:] != "" && !startsLetter(bt[m:]):
			runs[i].Text = b[:len(b)-len(bt)] + bt[m:]
		}
	}
}

func startsLetter(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(c)
}

// raised says whether run r of line l is a note marker's shape: smaller
// than the line's type and lifted above its baseline.
func raised(l *line, r Run) bool {
	return r.Size < 0.85*l.size && r.Y1 < l.base-0.12*l.size
}
