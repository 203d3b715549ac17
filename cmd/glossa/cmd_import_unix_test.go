//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
)

func mkfifoForTest(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
