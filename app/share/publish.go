package share

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/glossa-app/glossa/app/atomicfile"
)

// Debounce is how long a publisher waits after the last change before it
// writes: a student typing a note changes it many times a minute, and a
// sync engine copies every version written.
const Debounce = 3 * time.Second

// retryAfter is when a publish that failed (the folder away) is tried
// again without a new change.
const retryAfter = 30 * time.Second

// Publisher writes one person's file to a folder: at once with Publish, a
// Debounce after the last of a run of changes with Changed, and what is
// pending with Flush (on quit).
type Publisher struct {
	Dir  string
	File string // base name: FileName(person, machine, article)
	// Build makes the file's bytes. It must give the same bytes for the
	// same content, so that nothing is written when nothing changed: a
	// sync engine would copy every new version to every computer.
	Build func() ([]byte, error)
	// Failed is told when a publish after Changed fails (the folder is
	// away, say); it is tried again after a while. Nil: ignored.
	Failed func(error)
	// Published is told after a debounced publish wrote the file. Nil: ignored.
	Published func()
	Delay     time.Duration // 0: Debounce

	mu      sync.Mutex
	timer   *time.Timer
	pending bool
	last    []byte // what is in the file, as last written or read
}

// ErrFolderGone is returned when the folder is not there: Glossa does not
// make it, as it may be the mount point of an unplugged drive.
var ErrFolderGone = errors.New("the shared folder is not there")

// Publish writes the file now, unless what it would hold is what was
// written last and the file is still there. It reports whether it wrote.
func (p *Publisher) Publish() (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.publish()
}

func (p *Publisher) publish() (bool, error) {
	p.pending = false
	if fi, err := os.Stat(p.Dir); err != nil || !fi.IsDir() {
		p.pending = true
		return false, fmt.Errorf("share: publish to %s: %w (a drive unplugged or a network share away?); Glossa publishes once it is back", p.Dir, ErrFolderGone)
	}
	data, err := p.Build()
	if err != nil {
		return false, fmt.Errorf("share: publish: %w", err)
	}
	path := filepath.Join(p.Dir, p.File)
	if p.last == nil || !bytes.Equal(data, p.last) {
		// another run of Glossa may have written it: "share publish", or
		// the window before a restart
		p.last, _ = os.ReadFile(path)
	}
	if bytes.Equal(data, p.last) {
		if _, err := os.Stat(path); err == nil {
			return false, nil
		}
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		p.pending = true
		return false, fmt.Errorf("share: publish: %w", err)
	}
	p.last = data
	return true, nil
}

// Changed says the content changed: the file is written a Delay after the
// last of a run of calls.
func (p *Publisher) Changed() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending = true
	p.schedule(p.delay())
}

func (p *Publisher) delay() time.Duration {
	if p.Delay > 0 {
		return p.Delay
	}
	return Debounce
}

func (p *Publisher) schedule(d time.Duration) {
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(d, p.fire)
}

func (p *Publisher) fire() {
	p.mu.Lock()
	if !p.pending {
		p.mu.Unlock()
		return
	}
	wrote, err := p.publish()
	if err != nil {
		p.schedule(retryAfter)
	}
	p.mu.Unlock()
	switch {
	case err != nil && p.Failed != nil:
		p.Failed(err)
	case wrote && p.Published != nil:
		p.Published()
	}
}

// Flush writes what a Changed left pending and stops the timer: on quit.
func (p *Publisher) Flush() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	if !p.pending {
		return nil
	}
	_, err := p.publish()
	return err
}
