package ui

import (
	"errors"
	"sync"
	"time"
)

// saveDelay is how long typed text waits before it is written. It is not
// reset by further typing, so that a student typing without pause still
// has everything older than saveDelay on disk (the issue allows losing at
// most the last half second).
const saveDelay = 350 * time.Millisecond

// noteSaver writes a note's text and tags as they are typed: the first
// change arms a timer, later changes only replace the pending text or
// tags, and the timer (or an explicit flush: closing the editor, losing
// the focus, closing the window) writes the latest of both. Writes happen
// off the UI goroutine, in order.
type noteSaver struct {
	save     func(id, body string) error          // the store write of the text
	saveTags func(id string, tags []string) error // and of the tags
	// after arms a timer; tests inject one they fire themselves instead of
	// waiting. It defaults to time.AfterFunc.
	after   func(d time.Duration, f func()) (stop func() bool)
	onSaved func(id string, err error) // called after each write, from any goroutine
	// later runs a write in turn with the window's other writes, off the
	// UI goroutine; nil runs it at once
	later func(write func())

	mu          sync.Mutex
	id          string
	body        string
	pending     bool // body waits to be written
	tags        []string
	tagsPending bool
	armed       bool
	stop        func() bool

	writing sync.Mutex // one write at a time, in the order of the changes
}

func newNoteSaver(save func(id, body string) error, saveTags func(id string, tags []string) error) *noteSaver {
	return &noteSaver{save: save, saveTags: saveTags, after: func(d time.Duration, f func()) func() bool {
		return time.AfterFunc(d, f).Stop
	}}
}

// changed records the text of note id as typed now.
func (s *noteSaver) changed(id, body string) {
	s.record(id, func() { s.body, s.pending = body, true })
}

// tagsChanged records the tags of note id as typed now.
func (s *noteSaver) tagsChanged(id string, tags []string) {
	s.record(id, func() { s.tags, s.tagsPending = tags, true })
}

func (s *noteSaver) record(id string, set func()) {
	s.mu.Lock()
	if (s.pending || s.tagsPending) && s.id != id {
		// another note still has unsaved changes: write them first (in
		// turn, when there is a writer: typing must not wait for a busy
		// database)
		if s.later != nil {
			old := s.takePending()
			s.later(func() {
				s.writing.Lock()
				defer s.writing.Unlock()
				s.write(old)
			})
		} else {
			s.mu.Unlock()
			s.flush()
			s.mu.Lock()
		}
	}
	s.id = id
	set()
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

// flush writes the pending text and tags now, if there are any. It is
// safe from any goroutine and returns once they are on disk (or failed).
func (s *noteSaver) flush() {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.mu.Lock()
	w := s.takePending()
	s.mu.Unlock()
	s.write(w)
}

// typed is what one note has pending: text, tags or both.
type typed struct {
	id, body             string
	pending, tagsPending bool
	tags                 []string
}

// takePending hands over what is pending and disarms the timer; s.mu is
// held.
func (s *noteSaver) takePending() typed {
	w := typed{id: s.id, body: s.body, pending: s.pending, tags: s.tags, tagsPending: s.tagsPending}
	s.pending, s.tagsPending, s.armed = false, false, false
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	return w
}

// write writes w; s.writing is held.
func (s *noteSaver) write(w typed) {
	id, body, pending, tags, tagsPending := w.id, w.body, w.pending, w.tags, w.tagsPending
	if !pending && !tagsPending {
		return
	}
	var err, tagsErr error
	if pending {
		err = s.save(id, body)
	}
	if tagsPending {
		tagsErr = s.saveTags(id, tags)
	}
	// keep what failed pending, unless typed again since, so that the
	// next change or flush retries it
	s.mu.Lock()
	if err != nil && !s.pending && (s.id == id || !s.tagsPending) {
		s.id, s.body, s.pending = id, body, true
	}
	if tagsErr != nil && !s.tagsPending && (s.id == id || !s.pending) {
		s.id, s.tags, s.tagsPending = id, tags, true
	}
	s.mu.Unlock()
	if s.onSaved != nil {
		s.onSaved(id, errors.Join(err, tagsErr))
	}
}

// take hands over the text of note id typed and not yet written, for a
// write that carries it in its own transaction; pending tags are written
// first as usual.
func (s *noteSaver) take(id string) (string, bool) {
	s.mu.Lock()
	other := s.tagsPending || s.id != id
	s.mu.Unlock()
	if other {
		s.flush()
		return "", false
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.id != id || !s.pending {
		return "", false
	}
	s.pending = false
	if !s.tagsPending {
		s.armed = false
		if s.stop != nil {
			s.stop()
			s.stop = nil
		}
	}
	return s.body, true
}

// dirty reports whether some typed text or tags are not written yet.
func (s *noteSaver) dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending || s.tagsPending
}

// dirtyNote reports whether note id has changes not written yet.
func (s *noteSaver) dirtyNote(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.id == id && (s.pending || s.tagsPending)
}

// armedTimer reports whether a write is scheduled (for tests).
func (s *noteSaver) armedTimer() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.armed
}
