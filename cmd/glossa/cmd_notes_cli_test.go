package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

type listedNote struct {
	ID          string   `json:"id"`
	Quote       string   `json:"quote"`
	Body        string   `json:"body"`
	Tags        []string `json:"tags"`
	ParagraphID string   `json:"paragraph_id"`
	Orphan      bool     `json:"orphan"`
}

func listNotes(t *testing.T, db string) []listedNote {
	t.Helper()
	out := mustRun(t, "--db", db, "notes", "list", "--json")
	decodeObjects(t, out, "id", "quote", "body", "tags", "paragraph_id", "orphan")
	var notes []listedNote
	if err := json.Unmarshal([]byte(out), &notes); err != nil {
		t.Fatal(err)
	}
	return notes
}

func parsedArticle(t testing.TB) *article.Document {
	t.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// quoteBeforeRef is a quote of the words right before a footnote marker,
// whose first occurrence in the article is in that paragraph.
func quoteBeforeRef(t *testing.T, doc *article.Document, section string) (q string, p article.Paragraph, ref int) {
	t.Helper()
	for i, p := range doc.Paragraphs {
		if p.Section != section || len(p.Refs) == 0 {
			continue
		}
		r := p.Refs[0]
		words := strings.Fields(p.Text[:r.Offset])
		if len(words) < 6 {
			continue
		}
		q = strings.Join(words[len(words)-6:], " ")
		if k, _, _, ok := anchor.Find(doc.Paragraphs, q); ok && k == i {
			return q, p, r.N
		}
	}
	t.Fatalf("no paragraph of section %s with a reference", section)
	return
}

var noteID = regexp.MustCompile(`^[0-9a-f]{12}\n$`)

func TestNotesAddList(t *testing.T) {
	db := tempDB(t)
	doc := parsedArticle(t)
	quote, para, _ := quoteBeforeRef(t, doc, "3.1")
	// Case and runs of white space in the quote do not matter.
	typed := strings.ToUpper(strings.ReplaceAll(quote, " ", "  \n "))
	out := mustRun(t, "--db", db, "notes", "add", "--quote", typed, "--body", "Compare *Budapest*.", "--tag", "exam", "--tag", "3.1")
	if !noteID.MatchString(out) {
		t.Fatalf("notes add printed %q, want the id alone", out)
	}
	id := strings.TrimSpace(out)

	// The id printed is committed: another opening of the file sees it.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Note(id); err != nil || n.TargetID != para.ID {
		t.Fatalf("note %s in the file: %+v, %v", id, n, err)
	}
	s.Close()

	notes := listNotes(t, db)
	if len(notes) != 1 {
		t.Fatalf("notes list = %+v", notes)
	}
	n := notes[0]
	if n.ID != id || !strings.EqualFold(strings.Join(strings.Fields(n.Quote), " "), quote) || n.Body != "Compare *Budapest*." ||
		strings.Join(n.Tags, ",") != "exam,3.1" || n.ParagraphID != para.ID || n.Orphan {
		t.Fatalf("listed note = %+v, want id %s on paragraph %s", n, id, para.ID)
	}
	if out := mustRun(t, "--db", db, "notes", "list"); !strings.Contains(out, id) || !strings.Contains(out, "#exam") {
		t.Errorf("text list:\n%s", out)
	}

	// A passage that is not in the article: a clear error, nothing saved.
	code, out, stderr := runArgs(t, "--db", db, "notes", "add", "--quote", "the moon is made of green cheese", "--body", "x")
	if code != 1 || out != "" || !strings.Contains(stderr, `the article does not contain "the moon is made of green cheese"`) {
		t.Errorf("quote not in the article: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if code, _, stderr := runArgs(t, "--db", db, "notes", "add", "--body", "x"); code != 2 || !strings.Contains(stderr, "--quote TEXT is required") {
		t.Errorf("no quote: exit %d, %q", code, stderr)
	}
	if notes := listNotes(t, db); len(notes) != 1 {
		t.Errorf("a failed add saved something: %+v", notes)
	}
	if out := mustRun(t, "--db", tempDB(t), "notes", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no notes as JSON: %q", out)
	}
}

func TestNotesExportMarkdown(t *testing.T) {
	db := tempDB(t)
	doc := parsedArticle(t)
	q4, p4, ref4 := quoteBeforeRef(t, doc, "4.2")
	q2, _, ref2 := quoteBeforeRef(t, doc, "2.1")
	// Added out of reading order: the export puts 2.1 first.
	late := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", q4, "--body", "Second thought.", "--tag", "exam prep"))
	early := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", q2, "--body", "First thought."))

	// An orphan and a note on a card, added between passage notes: each
	// group still gets one heading.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(store.Note{TargetKind: store.TargetPassage, TargetID: "gone-paragraph",
		Anchor: anchor.Anchor{Exact: "a passage a parser fix removed"}, Body: "Orphaned thought."}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(store.Note{TargetKind: store.TargetCard, TargetID: "card-1", Body: "Card thought."}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(store.Note{TargetKind: store.TargetPassage, TargetID: "gone-too",
		Anchor: anchor.Anchor{Exact: "another lost passage"}, Body: "Second orphan."}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustRun(t, "--db", db, "notes", "add", "--quote", q2, "--body", "Also in 2.1.")

	file := filepath.Join(t.TempDir(), "notes.md")
	code, out, stderr := runArgs(t, "--db", db, "notes", "export", "--format", "md", "-o", file)
	if code != 0 || out != "" || !strings.Contains(stderr, "6 notes written to "+file) {
		t.Fatalf("export -o: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	if stdout := mustRun(t, "--db", db, "notes", "export", "--format", "md"); stdout[strings.Index(stdout, "\n# "):] != md[strings.Index(md, "\n# "):] {
		t.Error("export to standard output differs from the file")
	}

	title := map[string]string{}
	for _, sec := range doc.Sections {
		title[sec.Number] = sec.Title
	}
	h21, h42 := "\n## 2.1. "+title["2.1"]+"\n", "\n## 4.2. "+title["4.2"]+"\n"
	for _, want := range []string{h21, h42, "\n## Notes whose passage is no longer in the article\n", "\n## Notes on sources and cards\n"} {
		if strings.Count(md, want) != 1 {
			t.Errorf("heading %q appears %d times in:\n%s", want, strings.Count(md, want), md)
		}
	}
	i21, i42 := strings.Index(md, h21), strings.Index(md, h42)
	if i21 < 0 || i42 < i21 || strings.Index(md, "First thought.") < i21 || strings.Index(md, "Also in 2.1.") > i42 ||
		strings.Index(md, "Second thought.") < i42 {
		t.Errorf("notes not grouped by section in reading order:\n%s", md)
	}
	// Each note under its quote as a block quote, with section, paragraph
	// and the footnote the quote cites; the footnote's text at the end.
	for _, c := range []struct {
		id, quote, section string
		ref                int
	}{{early, q2, "2.1", ref2}, {late, q4, "4.2", ref4}} {
		block := regexp.MustCompile(`(?m)^> ` + regexp.QuoteMeta(c.quote) + `\n> — § ` + regexp.QuoteMeta(c.section) +
			`, paragraph [^,\n]+, \[\^` + regexp.QuoteMeta(itoa(c.ref)) + `\]\n`)
		if !block.MatchString(md) {
			t.Errorf("no block quote %q with § %s and [^%d] in:\n%s", c.quote, c.section, c.ref, md)
		}
		if !strings.Contains(md, "\n[^"+itoa(c.ref)+"]: ") || !strings.Contains(md, "^"+c.id+"\n") {
			t.Errorf("footnote %d text or block id ^%s missing", c.ref, c.id)
		}
	}
	if !strings.Contains(md, "paragraph "+p4.ID) || !strings.Contains(md, "#exam-prep") {
		t.Errorf("paragraph id or tag missing:\n%s", md)
	}
	if code, _, stderr := runArgs(t, "--db", db, "notes", "export", "--format", "pdf"); code != 2 || !strings.Contains(stderr, `unknown format "pdf"`) {
		t.Errorf("unknown format: exit %d, %q", code, stderr)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
