package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/store"
)

// TestSharedFootnoteNote: the lecturer's note on footnote 12 shows in the
// student's popover of that footnote, named, and only there; hiding the
// lecturer takes it away; "Copy to my notes" makes a note of the
// student's own on the footnote, tagged with where it came from.
func TestSharedFootnoteNote(t *testing.T) {
	dir, lee := lecturerFolder(t)
	st := tempStore(t)
	if err := st.SetShareSubscriptions([]string{dir}); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1100, 760)})
	u.SetTheme("light")
	u.sharing.manual = true
	u.startSharing()
	t.Cleanup(u.sharing.stop)
	u.sharing.rescan()
	r := u.reader

	r.goToFootnote(11)
	if got := labelsIn(r.popShared); got != "" {
		t.Errorf("footnote 11, with no shared note, shows %q under it", got)
	}
	r.goToFootnote(12)
	if r.FootnoteShown() != 12 {
		t.Fatalf("the popover shows footnote %d, want 12", r.FootnoteShown())
	}
	got := labelsIn(r.popShared)
	if !strings.Contains(got, "Prof. Ada Lee's note") || !strings.Contains(got, "the source to read") {
		t.Errorf("under footnote 12 the popover shows %q; want the lecturer's note under their name", got)
	}
	if path := os.Getenv("GLOSSA_CAPTURE"); path != "" {
		saveCapture(t, u.Window(), filepath.Join(path, "share-footnote.png"))
	}

	u.sharing.setHidden(lee, true)
	if got := labelsIn(r.popShared); got != "" {
		t.Errorf("the lecturer hidden, the open popover still shows %q", got)
	}
	u.sharing.setHidden(lee, false)
	if !strings.Contains(labelsIn(r.popShared), "Prof. Ada Lee's note") {
		t.Errorf("shown again, the lecturer's note is not back in the open popover")
	}

	copyBtn := findButton(t, r.popShared, "Copy to my notes")
	test.Tap(copyBtn)
	landed(u.services)
	own, err := st.Notes(store.NoteFilter{TargetKind: store.TargetFootnote})
	if err != nil {
		t.Fatal(err)
	}
	if len(own) != 1 || own[0].TargetID != "12" || own[0].Body != "the source to read" || !slices.Contains(own[0].Tags, "from Prof. Ada Lee") {
		t.Errorf("after copying the student's footnote notes are %+v; want one on footnote 12 tagged from the lecturer", own)
	}
	if copyBtn.Text == "Copy to my notes" || !copyBtn.Disabled() {
		t.Errorf("after copying the button still offers to copy (%q)", copyBtn.Text)
	}
}
