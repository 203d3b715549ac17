// Package flowtext is the window's one text engine: glyph advances
// measured once per rune, style and size, and one line breaker over them.
// The reader, the contents, lecture mode and the cards all break their
// lines here, so a fix to breaking reaches every screen at once. The lines
// drawn are then settled by the widths their runs take when drawn
// (Line.Settle), which the per-rune advances, blind to kerning, get a
// little wrong.
//
// DESIGN.md measured why it exists: widget.RichText needs ~23 ms to wrap a
// paragraph and fyne.MeasureText ~28 µs a call, while breaking over cached
// per-rune advances lays out the whole article in about a millisecond.
package flowtext

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/article"
)

// TextStyle is the Fyne style of an article style.
func TextStyle(s article.Style) fyne.TextStyle {
	return fyne.TextStyle{Italic: s&article.Italic != 0, Bold: s&article.Bold != 0}
}

// Measurer caches rune advances per style at one text size. The article
// has fewer than 200 distinct runes, so the cache stays small.
type Measurer struct {
	size  float32
	adv   [4]map[rune]float32
	lh    float32 // natural text height
	base  *Measurer
	scale float32 // with base: advances are base's times scale
	// drawn caches widths of whole runs as Fyne draws them (see Drawn)
	drawn map[drawnKey]float32
}

// drawnKey names a run measured as drawn.
type drawnKey struct {
	text  string
	style fyne.TextStyle
}

// maxDrawn bounds the cache of drawn widths: run texts change with every
// width and size, and a long session must not keep them all.
const maxDrawn = 8192

// NewMeasurer measures at size.
func NewMeasurer(size float32) *Measurer {
	m := &Measurer{size: size}
	for i := range m.adv {
		m.adv[i] = make(map[rune]float32, 128)
	}
	m.lh = measure("Mg", size, fyne.TextStyle{}).Height
	return m
}

// Measure, when set, measures text in style st at size as the window
// draws it, and says whether it could (app/ui shapes the text in its
// shipped faces, which it draws the flows in itself); text it cannot
// measure is measured by Fyne, through the theme.
var Measure func(text string, size float32, st fyne.TextStyle) (fyne.Size, bool)

func measure(text string, size float32, st fyne.TextStyle) fyne.Size {
	if Measure != nil {
		if s, ok := Measure(text, size, st); ok {
			return s
		}
	}
	return fyne.MeasureText(text, size, st)
}

// Size is the text size measured.
func (m *Measurer) Size() float32 { return m.size }

// Height is the natural height of a line of text at this size.
func (m *Measurer) Height() float32 {
	if m.base != nil {
		return m.base.Height() * m.scale
	}
	return m.lh
}

// Advance is the width of r in style s.
func (m *Measurer) Advance(r rune, s article.Style) float32 {
	if m.base != nil {
		return m.base.Advance(r, s) * m.scale
	}
	tab := m.adv[s&3]
	if w, ok := tab[r]; ok {
		return w
	}
	w := measure(string(r), m.size, TextStyle(s)).Width
	tab[r] = w
	return w
}

// Width is the width of s in style st, from the cached advances.
func (m *Measurer) Width(s string, st article.Style) float32 {
	var w float32
	for _, r := range s {
		w += m.Advance(r, st)
	}
	return w
}

// Drawn is the width of text in style st as it is drawn: shaped, so
// with kerning, which the summed advances do not see. It costs a shaping
// (tens of µs) the first time a text is asked for, so it is for the few
// runs drawn, never for breaking a whole article.
func (m *Measurer) Drawn(text string, st fyne.TextStyle) float32 {
	if m.drawn == nil || len(m.drawn) > maxDrawn {
		m.drawn = make(map[drawnKey]float32, 64)
	}
	k := drawnKey{text, st}
	if w, ok := m.drawn[k]; ok {
		return w
	}
	w := measure(text, m.size, st).Width
	m.drawn[k] = w
	return w
}

