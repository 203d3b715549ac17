package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/cite"
)

// openSources builds the window on a real store and shows the Sources
// screen.
func openSources(t *testing.T) (*UI, *sourcesScreen) {
	t.Helper()
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	u.Show("Sources")
	if !u.sources.loaded {
		t.Fatal("the Sources screen did not load when shown")
	}
	return u, u.sources
}

// shownRows are the list rows drawn now, as their RichTexts.
func shownRows(s *sourcesScreen) []*widget.RichText {
	var out []*widget.RichText
	for _, o := range test.LaidOutObjects(s.list) {
		if rt, ok := o.(*widget.RichText); ok && o.Visible() {
			out = append(out, rt)
		}
	}
	return out
}

// marked is the text of a row's highlighted segments, and all its text.
func marked(rt *widget.RichText) (hits, all string) {
	var h, a strings.Builder
	for _, seg := range rt.Segments {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		a.WriteString(ts.Text)
		if ts.Style.ColorName == theme.ColorNamePrimary && ts.Style.TextStyle.Bold {
			h.WriteString(ts.Text)
		}
	}
	return h.String(), a.String()
}

// detailTexts is every label, button and rich text in the detail pane.
func detailTexts(s *sourcesScreen) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(s.detail.Content) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

func detailButton(s *sourcesScreen, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(s.detail.Content) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

func sourceByTitle(t *testing.T, lib *cite.Library, prefix string) *cite.Source {
	t.Helper()
	for i := range lib.Sources {
		if strings.HasPrefix(lib.Sources[i].Title, prefix) {
			return &lib.Sources[i]
		}
	}
	t.Fatalf("no source titled %q…", prefix)
	return nil
}

// Typing narrows the list on every keystroke, ranks as the library's
// search does, and marks the matched characters of each row.
func TestSourcesSearchFiltersAndHighlights(t *testing.T) {
	u, s := openSources(t)
	lib := s.library()
	if len(s.rows) != len(lib.Sources) {
		t.Fatalf("empty search lists %d of %d sources", len(s.rows), len(lib.Sources))
	}
	if c := u.Window().Canvas().Focused(); c != s.search {
		t.Errorf("focus on %T, want the search field", c)
	}
	prev := len(s.rows)
	typed := ""
	for _, r := range "malksoo" {
		test.Type(s.search, string(r))
		typed += string(r)
		want := lib.Search(typed)
		if len(s.rows) != len(want) {
			t.Fatalf("after %q: %d rows, the search finds %d", typed, len(s.rows), len(want))
		}
		if len(s.rows) > prev {
			t.Errorf("after %q: %d rows, more than the %d before", typed, len(s.rows), prev)
		}
		prev = len(s.rows)
		for i := range want {
			if s.rows[i].src.ID != want[i].Source.ID {
				t.Fatalf("after %q: row %d is %s, search ranks %s there", typed, i, s.rows[i].src.ID, want[i].Source.ID)
			}
		}
		if !strings.Contains(s.count.Text, "of") {
			t.Errorf("after %q: count reads %q", typed, s.count.Text)
		}
	}
	if prev == 0 || prev == len(lib.Sources) {
		t.Fatalf("malksoo lists %d rows", prev)
	}
	rows := shownRows(s)
	if len(rows) == 0 {
		t.Fatal("no row drawn")
	}
	hits, all := marked(rows[0])
	if !strings.Contains(all, "MÄLKSOO") || hits != "MÄLKSOO" {
		t.Errorf("first row %q marks %q, want MÄLKSOO", all, hits)
	}
	for _, r := range s.rows {
		if !strings.Contains(r.src.AuthorLine(), "MÄLKSOO") && r.score >= s.rows[0].score {
			t.Errorf("%q ranks with Mälksoo's own works", r.src.AuthorLine())
		}
	}
	// a query nothing matches says so, and Esc clears it
	test.Type(s.search, "qqqq")
	if len(s.rows) != 0 || !strings.HasPrefix(s.count.Text, "No source matches") {
		t.Errorf("nonsense query: %d rows, count %q", len(s.rows), s.count.Text)
	}
	for _, b := range s.exports {
		if !b.Disabled() {
			t.Errorf("export %q enabled with nothing listed", b.Text)
		}
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.search.Text != "" || len(s.rows) != len(lib.Sources) {
		t.Errorf("Esc left %q and %d rows", s.search.Text, len(s.rows))
	}
}

func TestSourcesKindFilter(t *testing.T) {
	_, s := openSources(t)
	lib := s.library()
	book := -1
	for i, k := range s.kinds {
		if k == cite.KindBook {
			book = i
		}
	}
	if book < 0 {
		t.Fatalf("no Book in the kind filter %v", s.kindSel.Options)
	}
	want := 0
	for _, src := range lib.Sources {
		if src.Kind == cite.KindBook {
			want++
		}
	}
	s.kindSel.SetSelectedIndex(book)
	if len(s.rows) != want || want == 0 {
		t.Fatalf("Book lists %d rows, the library has %d books", len(s.rows), want)
	}
	if !strings.Contains(s.kindSel.Selected, "(") {
		t.Errorf("kind option %q gives no count", s.kindSel.Selected)
	}
	for _, r := range s.rows {
		if r.src.Kind != cite.KindBook {
			t.Errorf("%q (%s) listed under Book", r.src.Title, r.src.Kind)
		}
	}
	// with a query, both apply
	test.Type(s.search, "russia")
	for _, r := range s.rows {
		if r.src.Kind != cite.KindBook {
			t.Errorf("%q (%s) listed under Book", r.src.Title, r.src.Kind)
		}
	}
	n := 0
	for _, m := range lib.Search("russia") {
		if m.Source.Kind == cite.KindBook {
			n++
		}
	}
	if len(s.rows) != n {
		t.Errorf("Book + russia: %d rows, want %d", len(s.rows), n)
	}
	// the filter is remembered
	if v, _ := s.svc.setting(keySourcesKind); v != string(cite.KindBook) {
		t.Errorf("kind setting %q", v)
	}
}

func TestSourcesSortOrders(t *testing.T) {
	_, s := openSources(t)
	check := func(name string, ok func(a, b *cite.Source) bool) {
		t.Helper()
		for i := 1; i < len(s.rows); i++ {
			if !ok(s.rows[i-1].src, s.rows[i].src) {
				t.Errorf("%s: row %d %q before %q", name, i, s.rows[i-1].src.Title, s.rows[i].src.Title)
				return
			}
		}
	}
	s.sortSel.SetSelected(sortAuthor)
	check("author", func(a, b *cite.Source) bool { return a.SortName() <= b.SortName() })
	if first := s.rows[0].src.AuthorLine(); !strings.HasPrefix(first, "A. ") && !strings.Contains(first, "A") {
		t.Errorf("author order starts with %q", first)
	}
	s.sortSel.SetSelected(sortYear)
	check("year", func(a, b *cite.Source) bool { return b.Year == "" || a.Year >= b.Year })
	s.sortSel.SetSelected(sortCited)
	check("citations", func(a, b *cite.Source) bool { return len(a.CitedIn) >= len(b.CitedIn) })
	if len(s.rows[0].src.CitedIn) < 5 {
		t.Errorf("most cited source is cited %d times", len(s.rows[0].src.CitedIn))
	}
	// the order holds while typing, and relevance is the search's order
	test.Type(s.search, "cyber")
	check("citations with a query", func(a, b *cite.Source) bool { return len(a.CitedIn) >= len(b.CitedIn) })
	s.sortSel.SetSelected(sortRelevance)
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].score > s.rows[i-1].score {
			t.Fatalf("relevance: score %d after %d", s.rows[i].score, s.rows[i-1].score)
		}
	}
	// without a query, relevance is the order of first citation
	s.search.SetText("")
	check("article order", func(a, b *cite.Source) bool { return firstCited(a) <= firstCited(b) })
	if v, _ := s.svc.setting(keySourcesSort); v != sortRelevance {
		t.Errorf("sort setting %q", v)
	}
}

