package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
)

// testDoc builds a small Document by hand: paragraphs "section|text",
// footnote i+1 referenced from paragraph refs[i].
func testDoc(paras []string, footnotes []string, refs []int) *article.Document {
	doc := &article.Document{Title: "Test article"}
	seen := map[string]bool{}
	h := sha256.New()
	for i, p := range paras {
		sec, text, _ := strings.Cut(p, "|")
		if !seen[sec] {
			seen[sec] = true
			doc.Sections = append(doc.Sections, article.Section{Number: sec, Title: "Section " + sec, Level: 1, First: i})
		}
		words := strings.Fields(text)
		id := sec + "-" + strings.ToLower(strings.Join(words[:min(3, len(words))], "-"))
		doc.Paragraphs = append(doc.Paragraphs, article.Paragraph{ID: id, Index: i, Section: sec, Text: text})
		h.Write([]byte(p + "\n"))
	}
	for i, f := range footnotes {
		doc.Footnotes = append(doc.Footnotes, article.Footnote{N: i + 1, Text: f, Paragraph: doc.Paragraphs[refs[i]].ID})
		h.Write([]byte(f + "\n"))
	}
	doc.Hash = hex.EncodeToString(h.Sum(nil))
	return doc
}

var (
	paraSovereignty = "2|Sovereign equality is the cornerstone: sovereignty, sovereignty and again sovereignty shape the Sino-Russian approach to international law."
	paraNegotiation = "2|The negotiations in the Ad Hoc Committee showed Russian activism; sovereignty was mentioned once."
	paraRights      = "3|Human rights safeguards are weak in the Convention, and vague offences allow extraterritorial reach."
	paraInterfere   = "4|Non-interference in the internal affairs of other States is a principle the Convention mirrors."
	docV1           = testDoc(
		[]string{paraSovereignty, paraNegotiation, paraRights, paraInterfere},
		[]string{"See UNGA Res 79/243 on cybercrime.", "A. PETERS, Russia and China Are Trying to Set the Rules, in Foreign Policy."},
		[]int{0, 2})
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "glossa.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func mustImport(t testing.TB, s *Store, doc *article.Document) ImportResult {
	t.Helper()
	res, err := s.ImportArticle(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func count(t testing.TB, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenSettings(t *testing.T) {
	s, path := openTemp(t)
	for pragma, want := range map[string]string{
		"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000", "synchronous": "2",
		"user_version": fmt.Sprint(SchemaVersion()),
	} {
		var got string
		if err := s.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
	if s.Recovered() != "" {
		t.Errorf("Recovered() = %q on a new file", s.Recovered())
	}
	if s.Path() != path {
		t.Errorf("Path() = %q", s.Path())
	}
}

// openAtVersion makes a database at an earlier schema version, as an
// older Glossa left it.
func openAtVersion(t *testing.T, path string, v int) *Store {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrateTo(v); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMigrations(t *testing.T) {
	t.Run("empty file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "glossa.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if v := count(t, s.db, "PRAGMA user_version"); v != SchemaVersion() {
			t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
		}
		mustImport(t, s, docV1)
	})
	for v := 0; v < SchemaVersion(); v++ {
		t.Run(fmt.Sprintf("from version %d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "glossa.db")
			old := openAtVersion(t, path, v)
			if got := count(t, old.db, "PRAGMA user_version"); got != v {
				t.Fatalf("made version %d, file says %d", v, got)
			}
			// Data each earlier version could hold must survive.
			library := hasTable(t, old.db, "library")
			switch {
			case v >= 1 && !library: // as a Glossa from before the library stored it
				oldImport(t, old, docV1)
			case v >= 1:
				mustImport(t, old, docV1)
			}
			if v >= 2 {
				q := `INSERT INTO notes (id, target_kind, target_id, exact, body, created_at, updated_at)
					VALUES ('0123456789ab', 'passage', ?, 'vague offences', 'old note', 1, 1)`
				args := []any{docV1.Paragraphs[2].ID}
				if library {
					q = strings.Replace(strings.Replace(q, "updated_at)", "updated_at, article)", 1), "1, 1)", "1, 1, ?)", 1)
					args = append(args, docV1.Hash[:idLen])
				}
				if _, err := old.db.Exec(q, args...); err != nil {
					t.Fatal(err)
				}
			}
			if v >= 3 {
				if err := old.SetSetting("k", "v"); err != nil {
					t.Fatal(err)
				}
			}
			old.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := count(t, s.db, "PRAGMA user_version"); got != SchemaVersion() {
				t.Fatalf("user_version = %d after Open, want %d", got, SchemaVersion())
			}
			res := mustImport(t, s, docV1)
			if res.Unchanged != (v >= 1) {
				t.Errorf("import after migration: Unchanged = %v", res.Unchanged)
			}
			if v >= 2 {
				n, err := s.Note("0123456789ab")
				if err != nil || n.Body != "old note" || n.Section != "3" {
					t.Errorf("old note after migration: %+v, %v", n, err)
				}
			}
			if v >= 3 {
				if val, ok, err := s.Setting("k"); !ok || val != "v" || err != nil {
					t.Errorf("old setting after migration: %q %v %v", val, ok, err)
				}
			}
			if err := s.SaveReview(Review{CardID: "c1", Rating: 3}, CardState{CardID: "c1", State: 1}); err != nil {
				t.Errorf("cards after migration: %v", err)
			}
		})
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer than this Glossa") {
		t.Fatalf("Open of a newer schema: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("a newer database must be left alone: %v", err)
	}
}

// A database another program made is refused and left exactly as it
// was: no Glossa tables added, not taken for a newer Glossa's.
func TestForeignDatabaseRefused(t *testing.T) {
	for _, version := range []int{0, 2, 99} {
		t.Run(fmt.Sprint("user_version ", version), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "places.sqlite")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(fmt.Sprintf(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('x'); PRAGMA user_version = %d`, version)); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before, _ := os.ReadFile(path)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open of another program's database succeeded")
			}
			if !errors.Is(err, ErrNotGlossa) || !strings.Contains(err.Error(), path) {
				t.Fatalf("Open: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the other program's database was changed")
			}
			if m, _ := filepath.Glob(path + ".damaged-*"); len(m) != 0 {
				t.Errorf("a healthy file was moved aside: %v", m)
			}
		})
	}
}

func TestImportIdempotent(t *testing.T) {
	s, _ := openTemp(t)
	res := mustImport(t, s, docV1)
	if res.Unchanged || res.Paragraphs != 4 || res.Footnotes != 2 {
		t.Fatalf("first import: %+v", res)
	}
	rows := func() [4]int {
		return [4]int{count(t, s.db, "SELECT count(*) FROM paragraphs"), count(t, s.db, "SELECT count(*) FROM footnotes"),
			count(t, s.db, "SELECT count(*) FROM search"), count(t, s.db, "SELECT count(*) FROM articles")}
	}
	before := rows()
	if before != [4]int{4, 2, 6, 1} {
		t.Fatalf("rows after import = %v", before)
	}
	res = mustImport(t, s, docV1)
	if !res.Unchanged {
		t.Fatalf("second import of the same hash: %+v", res)
	}
	if after := rows(); after != before {
		t.Fatalf("rows after second import = %v, want %v", after, before)
	}
	if h, err := s.CurrentArticle(); err != nil || h != docV1.Hash {
		t.Fatalf("CurrentArticle = %q, %v", h, err)
	}
	ps, err := s.Paragraphs()
	if err != nil || len(ps) != 4 || ps[2].Text != docV1.Paragraphs[2].Text || ps[2].Index != 2 {
		t.Fatalf("Paragraphs = %+v, %v", ps, err)
	}
	if _, err := s.ImportArticle(&article.Document{}); err == nil {
		t.Fatal("import of a document without hash succeeded")
	}
}

func TestTrashRestore(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	n, err := s.AddQuoteNote("VAGUE   offences", "Which offences?", []string{"rights", " ", "rights", "exam"})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.ID) != 12 || n.Quote() != "vague offences" || n.TargetID != docV1.Paragraphs[2].ID || n.Section != "3" ||
		strings.Join(n.Tags, ",") != "rights,exam" || n.Orphan || n.Created.IsZero() {
		t.Fatalf("added note = %+v", n)
	}
	hits, _ := s.Search("offences which", 10)
	if len(hits) != 1 || hits[0].Kind != KindNote || hits[0].ID != n.ID {
		t.Fatalf("search for the note = %+v", hits)
	}
	if err := s.TrashNote(n.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashNote(n.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("trashing twice: %v", err)
	}
	live, _ := s.Notes(NoteFilter{})
	trash, _ := s.Trash()
	if len(live) != 0 || len(trash) != 1 || trash[0].ID != n.ID || trash[0].Deleted.IsZero() {
		t.Fatalf("after trash: live %v, trash %v", live, trash)
	}
	if hits, _ := s.Search("offences which", 10); len(hits) != 0 {
		t.Fatalf("trashed note still found: %+v", hits)
	}
	if err := s.RestoreNote(n.ID); err != nil {
		t.Fatal(err)
	}
	live, _ = s.Notes(NoteFilter{})
	if len(live) != 1 || !live[0].Deleted.IsZero() || live[0].Body != "Which offences?" {
		t.Fatalf("after restore: %+v", live)
	}
	if hits, _ := s.Search("offences which", 10); len(hits) != 1 {
		t.Fatalf("restored note not found: %+v", hits)
	}
	if err := s.RestoreNote("nosuchnote00"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore of a missing note: %v", err)
	}
	if _, err := s.Note("nosuchnote00"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Note of a missing id: %v", err)
	}
}

func TestNotes(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	late, err := s.AddQuoteNote("principle the Convention", "late", nil)
	if err != nil {
		t.Fatal(err)
	}
	early, err := s.AddQuoteNote("cornerstone", "early", []string{"key"})
	if err != nil {
		t.Fatal(err)
	}
	fn, err := s.AddNote(Note{TargetKind: TargetFootnote, TargetID: "2", Body: "Peters", Color: "yellow"})
	if err != nil {
		t.Fatal(err)
	}
	card, err := s.AddNote(Note{TargetKind: TargetCard, TargetID: "card-7", Body: "on a card", Tags: []string{"key"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddQuoteNote("words that are not there", "", nil); !errors.Is(err, ErrQuoteNotFound) {
		t.Fatalf("quote not in the article: %v", err)
	}
	if _, err := s.AddNote(Note{TargetKind: "page"}); err == nil {
		t.Fatal("unknown target kind accepted")
	}
	if _, err := s.AddNote(Note{TargetKind: TargetPassage}); err == nil {
		t.Fatal("passage note without quote accepted")
	}
	if fn.Section != "3" || fn.Orphan || fn.FootnoteNumber() != 2 || fn.Color != "yellow" {
		t.Fatalf("footnote note = %+v", fn)
	}
	all, _ := s.Notes(NoteFilter{})
	var ids []string
	for _, n := range all {
		ids = append(ids, n.Body)
	}
	if got := strings.Join(ids, ","); got != "early,Peters,late,on a card" {
		t.Fatalf("notes in reading order = %s", got)
	}
	tagged, _ := s.Notes(NoteFilter{Tag: "key"})
	if len(tagged) != 2 || tagged[0].ID != early.ID || tagged[1].ID != card.ID {
		t.Fatalf("notes tagged key = %+v", tagged)
	}
	onCard, _ := s.Notes(NoteFilter{TargetKind: TargetCard, TargetID: "card-7"})
	if len(onCard) != 1 || onCard[0].ID != card.ID {
		t.Fatalf("notes on card-7 = %+v", onCard)
	}
	late.Body, late.Tags, late.Color = "late, edited", []string{"x"}, "blue"
	up, err := s.UpdateNote(late)
	if err != nil {
		t.Fatal(err)
	}
	if up.Body != "late, edited" || up.Tags[0] != "x" || up.Color != "blue" || up.Updated.Before(up.Created) || up.Quote() != "principle the Convention" {
		t.Fatalf("updated note = %+v", up)
	}
	if hits, _ := s.Search("edited", 5); len(hits) != 1 || hits[0].ID != late.ID || hits[0].Section != "4" {
		t.Fatalf("search edited note = %+v", hits)
	}
	if _, err := s.UpdateNote(Note{ID: "nosuchnote00", TargetKind: TargetCard}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of a missing note: %v", err)
	}
}

func TestReanchorAfterNewVersion(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	exact, _ := s.AddQuoteNote("vague offences allow", "exact", nil)
	edited, _ := s.AddQuoteNote("internal affairs of other States", "edited", nil)
	gone, _ := s.AddQuoteNote("Russian activism", "gone", nil)
	fnKept, _ := s.AddNote(Note{TargetKind: TargetFootnote, TargetID: "1", Body: "fn1"})
	fnGone, _ := s.AddNote(Note{TargetKind: TargetFootnote, TargetID: "2", Body: "fn2"})
	trashed, _ := s.AddQuoteNote("cornerstone", "trashed", nil)
	s.TrashNote(trashed.ID)
	if err := s.SaveReview(Review{CardID: "c1", Rating: 3}, CardState{CardID: "c1", State: 2}); err != nil {
		t.Fatal(err)
	}

	// The new version: a paragraph inserted before the others, one edited,
	// one rewritten entirely, the second footnote lost.
	docV2 := testDoc([]string{
		"1|An introduction added by a parser fix.",
		paraSovereignty,
		"2|The negotiations in the Committee were long.",
		paraRights,
		"4|Non-interference in the internal affairs of other states is the principle the Convention mirrors.",
	}, []string{"See UNGA Res 79/243 on cybercrime."}, []int{1})
	res := mustImport(t, s, docV2)
	if res.Unchanged || res.Checked != 6 || res.Orphaned != 2 {
		t.Fatalf("import of v2: %+v", res)
	}
	doc := docV2
	check := func(id string, wantPara int, wantOrphan bool) Note {
		t.Helper()
		n, err := s.Note(id)
		if err != nil {
			t.Fatal(err)
		}
		if n.Orphan != wantOrphan || (wantPara >= 0 && (n.TargetID != doc.Paragraphs[wantPara].ID || n.Anchor.Index != wantPara)) {
			t.Fatalf("note %q after re-import: %+v", n.Body, n)
		}
		return n
	}
	n := check(exact.ID, 3, false)
	if got := docV2.Paragraphs[3].Text[n.Anchor.Start : n.Anchor.Start+len(n.Quote())]; got != "vague offences allow" {
		t.Fatalf("position hint now points at %q", got)
	}
	check(edited.ID, 4, false)
	o := check(gone.ID, -1, true)
	if o.Section != "" || o.Body != "gone" || o.Quote() != "Russian activism" {
		t.Fatalf("orphan = %+v", o)
	}
	check(fnKept.ID, -1, false)
	check(fnGone.ID, -1, true)
	check(trashed.ID, 1, false)
	orphans, _ := s.Notes(NoteFilter{Orphans: true})
	if len(orphans) != 2 {
		t.Fatalf("orphans = %+v", orphans)
	}
	if rs, _ := s.Reviews(time.Time{}); len(rs) != 1 {
		t.Fatalf("reviews after re-import = %+v", rs)
	}
	// Back to the first version: the orphan finds its passage again.
	mustImport(t, s, docV1)
	doc = docV1
	check(gone.ID, 1, false)
	if n := count(t, s.db, "SELECT count(*) FROM articles"); n != 2 {
		t.Fatalf("articles = %d", n)
	}
}

func TestSettings(t *testing.T) {
	s, _ := openTemp(t)
	if _, ok, err := s.Setting(SettingReadingPosition); ok || err != nil {
		t.Fatalf("unset setting: %v %v", ok, err)
	}
	for _, v := range []string{"2-sovereign-equality-is", "3-human-rights-safeguards"} {
		if err := s.SetSetting(SettingReadingPosition, v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Setting(SettingReadingPosition); got != v || !ok || err != nil {
			t.Fatalf("Setting = %q %v %v, want %q", got, ok, err, v)
		}
	}
	if err := s.DeleteSetting(SettingReadingPosition); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Setting(SettingReadingPosition); ok {
		t.Fatal("deleted setting still there")
	}
}

func TestCards(t *testing.T) {
	s, _ := openTemp(t)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 123456789, time.UTC)
	first := CardState{CardID: "c1", State: 1, Step: 1, Stability: 2.3, Difficulty: 5.1, Due: t0.Add(10 * time.Minute), LastReview: t0}
	if err := s.SaveReview(Review{CardID: "c1", Rating: 3, ReviewedAt: t0, ElapsedMS: 4200}, first); err != nil {
		t.Fatal(err)
	}
	second := first
	second.State, second.Due, second.LastReview = 2, t0.Add(72*time.Hour), t0.Add(10*time.Minute)
	if err := s.SaveReview(Review{Rating: 4, ReviewedAt: second.LastReview, Prev: first}, second); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReview(Review{CardID: "c2", Rating: 1, ReviewedAt: t0.Add(time.Hour)}, CardState{CardID: "c2", State: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReview(Review{CardID: "c1", Rating: 5}, first); err == nil {
		t.Fatal("rating 5 accepted")
	}
	if err := s.SaveReview(Review{CardID: "c1", Rating: 3}, CardState{CardID: "c2"}); err == nil {
		t.Fatal("mismatched card ids accepted")
	}
	got, ok, err := s.CardState("c1")
	if !ok || err != nil || got.State != 2 || !got.Due.Equal(second.Due) || !got.LastReview.Equal(second.LastReview) || got.Stability != 2.3 {
		t.Fatalf("CardState c1 = %+v %v %v", got, ok, err)
	}
	rs, _ := s.Reviews(t0.Add(time.Minute))
	if len(rs) != 2 || rs[0].CardID != "c1" || rs[0].Rating != 4 || !rs[0].Prev.Due.Equal(first.Due) || rs[1].CardID != "c2" {
		t.Fatalf("Reviews since = %+v", rs)
	}
	// Undo the c2 review: c2 had never been seen, so it is forgotten.
	r, ok, err := s.UndoLastReview()
	if !ok || err != nil || r.CardID != "c2" {
		t.Fatalf("undo = %+v %v %v", r, ok, err)
	}
	if _, ok, _ := s.CardState("c2"); ok {
		t.Fatal("undone new card still has a state")
	}
	r, _, _ = s.UndoLastReview()
	if got, _, _ := s.CardState("c1"); r.Rating != 4 || got.State != 1 || !got.Due.Equal(first.Due) {
		t.Fatalf("after second undo c1 = %+v", got)
	}
	all, _ := s.CardStates()
	if len(all) != 1 {
		t.Fatalf("CardStates = %+v", all)
	}
	s.UndoLastReview()
	if _, ok, err := s.UndoLastReview(); ok || err != nil {
		t.Fatalf("undo on an empty log: %v %v", ok, err)
	}
	sus := CardState{CardID: "c9", Suspended: true}
	if err := s.SaveCardState(sus); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.CardState("c9"); !ok || !got.Suspended {
		t.Fatalf("suspended card = %+v", got)
	}
}

// Two Stores on one file, both writing as fast as they can: nobody may
// see "database is locked".
func TestConcurrentStores(t *testing.T) {
	a, path := openTemp(t)
	mustImport(t, a, docV1)
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const each = 60
	var wg sync.WaitGroup
	errs := make(chan error, 4*each)
	for i, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range each {
				if _, err := s.AddQuoteNote("sovereign equality", fmt.Sprintf("writer %d note %d", i, k), nil); err != nil {
					errs <- err
				}
				if err := s.SetSetting(fmt.Sprintf("w%d", i), fmt.Sprint(k)); err != nil {
					errs <- err
				}
				if _, err := s.Search("sovereignty", 5); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, b.db, "SELECT count(*) FROM notes"); n != 4*each {
		t.Fatalf("notes = %d, want %d", n, 4*each)
	}
}
