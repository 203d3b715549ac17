package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestValidID: ids in a bundle are 1 to 64 bytes of ASCII letters,
// digits, "-" and "_"; anything else is refused before it reaches a
// query or a file name.
func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"n-12_a": true, "ABC": true, "0": true, strings.Repeat("a", 64): true,
		"": false, strings.Repeat("a", 65): false, "a b": false, "a/b": false, "é": false, "a.b": false, "a;": false,
	} {
		if got := validID(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestUpdateMissingNote: saving a note that no longer exists (deleted in
// another window) is ErrNotFound, and the error says it was the save.
func TestUpdateMissingNote(t *testing.T) {
	s, _ := openTemp(t)
	_, err := s.UpdateNote(Note{ID: "n-404", TargetKind: TargetFootnote, TargetID: "12", Body: "lost"})
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "save note n-404") {
		t.Fatalf("UpdateNote of a missing note: %v, want ErrNotFound from saving note n-404", err)
	}
}

// TestBackupAfterHalfWrittenOne: a half-written backup left by a crash
// (its temporary file) does not block the next backup made at that time.
func TestBackupAfterHalfWrittenOne(t *testing.T) {
	s, path := openTemp(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, backupPrefix(path)+now.Format(backupStamp)+".db.tmp")
	if err := os.WriteFile(tmp, []byte("half a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := s.BackupNow(now)
	if err != nil {
		t.Fatalf("BackupNow after a crash mid-backup: %v", err)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("no backup at %s: %v", file, err)
	}
}
