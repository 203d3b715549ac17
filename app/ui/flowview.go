package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// flowView draws a flow of blocks. Inside a scroll container it creates
// canvas objects only for the lines in and near the viewport, so the cost
// of a frame does not grow with the article; the whole flow is laid out
// again (a few ms) only when the width or the text size changes.
type flowView struct {
	widget.BaseWidget

	blocks  []block
	ms      measurers
	size    float32 // body text size
	measure float32 // widest column in average characters; 0: use the width
	margin  float32 // horizontal margin on each side
	fixedW  float32 // for flows outside a scroll: lay out at this width

	lay  flowLayout
	colX float32
	colW float32
	// pre, until the first layout, is the layout made beside the
	// start-up (prelaid.go)
	pre *prelaidFlow

	scroll    *container.Scroll
	highlight int // block drawn with a highlight behind it, -1 for none
	// notScrolled, set by the reader until the student first scrolls,
	// prepares no lines beyond the viewport: Fyne rasterizes every text
	// in the window, seen or not, so the first frame draws only the
	// lines it shows
	notScrolled bool

	onTap      func(bi int, p *piece, at fyne.Position) // at: bottom left of the tapped run
	onScrolled func()
	onLaidOut  func() // after every new layout inside a scroll

	cursor desktop.Cursor // the pointer's shape over what is under it
	origin screenOrigin   // where f's parent is on screen (pixelSnapper)

	sel selectState // selection, caret and highlights (notes_select.go)
}

func newFlowView(blocks []block, size float32) *flowView {
	f := &flowView{blocks: blocks, ms: sharedMeasurers, size: size, highlight: -1}
	f.sel.caret, f.sel.sel.block = -1, -1
	f.ExtendBaseWidget(f)
	return f
}

// inScroll wraps f in a vertical scroll container that it drives.
func (f *flowView) inScroll() *container.Scroll {
	f.scroll = container.NewVScroll(f)
	f.scroll.OnScrolled = func(fyne.Position) {
		f.notScrolled = false
		f.Refresh()
		if f.onScrolled != nil {
			f.onScrolled()
		}
	}
	return f.scroll
}

// columnWidth is the measure: about f.measure characters of body text.
func (f *flowView) columnWidth(width float32) float32 {
	w := width - 2*f.margin
	if f.measure > 0 {
		if m := measureWidth(f.ms, f.size, f.measure); m < w {
			w = m
		}
	}
	if w < 40 {
		w = 40
	}
	return w
}

const measureSample = "the Convention reflects a State-centric vision of cyberspace, 2024"

// measureWidth is the width of measure average characters of body text
// at size.
func measureWidth(ms measurers, size, measure float32) float32 {
	return ms.At(size).Width(measureSample, 0) / float32(len(measureSample)) * measure
}

// ensure lays the flow out for width unless it already is; it reports
// whether it did.
func (f *flowView) ensure(width float32) bool {
	if width <= 0 {
		return false
	}
	if f.lay.blocks != nil && f.lay.width == width && f.lay.size == f.size {
		return false
	}
	pre := f.pre
	if pre != nil {
		f.pre = nil
		pre.adopt()
	}
	f.colW = f.columnWidth(width)
	f.colX = (width - f.colW) / 2
	if pre != nil && pre.fits(f, f.colW) {
		f.lay = pre.lay
	} else {
		f.lay = layoutFlow(f.ms, f.blocks, f.size, f.colW)
	}
	f.lay.width = width
	return true
}

// setBlocks replaces the content and lays it out again.
func (f *flowView) setBlocks(blocks []block) {
	f.blocks = blocks
	f.lay = flowLayout{}
	f.highlight = -1
	f.sel.caret, f.sel.sel = -1, textRange{block: -1}
	w := f.Size().Width
	if f.fixedW > 0 {
		w = f.fixedW
	}
	f.ensure(w)
	if f.scroll != nil {
		f.scroll.Offset = fyne.Position{}
		f.scroll.Refresh()
	}
	f.Refresh()
}

// setSize changes the text size and keeps the block at the top of the
// viewport where it was.
func (f *flowView) setSize(size float32) {
	if size == f.size {
		return
	}
	bi, frac := f.anchor()
	f.size = size
	f.lay = flowLayout{}
	w := f.Size().Width
	if f.fixedW > 0 {
		w = f.fixedW
	}
	f.ensure(w)
	if f.scroll != nil {
		f.scroll.Refresh()
		f.restore(bi, frac)
	}
	f.Refresh()
}

func (f *flowView) MinSize() fyne.Size {
	if f.fixedW > 0 {
		f.ensure(f.fixedW)
		return fyne.NewSize(f.fixedW, f.lay.total)
	}
	return fyne.NewSize(f.margin*2+40, f.lay.total)
}

func (f *flowView) Resize(s fyne.Size) {
	bi, frac := f.anchor()
	changed := f.ensure(s.Width)
	if changed && f.scroll != nil && s.Height < f.lay.total {
		s.Height = f.lay.total
	}
	f.BaseWidget.Resize(s)
	if changed && f.scroll != nil {
		f.scroll.Refresh()
		f.restore(bi, frac)
		if f.onLaidOut != nil {
			f.onLaidOut()
		}
	} else if changed && f.fixedW == 0 && s.Height != f.lay.total && f.onLaidOut != nil {
		// a flow that wraps to its container's width (a card) knows its
		// height only now: the container lays itself out again
		f.onLaidOut()
	}
}

