package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Why an earlier version of a note was kept: what replaced it.
const (
	RevisionImport   = "import"   // a bundle brought a newer version
	RevisionEdit     = "edit"     // the student began editing again (one per session, see editGap)
	RevisionRestore  = "restore"  // an older version was brought back from the history
	RevisionRecovery = "recovery" // a newer version was salvaged from a damaged file
)

// editGap is how long a note rests before an edit keeps its earlier
// version again: the editor saves as the student types, and one version
// per sitting is what a student looks for, not one per keystroke.
const editGap = time.Hour

// NoteRevision is an earlier version of a note.
type NoteRevision struct {
	ID      int64 // stable within this database; RestoreRevision takes it
	NoteID  string
	Body    string
	Tags    []string
	Color   string
	Updated time.Time // when this version was last changed
	Source  string    // one of the Revision* constants: what replaced it
	Saved   time.Time // when it was replaced and kept here
}

// keepRevision copies note id as it is now into its history, unless the
// change about to be made (body, tags, color; nil tags: unchanged) leaves
// it as it is. For edits, only when the note rested for editGap.
func keepRevision(tx *sql.Tx, id, source string, body string, tags []string, color string, now time.Time) error {
	var oldBody, oldTags, oldColor string
	var updated int64
	err := tx.QueryRow(`SELECT body, tags, color, updated_at FROM notes WHERE id = ?`, id).Scan(&oldBody, &oldTags, &oldColor, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	newTags, _ := json.Marshal(cleanTags(tags))
	if tags == nil {
		newTags = []byte(oldTags)
	}
	if oldBody == body && oldTags == string(newTags) && oldColor == color {
		return nil
	}
	// within one sitting the version from before it is already kept (or
	// the note is new): the editor saves at every pause in the typing
	if source == RevisionEdit && now.Sub(fromDB(updated)) < editGap {
		return nil
	}
	_, err = tx.Exec(`INSERT INTO note_revisions (note_id, body, tags, color, updated_at, source, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, oldBody, oldTags, oldColor, updated, source, toDB(now))
	return err
}

// NoteHistory lists the earlier versions of note id, newest first. The
// current version is the note itself.
func (s *Store) NoteHistory(id string) ([]NoteRevision, error) {
	var out []NoteRevision
	err := s.retry(func() error {
		out = out[:0]
		rows, err := s.db.Query(`SELECT id, note_id, body, tags, color, updated_at, source, saved_at
			FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r NoteRevision
			var tags string
			var updated, saved int64
			if err := rows.Scan(&r.ID, &r.NoteID, &r.Body, &tags, &r.Color, &updated, &r.Source, &saved); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(tags), &r.Tags); err != nil {
				return fmt.Errorf("revision %d tags: %w", r.ID, err)
			}
			r.Updated, r.Saved = fromDB(updated), fromDB(saved)
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: history of note %s: %w", id, err)
	}
	return out, nil
}

// RestoreRevision makes revision rev of note id its current version (text,
// tags and color; the note stays where it is). The version it replaces is
// kept in the history first, so a restore is itself undone from there.
func (s *Store) RestoreRevision(id string, rev int64) (Note, error) {
	err := s.write(func(tx *sql.Tx) error {
		var body, tags, color string
		err := tx.QueryRow(`SELECT body, tags, color FROM note_revisions WHERE id = ? AND note_id = ?`, rev, id).Scan(&body, &tags, &color)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		var list []string
		if err := json.Unmarshal([]byte(tags), &list); err != nil {
			return err
		}
		now := time.Now().UTC()
		if err := keepRevision(tx, id, RevisionRestore, body, list, color, now); err != nil {
			return err
		}
		r, err := tx.Exec(`UPDATE notes SET body = ?, tags = ?, color = ?, updated_at = ? WHERE id = ?`, body, tags, color, toDB(now), id)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return Note{}, fmt.Errorf("store: restore note %s to version %d: %w", id, rev, err)
	}
	return s.Note(id)
}
