package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// realArticles are footnoted documents by other authors, with their true
// note counts taken by reading them (app/article/formats/testdata/real).
var realArticles = []struct {
	file      string
	footnotes int
}{
	{"free-culture-piracy.docx", 81},
	{"openlegaldata-stellungnahme-egovg.md", 6},
}

func realArticlePath(file string) string {
	return filepath.Join("..", "article", "formats", "testdata", "real", file)
}

// readReal parses a real document as the import does, for the test to
// compare the screens with.
func readReal(t *testing.T, file string) *article.Document {
	t.Helper()
	doc, _, err := formats.ReadFile(realArticlePath(file))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc
}

// importReal imports the real documents through the function Import…,
// Import Folder… and a drop all call, and waits for its summary.
func importReal(t *testing.T, u *UI) {
	t.Helper()
	var paths []string
	for _, a := range realArticles {
		paths = append(paths, realArticlePath(a.file))
	}
	<-u.shelfScreen.importFiles(paths)
}

// shelfInfo is the article on the shelf imported from file.
func shelfInfo(t *testing.T, l *libraryScreen, file string) (int, store.ArticleInfo) {
	t.Helper()
	for i, a := range l.items {
		if a.Origin == file {
			return i, a
		}
	}
	t.Fatalf("%s is not on the shelf: %+v", file, l.items)
	return -1, store.ArticleInfo{}
}

// shelfRowOf is the row drawn for the article with this title.
func shelfRowOf(t *testing.T, u *UI, title string) *shelfRow {
	t.Helper()
	var row *shelfRow
	walkObjects(u.shelfScreen.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*shelfRow); ok && r.title.Text == title {
			row = r
		}
	})
	if row == nil {
		t.Fatalf("no row drawn for %q", title)
	}
	return row
}

