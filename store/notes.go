package store

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/anchor"
)

// What a note is attached to.
const (
	TargetPassage  = "passage"  // TargetID: paragraph ID; Anchor holds the quote
	TargetFootnote = "footnote" // TargetID: footnote number in decimal
	TargetSource   = "source"   // TargetID: a work cited in the footnotes
	TargetCard     = "card"     // TargetID: a flashcard id
)

// Note is a student's note or highlight.
type Note struct {
	ID         string // stable, random, 12 hex characters
	TargetKind string // one of the Target* constants
	TargetID   string // for a passage, the paragraph where the quote was last placed
	Anchor     anchor.Anchor
	Body       string // Markdown
	Tags       []string
	Color      string
	Orphan     bool   // its passage or footnote is not in the current article
	Section    string // section it is in now ("" when unplaced or not in the text)
	Created    time.Time
	Updated    time.Time
	Deleted    time.Time // zero unless the note is in the trash
	Article    string    // ID of the article the note belongs to
}

// Quote is the passage a note is attached to ("" for other targets).
func (n Note) Quote() string { return n.Anchor.Exact }

// NoteFilter selects notes. The zero value selects every note not in the
// trash.
type NoteFilter struct {
	TargetKind string // "" for any
	TargetID   string // "" for any
	Tag        string // "" for any
	Orphans    bool   // only orphans
	Trashed    bool   // the trash instead of the live notes
	// Article is the article whose notes are listed: "" for the current
	// one, AllArticles for every article not in the library's trash.
	Article string
}

// AllArticles in NoteFilter.Article (and `--article all`) spans the library.
const AllArticles = "all"

func newNoteID() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:])
}

func validTarget(kind string) bool {
	switch kind {
	case TargetPassage, TargetFootnote, TargetSource, TargetCard:
		return true
	}
	return false
}

func cleanTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// AddNote stores a new note and returns it with its id and times. A
// passage note needs Anchor.Exact; its TargetID defaults to
// Anchor.Paragraph. It is marked orphan when its paragraph or footnote is
// not in the current article.
func (s *Store) AddNote(n Note) (Note, error) {
	if n.TargetKind == "" {
		n.TargetKind = TargetPassage
	}
	if !validTarget(n.TargetKind) {
		return Note{}, fmt.Errorf("store: add note: unknown target kind %q", n.TargetKind)
	}
	if n.TargetKind == TargetPassage {
		if n.Anchor.Exact == "" {
			return Note{}, errors.New("store: add note: a passage note needs a quote")
		}
		if n.TargetID == "" {
			n.TargetID = n.Anchor.Paragraph
		}
		n.Anchor.Paragraph = n.TargetID
	}
	if err := ValidateNote(n); err != nil {
		return Note{}, fmt.Errorf("store: add note: %w", err)
	}
	n.ID = newNoteID()
	n.Tags = cleanTags(n.Tags)
	now := time.Now().UTC()
	n.Created, n.Updated, n.Deleted = now, now, time.Time{}
	tags, _ := json.Marshal(n.Tags)
	var added Note
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			INSERT INTO notes (id, target_kind, target_id, exact, prefix, suffix, para_index, start,
				body, tags, color, orphan, created_at, updated_at, article)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
				CASE ?2 WHEN 'passage' THEN NOT EXISTS (SELECT 1 FROM paragraphs WHERE article = ?12 AND id = ?3)
					WHEN 'footnote' THEN NOT EXISTS (SELECT 1 FROM footnotes WHERE article = ?12 AND n = CAST(?3 AS INTEGER))
					ELSE 0 END,
				?13, ?14, ?12)`,
			n.ID, n.TargetKind, n.TargetID, n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix, n.Anchor.Index, n.Anchor.Start,
			n.Body, string(tags), n.Color, s.current.get(), toDB(n.Created), toDB(n.Updated))
		if err != nil {
			return err
		}
		// read back in the same transaction: a restore swapping the file
		// after the commit must not make a note that was added look lost
		added, err = scanNote(tx.QueryRow(`SELECT `+noteColumns+` `+noteFrom+` WHERE n.id = ?`, n.ID))
		return err
	})
	if err != nil {
		return Note{}, fmt.Errorf("store: add note %s: %w", n.ID, err)
	}
	s.firstBackup()
	return added, nil
}

// ErrQuoteNotFound is returned by AddQuoteNote when the article does not
// contain the quote.
var ErrQuoteNotFound = errors.New("store: quote not found in the article")

// AddQuoteNote attaches a note to the first passage of the current article
// containing quote, ignoring case and runs of white space.
func (s *Store) AddQuoteNote(quote, body string, tags []string) (Note, error) {
	ps, err := s.Paragraphs()
	if err != nil {
		return Note{}, err
	}
	i, start, end, ok := anchor.Find(ps, quote)
	if !ok {
		return Note{}, fmt.Errorf("%w: %q", ErrQuoteNotFound, quote)
	}
	return s.AddNote(Note{TargetKind: TargetPassage, Anchor: anchor.At(ps, i, start, end), Body: body, Tags: tags})
}

// UpdateNote saves the body, tags and color of note n.ID (and its anchor
// or target, when they changed) and returns it as stored.
func (s *Store) UpdateNote(n Note) (Note, error) {
	if !validTarget(n.TargetKind) {
		return Note{}, fmt.Errorf("store: save note %s: unknown target kind %q", n.ID, n.TargetKind)
	}
	if n.TargetKind == TargetPassage {
		n.Anchor.Paragraph = n.TargetID
	}
	if err := ValidateNote(n); err != nil {
		return Note{}, fmt.Errorf("store: save note %s: %w", n.ID, err)
	}
	tags, _ := json.Marshal(cleanTags(n.Tags))
	err := s.write(func(tx *sql.Tx) error {
		if err := keepRevision(tx, n.ID, RevisionEdit, n.Body, n.Tags, n.Color, time.Now()); err != nil {
			return err
		}
		r, err := tx.Exec(`
			UPDATE notes SET target_kind = ?, target_id = ?, exact = ?, prefix = ?, suffix = ?, para_index = ?, start = ?,
				body = ?, tags = ?, color = ?, updated_at = ?
			WHERE id = ?`,
			n.TargetKind, n.TargetID, n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix, n.Anchor.Index, n.Anchor.Start,
			n.Body, string(tags), n.Color, toDB(time.Now()), n.ID)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return Note{}, fmt.Errorf("store: save note %s: %w", n.ID, err)
	}
	return s.Note(n.ID)
}

func oneRow(r sql.Result) error {
	n, err := r.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// TrashNote moves a note to the trash: it leaves lists and search but can
// be restored.
func (s *Store) TrashNote(id string) error {
	err := s.write(func(tx *sql.Tx) error {
		r, err := tx.Exec(`UPDATE notes SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`, toDB(time.Now()), id)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return fmt.Errorf("store: trash note %s: %w", id, err)
	}
	return nil
}

// RestoreNote takes a note out of the trash.
func (s *Store) RestoreNote(id string) error {
	err := s.write(func(tx *sql.Tx) error {
		r, err := tx.Exec(`UPDATE notes SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`, id)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return fmt.Errorf("store: restore note %s: %w", id, err)
	}
	return nil
}

// Trash lists the notes in the trash, most recently deleted first.
func (s *Store) Trash() ([]Note, error) { return s.Notes(NoteFilter{Trashed: true}) }

const noteColumns = `n.id, n.target_kind, n.target_id, n.exact, n.prefix, n.suffix, n.para_index, n.start,
	n.body, n.tags, n.color, n.orphan, COALESCE(CASE n.target_kind
		WHEN 'passage' THEN (SELECT section FROM paragraphs WHERE article = n.article AND id = n.target_id AND n.orphan = 0)
		WHEN 'footnote' THEN (SELECT section FROM footnotes WHERE article = n.article AND n = CAST(n.target_id AS INTEGER))
		END, ''), n.created_at, n.updated_at, COALESCE(n.deleted_at, 0), n.article`

// noteFrom reads the section as the note_sections view does, but per row:
// a join with the view made SQLite build the view for every note, a cost
// that grew with the square of their number (3 s at 20,000).
const noteFrom = `FROM notes n`

func scanNote(sc interface{ Scan(...any) error }) (Note, error) {
	var n Note
	var tags string
	var created, updated, deleted int64
	err := sc.Scan(&n.ID, &n.TargetKind, &n.TargetID, &n.Anchor.Exact, &n.Anchor.Prefix, &n.Anchor.Suffix,
		&n.Anchor.Index, &n.Anchor.Start, &n.Body, &tags, &n.Color, &n.Orphan, &n.Section, &created, &updated, &deleted, &n.Article)
	if err != nil {
		return Note{}, err
	}
	if n.TargetKind == TargetPassage {
		n.Anchor.Paragraph = n.TargetID
	}
	if n.Tags, err = decodeTags(tags); err != nil {
		return Note{}, fmt.Errorf("tags: %w", err)
	}
	n.Created, n.Updated, n.Deleted = fromDB(created), fromDB(updated), fromDB(deleted)
	return n, nil
}

// decodeTags reads the JSON array of a note's tags. Tags without a
// character JSON escapes are split directly: listing 20,000 notes spent a
// tenth of its time in encoding/json for them.
func decodeTags(s string) ([]string, error) {
	if s == "[]" {
		return []string{}, nil
	}
	if len(s) > 4 && strings.HasPrefix(s, `["`) && strings.HasSuffix(s, `"]`) && !strings.ContainsRune(s, '\\') {
		// without escapes no tag holds a quote, so `","` only separates
		return strings.Split(s[2:len(s)-2], `","`), nil
	}
	var tags []string
	err := json.Unmarshal([]byte(s), &tags)
	return tags, err
}

// Note returns one note, in the trash or not.
func (s *Store) Note(id string) (Note, error) {
	var n Note
	err := s.retry(func() error {
		var err error
		n, err = scanNote(s.db.QueryRow(`SELECT `+noteColumns+` `+noteFrom+` WHERE n.id = ?`, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return Note{}, fmt.Errorf("store: load note %s: %w", id, err)
	}
	return n, nil
}

// Notes lists the notes f selects in reading order: notes on passages by
// their place in the article, then the others and orphans by creation time.
// The trash is listed most recently deleted first.
func (s *Store) Notes(f NoteFilter) ([]Note, error) {
	where := []string{"n.deleted_at IS NULL"}
	// The order and the sections are worked out here from the article's
	// few hundred paragraphs and footnotes, not per note by SQLite (two
	// index lookups a note), and sorted here: SQLite's sorter carries every
	// column, the whole text of every note, through temporary files. At
	// 20,000 notes that was three quarters of the time.
	places, err := s.notePlaces(f.Article)
	if err != nil {
		return nil, fmt.Errorf("store: list notes: %w", err)
	}
	var args []any
	if f.Trashed {
		where[0] = "n.deleted_at IS NOT NULL"
	}
	if f.Article == AllArticles {
		where = append(where, "n.article IN (SELECT id FROM library WHERE trashed_at = 0)")
	} else {
		where = append(where, "n.article = ?")
		args = append(args, s.scope(f.Article))
	}
	if f.TargetKind != "" {
		where = append(where, "n.target_kind = ?")
		args = append(args, f.TargetKind)
	}
	if f.TargetID != "" {
		where = append(where, "n.target_id = ?")
		args = append(args, f.TargetID)
	}
	if f.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = ?)")
		args = append(args, f.Tag)
	}
	if f.Orphans {
		where = append(where, "n.orphan = 1")
	}
	q := `SELECT ` + listColumns + ` ` + noteFrom + ` WHERE ` + strings.Join(where, " AND ")
	type sorted struct {
		n          Note
		article    int // the library's order, for a list of every article
		pos        float64
		start      int
		created, r int64
	}
	// room for every note at once: growing a slice of 20,000 notes step by
	// step cost a fifth of the list (the count reads the small index)
	var all int
	if err := s.retry(func() error { return s.db.QueryRow(`SELECT count(*) FROM notes`).Scan(&all) }); err != nil {
		return nil, fmt.Errorf("store: list notes: %w", err)
	}
	list := make([]sorted, 0, all)
	err = s.retry(func() error {
		list = list[:0]
		rows, err := s.db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x sorted
			n, err := scanNote(withKeys{rows, []any{&x.r}})
			if err != nil {
				return err
			}
			x.n, x.start, x.created = n, n.Anchor.Start, toDB(n.Created)
			x.n.Section, x.pos = places.of(n)
			x.article = places.order[n.Article]
			if f.Trashed {
				x.pos, x.start, x.created, x.r = float64(-toDB(n.Deleted)), 0, 0, -x.r
			}
			list = append(list, x)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: list notes: %w", err)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.article != b.article {
			return a.article < b.article
		}
		if a.pos != b.pos {
			return a.pos < b.pos
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.created != b.created {
			return a.created < b.created
		}
		return a.r < b.r
	})
	notes := make([]Note, len(list))
	for i, x := range list {
		notes[i] = x.n
	}
	return notes, nil
}

// listColumns are noteColumns without the section, which Notes works out
// with notePlaces, and with the rowid to break ties.
const listColumns = `n.id, n.target_kind, n.target_id, n.exact, n.prefix, n.suffix, n.para_index, n.start,
	n.body, n.tags, n.color, n.orphan, '', n.created_at, n.updated_at, COALESCE(n.deleted_at, 0), n.article, n.rid`

// placeIndex is where paragraphs and footnotes are in the article: what
// the note_sections view and the order of Notes read per note.
type placeIndex struct {
	para  map[paraKey]spot
	foot  map[footKey]spot
	order map[string]int // articles in the library's order
}

type paraKey struct{ article, id string }

type footKey struct {
	article string
	n       int64
}

type spot struct {
	section  string
	position sql.NullInt64
}

// unplaced sorts after every placed note, as 1e18 did in SQL.
const unplaced = 1e18

// notePlaces reads where the paragraphs and footnotes of article (as in
// NoteFilter.Article) are.
func (s *Store) notePlaces(article string) (placeIndex, error) {
	pi := placeIndex{para: map[paraKey]spot{}, foot: map[footKey]spot{}, order: map[string]int{}}
	where, args := `article = ?`, []any{s.scope(article)}
	if article == AllArticles {
		where, args = `article IN (SELECT id FROM library WHERE trashed_at = 0)`, nil
	}
	err := s.retry(func() error {
		clear(pi.para)
		clear(pi.foot)
		clear(pi.order)
		rows, err := s.db.Query(`SELECT article, id, section, position FROM paragraphs WHERE `+where, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k paraKey
			var p spot
			if err := rows.Scan(&k.article, &k.id, &p.section, &p.position); err != nil {
				rows.Close()
				return err
			}
			pi.para[k] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = s.db.Query(`SELECT f.article, f.n, f.section, p.position FROM footnotes f
			LEFT JOIN paragraphs p ON p.article = f.article AND p.id = f.paragraph_id WHERE f.`+where, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k footKey
			var p spot
			if err := rows.Scan(&k.article, &k.n, &p.section, &p.position); err != nil {
				rows.Close()
				return err
			}
			pi.foot[k] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if article != AllArticles {
			return nil
		}
		rows, err = s.db.Query(`SELECT id FROM library ORDER BY shipped DESC, opened_at DESC, added_at DESC, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			pi.order[id] = len(pi.order)
		}
		return rows.Err()
	})
	return pi, err
}

