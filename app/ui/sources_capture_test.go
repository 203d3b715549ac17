//go:build capture

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCaptureSources writes PNGs of the Sources screen drawn by the
// software painter into $GLOSSA_CAPTURE, light and dark, at two sizes.
func TestCaptureSources(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	for _, sz := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		u, _ := newTestUI(t, tempStore(t), Options{Size: sz})
		u.Show("Sources")
		s := u.sources
		test.Type(s.search, "malksoo")
		s.move(0)
		for _, th := range []string{"light", "dark"} {
			u.SetTheme(th)
			saveCapture(t, u.Window(), filepath.Join(dir, "sources-"+th+"-"+fmtInt(int(sz.Width))+".png"))
		}
	}
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	u.SetTheme("light")
	u.reader.goToFootnote(69)
	saveCapture(t, u.Window(), filepath.Join(dir, "popover-69.png"))
}
