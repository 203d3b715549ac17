package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain keeps the reader's measures (advances.go), which the window
// keeps in the user's cache folder, in a folder of the tests' own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "glossa-ui-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	advancesFile = func() (string, error) { return filepath.Join(dir, "reader-advances.bin"), nil }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