// of is the section of note n and the position it sorts at.
func (pi placeIndex) of(n Note) (string, float64) {
	var p spot
	var ok bool
	switch n.TargetKind {
	case TargetPassage:
		if !n.Orphan {
			p, ok = pi.para[paraKey{n.Article, n.TargetID}]
		}
	case TargetFootnote:
		p, ok = pi.foot[footKey{n.Article, sqlInteger(n.TargetID)}]
	}
	if !ok || !p.position.Valid {
		return p.section, unplaced
	}
	return p.section, float64(p.position.Int64)
}

// sqlInteger is CAST(s AS INTEGER) as SQLite does it: the leading digits.
func sqlInteger(s string) int64 {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	var v int64
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		return -v
	}
	return v
}

// withKeys scans a note's columns followed by the keys it is sorted by.
type withKeys struct {
	rows *sql.Rows
	keys []any
}

func (w withKeys) Scan(dest ...any) error { return w.rows.Scan(append(dest, w.keys...)...) }

// FootnoteNumber is the footnote a footnote note is attached to (0 for
// other notes).
func (n Note) FootnoteNumber() int {
	if n.TargetKind != TargetFootnote {
		return 0
	}
	v, _ := strconv.Atoi(n.TargetID)
	return v
}

// SetNoteBody saves only the body of note id: what the editor saves as the
// student types, so that it never overwrites a tag or color set meanwhile.
func (s *Store) SetNoteBody(id, body string) error {
	if err := ValidateNote(Note{Body: body}); err != nil {
		return fmt.Errorf("store: save note %s: %w", id, err)
	}
	err := s.write(func(tx *sql.Tx) error {
		var color string
		if err := tx.QueryRow(`SELECT color FROM notes WHERE id = ?`, id).Scan(&color); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := keepRevision(tx, id, RevisionEdit, body, nil, color, time.Now()); err != nil {
			return err
		}
		r, err := tx.Exec(`UPDATE notes SET body = ?, updated_at = ? WHERE id = ?`, body, toDB(time.Now()), id)
		if err != nil {
			return err
		}
		return oneRow(r)
	})
	if err != nil {
		return fmt.Errorf("store: save note %s: %w", id, err)
	}
	return nil
}
