package ui

import (
	"sort"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/article"
)

// This file is the text engine behind every long text in the window.
// DESIGN.md measured that widget.RichText needs ~23 ms per paragraph to wrap,
// so the article (and the footnote panel, the popovers and the search
// results) are broken into lines here, from per-rune advances measured once
// per text style and size, and drawn by flowView with one canvas.Text per
// styled run of a visible line.

// runKind says what tapping a run does.
type runKind uint8

const (
	runText   runKind = iota
	runMarker         // a footnote marker in the body: opens the footnote
	runLink           // a cross reference ("n. 22") or a footnote number in a list
	runAction         // the whole block is one action (a search result)
)

// tone is the colour role of a piece.
type tone uint8

const (
	toneText tone = iota
	toneMuted
	toneLink
	toneHit // a search hit: bold and in the primary colour
)

// piece is a stretch of text with one style.
type piece struct {
	text   string
	style  article.Style
	kind   runKind
	target int // footnote number (marker, link) or action index
	tone   tone
	sup    bool // drawn smaller and raised: a footnote marker
	glue   bool // no break allowed before it (markers stick to their word)
	// src is the byte offset of text in the paragraph it comes from, so
	// that a selection maps to the article's text; ins marks text inserted
	// for display (a marker), which src places but does not cover.
	src int
	ins bool
}

// blockKind classifies the blocks of a flow.
type blockKind uint8

const (
	blockPara blockKind = iota
	blockHeading
	blockTitle
	blockLost     // a footnote whose marker was lost, shown near its paragraph
	blockFootnote // one footnote in the panel or a popover
	blockResult   // one search result
	blockNote     // small print: series line, affiliation, captions
)

// block is one paragraph-like unit of a flow.
type block struct {
	kind    blockKind
	pieces  []piece
	scale   float32 // text size relative to the flow's size (0 means 1)
	center  bool
	gap     float32 // space before the block, in line heights
	para    int     // index of the article paragraph, -1 if none
	section int     // index in Document.Sections of the heading, -1 if none
	note    int     // footnote number of blockLost and blockFootnote
}

// run is a piece of one line, placed.
type run struct {
	piece int // index into block.pieces
	start int // byte range of the piece text
	end   int
	x     float32
	w     float32
}

// line is one laid out line of a block.
type line struct {
	y    float32 // top, relative to the block
	h    float32
	size float32 // text size of the block
	runs []run
}

// laidBlock is a block laid out at one width.
type laidBlock struct {
	y, h  float32 // top relative to the flow, height including the gap before it
	gap   float32
	lines []line
}

// measurer caches rune advances per style at one text size. MeasureText
// costs ~28 µs a call; the article has fewer than 200 distinct runes.
type measurer struct {
	size float32
	adv  [4]map[rune]float32
	lh   float32 // natural text height
}

func newMeasurer(size float32) *measurer {
	m := &measurer{size: size}
	for i := range m.adv {
		m.adv[i] = make(map[rune]float32, 128)
	}
	m.lh = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	return m
}

func textStyle(s article.Style) fyne.TextStyle {
	return fyne.TextStyle{Italic: s&article.Italic != 0, Bold: s&article.Bold != 0}
}

func (m *measurer) advance(r rune, s article.Style) float32 {
	tab := m.adv[s&3]
	if w, ok := tab[r]; ok {
		return w
	}
	w := fyne.MeasureText(string(r), m.size, textStyle(s)).Width
	tab[r] = w
	return w
}

func (m *measurer) width(s string, st article.Style) float32 {
	var w float32
	for _, r := range s {
		w += m.advance(r, st)
	}
	return w
}

// measurers holds one measurer per text size; a flow uses a few sizes
// (body, headings, markers) and zoom adds more, all cheap.
type measurers map[float32]*measurer

// sharedMeasurers serves every flow of the window. Like all widget state
// it is used from the UI goroutine only.
var sharedMeasurers = measurers{}

func (ms measurers) at(size float32) *measurer {
	if m, ok := ms[size]; ok {
		return m
	}
	m := newMeasurer(size)
	ms[size] = m
	return m
}

// lineSpacing is the line height as a multiple of the text size: generous,
// for reading long paragraphs on screen and projector.
const lineSpacing = 1.55

// supScale is the size of footnote markers relative to their line.
const supScale = 0.72

