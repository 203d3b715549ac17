package store

import (
	"errors"
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

var errLibraryTODO = errors.New("store: the library is not built yet")

// Library lists the articles not in the trash: the shipped article first,
// then by when they were last opened (most recent first), then added.
func (s *Store) Library() ([]ArticleInfo, error) { return nil, errLibraryTODO }

// AddArticle puts doc, read from the file origin (its name is kept), in
// the library. The same version again changes nothing (StatusUnchanged);
// a new version of an article already there replaces its text and places
// its notes again (StatusUpdated); anything else is StatusAdded.
func (s *Store) AddArticle(doc *article.Document, origin string) (AddResult, error) {
	return AddResult{}, errLibraryTODO
}

// Document returns article id's document exactly as it was imported.
func (s *Store) Document(id string) (*article.Document, error) { return nil, errLibraryTODO }

// Use makes article id the current one and records when it was opened.
func (s *Store) Use(id string) error { return errLibraryTODO }

// Current is the ID of the current article ("" before any import).
func (s *Store) Current() string { return "" }

// TrashArticle moves article id, with its notes and cards, to the trash.
// The shipped article cannot be trashed.
func (s *Store) TrashArticle(id string) error { return errLibraryTODO }

// RestoreArticle takes article id out of the trash with everything it had.
func (s *Store) RestoreArticle(id string) error { return errLibraryTODO }

// TrashedArticles lists the articles in the trash, most recently trashed
// first.
func (s *Store) TrashedArticles() ([]ArticleInfo, error) { return nil, errLibraryTODO }
