package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
)

// ImportResult says what ImportArticle did.
type ImportResult struct {
	Hash       string
	Unchanged  bool // this version was already the current one: nothing was written
	Paragraphs int
	Footnotes  int
	Checked    int // notes on passages and footnotes placed again in the new version
	Moved      int // of those, notes now at another paragraph or found only approximately
	Orphaned   int // of those, notes that could not be placed: kept, marked orphan
}

// ImportArticle puts doc in the library as the shipped article and makes
// it the current one, in one transaction. It is idempotent: importing the
// version already stored writes nothing. A new version (after a parser
// fix, say) replaces the text and its search index and keeps the ID;
// notes are placed again with their anchors and what cannot be placed is
// kept as an orphan. Cards and reviews do not depend on the text.
func (s *Store) ImportArticle(doc *article.Document) (ImportResult, error) {
	if doc == nil || len(doc.Hash) < idLen {
		return ImportResult{}, errors.New("store: import article: document has no hash")
	}
	res := ImportResult{Hash: doc.Hash, Paragraphs: len(doc.Paragraphs), Footnotes: len(doc.Footnotes)}
	// The common case, this version already stored, reads only: no write
	// lock at every start, and a read-only database opens too.
	if id, hash, complete, err := s.shipped(); err == nil && hash == doc.Hash && (complete || s.readOnly) {
		res.Unchanged = true
		s.current.setShipped(id)
		return res, nil
	}
	var id string
	err := s.write(func(tx *sql.Tx) error {
		res = ImportResult{Hash: doc.Hash, Paragraphs: len(doc.Paragraphs), Footnotes: len(doc.Footnotes)}
		var hash string
		var complete bool
		err := tx.QueryRow(`SELECT id, hash, document IS NOT NULL FROM library WHERE shipped = 1`).Scan(&id, &hash, &complete)
		if errors.Is(err, sql.ErrNoRows) {
			id = doc.Hash[:idLen]
		} else if err != nil {
			return err
		}
		if hash == doc.Hash && complete {
			res.Unchanged = true
			return nil
		}
		if hash == doc.Hash {
			// a database from before the library: only the document is missing
			res.Unchanged = true
			return saveInfo(tx, id, doc, shippedFormat, shippedOrigin, true)
		}
		if err := replaceText(tx, id, doc); err != nil {
			return err
		}
		if err := saveInfo(tx, id, doc, shippedFormat, shippedOrigin, true); err != nil {
			return err
		}
		// Notes and cards made before any article was imported are the
		// shipped article's.
		for _, q := range []string{`UPDATE notes SET article = ? WHERE article = ''`, `UPDATE user_cards SET article = ? WHERE article = ''`} {
			if _, err := tx.Exec(q, id); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`UPDATE articles SET current = 0 WHERE current = 1`); err != nil {
			return err
		}
		if _, err := tx.Exec(`
			INSERT INTO articles (hash, title, imported_at, current) VALUES (?, ?, ?, 1)
			ON CONFLICT (hash) DO UPDATE SET current = 1, imported_at = excluded.imported_at`,
			doc.Hash, doc.Title, toDB(time.Now())); err != nil {
			return err
		}
		return reanchor(tx, id, doc, &res)
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("store: import article %.12s: %w", doc.Hash, err)
	}
	s.current.setShipped(id)
	return res, nil
}

// shipped reads the shipped article's ID and stored version; complete is
// false for a database from before the library, which lacks its document.
func (s *Store) shipped() (id, hash string, complete bool, err error) {
	err = s.retry(func() error {
		return s.db.QueryRow(`SELECT id, hash, document IS NOT NULL FROM library WHERE shipped = 1`).Scan(&id, &hash, &complete)
	})
	return id, hash, complete, err
}

// replaceText puts doc's text in place of article id's.
func replaceText(tx *sql.Tx, id string, doc *article.Document) error {
	for _, q := range []string{`DELETE FROM paragraphs WHERE article = ?`, `DELETE FROM footnotes WHERE article = ?`, `DELETE FROM sections WHERE article = ?`} {
		if _, err := tx.Exec(q, id); err != nil {
			return err
		}
	}
	// One statement per table: the search index (FTS5) writes its pending
	// rows out at the end of every statement in a transaction, so a
	// statement per row wrote a segment per row and merged them over and
	// over (1.3 s for a 324-note Word file).
	type row = []any
	sections := make([]row, len(doc.Sections))
	for i, x := range doc.Sections {
		sections[i] = row{x.Number, x.Title, x.Level, i}
	}
	paras := make([]row, len(doc.Paragraphs))
	sectionOf := make(map[string]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		paras[i] = row{p.ID, i, p.Section, p.Text}
		sectionOf[p.ID] = p.Section
	}
	notes := make([]row, len(doc.Footnotes))
	for i, f := range doc.Footnotes {
		notes[i] = row{f.N, f.Paragraph, sectionOf[f.Paragraph], f.Text}
	}
	for _, t := range []struct {
		name, columns string
		rows          []row
	}{
		{"sections", "number, title, level, position", sections},
		{"paragraphs", "id, position, section, text", paras},
		{"footnotes", "n, paragraph_id, section, text", notes},
	} {
		if err := insertRows(tx, t.name, t.columns, id, t.rows); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

// maxParams is how many parameters one statement may have (SQLite's
// default limit).
const maxParams = 32766

// insertRows inserts rows of 4 values into table's columns, for article
// id, as one multi-row INSERT (several for an article too long for
// maxParams). The rows were passed as JSON before, which SQLite parsed
// again for every value: encoding and parsing it was a fifth of writing
// an article's text.
func insertRows(tx *sql.Tx, table, columns, id string, rows [][]any) error {
	per := (maxParams - 1) / 4
	for len(rows) > 0 {
		chunk := rows[:min(per, len(rows))]
		rows = rows[len(chunk):]
		var q strings.Builder
		q.Grow(64 + 17*len(chunk))
		q.WriteString("INSERT INTO " + table + " (article, " + columns + ") VALUES ")
		args := make([]any, 1, 1+4*len(chunk))
		args[0] = id
		for i, r := range chunk {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?1, ?, ?, ?, ?)")
			args = append(args, r...)
		}
		if _, err := tx.Exec(q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// reanchor places every passage and footnote note of article id, trashed
// ones included, in its new version. Only the position hint and the orphan flag change:
// the quote the student chose is never rewritten.
func reanchor(tx *sql.Tx, id string, doc *article.Document, res *ImportResult) error {
	type placed struct {
		rid      int64
		kind     string
		a        anchor.Anchor
		orphan   bool
		footnote int
	}
	rows, err := tx.Query(`
		SELECT rid, target_kind, target_id, exact, prefix, suffix, para_index, start, orphan
		FROM notes WHERE article = ? AND target_kind IN ('passage', 'footnote')`, id)
	if err != nil {
		return err
	}
	var notes []placed
	for rows.Next() {
		var p placed
		var target string
		if err := rows.Scan(&p.rid, &p.kind, &target, &p.a.Exact, &p.a.Prefix, &p.a.Suffix, &p.a.Index, &p.a.Start, &p.orphan); err != nil {
			rows.Close()
			return err
		}
		p.a.Paragraph = target
		p.footnote, _ = strconv.Atoi(target)
		notes = append(notes, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	footnotes := make(map[int]bool, len(doc.Footnotes))
	for _, f := range doc.Footnotes {
		footnotes[f.N] = true
	}
	upd, err := tx.Prepare(`UPDATE notes SET target_id = ?, para_index = ?, start = ?, orphan = ? WHERE rid = ?`)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, p := range notes {
		res.Checked++
		target, index, start, orphan := p.a.Paragraph, p.a.Index, p.a.Start, false
		if p.kind == "footnote" {
			orphan = !footnotes[p.footnote]
		} else if m, ok := anchor.Locate(doc.Paragraphs, p.a); ok {
			target, index, start = doc.Paragraphs[m.Index].ID, m.Index, m.Start
			if target != p.a.Paragraph || m.Method != anchor.Exact {
				res.Moved++
			}
		} else {
			orphan = true
		}
		if orphan {
			res.Orphaned++
		}
		if target == p.a.Paragraph && index == p.a.Index && start == p.a.Start && orphan == p.orphan {
			continue
		}
		if _, err := upd.Exec(target, index, start, orphan, p.rid); err != nil {
			return fmt.Errorf("place note %d: %w", p.rid, err)
		}
	}
	return nil
}

// CurrentArticle is the hash of the version stored of the current
// article ("" before the first import).
func (s *Store) CurrentArticle() (string, error) {
	var h string
	err := s.retry(func() error {
		return s.db.QueryRow(`SELECT hash FROM library WHERE id = ?`, s.current.get()).Scan(&h)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: current article: %w", err)
	}
	return h, nil
}

// Paragraphs returns the current article's paragraphs in reading order
// (ID, Index, Section and Text filled in).
func (s *Store) Paragraphs() ([]article.Paragraph, error) {
	var ps []article.Paragraph
	err := s.retry(func() error {
		ps = ps[:0]
		rows, err := s.db.Query(`SELECT id, section, text FROM paragraphs WHERE article = ? ORDER BY position`, s.current.get())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p := article.Paragraph{Index: len(ps)}
			if err := rows.Scan(&p.ID, &p.Section, &p.Text); err != nil {
				return err
			}
			ps = append(ps, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: load paragraphs: %w", err)
	}
	return ps, nil
}
