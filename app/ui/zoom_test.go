package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Zoom is the window's: Ctrl+= up to 200 % on the Cards screen lays out
// the card's text, the reader's footnote panel and the Notes screen at
// twice their size, and the next start keeps it.
func TestZoomWholeWindowFromCards(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, s := cardsUI(t, st, &now)
	c := u.Window().Canvas()
	s.reveal()
	r := u.reader
	type sizes struct {
		text, answer, answerLaid, front, panel, notesLabel float32
	}
	measure := func() sizes {
		r.notes.ensure(r.notes.Size().Width + 1) // the hidden panel lays out as it would when shown
		return sizes{
			text:       theme.TextSize(),
			answer:     s.answer.size,
			answerLaid: s.answer.lay.size,
			front:      drawnTextSize(t, s.front),
			panel:      r.notes.lay.size,
			notesLabel: drawnTextSize(t, u.notes.empty),
		}
	}
	before := measure()
	for u.reader.Zoom() < 2 {
		shortcut(c, fyne.KeyEqual)
	}
	if u.current().name != "Cards" {
		t.Fatalf("zooming left %s shown", u.current().name)
	}
	after := measure()
	for _, x := range []struct {
		what          string
		before, after float32
		slack         float32
	}{
		{"theme text size", before.text, after.text, 0},
		{"card answer size", before.answer, after.answer, 0},
		{"card answer laid out", before.answerLaid, after.answerLaid, 0},
		{"footnote panel laid out", before.panel, after.panel, 0},
		{"card question drawn", before.front, after.front, 0},
		{"Notes text drawn", before.notesLabel, after.notesLabel, 0},
	} {
		ratio := x.after / x.before
		if ratio < 2-x.slack-0.001 || ratio > 2+x.slack+0.001 {
			t.Errorf("%s: %v at 100%%, %v at 200%% (×%.2f), want twice", x.what, x.before, x.after, ratio)
		}
	}
	// lecture mode sizes its type from the window, not the zoom
	u.Window().Close()
	st.Close()
	u2, _ := newTestUI(t, openTestStore(t, path), Options{})
	if u2.reader.Zoom() != 2 || theme.TextSize() != before.text*2 {
		t.Errorf("after restart zoom %v, text size %v; want 2 and %v", u2.reader.Zoom(), theme.TextSize(), before.text*2)
	}
}

// drawnTextSize is the size of the text o draws, as laid out now.
func drawnTextSize(t *testing.T, o fyne.CanvasObject) float32 {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if tx, ok := x.(*canvas.Text); ok && tx.Text != "" {
			return tx.TextSize
		}
	}
	t.Fatalf("%T draws no text", o)
	return 0
}
