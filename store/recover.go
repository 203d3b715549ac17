package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// moveAside renames the database at path, with its journal files, to
// path.damaged-STAMP and returns that name. Nothing is ever deleted.
func moveAside(path string) (string, error) {
	aside := path + ".damaged-" + time.Now().UTC().Format(backupStamp)
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			if err := os.Rename(path+suffix, aside+suffix); err != nil {
				return "", fmt.Errorf("move aside %s: %w", suffix, err)
			}
		}
	}
	return aside, nil
}

// restoreNewestBackup puts the newest backup that opens without damage at
// path; ok is false when there is none. The copy is checked under another
// name and linked into place, which fails when the file is there already:
// two Glossa processes that start at once on a missing file never write
// over the copy the other has opened.
func restoreNewestBackup(path string) (used BackupFile, ok bool, err error) {
	list, err := Backups(path)
	if err != nil {
		return BackupFile{}, false, err
	}
	for _, b := range list {
		f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".restoring-*")
		if err != nil {
			return BackupFile{}, false, fmt.Errorf("store: open %s: restore backup %s: %w", path, b.Path, err)
		}
		tmp := f.Name()
		f.Close()
		removeTmp := func() {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(tmp + suffix)
			}
		}
		if err := copyFile(b.Path, tmp); err != nil {
			removeTmp()
			return BackupFile{}, false, fmt.Errorf("store: open %s: restore backup %s: %w", path, b.Path, err)
		}
		t, err := open(tmp, true)
		if err != nil {
			removeTmp() // a damaged backup: the copy goes, the backup itself stays
			continue
		}
		t.Close()
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			// journals left by a deleted file would be replayed onto the
			// backup; removed at the last moment, so that those of a copy
			// another Glossa has just put in place are not touched
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}
		err = os.Link(tmp, path)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			// a file system without links: the same, without the guard
			if _, serr := os.Stat(path); errors.Is(serr, os.ErrNotExist) {
				err = os.Rename(tmp, path)
			}
		}
		removeTmp()
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return BackupFile{}, false, fmt.Errorf("store: open %s: restore backup %s: %w", path, b.Path, err)
		}
		return b, true, nil
	}
	return BackupFile{}, false, nil
}

func backupWords(b BackupFile) string {
	return fmt.Sprintf("the backup of %s (%s)", b.Time.Local().Format("2 January 2006 15:04"), b.Path)
}

// recoverMissing treats a database file that is missing or empty, while
// backups of it exist, as damaged: the newest backup is restored (an empty
// file is kept aside first). It returns the message for the student, ""
// when there was nothing to do.
func recoverMissing(path string) (string, error) {
	fi, err := os.Stat(path)
	if err == nil && fi.Size() > 0 || err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if list, err := Backups(path); err != nil || len(list) == 0 {
		return "", nil // a first start
	}
	what, aside := "missing", ""
	if err == nil {
		what = "empty"
		if aside, err = moveAside(path); err != nil {
			return "", fmt.Errorf("store: open %s: the file is empty and could not be moved aside: %w", path, err)
		}
	}
	b, ok, err := restoreNewestBackup(path)
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("Glossa's database %s was %s, although backups of it exist. ", path, what)
	if aside != "" {
		msg += fmt.Sprintf("The empty file was moved aside to %s. ", aside)
	}
	if !ok {
		return msg + "None of the backups could be read, so Glossa started again with an empty database.", nil
	}
	return msg + "Your notes and study progress were restored from " + backupWords(b) +
		"; changes made after that backup are not in it.", nil
}

// recoverCorrupt moves the damaged database at path aside, restores the
// newest usable backup in its place and copies into it every row it can
// still read from the damaged file, newest version first (see salvage).
// When every row could be read (only the search index or another derived
// part was hit), no backup is needed: the rows go into a new file and the
// index is rebuilt. It returns the message for the student.
func recoverCorrupt(path string, cause error) (string, error) {
	aside, err := moveAside(path)
	if err != nil {
		return "", fmt.Errorf("store: open %s: the file is damaged (%v) and could not be moved aside: %w", path, cause, err)
	}
	msg := fmt.Sprintf("Glossa could not read its database %s because the file is damaged. "+
		"The damaged file was moved aside to %s (it was not deleted). ", path, aside)
	rows := readDamaged(aside)
	if rows.complete() {
		s, err := open(path, false)
		if err != nil {
			return "", fmt.Errorf("store: open %s: new file for the rows of the damaged one: %w", path, err)
		}
		got, err := s.salvage(rows, true)
		s.Close()
		if err != nil {
			return "", fmt.Errorf("store: open %s: copy from the damaged file: %w", path, err)
		}
		return msg + "Only its search index (or another part Glossa rebuilds) was damaged: every note and all study progress (" +
			got + ") were copied into a new file and the search index rebuilt. Nothing was lost.", nil
	}
	b, ok, err := restoreNewestBackup(path)
	if err != nil {
		return "", err
	}
	if ok {
		msg += "Your notes and study progress were restored from " + backupWords(b)
	} else {
		msg += "No usable backup was found, so Glossa started again with an empty database"
	}
	s, err := open(path, false)
	if err != nil {
		return "", fmt.Errorf("store: open %s: %w", path, err)
	}
	defer s.Close()
	got, err := s.salvage(rows, false)
	if err != nil {
		return "", fmt.Errorf("store: open %s: copy from the damaged file: %w", path, err)
	}
	if got == "" {
		if ok {
			return msg + "; changes made after that backup are not in it, and nothing more could be read from the damaged file.", nil
		}
		return msg + ", and nothing could be read from the damaged file.", nil
	}
	msg += "; from the damaged file Glossa recovered what it could still read and what was newer or missing: " + got + "."
	if lost := rows.incomplete(); lost != "" {
		msg += " Parts of it could not be read (" + lost + "): what was only there is lost."
	}
	return msg, nil
}

