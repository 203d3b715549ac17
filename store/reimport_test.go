package store

import (
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// TestReimportEditedRealArticle edits the real article the way a parser fix
// or a corrected edition would (a paragraph inserted, a passage reworded,
// a paragraph dropped), parses it with the real parser and imports it over
// a library with notes and reviews: nothing is lost, what can be placed is
// placed, the rest is kept as orphans.
func TestReimportEditedRealArticle(t *testing.T) {
	src := string(assets.Article)
	v1, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	mustImport(t, s, v1)

	// Three passages from three paragraphs of the real text.
	pick := func(k int) (string, article.Paragraph) {
		p := v1.Paragraphs[k]
		words := strings.Fields(p.Text)
		return strings.Join(words[10:18], " "), p
	}
	qKept, pKept := pick(5)
	qEdited, pEdited := pick(30)
	qGone, pGone := pick(60)
	kept, err := s.AddQuoteNote(qKept, "kept", []string{"t"})
	if err != nil {
		t.Fatal(err)
	}
	edited, err := s.AddQuoteNote(qEdited, "edited", nil)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.AddQuoteNote(qGone, "gone", nil)
	if err != nil {
		t.Fatal(err)
	}
	fn, err := s.AddNote(Note{TargetKind: TargetFootnote, TargetID: "17", Body: "on footnote 17"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReview(Review{CardID: "card-1", Rating: 3, ReviewedAt: time.Now()}, CardState{CardID: "card-1", State: 2}); err != nil {
		t.Fatal(err)
	}

	// The edited edition. Each edit is made on the raw Markdown, where the
	// passage sits in one line of the source.
	replaceOnce := func(old, new string) {
		t.Helper()
		if !strings.Contains(src, old) {
			t.Fatalf("the article source does not contain %q", old)
		}
		src = strings.Replace(src, old, new, 1)
	}
	replaceOnce("#### 1. Introduction\n", "#### 1. Introduction\n\nA paragraph added by the new edition.\n")
	ew := strings.Fields(qEdited)
	replaceOnce(ew[3]+" "+ew[4], ew[3]+" indeed "+ew[4]) // one word more in the middle of the quote
	gw := strings.Fields(qGone)
	// The whole paragraph of the third note is rewritten.
	firstLine := strings.Join(strings.Fields(pGone.Text)[:8], " ")
	lineStart := strings.Index(src, firstLine)
	if lineStart < 0 || !strings.Contains(src[lineStart:], strings.Join(gw[:3], " ")) {
		t.Fatalf("cannot find the paragraph of %q in the source", qGone)
	}
	lineEnd := lineStart + strings.Index(src[lineStart:], "\n")
	src = src[:lineStart] + "This paragraph was rewritten from start to end by the new edition." + src[lineEnd:]

	v2, err := article.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, s, v2)
	if res.Unchanged || res.Checked != 4 || res.Orphaned != 1 {
		t.Fatalf("import of the edited article: %+v", res)
	}

	byID := map[string]article.Paragraph{}
	for _, p := range v2.Paragraphs {
		byID[p.ID] = p
	}
	for _, c := range []struct {
		n       Note
		was     article.Paragraph
		contain string
	}{{kept, pKept, qKept}, {edited, pEdited, ew[len(ew)-1]}} {
		got, err := s.Note(c.n.ID)
		if err != nil {
			t.Fatal(err)
		}
		p, ok := byID[got.TargetID]
		if got.Orphan || !ok || p.Section != c.was.Section || !strings.Contains(p.Text, c.contain) {
			t.Errorf("note %q after re-import: orphan %v, paragraph %q (%v)", got.Body, got.Orphan, got.TargetID, ok)
		}
		if got.Quote() != c.n.Quote() {
			t.Errorf("the quote the student chose was rewritten: %q -> %q", c.n.Quote(), got.Quote())
		}
	}
	o, err := s.Note(gone.ID)
	if err != nil || !o.Orphan || o.Body != "gone" || o.Quote() != qGone {
		t.Errorf("note on the rewritten paragraph: %+v, %v (want it kept as an orphan)", o, err)
	}
	if f, err := s.Note(fn.ID); err != nil || f.Orphan || f.Section == "" {
		t.Errorf("footnote note after re-import: %+v, %v", f, err)
	}
	if all, _ := s.Notes(NoteFilter{}); len(all) != 4 {
		t.Errorf("%d notes after re-import, want 4", len(all))
	}
	if rs, err := s.Reviews(time.Time{}); err != nil || len(rs) != 1 {
		t.Errorf("reviews after re-import: %+v, %v", rs, err)
	}
	if st, ok, _ := s.CardState("card-1"); !ok || st.State != 2 {
		t.Errorf("card state after re-import: %+v", st)
	}
	if hits, _ := s.Search("rewritten from start", 5); len(hits) != 1 {
		t.Errorf("search does not see the new text: %+v", hits)
	}
}
