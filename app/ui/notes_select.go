package ui

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Selection and highlights live in the text engine: flowView knows where
// every run of every line is drawn, so it maps a pointer position to a
// byte offset of the paragraph's text and a range of text back to
// rectangles. Ranges are in the paragraph's own text (piece.src), never in
// the displayed text, which has footnote markers inserted.

// textRange is a range of one block's paragraph text, in bytes.
type textRange struct {
	block      int
	start, end int
}

func (t textRange) empty() bool { return t.end <= t.start }

// textMark is a highlight drawn behind a range, with a mark in the margin.
type textMark struct {
	textRange
	id    string // note id
	color string // name in highlightColors; resolved when drawn, for the theme
	note  bool   // the note has text: its margin mark says so
	// shared: another person's note (share_reader.go), underlined in
	// their color with an outlined margin mark, never filled like one's own
	shared bool
}

// selectState is a flowView's selection; the zero value selects nothing.
type selectState struct {
	enabled  bool
	caret    int // block of the caret, -1 for none
	caretOff int
	anchor   int // offset where the selection started (the fixed end)
	sel      textRange
	pressAt  fyne.Position
	pressed  bool
	dragging bool
	keyboard bool // the student selects with the keys: show the caret

	marks []textMark

	onSelected func()          // a selection was made or changed by the student
	onCleared  func()          // the selection went away
	onMarkTap  func(id string) // a margin mark or a highlight was tapped
}

// textAt maps pos (view coordinates) to a block and an offset in its
// paragraph text: the nearest line of the block under pos, the nearest
// character boundary on it. Only paragraphs of the article are text.
func (f *flowView) textAt(pos fyne.Position, within int) (bi, off int, ok bool) {
	if len(f.lay.blocks) == 0 {
		return -1, 0, false
	}
	bi = f.lay.blockAt(pos.Y)
	if within >= 0 && bi != within {
		// a drag leaving its paragraph selects to that paragraph's end or start
		if bi > within {
			return within, f.blockTextEnd(within), true
		}
		return within, 0, true
	}
	if f.blocks[bi].kind != blockPara {
		return bi, 0, false
	}
	lb := f.lay.blocks[bi]
	if len(lb.lines) == 0 {
		return bi, 0, false
	}
	top := lb.y + lb.gap
	li := 0
	for i, l := range lb.lines {
		if pos.Y >= top+l.y {
			li = i
		}
	}
	return bi, f.offsetOnLine(bi, li, pos.X-f.colX), true
}

// blockTextEnd is the length of block bi's paragraph text.
func (f *flowView) blockTextEnd(bi int) int {
	end := 0
	for _, p := range f.blocks[bi].pieces {
		if !p.ins && p.src+len(p.text) > end {
			end = p.src + len(p.text)
		}
	}
	return end
}

// offsetOnLine is the text offset nearest to x on line li of block bi.
func (f *flowView) offsetOnLine(bi, li int, x float32) int {
	b := &f.blocks[bi]
	l := f.lay.blocks[bi].lines[li]
	if len(l.runs) == 0 {
		return 0
	}
	first := l.runs[0]
	if x <= first.x {
		return runSrc(b, first, first.start)
	}
	for ri, ru := range l.runs {
		if x > ru.x+ru.w && ri < len(l.runs)-1 {
			continue
		}
		p := &b.pieces[ru.piece]
		if p.ins {
			return p.src
		}
		m := f.runMeasurer(l, p)
		at := ru.x
		for i, r := range p.text[ru.start:ru.end] {
			a := m.Advance(r, p.style)
			if x < at+a/2 {
				return p.src + ru.start + i
			}
			at += a
		}
		return p.src + ru.end
	}
	last := l.runs[len(l.runs)-1]
	return runSrc(b, last, last.end)
}

func runSrc(b *block, ru run, at int) int {
	p := &b.pieces[ru.piece]
	if p.ins {
		return p.src
	}
	return p.src + at
}

