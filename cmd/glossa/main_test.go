package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpOnStdout: help that was asked for is output, so `glossa --help |
// less` shows it; a mistyped flag is an error, on stderr, with a pointer.
func TestHelpOnStdout(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		var out, errOut bytes.Buffer
		if code := run([]string{arg}, &out, &errOut); code != 0 {
			t.Errorf("glossa %s: exit %d, want 0", arg, code)
		}
		if !strings.Contains(out.String(), "Usage:") || !strings.Contains(out.String(), "check") {
			t.Errorf("glossa %s: stdout lacks the usage and the commands:\n%s", arg, out.String())
		}
		if errOut.Len() != 0 {
			t.Errorf("glossa %s: wrote to stderr: %q", arg, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"--no-such-flag"}, &out, &errOut); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "no-such-flag") || !strings.Contains(errOut.String(), "glossa help") {
		t.Errorf("unknown flag: stdout %q, stderr %q; want the flag named and a pointer to help on stderr only", out.String(), errOut.String())
	}
}

// TestBadDeepLink: --section and --footnote that name nothing in the article
// are refused with what exists, before any window (and without a display),
// and a start stopped by a check leaves no database behind (the store is
// opened beside the making of the window only when one can open).
func TestBadDeepLink(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	db := filepath.Join(t.TempDir(), "g.db")
	noDB := func(args []string) {
		t.Helper()
		if _, err := os.Stat(db); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("glossa %v: the study database was made (stat: %v)", args, err)
		}
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--section", "9.9"}, []string{`no section "9.9"`, "2.1", "3.3", "5"}},
		{[]string{"--footnote", "999"}, []string{"no footnote 999", "from 1 to 190"}},
		{[]string{"--lecture", "--section", "7"}, []string{`no section "7"`}},
	} {
		var out, errOut bytes.Buffer
		if code := run(append([]string{"--db", db}, tc.args...), &out, &errOut); code != 2 {
			t.Errorf("glossa %v: exit %d, want 2 (stderr %q)", tc.args, code, errOut.String())
		}
		noDB(tc.args)
		for _, w := range tc.want {
			if !strings.Contains(errOut.String(), w) {
				t.Errorf("glossa %v: stderr %q lacks %q", tc.args, errOut.String(), w)
			}
		}
	}
	// a section and a footnote that exist get past the check (to the
	// display check, which fails here with its own message)
	var out, errOut bytes.Buffer
	valid := []string{"--db", db, "--section", "3.3", "--footnote", "139"}
	if code := run(valid, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "no display") {
		t.Errorf("valid deep link: exit %d, stderr %q; want the no-display message", code, errOut.String())
	}
	noDB(valid)
}

// TestNotesExportMarkdownToFolder: -o naming a folder for the one-file
// Markdown export is answered with what to do, not "is a directory".
func TestNotesExportMarkdownToFolder(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := run([]string{"--db", filepath.Join(dir, "g.db"), "notes", "export", "--format", "md", "-o", dir}, &out, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), "is a folder") || !strings.Contains(errOut.String(), "--format obsidian") {
		t.Errorf("exit %d, stderr %q; want 2 and a pointer to a file name or --format obsidian", code, errOut.String())
	}
}