// String is the flow's text, block after block, as RichText.String
// gives it.
func (f *flowView) String() string {
	var b strings.Builder
	for _, bl := range f.blocks {
		for _, p := range bl.pieces {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// anchor is the block at the top of the viewport and how far into it.
func (f *flowView) anchor() (int, float32) {
	if f.scroll == nil || len(f.lay.blocks) == 0 {
		return 0, 0
	}
	y := f.scroll.Offset.Y
	bi := f.lay.blockAt(y)
	b := f.lay.blocks[bi]
	if b.h == 0 {
		return bi, 0
	}
	return bi, (y - b.y) / b.h
}

func (f *flowView) restore(bi int, frac float32) {
	if bi >= len(f.lay.blocks) {
		return
	}
	b := f.lay.blocks[bi]
	f.scrollTo(b.y + frac*b.h)
}

// viewport is the height of the visible area.
func (f *flowView) viewport() float32 {
	if f.scroll == nil {
		return f.Size().Height
	}
	return f.scroll.Size().Height
}

// offset is the current scroll offset.
func (f *flowView) offset() float32 {
	if f.scroll == nil {
		return 0
	}
	return f.scroll.Offset.Y
}

// scrollTo moves the viewport top to y (clamped) and tells onScrolled.
func (f *flowView) scrollTo(y float32) {
	if f.scroll == nil {
		return
	}
	if max := f.lay.total - f.viewport(); y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	f.scroll.Offset.Y = y
	f.scroll.Refresh()
	if f.onScrolled != nil {
		f.onScrolled()
	}
}

// blockTop is the top of block bi's text (after its gap).
func (f *flowView) blockTop(bi int) float32 {
	b := f.lay.blocks[bi]
	return b.y + b.gap
}

// scrollToBlock puts block bi at the top of the viewport, a little below
// the edge so that the reader sees where it starts.
func (f *flowView) scrollToBlock(bi int) {
	if bi < 0 || bi >= len(f.lay.blocks) {
		return
	}
	f.scrollTo(f.blockTop(bi) - f.size)
}

// topBlock is the block the reader is reading at the top of the
// viewport: the first whose text reaches below the first line.
func (f *flowView) topBlock() int {
	if len(f.lay.blocks) == 0 {
		return -1
	}
	return f.lay.blockAt(f.offset() + f.size*lineSpacing)
}

// hit finds the run under pos.
func (f *flowView) hit(pos fyne.Position) (bi int, p *piece, at fyne.Position) {
	if len(f.lay.blocks) == 0 {
		return -1, nil, pos
	}
	y := pos.Y
	bi = f.lay.blockAt(y)
	lb := f.lay.blocks[bi]
	if y < lb.y+lb.gap {
		return -1, nil, pos
	}
	b := &f.blocks[bi]
	x := pos.X - f.colX
	for li := range lb.lines {
		l := &lb.lines[li]
		top := lb.y + lb.gap + l.y
		if y < top || y >= top+l.h {
			continue
		}
		best, bestD := -1, float32(8) // markers are small: accept taps near them
		for ri, r := range l.runs {
			pc := &b.pieces[r.piece]
			if pc.kind == runText && b.kind != blockResult {
				continue
			}
			d := float32(0)
			if x < r.x {
				d = r.x - x
			} else if x > r.x+r.w {
				d = x - r.x - r.w
			}
			if d < bestD || (d == 0 && bestD == 0) {
				best, bestD = ri, d
			}
		}
		if best >= 0 {
			r := l.runs[best]
			return bi, &b.pieces[r.piece], fyne.NewPos(f.colX+r.x, top+l.h)
		}
		if b.kind == blockResult && len(b.pieces) > 0 {
			return bi, &b.pieces[0], fyne.NewPos(f.colX, top+l.h)
		}
	}
	return bi, nil, pos
}

// Tapped opens what the tapped run points to; a tap on plain text is
// for the selection (a highlight's note, the caret).
func (f *flowView) Tapped(ev *fyne.PointEvent) {
	bi, p, at := f.hit(ev.Position)
	if p == nil || f.onTap == nil || p.kind == runText && f.blocks[bi].kind != blockResult {
		f.tapText(ev.Position)
		return
	}
	f.onTap(bi, p, at)
}

// Cursor shows a hand over markers and links.
func (f *flowView) Cursor() desktop.Cursor {
	if f.cursor == nil {
		return desktop.DefaultCursor
	}
	return f.cursor
}

func (f *flowView) MouseIn(ev *desktop.MouseEvent) { f.MouseMoved(ev) }
func (f *flowView) MouseMoved(ev *desktop.MouseEvent) {
	f.noteOrigin(&ev.PointEvent)
	bi, p, _ := f.hit(ev.Position)
	link := p != nil && (p.kind != runText || f.blocks[bi].kind == blockResult)
	switch {
	case link || f.sel.enabled && f.markAt(ev.Position) != "":
		f.cursor = desktop.PointerCursor
	case f.sel.enabled && bi >= 0 && f.blocks[bi].kind == blockPara:
		f.cursor = desktop.TextCursor
	default:
		f.cursor = desktop.DefaultCursor
	}
}
func (f *flowView) MouseOut() { f.cursor = desktop.DefaultCursor }

// runAt returns where a piece matching pred is drawn: the centre of its
// first run, in flowView coordinates.
func (f *flowView) runAt(bi int, pred func(*piece) bool) (fyne.Position, bool) {
	if bi < 0 || bi >= len(f.lay.blocks) {
		return fyne.Position{}, false
	}
	lb := f.lay.blocks[bi]
	b := &f.blocks[bi]
	for _, l := range lb.lines {
		for _, r := range l.runs {
			if pred(&b.pieces[r.piece]) {
				return fyne.NewPos(f.colX+r.x+r.w/2, lb.y+lb.gap+l.y+l.h/2), true
			}
		}
	}
	return fyne.Position{}, false
}
