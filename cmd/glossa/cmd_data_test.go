package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/store"
)

// TestNotesHistoryCLI: a classmate's bundle with a later (future) time
// replaces a note; the import says the earlier version was kept, "notes
// history" lists it and brings it back.
func TestNotesHistoryCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "glossa.db")
	id := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "my careful work", "--tag", "mine"))
	file := filepath.Join(dir, "notes.json")
	mustRun(t, "--db", db, "notes", "export", "--format", "bundle", "-o", file)
	var b store.Bundle
	data, _ := os.ReadFile(file)
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	b.Notes[0].Body, b.Notes[0].Tags, b.Notes[0].Updated = "a classmate's text", []string{"theirs"}, "2099-01-01T00:00:00Z"
	data, _ = json.Marshal(b)
	// saved by a Windows editor: with a byte order mark
	os.WriteFile(file, append([]byte("\xef\xbb\xbf"), data...), 0o644)
	if out := mustRun(t, "--db", db, "notes", "import", file); !strings.Contains(out, "1 note updated, earlier version kept") {
		t.Fatalf("import said %q", out)
	}
	notes := listNotes(t, db)
	if len(notes) != 1 || notes[0].Body != "a classmate's text" {
		t.Fatalf("after the import: %+v", notes)
	}
	var listed []struct{ Updated string }
	json.Unmarshal([]byte(mustRun(t, "--db", db, "notes", "list", "--json")), &listed)
	if u, err := time.Parse(time.RFC3339, listed[0].Updated); err != nil || u.After(time.Now().Add(time.Minute)) {
		t.Fatalf("the bundle's 2099 time was taken over: %q", listed[0].Updated)
	}

	history := func() []historyJSON {
		out := mustRun(t, "--db", db, "notes", "history", id, "--json")
		decodeObjects(t, out, "body", "tags", "color", "updated", "source")
		var h []historyJSON
		if err := json.Unmarshal([]byte(out), &h); err != nil {
			t.Fatal(err)
		}
		return h
	}
	h := history()
	if len(h) != 1 || h[0].Body != "my careful work" || strings.Join(h[0].Tags, ",") != "mine" || h[0].Source != "import" {
		t.Fatalf("history after the import: %+v", h)
	}
	rev := h[0].Revision
	if out := mustRun(t, "--db", db, "notes", "history", id); !strings.Contains(out, "my careful work") || !strings.Contains(out, "--restore") {
		t.Fatalf("history as text: %q", out)
	}
	mustRun(t, "--db", db, "notes", "history", id, "--restore", itoa(int(rev)))
	if notes := listNotes(t, db); notes[0].Body != "my careful work" || strings.Join(notes[0].Tags, ",") != "mine" {
		t.Fatalf("after restoring version %d: %+v", rev, notes[0])
	}
	// newest first: the classmate's text, replaced by the restore, then ours
	if h := history(); len(h) != 2 || h[0].Body != "a classmate's text" || h[0].Source != "restore" || h[1].Body != "my careful work" {
		t.Fatalf("history after the restore: %+v", h)
	}
	if code, _, stderr := runArgs(t, "--db", db, "notes", "history", "nosuchnote"); code != 1 || !strings.Contains(stderr, "no note nosuchnote") {
		t.Fatalf("unknown note: exit %d, %q", code, stderr)
	}
}

// TestLimitsSharedByAddAndImport: what "notes add" refuses is what import
// refuses, so every export imports again.
func TestLimitsSharedByAddAndImport(t *testing.T) {
	db := tempDB(t)
	long := strings.Repeat("x", store.MaxTagBytes+1)
	code, _, stderr := runArgs(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--tag", long)
	if code != 1 || !strings.Contains(stderr, "more than 100") {
		t.Fatalf("a %d-byte tag: exit %d, %q", len(long), code, stderr)
	}
	args := []string{"--db", db, "notes", "add", "--quote", "sovereign equality"}
	for i := range store.MaxTags {
		args = append(args, "--tag", "t"+itoa(i))
	}
	mustRun(t, args...)
	if code, _, stderr := runArgs(t, append(args, "--tag", "one-more")...); code != 1 || !strings.Contains(stderr, "tags, more than") {
		t.Fatalf("%d tags: exit %d, %q", store.MaxTags+1, code, stderr)
	}
	file := filepath.Join(t.TempDir(), "notes.json")
	mustRun(t, "--db", db, "notes", "export", "--format", "bundle", "-o", file)
	if out := mustRun(t, "--db", tempDB(t), "notes", "import", file); !strings.Contains(out, "1 added") {
		t.Fatalf("own export did not import: %q", out)
	}
}
