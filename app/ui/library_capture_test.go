//go:build capture

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestLibraryCapture draws the Library with the shipped article and every
// real document of the format tests imported, light and dark, into
// $GLOSSA_CAPTURE (the README's screenshot is made this way or by
// scripts/screenshots.sh).
func TestLibraryCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1000, 700)})
	var paths []string
	for _, f := range []string{"free-culture-piracy.docx", "free-culture-introduction.hugo.html", "openlegaldata-stellungnahme-egovg.md", "openlegaldata-research.md"} {
		paths = append(paths, realArticlePath(f))
	}
	<-u.shelfScreen.importFiles(paths)
	for _, o := range u.Window().Canvas().Overlays().List() {
		saveCapture(t, u.Window(), filepath.Join(dir, "library-summary.png"))
		u.Window().Canvas().Overlays().Remove(o)
	}
	l := u.shelfScreen
	if err := u.openArticle(l.items[len(l.items)-1].ID); err != nil {
		t.Fatal(err)
	}
	u.Show("Library")
	for _, th := range []string{"light", "dark"} {
		u.SetTheme(th)
		saveCapture(t, u.Window(), filepath.Join(dir, "library-"+th+".png"))
	}
	l.onRemoveTapped(l.items[2])
	saveCapture(t, u.Window(), filepath.Join(dir, "library-undo.png"))
	u.SetTheme("light")
	l.showProblems(l.items[0])
	saveCapture(t, u.Window(), filepath.Join(dir, "library-problems.png"))
	for _, o := range u.Window().Canvas().Overlays().List() {
		u.Window().Canvas().Overlays().Remove(o)
	}
	u.Show("Cards")
	saveCapture(t, u.Window(), filepath.Join(dir, "library-cards.png"))
	u.reader.onSearchOpen()
	u.reader.search.everywhere.SetChecked(true)
	test.Type(u.reader.search.entry, "copyright")
	saveCapture(t, u.Window(), filepath.Join(dir, "library-search.png"))
}
