package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/store"
)

var bigWindow = Options{Size: fyne.NewSize(1280, 800)}

// quoteIn picks a passage of the article in section sec: a run of words
// in the middle of its first long paragraph, found only there.
func quoteIn(t *testing.T, r *Reader, sec string) (pi, start, end int) {
	t.Helper()
	for i, p := range r.doc.Paragraphs {
		if p.Section != sec && !strings.HasPrefix(p.Section, sec+".") || len(p.Text) < 400 {
			continue
		}
		start = strings.Index(p.Text[100:], " ") + 101
		end = start + strings.LastIndex(p.Text[start:start+90], " ")
		q := p.Text[start:end]
		if k, s, _, ok := anchor.Find(r.doc.Paragraphs, q); ok && k == i && s == start {
			return i, start, end
		}
	}
	t.Fatalf("no passage in section %s", sec)
	return
}

// dragSelect selects from one text offset to another of paragraph pi as
// the mouse does: press, drag, release, with the events the desktop
// driver sends to the text view.
func dragSelect(t *testing.T, r *Reader, pi, start, end int) {
	t.Helper()
	v := r.view
	bi := r.idx.paraBlock[pi]
	v.scrollToBlock(bi)
	from, h, ok := v.caretRect(bi, start)
	to, _, ok2 := v.caretRect(bi, end)
	if !ok || !ok2 {
		t.Fatalf("offsets %d, %d of paragraph %d are not drawn", start, end, pi)
	}
	from.Y += h / 2
	to.Y += h / 2
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.Delta{DX: mid.X - from.X, DY: mid.Y - from.Y}})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DX: to.X - mid.X, DY: to.Y - mid.Y}})
	v.DragEnd()
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
}

func barSwatch(t *testing.T, r *Reader, name string) *swatch {
	t.Helper()
	if r.bar == nil {
		t.Fatal("no action bar")
	}
	for _, o := range r.bar.Content.(*fyne.Container).Objects {
		if s, ok := o.(*swatch); ok && s.name == name {
			return s
		}
	}
	t.Fatalf("no %s swatch in the action bar", name)
	return nil
}

func barButton(t *testing.T, r *Reader, label string) *widget.Button {
	t.Helper()
	for _, o := range r.bar.Content.(*fyne.Container).Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no %q button in the action bar", label)
	return nil
}

func markOf(r *Reader, id string) (textMark, bool) {
	for _, m := range r.view.sel.marks {
		if m.id == id {
			return m, true
		}
	}
	return textMark{}, false
}

