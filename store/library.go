package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/glossa-app/glossa/app/article"
)

// The library: every article the student brought, the shipped one first.
// An article is named by a stable ID, the first 12 hex digits of the
// SHA-256 of the first version imported (doc.Hash[:12]); a new version
// keeps it. The store keeps one current article (Use): the article-scoped
// methods (paragraphs, notes, reading position, search, own cards) work on
// it, so screens need not pass an ID everywhere.

// ArticleInfo is one article of the library, as the Library screen and
// `glossa library` list it.
type ArticleInfo struct {
	ID         string
	Title      string
	Authors    []string
	Year       int // 0 when the document does not say
	Footnotes  int
	Paragraphs int
	Notes      int // the student's notes not in the trash
	Problems   int // conversion problems the front end reported
	Format     string
	Origin     string // file name it came from
	Shipped    bool   // the article Glossa ships with
	Added      time.Time
	Opened     time.Time // zero until it is first opened (Use)
	Trashed    time.Time // zero unless it is in the trash
}

// AddResult says what AddArticle did with one document.
type AddResult struct {
	ID        string
	Status    string // StatusAdded, StatusUnchanged, StatusUpdated or StatusRefused
	Title     string
	Authors   []string
	Footnotes int
	Problems  int
	// Notes placed again when a new version replaced the text: Placed
	// found, of which Moved are at another place, and Orphaned could not
	// be placed (kept, marked orphan).
	Placed, Moved, Orphaned int
}

// Statuses of AddResult, as `glossa import --json` prints them.
const (
	StatusAdded     = "added"
	StatusUnchanged = "unchanged"
	StatusUpdated   = "updated"
	StatusRefused   = "refused"
)

// ErrShipped is returned by TrashArticle for the article Glossa ships
// with, which holds the curated deck, timeline and maps.
var ErrShipped = errors.New("the article Glossa comes with cannot be removed from the library")

// ErrArticleTrashed is returned by Use for an article in the trash.
var ErrArticleTrashed = errors.New("the article is in the trash: restore it first")

// idLen is the length of an article ID: the first 12 hex digits of the
// SHA-256 of its first version.
const idLen = 12

// ArticleID is the library ID of an article whose first version has this
// hash: the one rule the store, the window and the commands name articles by.
func ArticleID(hash string) string {
	if len(hash) < idLen {
		return hash
	}
	return hash[:idLen]
}

// current is the article a Store works on. It lives in memory, per Store:
// two processes on one file (the window and a command) each have their
// own, and a command without --article always means the shipped article.
type current struct {
	mu      sync.RWMutex
	id      string
	shipped string // the shipped article's ID
}

func (c *current) shippedID() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.shipped
}

// setShipped makes the shipped article, id, the current one.
func (c *current) setShipped(id string) {
	c.mu.Lock()
	c.id, c.shipped = id, id
	c.mu.Unlock()
}

func (c *current) get() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.id
}

func (c *current) set(id string) {
	c.mu.Lock()
	c.id = id
	c.mu.Unlock()
}

// loadCurrent starts every Store on the shipped article.
func (s *Store) loadCurrent() error {
	id, _, _, err := s.shipped()
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load library: %w", err)
	}
	s.current.setShipped(id)
	return nil
}

// Current is the ID of the current article ("" before any import).
func (s *Store) Current() string { return s.current.get() }

