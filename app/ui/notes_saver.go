package ui

import (
	"sync"
	"time"
)

// saveDelay is how long typed text waits before it is written. It is not
// reset by further typing, so that a student typing without pause still
// has everything older than saveDelay on disk (the issue allows losing at
// most the last half second).
const saveDelay = 350 * time.Millisecond

// noteSaver writes a note's text as it is typed: the first change arms a
// timer, later changes only replace the pending text, and the timer (or an
// explicit flush: closing the editor, losing the focus, closing the window)
// writes the latest text. Writes happen off the UI goroutine, in order.
type noteSaver struct {
	save func(id, body string) error // the store write
	// after arms a timer; tests inject one they fire themselves instead of
	// waiting. It defaults to time.AfterFunc.
	after   func(d time.Duration, f func()) (stop func() bool)
	onSaved func(id string, err error) // called after each write, from any goroutine

	mu      sync.Mutex
	id      string
	body    string
	pending bool
	armed   bool
	stop    func() bool

	writing sync.Mutex // one write at a time, in the order of the changes
}

func newNoteSaver(save func(id, body string) error) *noteSaver {
	return &noteSaver{save: save, after: func(d time.Duration, f func()) func() bool {
		return time.AfterFunc(d, f).Stop
	}}
}

// changed records the text of note id as typed now.
func (s *noteSaver) changed(id, body string) {
	s.mu.Lock()
	if s.pending && s.id != id {
		// another note still has unsaved text: write it first
		s.mu.Unlock()
		s.flush()
		s.mu.Lock()
	}
	s.id, s.body, s.pending = id, body, true
	arm := !s.armed
	s.armed = true
	s.mu.Unlock()
	if arm {
		stop := s.after(saveDelay, s.flush)
		s.mu.Lock()
		s.stop = stop
		s.mu.Unlock()
	}
}

// flush writes the pending text now, if there is any. It is safe from any
// goroutine and returns once the text is on disk (or failed).
func (s *noteSaver) flush() {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.mu.Lock()
	id, body, pending := s.id, s.body, s.pending
	s.pending, s.armed = false, false
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	s.mu.Unlock()
	if !pending {
		return
	}
	err := s.save(id, body)
	if err != nil {
		// keep the text pending so that the next change or flush retries
		s.mu.Lock()
		if !s.pending {
			s.id, s.body, s.pending = id, body, true
		}
		s.mu.Unlock()
	}
	if s.onSaved != nil {
		s.onSaved(id, err)
	}
}

// dirty reports whether some typed text is not written yet.
func (s *noteSaver) dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending
}

// armedTimer reports whether a write is scheduled (for tests).
func (s *noteSaver) armedTimer() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.armed
}
