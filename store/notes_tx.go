package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Writes that belong together, each in one transaction: a note read,
// changed and written back by two calls could lose a change made between
// them (the saver's typed text, a tag set from the reader), and a
// footnote looked up and then created could get two notes.

// SetNoteTags replaces the tags of note id and nothing else.
func (s *Store) SetNoteTags(id string, tags []string) error {
	js, _ := json.Marshal(cleanTags(tags))
	err := s.write(func(tx *sql.Tx) error {
		r, err := tx.Exec(`UPDATE notes SET tags = ?, updated_at = ? WHERE id = ?`, string(js), toDB(time.Now()), id)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return fmt.Errorf("store: save tags of note %s: %w", id, err)
	}
	return nil
}

// ChangeNote writes body first when one is given (the text typed and not
// yet saved), then reads note id, lets change edit its tags, color or
// body, and writes it back: all in one transaction, so that a color set
// right after typing keeps both.
func (s *Store) ChangeNote(id string, body *string, change func(n *Note)) (Note, error) {
	err := s.write(func(tx *sql.Tx) error {
		now := toDB(time.Now())
		if body != nil {
			r, err := tx.Exec(`UPDATE notes SET body = ?, updated_at = ? WHERE id = ?`, *body, now, id)
			if err != nil {
				return err
			}
			if err := oneRow(r); err != nil {
				return err
			}
		}
		n, err := scanNote(tx.QueryRow(`SELECT `+noteColumns+` `+noteFrom+` WHERE n.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		change(&n)
		tags, _ := json.Marshal(cleanTags(n.Tags))
		_, err = tx.Exec(`UPDATE notes SET body = ?, tags = ?, color = ?, updated_at = ? WHERE id = ?`,
			n.Body, string(tags), n.Color, now, id)
		return err
	})
	if err != nil {
		return Note{}, fmt.Errorf("store: change note %s: %w", id, err)
	}
	return s.Note(id)
}

// FootnoteNote is the note on footnote n, made (empty) the first time it
// is asked for; looking and making are one transaction, so two quick taps
// make one note.
func (s *Store) FootnoteNote(n int) (Note, error) {
	target := strconv.Itoa(n)
	var id string
	err := s.write(func(tx *sql.Tx) error {
		err := tx.QueryRow(`SELECT id FROM notes WHERE article = ? AND target_kind = ? AND target_id = ? AND deleted_at IS NULL
			ORDER BY created_at LIMIT 1`, s.current.get(), TargetFootnote, target).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id = newNoteID()
		now := toDB(time.Now().UTC())
		_, err = tx.Exec(`
			INSERT INTO notes (id, target_kind, target_id, exact, prefix, suffix, para_index, start,
				body, tags, color, orphan, created_at, updated_at, article)
			VALUES (?1, ?2, ?3, '', '', '', 0, 0, '', '[]', '',
				NOT EXISTS (SELECT 1 FROM footnotes WHERE article = ?4 AND n = CAST(?3 AS INTEGER)), ?5, ?5, ?4)`,
			id, TargetFootnote, target, s.current.get(), now)
		return err
	})
	if err != nil {
		return Note{}, fmt.Errorf("store: note on footnote %d: %w", n, err)
	}
	return s.Note(id)
}
