package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

// lecturerFolder is a class folder holding a lecturer's published file:
// two notes on passages, one on a footnote, a card and a plan; and a file
// cut short beside it. It returns the folder and the lecturer's person id.
func lecturerFolder(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	lee := tempStore(t)
	if err := lee.SetShareName("Prof. Ada Lee"); err != nil {
		t.Fatal(err)
	}
	doc := realDoc(t)
	for i, body := range []string{"**Key point** for Monday", ""} {
		if _, err := lee.AddQuoteNote(doc.Paragraphs[3+4*i].Text[:50], body, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lee.AddNote(store.Note{TargetKind: store.TargetFootnote, TargetID: "12", Body: "the source to read"}); err != nil {
		t.Fatal(err)
	}
	if err := lee.SaveUserCard(store.UserCard{CardID: "lee-1", UserMade: true, Type: "basic",
		Front: "Which body negotiated the convention?", Back: "The Ad Hoc Committee"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lee.SavePlan(lecture.Plan{Article: lee.Current(), Name: "Week 3", Items: []lecture.Item{{Kind: lecture.ItemTimeline}}}); err != nil {
		t.Fatal(err)
	}
	p, err := lee.SharePublisher(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, p.File))
	half := strings.Replace(p.File, p.File[:16], "0123456789abcdef", 1)
	if err := os.WriteFile(filepath.Join(dir, half), data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	id, _ := lee.ShareIdentity()
	return dir, id.Person
}

func sharedMarkCount(u *UI) int {
	n := 0
	for _, m := range u.reader.view.sel.marks {
		if m.shared {
			n++
		}
	}
	return n
}

// TestSharedLayerInWindow: the lecturer's passages are drawn as shared
// marks, their card joins the deck under their name, both go when the
// student hides them, and "copy to my notes" makes a note of the
// student's own; the student's notes are otherwise untouched.
func TestSharedLayerInWindow(t *testing.T) {
	dir, lee := lecturerFolder(t)
	st := tempStore(t)
	if _, err := st.AddQuoteNote(realDoc(t).Paragraphs[5].Text[:40], "mine", nil); err != nil {
		t.Fatal(err)
	}
	if err := st.SetShareSubscriptions([]string{dir}); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Notes(store.NoteFilter{})
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1100, 760)})
	u.sharing.manual = true
	u.startSharing()
	t.Cleanup(u.sharing.stop)
	u.sharing.rescan()

	if n := sharedMarkCount(u); n != 2 {
		t.Errorf("%d shared marks in the reader, want the lecturer's 2 passages: %+v %+v", n, u.reader.view.sel.marks, u.sharing.people())
	}
	cardID := store.SharedCardID(lee, "lee-1")
	c := u.cards.byID[cardID]
	if c == nil || !slices.Contains(c.Tags, "Prof. Ada Lee") {
		t.Errorf("the lecturer's card in the deck = %+v, want it tagged with their name", c)
	}
	if after, _ := st.Notes(store.NoteFilter{}); !reflect.DeepEqual(after, before) {
		t.Errorf("reading the layer changed the student's notes")
	}

	if path := os.Getenv("GLOSSA_CAPTURE"); path != "" {
		u.SetTheme("light")
		u.reader.view.scrollToBlock(u.reader.idx.paraBlock[3])
		saveCapture(t, u.Window(), filepath.Join(path, "share-reader.png"))
	}
	u.sharing.setHidden(lee, true)
	if n := sharedMarkCount(u); n != 0 || u.cards.byID[cardID] != nil {
		t.Errorf("hidden, the lecturer still has %d marks (card in deck: %v)", n, u.cards.byID[cardID] != nil)
	}
	u.sharing.setHidden(lee, false)

	var mark textMark
	for _, m := range u.reader.view.sel.marks {
		if m.shared && m.note {
			mark = m
		}
	}
	p, n, ok := u.reader.sharedNote(mark.id)
	if !ok || n.Body != "**Key point** for Monday" {
		t.Fatalf("the shared mark %q opens %+v", mark.id, n)
	}
	if path := os.Getenv("GLOSSA_CAPTURE"); path != "" {
		u.reader.openSharedNote(mark.id)
		saveCapture(t, u.Window(), filepath.Join(path, "share-note.png"))
	}
	u.reader.copySharedNote(p, n)
	landed(u.services)
	after, _ := st.Notes(store.NoteFilter{})
	if len(after) != len(before)+1 {
		t.Fatalf("after copying the student has %d notes, want %d", len(after), len(before)+1)
	}
	var copied store.Note
	for _, a := range after {
		if a.Body == n.Body {
			copied = a
		}
	}
	if copied.ID == n.ID || !slices.Contains(copied.Tags, "from Prof. Ada Lee") || copied.Anchor.Exact != n.Anchor.Exact {
		t.Errorf("the copy = %+v; want a note of the student's own id on the same passage, tagged with its source", copied)
	}
}

// TestShareDialog: the dialog lists the lecturer and the file cut short
// with its problem, and saving it turns publishing on with the name given.
func TestShareDialog(t *testing.T) {
	dir, _ := lecturerFolder(t)
	st := tempStore(t)
	if err := st.SetShareSubscriptions([]string{dir}); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1100, 800)})
	u.SetTheme("light")
	u.sharing.manual = true
	u.startSharing()
	t.Cleanup(u.sharing.stop)
	u.sharing.rescan()
	u.showShareDialog()
	d := u.shareDlg
	if d == nil || len(d.people.Objects) != 2 {
		t.Fatalf("the dialog lists %v, want the lecturer and the file cut short", d)
	}
	st2, _ := u.sharing.status()
	problems := 0
	for _, s := range st2 {
		problems += len(s.Problems)
	}
	if problems != 1 {
		t.Errorf("%d problems listed, want the file cut short", problems)
	}
	// with GLOSSA_SCREENSHOTS set, the picture the README shows
	if os.Getenv("GLOSSA_SCREENSHOTS") != "" {
		d.folder.SetText("/home/sam/Sync/Law 301 Cybercrime")
		d.name.SetText("Sam Rivera")
		d.publish.SetChecked(true)
		saveCapture(t, u.Window(), filepath.Join("..", "..", "testdata", "screenshots", "share.png"))
	}

	d.folder.SetText(dir)
	d.name.SetText("Sam")
	d.publish.SetChecked(true)
	if err := d.apply(); err != nil {
		t.Fatal(err)
	}
	if on, _, _ := st.Setting(store.SettingSharePublish); on != "on" {
		t.Errorf("publishing is %q after saving with the box ticked", on)
	}
	u.sharing.stop() // writes what is pending, as on quit
	id, _ := st.ShareIdentity()
	files, _ := filepath.Glob(filepath.Join(dir, id.Person+"-*.glossa.json"))
	if len(files) != 1 {
		t.Errorf("after saving and quitting the student's files in the folder are %v, want one", files)
	}
}
