package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepBackups is how many days have their newest backup kept; before
// them, one backup a week is kept for KeepWeeks weeks more. The newest
// backup that holds notes is never deleted.
const (
	KeepBackups = 7
	KeepWeeks   = 5
)

// BackupEvery is how old the newest backup may get before Open writes
// another (when the database holds notes or reviews).
const BackupEvery = 24 * time.Hour

// BackupOnCloseEvery is how old the newest backup may get before Close,
// after a session that changed something, writes another: a day's work is
// not left to the next day's backup, and a run of short commands does not
// write one each.
const BackupOnCloseEvery = time.Hour

const backupStamp = "20060102T150405.000Z"

// BackupDir is the directory of automatic backups of the database at
// dbPath: "backups" beside it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// BackupFile is one automatic backup.
type BackupFile struct {
	Path string
	Time time.Time // when it was written
}

func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// Backups lists the automatic backups of the database at dbPath, newest
// first.
func Backups(dbPath string) ([]BackupFile, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: list backups: %w", err)
	}
	prefix := backupPrefix(dbPath)
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		t, err := time.Parse(backupStamp, strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db"))
		if err != nil {
			continue
		}
		out = append(out, BackupFile{Path: filepath.Join(BackupDir(dbPath), name), Time: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// autoBackup writes a backup when the newest is older than BackupEvery
// and the database holds something of the student's, and prunes the old
// ones. A new, empty database gets none: a backup of nothing would only
// push a useful one out.
func (s *Store) autoBackup(now time.Time) error { return s.backupIfOlder(now, BackupEvery) }

// backupOnClose is autoBackup at the end of a session that changed
// something, with the shorter BackupOnCloseEvery.
func (s *Store) backupOnClose(now time.Time) error { return s.backupIfOlder(now, BackupOnCloseEvery) }

func (s *Store) backupIfOlder(now time.Time, age time.Duration) error {
	if s.readOnly {
		return nil
	}
	list, err := Backups(s.path)
	if err != nil {
		return err
	}
	if len(list) > 0 && now.Sub(list[0].Time) < age {
		return nil
	}
	if ok, err := s.holdsData(); err != nil || !ok {
		return err
	}
	if _, err := s.BackupNow(now); err != nil {
		return err
	}
	return pruneBackups(s.path)
}

// holdsData reports whether the database holds a note, a review or a card
// of the student's own.
func (s *Store) holdsData() (bool, error) {
	var ok bool
	err := s.retry(func() error {
		return s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM notes) OR EXISTS (SELECT 1 FROM reviews)
			OR EXISTS (SELECT 1 FROM user_cards)`).Scan(&ok)
	})
	return ok, err
}

// firstBackup writes the first backup of a database right after its first
// note or review is saved: a backup taken at the first start (before the
// article or any note) would restore nothing.
func (s *Store) firstBackup() {
	if !s.noBackup.Load() {
		return
	}
	if list, err := Backups(s.path); err == nil && len(list) > 0 {
		s.noBackup.Store(false)
		return
	}
	if _, err := s.BackupNow(time.Now()); err == nil {
		s.noBackup.Store(false)
	}
}

// BackupNow writes a backup into BackupDir, named by the time now, and
// returns its path. It counts as an automatic backup for Open's schedule.
func (s *Store) BackupNow(now time.Time) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("store: backup: %w", err)
	}
	final := filepath.Join(dir, backupPrefix(s.path)+now.UTC().Format(backupStamp)+".db")
	// Written under another name first: a half-written file must never
	// look like a backup to restore from, and a failed one is removed.
	tmp := final + ".tmp"
	os.Remove(tmp)
	if err := s.Backup(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: backup: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: backup: %w", err)
	}
	return final, nil
}

// syncFile flushes a file VACUUM INTO wrote (it does not itself), so a
// backup survives a power cut as the database does.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// pruneBackups keeps the newest backup of each of the last KeepBackups
// days that have one, the newest of each week for KeepWeeks weeks before
// those, and the newest backup holding notes however old; it deletes the
// rest.
func pruneBackups(dbPath string) error {
	list, err := Backups(dbPath)
	if err != nil {
		return err
	}
	keep := keptBackups(list, func(b BackupFile) bool { return backupHoldsNotes(b.Path) })
	for i, b := range list {
		if keep[i] {
			continue
		}
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("store: prune backups: %w", err)
		}
	}
	return nil
}

// keptBackups marks which of list (newest first) the policy of
// pruneBackups keeps.
func keptBackups(list []BackupFile, holdsNotes func(BackupFile) bool) []bool {
	keep := make([]bool, len(list))
	days := map[string]bool{}
	weeks := map[string]bool{}
	var oldestDaily time.Time
	for i, b := range list {
		day := b.Time.UTC().Format("2006-01-02")
		if len(days) < KeepBackups && !days[day] {
			days[day] = true
			keep[i] = true
			oldestDaily = b.Time
		}
	}
	for i, b := range list {
		if keep[i] || !b.Time.Before(oldestDaily) || oldestDaily.Sub(b.Time) > KeepWeeks*7*24*time.Hour {
			continue
		}
		y, w := b.Time.UTC().ISOWeek()
		if week := fmt.Sprint(y, "-", w); !weeks[week] {
			weeks[week] = true
			keep[i] = true
		}
	}
	for i, b := range list {
		if holdsNotes(b) {
			keep[i] = true
			break
		}
	}
	return keep
}

// backupHoldsNotes opens a backup for reading only and reports whether it
// has a note in it.
func backupHoldsNotes(path string) bool {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return false
	}
	defer db.Close()
	var ok bool
	return db.QueryRow(`SELECT EXISTS (SELECT 1 FROM notes)`).Scan(&ok) == nil && ok
}

// Backup writes a consistent copy of the database to file (VACUUM INTO),
// while others keep reading and writing. An existing file is not replaced.
func (s *Store) Backup(file string) error {
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("store: backup to %s: file exists", file)
	}
	if err := s.retry(func() error {
		_, err := s.db.Exec(`VACUUM INTO ?`, file)
		return err
	}); err != nil {
		return fmt.Errorf("store: backup to %s: %w", file, err)
	}
	return nil
}

// restoreTables are copied by Restore, parents before children. The search
// index is rebuilt by the triggers as rows arrive.
var restoreTables = []string{"articles", "library", "sections", "paragraphs", "footnotes", "notes", "settings", "cards", "reviews", "user_cards", "note_revisions"}

// Restore replaces everything in the database with the contents of file,
// a backup written by Backup (of this or an earlier schema version). The
// current contents are first saved as an automatic backup. The write lock
// is taken before that copy and held until the replacement is committed,
// so no note saved by another process can fall between them: it is in the
// copy or it comes after the restore. Others see either all of the old or
// all of the new. Restore returns the path of the safety backup.
func (s *Store) Restore(file string) (saved string, err error) {
	if s.readOnly {
		return "", fmt.Errorf("store: restore %s: %w", file, ErrReadOnly)
	}
	if err := RegularFile(file); err != nil {
		return "", fmt.Errorf("store: restore: %w", err)
	}
	tmp, err := checkedCopy(file, BackupDir(s.path))
	if err != nil {
		return "", fmt.Errorf("store: restore %s: %w", file, err)
	}
	defer os.Remove(tmp)
	ctx := context.Background()
	err = s.retry(func() error {
		saved = ""
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS src`, tmp); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, `DETACH DATABASE src`)
		tx, err := conn.BeginTx(ctx, nil) // IMMEDIATE: the write lock from here to Commit
		if err != nil {
			return err
		}
		defer tx.Rollback()
		// The safety copy is read by another connection (readers are not
		// blocked in WAL mode) and sees exactly what is about to be
		// replaced, since nobody else can commit now.
		if saved, err = s.BackupNow(time.Now()); err != nil {
			return fmt.Errorf("save current database first: %w", err)
		}
		for i := len(restoreTables) - 1; i >= 0; i-- {
			if _, err := tx.Exec(`DELETE FROM main.` + restoreTables[i]); err != nil {
				return err
			}
		}
		for _, t := range restoreTables {
			if _, err := tx.Exec(`INSERT INTO main.` + t + ` SELECT * FROM src.` + t); err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
		}
		return tx.Commit()
	})
	if err != nil {
		return saved, fmt.Errorf("store: restore %s: %w", file, err)
	}
	s.changed.Store(true)
	s.reloadCurrent()
	return saved, nil
}

// checkedCopy copies a backup into dir, checks that it is an undamaged
// Glossa database and migrates the copy to the current schema.
func checkedCopy(file, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "restore-*.tmp")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	f.Close()
	if err := copyFile(file, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := checkGlossaFile(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// checkGlossaFile opens path (migrating it) and fails unless it is an
// undamaged database that Glossa made.
func checkGlossaFile(path string) error {
	t, err := open(path, true)
	if err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("the file is damaged or not a database: %w", err)
		}
		return err
	}
	defer func() {
		t.Close()
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}()
	var n int
	if err := t.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		var notes int
		if err := t.db.QueryRow(`SELECT count(*) FROM notes`).Scan(&notes); err != nil {
			return err
		}
		if notes == 0 {
			return errors.New("the file is not a Glossa backup (no article and no notes in it)")
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
