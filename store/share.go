package store

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/lecture"
)

// A share file is what one Glossa publishes to a shared folder (issue 21):
// a notes bundle, so that "glossa notes import" still takes it, extended
// with who published it (person id, machine id, display name), which
// article it is for, the publisher's own cards and lecture plans. The
// folder protocol (names, watching, conflict copies) is app/share's; the
// format and its limits are here, beside the bundle's.

// ShareVersion is the version of the share fields this Glossa writes and
// reads; the notes part is a BundleVersion bundle.
const ShareVersion = 1

// Settings that keep the sharing identity and choices.
const (
	SettingSharePerson        = "share.person"        // random person id, made once
	SettingShareMachine       = "share.machine"       // "<machine id> <host name>"
	SettingShareName          = "share.name"          // display name
	SettingShareFolder        = "share.folder"        // the folder published to
	SettingSharePublish       = "share.publish"       // "on" or "off"
	SettingShareSubscriptions = "share.subscriptions" // JSON list of folders
	SettingShareHidden        = "share.hidden"        // JSON list of person ids hidden in the reader
)

// Limits of the share fields; the notes have the bundle's.
const (
	MaxShareCards     = 20_000
	MaxSharePlans     = 1_000
	MaxSharePlanBytes = 1 << 20
	MaxShareNameBytes = 100
)

// ShareFile is the JSON shape of a published file; the names are a
// contract.
type ShareFile struct {
	Bundle
	Share     int               `json:"share"`      // ShareVersion
	Person    string            `json:"person"`     // the publisher's person id
	Machine   string            `json:"machine"`    // which of the person's computers wrote it
	Name      string            `json:"name"`       // display name
	ArticleID string            `json:"article_id"` // the article's library ID (Bundle.Article is its full hash)
	Cards     []ShareCard       `json:"cards"`
	Plans     []json.RawMessage `json:"plans"` // lecture plans, kept as they are
}

// ShareCard is one card the publisher made.
type ShareCard struct {
	ID          string   `json:"id"`
	Type        string   `json:"type"` // basic or cloze
	Front       string   `json:"front"`
	Back        string   `json:"back"`
	Tags        []string `json:"tags"`
	ParagraphID string   `json:"paragraph_id"`
	Quote       string   `json:"quote"`
	Updated     string   `json:"updated"`
}

// ShareIdentity is who this Glossa publishes as.
type ShareIdentity struct {
	Person  string // 16 hex digits, the same on every computer of the person
	Machine string // 8 hex digits, one per computer (and per copy of the database moved to another)
	Name    string
}