// salvageTables are the tables whose rows are copied from a damaged file,
// parents first. The article's own tables come back only when they could
// be read whole: a part of an article would hide the rest, since its
// version would look current.
var salvageTables = []string{"articles", "library", "sections", "paragraphs", "footnotes", "notes", "note_revisions", "settings", "cards", "reviews", "user_cards"}

var articleTables = map[string]bool{"articles": true, "library": true, "sections": true, "paragraphs": true, "footnotes": true}

// tableRows are the rows read from one table of a damaged file.
type tableRows struct {
	cols     []string
	rows     [][]any
	complete bool
}

type damagedRows map[string]*tableRows

func (d damagedRows) complete() bool {
	for _, t := range salvageTables {
		if r := d[t]; r == nil || !r.complete {
			return false
		}
	}
	return true
}

func (d damagedRows) incomplete() string {
	var out []string
	for _, t := range salvageTables {
		if r := d[t]; (r == nil || !r.complete) && !articleTables[t] {
			out = append(out, strings.ReplaceAll(t, "_", " "))
		}
	}
	return strings.Join(out, ", ")
}

// readDamaged reads every row it can from each table of a damaged file,
// through a copy so that the file kept aside stays exactly as it was.
func readDamaged(aside string) damagedRows {
	out := damagedRows{}
	dir, err := os.MkdirTemp(filepath.Dir(aside), ".salvage-*")
	if err != nil {
		return out
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "damaged.db")
	if copyFile(aside, tmp) != nil {
		return out
	}
	if _, err := os.Stat(aside + "-wal"); err == nil && copyFile(aside+"-wal", tmp+"-wal") != nil {
		return out
	}
	db, err := sql.Open("sqlite", tmp+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return out
	}
	defer db.Close()
	for _, t := range salvageTables {
		out[t] = readTable(db, t)
	}
	return out
}

// readTable reads table t in rowid order, a batch at a time. A batch that
// meets a damaged page is read again row by row, and the rows behind the
// damage are found by seeking ever further past it, so one bad page costs
// the rows on it and not the rest of the table.
func readTable(db *sql.DB, t string) *tableRows {
	r := &tableRows{complete: true}
	key := "rowid"
	if t == "settings" { // WITHOUT ROWID
		key = "key"
	}
	var last any = int64(-1 << 62)
	if key == "key" {
		last = ""
	}
	const batch = 256
	limit := batch
	for {
		q := fmt.Sprintf(`SELECT %s, * FROM %s WHERE %s > ? ORDER BY %s LIMIT %d`, key, t, key, key, limit)
		rows, err := db.Query(q, last)
		if err != nil {
			r.complete = false
			if next, ok := skipDamage(db, t, key, last); ok {
				last = next
				continue
			}
			return r
		}
		if r.cols == nil {
			cols, _ := rows.Columns()
			r.cols = cols[1:]
		}
		n := 0
		var scanErr error
		for rows.Next() {
			vals := make([]any, len(r.cols)+1)
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if scanErr = rows.Scan(ptrs...); scanErr != nil {
				break
			}
			last = vals[0]
			r.rows = append(r.rows, vals[1:])
			n++
		}
		err = errors.Join(scanErr, rows.Err())
		rows.Close()
		switch {
		case err != nil && limit > 1:
			limit = 1 // read up to the damage row by row
		case err != nil:
			r.complete = false
			next, ok := skipDamage(db, t, key, last)
			if !ok {
				return r
			}
			last, limit = next, batch
		case n < limit:
			return r
		default:
			limit = batch
		}
	}
}

// skipDamage finds a key past a damaged stretch of a table to go on
// reading from: rowids further and further ahead until one can be sought.
func skipDamage(db *sql.DB, t, key string, last any) (any, bool) {
	from, ok := last.(int64)
	if !ok {
		return nil, false // text keys cannot be stepped over
	}
	for step := int64(1); step < 1<<40; step *= 2 {
		var next sql.NullInt64
		err := db.QueryRow(fmt.Sprintf(`SELECT min(rowid) FROM %s WHERE rowid > ?`, t), from+step).Scan(&next)
		if err != nil {
			continue
		}
		if !next.Valid {
			return nil, false
		}
		return next.Int64 - 1, true
	}
	return nil, false
}

