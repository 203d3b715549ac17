package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/storetest"
)

// Store writes leave the UI goroutine (issue 14, item 5). Each test holds
// the real study database locked from a second connection, as another
// Glossa or a backup tool would: the event handler must come back with
// the write still waiting (the window stays responsive), the screen must
// already show the change, and once the lock goes the writes land, in the
// order they were given.

// TestRatingsWaitForLockedDatabase rates two cards while the database is
// locked: both handlers return, the next card is shown, the two reviews
// wait; after the lock goes both are in the log, first rating first.
func TestRatingsWaitForLockedDatabase(t *testing.T) {
	f := cardsOnFile(t)
	u, s, st, c, now := f.u, f.s, f.st, f.c, f.now
	release := storetest.HoldWriteLock(t, f.path)

	var rated []string
	for _, key := range []rune{'3', '1'} {
		card := s.current
		if card == nil {
			t.Fatal("nothing to review")
		}
		typeKey(c, fyne.KeySpace, ' ')
		typeKey(c, fyne.KeyName(string(key)), key)
		if s.current == card {
			t.Fatalf("rating %c of %s: the card is still shown while its write waits", key, card.ID)
		}
		rated = append(rated, card.ID)
		*now = now.Add(time.Second)
	}
	if !u.writesPending() {
		t.Fatal("the ratings were written while the database was locked")
	}
	if got := rs(t, st); len(got) != 0 {
		t.Fatalf("%d reviews in the log while it is locked", len(got))
	}
	if !strings.Contains(s.status.Text, "Saving") {
		t.Errorf("status while the write waits: %q", s.status.Text)
	}

	release()
	landed(u.services)
	got := rs(t, st)
	if len(got) != 2 || got[0].CardID != rated[0] || got[0].Rating != 3 || got[1].CardID != rated[1] || got[1].Rating != 1 {
		t.Fatalf("log after the lock went: %+v, want %v rated 3 then 1", got, rated)
	}
	if !strings.HasPrefix(s.status.Text, "Rated again") || strings.Contains(s.status.Text, "Saving") {
		t.Errorf("status after the writes landed: %q", s.status.Text)
	}
}

// TestHighlightsWaitForLockedDatabase highlights two passages while the
// database is locked: both are drawn at once and wait; once the lock goes
// both notes are stored, the first made first, and their marks can be
// opened.
func TestHighlightsWaitForLockedDatabase(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	release := storetest.HoldWriteLock(t, path)

	type passage struct {
		quote, color string
		sel          textRange
	}
	var made []passage
	for _, h := range []struct{ sec, color string }{{"2", "green"}, {"3", "blue"}} {
		pi, start, end := quoteIn(t, r, h.sec)
		dragSelect(t, r, pi, start, end)
		sel, quote := r.view.selection()
		test.Tap(barSwatch(t, r, h.color))
		made = append(made, passage{quote, h.color, sel})
	}
	if !u.writesPending() {
		t.Fatal("the highlights were written while the database was locked")
	}
	if notes, _ := st.Notes(store.NoteFilter{}); len(notes) != 0 {
		t.Fatalf("%d notes stored while the database is locked", len(notes))
	}
	for _, p := range made {
		if !drawn(r, p.sel, p.color) {
			t.Fatalf("the %s highlight is not drawn while its write waits", p.color)
		}
	}

	release()
	landed(u.services)
	notes, err := st.Notes(store.NoteFilter{})
	if err != nil || len(notes) != 2 {
		t.Fatalf("notes after the lock went: %+v %v", notes, err)
	}
	byQuote := map[string]store.Note{}
	for _, n := range notes {
		byQuote[n.Quote()] = n
	}
	first, second := byQuote[made[0].quote], byQuote[made[1].quote]
	if first.Color != "green" || second.Color != "blue" || !first.Created.Before(second.Created) {
		t.Fatalf("stored %+v then %+v, want green made before blue", first, second)
	}
	for _, n := range notes {
		if m, ok := markOf(r, n.ID); !ok || m.color != n.Color {
			t.Fatalf("note %s is not drawn with its ID after it landed", n.ID)
		}
	}
}