// TestSelectHighlightNoteRestart is the test: select a passage
// with the mouse, highlight it, write a note on it, restart: the note and
// the highlight are back on the same passage.
func TestSelectHighlightNoteRestart(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	pi, start, end := quoteIn(t, r, "3")
	want := r.doc.Paragraphs[pi].Text[start:end]

	dragSelect(t, r, pi, start, end)
	sel, quote := r.view.selection()
	if quote != want {
		t.Fatalf("selected %q, want %q", quote, want)
	}
	if !r.ActionBarShown() {
		t.Fatal("no action bar after selecting")
	}
	test.Tap(barSwatch(t, r, "green"))
	landed(u.services)
	if r.ActionBarShown() {
		t.Error("the action bar stays open after highlighting")
	}
	notes, err := st.Notes(store.NoteFilter{})
	if err != nil || len(notes) != 1 {
		t.Fatalf("notes after highlighting: %v %v", notes, err)
	}
	n := notes[0]
	if n.Quote() != want || n.Color != "green" || n.TargetID != r.doc.Paragraphs[pi].ID || n.Anchor.Start != start {
		t.Fatalf("highlight stored as %+v", n)
	}
	m, ok := markOf(r, n.ID)
	if !ok || m.textRange != sel || m.color != "green" || m.note {
		t.Fatalf("highlight drawn as %+v (%v), selection was %+v", m, ok, sel)
	}

	// the mark in the margin opens the note beside the text
	at, ok := r.view.markRect(n.ID)
	if !ok {
		t.Fatal("no margin mark")
	}
	r.view.Tapped(&fyne.PointEvent{Position: at})
	if !r.noteEd.open || r.noteEd.note.ID != n.ID || !r.noteBox.Visible() {
		t.Fatal("tapping the margin mark did not open the note")
	}
	if u.Window().Canvas().Focused() != r.noteEd.body {
		t.Error("the note's text does not have the keyboard")
	}
	test.Type(r.noteEd.body, "Sovereignty *as* a shield")
	u.Window().Canvas().Focus(r.noteEd.tags)
	test.Type(r.noteEd.tags, "exam, ch3")
	u.Window().Canvas().Focus(r.noteEd.body) // the tags entry loses the focus: saved
	u.Window().Close()                       // closing the window saves the text typed
	st.Close()

	st2 := openTestStore(t, path)
	u2, _ := newTestUI(t, st2, bigWindow)
	got, err := st2.Note(n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "Sovereignty *as* a shield" || strings.Join(got.Tags, ",") != "exam,ch3" || got.Color != "green" {
		t.Fatalf("after restart: body %q tags %v color %q", got.Body, got.Tags, got.Color)
	}
	m2, ok := markOf(u2.reader, n.ID)
	if !ok || m2.textRange != sel || m2.color != "green" || !m2.note {
		t.Fatalf("after restart the highlight is %+v (%v), want %+v", m2, ok, sel)
	}
	if text := u2.reader.view.paraText(m2.block)[m2.start:m2.end]; text != want {
		t.Fatalf("after restart the highlight covers %q", text)
	}
}

// fakeTimers replaces the saver's clock: tests fire the timers themselves.
type fakeTimers struct {
	delays []time.Duration
	fire   []func()
}

func (f *fakeTimers) after(d time.Duration, fn func()) func() bool {
	f.delays = append(f.delays, d)
	f.fire = append(f.fire, fn)
	return func() bool { return true }
}

// TestNoteSavedAsYouType: the first keystroke arms one write at most half
// a second later; more typing does not push it back; the timer writes the
// latest text; closing the editor writes what is pending.
func TestNoteSavedAsYouType(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	timers := &fakeTimers{}
	u.notes.saver.after = timers.after

	pi, start, end := quoteIn(t, r, "2")
	dragSelect(t, r, pi, start, end)
	test.Tap(barButton(t, r, "Note"))
	landed(u.services)
	id := r.noteEd.note.ID
	if id == "" || !r.noteEd.open {
		t.Fatal("Note did not open the editor")
	}
	test.Type(r.noteEd.body, "abc")
	if len(timers.fire) != 1 || timers.delays[0] > 500*time.Millisecond {
		t.Fatalf("typing armed %d timers (%v), want one of at most 500ms", len(timers.fire), timers.delays)
	}
	if n, _ := st.Note(id); n.Body != "" {
		t.Fatalf("written before the timer: %q", n.Body)
	}
	timers.fire[0]()
	if n, _ := st.Note(id); n.Body != "abc" {
		t.Fatalf("after the timer the note is %q", n.Body)
	}
	if r.noteEd.status.Text != "Saved" {
		t.Errorf("status %q", r.noteEd.status.Text)
	}
	if m, _ := markOf(r, id); !m.note {
		t.Error("the margin mark does not show that the note has text")
	}
	test.Type(r.noteEd.body, "de")
	if len(timers.fire) != 2 {
		t.Fatalf("%d timers after more typing", len(timers.fire))
	}
	if !u.notes.saver.dirty() {
		t.Fatal("typed text not pending")
	}
	r.noteEd.close()
	landed(u.services)
	if n, _ := st.Note(id); n.Body != "abcde" {
		t.Fatalf("closing the editor left %q", n.Body)
	}
	if r.noteBox.Visible() {
		t.Error("the editor is still shown")
	}
	timers.fire[1]() // a late timer writes nothing new
	if n, _ := st.Note(id); n.Body != "abcde" {
		t.Fatalf("late timer: %q", n.Body)
	}
}

// TestNoteTagsSavedAsYouType: tags typed go through the text's saver:
// one write at most half a second after the first keystroke, with the
// text typed meanwhile; "Saved" only once both are on disk; closing the
// editor writes what is pending; Esc in the tags (or the text) closes the
// editor. The same in the Notes screen's editor, whose list and tag
// filter follow.
func TestNoteTagsSavedAsYouType(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	c := u.Window().Canvas()
	timers := &fakeTimers{}
	u.notes.saver.after = timers.after
	tagsOf := func(id string) string {
		t.Helper()
		n, err := st.Note(id)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(n.Tags, ",")
	}

	pi, start, end := quoteIn(t, r, "2")
	dragSelect(t, r, pi, start, end)
	test.Tap(barButton(t, r, "Note"))
	landed(u.services)
	ed := r.noteEd
	id := ed.note.ID
	test.Type(ed.body, "abc")
	timers.fire[0]()
	if ed.status.Text != "Saved" {
		t.Fatalf("status after the text is written: %q", ed.status.Text)
	}
	c.Focus(ed.tags)
	landed(u.services) // losing the focus wrote what was pending
	test.Type(ed.tags, "exam, art4")
	if len(timers.fire) != 2 || timers.delays[1] > 500*time.Millisecond {
		t.Fatalf("typing tags armed %d timers (%v), want one more of at most 500ms", len(timers.fire), timers.delays)
	}
	if ed.status.Text == "Saved" {
		t.Error(`"Saved" shown while the tags are not written`)
	}
	if got := tagsOf(id); got != "" {
		t.Fatalf("tags written before the timer: %q", got)
	}
	timers.fire[1]()
	if got := tagsOf(id); got != "exam,art4" {
		t.Fatalf("after the timer the tags are %q, want exam,art4", got)
	}
	if ed.status.Text != "Saved" {
		t.Errorf("status after the tags are written: %q", ed.status.Text)
	}
	if c.Focused() != ed.tags {
		t.Fatal("saving took the keyboard from the tags")
	}

	// text and tags typed before one timer fires are written together
	// (test.Type leaves the focus where it is: moving it writes at once)
	test.Type(ed.body, "d")
	test.Type(ed.tags, ", ch3")
	if len(timers.fire) != 3 {
		t.Fatalf("%d timers: text and tags typed together armed more than one", len(timers.fire))
	}
	timers.fire[2]()
	if n, _ := st.Note(id); n.Body != "abcd" || strings.Join(n.Tags, ",") != "exam,art4,ch3" {
		t.Fatalf("one timer wrote body %q tags %v", n.Body, n.Tags)
	}

	// Esc in the tags closes the editor, writing what is pending
	test.Type(ed.tags, ", late")
	pressKey(c, fyne.KeyEscape)
	landed(u.services)
	if ed.open || r.noteBox.Visible() {
		t.Fatal("Esc in the tags did not close the editor")
	}
	if got := tagsOf(id); got != "exam,art4,ch3,late" {
		t.Fatalf("Esc left the tags %q", got)
	}
	if c.Focused() != nil {
		t.Error("the closed editor keeps the keyboard")
	}
	timers.fire[3]() // a late timer writes nothing
	if got := tagsOf(id); got != "exam,art4,ch3,late" {
		t.Fatalf("late timer: %q", got)
	}
	// and in the text
	r.openNote(id)
	c.Focus(ed.body)
	test.Type(ed.body, "e")
	pressKey(c, fyne.KeyEscape)
	landed(u.services)
	if n, _ := st.Note(id); ed.open || n.Body != "abcde" {
		t.Fatalf("Esc in the text: open %v, body %q", ed.open, n.Body)
	}

	// the Notes screen's editor: same saver; the row and the tag filter
	// show the new tag once written
	u.Show("Notes")
	s := u.notes
	for i, n := range s.shown {
		if n.ID == id {
			s.list.Select(i)
		}
	}
	if !s.editor.open || s.editor.note.ID != id {
		t.Fatal("the note did not open in the Notes screen")
	}
	c.Focus(s.editor.tags)
	landed(u.services) // losing the focus wrote what was pending
	armed := len(timers.fire)
	test.Type(s.editor.tags, ", revision")
	n := len(timers.fire)
	if n != armed+1 {
		t.Fatalf("typing tags in the Notes screen armed %d timers", n-armed)
	}
	timers.fire[n-1]()
	if got := tagsOf(id); got != "exam,art4,ch3,late,revision" {
		t.Fatalf("Notes screen tags written: %q", got)
	}
	if s.editor.status.Text != "Saved" || !hasTag(s.tag.Options, "revision") {
		t.Fatalf("status %q, tag filter %v", s.editor.status.Text, s.tag.Options)
	}
	for i, n := range s.shown {
		if n.ID == id && !hasTag(n.Tags, "revision") {
			t.Errorf("the list's row %d has the tags %v", i, n.Tags)
		}
	}
	test.Type(s.editor.tags, ", last")
	u.Window().Close() // quitting writes what is pending
	if got := tagsOf(id); got != "exam,art4,ch3,late,revision,last" {
		t.Fatalf("after closing the window: %q", got)
	}
}

// TestKeyboardSelection: Shift+Down selects sentence by sentence from the
// first paragraph in view, Shift+Right adds a word, h highlights.
func TestKeyboardSelection(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	pi, _, _ := quoteIn(t, r, "3")
	r.view.scrollToBlock(r.idx.paraBlock[pi])
	text := r.doc.Paragraphs[pi].Text
	c := u.Window().Canvas()

	r.onModifier(desktop.KeyShiftLeft, true)
	pressKey(c, fyne.KeyDown)
	sel, quote := r.view.selection()
	first := text[:nextSentence(text, 0)]
	if sel.block != r.idx.paraBlock[pi] || quote != first {
		t.Fatalf("Shift+Down selected %q, want the first sentence %q", quote, first)
	}
	if !r.ActionBarShown() {
		t.Error("no action bar for a keyboard selection")
	}
	pressKey(c, fyne.KeyDown)
	_, two := r.view.selection()
	if len(two) <= len(first) || !strings.HasPrefix(two, first) {
		t.Fatalf("second Shift+Down: %q", two)
	}
	pressKey(c, fyne.KeyUp)
	if _, q := r.view.selection(); q != first {
		t.Fatalf("Shift+Up went back to %q", q)
	}
	pressKey(c, fyne.KeyRight)
	_, more := r.view.selection()
	if !strings.HasPrefix(more, first) || len(strings.Fields(more)) != len(strings.Fields(first))+1 {
		t.Fatalf("Shift+Right: %q", more)
	}
	r.onModifier(desktop.KeyShiftLeft, false)
	before := r.view.offset()
	pressKey(c, fyne.KeyDown) // without Shift the arrows scroll again
	if r.view.offset() == before {
		t.Error("Down without Shift did not scroll")
	}
	c.OnTypedRune()('3')
	landed(u.services)
	notes, _ := st.Notes(store.NoteFilter{})
	if len(notes) != 1 || notes[0].Quote() != more || notes[0].Color != highlightColors[2].name {
		t.Fatalf("3 with a selection made %+v", notes)
	}
	if _, q := r.view.selection(); q != "" {
		t.Errorf("selection %q left after highlighting", q)
	}
	pressKey(c, fyne.KeyEscape)
}

// TestSentenceSteps: abbreviations the article uses do not end a sentence.
func TestSentenceSteps(t *testing.T) {
	text := "See n. 22 and Art. 4 of the Convention. States agree; others do not! Last one"
	var got []string
	for off := 0; off < len(text); {
		end := nextSentence(text, off)
		got = append(got, strings.TrimSpace(text[off:end]))
		off = end
	}
	want := []string{"See n. 22 and Art. 4 of the Convention.", "States agree;", "others do not!", "Last one"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences %q", got)
	}
	if p := prevSentence(text, len(text)); text[p:] != "Last one" {
		t.Fatalf("prevSentence: %q", text[p:])
	}
	if w := nextWord(text, 0); text[:w] != "See" {
		t.Fatalf("nextWord %q", text[:w])
	}
	if w := prevWord(text, 3); w != 0 {
		t.Fatalf("prevWord %d", w)
	}
}

// TestNoteOnFootnote: the footnote popover's Note button opens a note on
// that footnote; it is saved and listed with the footnote's text.
func TestNoteOnFootnote(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	r.goToFootnote(17)
	if r.FootnoteShown() != 17 {
		t.Fatal("footnote 17 not shown")
	}
	var noteB *widget.Button
	walkObjects(r.pop, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Note" {
			noteB = b
		}
	})
	if noteB == nil {
		t.Fatal("no Note button in the footnote popover")
	}
	test.Tap(noteB)
	landed(u.services)
	if r.FootnoteShown() != 0 || !r.noteEd.open || r.noteEd.note.TargetKind != store.TargetFootnote || r.noteEd.note.TargetID != "17" {
		t.Fatalf("editor after Note: open %v, %+v", r.noteEd.open, r.noteEd.note)
	}
	if !strings.Contains(r.noteEd.quote.Text, r.footnote(17).Text[:20]) {
		t.Errorf("the editor quotes %q", r.noteEd.quote.Text)
	}
	test.Type(r.noteEd.body, "check this source")
	r.noteEd.close()
	landed(u.services)
	notes, _ := st.Notes(store.NoteFilter{TargetKind: store.TargetFootnote})
	if len(notes) != 1 || notes[0].Body != "check this source" || notes[0].TargetID != "17" {
		t.Fatalf("footnote notes %+v", notes)
	}
	// the same footnote's button opens the same note again
	r.noteOnFootnote(17)
	landed(u.services)
	if r.noteEd.note.ID != notes[0].ID || r.noteEd.body.Text != "check this source" {
		t.Fatal("a second note was made for the same footnote")
	}
}

