// Package apkg writes flashcards, with their review history and FSRS
// memory state, as an Anki package (.apkg) that Anki imports: a zip
// holding an Anki collection (a SQLite file) and its media list.
//
// It writes the legacy package layout, "collection.anki2" in Anki's
// schema 11 with the v2 scheduler declared in the collection config,
// rather than the newer "collection.anki21b" (schema 18). Current Anki
// still reads it (rslib/src/import_export/package/meta.rs: a package
// without a "meta" file is Legacy1, opened and upgraded by Anki's own
// schema-11 upgrade code, SCHEMA_MIN_VERSION 11); the newer layout needs a
// zstd-compressed collection, a protobuf media list and protobuf-encoded
// note types, none of which the standard library or the store's SQLite
// driver gives; and schema 11 is what independent readers (anki-reader,
// genanki and AnkiDroid's tools) read. Because the config names the v2
// scheduler, Anki's importer does not convert the cards from the v1
// scheduler (rslib/src/scheduler/upgrade.rs), so due days, learning
// steps, the review log and the memory state kept in each card's data
// column ({"s": stability, "d": difficulty, "lrt": last review}) arrive
// as written.
//
// It lives under store/ because it writes SQL; it reads the study
// database only through the store's own queries.
package apkg

import (
	"archive/zip"
	"crypto/sha1"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the store's driver, registered as "sqlite"

	"github.com/glossa-app/glossa/app/atomicfile"
	"github.com/glossa-app/glossa/store"
)

// Names of the package's entries.
const (
	CollectionFile = "collection.anki2"
	MediaFile      = "media"
)

// Note type ids are fixed, so a second import finds the note types the
// first one made and updates notes in them instead of making copies.
const (
	BasicNoteTypeID = 1733400000101
	ClozeNoteTypeID = 1733400000102
	// noteTypeMod is when the templates last changed (seconds): Anki
	// updates a note type it already has only when this is newer.
	noteTypeMod = 1764892800
)

// Note is one note with its one card.
type Note struct {
	GUID  string
	Cloze bool
	// Fields are HTML, in the note type's order: Front, Back, Passage,
	// Source.
	Fields   [4]string
	Tags     []string // already cleaned to Anki's rules
	Deck     string   // "Glossa::UN Cybercrime Convention"
	Modified time.Time
	// State is the card's schedule; a zero State (empty CardID) is a new
	// card. Reviews are its review log, oldest first.
	State   store.CardState
	Reviews []store.Review
}

// Package is what one .apkg holds.
type Package struct {
	Notes []Note
	// Now is the time of the export: days are counted from it.
	Now time.Time
	// LearningSteps is the number of learning steps of the scheduler the
	// reviews were made with, and RelearningSteps of relearning steps:
	// Anki's "left" column counts the steps a learning card has to go.
	LearningSteps, RelearningSteps int
}

// Write writes p as an Anki package at path, through a temporary file in
// the same directory, so a failed export leaves nothing half-written.
func Write(path string, p Package) error {
	tmpDir, err := os.MkdirTemp("", "glossa-apkg-")
	if err != nil {
		return fmt.Errorf("apkg: %w", err)
	}
	defer os.RemoveAll(tmpDir)
	colPath := filepath.Join(tmpDir, CollectionFile)
	if err := writeCollection(colPath, p); err != nil {
		return fmt.Errorf("apkg: write collection: %w", err)
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { return writeZip(w, colPath) }); err != nil {
		return fmt.Errorf("apkg: %w", err)
	}
	return nil
}

func writeZip(w io.Writer, colPath string) error {
	zw := zip.NewWriter(w)
	col, err := os.Open(colPath)
	if err != nil {
		return err
	}
	defer col.Close()
	cw, err := zw.Create(CollectionFile)
	if err != nil {
		return err
	}
	if _, err := io.Copy(cw, col); err != nil {
		return err
	}
	// No pictures or sounds: the media list maps nothing.
	mw, err := zw.Create(MediaFile)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(mw, "{}"); err != nil {
		return err
	}
	return zw.Close()
}

// day is the length of Anki's scheduling day; rollover is the hour it
// starts at (Anki's default, 4 a.m.).
const (
	day      = 24 * time.Hour
	rollover = 4
)