func (f *flowView) runMeasurer(l line, p *piece) *measurer {
	size := l.size
	if p.sup {
		size *= supScale
	}
	return f.ms.At(size)
}

// rangeRects are the rectangles, one per line, that cover t (view
// coordinates), with the line heights for the caller to pad.
func (f *flowView) rangeRects(t textRange, fn func(x0, x1, y, h float32, first bool)) {
	if t.block < 0 || t.block >= len(f.lay.blocks) {
		return
	}
	b := &f.blocks[t.block]
	lb := f.lay.blocks[t.block]
	first := true
	for _, l := range lb.lines {
		x0, x1 := float32(-1), float32(-1)
		for _, ru := range l.runs {
			p := &b.pieces[ru.piece]
			if p.ins {
				if p.src > t.start && p.src < t.end {
					x0, x1 = extend(x0, x1, ru.x, ru.x+ru.w)
				}
				continue
			}
			s, e := p.src+ru.start, p.src+ru.end
			a, z := max(s, t.start), min(e, t.end)
			if a >= z {
				continue
			}
			m := f.runMeasurer(l, p)
			xa := ru.x + m.Width(p.text[ru.start:a-p.src], p.style)
			xz := xa + m.Width(p.text[a-p.src:z-p.src], p.style)
			x0, x1 = extend(x0, x1, xa, xz)
		}
		if x1 > x0 {
			fn(f.colX+x0, f.colX+x1, lb.y+lb.gap+l.y, l.h, first)
			first = false
		}
	}
}

func extend(x0, x1, a, z float32) (float32, float32) {
	if x0 < 0 || a < x0 {
		x0 = a
	}
	if z > x1 {
		x1 = z
	}
	return x0, x1
}

// caretRect is where the caret is drawn: before offset off of block bi.
func (f *flowView) caretRect(bi, off int) (fyne.Position, float32, bool) {
	if bi < 0 || bi >= len(f.lay.blocks) {
		return fyne.Position{}, 0, false
	}
	b := &f.blocks[bi]
	lb := f.lay.blocks[bi]
	for li, l := range lb.lines {
		for _, ru := range l.runs {
			p := &b.pieces[ru.piece]
			if p.ins {
				continue
			}
			s, e := p.src+ru.start, p.src+ru.end
			if off < s || off > e || (off == e && li < len(lb.lines)-1 && ru == l.runs[len(l.runs)-1]) {
				continue
			}
			m := f.runMeasurer(l, p)
			x := ru.x + m.Width(p.text[ru.start:off-p.src], p.style)
			return fyne.NewPos(f.colX+x, lb.y+lb.gap+l.y), l.h, true
		}
	}
	return fyne.Position{}, 0, false
}

// paraText is the paragraph text of block bi, rebuilt from its pieces.
func (f *flowView) paraText(bi int) string {
	var sb strings.Builder
	for _, p := range f.blocks[bi].pieces {
		if !p.ins {
			sb.WriteString(p.text)
		}
	}
	return sb.String()
}

// setSelection selects t (clamped to rune boundaries, trimmed of spaces);
// an empty range clears the selection.
func (f *flowView) setSelection(t textRange) {
	if t.block >= 0 && t.block < len(f.blocks) && !t.empty() {
		text := f.paraText(t.block)
		t.start, t.end = clampRange(text, t.start, t.end)
		for t.start < t.end && text[t.start] == ' ' {
			t.start++
		}
		for t.end > t.start && text[t.end-1] == ' ' {
			t.end--
		}
	}
	if t.empty() {
		t = textRange{block: -1}
	}
	f.sel.sel = t
	f.Refresh()
}