// Measurers holds one measurer per text size; a flow uses a few sizes
// (body, headings, markers) and zoom adds more, all cheap. Like all
// widget state it is used from the UI goroutine only.
type Measurers map[float32]*Measurer

// Shared serves every flow of the window.
var Shared = Measurers{}

// At is the measurer for size, made on first use.
func (ms Measurers) At(size float32) *Measurer {
	if m, ok := ms[size]; ok {
		return m
	}
	m := NewMeasurer(size)
	ms[size] = m
	return m
}

// Scaled measures at size from the advances at ref, scaled: glyph
// advances grow almost linearly with size, so a text fitted at many trial
// sizes (lecture mode) measures each rune once. Hinting makes the result
// a little off; break for good with At(size).
func (ms Measurers) Scaled(ref, size float32) *Measurer {
	return &Measurer{size: size, base: ms.At(ref), scale: size / ref}
}

// Span is a stretch of text with one style.
type Span struct {
	Text  string
	Style article.Style
	Small bool // drawn at Params.SmallScale: a footnote marker
	Glue  bool // no break allowed before it: markers stick to their word
}

// Run is a piece of one line: bytes [Start, End) of span Span, placed at
// X with width W.
type Run struct {
	Span       int
	Start, End int
	X, W       float32
}

// Line is one line of runs; its width is the end of its last run.
type Line []Run

// Width is how far the line reaches.
func (l Line) Width() float32 {
	if n := len(l); n > 0 {
		return l[n-1].X + l[n-1].W
	}
	return 0
}

// Settle places the runs of a line by the width each takes when drawn;
// drawn(i) is run i's (Measurer.Drawn). Break adds up cached advances of
// single runes, which ignores kerning, so a run comes out wider than it
// is drawn ("Together," by 7 px at 54 px, a line-long run of the article
// by 7.6 px at the reader's 200%), and the run after it (a footnote
// marker, an italic word) stands apart from it: a visible gap. The space
// Break left between two runs is kept, and a run is never made wider than
// planned, so a line that fit still fits. It changes l in place and is
// meant for the lines drawn, not for breaking: drawing measures whole
// runs, breaking would have to measure every word.
func (l Line) Settle(drawn func(i int) float32) {
	if len(l) == 0 {
		return
	}
	x, planned := l[0].X, l[0].X
	for i := range l {
		r := &l[i]
		gap := r.X - planned // the space Break left before the run
		planned = r.X + r.W
		if i > 0 {
			r.X = x + gap
		}
		r.W = min(r.W, drawn(i))
		x = r.X + r.W
	}
}

// Params say how to break: the size of the text and of Small spans, the
// width of the column, and whether a newline ends a line (lecture text)
// or is a space (the article's paragraphs).
type Params struct {
	Size, Width float32
	SmallScale  float32 // 0 means Small spans are full size
	HardBreaks  bool
	// Measure, when set, replaces ms.At(size) for a size (lecture mode
	// fits with scaled advances first).
	Measure func(size float32) *Measurer
}

