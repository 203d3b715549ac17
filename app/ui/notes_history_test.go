package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/store"
)

// findButton is the visible button labelled label inside o.
func findButton(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var b *widget.Button
	walkObjects(o, func(x fyne.CanvasObject) {
		if w, ok := x.(*widget.Button); ok && w.Text == label {
			b = w
		}
	})
	if b == nil {
		t.Fatalf("no %q button", label)
	}
	return b
}

// TestNoteHistoryInUI: a classmate's bundle replaced a note; its History
// button lists the earlier version, shows its text and brings it back,
// and the version brought back over is kept in turn.
func TestNoteHistoryInUI(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	u.SetTheme("light")
	pi, start, end := quoteIn(t, u.reader, "2")
	mine, err := st.AddNote(store.Note{Anchor: anchor.At(u.doc.Paragraphs, pi, start, end), Color: "green",
		Body: "My own reading: **sovereignty** first.", Tags: []string{"mine"}})
	if err != nil {
		t.Fatal(err)
	}
	b := store.Bundle{Format: store.BundleFormat, Version: store.BundleVersion, Exported: "2099-01-01T00:00:00Z"}
	var buf strings.Builder
	if _, err := st.ExportBundle(&buf); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(buf.String()), &b)
	b.Notes[0].Body, b.Notes[0].Tags, b.Notes[0].Updated = "A classmate's note.", []string{"theirs"}, "2099-01-01T00:00:00Z"
	data, _ := json.Marshal(b)
	if res, err := st.ImportBundle(data); err != nil || res.Updated != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}

	u.Show("Notes")
	s := u.notes
	s.list.Select(0)
	if s.editor.note.ID != mine.ID || s.editor.body.Text != "A classmate's note." {
		t.Fatalf("editor shows %s %q", s.editor.note.ID, s.editor.body.Text)
	}
	test.Tap(findButton(t, s.editor.box, "History"))
	landed(u.services)
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("History opened nothing")
	}
	if msg := dialogText(t, u); !strings.Contains(msg, "My own reading") || !strings.Contains(msg, "replaced by an import") ||
		!strings.Contains(msg, "#mine") {
		t.Fatalf("history dialog says %q", msg)
	}
	if dir := os.Getenv("GLOSSA_CAPTURE"); dir != "" {
		saveCapture(t, u.Window(), filepath.Join(dir, "notes-history.png"))
	}
	test.Tap(findButton(t, top, "Restore this version"))
	landed(u.services)
	n, err := st.Note(mine.ID)
	if err != nil || n.Body != mine.Body || strings.Join(n.Tags, ",") != "mine" || n.Color != "green" {
		t.Fatalf("after restore: %+v %v", n, err)
	}
	if s.editor.body.Text != mine.Body || !strings.Contains(s.editor.status.Text, "Restored") {
		t.Fatalf("editor after restore: %q, status %q", s.editor.body.Text, s.editor.status.Text)
	}
	if top.Visible() {
		t.Error("the history dialog stayed open after the restore")
	}
	hist, _ := st.NoteHistory(mine.ID)
	if len(hist) != 2 || hist[0].Body != "A classmate's note." || hist[0].Source != store.RevisionRestore {
		t.Fatalf("history after the restore: %+v", hist)
	}
}

// TestNoteHistoryEmpty: a note without earlier versions says so, and how
// versions come to be kept.
func TestNoteHistoryEmpty(t *testing.T) {
	u, _ := withFirstNoteOpen(t)
	test.Tap(findButton(t, u.notes.editor.box, "History"))
	landed(u.services)
	if msg := dialogText(t, u); !strings.Contains(msg, "no earlier versions") {
		t.Fatalf("history of a new note says %q", msg)
	}
}

// TestEditorTagLimit: a tag over the limit every way in shares is refused
// in the editor as it is by "notes add" and by import, and said so.
func TestEditorTagLimit(t *testing.T) {
	u, st := withFirstNoteOpen(t)
	s := u.notes
	id := s.editor.note.ID
	s.editor.tags.SetText("fine, " + strings.Repeat("x", store.MaxTagBytes+1))
	s.saver.flush()
	if !strings.Contains(s.editor.status.Text, "more than 100") {
		t.Fatalf("status %q", s.editor.status.Text)
	}
	if n, _ := st.Note(id); strings.Contains(strings.Join(n.Tags, ","), "xxx") {
		t.Fatalf("the long tag was saved: %v", n.Tags)
	}
}

// withFirstNoteOpen is the Notes screen over the notes of notesFixture,
// with the first note open in the editor.
func withFirstNoteOpen(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	notesFixture(t, st, u.reader)
	u.Show("Notes")
	u.notes.list.Select(0)
	return u, st
}
