package ui

import (
	"sort"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui/flowtext"
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

// measurer and measurers are the one engine's (package flowtext).
type (
	measurer  = flowtext.Measurer
	measurers = flowtext.Measurers
)

// sharedMeasurers serves every flow of the window.
var sharedMeasurers = flowtext.Shared

// lineSpacing is the line height as a multiple of the text size: generous,
// for reading long paragraphs on screen and projector.
const lineSpacing = 1.55

// supScale is the size of footnote markers relative to their line.
const supScale = 0.72

// layoutBlock breaks b into lines no wider than width, with the one
// line breaker (flowtext.Break).
func layoutBlock(ms measurers, b *block, size, width float32) []line {
	if b.scale != 0 {
		size *= b.scale
	}
	lh := size * lineSpacing
	broken := flowtext.Break(ms, flowtext.Params{Size: size, Width: width, SmallScale: supScale}, len(b.pieces), func(i int) flowtext.Span {
		p := &b.pieces[i]
		return flowtext.Span{Text: p.text, Style: p.style, Small: p.sup, Glue: p.glue}
	})
	lines := make([]line, len(broken))
	for i, bl := range broken {
		runs := make([]run, len(bl))
		dx := float32(0)
		if b.center {
			dx = (width - bl.Width()) / 2
		}
		for k, r := range bl {
			runs[k] = run{piece: r.Span, start: r.Start, end: r.End, x: r.X + dx, w: r.W}
		}
		lines[i] = line{y: float32(i) * lh, h: lh, size: size, runs: runs}
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
