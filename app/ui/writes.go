package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/store"
)

// Store writes leave the UI goroutine. The store waits for a database
// another program (a second Glossa, a backup tool) holds locked, up to
// 35 s; a rating or a highlight made on the UI goroutine froze the window
// for as long. Every write a student makes goes through the services' one
// writer instead: one at a time, in the order given (two quick ratings
// land in the order they were given), with the result handed back to the
// screen on the UI goroutine, and the window waits for them when it
// closes, so nothing given before quitting is lost.

// storeWrite runs write after every write given before it, off the UI
// goroutine, then done with its error on the UI goroutine. The screen
// shows what it expects at once and undoes it in done when the write
// failed, saying what to do.
func (s *services) storeWrite(write func() error, done func(err error)) {
	s.writes.do(func() {
		err := write()
		if done != nil {
			fyne.Do(func() { done(err) })
		}
	})
}

// whyNotWritten says, for a write that failed because of where the
// database is rather than what was written, why and what to do; ok is
// false for any other failure.
func whyNotWritten(err error) (advice string, ok bool) {
	switch {
	case store.IsBusy(err):
		return "Another program (a second Glossa, a backup or sync tool) kept your study database busy for more than half a minute. Close it or let it finish, then try again.", true
	case errors.Is(err, store.ErrReadOnly):
		return "Glossa may not write to your study database: check the permissions of the file and its folder, then start Glossa again.", true
	}
	return "", false
}

// writesPending reports whether a write given to storeWrite (or a
// setting) has not landed yet.
func (s *services) writesPending() bool { return s.writes.busy() }

func (w *backgroundWriter) busy() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.running
}

// afterTyped runs then on the UI goroutine once the note text typed so
// far, and every write given before, is written: an export or a note's
// history then reads what the student sees.
func (s *services) afterTyped(then func()) {
	s.storeWrite(func() error { s.saver.flush(); return nil }, func(error) { then() })
}

// saveTyped writes the note text and tags typed and not yet saved, in
// turn with the other writes: the editor losing the focus or closing asks
// for it and goes on at once.
func (s *services) saveTyped() { s.writes.do(s.saver.flush) }