// TestLibraryImportOpenAndReturn is the walk through the window:
// import two real documents, see three articles with their footnotes,
// open one, read it and write a note on it, go back to the shipped
// article with its notes as they were, and come back to the imported one
// at the place it was left.
func TestLibraryImportOpenAndReturn(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	l := u.shelfScreen
	shipped := u.doc
	r := u.reader
	pi, start, end := quoteIn(t, r, "3")
	if _, err := st.AddQuoteNote(shipped.Paragraphs[pi].Text[start:end], "on the shipped article", nil); err != nil {
		t.Fatal(err)
	}
	shippedNotes, err := st.Notes(store.NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}

	importReal(t, u)
	if u.current().name != "Library" {
		t.Errorf("%s shown after an import, want the Library with its summary", u.current().name)
	}
	if len(l.lastSummary) != len(realArticles) {
		t.Fatalf("summary %q", l.lastSummary)
	}
	for i, a := range realArticles {
		if line := l.lastSummary[i]; !strings.HasPrefix(line, a.file) || !strings.Contains(line, plural(a.footnotes, "footnote", "footnotes")) {
			t.Errorf("summary of %s: %q", a.file, line)
		}
	}
	if len(l.items) != 3 || !l.items[0].Shipped || l.items[0].Footnotes != len(shipped.Footnotes) {
		t.Fatalf("shelf %+v, want the shipped article first and two more", l.items)
	}
	for _, a := range realArticles {
		_, info := shelfInfo(t, l, a.file)
		if info.Footnotes != a.footnotes {
			t.Errorf("%s: %d footnotes on the shelf, the file has %d", a.file, info.Footnotes, a.footnotes)
		}
		row := shelfRowOf(t, u, shelfTitle(info))
		if want := plural(a.footnotes, "footnote", "footnotes"); !strings.Contains(row.stats.Text, want) {
			t.Errorf("%s: row says %q, want %q", a.file, row.stats.Text, want)
		}
	}

	// open the Word document with a tap on its row
	file := realArticles[0].file
	want := readReal(t, file)
	i, info := shelfInfo(t, l, file)
	l.list.Select(i)
	r = u.reader
	if u.current().name != "Reader" || u.currentArticle() != info.ID || st.Current() != info.ID {
		t.Fatalf("after opening: %s shown, window on %s, store on %s; want the reader on %s", u.current().name, u.currentArticle(), st.Current(), info.ID)
	}
	if !u.reader.backButton.Disabled() {
		u.back()
		if u.current().name != "Library" {
			t.Errorf("Back from an article opened on the shelf shows %s", u.current().name)
		}
		u.Show("Reader")
	} else {
		t.Error("no way Back to the shelf")
	}
	if got := u.Window().Title(); !strings.Contains(got, want.Title) {
		t.Errorf("window title %q does not name %q", got, want.Title)
	}
	if r.Position() != 0 || r.doc.Paragraphs[0].Text != want.Paragraphs[0].Text {
		t.Errorf("reader at paragraph %d of %q, want the first, %q", r.Position(), r.doc.Paragraphs[0].Text, want.Paragraphs[0].Text)
	}
	if len(r.doc.Footnotes) != realArticles[0].footnotes {
		t.Errorf("the reader has %d footnotes, want %d", len(r.doc.Footnotes), realArticles[0].footnotes)
	}
	first := want.Footnotes[0]
	r.goToFootnote(first.N)
	if r.FootnoteShown() != first.N || r.footnote(first.N).Text != first.Text {
		t.Fatalf("footnote %d shown: %d, %q", first.N, r.FootnoteShown(), r.footnote(first.N).Text)
	}
	r.closePopover()

	// a note on its first footnote, from the reader
	r.noteOnFootnote(first.N)
	landed(u.services) // the footnote's note is found or made by the writer
	test.Type(r.noteEd.body, "Lessig's first source")
	r.noteEd.close()
	landed(u.services)
	notes, err := st.Notes(store.NoteFilter{})
	if err != nil || len(notes) != 1 || notes[0].Body != "Lessig's first source" || notes[0].Article != info.ID {
		t.Fatalf("notes of the imported article: %+v %v", notes, err)
	}

	// leave it half-way down
	mid := len(r.doc.Paragraphs) / 2
	r.view.scrollToBlock(r.idx.paraBlock[mid])
	if r.Position() != mid {
		t.Fatalf("scrolled to %d, reader at %d", mid, r.Position())
	}

	// back to the shipped article: its notes as they were
	if err := u.openArticle(u.shippedID); err != nil {
		t.Fatal(err)
	}
	if u.doc != shipped || st.Current() != u.shippedID || u.Window().Title() != "Glossa" {
		t.Fatalf("not back on the shipped article: store on %s, title %q", st.Current(), u.Window().Title())
	}
	back, err := st.Notes(store.NoteFilter{})
	if err != nil || len(back) != len(shippedNotes) || back[0].ID != shippedNotes[0].ID || back[0].Body != shippedNotes[0].Body {
		t.Fatalf("shipped notes %+v, were %+v (%v)", back, shippedNotes, err)
	}
	if len(u.cards.cards) == 0 {
		t.Error("the shipped article has no curated cards")
	}

	// and again to the imported one, where it was left
	if err := u.openArticle(info.ID); err != nil {
		t.Fatal(err)
	}
	if got := u.reader.Position(); got != mid {
		t.Errorf("reopened at paragraph %d, left at %d", got, mid)
	}
	if ns, err := u.st.Notes(store.NoteFilter{TargetKind: store.TargetFootnote, TargetID: "1"}); first.N == 1 && (err != nil || len(ns) != 1 || ns[0].Body != "Lessig's first source") {
		t.Errorf("the imported article does not have the note on footnote 1: %+v %v", ns, err)
	}
	for _, c := range u.cards.cards {
		if !c.UserMade {
			t.Fatalf("curated card %s shown on an imported article", c.ID)
		}
	}
}

