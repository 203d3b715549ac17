package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// toolbarParts are the visible widgets of the reader's toolbar with
// where they are drawn, relative to the toolbar row.
func toolbarParts(r *Reader) (names []string, rects [][4]float32) {
	row := r.toolbarRow
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(row)
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case *widget.Button:
			names = append(names, fmt.Sprintf("button %q", w.Text))
		case *widget.Label:
			names = append(names, fmt.Sprintf("label %q", w.Text))
		case *widget.Select:
			names = append(names, "theme menu")
		default:
			names = append(names, fmt.Sprintf("%T", o))
		}
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Subtract(origin)
		rects = append(rects, [4]float32{p.X, p.Y, p.X + o.Size().Width, p.Y + o.Size().Height})
	}
	walk(row)
	return names, rects
}

// At 200 % in a 1000x700 window the reader's toolbar fits: no button,
// label or menu overlaps another or runs past the row's right edge, at
// any zoom step up to 200 %.
func TestReaderToolbarFitsWhenZoomed(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1000, 700)})
	r := u.reader
	for _, z := range []float32{1, 1.5, 2} {
		u.setZoom(z)
		u.Window().Resize(fyne.NewSize(1000, 700))
		u.Window().Content().Refresh()
		if dir := os.Getenv("GLOSSA_CAPTURE"); dir != "" {
			saveCapture(t, u.Window(), filepath.Join(dir, fmt.Sprintf("reader-toolbar-%.0f.png", z*100)))
		}
		names, rects := toolbarParts(r)
		if len(rects) < 8 {
			t.Fatalf("zoom %.0f%%: %d toolbar parts found (%v), want the whole toolbar", z*100, len(rects), names)
		}
		width := r.toolbarRow.Size().Width
		for i, a := range rects {
			if a[0] < -0.5 || a[2] > width+0.5 {
				t.Errorf("zoom %.0f%%: %s spans x %.0f–%.0f, outside the toolbar (0–%.0f)", z*100, names[i], a[0], a[2], width)
			}
			for j := i + 1; j < len(rects); j++ {
				b := rects[j]
				if a[0] < b[2]-0.5 && b[0] < a[2]-0.5 && a[1] < b[3]-0.5 && b[1] < a[3]-0.5 {
					t.Errorf("zoom %.0f%%: %s (x %.0f–%.0f) overlaps %s (x %.0f–%.0f)", z*100, names[i], a[0], a[2], names[j], b[0], b[2])
				}
			}
		}
	}
}