// layoutBlock breaks b into lines no wider than width.
func layoutBlock(ms measurers, b *block, size, width float32) []line {
	if b.scale != 0 {
		size *= b.scale
	}
	m := ms.at(size)
	sm := ms.at(size * supScale)
	lh := size * lineSpacing

	type frag struct {
		piece      int
		start, end int
		w          float32
	}
	var (
		lines    []line
		cur      []run
		x        float32
		wordFrag []frag
		wordW    float32
		spaceW   float32 // width of the space pending before the next word
		pending  bool    // a space is pending
	)
	flushLine := func() {
		lines = append(lines, line{y: float32(len(lines)) * lh, h: lh, size: size, runs: cur})
		cur, x = nil, 0
	}
	place := func(f frag, at float32) {
		if n := len(cur); n > 0 && cur[n-1].piece == f.piece && cur[n-1].end <= f.start {
			// the same piece continues (across the space): extend the run
			r := &cur[n-1]
			r.end = f.end
			r.w = at + f.w - r.x
			return
		}
		cur = append(cur, run{piece: f.piece, start: f.start, end: f.end, x: at, w: f.w})
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
				p := b.pieces[f.piece]
				mm := m
				if p.sup {
					mm = sm
				}
				seg := f.start
				var sw float32
				for i, r := range p.text[f.start:f.end] {
					a := mm.advance(r, p.style)
					if x+sw+a > width && (x+sw > 0) {
						place(frag{f.piece, seg, f.start + i, sw}, x)
						flushLine()
						seg, sw = f.start+i, 0
					}
					sw += a
				}
				place(frag{f.piece, seg, f.end, sw}, x)
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

	for pi := range b.pieces {
		p := &b.pieces[pi]
		mm := m
		if p.sup {
			mm = sm
		}
		if p.glue && len(wordFrag) == 0 && pending {
			// a marker after a space still belongs to the previous word
			pending = false
		}
		start := 0
		var w float32
		for i, r := range p.text {
			if r == ' ' || r == '\n' || r == '\t' {
				if i > start {
					wordFrag = append(wordFrag, frag{pi, start, i, w})
					wordW += w
				}
				flushWord()
				spaceW = mm.advance(' ', p.style)
				pending = true
				start, w = i+utf8.RuneLen(r), 0
				continue
			}
			w += mm.advance(r, p.style)
		}
		if start < len(p.text) {
			if p.glue && len(wordFrag) == 0 && len(cur) > 0 && !pending {
				// glue to the run already placed: only break if it overflows badly
				if x+w <= width+sm.size {
					place(frag{pi, start, len(p.text), w}, x)
					x += w
					continue
				}
			}
			wordFrag = append(wordFrag, frag{pi, start, len(p.text), w})
			wordW += w
		}
	}
	flushWord()
	if len(cur) > 0 || len(lines) == 0 {
		flushLine()
	}
	if b.center {
		for i := range lines {
			l := &lines[i]
			if n := len(l.runs); n > 0 {
				lw := l.runs[n-1].x + l.runs[n-1].w
				dx := (width - lw) / 2
				for j := range l.runs {
					l.runs[j].x += dx
				}
			}
		}
	}
	return lines
}

// flowLayout is a list of blocks laid out at one width and size.
type flowLayout struct {
	width, size float32
	blocks      []laidBlock
	total       float32
}

func layoutFlow(ms measurers, blocks []block, size, width float32) flowLayout {
	fl := flowLayout{width: width, size: size, blocks: make([]laidBlock, len(blocks))}
	lh := size * lineSpacing
	var y float32
	for i := range blocks {
		b := &blocks[i]
		gap := b.gap * lh
		if i == 0 {
			gap = 0
		}
		lines := layoutBlock(ms, b, size, width)
		var h float32
		if n := len(lines); n > 0 {
			h = lines[n-1].y + lines[n-1].h
		}
		fl.blocks[i] = laidBlock{y: y, h: gap + h, gap: gap, lines: lines}
		y += gap + h
	}
	fl.total = y
	return fl
}

// blockAt returns the index of the block that covers y (clamped).
func (fl *flowLayout) blockAt(y float32) int {
	i := sort.Search(len(fl.blocks), func(i int) bool { return fl.blocks[i].y+fl.blocks[i].h > y })
	if i >= len(fl.blocks) {
		i = len(fl.blocks) - 1
	}
	return i
}