// TestLibraryTrashAndUndo: removing an article takes it off the shelf at
// once, and Undo brings it back with its notes.
func TestLibraryTrashAndUndo(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	l := u.shelfScreen
	importReal(t, u)
	file := realArticles[1].file
	_, info := shelfInfo(t, l, file)
	if err := u.openArticle(info.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddQuoteNote(u.doc.Paragraphs[0].Text[:40], "keep me", nil); err != nil {
		t.Fatal(err)
	}
	u.Show("Library")
	if row := shelfRowOf(t, u, shelfTitle(info)); !strings.Contains(row.stats.Text, "1 note") {
		t.Errorf("row says %q, want its note counted", row.stats.Text)
	}
	if shipped := shelfRowOf(t, u, shelfTitle(l.items[0])); shipped.remove.Visible() {
		t.Error("the shipped article offers to be removed")
	}

	test.Tap(shelfRowOf(t, u, shelfTitle(info)).remove)
	if u.currentArticle() != u.shippedID {
		t.Error("the screens stay on an article in the trash")
	}
	for _, a := range l.items {
		if a.ID == info.ID {
			t.Fatal("the removed article is still on the shelf")
		}
	}
	if trashed, _ := st.TrashedArticles(); len(trashed) != 1 || trashed[0].ID != info.ID {
		t.Fatalf("trash %+v", trashed)
	}
	if !l.undo.box.Visible() || !strings.Contains(l.undo.label.Text, shelfTitle(info)) {
		t.Fatalf("undo bar shown %v: %q", l.undo.box.Visible(), l.undo.label.Text)
	}

	test.Tap(l.undo.button)
	if l.undo.box.Visible() {
		t.Error("the undo bar stays after Undo")
	}
	_, back := shelfInfo(t, l, file)
	if back.Notes != 1 {
		t.Errorf("back with %d notes, want 1", back.Notes)
	}
	if err := u.openArticle(info.ID); err != nil {
		t.Fatal(err)
	}
	if notes, _ := st.Notes(store.NoteFilter{}); len(notes) != 1 || notes[0].Body != "keep me" {
		t.Errorf("notes after Undo: %+v", notes)
	}
}

// TestLibraryFilter: typing narrows the shelf to what matches, best
// first, and says so; Escape shows everything again.
func TestLibraryFilter(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	l := u.shelfScreen
	importReal(t, u)
	_, info := shelfInfo(t, l, realArticles[1].file)
	u.Show("Library")
	tests := []struct {
		typed string
		first string // title of the first match; "" for none
		all   bool
	}{
		{"", shelfTitle(l.items[0]), true},
		{strings.ToLower(info.Title), info.Title, false},
		{"qzxqzx", "", false},
	}
	for _, tc := range tests {
		l.filter.SetText("")
		test.Type(l.filter, tc.typed)
		switch {
		case tc.all && len(l.shown) != len(l.items):
			t.Errorf("%q: %d shown of %d", tc.typed, len(l.shown), len(l.items))
		case tc.first == "" && (len(l.shown) != 0 || !strings.Contains(l.count.Text, "No article matches")):
			t.Errorf("%q: %d shown, %q", tc.typed, len(l.shown), l.count.Text)
		case tc.first != "" && (len(l.shown) == 0 || shelfTitle(l.items[l.shown[0]]) != tc.first):
			t.Errorf("%q: shown %v, want %q first", tc.typed, l.shown, tc.first)
		}
	}
	l.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if l.filter.Text != "" || len(l.shown) != len(l.items) {
		t.Errorf("after Escape: %q, %d shown", l.filter.Text, len(l.shown))
	}
}

// TestLibraryRefusesWhatIsNoArticle: a file Glossa cannot read (a damaged PDF,
// an empty file, a folder) gets its
// plain reason in the summary, and the library is left as it was.
func TestLibraryRefusesWhatIsNoArticle(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	l := u.shelfScreen
	dir := t.TempDir()
	pdf := filepath.Join(dir, "chapter.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	<-l.importFiles([]string{pdf, empty, dir})
	want := []string{
		"chapter.pdf: not imported: this PDF is damaged or is not really a PDF; open it in a PDF reader and save or print it as a new PDF",
		"empty.md: not imported: the file is empty",
		filepath.Base(dir) + ": not imported: " + formats.ErrFolder.Error(),
	}
	if got := strings.Join(l.lastSummary, "\n"); got != strings.Join(want, ".\n")+"." {
		t.Errorf("summary:\n%s\nwant:\n%s", got, strings.Join(want, ".\n")+".")
	}
	if len(l.items) != 1 {
		t.Errorf("%d articles after refused files, want the shipped one", len(l.items))
	}
	if !l.importButton.Disabled() && l.progressBox.Visible() {
		t.Error("the progress stays after the batch")
	}
	var shown bool
	for _, o := range u.Window().Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			if lb, ok := o.(*widget.Label); ok && strings.Contains(lb.Text, "damaged or is not really a PDF") {
				shown = true
			}
		})
	}
	if !shown {
		t.Error("no dialog says why the PDF was refused")
	}
}

