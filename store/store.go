// Package store keeps everything a student makes in one SQLite file
// (modernc.org/sqlite, pure Go): the imported article with a full-text
// index, notes anchored to passages, settings and reading position,
// flashcard state and the review log, and backups of the file.
//
// Every write runs in one IMMEDIATE transaction, retried while another
// connection or process holds the write lock, so two Glossa processes can
// share a file. Nothing a student made is ever simply lost: a damaged,
// missing or emptied file is replaced by the newest backup with every row
// still readable in the damaged one merged in (recover.go), the damaged
// file is kept aside, a note replaced by an import or a restore keeps its
// earlier version (history.go), and backups start with the first note and
// are pruned around the newest that holds notes (backup.go).
package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrNotFound is returned when a note, card or setting asked for by id
// does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is an open study database.
type Store struct {
	db        *sql.DB
	path      string
	recovered string
	readOnly  bool        // the file or its folder may not be written: reads only
	changed   atomic.Bool // a write was committed since Open: Close keeps a backup
	noBackup  atomic.Bool // no backup exists yet: the first note or review makes one
	opened    bool        // checks passed: a damaged page met from now on is remembered
	current   current     // the article the article-scoped methods work on (library.go)
}

// DefaultPath is where Glossa keeps its database when no --db is given.
// The GUI and the CLI share it.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: default path: %w", err)
	}
	return filepath.Join(dir, "glossa", "glossa.db"), nil
}

// busyTimeout is how long SQLite itself waits for a lock before a
// statement fails with SQLITE_BUSY; write then retries the whole
// transaction on top of it.
const busyTimeout = 5 * time.Second

func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	// FULL: a note whose id was shown survives a power cut, not only a crash.
	q.Add("_pragma", "synchronous(FULL)")
	// Write transactions take the lock at BEGIN: in WAL mode a deferred
	// transaction that upgrades to a writer gets SQLITE_BUSY without the
	// busy handler ever running.
	q.Set("_txlock", "immediate")
	return path + "?" + q.Encode()
}

// Open opens or creates the database at path and migrates it to the
// current schema. A file that is damaged is moved aside (never deleted),
// the newest backup restored and every row still readable in the damaged
// file copied back (see recoverCorrupt); a file that is missing or empty
// while backups of it exist counts as damaged too. Recovered then says
// what happened. A file or folder that may not be written is opened for
// reading only (see ReadOnly). Open also keeps the backups (see
// autoBackup).
//
// Open costs the same for 20,000 notes as for 3: it checks the file's
// header and that every table can be read, and runs SQLite's full
// integrity check only once a day (integrityEvery) or after a query met a
// damaged page.
func Open(path string) (*Store, error) {
	s, err := openKeeping(path)
	if err != nil {
		return nil, err
	}
	// A failed backup must not keep the student from their notes; the
	// next start tries again.
	_ = s.autoBackup(time.Now())
	return s, nil
}

// OpenBackupLater is Open without the day's backup, for a caller with
// something more urgent to do first: the window opens on the store and
// draws its first frame, then takes the backup with AutoBackup on a
// goroutine of its own (copying a big file took the start as long as the
// rest of it).
func OpenBackupLater(path string) (*Store, error) { return openKeeping(path) }

// AutoBackup takes the backup Open takes when the newest is older than
// BackupEvery (see autoBackup); safe beside other use of the store, as
// the copy is one read transaction (VACUUM INTO).
func (s *Store) AutoBackup() error {
	if err := s.autoBackup(time.Now()); err != nil {
		return fmt.Errorf("store: daily backup: %w", err)
	}
	return nil
}

// openKeeping opens path as Open does, backups aside.
func openKeeping(path string) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		if err := RegularFile(path); err != nil {
			return nil, fmt.Errorf("store: open: %w", err)
		}
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	if !writable(path) {
		s, err := openReadOnly(path)
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
		return s, nil
	}
	recovered, err := recoverMissing(path)
	if err != nil {
		return nil, err
	}
	s, err := open(path, false)
	if err != nil && isCorrupt(err) {
		if notOurs(path) {
			return nil, fmt.Errorf("store: open %s: %w", path, ErrNotDatabase)
		}
		recovered, err = recoverCorrupt(path, err)
		if err != nil {
			return nil, err
		}
		s, err = open(path, false)
	}
	if err != nil {
		if isReadOnly(err) {
			return nil, fmt.Errorf("store: open %s: %w (%v)", path, ErrReadOnly, err)
		}
		return nil, err
	}
	s.recovered = recovered
	list, _ := Backups(path)
	s.noBackup.Store(len(list) == 0)
	return s, nil
}

