package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The marks of notes in the text: the highlights drawn under the words
// and the marks in the margin that open a note, placed by the text
// engine that knows where every run is drawn (notes_select.go).

// marginMarks calls fn with the margin mark of every note in blocks
// [from, to]: marks of notes that start on the same line stand side by
// side, leftwards, so that each can be tapped.
func (f *flowView) marginMarks(from, to int, fn func(m textMark, x, y, w, h float32)) {
	used := map[float32]float32{} // margin taken on each line
	for _, m := range f.sel.marks {
		if m.block < from || m.block > to {
			continue
		}
		f.rangeRects(m.textRange, func(x0, x1, y, h float32, first bool) {
			if !first {
				return
			}
			w := float32(6)
			if m.note {
				w = 12 // a note with text: a wider mark
			}
			x := f.colX - 4 - w - used[y]
			used[y] += w + 3
			fn(m, x, y, w, h)
		})
	}
}

// markAt is the note whose margin mark or highlight is under pos.
func (f *flowView) markAt(pos fyne.Position) string {
	if len(f.lay.blocks) == 0 {
		return ""
	}
	bi := f.lay.blockAt(pos.Y)
	hit := ""
	f.marginMarks(bi, bi, func(m textMark, x, y, w, h float32) {
		if pos.Y >= y && pos.Y < y+h && pos.X >= x-1.5 && pos.X < x+w+1.5 {
			hit = m.id
		}
	})
	if hit != "" {
		return hit
	}
	for i := len(f.sel.marks) - 1; i >= 0 && hit == ""; i-- {
		m := f.sel.marks[i]
		if m.block != bi {
			continue
		}
		f.rangeRects(m.textRange, func(x0, x1, y, h float32, first bool) {
			if pos.Y >= y && pos.Y < y+h && pos.X >= x0 && pos.X < x1 {
				hit = m.id
			}
		})
	}
	return hit
}

// markRect is the centre of note id's margin mark (view coordinates).
func (f *flowView) markRect(id string) (fyne.Position, bool) {
	var at fyne.Position
	ok := false
	f.marginMarks(0, len(f.blocks), func(m textMark, x, y, w, h float32) {
		if m.id == id {
			at, ok = fyne.NewPos(x+w/2, y+h/2), true
		}
	})
	return at, ok
}

// placeMarks draws the highlights, the selection, the caret and the margin
// marks of the lines between top and bottom, behind the text.
func (r *flowRenderer) placeMarks(top, bottom float32) {
	f := r.f
	if !f.sel.enabled {
		return
	}
	n := 0
	rect := func() *canvas.Rectangle {
		if n == len(r.rects) {
			r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
		}
		x := r.rects[n]
		n++
		return x
	}
	visible := func(t textRange) bool {
		if t.block < 0 || t.block >= len(f.lay.blocks) {
			return false
		}
		lb := f.lay.blocks[t.block]
		return lb.y+lb.h >= top && lb.y <= bottom
	}
	th := f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pad := f.size * 0.12
	dv := drawnVariant()
	for _, m := range f.sel.marks {
		if !visible(m.textRange) {
			continue
		}
		fill := highlightColor(m.color, dv)
		f.rangeRects(m.textRange, func(x0, x1, y, h float32, first bool) {
			hl := rect()
			hl.FillColor, hl.CornerRadius, hl.StrokeWidth = fill, 3, 0
			hl.Move(fyne.NewPos(x0-1, y+pad))
			hl.Resize(fyne.NewSize(x1-x0+2, h-2*pad))
			if m.shared {
				hl.FillColor = opaque(fill)
				hl.Move(fyne.NewPos(x0, y+h-pad-1))
				hl.Resize(fyne.NewSize(x1-x0, 2.5))
			}
		})
	}
	if len(f.lay.blocks) > 0 {
		f.marginMarks(f.lay.blockAt(top), f.lay.blockAt(bottom), func(m textMark, x, y, w, h float32) {
			mk := rect()
			mk.FillColor, mk.CornerRadius, mk.StrokeWidth = opaque(highlightColor(m.color, dv)), 3, 0
			if m.shared {
				mk.FillColor, mk.StrokeColor, mk.StrokeWidth = color.Transparent, mk.FillColor, 1.5
			}
			mk.Move(fyne.NewPos(x, y+pad))
			mk.Resize(fyne.NewSize(w, h-2*pad))
		})
	}
	if t := f.sel.sel; !t.empty() && visible(t) {
		sc := th.Color(theme.ColorNameSelection, v)
		edge := th.Color(theme.ColorNamePrimary, v)
		f.rangeRects(t, func(x0, x1, y, h float32, first bool) {
			s := rect()
			// outlined, so that a selection over a blue highlight still shows
			s.FillColor, s.CornerRadius, s.StrokeWidth, s.StrokeColor = sc, 2, 1, edge
			s.Move(fyne.NewPos(x0-1, y+pad/2))
			s.Resize(fyne.NewSize(x1-x0+2, h-pad))
		})
	} else if f.sel.caret >= 0 && f.sel.showCaret() {
		if at, h, ok := f.caretRect(f.sel.caret, f.sel.caretOff); ok && at.Y+h >= top && at.Y <= bottom {
			c := rect()
			c.FillColor, c.CornerRadius, c.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 0, 0
			c.Move(fyne.NewPos(at.X-1, at.Y+pad))
			c.Resize(fyne.NewSize(2, h-2*pad))
		}
	}
	for _, x := range r.rects[:n] {
		x.Show()
		x.Refresh()
		r.objs = append(r.objs, x)
	}
	for _, x := range r.rects[n:] {
		x.Hide()
	}
}
