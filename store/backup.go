package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepBackups is how many automatic backups are kept beside the database.
const KeepBackups = 7

// BackupEvery is how old the newest automatic backup may get before Open
// writes another.
const BackupEvery = 24 * time.Hour

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

// autoBackup writes a backup when the newest is older than BackupEvery and
// keeps the newest KeepBackups.
func (s *Store) autoBackup(now time.Time) error {
	list, err := Backups(s.path)
	if err != nil {
		return err
	}
	if len(list) > 0 && now.Sub(list[0].Time) < BackupEvery {
		return nil
	}
	if _, err := s.BackupNow(now); err != nil {
		return err
	}
	return pruneBackups(s.path)
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
	// look like a backup to restore from.
	tmp := final + ".tmp"
	os.Remove(tmp)
	if err := s.Backup(tmp); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: backup: %w", err)
	}
	return final, nil
}

func pruneBackups(dbPath string) error {
	list, err := Backups(dbPath)
	if err != nil {
		return err
	}
	for _, b := range list[min(len(list), KeepBackups):] {
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("store: prune backups: %w", err)
		}
	}
	return nil
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
var restoreTables = []string{"articles", "sections", "paragraphs", "footnotes", "notes", "settings", "cards", "reviews", "user_cards"}

// Restore replaces everything in the database with the contents of file,
// a backup written by Backup (of this or an earlier schema version). The
// current contents are first saved as an automatic backup, and the copy is
// one transaction, so other processes on the file see either all of the
// old or all of the new. It returns the path of that safety backup.
func (s *Store) Restore(file string) (saved string, err error) {
	tmp, err := checkedCopy(file, BackupDir(s.path))
	if err != nil {
		return "", fmt.Errorf("store: restore %s: %w", file, err)
	}
	defer os.Remove(tmp)
	saved, err = s.BackupNow(time.Now())
	if err != nil {
		return "", fmt.Errorf("store: restore %s: save current database first: %w", file, err)
	}
	ctx := context.Background()
	err = s.retry(func() error {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS src`, tmp); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, `DETACH DATABASE src`)
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
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
	t, err := open(path)
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

// recoverCorrupt moves the damaged database at path aside (with its WAL
// and shared-memory files) and puts the newest usable backup in its place.
// It returns the message for the student.
func recoverCorrupt(path string, cause error) (string, error) {
	stamp := time.Now().UTC().Format(backupStamp)
	aside := path + ".damaged-" + stamp
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("store: open %s: the file is damaged (%v) and could not be moved aside: %w", path, cause, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			if err := os.Rename(path+suffix, aside+suffix); err != nil {
				return "", fmt.Errorf("store: open %s: move aside %s: %w", path, suffix, err)
			}
		}
	}
	msg := fmt.Sprintf("Glossa could not read its database %s because the file is damaged. "+
		"The damaged file was moved aside to %s (it was not deleted). ", path, aside)
	list, err := Backups(path)
	if err != nil {
		return "", err
	}
	for _, b := range list {
		if err := copyFile(b.Path, path); err != nil {
			return "", fmt.Errorf("store: open %s: restore backup %s: %w", path, b.Path, err)
		}
		t, err := open(path)
		if err == nil {
			t.Close()
			return msg + fmt.Sprintf("Your notes and study progress were restored from the backup of %s (%s); "+
				"changes made after that backup are not in it.", b.Time.Local().Format("2 January 2006 15:04"), b.Path), nil
		}
		// A damaged backup: the copy goes, the backup itself stays.
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
	return msg + "No usable backup was found, so Glossa started again with an empty database.", nil
}
