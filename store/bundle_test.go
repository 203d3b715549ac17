package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
)

// fillNotes adds n notes of every kind on the real article: passages of
// varying length anywhere in it, footnotes, sources and cards, with
// Markdown bodies, tags and colors.
func fillNotes(t testing.TB, s *Store, doc *article.Document, n int) []Note {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	colors := []string{"", "yellow", "green", "blue", "pink", "purple"}
	var out []Note
	for i := range n {
		note := Note{
			Body:  fmt.Sprintf("**Note %d** — _why_ it matters: État, “quotes”, emoji 📎\n\n- point %d\n- [[link]]", i, rng.IntN(100)),
			Tags:  []string{"tag" + strconv.Itoa(i%7), "exam"},
			Color: colors[i%len(colors)],
		}
		switch i % 10 {
		case 7:
			note.TargetKind, note.TargetID = TargetFootnote, strconv.Itoa(doc.Footnotes[rng.IntN(len(doc.Footnotes))].N)
		case 8:
			note.TargetKind, note.TargetID = TargetSource, fmt.Sprintf("src-%d", rng.IntN(80))
		case 9:
			note.TargetKind, note.TargetID = TargetCard, fmt.Sprintf("card-%d", rng.IntN(40))
		default:
			pi := rng.IntN(len(doc.Paragraphs))
			text := doc.Paragraphs[pi].Text
			start := rng.IntN(len(text) - 1)
			end := min(len(text), start+1+rng.IntN(200))
			note.Anchor = anchor.At(doc.Paragraphs, pi, start, end)
			if strings.TrimSpace(note.Anchor.Exact) == "" {
				note.Anchor = anchor.At(doc.Paragraphs, pi, 0, min(len(text), 40))
			}
		}
		added, err := s.AddNote(note)
		if err != nil {
			t.Fatalf("note %d: %v", i, err)
		}
		out = append(out, added)
	}
	return out
}