// TestRatingNotSaved: a rating whose write fails puts the card back, as it
// was, with a message that says what to do; rated again once the database
// takes writes, it is saved.
func TestRatingNotSaved(t *testing.T) {
	f := cardsOnFile(t)
	u, s, st, c := f.u, f.s, f.st, f.c
	allow := storetest.RefuseInserts(t, f.path, "reviews", "disk I/O error")
	card := s.current
	before, known := s.states[card.ID]
	typeKey(c, fyne.KeySpace, ' ')
	typeKey(c, fyne.Key3, '3')
	landed(u.services)
	if s.current != card || s.revealed {
		t.Fatalf("after a failed write the card shown is %v, want %s again, front only", s.current, card.ID)
	}
	if after, ok := s.states[card.ID]; ok != known || after != before {
		t.Fatalf("the card's schedule was kept after its rating failed: %+v", after)
	}
	msg := dialogText(t, u)
	if !strings.Contains(msg, "Your rating was not saved") || !strings.Contains(msg, "try again") {
		t.Fatalf("message after a failed rating: %q", msg)
	}
	if !strings.Contains(s.status.Text, "rate it again") {
		t.Errorf("status after a failed rating: %q", s.status.Text)
	}
	c.Overlays().Top().Hide()

	allow()
	typeKey(c, fyne.KeySpace, ' ')
	typeKey(c, fyne.Key3, '3')
	landed(u.services)
	if got := rs(t, st); len(got) != 1 || got[0].CardID != card.ID {
		t.Fatalf("log after rating again: %+v", got)
	}
}

// TestHighlightNotSaved: a highlight whose write fails is taken off the
// text again, with a message that says what to do.
func TestHighlightNotSaved(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, bigWindow)
	r := u.reader
	allow := storetest.RefuseInserts(t, path, "notes", "disk I/O error")
	defer allow()
	pi, start, end := quoteIn(t, r, "2")
	dragSelect(t, r, pi, start, end)
	sel, _ := r.view.selection()
	test.Tap(barSwatch(t, r, "green"))
	landed(u.services)
	if drawn(r, sel, "green") {
		t.Fatal("a highlight that was not saved is still drawn")
	}
	if msg := dialogText(t, u); !strings.Contains(msg, "The highlight could not be saved") || !strings.Contains(msg, "try again") {
		t.Fatalf("message after a failed highlight: %q", msg)
	}
}

// TestBusyMessage: a write that met a database kept busy by another
// program says so, and what to do, on the Cards and the Notes screens.
func TestBusyMessage(t *testing.T) {
	f := cardsOnFile(t)
	storetest.HoldWriteLock(t, f.path)
	busy := fmt.Errorf("store: save review of x: %w", storetest.BusyError(t, f.path))
	for _, show := range []func(string, error){f.s.showError, f.u.notes.showError} {
		show("Your rating was not saved", busy)
		msg := dialogText(t, f.u)
		if !strings.Contains(msg, "kept your study database busy") || !strings.Contains(msg, "try again") {
			t.Errorf("message for a busy database: %q", msg)
		}
		f.c.Overlays().Top().Hide()
	}
}

// TestCloseWritesPending: a rating still waiting for the lock when the
// window closes is written before Close returns.
func TestCloseWritesPending(t *testing.T) {
	f := cardsOnFile(t)
	u, s, st, c := f.u, f.s, f.st, f.c
	release := storetest.HoldWriteLock(t, f.path)
	card := s.current
	typeKey(c, fyne.KeySpace, ' ')
	typeKey(c, fyne.Key4, '4')
	if !u.writesPending() {
		t.Fatal("the rating was written while the database was locked")
	}
	release()
	u.Window().Close()
	if got := rs(t, st); len(got) != 1 || got[0].CardID != card.ID {
		t.Fatalf("log after the window closed: %+v", got)
	}
}

// cardsFile is the Cards screen on a study database in a file of its own,
// at a clock the test moves.
type cardsFile struct {
	path string
	st   *store.Store
	u    *UI
	s    *cardsScreen
	c    fyne.Canvas
	now  *time.Time
}

func cardsOnFile(t *testing.T) cardsFile {
	f := cardsFile{path: tempStorePath(t), now: new(time.Time)}
	*f.now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	f.st = openTestStore(t, f.path)
	f.u, f.s = cardsUI(t, f.st, f.now)
	f.c = f.u.Window().Canvas()
	return f
}

// drawn reports whether the text shows a highlight of color over t.
func drawn(r *Reader, t textRange, color string) bool {
	for _, m := range r.view.sel.marks {
		if m.textRange == t && m.color == color {
			return true
		}
	}
	return false
}