// TestSearchSpansTheLibrary: the reader's search finds words of another
// article only when asked to, names that article, and opens it at the
// hit.
func TestSearchSpansTheLibrary(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	importReal(t, u)
	file := realArticles[1].file
	other := readReal(t, file)
	_, info := shelfInfo(t, u.shelfScreen, file)
	// the longest word of its first paragraph: not a word of the shipped article
	word := ""
	for _, w := range strings.Fields(other.Paragraphs[0].Text) {
		w = strings.Trim(w, ".,;:()\"'“”„")
		if len(w) > len(word) {
			word = w
		}
	}
	if strings.Contains(strings.ToLower(string(assets.Article)), strings.ToLower(word)) {
		t.Fatalf("%q is in the shipped article too", word)
	}
	u.Show("Reader")
	r := u.reader
	r.onSearchOpen()
	s := r.search
	test.Type(s.entry, word)
	if len(s.hits) != 0 {
		t.Fatalf("%q found %d hits in the shipped article alone: %+v", word, len(s.hits), s.hits)
	}
	test.Tap(s.everywhere)
	if len(s.hits) == 0 {
		t.Fatalf("%q found nothing in the library", word)
	}
	h := s.hits[0]
	if h.Article != info.ID {
		t.Fatalf("hit in %s, want %s", h.Article, info.ID)
	}
	if txt := blockText(s.results.blocks[0]); !strings.HasPrefix(txt, quoted(info.Title)) {
		t.Errorf("the hit does not name its article: %q", txt)
	}
	s.choose(0)
	if u.currentArticle() != info.ID || u.current().name != "Reader" {
		t.Fatalf("choosing the hit left the window on %s, %s", u.currentArticle(), u.current().name)
	}
	if h.Kind == store.KindParagraph {
		r := u.reader
		pi, ok := r.search.paraByID[h.ID]
		if !ok || r.view.highlight != r.idx.paraBlock[pi] {
			t.Errorf("the reader marks block %d, the hit is paragraph %s", r.view.highlight, h.ID)
		}
	}
	if !u.reader.search.open || u.reader.search.entry.Text != word || !u.reader.search.everywhere.Checked {
		t.Error("the search does not stay open on the same words in the article opened")
	}
}

// TestSearchSaysWhenCapped: a library-wide search that matched more
// rows than the store ranks says that its results are the best of the
// first matches and how to narrow it; one ranked whole does not.
func TestSearchSaysWhenCapped(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	importReal(t, u)
	defer func(old int) { store.RankCap = old }(store.RankCap)
	store.RankCap = 100
	u.Show("Reader")
	r := u.reader
	r.onSearchOpen()
	s := r.search
	test.Tap(s.everywhere)
	test.Type(s.entry, "the")
	if len(s.hits) != searchLimit || !strings.Contains(s.status.Text, "the best of the first 100 matches: add a word to narrow the search") {
		t.Errorf("%d hits, status %q", len(s.hits), s.status.Text)
	}
	s.entry.SetText("Budapest Convention")
	if len(s.hits) == 0 || strings.Contains(s.status.Text, "the best of") {
		t.Errorf("%d hits, status %q", len(s.hits), s.status.Text)
	}
}

func blockText(b block) string {
	var sb strings.Builder
	for _, p := range b.pieces {
		sb.WriteString(p.text)
	}
	return sb.String()
}