// notesFixture stores notes of several kinds on the real article.
func notesFixture(t *testing.T, st *store.Store, r *Reader) (byQuote map[string]store.Note) {
	t.Helper()
	byQuote = map[string]store.Note{}
	add := func(sec, color, body string, tags ...string) {
		pi, start, end := quoteIn(t, r, sec)
		n, err := st.AddNote(store.Note{Anchor: anchor.At(r.doc.Paragraphs, pi, start, end), Color: color, Body: body, Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		byQuote[n.Quote()] = n
	}
	add("1", "yellow", "the Convention's origin", "history")
	add("2", "green", "sovereign equality in the negotiations", "exam", "sovereignty")
	add("3", "blue", "information security, Russian view", "exam")
	add("4", "pink", "non-interference", "principles")
	// a note whose passage is not in this version of the article
	orphan, err := st.AddNote(store.Note{TargetID: "gone-paragraph", Anchor: anchor.Anchor{Exact: "a sentence a later parser removed", Paragraph: "gone-paragraph"}, Body: "lost passage"})
	if err != nil || !orphan.Orphan {
		t.Fatalf("orphan: %+v %v", orphan, err)
	}
	byQuote[orphan.Quote()] = orphan
	return byQuote
}

func shownBodies(s *notesScreen) string {
	var b []string
	for _, n := range s.shown {
		b = append(b, n.Body)
	}
	return strings.Join(b, "|")
}

// TestNotesScreen: every note with its quote, fuzzy search over quote,
// body and tags, filters, orphans apart, trash and restore, the jump to
// the passage.
func TestNotesScreen(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	fx := notesFixture(t, st, u.reader)
	s := u.notes
	u.Show("Notes")
	if len(s.shown) != 4 {
		t.Fatalf("%d notes listed, want the 4 placed ones: %s", len(s.shown), shownBodies(s))
	}
	row := newNoteRow().(*noteRow)
	row.set(s.shown[0], fyne.CurrentApp().Settings().ThemeVariant())
	if !strings.Contains(row.quote.Text, s.shown[0].Quote()) || !strings.Contains(row.meta.Text, "#history") {
		t.Fatalf("row shows %q / %q", row.quote.Text, row.meta.Text)
	}

	test.Type(s.search, "negotations") // fuzzy: a letter missing
	if len(s.shown) == 0 || s.shown[0].Body != "sovereign equality in the negotiations" {
		t.Fatalf("fuzzy search for negotations: %s", shownBodies(s))
	}
	s.search.SetText("principles") // a tag
	if got := shownBodies(s); got != "non-interference" {
		t.Fatalf("search by tag: %s", got)
	}
	s.search.SetText("")
	s.tag.SetSelected("exam")
	if len(s.shown) != 2 {
		t.Fatalf("tag exam: %s", shownBodies(s))
	}
	s.color.SetSelected("Blue")
	if got := shownBodies(s); got != "information security, Russian view" {
		t.Fatalf("tag exam + blue: %s", got)
	}
	s.tag.SetSelected("Any tag")
	s.color.SetSelected("Any color")
	for i, sec := range u.doc.Sections {
		if sec.Number == "4" {
			s.section.SetSelectedIndex(i + 1)
		}
	}
	if got := shownBodies(s); got != "non-interference" {
		t.Fatalf("section 4: %s", got)
	}
	s.section.SetSelectedIndex(0)

	s.view.SetSelected(viewOrphans)
	if len(s.shown) != 1 || s.shown[0].Quote() != "a sentence a later parser removed" {
		t.Fatalf("orphans view: %+v", s.shown)
	}
	row.set(s.shown[0], theme0())
	if !strings.Contains(row.quote.Text, "a sentence a later parser removed") || !strings.Contains(row.meta.Text, "passage not found") {
		t.Fatalf("orphan row %q / %q", row.quote.Text, row.meta.Text)
	}

	// trash one from the editor, find it in the trash, restore it
	s.view.SetSelected(viewNotes)
	s.list.Select(0)
	victim := s.editor.note
	if victim.ID != s.shown[0].ID {
		t.Fatal("selecting a row did not open its note")
	}
	test.Tap(s.editor.trash)
	landed(u.services)
	if len(s.shown) != 3 || s.editor.open {
		t.Fatalf("after Delete: %d shown, editor open %v", len(s.shown), s.editor.open)
	}
	if _, ok := markOf(u.reader, victim.ID); ok {
		t.Error("a trashed note is still highlighted")
	}
	s.view.SetSelected(viewTrash)
	if len(s.shown) != 1 || s.shown[0].ID != victim.ID {
		t.Fatalf("trash: %+v", s.shown)
	}
	s.list.Select(0)
	if s.editor.trash.Text != "Restore" {
		t.Fatalf("trash button says %q", s.editor.trash.Text)
	}
	test.Tap(s.editor.trash)
	landed(u.services)
	s.view.SetSelected(viewNotes)
	if len(s.shown) != 4 {
		t.Fatalf("after restore %d notes", len(s.shown))
	}
	if _, ok := markOf(u.reader, victim.ID); !ok {
		t.Error("a restored note is not highlighted again")
	}

	// jump to the passage
	want := fx[s.shown[2].Quote()]
	s.list.Select(2)
	test.Tap(s.editor.goTo)
	if u.current().name != "Reader" {
		t.Fatal("Go to passage did not show the reader")
	}
	pi, _, _, _ := u.reader.placeNote(want)
	if top := u.reader.Position(); top != pi {
		t.Fatalf("reader at paragraph %d, note is in %d", top, pi)
	}
	if !u.reader.noteEd.open || u.reader.noteEd.note.ID != want.ID {
		t.Error("the note is not open beside its passage")
	}
}

func theme0() fyne.ThemeVariant { return fyne.CurrentApp().Settings().ThemeVariant() }

// TestNotesImportInUI: the Notes screen imports a bundle, reports what it
// did, and refuses a bad file with a message, changing nothing.
func TestNotesImportInUI(t *testing.T) {
	from := tempStore(t)
	u0, _ := newTestUI(t, from, bigWindow)
	notesFixture(t, from, u0.reader)
	var buf bytes.Buffer
	if _, err := from.ExportBundle(&buf); err != nil {
		t.Fatal(err)
	}

	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	s := u.notes
	var res store.BundleResult
	var err error
	got := func(r store.BundleResult, e error) { res, err = r, e }
	s.importFrom(io.NopCloser(bytes.NewReader(buf.Bytes())), got)
	landed(u.services)
	if err != nil || res.Added != 5 || res.Orphans != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if msg := dialogText(t, u); !strings.Contains(msg, "5 added, 0 updated, 0 skipped") {
		t.Fatalf("dialog says %q", msg)
	}
	u.Window().Canvas().Overlays().Top().Hide()
	if len(u.reader.view.sel.marks) != 4 {
		t.Fatalf("%d highlights after import, want 4", len(u.reader.view.sel.marks))
	}
	s.importFrom(io.NopCloser(bytes.NewReader(buf.Bytes())), got)
	landed(u.services)
	if err != nil || res.Added != 0 || res.Skipped != 5 {
		t.Fatalf("second import: %+v %v", res, err)
	}
	u.Window().Canvas().Overlays().Top().Hide()

	before, _ := st.CountNotes()
	s.importFrom(io.NopCloser(strings.NewReader(`{"format":"glossa-notes","version":9,"notes":[]}`)), got)
	landed(u.services)
	if err == nil {
		t.Fatal("a version 9 bundle was accepted")
	}
	msg := dialogText(t, u)
	if !strings.Contains(msg, "Nothing was imported") || !strings.Contains(msg, "newer Glossa") || strings.Contains(msg, "store:") {
		t.Fatalf("refusal says %q", msg)
	}
	if after, _ := st.CountNotes(); after != before {
		t.Fatalf("refused import changed the count %d -> %d", before, after)
	}
}

// dialogText is all the text of the dialog on top of the window.
func dialogText(t *testing.T, u *UI) string {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var b strings.Builder
	walkObjects(top, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	})
	return b.String()
}

// walkObjects calls f on o and every visible object drawn inside it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, f)
		}
	}
}