func clampRange(text string, start, end int) (int, int) {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if start > end {
		start, end = end, start
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

// selection is the selected range and its text ("" for none).
func (f *flowView) selection() (textRange, string) {
	t := f.sel.sel
	if t.empty() || t.block < 0 || t.block >= len(f.blocks) {
		return textRange{block: -1}, ""
	}
	return t, f.paraText(t.block)[t.start:t.end]
}

func (f *flowView) clearSelection() {
	had := !f.sel.sel.empty()
	f.sel.sel = textRange{block: -1}
	f.Refresh()
	if had && f.sel.onCleared != nil {
		f.sel.onCleared()
	}
}

// MouseDown starts a selection: a press on text sets the caret there; with
// Shift held it extends the selection from the caret instead.
func (f *flowView) MouseDown(ev *desktop.MouseEvent) {
	if !f.sel.enabled || ev.Button != desktop.MouseButtonPrimary {
		return
	}
	f.sel.pressAt, f.sel.pressed, f.sel.dragging = ev.Position, true, false
	if ev.Modifier&fyne.KeyModifierShift != 0 && f.sel.caret >= 0 {
		if bi, off, ok := f.textAt(ev.Position, f.sel.caret); ok {
			f.setSelection(textRange{bi, min(f.sel.anchor, off), max(f.sel.anchor, off)})
			f.sel.dragging = true // MouseUp reports it
		}
	}
}

// Dragged extends the selection from where the button went down to the
// pointer; it stays in the paragraph where the drag began, because an
// anchor is a passage of one paragraph.
func (f *flowView) Dragged(ev *fyne.DragEvent) {
	if !f.sel.enabled {
		return
	}
	start := f.sel.pressAt
	if !f.sel.pressed {
		start = ev.Position.Subtract(ev.Dragged)
		f.sel.pressAt, f.sel.pressed = start, true
	}
	if !f.sel.dragging {
		bi, off, ok := f.textAt(start, -1)
		if !ok {
			return
		}
		f.sel.dragging = true
		f.sel.caret, f.sel.anchor = bi, off
	}
	bi, off, ok := f.textAt(ev.Position, f.sel.caret)
	if !ok || bi != f.sel.caret {
		return
	}
	f.sel.caretOff = off
	f.setSelection(textRange{bi, min(f.sel.anchor, off), max(f.sel.anchor, off)})
	if f.scroll != nil {
		// dragging past the edge of the viewport scrolls the text along
		if y := ev.Position.Y - f.offset(); y > f.viewport()-8 {
			f.scrollTo(f.offset() + f.size)
		} else if y < 8 {
			f.scrollTo(f.offset() - f.size)
		}
	}
}

// DragEnd finishes a mouse selection.
func (f *flowView) DragEnd() { f.endPress() }

// MouseUp finishes a press; a press without a drag is left to Tapped.
func (f *flowView) MouseUp(*desktop.MouseEvent) { f.endPress() }

func (f *flowView) endPress() {
	if !f.sel.pressed {
		return
	}
	dragged := f.sel.dragging
	f.sel.pressed, f.sel.dragging = false, false
	if dragged && !f.sel.sel.empty() && f.sel.onSelected != nil {
		f.sel.onSelected()
	}
}

// tapText handles a tap on the text of a selectable view: a tap on a
// highlight or on its margin mark opens its note, any other tap puts the
// caret there and clears the selection. It reports whether it used the tap.
func (f *flowView) tapText(pos fyne.Position) bool {
	if !f.sel.enabled {
		return false
	}
	if id := f.markAt(pos); id != "" {
		if f.sel.onMarkTap != nil {
			f.sel.onMarkTap(id)
		}
		return true
	}
	if bi, off, ok := f.textAt(pos, -1); ok {
		f.sel.caret, f.sel.caretOff, f.sel.anchor = bi, off, off
	}
	f.clearSelection()
	return false
}

// showCaret: the caret is drawn once the student has used the keyboard to
// select, so that an ordinary tap does not leave a cursor in the text.
func (s *selectState) showCaret() bool { return s.keyboard }

// opaque is c without its transparency (margin marks, swatches).
func opaque(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0xff
	return n
}

// Keyboard selection moves the free end of the selection (or the caret)
// by words and sentences inside the paragraph it is in.