// Choosing a source shows its full reference and every place that cites
// it, with the form and pinpoint of each.
func TestSourcesSelectShowsCitations(t *testing.T) {
	u, s := openSources(t)
	lib := s.library()
	src := sourceByTitle(t, lib, "Russian Approaches to International Law")
	test.Type(s.search, "russian approaches")
	i := s.rowOf(src.ID)
	if i < 0 {
		t.Fatal("Russian Approaches not listed for its title")
	}
	s.list.Select(i)
	if s.selected != src.ID {
		t.Fatalf("selected %q", s.selected)
	}
	text := detailTexts(s)
	if !strings.Contains(text, src.Reference()) {
		t.Errorf("detail lacks the full reference %q:\n%s", src.Reference(), text)
	}
	forms := map[cite.Form]bool{}
	for _, p := range src.CitedIn {
		forms[p.Form] = true
		if detailButton(s, "Footnote "+fmtInt(p.Footnote)) == nil {
			t.Errorf("no button for footnote %d", p.Footnote)
		}
		if !strings.Contains(text, placeSummary(p)) {
			t.Errorf("footnote %d: %q not shown", p.Footnote, placeSummary(p))
		}
	}
	if !forms[cite.FormFull] || !forms[cite.FormShort] || !forms[cite.FormIbid] {
		t.Errorf("want full, short and Ibid. citations of Mälksoo's book, got %v", forms)
	}
	// copy reference puts it on the clipboard
	detailButton(s, "Copy reference").OnTapped()
	if got := s.svc.app.Clipboard().Content(); got != src.Reference() {
		t.Errorf("clipboard %q", got)
	}
	// keys: Down moves to the next source
	s.svc.win.Canvas().Unfocus()
	u.onKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if len(s.rows) > i+1 && s.selected != s.rows[i+1].src.ID {
		t.Errorf("Down selected %q, want the next row", s.selected)
	}
}