func randomHex(n int) string {
	b := make([]byte, n/2)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

// ValidPersonID reports whether id can be a person id (16 hex digits).
func ValidPersonID(id string) bool { return len(id) == 16 && isLowerHex(id) }

func isLowerHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// ShareIdentity returns the person and machine ids, making them the first
// time. The machine id is remembered with the computer's host name: a
// database copied to another computer (a restored backup, a new laptop)
// gets a machine id of its own there, so the two never write one file.
func (s *Store) ShareIdentity() (ShareIdentity, error) {
	var id ShareIdentity
	person, ok, err := s.Setting(SettingSharePerson)
	if err != nil {
		return id, err
	}
	if !ok || !ValidPersonID(person) {
		person = randomHex(16)
		if err := s.SetSetting(SettingSharePerson, person); err != nil {
			return id, err
		}
	}
	host, _ := os.Hostname()
	machine, _, err := s.Setting(SettingShareMachine)
	if err != nil {
		return id, err
	}
	mid, mhost, _ := strings.Cut(machine, " ")
	if len(mid) != 8 || !isLowerHex(mid) || mhost != host {
		mid = randomHex(8)
		if err := s.SetSetting(SettingShareMachine, mid+" "+host); err != nil {
			return id, err
		}
	}
	name, _, err := s.Setting(SettingShareName)
	if err != nil {
		return id, err
	}
	return ShareIdentity{Person: person, Machine: mid, Name: name}, nil
}

// SetSharePerson makes this Glossa publish as person: the id another
// computer of the same person shows, so both merge as one person.
func (s *Store) SetSharePerson(person string) error {
	if !ValidPersonID(person) {
		return fmt.Errorf("store: person id %q is not 16 hex digits (glossa share status shows yours)", shortText(person))
	}
	return s.SetSetting(SettingSharePerson, person)
}

// SetShareName sets the display name others see.
func (s *Store) SetShareName(name string) error {
	name = strings.TrimSpace(name)
	if err := checkShareName(name); err != nil {
		return fmt.Errorf("store: display name: %w", err)
	}
	return s.SetSetting(SettingShareName, name)
}

func checkShareName(name string) error {
	switch {
	case len(name) > MaxShareNameBytes:
		return fmt.Errorf("it is %d bytes, more than %d", len(name), MaxShareNameBytes)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		// a terminal would obey the escapes of a hostile name in "share status"
		return errors.New("it holds a line break or another control character")
	}
	return nil
}

// ShareData is the file this Glossa publishes for the current article:
// every note not in the trash, the cards the student made, and plans as
// given. Its "exported" time is that of the last change it holds (an
// edit, a note put in the trash, a card saved), not the time of writing:
// the same content gives the same bytes, so a publisher writes nothing
// when nothing changed (a sync engine would copy it to every computer).
func (s *Store) ShareData(id ShareIdentity, plans []json.RawMessage) ([]byte, error) {
	notes, err := s.Notes(NoteFilter{})
	if err != nil {
		return nil, fmt.Errorf("store: share data: %w", err)
	}
	trash, err := s.Notes(NoteFilter{Trashed: true})
	if err != nil {
		return nil, fmt.Errorf("store: share data: %w", err)
	}
	hash, err := s.CurrentArticle()
	if err != nil {
		return nil, fmt.Errorf("store: share data: %w", err)
	}
	cards, err := s.UserCards()
	if err != nil {
		return nil, fmt.Errorf("store: share data: %w", err)
	}
	f := ShareFile{Bundle: Bundle{Format: BundleFormat, Version: BundleVersion, Article: hash,
		Notes: make([]BundleNote, 0, len(notes))},
		Share: ShareVersion, Person: id.Person, Machine: id.Machine, Name: id.Name,
		ArticleID: s.articleKey(hash), Cards: []ShareCard{}, Plans: plans}
	if f.Plans == nil {
		f.Plans = []json.RawMessage{}
	}
	var last time.Time
	later := func(t time.Time) {
		if t.After(last) {
			last = t
		}
	}
	for _, n := range trash {
		later(n.Deleted)
	}
	for _, n := range notes {
		f.Notes = append(f.Notes, toBundleNote(n))
		later(n.Updated)
	}
	for _, c := range cards {
		if !c.UserMade {
			continue // an edit of a shipped card is the student's wording, not a card of their own
		}
		later(c.UpdatedAt)
		tags := c.Tags
		if tags == nil {
			tags = []string{}
		}
		f.Cards = append(f.Cards, ShareCard{ID: c.CardID, Type: c.Type, Front: c.Front, Back: c.Back, Tags: tags,
			ParagraphID: c.ParagraphID, Quote: c.Quote, Updated: c.UpdatedAt.UTC().Format(time.RFC3339Nano)})
	}
	if !last.IsZero() {
		f.Exported = last.UTC().Format(time.RFC3339Nano)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("store: share data: %w", err)
	}
	return buf.Bytes(), nil
}

// articleKey is the library ID of the current article, the name its
// share file carries: stable when a new version of the text is imported
// (the hash changes, the ID does not). A store without a library row
// falls back to the hash's ID, which is what the library gives a first
// version anyway.
func (s *Store) articleKey(hash string) string {
	if id := s.Current(); id != "" {
		return id
	}
	return ArticleID(hash)
}

// SharedLayer is one publisher's file as read: never stored, shown beside
// the student's own notes.
type SharedLayer struct {
	File    ShareFile
	Notes   []Note
	Plans   []lecture.Plan // File.Plans that are plans of this article, Publisher set
	Updated time.Time      // the file's "exported" time (zero when absent)
	// Problems are the plans skipped, and why: one bad plan never costs
	// the file
	Problems []string
}

// ParseShare reads and checks a share file without touching any database:
// the bundle's checks and limits, then the share fields'. Every error
// wraps ErrBadBundle.
func ParseShare(data []byte) (*SharedLayer, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadBundle, fmt.Sprintf(format, args...))
	}
	var f ShareFile
	_, notes, err := decodeBundle(data, &f.Bundle, &f)
	if err != nil {
		return nil, err
	}
	f.Notes = nil // kept as notes, checked by the bundle's rules
	if f.ArticleID == "" {
		f.ArticleID = ArticleID(f.Article)
	}
	switch {
	case f.Share == 0:
		return nil, bad(`it has no "share" version: a notes bundle, not a shared-folder file`)
	case f.Share > ShareVersion:
		return nil, bad("its share version is %d, made by a newer Glossa; this Glossa reads version %d: update Glossa", f.Share, ShareVersion)
	case f.Share != ShareVersion:
		return nil, bad("its share version is %d; this Glossa reads version %d", f.Share, ShareVersion)
	case !ValidPersonID(f.Person):
		return nil, bad("its person id %q is not 16 hex digits", shortText(f.Person))
	case len(f.Machine) != 8 || !isLowerHex(f.Machine):
		return nil, bad("its machine id %q is not 8 hex digits", shortText(f.Machine))
	case f.ArticleID != "" && (len(f.ArticleID) != 12 || !isLowerHex(f.ArticleID)):
		return nil, bad("its article_id %q is not 12 hex digits", shortText(f.ArticleID))
	case len(f.Cards) > MaxShareCards:
		return nil, bad("it holds %d cards, more than %d", len(f.Cards), MaxShareCards)
	case len(f.Plans) > MaxSharePlans:
		return nil, bad("it holds %d lecture plans, more than %d", len(f.Plans), MaxSharePlans)
	}
	if err := checkShareName(f.Name); err != nil {
		return nil, bad("its display name: %v", err)
	}
	if !utf8.ValidString(f.Name) {
		return nil, bad("its display name is not text")
	}
	for i, c := range f.Cards {
		if err := c.check(); err != nil {
			return nil, bad("card %d: %v", i+1, err)
		}
	}
	for i, p := range f.Plans {
		if len(p) > MaxSharePlanBytes {
			return nil, bad("lecture plan %d is %d KB, more than %d KB", i+1, len(p)>>10, MaxSharePlanBytes>>10)
		}
	}
	l := &SharedLayer{File: f, Notes: notes}
	l.Plans, l.Problems = sharedPlans(f)
	if f.Exported != "" {
		t, err := time.Parse(time.RFC3339Nano, f.Exported)
		if err != nil {
			return nil, bad("its exported time %q is not an RFC 3339 time", shortText(f.Exported))
		}
		l.Updated = t.UTC()
	}
	return l, nil
}