func exportBundle(t testing.TB, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.ExportBundle(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func byID(t testing.TB, s *Store) map[string]Note {
	t.Helper()
	notes, err := s.Notes(NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Note{}
	for _, n := range notes {
		m[n.ID] = n
	}
	return m
}

// TestBundleRoundTrip500 exports 500 notes and imports them into another
// database: every field survives, and importing again adds nothing.
func TestBundleRoundTrip500(t *testing.T) {
	doc := realArticle(t)
	a, _ := openTemp(t)
	mustImport(t, a, doc)
	fillNotes(t, a, doc, 500)
	data := exportBundle(t, a)

	b, _ := openTemp(t)
	mustImport(t, b, doc)
	res, err := b.ImportBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if res != (BundleResult{Added: 500}) {
		t.Fatalf("first import: %+v, want 500 added", res)
	}
	want, got := byID(t, a), byID(t, b)
	if len(got) != 500 {
		t.Fatalf("%d notes after import, want 500", len(got))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Fatalf("note %s lost", id)
		}
		if !reflect.DeepEqual(w, g) {
			t.Fatalf("note %s changed in the round trip:\n want %+v\n got  %+v", id, w, g)
		}
	}

	res, err = b.ImportBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if res != (BundleResult{Skipped: 500}) {
		t.Fatalf("second import: %+v, want 500 skipped", res)
	}
	if n, _ := b.CountNotes(); n != 500 {
		t.Fatalf("%d notes after importing twice, want 500", n)
	}

	// the classmate edits one note and shares again: only it is updated
	some := want[firstKey(want)]
	some.Body = "edited after sharing"
	some.Tags = []string{"revised"}
	if _, err := a.UpdateNote(some); err != nil {
		t.Fatal(err)
	}
	res, err = b.ImportBundle(exportBundle(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if res != (BundleResult{Updated: 1, Skipped: 499}) {
		t.Fatalf("import after an edit: %+v", res)
	}
	if n, err := b.Note(some.ID); err != nil || n.Body != "edited after sharing" || !reflect.DeepEqual(n.Tags, []string{"revised"}) {
		t.Fatalf("edited note after import: %+v %v", n, err)
	}
	// and the older copy never overwrites the newer one
	if res, err := b.ImportBundle(data); err != nil || res.Updated != 0 {
		t.Fatalf("old bundle after the edit: %+v %v", res, err)
	}
	if n, _ := b.Note(some.ID); n.Body != "edited after sharing" {
		t.Fatalf("an older bundle overwrote a newer note: %q", n.Body)
	}
}

func firstKey(m map[string]Note) string {
	best := ""
	for k := range m {
		if best == "" || k < best {
			best = k
		}
	}
	return best
}

// TestBundleOnNewVersion: a bundle made on another version of the article
// places its passages again; what is gone is kept as an orphan.
func TestBundleOnNewVersion(t *testing.T) {
	a, _ := openTemp(t)
	mustImport(t, a, docV1)
	if _, err := a.AddQuoteNote("vague offences allow", "kept", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddQuoteNote("Russian activism", "gone", nil); err != nil {
		t.Fatal(err)
	}
	data := exportBundle(t, a)
	docV2 := testDoc([]string{paraSovereignty, "3|Introduction added later.", paraRights, paraInterfere}, nil, nil)
	b, _ := openTemp(t)
	mustImport(t, b, docV2)
	res, err := b.ImportBundle(data)
	if err != nil || res.Added != 2 || res.Orphans != 1 {
		t.Fatalf("import on another version: %+v %v", res, err)
	}
	orphans, _ := b.Notes(NoteFilter{Orphans: true})
	if len(orphans) != 1 || orphans[0].Quote() != "Russian activism" {
		t.Fatalf("orphans: %+v", orphans)
	}
	live, _ := b.Notes(NoteFilter{})
	for _, n := range live {
		if n.Body == "kept" && (n.Orphan || n.TargetID != docV2.Paragraphs[2].ID) {
			t.Fatalf("placed note: %+v", n)
		}
	}
}

// hostileBundles are refused; the word each message must contain says
// why, so that a student knows what to do.
func hostileBundles(t testing.TB, valid []byte) []struct {
	name, data, want string
} {
	var b map[string]any
	if err := json.Unmarshal(valid, &b); err != nil {
		t.Fatal(err)
	}
	with := func(f func(m map[string]any)) string {
		var m map[string]any
		json.Unmarshal(valid, &m)
		f(m)
		out, _ := json.Marshal(m)
		return string(out)
	}
	note := func(m map[string]any, i int) map[string]any { return m["notes"].([]any)[i].(map[string]any) }
	passage := func(m map[string]any) map[string]any {
		for _, n := range m["notes"].([]any) {
			if n := n.(map[string]any); n["target_kind"] == TargetPassage {
				return n
			}
		}
		t.Fatal("no passage note in the bundle")
		return nil
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	return []struct{ name, data, want string }{
		{"empty", "", "empty"},
		{"not JSON", "hello, these are my notes", "not a JSON object"},
		{"random bytes", string(random), "not text"},
		{"truncated", string(valid[:len(valid)/2]), "not valid JSON"},
		{"JSON array", `[{"format":"glossa-notes"}]`, "not a JSON object"},
		{"other format", `{"format":"zotero","version":1,"notes":[]}`, `"zotero"`},
		{"no format", `{"version":1,"notes":[]}`, `no "format"`},
		{"no version", `{"format":"glossa-notes","notes":[]}`, `no "version"`},
		{"unknown version", with(func(m map[string]any) { m["version"] = 2 }), "newer Glossa"},
		{"version 0", with(func(m map[string]any) { m["version"] = 0 }), "version 0"},
		{"version string", with(func(m map[string]any) { m["version"] = "1" }), "whole number"},
		{"no notes", `{"format":"glossa-notes","version":1}`, `no "notes"`},
		{"notes not a list", `{"format":"glossa-notes","version":1,"notes":{}}`, "not a valid"},
		{"200 KB quote", with(func(m map[string]any) { passage(m)["quote"] = strings.Repeat("sovereignty ", 200<<10/12) }), "quote is 199 KB"},
		{"missing id", with(func(m map[string]any) { delete(note(m, 1), "id") }), `no "id"`},
		{"missing quote", with(func(m map[string]any) { passage(m)["quote"] = "" }), `needs its "quote"`},
		{"missing target kind", with(func(m map[string]any) { delete(note(m, 0), "target_kind") }), `no "target_kind"`},
		{"unknown target", with(func(m map[string]any) { note(m, 0)["target_kind"] = "web" }), "unknown target_kind"},
		{"missing created", with(func(m map[string]any) { delete(note(m, 2), "created") }), `no "created"`},
		{"bad time", with(func(m map[string]any) { note(m, 2)["updated"] = "yesterday" }), "not an RFC 3339"},
		{"duplicate ids", with(func(m map[string]any) { note(m, 1)["id"] = note(m, 0)["id"] }), "same id"},
		{"hostile id", with(func(m map[string]any) { note(m, 1)["id"] = "x'; DROP TABLE notes; --" }), "id is not"},
		{"huge body", with(func(m map[string]any) { note(m, 1)["body"] = strings.Repeat("b", MaxBodyBytes+1) }), "note text is"},
		{"too many tags", with(func(m map[string]any) {
			tags := make([]any, MaxTags+1)
			for i := range tags {
				tags[i] = fmt.Sprint("t", i)
			}
			note(m, 1)["tags"] = tags
		}), "tags, more than"},
		{"tags not strings", with(func(m map[string]any) { note(m, 1)["tags"] = []any{1, 2} }), "should be string"},
		{"negative start", with(func(m map[string]any) { note(m, 0)["start"] = -5 }), "out of range"},
		{"NUL in body", with(func(m map[string]any) { note(m, 1)["body"] = "a\x00b" }), "NUL"},
	}
}

// TestImportHostileBundles: every bad bundle is refused with a message
// that says what is wrong, and the database is exactly as before.
func TestImportHostileBundles(t *testing.T) {
	doc := realArticle(t)
	a, _ := openTemp(t)
	mustImport(t, a, doc)
	fillNotes(t, a, doc, 20)
	valid := exportBundle(t, a)

	b, _ := openTemp(t)
	mustImport(t, b, doc)
	fillNotes(t, b, doc, 5)
	before := byID(t, b)
	for _, c := range hostileBundles(t, valid) {
		t.Run(c.name, func(t *testing.T) {
			res, err := b.ImportBundle([]byte(c.data))
			if err == nil {
				t.Fatalf("accepted (%+v)", res)
			}
			if !errors.Is(err, ErrBadBundle) {
				t.Fatalf("error %v does not wrap ErrBadBundle", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("message %q does not say %q", err, c.want)
			}
			if len(err.Error()) > 300 {
				t.Fatalf("message is %d bytes long: %.100q…", len(err.Error()), err)
			}
			if n, _ := b.CountNotes(); n != len(before) {
				t.Fatalf("%d notes after a refused import, %d before", n, len(before))
			}
			if after := byID(t, b); !reflect.DeepEqual(after, before) {
				t.Fatal("a refused import changed notes")
			}
		})
	}
	// the valid bundle itself goes in
	if res, err := b.ImportBundle(valid); err != nil || res.Added != 20 {
		t.Fatalf("valid bundle: %+v %v", res, err)
	}
}

func FuzzImportBundle(f *testing.F) {
	doc := realArticle(f)
	a, _ := openTemp(f)
	mustImport(f, a, doc)
	fillNotes(f, a, doc, 4)
	valid := exportBundle(f, a)
	f.Add(valid)
	for _, c := range hostileBundles(f, valid) {
		if len(c.data) < 20000 {
			f.Add([]byte(c.data))
		}
	}
	s, _ := openTemp(f)
	mustImport(f, s, doc)
	f.Fuzz(func(t *testing.T, data []byte) {
		before, err := s.CountNotes()
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.ImportBundle(data)
		after, _ := s.CountNotes()
		if err != nil {
			if !errors.Is(err, ErrBadBundle) {
				t.Fatalf("error not about the bundle: %v", err)
			}
			if after != before {
				t.Fatalf("refused bundle changed the count %d -> %d", before, after)
			}
			return
		}
		if after != before+res.Added {
			t.Fatalf("%+v but count %d -> %d", res, before, after)
		}
		again, err := s.ImportBundle(data)
		if err != nil || again.Added != 0 || again.Updated != 0 {
			t.Fatalf("importing an accepted bundle twice: %+v %v", again, err)
		}
	})
}

// FuzzDecodeTags: the fast path reads tags as encoding/json does.
func FuzzDecodeTags(f *testing.F) {
	for _, tags := range [][]string{{}, {"a"}, {"exam", "ch 3"}, {`say "hi"`, "x"}, {"<b>&", "é📎"}, {"", ","}, {`","`}} {
		f.Add(strings.Join(tags, "\x00"))
	}
	f.Fuzz(func(t *testing.T, joined string) {
		tags := strings.Split(joined, "\x00")
		data, _ := json.Marshal(tags)
		var want []string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Skip()
		}
		got, err := decodeTags(string(data))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("decodeTags(%s) = %q, %v; want %q", data, got, err, want)
		}
	})
}

// TestNotesOrderAsSQL: Notes works out sections and order in Go; they are
// what the note_sections view and the ORDER BY it replaced say.
func TestNotesOrderAsSQL(t *testing.T) {
	doc := realArticle(t)
	s, _ := openTemp(t)
	mustImport(t, s, doc)
	fillNotes(t, s, doc, 300)
	if _, err := s.AddNote(Note{TargetKind: TargetFootnote, TargetID: "9999", Body: "no such footnote"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(Note{Anchor: anchor.Anchor{Exact: "gone", Paragraph: "no-such-paragraph"}}); err != nil {
		t.Fatal(err)
	}
	notes, err := s.Notes(NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(`SELECT n.id, ns.section FROM notes n JOIN note_sections ns ON ns.rid = n.rid
		WHERE n.deleted_at IS NULL ORDER BY COALESCE(
			CASE n.target_kind
			WHEN 'passage' THEN (SELECT position FROM paragraphs WHERE id = n.target_id AND n.orphan = 0)
			WHEN 'footnote' THEN (SELECT p.position FROM footnotes f JOIN paragraphs p ON p.id = f.paragraph_id
				WHERE f.n = CAST(n.target_id AS INTEGER))
			END, 1e18), n.start, n.created_at, n.rid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	for ; rows.Next(); i++ {
		var id, section string
		rows.Scan(&id, &section)
		if i >= len(notes) || notes[i].ID != id || notes[i].Section != section {
			t.Fatalf("note %d: Notes gives %s § %q, SQL %s § %q", i, notes[i].ID, notes[i].Section, id, section)
		}
	}
	if i != len(notes) {
		t.Fatalf("%d notes, SQL %d", len(notes), i)
	}
}

// longQuoteBundle is a bundle of 20 notes whose 8 KB quotes are nowhere in
// the article, as in issue 12 (165 KB): the fuzzy search for them held the
// write lock for 35 s.
func longQuoteBundle(tb testing.TB) []byte {
	tb.Helper()
	rng := rand.New(rand.NewPCG(8, 20))
	words := []string{"sovereignty", "cybercrime", "convention", "state", "rights", "treaty", "offence", "data"}
	b := Bundle{Format: BundleFormat, Version: BundleVersion, Exported: "2026-01-01T00:00:00Z"}
	for i := range 20 {
		var q strings.Builder
		for q.Len() < MaxQuoteBytes-20 {
			q.WriteString(words[rng.IntN(len(words))] + " ")
		}
		b.Notes = append(b.Notes, BundleNote{ID: fmt.Sprintf("long-%d", i), TargetKind: TargetPassage, Quote: q.String(),
			Body: "far too long a quote", Tags: []string{}, Created: b.Exported, Updated: b.Exported})
	}
	data, _ := json.Marshal(b)
	return data
}

// TestImportLongQuotes: the 20 notes go in as orphans (their passages are
// not in this article), kept, not refused.
func TestImportLongQuotes(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, realArticle(t))
	res, err := s.ImportBundle(longQuoteBundle(t))
	if err != nil || res.Added != 20 || res.Orphans != 20 {
		t.Fatalf("import: %+v %v", res, err)
	}
}

// BenchmarkImportLongQuotes imports the bundle of longQuoteBundle into a
// database holding the real article (it took 35 s, all under the write
// lock).
func BenchmarkImportLongQuotes(b *testing.B) {
	doc := realArticle(b)
	data := longQuoteBundle(b)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "g.db"))
		if err != nil {
			b.Fatal(err)
		}
		mustImport(b, s, doc)
		b.StartTimer()
		if _, err := s.ImportBundle(data); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