// TestMarginMarksSideBySide: two notes that start on the same line have
// two marks, and each opens its own note.
func TestMarginMarksSideBySide(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	pi, _, _ := quoteIn(t, r, "2")
	text := r.doc.Paragraphs[pi].Text
	w1 := nextWord(text, 0)
	w3 := nextWord(text, nextWord(text, w1))
	a, _ := st.AddNote(store.Note{Anchor: anchor.At(r.doc.Paragraphs, pi, 0, w1), Color: "yellow", Body: "first"})
	b, _ := st.AddNote(store.Note{Anchor: anchor.At(r.doc.Paragraphs, pi, prevWord(text, w3), w3), Color: "pink"})
	r.refreshMarks()
	r.view.scrollToBlock(r.idx.paraBlock[pi])
	pa, ok1 := r.view.markRect(a.ID)
	pb, ok2 := r.view.markRect(b.ID)
	if !ok1 || !ok2 || pa.Y != pb.Y || pa.X == pb.X {
		t.Fatalf("marks at %v and %v (%v %v)", pa, pb, ok1, ok2)
	}
	for _, id := range []string{a.ID, b.ID, a.ID} {
		at, _ := r.view.markRect(id) // the open editor narrows the text: ask again
		r.view.Tapped(&fyne.PointEvent{Position: at})
		if r.noteEd.note.ID != id {
			t.Fatalf("the mark at %v opened %s, want %s", at, r.noteEd.note.ID, id)
		}
	}
}