func (c ShareCard) check() error {
	switch {
	case !validID(c.ID):
		return errors.New("its id is not 1 to 64 letters, digits, '-' or '_'")
	case c.Type != "basic" && c.Type != "cloze":
		return fmt.Errorf("its type %q is not basic or cloze", shortText(c.Type))
	case strings.TrimSpace(c.Front) == "":
		return errors.New("it has no front")
	case len(c.Front) > MaxBodyBytes || len(c.Back) > MaxBodyBytes:
		return fmt.Errorf("its front or back is more than %d KB", MaxBodyBytes>>10)
	case len(c.Quote) > MaxQuoteBytes:
		return fmt.Errorf("its quote is more than %d KB", MaxQuoteBytes>>10)
	case len(c.ParagraphID) > maxTargetBytes:
		return fmt.Errorf("its paragraph_id is more than %d bytes", maxTargetBytes)
	case len(c.Tags) > MaxTags:
		return fmt.Errorf("it has %d tags, more than %d", len(c.Tags), MaxTags)
	case hasNUL(c.Front, c.Back, c.Quote, c.ParagraphID, strings.Join(c.Tags, "")):
		return errors.New("it contains a NUL character")
	}
	for _, t := range c.Tags {
		if len(t) > MaxTagBytes {
			return fmt.Errorf("the tag %q is more than %d bytes", shortText(t), MaxTagBytes)
		}
	}
	return nil
}

