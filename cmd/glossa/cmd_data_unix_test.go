//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPathsThatAreNotFiles: a pipe, a device or a folder given where a
// file is read is refused at once (a pipe used to block forever).
func TestPathsThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "glossa.db")
	mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality")
	for _, c := range []struct {
		path, want string
	}{{fifo, "pipe"}, {"/dev/null", "device"}, {dir, "folder"}} {
		for _, args := range [][]string{
			{"check", c.path},
			{"--db", db, "notes", "import", c.path},
			{"--db", db, "restore", c.path},
			{"--db", c.path, "notes", "list"},
		} {
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				code, _, stderr = runArgs(t, args...)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("glossa %s: still waiting after 20 s", strings.Join(args, " "))
			}
			if code != 1 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("glossa %s: exit %d, %q; want one line saying %q", strings.Join(args, " "), code, stderr, c.want)
			}
		}
	}
}
