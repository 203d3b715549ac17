package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/store"
)

func noteIDs(t *testing.T, db string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, n := range listNotes(t, db) {
		ids[n.ID] = true
	}
	return ids
}

func TestBackupRestoreCommands(t *testing.T) {
	db := tempDB(t)
	kept := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "kept"))

	file := filepath.Join(t.TempDir(), "mine.db")
	if out := mustRun(t, "--db", db, "backup", file); strings.TrimSpace(out) != file {
		t.Fatalf("backup FILE printed %q", out)
	}
	if code, _, stderr := runArgs(t, "--db", db, "backup", file); code != 1 || !strings.Contains(stderr, "file exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, stderr)
	}
	auto := strings.TrimSpace(mustRun(t, "--db", db, "backup"))
	if filepath.Dir(auto) != store.BackupDir(db) {
		t.Errorf("backup without FILE wrote %q, want a file in %s", auto, store.BackupDir(db))
	}
	if _, err := os.Stat(auto); err != nil {
		t.Fatal(err)
	}

	later := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", "human rights", "--body", "later"))
	out := mustRun(t, "--db", db, "restore", file)
	if !strings.Contains(out, "Restored "+file) || !strings.Contains(out, "saved in ") {
		t.Errorf("restore said %q", out)
	}
	if ids := noteIDs(t, db); !ids[kept] || ids[later] {
		t.Fatalf("after restore: %v, want %s and not %s", ids, kept, later)
	}
	// The database as it was before the restore is saved: restoring that
	// brings the later note back.
	saved := strings.TrimSpace(out[strings.LastIndex(out, "saved in ")+len("saved in "):])
	saved = strings.TrimSuffix(saved, ".")
	mustRun(t, "--db", db, "restore", saved)
	if ids := noteIDs(t, db); !ids[kept] || !ids[later] {
		t.Fatalf("after restoring the safety copy %s: %v", saved, ids)
	}

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("junk"), 1000), 0o600)
	for _, c := range []struct{ file, want string }{
		{junk, "damaged or not a database"},
		{filepath.Join(t.TempDir(), "none.db"), "no such file"},
	} {
		code, _, stderr := runArgs(t, "--db", db, "restore", c.file)
		if code != 1 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("restore %s: exit %d, %q; want one line with %q", c.file, code, stderr, c.want)
		}
	}
	if ids := noteIDs(t, db); len(ids) != 2 {
		t.Errorf("a failed restore changed the notes: %v", ids)
	}
	if code, _, _ := runArgs(t, "--db", db, "restore"); code != 2 {
		t.Errorf("restore without FILE: exit %d", code)
	}
}

// A damaged database: the command still works, says in plain words what
// happened, restores the newest backup and leaves the damaged file on disk.
// The window opens its store the same way (openGUIStore) and shows
// Recovered() in a dialog.
func TestDamagedDatabase(t *testing.T) {
	spoilers := map[string]func(t *testing.T, path string){
		"garbage bytes": func(t *testing.T, path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("\x00\xffnot a database"), 8192), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"truncated": func(t *testing.T, path string) {
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, fi.Size()/3); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, spoil := range spoilers {
		for _, how := range []string{"command", "window"} {
			t.Run(name+"/"+how, func(t *testing.T) {
				db := tempDB(t)
				inBackup := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "in the backup"))
				mustRun(t, "--db", db, "backup")
				mustRun(t, "--db", db, "notes", "add", "--quote", "human rights", "--body", "after the backup")
				spoil(t, db)
				spoiled, _ := os.ReadFile(db)

				var msg string
				if how == "command" {
					code, out, stderr := runArgs(t, "--db", db, "notes", "list", "--json")
					if code != 0 {
						t.Fatalf("notes list on a damaged file: exit %d, %s", code, stderr)
					}
					if strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
						t.Errorf("the explanation takes more than one line: %q", stderr)
					}
					msg = stderr
					if !strings.Contains(out, inBackup) || strings.Contains(out, "after the backup") {
						t.Errorf("notes after recovery: %s", out)
					}
				} else {
					s, err := openGUIStore(&env{stdout: io.Discard, stderr: io.Discard, db: db}, parsedArticle(t))
					if err != nil {
						t.Fatalf("window store on a damaged file: %v", err)
					}
					msg = s.Recovered()
					if n, err := s.Note(inBackup); err != nil || n.Body != "in the backup" {
						t.Errorf("note from the backup: %+v, %v", n, err)
					}
					s.Close()
				}
				for _, want := range []string{"could not read its database", "damaged", "moved aside to", "was not deleted", "restored from the backup"} {
					if !strings.Contains(msg, want) {
						t.Errorf("message %q does not say %q", msg, want)
					}
				}
				aside, _ := filepath.Glob(db + ".damaged-*")
				found := false
				for _, a := range aside {
					if b, err := os.ReadFile(a); err == nil && bytes.Equal(b, spoiled) && strings.Contains(msg, a) {
						found = true
					}
				}
				if !found {
					t.Errorf("the damaged file is not on disk as it was, named in the message (found %v)", aside)
				}
				// And the next start is a normal one.
				if code, _, stderr := runArgs(t, "--db", db, "notes", "list"); code != 0 || stderr != "" {
					t.Errorf("next start: exit %d, %q", code, stderr)
				}
			})
		}
	}
}

// The database lives in the user's data directory unless GLOSSA_DB or
// --db say otherwise (--db wins).
func TestDatabaseLocation(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("GLOSSA_DB", "")
	def, err := store.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "config", "glossa", "glossa.db"); def != want {
		t.Fatalf("DefaultPath = %q, want %q", def, want)
	}
	add := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(mustRun(t, append(args, "notes", "add", "--quote", "sovereign equality")...))
	}
	inDefault := add()
	env := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("GLOSSA_DB", env)
	inEnv := add()
	flag := filepath.Join(t.TempDir(), "flag.db")
	inFlag := add("--db", flag)
	for path, id := range map[string]string{def: inDefault, env: inEnv, flag: inFlag} {
		ids := noteIDs(t, path)
		if len(ids) != 1 || !ids[id] {
			t.Errorf("%s holds %v, want only %s", path, ids, id)
		}
	}
}