// Each citing footnote is one tap from its place in the reader.
func TestSourcesCitationTapLandsInReader(t *testing.T) {
	u, s := openSources(t)
	src := sourceByTitle(t, s.library(), "Russian Approaches to International Law")
	s.Select(src.ID)
	for _, p := range src.CitedIn {
		u.Show("Sources")
		b := detailButton(s, "Footnote "+fmtInt(p.Footnote))
		if b == nil {
			t.Fatalf("no button for footnote %d", p.Footnote)
		}
		test.Tap(b)
		if u.current().name != "Reader" {
			t.Fatalf("footnote %d: %s shown, want the reader", p.Footnote, u.current().name)
		}
		r := u.reader
		if got := r.FootnoteShown(); got != p.Footnote {
			t.Fatalf("footnote %d: popover shows %d", p.Footnote, got)
		}
		pos, _ := r.markerPos(p.Footnote)
		if v := r.view; pos.Y < v.offset() || pos.Y > v.offset()+v.viewport() {
			t.Errorf("marker %d at %v not in view [%v, +%v]", p.Footnote, pos.Y, v.offset(), v.viewport())
		}
		r.closePopover()
	}
}

// A short form's footnote shows in the reader the full reference it
// resolves to, and tapping it opens the source on the Sources screen.
func TestReaderFootnoteShowsResolvedReference(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	s := u.sources
	lib := s.library()
	src := sourceByTitle(t, lib, "Russian Approaches to International Law")
	var ibid, short int
	for _, p := range src.CitedIn {
		switch {
		case p.Form == cite.FormIbid && ibid == 0:
			ibid = p.Footnote
		case p.Form == cite.FormShort && short == 0:
			short = p.Footnote
		}
	}
	r := u.reader
	for _, n := range []int{short, ibid} {
		r.goToFootnote(n)
		if r.FootnoteShown() != n {
			t.Fatalf("footnote %d not shown", n)
		}
		text := popAllText(r)
		if !strings.HasPrefix(text, popText(r)) || !strings.Contains(text, "→") || !strings.Contains(text, src.Reference()) {
			t.Errorf("footnote %d popover lacks the full reference:\n%s", n, text)
		}
		lines := u.reader.resolvedFor(n)
		if !strings.Contains(strings.Join(lines, "\n"), "→ "+src.Reference()) && !strings.Contains(strings.Join(lines, "\n"), "→ Ibid. = "+src.Reference()) {
			t.Errorf("resolvedFor(%d) = %q", n, lines)
		}
	}
	// a footnote of full references only gets no resolved lines
	if lines := u.reader.resolvedFor(src.CitedIn[0].Footnote); len(lines) != 0 && src.CitedIn[0].Form == cite.FormFull && len(lib.CitationsIn(src.CitedIn[0].Footnote)) == 1 {
		t.Errorf("full reference footnote gets %q", lines)
	}
	// tap the resolved line: the Sources screen opens on the source
	bi := len(r.popView.blocks) - 1
	pos, ok := r.popView.runAt(bi, func(p *piece) bool { return p.kind == runAction })
	if !ok {
		t.Fatal("the resolved line is not a link")
	}
	test.TapCanvas(u.Window().Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(r.popView).Add(pos).Add(fyne.NewPos(4, -4)))
	if u.current().name != "Sources" || s.selected != src.ID {
		t.Fatalf("tapping the resolved line shows %s with %q selected", u.current().name, s.selected)
	}
	if r.FootnoteShown() != 0 {
		t.Error("the popover stayed open")
	}
	// the popover's Sources button does the same
	u.Show("Reader")
	s.selected = ""
	r.goToFootnote(ibid)
	u.reader.popButton.OnTapped()
	if u.current().name != "Sources" || s.selected != src.ID {
		t.Errorf("Sources button shows %s with %q selected", u.current().name, s.selected)
	}
}

