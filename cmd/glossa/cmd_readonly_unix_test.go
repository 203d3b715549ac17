//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyEnv names the database a child process of
// TestReadOnlyDatabase checks, as a user who may not write it.
const readOnlyEnv = "GLOSSA_TEST_READONLY_DB"

// TestReadOnlyDatabase: a database file, or its folder, that may not be
// written still lists, searches and exports; a change gets one plain
// sentence. Root may write anything, so as root the checks run in a copy
// of the test binary started as the user nobody.
func TestReadOnlyDatabase(t *testing.T) {
	if db := os.Getenv(readOnlyEnv); db != "" {
		checkReadOnly(t, db)
		return
	}
	for _, c := range []struct {
		name            string
		fileMode, dirMo os.FileMode
	}{
		{"file read-only", 0o444, 0o777},
		{"folder read-only", 0o666, 0o555},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			db := filepath.Join(dir, "glossa.db")
			mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "readable still", "--tag", "ro")
			os.RemoveAll(filepath.Join(dir, "backups"))
			os.Chmod(db, c.fileMode)
			os.Chmod(dir, c.dirMo)
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			if os.Getuid() != 0 {
				checkReadOnly(t, db)
				return
			}
			runAsNobody(t, db)
		})
	}
}

func checkReadOnly(t *testing.T, db string) {
	if notes := listNotes(t, db); len(notes) != 1 || notes[0].Body != "readable still" {
		t.Fatalf("notes list on a read-only database: %+v", notes)
	}
	if hits := searchJSONHits(t, db, "readable"); len(hits) == 0 {
		t.Fatal("search on a read-only database found nothing")
	}
	if out := mustRun(t, "--db", db, "notes", "export", "--format", "bundle"); !strings.Contains(out, "readable still") {
		t.Fatalf("export of a read-only database: %q", out)
	}
	code, _, stderr := runArgs(t, "--db", db, "notes", "add", "--quote", "sovereign equality")
	if code != 1 || !strings.Contains(stderr, "may not write") || strings.Contains(stderr, "readonly") ||
		strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
		t.Fatalf("notes add on a read-only database: exit %d, %q; want one plain sentence", code, stderr)
	}
}

// runAsNobody runs TestReadOnlyDatabase's checks on db in a copy of this
// test binary, as the user nobody.
func runAsNobody(t *testing.T, db string) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "glossa.test")
	in, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(out, in)
	in.Close()
	out.Close()
	for d := filepath.Dir(bin); d != "/" && d != "."; d = filepath.Dir(d) {
		if d == os.TempDir() {
			break
		}
		os.Chmod(d, 0o755)
	}
	for d := filepath.Dir(filepath.Dir(db)); d != "/" && d != "."; d = filepath.Dir(d) {
		if d == os.TempDir() {
			break
		}
		os.Chmod(d, 0o755)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyDatabase$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), readOnlyEnv+"="+db, "HOME=/nonexistent")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		t.Fatalf("checks as the user nobody: %v\n%s", err, buf.String())
	}
	if !strings.Contains(buf.String(), "--- PASS: TestReadOnlyDatabase") {
		t.Fatalf("the checks did not run as nobody:\n%s", buf.String())
	}
}
