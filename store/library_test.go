package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/assets"
)

func hasTable(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n == 1
}

// oldImport stores doc as the one article of a database from before the
// library (schema versions 1 to 6), with the statements that Glossa used.
func oldImport(t *testing.T, s *Store, doc *article.Document) {
	t.Helper()
	err := s.write(func(tx *sql.Tx) error {
		for i, x := range doc.Sections {
			if _, err := tx.Exec(`INSERT INTO sections (number, title, level, position) VALUES (?, ?, ?, ?)`, x.Number, x.Title, x.Level, i); err != nil {
				return err
			}
		}
		sectionOf := map[string]string{}
		for i, p := range doc.Paragraphs {
			if _, err := tx.Exec(`INSERT INTO paragraphs (id, position, section, text) VALUES (?, ?, ?, ?)`, p.ID, i, p.Section, p.Text); err != nil {
				return err
			}
			sectionOf[p.ID] = p.Section
		}
		for _, f := range doc.Footnotes {
			if _, err := tx.Exec(`INSERT INTO footnotes (n, paragraph_id, section, text) VALUES (?, ?, ?, ?)`, f.N, f.Paragraph, sectionOf[f.Paragraph], f.Text); err != nil {
				return err
			}
		}
		_, err := tx.Exec(`INSERT INTO articles (hash, title, imported_at, current) VALUES (?, ?, 1, 1)`, doc.Hash, doc.Title)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readReal reads one of the real documents the format front ends are
// tested on.
func readReal(t testing.TB, name string) *article.Document {
	t.Helper()
	doc, _, err := formats.ReadFile(filepath.Join("..", "app", "article", "formats", "testdata", "real", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func shippedDoc(t testing.TB) *article.Document {
	t.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A database made by the release before the library (1996334, see
// testdata/release-1996334) opens with every note, review, own card and
// setting kept and belonging to the shipped article.
func TestUpgradeFromRelease(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossa.db")
	if err := copyFile(filepath.Join("testdata", "release-1996334", "release.db"), path); err != nil {
		t.Fatal(err)
	}
	doc := shippedDoc(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := doc.Hash[:idLen]
	if s.Current() != id {
		t.Fatalf("Current() after the upgrade = %q, want the shipped article %q", s.Current(), id)
	}
	if res := mustImport(t, s, doc); !res.Unchanged {
		t.Errorf("the shipped article imported again after the upgrade: %+v", res)
	}
	lib, err := s.Library()
	if err != nil || len(lib) != 1 {
		t.Fatalf("Library() = %+v, %v", lib, err)
	}
	if a := lib[0]; a.ID != id || !a.Shipped || a.Notes != 3 || a.Footnotes != len(doc.Footnotes) || a.Paragraphs != len(doc.Paragraphs) || a.Title != doc.Title {
		t.Errorf("shipped article listed as %+v", a)
	}
	got, err := s.Document(id)
	if err != nil || !reflect.DeepEqual(got, doc) {
		t.Errorf("Document(shipped) after the upgrade differs from the parsed article (%v)", err)
	}
	notes, err := s.Notes(NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]Note{}
	for _, n := range notes {
		bodies[n.Body] = n
		if n.Article != id {
			t.Errorf("note %q belongs to %q", n.Body, n.Article)
		}
	}
	if p := bodies["passage note"]; p.Orphan || p.Section == "" || len(p.Tags) != 1 {
		t.Errorf("passage note after the upgrade: %+v", p)
	}
	if f := bodies["footnote note"]; f.FootnoteNumber() != 17 || f.Orphan || f.Section == "" {
		t.Errorf("footnote note after the upgrade: %+v", f)
	}
	if _, ok := bodies["source note"]; !ok || len(notes) != 3 {
		t.Errorf("notes after the upgrade: %d, %v", len(notes), bodies)
	}
	if trash, err := s.Trash(); err != nil || len(trash) != 1 || trash[0].Body != "trashed note" {
		t.Errorf("trash after the upgrade: %+v, %v", trash, err)
	}
	for _, q := range []string{"passage note", "dissident", "footnote note"} {
		hits, err := s.Search(q, 5)
		if err != nil || len(hits) == 0 || hits[0].Article != id {
			t.Errorf("Search(%q) after the upgrade: %+v, %v", q, hits, err)
		}
	}
	if v, ok, err := s.Setting(SettingReadingPosition); !ok || v != doc.Paragraphs[40].ID || err != nil {
		t.Errorf("reading position after the upgrade: %q %v %v", v, ok, err)
	}
	if v, ok, _ := s.Setting(SettingZoom); !ok || v != "1.25" {
		t.Errorf("zoom after the upgrade: %q %v", v, ok)
	}
	if c, ok, err := s.CardState("deck-001"); err != nil || !ok || c.State != 2 || c.Stability != 3.2 {
		t.Errorf("card state after the upgrade: %+v, %v, %v", c, ok, err)
	}
	if n := count(t, s.db, `SELECT count(*) FROM reviews`); n != 1 {
		t.Errorf("%d reviews after the upgrade, want 1", n)
	}
	if cards, err := s.UserCards(); err != nil || len(cards) != 1 || cards[0].Front != "What is vague?" {
		t.Errorf("own cards after the upgrade: %+v, %v", cards, err)
	}
}

// Each real document is added once; importing it again changes nothing,
// and the library lists the shipped article first.
func TestAddArticleIdempotent(t *testing.T) {
	s, _ := openTemp(t)
	shipped := shippedDoc(t)
	mustImport(t, s, shipped)
	files := []struct {
		name      string
		footnotes int
		format    string
	}{
		{"free-culture-piracy.docx", 81, "docx"},
		{"free-culture-introduction.hugo.html", 11, "html"},
		{"openlegaldata-stellungnahme-egovg.md", 6, "md"},
	}
	ids := map[string]bool{shipped.Hash[:idLen]: true}
	for _, f := range files {
		doc := readReal(t, f.name)
		res, err := s.AddArticle(doc, filepath.Join("/somewhere", f.name))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != StatusAdded || res.ID != doc.Hash[:idLen] || res.Footnotes != f.footnotes || res.Title != doc.Title {
			t.Errorf("%s: first import %+v", f.name, res)
		}
		ids[res.ID] = true
		before := count(t, s.db, `SELECT count(*) FROM paragraphs`) + count(t, s.db, `SELECT count(*) FROM search`)
		again, err := s.AddArticle(doc, f.name)
		if err != nil || again.Status != StatusUnchanged || again.ID != res.ID {
			t.Errorf("%s: second import %+v, %v", f.name, again, err)
		}
		if after := count(t, s.db, `SELECT count(*) FROM paragraphs`) + count(t, s.db, `SELECT count(*) FROM search`); after != before {
			t.Errorf("%s: a second import changed the rows: %d, then %d", f.name, before, after)
		}
		got, err := s.Document(res.ID)
		if err != nil || !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: Document differs from what was imported (%v)", f.name, err)
		}
	}
	// The shipped article brought as a file is the shipped article.
	if res, err := s.AddArticle(shipped, "article.md"); err != nil || res.Status != StatusUnchanged || res.ID != shipped.Hash[:idLen] {
		t.Errorf("the shipped article imported as a file: %+v, %v", res, err)
	}
	lib, err := s.Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) != len(files)+1 || !lib[0].Shipped {
		t.Fatalf("Library() = %+v", lib)
	}
	for _, a := range lib[1:] {
		if !ids[a.ID] || a.Shipped || a.Origin == "" || a.Added.IsZero() || a.Paragraphs == 0 {
			t.Errorf("listed %+v", a)
		}
	}
	if err := s.Use(lib[2].ID); err != nil {
		t.Fatal(err)
	}
	lib, _ = s.Library()
	if !lib[0].Shipped || lib[1].Opened.IsZero() || s.Current() != lib[1].ID {
		t.Errorf("after opening an article: the shipped one, then the last opened: %+v (current %s)", lib[:2], s.Current())
	}
}

func noteOn(t *testing.T, s *Store, quote, body string) Note {
	t.Helper()
	n, err := s.AddQuoteNote(quote, body, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Everything article-scoped works on the current article; a library-wide
// search names each hit's article.
func TestLibraryScoping(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	shipped := s.Current()
	other := testDoc([]string{
		"1|Sovereignty in outer space is denied by the Outer Space Treaty.",
		"1|Celestial bodies are the province of all mankind.",
	}, []string{"Outer Space Treaty, art. II."}, []int{0})
	other.Title, other.Author = "Space law", "A. Author; B. Writer"
	res, err := s.AddArticle(other, "space.md")
	if err != nil || res.Status != StatusAdded {
		t.Fatalf("%+v, %v", res, err)
	}
	if s.Current() != shipped {
		t.Fatalf("adding an article changed the current one")
	}
	if err := s.SetSetting(SettingReadingPosition, docV1.Paragraphs[2].ID); err != nil {
		t.Fatal(err)
	}
	noteOn(t, s, "vague offences", "shipped note")
	if err := s.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	if ps, err := s.Paragraphs(); err != nil || len(ps) != 2 || ps[0].Text != other.Paragraphs[0].Text {
		t.Errorf("Paragraphs of the other article: %+v, %v", ps, err)
	}
	if _, ok, _ := s.Setting(SettingReadingPosition); ok {
		t.Errorf("the other article has the shipped article's reading position")
	}
	if err := s.SetSetting(SettingReadingPosition, other.Paragraphs[1].ID); err != nil {
		t.Fatal(err)
	}
	noteOn(t, s, "province of all mankind", "space note")
	fn, err := s.FootnoteNote(1)
	if err != nil || fn.Orphan || fn.Article != res.ID {
		t.Errorf("footnote note in the other article: %+v, %v", fn, err)
	}
	if err := s.SaveUserCard(UserCard{CardID: "space-1", UserMade: true, Type: "basic", Front: "Who owns the Moon?"}); err != nil {
		t.Fatal(err)
	}
	notes, _ := s.Notes(NoteFilter{})
	if len(notes) != 2 || notes[1].Body != "space note" { // the footnote's paragraph comes first
		t.Errorf("notes of the other article: %+v", notes)
	}
	if hits, _ := s.Search("sovereignty", 10); len(hits) != 1 || hits[0].Article != res.ID {
		t.Errorf("search in the other article: %+v", hits)
	}
	all, err := s.SearchArticle("sovereignty", AllArticles, 10)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]int{}
	for _, h := range all {
		in[h.Article]++
	}
	if in[res.ID] != 1 || in[shipped] != 2 || len(all) != 3 {
		t.Errorf("library-wide search: %+v", all)
	}
	if every, _ := s.Notes(NoteFilter{Article: AllArticles}); len(every) != 3 || every[0].Article != shipped {
		t.Errorf("notes of every article: %+v", every)
	}
	if err := s.Use(shipped); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := s.Setting(SettingReadingPosition); v != docV1.Paragraphs[2].ID {
		t.Errorf("the shipped article's reading position is %q", v)
	}
	if notes, _ := s.Notes(NoteFilter{}); len(notes) != 1 || notes[0].Body != "shipped note" {
		t.Errorf("notes of the shipped article: %+v", notes)
	}
	if cards, _ := s.UserCards(); len(cards) != 0 {
		t.Errorf("the other article's own cards are listed with the shipped one: %+v", cards)
	}
	if _, err := s.Document("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document of an unknown ID: %v", err)
	}
	if err := s.Use("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Use of an unknown ID: %v", err)
	}
}

// A new version of an article replaces its text, keeps its ID and places
// its notes again; what cannot be placed is kept as an orphan.
func TestAddArticleNewVersion(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	v1 := testDoc([]string{
		"1|The Moon Agreement was ratified by few States.",
		"1|Mining of asteroids raises questions of appropriation.",
		"2|The Artemis Accords take another path.",
	}, []string{"Moon Agreement 1979.", "Artemis Accords 2020."}, []int{0, 2})
	v1.Title, v1.Author = "Space resources", "C. Lawyer"
	first, err := s.AddArticle(v1, "space-v1.docx")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Use(first.ID); err != nil {
		t.Fatal(err)
	}
	kept := noteOn(t, s, "questions of appropriation", "kept")
	lost := noteOn(t, s, "ratified by few States", "lost")
	fn, _ := s.FootnoteNote(2)
	v2 := testDoc([]string{
		"1|Asteroid mining raises questions of appropriation under article II.",
		"2|The Artemis Accords take another path, as do national laws.",
	}, []string{"Artemis Accords 2020."}, []int{1})
	v2.Title, v2.Author = "  SPACE resources", "c. lawyer"
	res, err := s.AddArticle(v2, "space-v2.docx")
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusUpdated || res.ID != first.ID || res.Orphaned != 2 || res.Placed != 1 {
		t.Errorf("new version: %+v", res)
	}
	if got, _ := s.Document(first.ID); got.Hash != v2.Hash {
		t.Errorf("Document after a new version is still the old one")
	}
	if n, _ := s.Note(kept.ID); n.Orphan || n.TargetID != v2.Paragraphs[0].ID {
		t.Errorf("kept note: %+v", n)
	}
	if n, _ := s.Note(lost.ID); !n.Orphan || n.Body != "lost" {
		t.Errorf("lost note is kept as an orphan: %+v", n)
	}
	if n, _ := s.Note(fn.ID); !n.Orphan {
		t.Errorf("note on a footnote the new version lacks: %+v", n)
	}
	if hits, _ := s.Search("ratified", 5); len(hits) != 0 {
		t.Errorf("the old text is still searched: %+v", hits)
	}
	if lib, _ := s.Library(); len(lib) != 2 || lib[1].Footnotes != 1 || lib[1].Origin != "space-v2.docx" {
		t.Errorf("Library after a new version: %+v", lib)
	}
	// The old version again is a new version too: back to it.
	if res, err := s.AddArticle(v1, "space-v1.docx"); err != nil || res.Status != StatusUpdated || res.ID != first.ID {
		t.Errorf("first version again: %+v, %v", res, err)
	}
	// Another title is another article, and a document without a title
	// is matched by its file name.
	v1.Title = "Space resources, a reply"
	if res, _ := s.AddArticle(v1, "space-v1.docx"); res.Status != StatusUnchanged {
		t.Errorf("same text under another title: %+v", res)
	}
	untitled := testDoc([]string{"1|A note without a title."}, nil, nil)
	untitled.Title = ""
	a, _ := s.AddArticle(untitled, "/a/memo.html")
	untitled2 := testDoc([]string{"1|A note without a title, revised."}, nil, nil)
	untitled2.Title = ""
	b, _ := s.AddArticle(untitled2, "/b/memo.html")
	if a.Status != StatusAdded || b.Status != StatusUpdated || b.ID != a.ID {
		t.Errorf("untitled versions by file name: %+v then %+v", a, b)
	}
	// A document with the shipped article's title is not a version of it.
	same := testDoc([]string{"1|Another text entirely."}, nil, nil)
	same.Title = docV1.Title
	if res, _ := s.AddArticle(same, "copy.md"); res.Status != StatusAdded {
		t.Errorf("a document titled as the shipped article: %+v", res)
	}
}

// Removing an article moves it, with its notes, to the trash; restoring
// brings everything back. The shipped article stays.
func TestTrashArticle(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	shipped := s.Current()
	if err := s.TrashArticle(shipped); !errors.Is(err, ErrShipped) {
		t.Errorf("trashing the shipped article: %v", err)
	}
	doc := testDoc([]string{"1|Maritime zones under UNCLOS are measured from baselines."}, []string{"UNCLOS art. 5."}, []int{0})
	doc.Title = "Sea"
	res, _ := s.AddArticle(doc, "sea.html")
	if err := s.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	n := noteOn(t, s, "measured from baselines", "baseline note")
	rows := func() int {
		return count(t, s.db, `SELECT count(*) FROM paragraphs`) + count(t, s.db, `SELECT count(*) FROM notes`) + count(t, s.db, `SELECT count(*) FROM search`)
	}
	before := rows()
	if err := s.TrashArticle(res.ID); err != nil {
		t.Fatal(err)
	}
	if s.Current() != shipped {
		t.Errorf("the current article was trashed and is still current")
	}
	if lib, _ := s.Library(); len(lib) != 1 {
		t.Errorf("Library after the trash: %+v", lib)
	}
	if tr, _ := s.TrashedArticles(); len(tr) != 1 || tr[0].ID != res.ID || tr[0].Notes != 1 || tr[0].Trashed.IsZero() {
		t.Errorf("TrashedArticles: %+v", tr)
	}
	if hits, _ := s.SearchArticle("baselines", AllArticles, 10); len(hits) != 0 {
		t.Errorf("a trashed article is searched: %+v", hits)
	}
	if notes, _ := s.Notes(NoteFilter{Article: AllArticles}); len(notes) != 0 {
		t.Errorf("notes of a trashed article listed: %+v", notes)
	}
	if err := s.Use(res.ID); !errors.Is(err, ErrArticleTrashed) {
		t.Errorf("opening a trashed article: %v", err)
	}
	if err := s.RestoreArticle(res.ID); err != nil {
		t.Fatal(err)
	}
	if after := rows(); after != before {
		t.Errorf("trash and restore changed the rows: %d, then %d", before, after)
	}
	if hits, _ := s.SearchArticle("baseline note", AllArticles, 10); len(hits) != 1 || hits[0].ID != n.ID {
		t.Errorf("the restored note is not found: %+v", hits)
	}
	if lib, _ := s.Library(); len(lib) != 2 || lib[1].Notes != 1 {
		t.Errorf("Library after the restore: %+v", lib)
	}
	if err := s.TrashArticle("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("trashing an unknown article: %v", err)
	}
	// Importing a trashed article again takes it out of the trash.
	if err := s.TrashArticle(res.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.AddArticle(doc, "sea.html"); again.Status != StatusAdded || again.ID != res.ID {
		t.Errorf("importing a trashed article again: %+v", again)
	}
	if lib, _ := s.Library(); len(lib) != 2 || !strings.EqualFold(lib[1].Title, "sea") {
		t.Errorf("Library after importing a trashed article: %+v", lib)
	}
}

// A restore from a backup made before an article was added leaves the
// store on the shipped article, not on one that is no longer there.
func TestRestoreLeavesNoMissingCurrent(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	backup := filepath.Join(filepath.Dir(path), "before.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	doc := testDoc([]string{"1|Airspace sovereignty is complete and exclusive."}, nil, nil)
	doc.Title = "Air"
	res, _ := s.AddArticle(doc, "air.md")
	if err := s.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Restore(backup); err != nil {
		t.Fatal(err)
	}
	if s.Current() != docV1.Hash[:idLen] {
		t.Errorf("current after the restore: %q", s.Current())
	}
	if ps, err := s.Paragraphs(); err != nil || len(ps) != len(docV1.Paragraphs) {
		t.Errorf("paragraphs after the restore: %d, %v", len(ps), err)
	}
}

// TestDocumentTexts: the stored document leaves the texts of paragraphs
// and footnotes to their tables; Document puts them back, and still
// reads a row written whole (by a release before) as it was.
func TestDocumentTexts(t *testing.T) {
	s, _ := openTemp(t)
	doc := realArticle(t)
	mustImport(t, s, doc)
	id := s.Current()
	var stored []byte
	if err := s.db.QueryRow(`SELECT document FROM library WHERE id = ?`, id).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if first := doc.Paragraphs[0].Text; strings.Contains(string(stored), first) {
		t.Errorf("the stored document holds the text of paragraph 1 (%.40q...)", first)
	}
	whole, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		row  []byte
	}{{"texts left out", stored}, {"written whole", whole}} {
		if _, err := s.db.Exec(`UPDATE library SET document = ? WHERE id = ?`, c.row, id); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Document(id); err != nil || !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: Document differs from the parsed article (%v)", c.name, err)
		}
	}
	// A footnote missing from its table is an error, not an empty note.
	if _, err := s.db.Exec(`UPDATE library SET document = ? WHERE id = ?`, stored, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM footnotes WHERE article = ? AND n = 3`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(id); err == nil || !strings.Contains(err.Error(), "footnote 3") {
		t.Errorf("Document with footnote 3 lost: %v", err)
	}
}

// TestAddLongArticle: an article with more paragraphs than one INSERT
// may carry parameters for is written whole and in order.
func TestAddLongArticle(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, realArticle(t))
	n := (maxParams-1)/4 + 100
	doc := *realArticle(t)
	doc.Paragraphs = make([]article.Paragraph, n)
	for i := range doc.Paragraphs {
		doc.Paragraphs[i] = article.Paragraph{ID: fmt.Sprintf("p%d", i), Index: i, Text: fmt.Sprintf("Paragraph %d of a long article.", i)}
	}
	doc.Footnotes, doc.Sections, doc.Contents = nil, nil, nil
	doc.Title, doc.Hash = "A long article", strings.Repeat("ab", 32)
	res, err := s.AddArticle(&doc, "long.md")
	if err != nil || res.Status != StatusAdded {
		t.Fatalf("%+v, %v", res, err)
	}
	if err := s.Use(res.ID); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Paragraphs()
	if err != nil || len(ps) != n {
		t.Fatalf("%d paragraphs, %v; want %d", len(ps), err, n)
	}
	for i, p := range ps {
		if p.ID != doc.Paragraphs[i].ID || p.Text != doc.Paragraphs[i].Text {
			t.Fatalf("paragraph %d is %s %q, want %s", i, p.ID, p.Text, doc.Paragraphs[i].ID)
		}
	}
	if hits, err := s.SearchArticle(fmt.Sprintf("Paragraph %d ", n-1), "", 5); err != nil || len(hits) == 0 || hits[0].ID != fmt.Sprintf("p%d", n-1) {
		t.Errorf("the last paragraph is not found: %+v, %v", hits, err)
	}
}