// Use makes article id the current one and records when it was opened.
// A database that may only be read still changes its current article.
func (s *Store) Use(id string) error {
	var trashed int64
	err := s.retry(func() error {
		return s.db.QueryRow(`SELECT trashed_at FROM library WHERE id = ?`, id).Scan(&trashed)
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err == nil && trashed != 0 {
		err = ErrArticleTrashed
	}
	if err != nil {
		return fmt.Errorf("store: open article %s: %w", id, err)
	}
	err = s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE library SET opened_at = ? WHERE id = ?`, toDB(time.Now()), id)
		return err
	})
	if err != nil && !errors.Is(err, ErrReadOnly) {
		return fmt.Errorf("store: open article %s: %w", id, err)
	}
	s.current.set(id)
	return nil
}

// AddArticle puts doc, read from the file origin (its name is kept), in
// the library; the format is taken from the name's extension (see
// AddArticleFormat). The same version again changes nothing
// (StatusUnchanged; one in the trash comes back, StatusAdded); a new
// version of an article already there replaces its text, keeps its ID and
// places its notes again (StatusUpdated); anything else is StatusAdded.
//
// A new version is one with the same title and the same authors as an
// article of the library (case and spacing ignored); a document without
// a title is a new version of the one imported from a file of the same
// name. The shipped article is never replaced this way.
func (s *Store) AddArticle(doc *article.Document, origin string) (AddResult, error) {
	return s.AddArticleFormat(doc, origin, strings.ToLower(strings.TrimPrefix(filepath.Ext(origin), ".")))
}

// AddArticleFormat is AddArticle with the format the front end detected.
func (s *Store) AddArticleFormat(doc *article.Document, origin, format string) (AddResult, error) {
	if doc == nil || len(doc.Hash) < idLen {
		return AddResult{}, errors.New("store: add article: document has no hash")
	}
	if len(doc.Paragraphs) == 0 {
		return AddResult{}, fmt.Errorf("store: add article %.12s: %w", doc.Hash, article.ErrNotArticle)
	}
	origin = filepath.Base(origin)
	res := AddResult{Title: doc.Title, Authors: splitAuthors(doc.Author), Footnotes: len(doc.Footnotes), Problems: len(doc.Problems)}
	err := s.write(func(tx *sql.Tx) error {
		res.Placed, res.Moved, res.Orphaned = 0, 0, 0
		var id string
		var trashed int64
		err := tx.QueryRow(`SELECT id, trashed_at FROM library WHERE hash = ? ORDER BY shipped DESC LIMIT 1`, doc.Hash).Scan(&id, &trashed)
		switch {
		case err == nil && trashed == 0:
			res.ID, res.Status = id, StatusUnchanged
			return nil
		case err == nil:
			res.ID, res.Status = id, StatusAdded
			_, err := tx.Exec(`UPDATE library SET trashed_at = 0 WHERE id = ?`, id)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		id, err = sameArticle(tx, doc, origin)
		if err != nil {
			return err
		}
		res.ID, res.Status = id, StatusUpdated
		if id == "" {
			res.ID, res.Status = doc.Hash[:idLen], StatusAdded
		}
		if err := replaceText(tx, res.ID, doc); err != nil {
			return err
		}
		if err := saveInfo(tx, res.ID, doc, format, origin, false); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO articles (hash, title, imported_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
			doc.Hash, doc.Title, toDB(time.Now())); err != nil {
			return err
		}
		if res.Status != StatusUpdated {
			return nil
		}
		var ir ImportResult
		if err := reanchor(tx, res.ID, doc, &ir); err != nil {
			return err
		}
		res.Placed, res.Moved, res.Orphaned = ir.Checked-ir.Orphaned, ir.Moved, ir.Orphaned
		return nil
	})
	if err != nil {
		return AddResult{}, fmt.Errorf("store: add article %.12s: %w", doc.Hash, err)
	}
	return res, nil
}

// sameArticle finds the article of the library doc is a new version of
// ("" for none); see AddArticle for the rule.
func sameArticle(tx *sql.Tx, doc *article.Document, origin string) (string, error) {
	title, authors := fold(doc.Title), fold(strings.Join(sortedAuthors(doc.Author), ";"))
	rows, err := tx.Query(`SELECT id, title, authors, origin FROM library WHERE shipped = 0 ORDER BY added_at`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var id, t, a, o string
		if err := rows.Scan(&id, &t, &a, &o); err != nil {
			return "", err
		}
		var as []string
		_ = json.Unmarshal([]byte(a), &as)
		sort.Strings(as)
		if title != "" && fold(t) == title && fold(strings.Join(as, ";")) == authors ||
			title == "" && fold(t) == "" && o == origin {
			return id, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	// A first version's ID may already be taken by an article whose title
	// has changed since: that is the article this version belongs to.
	var id string
	err = tx.QueryRow(`SELECT id FROM library WHERE id = ? AND shipped = 0`, doc.Hash[:idLen]).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// fold is s with case and runs of spacing ignored.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// authorSep splits an author line into authors: the front ends join
// several with "; ", title pages with "and" or "&".
var authorSep = regexp.MustCompile(`\s*(?:;|\band\b|&)\s*`)

func splitAuthors(line string) []string {
	out := []string{}
	for _, a := range authorSep.Split(line, -1) {
		if a = strings.TrimSpace(strings.Trim(a, " ,*")); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func sortedAuthors(line string) []string {
	as := splitAuthors(line)
	sort.Strings(as)
	return as
}

// yearRe finds a year of publication in the series lines ("Vol. 4, 2024").
var yearRe = regexp.MustCompile(`\b(19|20)\d\d\b`)

func yearOf(doc *article.Document) int {
	for _, line := range []string{doc.SeriesInfo, doc.Series} {
		if m := yearRe.FindString(line); m != "" {
			y, _ := strconv.Atoi(m)
			return y
		}
	}
	return 0
}

// saveInfo writes article id's row with doc, kept so that Document
// gives back exactly what was imported. The texts of its paragraphs and
// footnotes are left out of the row: replaceText has just written them
// to their own tables, from which Document puts them back, and encoding
// and writing them a second time was a sixth of an import (half a MB of
// text for a 324-note article).
func saveInfo(tx *sql.Tx, id string, doc *article.Document, format, origin string, shipped bool) error {
	lean := *doc
	lean.Paragraphs = slices.Clone(doc.Paragraphs)
	for i := range lean.Paragraphs {
		lean.Paragraphs[i].Text = ""
	}
	lean.Footnotes = slices.Clone(doc.Footnotes)
	for i := range lean.Footnotes {
		lean.Footnotes[i].Text = ""
	}
	js, err := json.Marshal(&lean)
	if err != nil {
		return err
	}
	authors, _ := json.Marshal(splitAuthors(doc.Author))
	_, err = tx.Exec(`
		INSERT INTO library (id, hash, title, authors, year, format, origin, footnotes, paragraphs, problems,
			shipped, added_at, document)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, title = excluded.title, authors = excluded.authors,
			year = excluded.year, format = excluded.format, origin = excluded.origin,
			footnotes = excluded.footnotes, paragraphs = excluded.paragraphs, problems = excluded.problems,
			shipped = excluded.shipped, trashed_at = 0, document = excluded.document`,
		id, doc.Hash, doc.Title, string(authors), yearOf(doc), format, origin, len(doc.Footnotes), len(doc.Paragraphs),
		len(doc.Problems), shipped, toDB(time.Now()), js)
	return err
}

// Shipped article's format and file, as the library lists them.
const (
	shippedFormat = "markdown"
	shippedOrigin = "article.md"
)

// Document returns article id's document exactly as it was imported.
func (s *Store) Document(id string) (*article.Document, error) {
	var js, paras, notes []byte
	err := s.retry(func() error {
		// one statement, so that the texts are those of the same version
		// even while another process imports a new one
		return s.db.QueryRow(`SELECT document,
				(SELECT json_group_array(text ORDER BY position) FROM paragraphs WHERE article = l.id),
				(SELECT json_group_object(n, text) FROM footnotes WHERE article = l.id)
			FROM library l WHERE id = ?`, id).Scan(&js, &paras, &notes)
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err == nil && js == nil {
		err = errors.New("its text is stored but not yet the document: start Glossa once to complete the upgrade")
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %s: %w", id, err)
	}
	doc := new(article.Document)
	if err := json.Unmarshal(js, doc); err != nil {
		return nil, fmt.Errorf("store: document %s: %w", id, err)
	}
	if err := putTexts(doc, paras, notes); err != nil {
		return nil, fmt.Errorf("store: document %s: %w", id, err)
	}
	return doc, nil
}

// putTexts gives doc's paragraphs and footnotes their texts, which
// saveInfo leaves out of the stored document (rows written before it did
// have them), from the JSON of the paragraphs' texts in order and of
// the footnotes' texts by number.
func putTexts(doc *article.Document, paras, notes []byte) error {
	var ps []string
	var ns map[int]string
	if err := json.Unmarshal(paras, &ps); err != nil {
		return fmt.Errorf("paragraphs: %w", err)
	}
	if err := json.Unmarshal(notes, &ns); err != nil {
		return fmt.Errorf("footnotes: %w", err)
	}
	for i := range doc.Paragraphs {
		if doc.Paragraphs[i].Text != "" {
			continue
		}
		if len(ps) != len(doc.Paragraphs) {
			return fmt.Errorf("%d paragraphs stored for %d in the document: import the file again", len(ps), len(doc.Paragraphs))
		}
		doc.Paragraphs[i].Text = ps[i]
	}
	for i := range doc.Footnotes {
		f := &doc.Footnotes[i]
		if f.Text != "" {
			continue
		}
		t, ok := ns[f.N]
		if !ok {
			return fmt.Errorf("footnote %d is not stored: import the file again", f.N)
		}
		f.Text = t
	}
	return nil
}

const infoColumns = `l.id, l.title, l.authors, l.year, l.footnotes, l.paragraphs,
	(SELECT count(*) FROM notes n WHERE n.article = l.id AND n.deleted_at IS NULL), l.problems,
	l.format, l.origin, l.shipped, l.added_at, l.opened_at, l.trashed_at`

func (s *Store) articles(where, order string) ([]ArticleInfo, error) {
	var out []ArticleInfo
	err := s.retry(func() error {
		out = out[:0]
		rows, err := s.db.Query(`SELECT ` + infoColumns + ` FROM library l WHERE ` + where + ` ORDER BY ` + order)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a ArticleInfo
			var authors string
			var added, opened, trashed int64
			if err := rows.Scan(&a.ID, &a.Title, &authors, &a.Year, &a.Footnotes, &a.Paragraphs, &a.Notes, &a.Problems,
				&a.Format, &a.Origin, &a.Shipped, &added, &opened, &trashed); err != nil {
				return err
			}
			var err error
			if a.Authors, err = decodeTags(authors); err != nil { // the same JSON list of strings as tags
				return fmt.Errorf("article %s: authors: %w", a.ID, err)
			}
			a.Added, a.Opened, a.Trashed = fromDB(added), fromDB(opened), fromDB(trashed)
			if a.Shipped && a.Format == "" {
				a.Format, a.Origin = shippedFormat, shippedOrigin
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: list library: %w", err)
	}
	return out, nil
}

// Library lists the articles not in the trash: the shipped article first,
// then by when they were last opened (most recent first), then added.
func (s *Store) Library() ([]ArticleInfo, error) {
	return s.articles(`l.trashed_at = 0`, `l.shipped DESC, l.opened_at DESC, l.added_at DESC, l.id`)
}

// TrashedArticles lists the articles in the trash, most recently trashed
// first.
func (s *Store) TrashedArticles() ([]ArticleInfo, error) {
	return s.articles(`l.trashed_at != 0`, `l.trashed_at DESC, l.id`)
}

// TrashArticle moves article id to the trash. Its text, notes and cards
// stay as they are, out of the library's lists and searches, so that
// RestoreArticle brings everything back. The shipped article cannot be
// trashed (ErrShipped). When id was current, the shipped article is.
func (s *Store) TrashArticle(id string) error {
	return s.setTrashed(id, toDB(time.Now()), "trash")
}

// RestoreArticle takes article id out of the trash with everything it had.
func (s *Store) RestoreArticle(id string) error { return s.setTrashed(id, 0, "restore") }

func (s *Store) setTrashed(id string, at int64, verb string) error {
	var shippedID string
	err := s.write(func(tx *sql.Tx) error {
		var shipped bool
		if err := tx.QueryRow(`SELECT shipped FROM library WHERE id = ?`, id).Scan(&shipped); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if shipped && at != 0 {
			return ErrShipped
		}
		err := tx.QueryRow(`SELECT id FROM library WHERE shipped = 1`).Scan(&shippedID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.Exec(`UPDATE library SET trashed_at = ? WHERE id = ?`, at, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: %s article %s: %w", verb, id, err)
	}
	if at != 0 && s.current.get() == id {
		s.current.set(shippedID)
	}
	return nil
}

// scope is the article a method given article ("" for the current one)
// works on.
func (s *Store) scope(article string) string {
	if article == "" {
		return s.current.get()
	}
	return article
}

// reloadCurrent keeps the current article after the whole database was
// replaced (Restore) if the new contents have it, and falls back to the
// shipped article if not.
func (s *Store) reloadCurrent() {
	shipped, _, _, err := s.shipped()
	if err != nil {
		shipped = ""
	}
	cur := s.current.get()
	var here bool
	err = s.retry(func() error {
		return s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM library WHERE id = ? AND trashed_at = 0)`, cur).Scan(&here)
	})
	s.current.mu.Lock()
	defer s.current.mu.Unlock()
	s.current.shipped = shipped
	if err != nil || !here {
		s.current.id = shipped
	}
}