// salvage copies rows read from a damaged file into s, merging by id and
// keeping the newer version: a note, setting or own card by its updated
// time, a card's schedule by its last review; reviews and kept versions
// are added when missing. A note replaced by a newer one keeps its older
// version in its history. whole says every table was read completely, so
// the article's tables are copied too. It returns what was copied, in
// words ("12 notes, 3 reviews").
func (s *Store) salvage(d damagedRows, whole bool) (string, error) {
	counts := map[string]int64{}
	err := s.write(func(tx *sql.Tx) error {
		now := time.Now().UTC()
		for _, t := range salvageTables {
			r := d[t]
			if r == nil || len(r.rows) == 0 || articleTables[t] && !whole {
				continue
			}
			// a note's rowid is the new file's to choose; every other id is
			// kept, so that references stay right
			cols, drop := r.cols, -1
			if t == "notes" {
				drop = indexOf(cols, "rid")
				cols = without(cols, "rid")
			}
			stmt, err := tx.Prepare(salvageSQL(t, cols))
			if err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
			for _, row := range r.rows {
				if drop >= 0 {
					row = append(append([]any{}, row[:drop]...), row[drop+1:]...)
				}
				if t == "notes" {
					if err := keepSalvagedRevision(tx, cols, row, now); err != nil {
						stmt.Close()
						return err
					}
				}
				res, err := stmt.Exec(row...)
				if err != nil {
					stmt.Close()
					return fmt.Errorf("%s: %w", t, err)
				}
				n, _ := res.RowsAffected()
				counts[t] += n
			}
			stmt.Close()
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	var parts []string
	for _, c := range []struct{ table, one, many string }{
		{"notes", "note", "notes"}, {"reviews", "review", "reviews"}, {"cards", "card schedule", "card schedules"},
		{"user_cards", "own card", "own cards"}, {"settings", "setting (such as your reading position)", "settings (such as your reading position)"},
		{"note_revisions", "earlier version of a note", "earlier versions of notes"},
	} {
		switch n := counts[c.table]; {
		case n == 1:
			parts = append(parts, "1 "+c.one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, c.many))
		}
	}
	return strings.Join(parts, ", "), nil
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// keepSalvagedRevision keeps the version of a note that a newer salvaged
// one is about to replace.
func keepSalvagedRevision(tx *sql.Tx, cols []string, row []any, now time.Time) error {
	get := func(c string) any {
		if i := indexOf(cols, c); i >= 0 {
			return row[i]
		}
		return nil
	}
	id, _ := get("id").(string)
	var updated int64
	err := tx.QueryRow(`SELECT updated_at FROM notes WHERE id = ?`, id).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if u, ok := get("updated_at").(int64); !ok || u <= updated {
		return nil
	}
	body, _ := get("body").(string)
	color, _ := get("color").(string)
	tagsJSON, _ := get("tags").(string)
	var oldBody, oldTags, oldColor string
	if err := tx.QueryRow(`SELECT body, tags, color FROM notes WHERE id = ?`, id).Scan(&oldBody, &oldTags, &oldColor); err != nil {
		return err
	}
	if oldBody == body && oldTags == tagsJSON && oldColor == color {
		return nil
	}
	_, err = tx.Exec(`INSERT INTO note_revisions (note_id, body, tags, color, updated_at, source, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, oldBody, oldTags, oldColor, updated, RevisionRecovery, toDB(now))
	return err
}

// salvageSQL is the statement that merges one row of table t read with
// columns cols.
func salvageSQL(t string, cols []string) string {
	quoted := make([]string, len(cols))
	params := make([]string, len(cols))
	sets := make([]string, 0, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
		params[i] = "?"
		sets = append(sets, fmt.Sprintf(`"%s" = excluded."%s"`, c, c))
	}
	insert := fmt.Sprintf(`INSERT INTO main.%s (%s) VALUES (%s)`, t, strings.Join(quoted, ", "), strings.Join(params, ", "))
	set := strings.Join(sets, ", ")
	switch t {
	case "notes":
		return insert + ` ON CONFLICT (id) DO UPDATE SET ` + set + ` WHERE excluded.updated_at > notes.updated_at`
	case "settings":
		return insert + ` ON CONFLICT (key) DO UPDATE SET ` + set + ` WHERE excluded.updated_at > settings.updated_at`
	case "user_cards":
		return insert + ` ON CONFLICT (card_id) DO UPDATE SET ` + set + ` WHERE excluded.updated_at > user_cards.updated_at`
	case "cards":
		return insert + ` ON CONFLICT (card_id) DO UPDATE SET ` + set + ` WHERE excluded.last_review > cards.last_review`
	}
	return strings.Replace(insert, "INSERT INTO", "INSERT OR IGNORE INTO", 1)
}

func without(xs []string, x string) []string {
	var out []string
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