// writable reports whether Glossa may write the database at path and
// create its journal beside it. Only a refusal of permission counts: any
// other trouble is left to SQLite to report.
func writable(path string) bool {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if errors.Is(err, fs.ErrPermission) {
		return false
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".glossa-write-test-*")
	if err != nil {
		return !errors.Is(err, fs.ErrPermission)
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// openReadOnly opens a database Glossa may not write: lists, search and
// export still work, every write fails with ErrReadOnly.
func openReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, ErrReadOnly // nothing to read, and no file may be made
	}
	s, err := openReadOnlyAs(path, "mode=ro")
	if err != nil && isReadOnly(err) {
		// SQLite reads a file in WAL mode through a shared-memory file
		// beside it, which a read-only folder cannot take. Without a
		// journal left behind, nobody can be changing the file: read it
		// as the unchanging file it is.
		if _, werr := os.Stat(path + "-wal"); errors.Is(werr, os.ErrNotExist) {
			s, err = openReadOnlyAs(path, "immutable=1")
		}
	}
	if err != nil {
		if isReadOnly(err) {
			return nil, ErrReadOnly
		}
		return nil, err
	}
	db := s.db
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		db.Close()
		return nil, err
	}
	if v != len(migrations) {
		db.Close()
		return nil, fmt.Errorf("%w (and it was made by another version of Glossa, so it cannot even be read as it is)", ErrReadOnly)
	}
	if err := s.loadCurrent(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func openReadOnlyAs(path, mode string) (*Store, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?"+mode+"&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: true}
	if err := s.cheapCheck(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// ReadOnly reports whether the database was opened for reading only,
// because the file or its folder may not be written.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ErrReadOnly is returned by Open when the database, or its folder, may
// not be written: Glossa saves as it goes, so it cannot work on it.
var ErrReadOnly = errors.New("Glossa may not write to the database file or its folder, so it can show your notes but not change them; check their permissions, or copy the file somewhere you may write and open that with --db")

func isReadOnly(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_READONLY
}

// ErrNotDatabase is returned by Open for a file that is not an SQLite
// database and that Glossa never backed up: most likely a document given
// to --db by mistake. It is left as it was.
var ErrNotDatabase = errors.New("the file is not a Glossa database (not even an SQLite file), so Glossa left it alone: choose another file")

// notOurs reports whether path, which SQLite cannot read, is a file that
// was never Glossa's: it does not start as an SQLite file does and no
// backup of a Glossa database at that path exists. A damaged Glossa file
// (truncated, or overwritten with garbage) has backups and is recovered.
func notOurs(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	if n == len(sqliteHeader) && string(head) == sqliteHeader {
		return false
	}
	list, err := Backups(path)
	return err == nil && len(list) == 0
}

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// ErrNotGlossa is returned by Open for an SQLite database that another
// program made; it is left as it was.
var ErrNotGlossa = errors.New("the file is a database of another program, not Glossa's: choose another file")

// foreign fails with ErrNotGlossa when path is an SQLite database with
// tables but without Glossa's. It reads through a connection that sets no
// journal mode, so that a file of another program is not changed at all.
func foreign(path string) error {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil // a new or empty file; errors are Open's to report
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	var tables, ours int
	if err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE name = 'articles') FROM sqlite_schema WHERE type = 'table'`).Scan(&tables, &ours); err != nil {
		return err
	}
	if tables > 0 && ours == 0 {
		return ErrNotGlossa
	}
	return nil
}

// open opens, checks and migrates path without any recovery. full asks
// for SQLite's full integrity check whatever the schedule says.
func open(path string, full bool) (*Store, error) {
	if err := foreign(path); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	fail := func(err error) (*Store, error) {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := s.cheapCheck(); err != nil {
		return fail(err)
	}
	_, suspect := os.Stat(suspectFile(path))
	full = full || suspect == nil || s.integrityDue(time.Now())
	if full {
		if err := s.check(); err != nil {
			return fail(err)
		}
	}
	if err := s.migrate(); err != nil {
		return fail(err)
	}
	if full {
		// a failure to note it only means the check runs again next time
		if s.SetSetting(settingIntegrityChecked, time.Now().UTC().Format(time.RFC3339)) == nil {
			os.Remove(suspectFile(path))
		}
	}
	s.changed.Store(false)
	s.opened = true
	if err := s.loadCurrent(); err != nil {
		return fail(err)
	}
	return s, nil
}

// settingIntegrityChecked holds when the full integrity check last passed.
const settingIntegrityChecked = "store.integrity_checked"

// integrityEvery is how often Open runs SQLite's full integrity check,
// whose cost grows with the file (about a second at 20,000 notes).
const integrityEvery = 24 * time.Hour

func (s *Store) integrityDue(now time.Time) bool {
	var v string
	err := s.retry(func() error {
		return s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingIntegrityChecked).Scan(&v)
	})
	if err != nil {
		return true // never checked, or a file from before settings existed
	}
	t, err := time.Parse(time.RFC3339, v)
	return err != nil || now.Sub(t) >= integrityEvery || t.After(now)
}

// suspectFile is left beside the database when a query met a damaged
// page, so that the next Open runs the full check and recovers.
func suspectFile(path string) string { return path + "-check" }

// checkHeader reads the first 100 bytes of path: a file shorter than its
// header says it is (cut short by a failed copy, say) is damaged, which
// SQLite would otherwise only find when a query reaches the missing end.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // a new file; errors are SQLite's to report
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return nil
	}
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil || string(head[:len(sqliteHeader)]) != sqliteHeader {
		return fmt.Errorf("%w: the file does not start as a database does", errCorrupt)
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("%w: page size %d in the header", errCorrupt, pageSize)
	}
	// The page count is valid when the change counter matches; with a
	// journal present another process may be checkpointing: leave it.
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil
	}
	if binary.BigEndian.Uint32(head[24:]) == binary.BigEndian.Uint32(head[92:]) {
		if pages := int64(binary.BigEndian.Uint32(head[28:])); fi.Size() < pages*pageSize {
			return fmt.Errorf("%w: the file has %d bytes, its header says %d", errCorrupt, fi.Size(), pages*pageSize)
		}
	}
	return nil
}

// cheapCheck reads the schema and the first row of every table: a damaged
// root page or schema shows at once, at a cost that does not grow with
// the number of notes. Damage deeper in a table is for the scheduled full
// check (and for the query that meets it, see retry).
func (s *Store) cheapCheck() error {
	tables, err := s.textColumn(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return err
	}
	for _, t := range tables {
		err := s.retry(func() error {
			cols := "*"
			if t == "library" {
				// not the whole document imported (160 KB for the shipped
				// article), which doubled what Open allocates
				cols = "id, hash, title, length(document)"
			}
			rows, err := s.db.Query(`SELECT ` + cols + ` FROM "` + strings.ReplaceAll(t, `"`, `""`) + `" LIMIT 1`)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
			}
			return rows.Err()
		})
		if err != nil {
			return fmt.Errorf("table %s: %w", t, err)
		}
	}
	return nil
}