// SharedCardID is the id under which a publisher's card is scheduled in
// the student's deck: the student's own reviews, never the publisher's.
func SharedCardID(person, cardID string) string { return person + ":" + cardID }

// MergeOwnShare merges a file published by the same person from another
// computer into the student's own notes, as a bundle import does: by id
// and last change, the replaced version kept in the note's history. A
// file of another person is refused: their notes stay a layer.
func (s *Store) MergeOwnShare(data []byte) (BundleResult, error) {
	l, err := ParseShare(data)
	if err != nil {
		return BundleResult{}, err
	}
	id, err := s.ShareIdentity()
	if err != nil {
		return BundleResult{}, err
	}
	if l.File.Person != id.Person {
		return BundleResult{}, fmt.Errorf("store: merge shared file: it is %s's (person %s), not yours", shortText(l.File.Name), l.File.Person)
	}
	res, err := s.ImportBundle(data)
	if err != nil {
		return res, err
	}
	if l.File.ArticleID == s.articleKey(l.File.Article) {
		res.Cards, err = s.mergeOwnCards(l.File.Cards)
	}
	return res, err
}

// mergeOwnCards takes the cards one's other computer made into this
// database, each only when it is new here or changed there later. A card
// keeps the time it was changed there: stamped now, it would look newer on
// this computer, go back to the other one as a change, and so on for ever.
func (s *Store) mergeOwnCards(cards []ShareCard) (int, error) {
	merged := 0
	err := s.write(func(tx *sql.Tx) error {
		merged = 0
		for _, c := range cards {
			at, err := time.Parse(time.RFC3339Nano, c.Updated)
			if err != nil {
				continue // ParseShare checked the file; a card without its time is left out
			}
			tags := c.Tags
			if tags == nil {
				tags = []string{}
			}
			tj, err := json.Marshal(tags)
			if err != nil {
				return err
			}
			r, err := tx.Exec(`
				INSERT INTO user_cards (card_id, user_made, type, front, back, tags, paragraph_id, quote, created_at, updated_at, article)
				VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (card_id) DO UPDATE SET type = excluded.type, front = excluded.front, back = excluded.back,
					tags = excluded.tags, paragraph_id = excluded.paragraph_id, quote = excluded.quote,
					updated_at = excluded.updated_at
				WHERE excluded.updated_at > user_cards.updated_at AND user_cards.article = excluded.article`,
				c.ID, c.Type, c.Front, c.Back, string(tj), c.ParagraphID, c.Quote, toDB(at), toDB(at), s.current.get())
			if err != nil {
				return fmt.Errorf("card %s: %w", c.ID, err)
			}
			if n, _ := r.RowsAffected(); n > 0 {
				merged++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: merge own cards: %w", err)
	}
	return merged, nil
}

// sharedPlans are the plans of a share file that are lecture plans of its
// article, each marked with the publisher's name; the others are skipped
// with the reason. Two plans of one name: the later one is kept.
func sharedPlans(f ShareFile) ([]lecture.Plan, []string) {
	var plans []lecture.Plan
	var problems []string
	at := map[string]int{}
	for i, raw := range f.Plans {
		var p lecture.Plan
		err := json.Unmarshal(raw, &p)
		switch {
		case err != nil:
			err = fmt.Errorf("it is not a lecture plan (%v)", err)
		case p.Article != "" && p.Article != f.ArticleID:
			err = fmt.Errorf("it is for article %s, not this file's %s", shortText(p.Article), f.ArticleID)
		default:
			err = p.Check()
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("lecture plan %d: %s; skipped, the rest of the file is shown", i+1, strings.TrimPrefix(err.Error(), "lecture plan: ")))
			continue
		}
		p.Article, p.Publisher = f.ArticleID, f.Name
		if p.Publisher == "" {
			p.Publisher = "person " + f.Person // never "", which would make it one's own
		}
		if j, ok := at[p.Name]; ok {
			if p.Updated.After(plans[j].Updated) {
				plans[j] = p
			}
			continue
		}
		at[p.Name] = len(plans)
		plans = append(plans, p)
	}
	return plans, problems
}