// Ambiguous short forms are listed as such, with the works they could
// mean, and never counted as a citation of any.
func TestSourcesAmbiguousShown(t *testing.T) {
	u, s := openSources(t)
	lib := s.library()
	// n. 186 "Cybercrime Convention, cit." matches several works cited
	// before (the gold set knows it): a resolver that guesses leaves no
	// problem to show, and that is a failure, never a skip.
	var p cite.Problem
	for _, q := range lib.Problems {
		if q.Footnote == 186 {
			p = q
		}
	}
	if p.Kind != cite.ProblemAmbiguous || len(p.Candidates) < 2 {
		t.Fatalf("n. 186 \"Cybercrime Convention, cit.\" matches several works, but the library reports %+v: the resolver guessed instead of showing the ambiguity", p)
	}
	if !s.issues.Visible() || !strings.Contains(s.issues.Text, "not resolved") {
		t.Fatalf("issues button %q visible=%v", s.issues.Text, s.issues.Visible())
	}
	test.Tap(s.issues)
	text := detailTexts(s)
	if !strings.Contains(text, p.Text) || !strings.Contains(text, p.Message) {
		t.Errorf("problem %q not shown:\n%s", p.Text, text)
	}
	// the reader's popover says so too, instead of a reference
	if lines := u.reader.resolvedFor(p.Footnote); !strings.Contains(strings.Join(lines, "\n"), "ambiguous, not guessed") {
		t.Errorf("popover lines for footnote %d: %q", p.Footnote, lines)
	}
	cand, _ := lib.Source(p.Candidates[0])
	b := detailButton(s, shortRef(cand, 56))
	if b == nil {
		t.Fatalf("no button for candidate %q", shortRef(cand, 56))
	}
	test.Tap(b)
	if s.selected != cand.ID {
		t.Fatalf("candidate button selected %q", s.selected)
	}
	if !strings.Contains(detailTexts(s), "Possibly cited") {
		t.Error("the candidate does not show the ambiguous short form")
	}
	for _, pl := range cand.CitedIn {
		if pl.Footnote == p.Footnote && pl.Form != cite.FormFull {
			t.Errorf("ambiguous footnote %d counted as a citation of %q", p.Footnote, cand.Title)
		}
	}
}

// The chart shows the library's most cited authors; tapping a bar lists
// their works.
func TestSourcesChart(t *testing.T) {
	_, s := openSources(t)
	want := s.library().MostCited(8)
	if len(s.chart.rows) != len(want) || len(want) == 0 {
		t.Fatalf("chart has %d rows, want %d", len(s.chart.rows), len(want))
	}
	for i := range want {
		if s.chart.rows[i] != want[i] {
			t.Errorf("row %d %+v, want %+v", i, s.chart.rows[i], want[i])
		}
	}
	if s.chart.Size().Height < s.chart.MinSize().Height || s.chart.Size().Width < 200 {
		t.Errorf("chart squeezed to %v", s.chart.Size())
	}
	// tap the second bar
	s.chart.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, s.chart.rowHeight()*1.5)})
	if s.search.Text != want[1].Name || len(s.rows) == 0 {
		t.Errorf("tap on %q: search %q, %d rows", want[1].Name, s.search.Text, len(s.rows))
	}
}