// errCorrupt marks an integrity check that did not say ok.
var errCorrupt = errors.New("integrity check failed")

// check runs SQLite's full integrity check; its cost grows with the file,
// so Open runs it on a schedule (integrityDue).
func (s *Store) check() error {
	problems, err := s.textColumn(`PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return fmt.Errorf("%w: %s", errCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// isCorrupt tells a damaged file from other failures (permissions, a
// full disk), which must never cause a file to be moved aside.
func isCorrupt(err error) bool {
	if errors.Is(err, errCorrupt) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return true
		}
	}
	return false
}

// Close keeps a backup when something was written since Open (see
// backupOnClose), then closes the database.
func (s *Store) Close() error {
	if s.changed.Swap(false) {
		// as at Open: a failed backup must not lose what is saved
		_ = s.backupOnClose(time.Now())
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Recovered is "" normally. When Open found the file damaged it says, in
// plain words for the student, what was done and where the damaged file is.
func (s *Store) Recovered() string { return s.recovered }

// DB gives tests and tools read access to the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// isBusy reports an error that goes away by itself once another
// connection or process is done: the database locked, or its schema
// changed under a statement (a second Glossa starting while the first
// creates the tables; SQLite's advice is to prepare the statement again).
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_SCHEMA:
			return true
		}
	}
	return false
}

// retryFor bounds how long a busy database is waited for, over and above
// SQLite's own busy timeout per attempt.
const retryFor = 30 * time.Second

// textColumn reads the one text column query selects, retrying as retry does.
func (s *Store) textColumn(query string, args ...any) ([]string, error) {
	var out []string
	err := s.retry(func() error {
		out = out[:0]
		rows, err := s.db.Query(query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// retry runs f again while it fails because the database is locked by
// another connection or process, so that "database is locked" never
// reaches the student.
func (s *Store) retry(f func() error) error {
	deadline := time.Now().Add(retryFor)
	pause := time.Millisecond
	for {
		err := f()
		if err != nil && s.opened && isCorrupt(err) {
			// the next Open runs the full check and recovers what it can
			os.WriteFile(suspectFile(s.path), nil, 0o600)
		}
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(pause)
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// write runs f in one IMMEDIATE transaction, committed when f returns nil,
// retried from the start while the database is busy.
func (s *Store) write(f func(tx *sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	defer s.changed.Store(true)
	return s.retry(func() error {
		tx, err := s.db.BeginTx(context.Background(), nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := f(tx); err != nil {
			return err
		}
		return tx.Commit()
	})
}

// Times are stored as Unix nanoseconds; 0 is the zero time.
func toDB(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromDB(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