// TestNotesExportButtons: Markdown and bundle exports ask where to save.
func TestNotesExportButtons(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	notesFixture(t, st, u.reader)
	u.Show("Notes")
	for _, label := range []string{"Markdown…", "Export bundle…", "Import bundle…"} {
		var b *widget.Button
		walkObjects(u.notes.content, func(o fyne.CanvasObject) {
			if x, ok := o.(*widget.Button); ok && x.Text == label {
				b = x
			}
		})
		if b == nil {
			t.Fatalf("no %q button", label)
		}
		test.Tap(b)
		landed(u.services) // an export writes what was typed first
		top := u.Window().Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%q opened no file dialog", label)
		}
		top.Hide()
		u.Window().Canvas().Overlays().Remove(top)
	}
	var md bytes.Buffer
	notes, _ := st.Notes(store.NoteFilter{})
	store.WriteMarkdown(&md, u.doc, notes, time.Now())
	for _, want := range []string{"> " + notes[0].Quote(), "#history", "## Notes whose passage is no longer in the article", "^" + notes[0].ID} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown export lacks %q", want)
		}
	}
}

// TestActionBarTagCardCopy: the other actions of the bar on a selection.
func TestActionBarTagCardCopy(t *testing.T) {
	st := tempStore(t)
	u, a := newTestUI(t, st, bigWindow)
	r := u.reader
	pi, start, end := quoteIn(t, r, "4")
	want := r.doc.Paragraphs[pi].Text[start:end]

	dragSelect(t, r, pi, start, end)
	test.Tap(barButton(t, r, "Copy"))
	if got := a.Clipboard().Content(); got != want {
		t.Fatalf("copied %q, want %q", got, want)
	}

	dragSelect(t, r, pi, start, end)
	test.Tap(barButton(t, r, "Tag"))
	c := u.Window().Canvas()
	entry, ok := c.Focused().(*widget.Entry)
	if !ok {
		t.Fatal("the tag dialog has no entry with the focus")
	}
	test.Type(entry, "principles, #exam")
	var tagB *widget.Button
	walkObjects(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Tag" {
			tagB = b
		}
	})
	test.Tap(tagB)
	landed(u.services)
	notes, _ := st.Notes(store.NoteFilter{Tag: "exam"})
	if len(notes) != 1 || notes[0].Quote() != want || strings.Join(notes[0].Tags, ",") != "principles,exam" || notes[0].Color != defaultHighlight {
		t.Fatalf("tagged notes %+v", notes)
	}

	dragSelect(t, r, pi, start, end)
	test.Tap(barButton(t, r, "Card"))
	var back *widget.Entry
	walkObjects(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Text == want {
			back = e
		}
	})
	if back == nil {
		t.Fatal("Card did not open the card editor with the passage")
	}
}