// ankiDay numbers the scheduling day t falls on: days start at the
// rollover hour in t's own zone, as Anki counts them.
func ankiDay(t time.Time) int64 {
	t = t.Add(-rollover * time.Hour)
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func writeCollection(path string, p Package) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(schema11); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.Local()
	// The collection was "created" at the rollover before the first review
	// (or today): every due day counts from there.
	first := now
	for _, n := range p.Notes {
		for _, r := range n.Reviews {
			if r.ReviewedAt.Before(first) {
				first = r.ReviewedAt.Local()
			}
		}
	}
	first = first.Add(-rollover * time.Hour)
	crt := time.Date(first.Year(), first.Month(), first.Day(), rollover, 0, 0, 0, first.Location())
	_, offset := crt.Zone()

	decks, deckIDs := deckJSON(p.Notes, now)
	models := modelJSON()
	conf := map[string]any{
		"schedVer": 2, "rollover": rollover, "creationOffset": -offset / 60,
		"activeDecks": []int64{1}, "curDeck": 1, "curModel": BasicNoteTypeID, "nextPos": len(p.Notes) + 1,
		"newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
		"sortType": "noteFld", "sortBackwards": false, "addToCur": true,
	}
	if _, err := tx.Exec(`UPDATE col SET crt = ?, mod = ?, scm = ?, ver = 11, conf = ?, models = ?, decks = ?, dconf = ?, tags = '{}'`,
		crt.Unix(), now.UnixMilli(), now.UnixMilli(), mustJSON(conf), mustJSON(models), mustJSON(decks), mustJSON(dconf)); err != nil {
		return fmt.Errorf("col: %w", err)
	}
	c := &collection{tx: tx, now: now, crt: crt, p: p, ids: map[int64]bool{}, revIDs: map[int64]bool{}}
	for i, n := range p.Notes {
		if err := c.addNote(i, n, deckIDs[n.Deck]); err != nil {
			return fmt.Errorf("note %s: %w", n.GUID, err)
		}
	}
	return tx.Commit()
}

type collection struct {
	tx     *sql.Tx
	now    time.Time
	crt    time.Time
	p      Package
	ids    map[int64]bool // note and card ids given out
	revIDs map[int64]bool
}

// stableID gives a note (and its card) an id of its own that does not
// change from export to export: Anki wants ids that look like creation
// times in milliseconds, never later than tomorrow.
func (c *collection) stableID(guid string) int64 {
	h := fnv.New64a()
	h.Write([]byte(guid))
	id := int64(1_500_000_000_000 + h.Sum64()%100_000_000_000)
	for c.ids[id] {
		id++
	}
	c.ids[id] = true
	return id
}

var clozeNumber = regexp.MustCompile(`\{\{c\d+::`)

// tagsField is Anki's tags column: space-separated, with a space at both
// ends.
func tagsField(tags []string) string {
	if len(tags) == 0 {
		return ""
	}
	return " " + strings.Join(tags, " ") + " "
}

func (c *collection) addNote(pos int, n Note, did int64) error {
	id := c.stableID(n.GUID)
	mid := int64(BasicNoteTypeID)
	fields := n.Fields
	if n.Cloze {
		mid = ClozeNoteTypeID
		// A Glossa cloze card shows all its gaps at once; Anki makes one
		// card per gap number, so every gap becomes c1.
		fields[0] = clozeNumber.ReplaceAllString(fields[0], "{{c1::")
	}
	sortField := stripHTML(fields[0])
	sum := sha1.Sum([]byte(sortField))
	mod := n.Modified
	if mod.IsZero() {
		mod = c.now
	}
	if _, err := c.tx.Exec(`INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
		VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')`,
		id, n.GUID, mid, mod.Unix(), tagsField(n.Tags), strings.Join(fields[:], "\x1f"), sortField,
		int64(binary.BigEndian.Uint32(sum[:4]))); err != nil {
		return err
	}
	card := c.card(pos, n)
	if _, err := c.tx.Exec(`INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,
		left, odue, odid, flags, data) VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)`,
		id, id, did, mod.Unix(), card.ctype, card.queue, card.due, card.ivl, card.factor, card.reps, card.lapses,
		card.left, card.data); err != nil {
		return err
	}
	return c.addRevlog(id, n)
}

// ankiCard is a card's row in Anki's terms.
type ankiCard struct {
	ctype, queue                    int
	due                             int64
	ivl, factor, reps, lapses, left int
	data                            string
}

// Glossa's card states are numbered as Anki's card types are.
const (
	stateNew        = 0
	stateLearning   = 1
	stateReview     = 2
	stateRelearning = 3
)