// TestLibraryDrop: files and folders dropped on the window are imported;
// from a folder, the files that may be articles.
func TestLibraryDrop(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	l := u.shelfScreen
	dir := t.TempDir()
	for _, a := range realArticles {
		src, err := os.ReadFile(realArticlePath(a.file))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, a.file), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "cover.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.Show("Reader")
	l.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(dir)})
	if l.lastBatch == nil {
		t.Fatal("the drop started no import")
	}
	<-l.lastBatch
	if len(l.lastSummary) != len(realArticles) || len(l.items) != 1+len(realArticles) {
		t.Fatalf("after the drop: summary %q, %d articles", l.lastSummary, len(l.items))
	}
	for _, a := range realArticles {
		if _, info := shelfInfo(t, l, a.file); info.Footnotes != a.footnotes {
			t.Errorf("%s: %d footnotes, want %d", a.file, info.Footnotes, a.footnotes)
		}
	}
	if u.current().name != "Library" {
		t.Errorf("%s shown after a drop, want the Library", u.current().name)
	}
}

// TestLibraryProblemsOneTapAway: the shipped article's row offers its
// conversion problems, and the list gives each with its line.
func TestLibraryProblemsOneTapAway(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	u.Show("Library")
	l := u.shelfScreen
	doc := realDoc(t)
	row := shelfRowOf(t, u, shelfTitle(l.items[0]))
	if !row.problems.Visible() || row.problems.Text != plural(len(doc.Problems), "problem", "problems") {
		t.Fatalf("problems button %v %q, the article has %d", row.problems.Visible(), row.problems.Text, len(doc.Problems))
	}
	test.Tap(row.problems)
	var list *widget.List
	var detail *widget.Label
	for _, o := range u.Window().Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.List:
				list = x
			case *widget.Label:
				if x.Text == "Tap a problem to read it whole." {
					detail = x
				}
			}
		})
	}
	if list == nil || detail == nil {
		t.Fatal("no list of problems shown")
	}
	if n := list.Length(); n != len(doc.Problems) {
		t.Errorf("%d problems listed, the article has %d", n, len(doc.Problems))
	}
	last := len(doc.Problems) - 1
	list.Select(last)
	p := doc.Problems[last]
	if want := fmt.Sprintf("Line %d: %s", p.Line, p.Message); detail.Text != want {
		t.Errorf("problem %d reads %q, want %q", last, detail.Text, want)
	}
}

// TestLibraryNewVersionOfTheOpenArticle: importing a new version of the
// article being read shows the new text at once, with the notes on it.
func TestLibraryNewVersionOfTheOpenArticle(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, bigWindow)
	l := u.shelfScreen
	file := "openlegaldata-research.md"
	src, err := os.ReadFile(realArticlePath(file))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	<-l.importFiles([]string{path})
	_, info := shelfInfo(t, l, file)
	if err := u.openArticle(info.ID); err != nil {
		t.Fatal(err)
	}
	quote := u.doc.Paragraphs[0].Text[:30]
	if _, err := st.AddQuoteNote(quote, "still here", nil); err != nil {
		t.Fatal(err)
	}
	added := "A paragraph the second version of the page adds at its end."
	if err := os.WriteFile(path, append(src, "\n\n"+added+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	<-l.importFiles([]string{path})
	if len(l.lastSummary) != 1 || !strings.Contains(l.lastSummary[0], "new version") {
		t.Fatalf("summary %q", l.lastSummary)
	}
	if u.currentArticle() != info.ID {
		t.Fatalf("the window is on %s, want %s", u.currentArticle(), info.ID)
	}
	found := false
	for _, p := range u.reader.doc.Paragraphs {
		found = found || strings.Contains(p.Text, added)
	}
	if !found {
		t.Error("the reader still shows the old version")
	}
	if notes, _ := st.Notes(store.NoteFilter{}); len(notes) != 1 || notes[0].Body != "still here" || notes[0].Orphan {
		t.Errorf("notes after the new version: %+v", notes)
	}
}
