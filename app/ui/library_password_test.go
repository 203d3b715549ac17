package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestLibraryAsksForPDFPassword: a PDF locked with a password is not
// refused outright: the Library asks for it, says so when it is wrong,
// and reads the file with the right one (testdata/pdf/README.md: the
// treaty's password is "glossa", 18 notes).
func TestLibraryAsksForPDFPassword(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the PDF engine (seconds); CI runs it")
	}
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	l := u.shelfScreen
	l.passwordAsked = make(chan *widget.Entry, 1)
	done := l.importFiles([]string{"../../testdata/pdf/treaty-password.pdf"})
	open := func(pw string) {
		e := <-l.passwordAsked
		test.Type(e, pw)
		overlay := u.Window().Canvas().Overlays().Top()
		if overlay == nil {
			t.Fatal("no dialog asks for the password")
		}
		test.Tap(findButton(t, overlay, "Open"))
	}
	open("not-it")
	e := <-l.passwordAsked // asked again, saying the first was wrong
	var said bool
	walkObjects(u.Window().Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if lb, ok := o.(*widget.Label); ok && strings.Contains(lb.Text, "did not open") {
			said = true
		}
	})
	if !said {
		t.Error("a wrong password is not said to be wrong")
	}
	if path := os.Getenv("GLOSSA_CAPTURE"); path != "" {
		saveCapture(t, u.Window(), filepath.Join(path, "pdf-password.png"))
	}
	l.passwordAsked <- e // hand it back to open
	open("glossa")
	<-done
	got := strings.Join(l.lastSummary, "\n")
	if !strings.Contains(got, "added") || !strings.Contains(got, "18 footnotes") {
		t.Errorf("summary after the right password: %q", got)
	}
}
