package store

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/lecture"
)

// A notes bundle is how a student or a lecturer shares notes: a versioned
// JSON file that another Glossa imports. Ids are stable, so importing a
// bundle again (or a newer one from the same classmate) merges instead of
// duplicating.

// Bundle format name and the one version this Glossa writes and reads.
const (
	BundleFormat  = "glossa-notes"
	BundleVersion = 1
)

// Limits of what an import accepts. They are far above anything made by
// hand (the longest paragraph of the article is under 2,000 bytes) and
// keep a hostile file from filling the database.
const (
	MaxBundleBytes = 64 << 20
	MaxBundleNotes = 100_000
	MaxBundlePlans = 1_000
	MaxQuoteBytes  = 8 << 10
	MaxBodyBytes   = 256 << 10
	MaxTags        = 64
	MaxTagBytes    = 100
	maxIDBytes     = 64
	maxContext     = 1 << 10
	maxTargetBytes = 200
	maxColorBytes  = 32
)

// Bundle is the JSON shape of a notes bundle; the names are a contract.
type Bundle struct {
	Format   string       `json:"format"`
	Version  int          `json:"version"`
	Article  string       `json:"article"` // hash of the article the anchors were made on
	Exported string       `json:"exported"`
	Notes    []BundleNote `json:"notes"`
	// Plans are the lecturer's lecture plans, every article's, so that a
	// colleague can import them; a bundle without them is fine.
	Plans []lecture.Plan `json:"plans,omitempty"`
}

// BundleNote is one note of a bundle.
type BundleNote struct {
	ID         string   `json:"id"`
	TargetKind string   `json:"target_kind"`
	TargetID   string   `json:"target_id"`
	Quote      string   `json:"quote"`
	Prefix     string   `json:"prefix"`
	Suffix     string   `json:"suffix"`
	ParaIndex  int      `json:"paragraph_index"`
	Start      int      `json:"start"`
	Body       string   `json:"body"`
	Tags       []string `json:"tags"`
	Color      string   `json:"color"`
	Created    string   `json:"created"` // RFC 3339 with nanoseconds
	Updated    string   `json:"updated"`
}

// BundleResult says what an import did.
type BundleResult struct {
	Added   int // notes this database did not have
	Updated int // notes it had, replaced by a newer version from the bundle (the old one kept in the history)
	Skipped int // notes it already had as they are (or newer, or in its trash)
	Orphans int // of the added and updated, passages not found in this article
	Plans   int // lecture plans added or replaced by a newer version
	Cards   int // own cards from one's other computer, new here or changed there later (share files)
}

func (r BundleResult) String() string {
	updated := fmt.Sprintf("%d updated", r.Updated)
	switch {
	case r.Updated == 1:
		updated = "1 note updated, earlier version kept"
	case r.Updated > 1:
		updated = fmt.Sprintf("%d notes updated, earlier versions kept", r.Updated)
	}
	s := fmt.Sprintf("%d added, %s, %d skipped", r.Added, updated, r.Skipped)
	if r.Orphans > 0 {
		s += fmt.Sprintf(" (%d whose passage is not in this version of the article, listed apart)", r.Orphans)
	}
	if r.Plans > 0 {
		s += fmt.Sprintf("; %d lecture plan(s) added or updated", r.Plans)
	}
	return s
}

// ErrBadBundle wraps every reason a bundle is refused.
var ErrBadBundle = errors.New("not a Glossa notes bundle")