func (c *collection) card(pos int, n Note) ankiCard {
	s := n.State
	a := ankiCard{ctype: s.State, data: "{}"}
	for _, r := range n.Reviews {
		a.reps++
		if r.Rating == 1 && r.Prev.State == stateReview {
			a.lapses++
		}
	}
	switch s.State {
	case stateNew:
		a.queue, a.due = 0, int64(pos+1)
	case stateReview:
		a.queue = 2
		a.due = ankiDay(s.Due.Local()) - ankiDay(c.crt)
		a.ivl = days(s.Due.Sub(s.LastReview))
	case stateLearning, stateRelearning:
		steps := c.p.LearningSteps
		if s.State == stateRelearning {
			steps = c.p.RelearningSteps
			a.ivl = max(1, int(math.Round(s.Stability)))
		}
		left := max(steps-s.Step, 1)
		a.left = left*1000 + left
		if ankiDay(s.Due.Local()) > ankiDay(c.now) {
			// Learning that continues on a later day is kept by day.
			a.queue, a.due = 3, ankiDay(s.Due.Local())-ankiDay(c.crt)
		} else {
			a.queue, a.due = 1, s.Due.Unix()
		}
	}
	if s.State != stateNew {
		a.factor = 2500
	}
	if s.Stability > 0 {
		mem := map[string]any{"s": round(s.Stability, 4), "d": round(s.Difficulty, 3)}
		if !s.LastReview.IsZero() {
			mem["lrt"] = s.LastReview.Unix()
		}
		a.data = mustJSON(mem)
	}
	if s.Suspended {
		a.queue = -1
	}
	return a
}

// days is a whole number of days, at least one.
func days(d time.Duration) int { return max(1, int(math.Round(d.Hours()/24))) }

// interval is Anki's revlog interval: days when the card is in review,
// negative seconds while it is learning.
func interval(state int, from, to time.Time) int {
	if state == stateReview {
		return days(to.Sub(from))
	}
	return -max(1, int(to.Sub(from).Seconds()))
}

func (c *collection) addRevlog(cid int64, n Note) error {
	for i, r := range n.Reviews {
		// What the card became is the state the next review started from,
		// or its state now after the last review.
		after := n.State
		if i+1 < len(n.Reviews) {
			after = n.Reviews[i+1].Prev
		}
		kind := 0 // learning
		switch r.Prev.State {
		case stateReview:
			kind = 1
		case stateRelearning:
			kind = 2
		}
		ivl := interval(after.State, r.ReviewedAt, after.Due)
		lastIvl := 0
		if !r.Prev.LastReview.IsZero() {
			lastIvl = interval(r.Prev.State, r.Prev.LastReview, r.Prev.Due)
		}
		factor := 0
		if after.Difficulty > 0 {
			// With FSRS, Anki logs difficulty shifted to 100..1100.
			factor = int(((after.Difficulty-1)/9 + 0.1) * 1000)
		}
		id := r.ReviewedAt.UnixMilli()
		for c.revIDs[id] {
			id++
		}
		c.revIDs[id] = true
		taken := min(max(r.ElapsedMS, 0), math.MaxInt32)
		if _, err := c.tx.Exec(`INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
			VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)`, id, cid, r.Rating, ivl, lastIvl, factor, taken, kind); err != nil {
			return err
		}
	}
	return nil
}

func round(v float64, places int) float64 {
	f := math.Pow(10, float64(places))
	return math.Round(v*f) / f
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// stripHTML is a field as Anki sorts and checksums it: tags removed,
// entities decoded.
func stripHTML(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagPattern.ReplaceAllString(strings.ReplaceAll(s, "<br>", " "), "")))
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps of plain values are marshalled
	}
	return string(b)
}

// deckJSON is the decks column: Anki's Default deck, the "Glossa" parent
// and one deck per article, with ids derived from their names.
func deckJSON(notes []Note, now time.Time) (map[string]any, map[string]int64) {
	names := map[string]bool{}
	for _, n := range notes {
		for name := n.Deck; name != ""; {
			names[name] = true
			i := strings.LastIndex(name, "::")
			if i < 0 {
				break
			}
			name = name[:i]
		}
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	deck := func(id int64, name string) map[string]any {
		return map[string]any{"id": id, "mod": now.Unix(), "name": name, "usn": 0, "desc": "",
			"lrnToday": []int{0, 0}, "revToday": []int{0, 0}, "newToday": []int{0, 0}, "timeToday": []int{0, 0},
			"collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0}
	}
	decks := map[string]any{"1": deck(1, "Default")}
	ids := map[string]int64{}
	for _, name := range sorted {
		h := fnv.New64a()
		h.Write([]byte("deck:" + name))
		id := int64(1_500_000_000_000 + h.Sum64()%100_000_000_000)
		ids[name] = id
		decks[fmt.Sprint(id)] = deck(id, name)
	}
	return decks, ids
}