// Break breaks n spans (span(i) gives the i-th) into lines no wider than
// p.Width, at spaces; a word longer than a whole line is cut where it
// overflows rather than drawn outside the column.
func Break(ms Measurers, p Params, n int, span func(i int) Span) []Line {
	at := p.Measure
	if at == nil {
		at = ms.At
	}
	m := at(p.Size)
	sm := m
	if p.SmallScale > 0 && p.SmallScale != 1 {
		sm = at(p.Size * p.SmallScale)
	}
	width := p.Width

	type frag struct {
		span       int
		start, end int
		w          float32
	}
	var (
		lines    []Line
		cur      Line
		x        float32
		wordFrag []frag
		wordW    float32
		spaceW   float32 // width of the space pending before the next word
		pending  bool    // a space is pending
	)
	flushLine := func() {
		lines = append(lines, cur)
		cur, x = nil, 0
	}
	place := func(f frag, at float32) {
		if k := len(cur); k > 0 && cur[k-1].Span == f.span && cur[k-1].End <= f.start {
			// the same span continues (across the space): extend the run
			r := &cur[k-1]
			r.End = f.end
			r.W = at + f.w - r.X
			return
		}
		cur = append(cur, Run{Span: f.span, Start: f.start, End: f.end, X: at, W: f.w})
	}
	measurerOf := func(s Span) *Measurer {
		if s.Small {
			return sm
		}
		return m
	}
	flushWord := func() {
		if len(wordFrag) == 0 {
			return
		}
		lead := float32(0)
		if pending && len(cur) > 0 {
			lead = spaceW
		}
		if len(cur) > 0 && x+lead+wordW > width {
			flushLine()
			lead = 0
		}
		if len(cur) == 0 && wordW > width {
			// a word longer than the line (a URL in a narrow panel): cut it
			for _, f := range wordFrag {
				s := span(f.span)
				mm := measurerOf(s)
				seg := f.start
				var sw float32
				for i, r := range s.Text[f.start:f.end] {
					a := mm.Advance(r, s.Style)
					if x+sw+a > width && (x+sw > 0) {
						place(frag{f.span, seg, f.start + i, sw}, x)
						flushLine()
						seg, sw = f.start+i, 0
					}
					sw += a
				}
				place(frag{f.span, seg, f.end, sw}, x)
				x += sw
			}
		} else {
			at := x + lead
			for _, f := range wordFrag {
				place(f, at)
				at += f.w
			}
			x = at
		}
		wordFrag, wordW, pending = wordFrag[:0], 0, false
	}

	for si := 0; si < n; si++ {
		s := span(si)
		mm := measurerOf(s)
		if s.Glue && len(wordFrag) == 0 && pending {
			// a marker after a space still belongs to the previous word
			pending = false
		}
		start := 0
		var w float32
		for i, r := range s.Text {
			if r == ' ' || r == '\n' || r == '\t' {
				if i > start {
					wordFrag = append(wordFrag, frag{si, start, i, w})
					wordW += w
				}
				flushWord()
				if r == '\n' && p.HardBreaks {
					flushLine()
					pending = false
				} else {
					spaceW = mm.Advance(' ', s.Style)
					pending = true
				}
				start, w = i+utf8.RuneLen(r), 0
				continue
			}
			w += mm.Advance(r, s.Style)
		}
		if start < len(s.Text) {
			if s.Glue && len(wordFrag) == 0 && len(cur) > 0 && !pending {
				// glue to the run already placed: only break if it overflows badly
				if x+w <= width+sm.Size() {
					place(frag{si, start, len(s.Text), w}, x)
					x += w
					continue
				}
			}
			wordFrag = append(wordFrag, frag{si, start, len(s.Text), w})
			wordW += w
		}
	}
	flushWord()
	if len(cur) > 0 || len(lines) == 0 {
		flushLine()
	}
	return lines
}

// Lines is how many lines text takes at width in plain style, as a
// wrapping label breaks it. A little slack covers kerning, which the
// advances do not see.
func Lines(m *Measurer, text string, width float32) int {
	return len(labelLines(m, text, width))
}

// Wrap is text broken into the lines Lines counts, joined by newlines:
// for a label that shows it unwrapped (fyne.TextWrapOff), which Fyne then
// measures once a line, where its own word wrapping measures each line
// some ten times over, shaping the text each time.
func Wrap(m *Measurer, text string, width float32) string {
	ls := labelLines(m, text, width)
	if len(ls) <= 1 {
		return text
	}
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		if len(l) > 0 {
			b.WriteString(strings.TrimSpace(text[l[0].Start:l[len(l)-1].End]))
		}
	}
	return b.String()
}

func labelLines(m *Measurer, text string, width float32) []Line {
	return Break(nil, Params{Size: m.Size(), Width: width * 0.97, Measure: func(float32) *Measurer { return m }}, 1,
		func(int) Span { return Span{Text: text} })
}