// ExportBundle writes every note not in the trash as a bundle for the
// current article and returns how many it wrote.
func (s *Store) ExportBundle(w io.Writer) (int, error) {
	notes, err := s.Notes(NoteFilter{})
	if err != nil {
		return 0, fmt.Errorf("store: export bundle: %w", err)
	}
	hash, err := s.CurrentArticle()
	if err != nil {
		return 0, fmt.Errorf("store: export bundle: %w", err)
	}
	plans, err := s.allPlans()
	if err != nil {
		return 0, fmt.Errorf("store: export bundle: %w", err)
	}
	b := Bundle{Format: BundleFormat, Version: BundleVersion, Article: hash,
		Exported: time.Now().UTC().Format(time.RFC3339), Notes: make([]BundleNote, 0, len(notes)), Plans: plans}
	for _, n := range notes {
		b.Notes = append(b.Notes, toBundleNote(n))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(b); err != nil {
		return 0, fmt.Errorf("store: export bundle: %w", err)
	}
	return len(notes), nil
}

func toBundleNote(n Note) BundleNote {
	tags := n.Tags
	if tags == nil {
		tags = []string{}
	}
	return BundleNote{ID: n.ID, TargetKind: n.TargetKind, TargetID: n.TargetID, Quote: n.Anchor.Exact,
		Prefix: n.Anchor.Prefix, Suffix: n.Anchor.Suffix, ParaIndex: n.Anchor.Index, Start: n.Anchor.Start,
		Body: n.Body, Tags: tags, Color: n.Color,
		Created: n.Created.Format(time.RFC3339Nano), Updated: n.Updated.Format(time.RFC3339Nano)}
}

// ParseBundle reads and checks a bundle without touching any database.
// Every error wraps ErrBadBundle and says, in words a student can act on,
// what is wrong and where.
func ParseBundle(data []byte) (*Bundle, []Note, error) {
	var b Bundle
	return decodeBundle(data, &b, &b)
}

// decodeBundle is ParseBundle decoding into into, whose bundle part is b:
// a share file, a bundle with more fields, is decoded in the same pass.
func decodeBundle(data []byte, b *Bundle, into any) (*Bundle, []Note, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadBundle, fmt.Sprintf(format, args...))
	}
	if len(data) > MaxBundleBytes {
		return nil, nil, bad("the file is %d MB, more than the %d MB a bundle may have", len(data)>>20, MaxBundleBytes>>20)
	}
	// Windows editors save UTF-8 with a byte order mark
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, nil, bad("the file is empty")
	}
	if !utf8.Valid(data) {
		return nil, nil, bad("the file is not text (it holds bytes that are not UTF-8); choose the .json file Glossa exported")
	}
	if trimmed[0] != '{' {
		return nil, nil, bad("the file is not a JSON object; choose the .json file Glossa exported")
	}
	// the header first, so that a newer version is reported as such and
	// not as whatever field it changed
	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(trimmed, &head); err != nil {
		return nil, nil, bad("the file is not valid JSON (%s)", jsonErr(err))
	}
	if head.Format != BundleFormat {
		if head.Format == "" {
			return nil, nil, bad(`it has no "format": %q field`, BundleFormat)
		}
		return nil, nil, bad(`its format is %q, not %q`, shortText(head.Format), BundleFormat)
	}
	var version int
	if len(head.Version) == 0 {
		return nil, nil, bad(`it has no "version" field`)
	}
	if err := json.Unmarshal(head.Version, &version); err != nil {
		return nil, nil, bad(`its "version" is not a whole number`)
	}
	if version != BundleVersion {
		if version > BundleVersion {
			return nil, nil, bad("it is version %d, made by a newer Glossa; this Glossa reads version %d: update Glossa to import it", version, BundleVersion)
		}
		return nil, nil, bad("it is version %d; this Glossa reads version %d", version, BundleVersion)
	}
	if err := json.Unmarshal(trimmed, into); err != nil {
		return nil, nil, bad("the file is not a valid version %d bundle (%s)", BundleVersion, jsonErr(err))
	}
	if b.Notes == nil {
		return nil, nil, bad(`it has no "notes" list`)
	}
	if len(b.Notes) > MaxBundleNotes {
		return nil, nil, bad("it holds %d notes, more than %d", len(b.Notes), MaxBundleNotes)
	}
	if len(b.Plans) > MaxBundlePlans {
		return nil, nil, bad("it holds %d lecture plans, more than %d", len(b.Plans), MaxBundlePlans)
	}
	for i, p := range b.Plans {
		if err := p.Check(); err != nil {
			return nil, nil, bad("plan %d: %v", i+1, err)
		}
		if p.Article == "" || len(p.Article) > maxIDBytes {
			return nil, nil, bad("plan %d (%s) names no article", i+1, shortText(p.Name))
		}
	}
	notes := make([]Note, 0, len(b.Notes))
	seen := make(map[string]int, len(b.Notes))
	for i, bn := range b.Notes {
		n, err := bn.note()
		if err != nil {
			id := ""
			if bn.ID != "" {
				id = fmt.Sprintf(" (id %s)", shortText(bn.ID))
			}
			return nil, nil, bad("note %d%s: %v", i+1, id, err)
		}
		if j, dup := seen[n.ID]; dup {
			return nil, nil, bad("notes %d and %d have the same id %s", j+1, i+1, n.ID)
		}
		seen[n.ID] = i
		notes = append(notes, n)
	}
	return b, notes, nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q should be %s, not %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

// shortText keeps hostile values out of messages at a readable length.
func shortText(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:39]) + "…"
	}
	return s
}