// TestHighlightsFollowTheChosenTheme: a dark theme chosen in Glossa (not
// by the system) draws highlights in the dark variant's stronger tint.
func TestHighlightsFollowTheChosenTheme(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	pi, start, end := quoteIn(t, u.reader, "3")
	n, _ := st.AddNote(store.Note{Anchor: anchor.At(u.doc.Paragraphs, pi, start, end), Color: "green"})
	u.reader.refreshMarks()
	u.reader.view.scrollToBlock(u.reader.idx.paraBlock[pi])
	for _, c := range []struct {
		theme string
		v     fyne.ThemeVariant
	}{{"dark", theme.VariantDark}, {"light", theme.VariantLight}} {
		u.SetTheme(c.theme)
		want := highlightColor("green", c.v)
		found := false
		for _, o := range test.WidgetRenderer(u.reader.view).Objects() {
			if rc, ok := o.(*canvas.Rectangle); ok && rc.Visible() && rc.FillColor == want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s theme: no highlight of note %s drawn in %v", c.theme, n.ID, want)
		}
	}
}

// TestCaretFromTap: a tap in the text puts the caret there; Shift+Right
// then selects from it, word by word.
func TestCaretFromTap(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	pi, start, _ := quoteIn(t, r, "3")
	bi := r.idx.paraBlock[pi]
	r.view.scrollToBlock(bi)
	at, h, _ := r.view.caretRect(bi, start)
	r.view.Tapped(&fyne.PointEvent{Position: at.AddXY(0, h/2)})
	if r.view.sel.caret != bi || r.view.sel.caretOff != start {
		t.Fatalf("caret at %d:%d, want %d:%d", r.view.sel.caret, r.view.sel.caretOff, bi, start)
	}
	r.onModifier(desktop.KeyShiftRight, true)
	pressKey(u.Window().Canvas(), fyne.KeyRight)
	pressKey(u.Window().Canvas(), fyne.KeyRight)
	text := r.doc.Paragraphs[pi].Text
	want := text[start:nextWord(text, nextWord(text, start))]
	if _, q := r.view.selection(); q != want {
		t.Fatalf("Shift+Right twice from the caret selected %q, want %q", q, want)
	}
	pressKey(u.Window().Canvas(), fyne.KeyLeft)
	if _, q := r.view.selection(); q != text[start:nextWord(text, start)] {
		t.Fatalf("Shift+Left gave %q", q)
	}
}

// TestNoteOnSource: editTarget (for the Sources screen) opens the note on
// a source in the Notes screen, made once and found again.
func TestNoteOnSource(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	s := u.notes
	s.editTarget(store.TargetSource, "anand-1986")
	landed(u.services)
	if u.current().name != "Notes" || !s.editor.open || s.editor.note.TargetKind != store.TargetSource {
		t.Fatalf("editTarget: screen %s, editor %+v", u.current().name, s.editor.note)
	}
	test.Type(s.editor.body, "classic on sovereign equality")
	s.editor.close()
	landed(u.services)
	s.editTarget(store.TargetSource, "anand-1986")
	landed(u.services)
	notes, _ := st.Notes(store.NoteFilter{TargetKind: store.TargetSource})
	if len(notes) != 1 || notes[0].Body != "classic on sovereign equality" || s.editor.body.Text != notes[0].Body {
		t.Fatalf("source notes %+v", notes)
	}
	if s.editor.goTo.Visible() || s.editor.colors.Visible() {
		t.Error("a source note offers a passage to go to or a color")
	}
}
