//go:build capture

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCapture writes PNGs of the window drawn by the software painter
// into $GLOSSA_CAPTURE, for looking at the layout without a display.
func TestCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	u.SetTheme("light")
	save := func(name string) { saveCapture(t, u.Window(), filepath.Join(dir, name+".png")) }
	r := u.reader
	save("start")
	r.toggleFootnotes()
	for n, bi := range r.idx.markerBlock {
		if r.blocks[bi].kind == blockLost {
			r.view.scrollToBlock(bi - 1)
			save("lost")
			r.showFootnote(n, r.view.lay.blocks[bi].lines[0].runs[0].pos(r.view, bi))
			save("lost-open")
			r.closePopover()
			break
		}
	}
	r.onSearchOpen()
	test.Type(r.search.entry, "sovereign equality")
	r.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	r.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	save("search")
	r.search.close()
	u.SetTheme("dark")
	for r.Zoom() < 2 {
		r.zoomIn()
	}
	save("zoom200-dark")
}
