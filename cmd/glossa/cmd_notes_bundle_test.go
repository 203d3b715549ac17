package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/store"
)

// TestNotesBundleCLI shares notes from one database to another through
// "notes export --format bundle" and "notes import", twice, then refuses a
// file that is not a bundle without changing anything.
func TestNotesBundleCLI(t *testing.T) {
	dir := t.TempDir()
	mine, theirs := filepath.Join(dir, "mine.db"), filepath.Join(dir, "theirs.db")
	mustRun(t, "--db", mine, "notes", "add", "--quote", "sovereign equality", "--body", "**key** principle", "--tag", "exam", "--color", "yellow")
	mustRun(t, "--db", mine, "notes", "add", "--quote", "non-interference", "--tag", "exam", "--tag", "ch3")
	file := filepath.Join(dir, "notes.json")
	mustRun(t, "--db", mine, "notes", "export", "--format", "bundle", "-o", file)
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), `"format": "glossa-notes"`) || !strings.Contains(string(data), `"version": 1`) {
		t.Fatalf("bundle file: %v\n%.300s", err, data)
	}
	var onStdout, inFile store.Bundle
	if err := json.Unmarshal([]byte(mustRun(t, "--db", mine, "notes", "export", "--format=bundle")), &onStdout); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &inFile); err != nil || len(inFile.Notes) != 2 || !reflect.DeepEqual(onStdout.Notes, inFile.Notes) {
		t.Fatalf("bundle on stdout and in the file: %v\n%+v\n%+v", err, onStdout.Notes, inFile.Notes)
	}

	out := mustRun(t, "--db", theirs, "notes", "import", file)
	if !strings.Contains(out, "2 added, 0 updated, 0 skipped") {
		t.Fatalf("first import said %q", out)
	}
	out = mustRun(t, "--db", theirs, "notes", "import", file)
	if !strings.Contains(out, "0 added, 0 updated, 2 skipped") {
		t.Fatalf("second import said %q", out)
	}
	if a, b := listNotes(t, mine), listNotes(t, theirs); !reflect.DeepEqual(a, b) {
		t.Fatalf("notes differ after import:\n%+v\n%+v", a, b)
	}

	bad := filepath.Join(dir, "photo.json")
	os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	code, _, stderr := runArgs(t, "--db", theirs, "notes", "import", bad)
	if code != 1 || !strings.Contains(stderr, "not a Glossa notes bundle") || !strings.Contains(stderr, "nothing was imported") {
		t.Fatalf("bad file: exit %d, %q", code, stderr)
	}
	if n := len(listNotes(t, theirs)); n != 2 {
		t.Fatalf("%d notes after a refused import", n)
	}
	if code, _, stderr := runArgs(t, "--db", theirs, "notes", "import"); code != 2 || !strings.Contains(stderr, "usage") {
		t.Fatalf("no file: exit %d, %q", code, stderr)
	}
}
