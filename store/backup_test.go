package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAutoBackup(t *testing.T) {
	s, path := openTemp(t)
	// A new database holds nothing worth a backup: none at the first
	// start, none for the article; the first note makes the first one.
	if list := mustBackups(t, path); len(list) != 0 {
		t.Fatalf("backups after first Open = %+v", list)
	}
	mustImport(t, s, docV1)
	if err := s.autoBackup(time.Now().Add(48 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	if list := mustBackups(t, path); len(list) != 0 {
		t.Fatalf("backups of a database without notes = %+v", list)
	}
	if _, err := s.AddQuoteNote("cornerstone", "first", nil); err != nil {
		t.Fatal(err)
	}
	if list := mustBackups(t, path); len(list) != 1 || !backupHoldsNotes(list[0].Path) {
		t.Fatalf("backups after the first note = %+v", list)
	}
	// Within a day: no new backup.
	if err := s.autoBackup(time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if list := mustBackups(t, path); len(list) != 1 {
		t.Fatalf("backups within a day = %d", len(list))
	}
	// Forty days of starts keep the newest seven days, then one a week.
	start := time.Now()
	for d := 1; d <= 40; d++ {
		if err := s.autoBackup(start.Add(time.Duration(d) * 25 * time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	list := mustBackups(t, path)
	if want := start.Add(1000 * time.Hour); list[0].Time.Sub(want).Abs() > time.Minute {
		t.Fatalf("newest backup is from %v, want about %v", list[0].Time, want)
	}
	for i := 1; i < KeepBackups; i++ {
		if gap := list[i-1].Time.Sub(list[i].Time); gap != 25*time.Hour {
			t.Fatalf("daily backups %d and %d are %v apart, want 25h", i-1, i, gap)
		}
	}
	weeks := list[KeepBackups:]
	if len(weeks) < KeepWeeks-1 || len(weeks) > KeepWeeks+1 {
		t.Fatalf("%d weekly backups kept beyond the daily ones, want about %d: %v", len(weeks), KeepWeeks, weeks)
	}
	for i := 1; i < len(weeks); i++ {
		if gap := weeks[i-1].Time.Sub(weeks[i].Time); gap < 5*24*time.Hour || gap > 9*24*time.Hour {
			t.Fatalf("weekly backups %v apart", gap)
		}
	}
	entries, _ := os.ReadDir(BackupDir(path))
	if len(entries) != len(list) {
		t.Fatalf("backup dir holds %d files for %d backups (temporary files left?)", len(entries), len(list))
	}
}

// A session that changed something leaves a backup on Close, unless the
// newest is under BackupOnCloseEvery old; one that only read leaves none.
func TestBackupOnClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossa.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, docV1)
	s.AddQuoteNote("cornerstone", "first", nil) // the first backup
	s.Close()
	if n := len(mustBackups(t, path)); n != 1 {
		t.Fatalf("a session with only the first note: %d backups, want 1", n)
	}
	// pretend that backup was made two hours ago
	first := mustBackups(t, path)[0]
	old := filepath.Join(BackupDir(path), backupPrefix(path)+first.Time.Add(-2*time.Hour).UTC().Format(backupStamp)+".db")
	if err := os.Rename(first.Path, old); err != nil {
		t.Fatal(err)
	}
	s, _ = Open(path)
	s.Notes(NoteFilter{})
	s.Close()
	if n := len(mustBackups(t, path)); n != 1 {
		t.Fatalf("a session that only read: %d backups, want 1", n)
	}
	s, _ = Open(path)
	s.AddQuoteNote("vague offences", "second", nil)
	s.Close()
	list := mustBackups(t, path)
	if len(list) != 2 || time.Since(list[0].Time) > time.Minute {
		t.Fatalf("a session that added a note: backups %+v, want a new one", list)
	}
}

// A backup that fails (here: the file is damaged under it) leaves no
// temporary file behind.
func TestFailedBackupLeavesNoTemp(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, realArticle(t))
	var page int64
	if err := s.DB().QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = 'paragraphs' AND pagetype = 'leaf'`).Scan(&page); err != nil {
		t.Fatal(err)
	}
	s.Close()
	spoilPage(t, path, page)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	broken := &Store{db: db, path: path}
	if _, err := broken.BackupNow(time.Now()); err == nil {
		t.Fatal("backup of a damaged file succeeded")
	}
	entries, _ := os.ReadDir(BackupDir(path))
	for _, e := range entries {
		t.Errorf("left in the backups folder: %s", e.Name())
	}
}

// damage writes a database with a note and a backup of it, adds a note
// after the backup, then lets spoil wreck the file.
func damage(t *testing.T, spoil func(path string)) (path, before, after string) {
	t.Helper()
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	n1, err := s.AddQuoteNote("cornerstone", "in the backup", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	n2, _ := s.AddQuoteNote("vague offences", "after the backup", nil)
	s.Close()
	spoil(path)
	return path, n1.ID, n2.ID
}

func TestCorruptFileRecovered(t *testing.T) {
	spoilers := map[string]func(path string){
		"garbage bytes": func(path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("not a database \x00\xff"), 4096), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"truncated": func(path string) {
			fi, _ := os.Stat(path)
			if err := os.Truncate(path, fi.Size()/3); err != nil {
				t.Fatal(err)
			}
		},
		"page headers overwritten": func(path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			fi, _ := f.Stat()
			for off := int64(4096); off < fi.Size(); off += 4096 {
				f.WriteAt(bytes.Repeat([]byte{0xA5}, 16), off)
			}
			f.Close()
		},
	}
	for name, spoil := range spoilers {
		t.Run(name, func(t *testing.T) {
			path, inBackup, _ := damage(t, spoil)
			spoiled, _ := os.ReadFile(path)
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open of a damaged file: %v", err)
			}
			defer s.Close()
			msg := s.Recovered()
			if !strings.Contains(msg, "damaged") || !strings.Contains(msg, "restored from the backup") {
				t.Fatalf("Recovered() = %q", msg)
			}
			matches, _ := filepath.Glob(path + ".damaged-*")
			var aside string
			for _, m := range matches {
				if !strings.HasSuffix(m, "-wal") && !strings.HasSuffix(m, "-shm") {
					aside = m
				}
			}
			if aside == "" || !strings.Contains(msg, aside) {
				t.Fatalf("damaged file not kept or not named in %q (found %v)", msg, matches)
			}
			if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, spoiled) {
				t.Fatal("the damaged file was altered")
			}
			if n, err := s.Note(inBackup); err != nil || n.Body != "in the backup" {
				t.Fatalf("note from the backup: %+v, %v", n, err)
			}
			if err := s.check(); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddQuoteNote("cornerstone", "life goes on", nil); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCorruptWithoutBackup(t *testing.T) {
	// A Glossa database cut short before its first backup was made starts
	// as an SQLite file does: it is moved aside and Glossa starts afresh.
	path := filepath.Join(t.TempDir(), "glossa.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, b := range mustBackups(t, path) {
		os.Remove(b.Path)
	}
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	os.WriteFile(path, whole[:len(whole)/3], 0o600)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.Contains(s.Recovered(), "No usable backup") {
		t.Fatalf("Recovered() = %q", s.Recovered())
	}
	if m, _ := filepath.Glob(path + ".damaged-*"); len(m) != 1 {
		t.Fatalf("damaged file not kept: %v", m)
	}
}

// A file that is no database and was never Glossa's (a thesis given to
// --db by mistake) is refused and left exactly as it was.
func TestNotADatabaseIsLeftAlone(t *testing.T) {
	for name, content := range map[string][]byte{
		"markdown": []byte("# My thesis\n\nChapter one.\n"),
		"hello":    []byte("hello"),
		"garbage":  bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 1000),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "thesis.md")
			os.WriteFile(path, content, 0o600)
			_, err := Open(path)
			if !errors.Is(err, ErrNotDatabase) {
				t.Fatalf("Open = %v, want ErrNotDatabase", err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
				t.Error("the file was changed")
			}
			if m, _ := filepath.Glob(path + "*"); len(m) != 1 {
				t.Errorf("files beside it: %v", m)
			}
		})
	}
}

func mustBackups(t *testing.T, path string) []BackupFile {
	t.Helper()
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestUnreadableIsNotCorrupt(t *testing.T) {
	// A directory where the file should be is an error, not a reason to
	// move anything aside.
	path := filepath.Join(t.TempDir(), "glossa.db")
	os.Mkdir(path, 0o700)
	if _, err := Open(path); err == nil {
		t.Fatal("Open of a directory succeeded")
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Fatalf("directory moved: %v", err)
	}
}

func TestBackupRestore(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	kept, _ := s.AddQuoteNote("cornerstone", "kept", nil)
	s.SetSetting(SettingReadingPosition, "p1")
	file := filepath.Join(t.TempDir(), "mine.glossa")
	if err := s.Backup(file); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(file); err == nil {
		t.Fatal("Backup replaced an existing file")
	}
	later, _ := s.AddQuoteNote("vague offences", "later", nil)
	s.TrashNote(kept.ID)
	s.SetSetting(SettingReadingPosition, "p2")

	other, err := Open(path) // a second process on the file sees the restore
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	saved, err := s.Restore(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(saved); err != nil {
		t.Fatalf("safety backup: %v", err)
	}
	for _, st := range []*Store{s, other} {
		if n, err := st.Note(kept.ID); err != nil || !n.Deleted.IsZero() {
			t.Fatalf("restored note: %+v %v", n, err)
		}
		if _, err := st.Note(later.ID); err == nil {
			t.Fatal("note added after the backup survived the restore")
		}
		if v, _, _ := st.Setting(SettingReadingPosition); v != "p1" {
			t.Fatalf("restored setting = %q", v)
		}
		if h, _ := st.Search("kept", 5); len(h) != 1 {
			t.Fatalf("search index after restore: %+v", h)
		}
	}
	// The safety backup brings the later state back.
	if _, err := s.Restore(saved); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Note(later.ID); err != nil {
		t.Fatalf("restore of the safety backup: %v", err)
	}
	if err := s.check(); err != nil {
		t.Fatal(err)
	}

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("junk"), 1000), 0o600)
	if _, err := s.Restore(junk); err == nil || !strings.Contains(err.Error(), "damaged or not a database") {
		t.Fatalf("restore of junk: %v", err)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if _, err := s.Restore(empty); err == nil || !strings.Contains(err.Error(), "not a Glossa backup") {
		t.Fatalf("restore of an empty file: %v", err)
	}
	if _, err := s.Note(later.ID); err != nil {
		t.Fatalf("a failed restore changed the database: %v", err)
	}
}

// A write SQLite refuses because the file is read-only is told apart from
// damage: nothing is moved aside for it.
func TestReadOnlyIsNotCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossa.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`INSERT INTO settings(key, value) VALUES ('x', 'y')`)
	if err == nil {
		t.Fatal("a write through a read-only connection succeeded")
	}
	if !isReadOnly(err) || isCorrupt(err) {
		t.Errorf("read-only write error %v: isReadOnly %v, isCorrupt %v", err, isReadOnly(err), isCorrupt(err))
	}
}

// TestOpenBackupLater: the window opens the store without the day's
// backup and takes it once its first frame is drawn; the backup is the
// same one Open takes.
func TestOpenBackupLater(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	if _, err := s.AddQuoteNote("cornerstone", "a note", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(time.Now().Add(-48 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, b := range mustBackups(t, path) {
		if time.Since(b.Time) < time.Hour { // the first note's and Close's, today
			if err := os.Remove(b.Path); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := len(mustBackups(t, path)); n != 1 {
		t.Fatalf("%d backups before reopening, want the one of two days ago", n)
	}
	s, err := OpenBackupLater(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := len(mustBackups(t, path)); n != 1 {
		t.Fatalf("OpenBackupLater took a backup: %d", n)
	}
	if err := s.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	list := mustBackups(t, path)
	if len(list) != 2 || time.Since(list[0].Time) > time.Minute || !backupHoldsNotes(list[0].Path) {
		t.Fatalf("after AutoBackup: %+v, want today's backup with the note", list)
	}
}
