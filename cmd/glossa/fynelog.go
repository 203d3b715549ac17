package main

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// fyneNoise are the errors Fyne 2.7.1 logs that are no fault of the
// student's or Glossa's and that nobody can act on, by reason and cause:
//
//   - "Preferences load error: EOF", at quit: Fyne's preferences save
//     truncates the file (app/preferences_nonweb.go:24, os.Create) before it
//     marks the save as its own (app/preferences.go:77); its watcher of the
//     folder (app/settings_desktop.go:48) sees the truncation and, the app
//     having stopped, fyne.Do runs the reload at once on the watcher's
//     goroutine (internal/driver/glfw/loop.go:43), which reads the empty
//     file. The save that follows writes the file whole.
//   - "Getting favorite locations: this computer does not define a VIDEOS
//     folder" (or MUSIC, ...), each time a file dialog opens on a desktop
//     whose xdg-user-dirs has no such folder (dialog/file_xdg.go:33): the
//     dialog only lacks that shortcut.
//
// Every other Fyne error still reaches standard error.
var fyneNoise = []struct{ reason, cause string }{
	{"Preferences load error:", "EOF"},
	{"Getting favorite locations", "this computer does not define a "},
}

// quietLog is the standard logger's output while the window runs: it
// holds each Fyne error (fyne.LogError writes a reason line, a cause line
// and an "At:" line) until it is whole and drops it when it is noise.
type quietLog struct {
	mu   sync.Mutex
	w    io.Writer
	held []string
}

func (q *quietLog) Write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	line := string(p)
	switch {
	case strings.Contains(line, "Fyne error:  "):
		if err := q.flush(); err != nil {
			return 0, err
		}
		q.held = append(q.held, line)
		return len(p), nil
	case len(q.held) > 0 && strings.Contains(line, "  Cause: "):
		q.held = append(q.held, line)
		return len(p), nil
	case len(q.held) > 0 && strings.Contains(line, "  At: "):
		q.held = append(q.held, line)
		if q.noise() {
			q.held = nil
			return len(p), nil
		}
		return len(p), q.flush()
	}
	if err := q.flush(); err != nil {
		return 0, err
	}
	return q.w.Write(p)
}

// noise says whether the held error is one of fyneNoise.
func (q *quietLog) noise() bool {
	reason := q.held[0][strings.Index(q.held[0], "Fyne error:  ")+len("Fyne error:  "):]
	cause := ""
	if len(q.held) > 2 {
		cause = q.held[1][strings.Index(q.held[1], "  Cause: ")+len("  Cause: "):]
	}
	reason, cause = strings.TrimSpace(reason), strings.TrimSpace(cause)
	for _, n := range fyneNoise {
		if reason == n.reason && strings.HasPrefix(cause, n.cause) {
			return true
		}
	}
	return false
}

// flush writes what is held, as it came.
func (q *quietLog) flush() error {
	if len(q.held) == 0 {
		return nil
	}
	var b bytes.Buffer
	for _, l := range q.held {
		b.WriteString(l)
	}
	q.held = nil
	_, err := q.w.Write(b.Bytes())
	return err
}

// Close writes what is still held (an error cut short).
func (q *quietLog) Close() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.flush()
}
