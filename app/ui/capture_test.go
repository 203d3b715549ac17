package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestCapture writes PNGs of the window drawn by the software painter
// into $GLOSSA_CAPTURE, for looking at the layout without a display.
func TestCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	save := func(name string) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.Window().Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	save("start")
	u.reader.goToSection(3, false)
	u.reader.toggleFootnotes()
	save("section")
	u.reader.goToFootnote(17)
	save("footnote")
}
