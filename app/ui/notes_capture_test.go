//go:build capture

package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
)

// TestNotesCapture writes PNGs of the Notes screen, with notes and one
// open, at the smallest and the usual window sizes into $GLOSSA_CAPTURE,
// for a look without a display.
func TestNotesCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	for _, sz := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1180, Height: 780}} {
		st := tempStore(t)
		u, _ := newTestUI(t, st, Options{Size: sz})
		u.SetTheme("light")
		notesFixture(t, st, u.reader)
		u.Show("Notes")
		save := func(name string) { saveCapture(t, u.Window(), filepath.Join(dir, name+".png")) }
		w := int(sz.Width)
		save("notes-" + strconv.Itoa(w))
		u.notes.list.Select(0)
		save("notes-open-" + strconv.Itoa(w))
	}
}