func validID(id string) bool {
	if id == "" || len(id) > maxIDBytes {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (bn BundleNote) note() (Note, error) {
	switch {
	case bn.ID == "":
		return Note{}, errors.New(`it has no "id"`)
	case !validID(bn.ID):
		return Note{}, errors.New("its id is not 1 to 64 letters, digits, '-' or '_'")
	case bn.TargetKind == "":
		return Note{}, errors.New(`it has no "target_kind"`)
	case !validTarget(bn.TargetKind):
		return Note{}, fmt.Errorf("unknown target_kind %q (passage, footnote, source or card)", shortText(bn.TargetKind))
	case bn.TargetID == "" && bn.TargetKind != TargetPassage:
		return Note{}, errors.New(`it has no "target_id"`)
	case len(bn.TargetID) > maxTargetBytes:
		return Note{}, fmt.Errorf("its target_id is %d bytes, more than %d", len(bn.TargetID), maxTargetBytes)
	case bn.TargetKind == TargetPassage && strings.TrimSpace(bn.Quote) == "":
		return Note{}, errors.New(`a note on a passage needs its "quote"`)
	case len(bn.Prefix) > maxContext || len(bn.Suffix) > maxContext:
		return Note{}, errors.New("its prefix or suffix is longer than 1 KB")
	case len(bn.Tags) > 4*MaxTags:
		// before cleaning them: a hostile list is refused without work
		return Note{}, fmt.Errorf("it has %d tags, more than %d", len(bn.Tags), MaxTags)
	case bn.ParaIndex < 0 || bn.Start < 0 || bn.ParaIndex > 1<<20 || bn.Start > 1<<24:
		return Note{}, errors.New("its paragraph_index or start is out of range")
	case hasNUL(bn.Quote, bn.Prefix, bn.Suffix, bn.Body, bn.TargetID, bn.Color, strings.Join(bn.Tags, "")):
		return Note{}, errors.New("it contains a NUL character")
	}
	created, err := bundleTime("created", bn.Created)
	if err != nil {
		return Note{}, err
	}
	updated, err := bundleTime("updated", bn.Updated)
	if err != nil {
		return Note{}, err
	}
	n := Note{ID: bn.ID, TargetKind: bn.TargetKind, TargetID: bn.TargetID,
		Anchor: anchor.Anchor{Exact: bn.Quote, Prefix: bn.Prefix, Suffix: bn.Suffix, Paragraph: bn.TargetID, Index: bn.ParaIndex, Start: bn.Start},
		Body:   bn.Body, Tags: cleanTags(bn.Tags), Color: bn.Color, Created: created, Updated: updated}
	if n.TargetKind != TargetPassage {
		n.Anchor.Paragraph = ""
	}
	// the limits of the window and of "notes add", so every export imports
	if err := ValidateNote(n); err != nil {
		return Note{}, err
	}
	return n, nil
}

func bundleTime(field, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, fmt.Errorf("it has no %q time", field)
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil || t.Year() < 1970 || t.Year() > 9999 {
		return time.Time{}, fmt.Errorf("its %q time %q is not an RFC 3339 time", field, shortText(v))
	}
	return t.UTC(), nil
}

// ImportBundle merges a bundle into the database in one transaction: a
// note with a new id is added, one this database has is replaced only when
// the bundle's version is newer and different, its local version kept in
// the note's history; nothing is written when the bundle is refused. A
// time in the future is taken as the time of the import, so a bundle from
// a clock set to 2099 does not win every later merge. Passages are placed
// in the current article with their anchors before the transaction (the
// fuzzy search may take a while; the write lock is held for the writes
// alone); what cannot be placed is kept as an orphan.
func (s *Store) ImportBundle(data []byte) (BundleResult, error) {
	b, notes, err := ParseBundle(data)
	if err != nil {
		return BundleResult{}, err
	}
	now := time.Now().UTC()
	for i := range notes {
		if notes[i].Created.After(now) {
			notes[i].Created = now
		}
		if notes[i].Updated.After(now) {
			notes[i].Updated = now
		}
	}
	ps, err := s.Paragraphs()
	if err != nil {
		return BundleResult{}, fmt.Errorf("store: import bundle: %w", err)
	}
	have, err := s.noteStamps()
	if err != nil {
		return BundleResult{}, fmt.Errorf("store: import bundle: %w", err)
	}
	longest := 0
	for _, p := range ps {
		longest = max(longest, utf8.RuneCountInString(p.Text))
	}
	placed := make([]placement, len(notes))
	for i, n := range notes {
		if st, ok := have[n.ID]; ok && !st.newer(n) {
			continue // skipped as the database is now; checked again below
		}
		placed[i] = place(ps, longest, n)
	}
	var res BundleResult
	err = s.write(func(tx *sql.Tx) error {
		res = BundleResult{}
		for i, n := range notes {
			at := func() placement {
				if !placed[i].done {
					placed[i] = place(ps, longest, n) // the note changed since it was read: rare
				}
				return placed[i]
			}
			if err := importNote(tx, s.current.get(), n, at, now, &res); err != nil {
				return fmt.Errorf("note %s: %w", n.ID, err)
			}
		}
		for _, p := range b.Plans {
			wrote, err := importPlan(tx, p, now)
			if err != nil {
				return fmt.Errorf("lecture plan %q: %w", p.Name, err)
			}
			if wrote {
				res.Plans++
			}
		}
		return nil
	})
	if err != nil {
		return BundleResult{}, fmt.Errorf("store: import bundle: %w", err)
	}
	s.firstBackup()
	return res, nil
}

// noteStamp is what an import needs to know of a local note to skip it.
type noteStamp struct {
	updated int64
	deleted bool
}

func (st noteStamp) newer(n Note) bool { return !st.deleted && toDB(n.Updated) > st.updated }

func (s *Store) noteStamps() (map[string]noteStamp, error) {
	out := map[string]noteStamp{}
	err := s.retry(func() error {
		clear(out)
		rows, err := s.db.Query(`SELECT id, updated_at, deleted_at IS NOT NULL FROM notes`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var st noteStamp
			if err := rows.Scan(&id, &st.updated, &st.deleted); err != nil {
				return err
			}
			out[id] = st
		}
		return rows.Err()
	})
	return out, err
}

// placement is where an imported passage goes in the current article.
type placement struct {
	done   bool
	found  bool
	anchor anchor.Anchor
	target string
}

// place finds an imported passage in the article, whose longest paragraph
// has longest characters. Its work is bounded: a quote that no paragraph is
// long enough to match even approximately (a match shares at least
// HintThreshold of its characters) is not searched for at all, so the
// cost per note is at most the length of the longest paragraph times the
// article's.
func place(ps []article.Paragraph, longest int, n Note) placement {
	p := placement{done: true, anchor: n.Anchor, target: n.TargetID}
	if n.TargetKind != TargetPassage {
		return p
	}
	if float64(utf8.RuneCountInString(n.Anchor.Exact))*min(anchor.HintThreshold, anchor.FuzzyThreshold) > float64(longest) {
		return p
	}
	if m, ok := anchor.Locate(ps, n.Anchor); ok {
		p.found = true
		p.target, p.anchor.Index, p.anchor.Start = ps[m.Index].ID, m.Index, m.Start
	}
	return p
}

func importNote(tx *sql.Tx, article string, n Note, at func() placement, now time.Time, res *BundleResult) error {
	var updated int64
	var deleted sql.NullInt64
	var body, tags, color string
	err := tx.QueryRow(`SELECT updated_at, deleted_at, body, tags, color FROM notes WHERE id = ?`, n.ID).Scan(&updated, &deleted, &body, &tags, &color)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	tagsJSON, _ := json.Marshal(n.Tags)
	if exists && (deleted.Valid || toDB(n.Updated) <= updated ||
		body == n.Body && tags == string(tagsJSON) && color == n.Color) {
		res.Skipped++
		return nil
	}
	p := at()
	n.TargetID, n.Anchor = p.target, p.anchor
	orphan := false
	switch n.TargetKind {
	case TargetPassage:
		orphan = !p.found
	case TargetFootnote:
		var one int
		err := tx.QueryRow(`SELECT 1 FROM footnotes WHERE article = ? AND n = CAST(? AS INTEGER)`, article, n.TargetID).Scan(&one)
		orphan = errors.Is(err, sql.ErrNoRows)
		if err != nil && !orphan {
			return err
		}
	}
	if orphan {
		res.Orphans++
	}
	if exists {
		if err := keepRevision(tx, n.ID, RevisionImport, n.Body, n.Tags, n.Color, now); err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE notes SET target_kind = ?, target_id = ?, exact = ?, prefix = ?, suffix = ?,
				para_index = ?, start = ?, body = ?, tags = ?, color = ?, orphan = ?, created_at = ?, updated_at = ?
			WHERE id = ?`,
			n.TargetKind, n.TargetID, n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix, n.Anchor.Index, n.Anchor.Start,
			n.Body, string(tagsJSON), n.Color, orphan, toDB(n.Created), toDB(n.Updated), n.ID)
		res.Updated++
		return err
	}
	_, err = tx.Exec(`INSERT INTO notes (id, target_kind, target_id, exact, prefix, suffix, para_index, start,
			body, tags, color, orphan, created_at, updated_at, article)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.TargetKind, n.TargetID, n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix, n.Anchor.Index, n.Anchor.Start,
		n.Body, string(tagsJSON), n.Color, orphan, toDB(n.Created), toDB(n.Updated), article)
	res.Added++
	return err
}

// CountNotes is the number of notes, in the trash or not (to check that a
// refused import changed nothing).
func (s *Store) CountNotes() (int, error) {
	var n int
	err := s.retry(func() error { return s.db.QueryRow(`SELECT count(*) FROM notes`).Scan(&n) })
	if err != nil {
		return 0, fmt.Errorf("store: count notes: %w", err)
	}
	return n, nil
}