// Exports write what cite.Export writes, to the chosen file; a file that
// cannot be written gets a dialog that says so, not a crash.
func TestSourcesExport(t *testing.T) {
	u, s := openSources(t)
	test.Type(s.search, "malksoo")
	var listed []cite.Source
	for _, r := range s.rows {
		listed = append(listed, *r.src)
	}
	for _, format := range cite.Formats {
		path := filepath.Join(t.TempDir(), "out")
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		if !s.exportTo(w, format, listed) {
			t.Fatalf("%s: export failed", format)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		if err := cite.Export(&want, format, listed); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() || len(got) == 0 {
			t.Errorf("%s: file differs from cite.Export (%d vs %d bytes)", format, len(got), want.Len())
		}
		closeOverlays(u)
	}
	// the buttons go through Fyne's save dialog
	s.onExportTapped(cite.FormatRIS)
	if u.Window().Canvas().Overlays().Top() == nil {
		t.Error("export shows no save dialog")
	}
	closeOverlays(u)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full to fail a write")
	}
	w, err := storage.Writer(storage.NewFileURI("/dev/full"))
	if err != nil {
		t.Skip(err)
	}
	if s.exportTo(w, cite.FormatBibTeX, listed) {
		t.Fatal("writing to /dev/full succeeded")
	}
	msg := overlayText(u)
	if !strings.Contains(msg, "Export failed") || !strings.Contains(msg, "/dev/full") || !strings.Contains(msg, "Choose another folder") {
		t.Errorf("error dialog says %q", msg)
	}
}

func overlayText(u *UI) string {
	var b strings.Builder
	for _, o := range u.Window().Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			switch w := obj.(type) {
			case *widget.Label:
				b.WriteString(w.Text + "\n")
			case *widget.RichText:
				b.WriteString(w.String() + "\n")
			}
		}
	}
	return b.String()
}

func closeOverlays(u *UI) {
	ov := u.Window().Canvas().Overlays()
	for ov.Top() != nil {
		ov.Remove(ov.Top())
	}
}

// popAllText is everything the footnote popover shows: the footnote and
// the references added under it.
func popAllText(r *Reader) string {
	var b strings.Builder
	for _, bl := range r.popView.blocks {
		for _, p := range bl.pieces {
			b.WriteString(p.text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// The screen fits a 1280-pixel window whatever the detail pane shows:
// no source's reference, citations or buttons may widen it.
func TestSourcesFitSmallWindow(t *testing.T) {
	u, s := openSources(t)
	const limit = 1280 - 140 // the navigation rail takes the rest
	check := func(what string) {
		t.Helper()
		if w := s.content.MinSize().Width; w > limit {
			t.Errorf("%s: the screen needs %.0f px, more than %d", what, w, limit)
		}
	}
	check("overview")
	test.Tap(s.issues)
	check("short forms not resolved")
	// the widest cases: longest references and most citing footnotes
	srcs := append([]cite.Source(nil), s.library().Sources...)
	sort.Slice(srcs, func(i, j int) bool { return len(srcs[i].Reference()) > len(srcs[j].Reference()) })
	pick := srcs[:12]
	sort.Slice(srcs, func(i, j int) bool { return len(srcs[i].CitedIn) > len(srcs[j].CitedIn) })
	pick = append(pick, srcs[:6]...)
	for _, src := range pick {
		s.showSource(src.ID)
		check(src.Title)
	}
	if w := u.Window().Canvas().Size().Width; w > 1280 {
		t.Errorf("window grew to %.0f px", w)
	}
}

// BenchmarkSourcesKeystroke is one keystroke in the search field with
// everything the screen does for it: search, filter, sort, the list
// rows drawn again (test driver, no GL).
func BenchmarkSourcesKeystroke(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{Size: fyne.NewSize(1280, 800)})
	u.Window().Show()
	u.Show("Sources")
	s := u.sources
	keys := []string{"m", "ma", "mal", "malk", "malks", "malkso", "malksoo", "malksoo r", "malksoo ru", "malksoo rus"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.search.SetText(keys[i%len(keys)])
	}
}

// Without a database the screen still lists, searches and opens sources;
// only the sort and filter are not remembered.
func TestSourcesWithoutStore(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{Size: fyne.NewSize(1280, 800)})
	u.Show("Sources")
	s := u.sources
	test.Type(s.search, "xue")
	if len(s.rows) == 0 || !strings.Contains(s.rows[0].src.AuthorLine(), "XUE") {
		t.Fatalf("xue lists %d rows", len(s.rows))
	}
	s.sortSel.SetSelected(sortYear)
	s.move(0)
	if s.selected == "" || !strings.Contains(detailTexts(s), s.rows[0].src.Reference()) {
		t.Errorf("no detail for %q", s.selected)
	}
}
