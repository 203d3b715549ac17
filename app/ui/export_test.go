package ui

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/assets"
)

// tapButton taps the button labelled label in o and returns the dialog
// it opened, removed again from the window.
func tapButton(t *testing.T, u *UI, o fyne.CanvasObject, label string) {
	t.Helper()
	test.Tap(findButton(t, o, label))
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%q opened no dialog", label)
	}
	top.Hide()
	u.Window().Canvas().Overlays().Remove(top)
}

// The Cards screen's "Export to Anki…" asks where to save and writes an
// Anki package holding the whole deck.
func TestCardsExportToAnki(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	u.Show("Cards")
	u.cards.tabs.SelectIndex(1) // Browse
	tapButton(t, u, u.cards.browse.content, "Export to Anki…")
	path := filepath.Join(t.TempDir(), "glossa.apkg")
	u.cards.exportAnki(path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("no package written: %v", err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "collection.anki2,media" {
		t.Errorf("package holds %v", names)
	}
	shipped, err := deck.Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d cards written to glossa.apkg", len(shipped))
	top := u.Window().Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsIn(top), want) {
		t.Errorf("no message saying what was exported: %q", labelsIn(top))
	}
}

// The Notes screen's "Obsidian…" asks for a folder and writes the
// literature note there.
func TestNotesExportToObsidian(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	notesFixture(t, st, u.reader)
	u.Show("Notes")
	tapButton(t, u, u.notes.content, "Markdown…") // offers the file and the folder
	u.notes.onExportObsidianTapped()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no folder dialog")
	}
	u.Window().Canvas().Overlays().Remove(top)
	dir := t.TempDir()
	u.notes.exportObsidian(dir)
	if _, err := os.Stat(filepath.Join(dir, "Mariconda 2025 - UN Cybercrime Convention.md")); err != nil {
		t.Errorf("no literature note: %v", err)
	}
	top = u.Window().Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsIn(top), "notes exported to "+dir) {
		t.Errorf("no message saying what was exported: %q", labelsIn(top))
	}
}

// TestExportCapture writes PNGs of the screens with the export buttons,
// at the smallest window, into $GLOSSA_CAPTURE.
func TestExportCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	st := tempStore(t)
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1024, 768)})
	u.SetTheme("light")
	notesFixture(t, st, u.reader)
	u.Show("Notes")
	tapButton(t, u, u.notes.content, "Markdown…")
	var md *widget.Button
	walkObjects(u.notes.content, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == "Markdown…" {
			md = b
		}
	})
	test.Tap(md)
	saveCapture(t, u.Window(), filepath.Join(dir, "export-notes.png"))
	u.Window().Canvas().Overlays().Remove(u.Window().Canvas().Overlays().Top())
	u.notes.exportObsidian(t.TempDir())
	saveCapture(t, u.Window(), filepath.Join(dir, "export-notes-done.png"))
	u.Window().Canvas().Overlays().Remove(u.Window().Canvas().Overlays().Top())
	u.Show("Cards")
	u.cards.tabs.SelectIndex(1)
	saveCapture(t, u.Window(), filepath.Join(dir, "export-cards.png"))
}

// labelsIn is the text of every label in o.
func labelsIn(o fyne.CanvasObject) string {
	if o == nil {
		return ""
	}
	var b strings.Builder
	walkObjects(o, func(x fyne.CanvasObject) {
		switch l := x.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *widget.RichText:
			b.WriteString(l.String() + "\n")
		}
	})
	return b.String()
}
