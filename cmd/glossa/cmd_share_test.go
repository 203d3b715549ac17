package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShareCommands: a lecturer publishes with one database, a student
// subscribes with another; status --json keeps the contract's fields, and
// a bad file beside the lecturer's is listed with its problem.
func TestShareCommands(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "class")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	lee, sam := filepath.Join(tmp, "lee.db"), filepath.Join(tmp, "sam.db")
	mustRun(t, "--db", lee, "notes", "add", "--quote", "Convention", "--body", "read this first")
	if code, _, stderr := runArgs(t, "--db", lee, "share", "publish", dir); code != 2 || !strings.Contains(stderr, "--name") {
		t.Errorf("publish without a name: exit %d, %q; want a pointer to --name", code, stderr)
	}
	out := mustRun(t, "--db", lee, "share", "publish", dir, "--name", "Prof. Ada Lee")
	if !strings.Contains(out, "published as Prof. Ada Lee (1 note, 0 cards, 0 plans)") {
		t.Errorf("publish said %q", out)
	}
	if out := mustRun(t, "--db", lee, "share", "publish", dir); !strings.Contains(out, "unchanged") {
		t.Errorf("publishing again without a change said %q", out)
	}
	mustRun(t, "--db", sam, "share", "subscribe", dir)
	if err := os.WriteFile(filepath.Join(dir, "0123456789abcdef-01234567.0123456789ab.glossa.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}

	out = mustRun(t, "--db", sam, "share", "status", "--json")
	decodeObjects(t, out, "person", "name", "article", "notes", "cards", "updated", "problems")
	var list []struct {
		Person, Name, Article, Updated, File string
		Notes, Cards                         int
		Problems                             []string
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("status lists %d files, want the lecturer's and the bad one:\n%s", len(list), out)
	}
	bad, good := list[0], list[1]
	if good.Name != "Prof. Ada Lee" || good.Notes != 1 || len(good.Problems) != 0 || good.Updated == "" || len(good.Person) != 16 {
		t.Errorf("the lecturer's status = %+v", good)
	}
	if len(bad.Problems) != 1 || !strings.Contains(bad.Problems[0], "not valid JSON") {
		t.Errorf("the bad file's status = %+v", bad)
	}
	if notes := listNotes(t, sam); len(notes) != 0 {
		t.Errorf("subscribing gave the student %d notes of their own", len(notes))
	}
	text := mustRun(t, "--db", sam, "share", "status")
	if !strings.Contains(text, "Prof. Ada Lee: 1 note") || !strings.Contains(text, "not valid JSON") {
		t.Errorf("status in words:\n%s", text)
	}
}
