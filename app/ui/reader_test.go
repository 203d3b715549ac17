package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store"
)

func shortcut(c fyne.Canvas, key fyne.KeyName) {
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func pressKey(c fyne.Canvas, key fyne.KeyName) {
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: key})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: key})
}

// popText is the text shown in the footnote popover.
func popText(r *Reader) string {
	var b strings.Builder
	for _, bl := range r.popView.blocks {
		if bl.kind != blockFootnote {
			continue // the full references of its short forms, added by the Sources screen
		}
		for _, p := range bl.pieces {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

func TestWindowTitleAndScreens(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	if got := u.Window().Title(); got != "Glossa" {
		t.Fatalf("title %q", got)
	}
	var names []string
	for _, it := range u.tabs.Items {
		names = append(names, it.Text)
	}
	if got := strings.Join(names, ","); got != "Library,Reader,Sources,Cards,Notes" {
		t.Fatalf("screens %s", got)
	}
}

// Every footnote is one tap from its marker (or from its lost-marker
// notice), and closing it leaves the reader exactly where it was.
func TestEveryFootnoteOneTapFromItsMarker(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	r := u.reader
	c := u.Window().Canvas()
	doc := realDoc(t)
	if len(doc.Footnotes) < 190 {
		t.Fatalf("%d footnotes, want 190", len(doc.Footnotes))
	}
	lost := 0
	for i, fn := range doc.Footnotes {
		bi, ok := r.idx.markerBlock[fn.N]
		if !ok {
			t.Errorf("footnote %d: no marker and no notice in the text", fn.N)
			continue
		}
		if fn.Paragraph == "" {
			lost++
			if r.blocks[bi].kind != blockLost {
				t.Errorf("footnote %d lost its marker but is not shown as such", fn.N)
			}
		}
		pos, ok := r.markerPos(fn.N)
		if !ok {
			t.Errorf("footnote %d: marker not drawn", fn.N)
			continue
		}
		// put the marker near the top, the middle or the bottom of the
		// viewport in turn: taps must hit it anywhere
		r.view.scrollTo(pos.Y - r.view.viewport()*[]float32{0.1, 0.5, 0.9}[i%3])
		before := r.view.offset()
		if pos.Y < before || pos.Y > before+r.view.viewport() {
			t.Errorf("footnote %d: marker at %v outside the viewport [%v, %v]", fn.N, pos.Y, before, before+r.view.viewport())
			continue
		}
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(pos)
		test.TapCanvas(c, abs)
		if got := r.FootnoteShown(); got != fn.N {
			t.Errorf("tapped marker %d, popover shows %d", fn.N, got)
			continue
		}
		if got := popText(r); got != fn.Text {
			t.Errorf("footnote %d shows %.60q, want %.60q", fn.N, got, fn.Text)
		}
		if i%2 == 0 {
			pressKey(c, fyne.KeyEscape)
		} else {
			r.back()
		}
		if r.FootnoteShown() != 0 {
			t.Errorf("footnote %d still shown after back", fn.N)
		}
		if got := r.view.offset(); got != before {
			t.Errorf("footnote %d: back to offset %v, was %v", fn.N, got, before)
		}
	}
	t.Logf("%d footnotes tapped, %d from lost-marker notices", len(doc.Footnotes), lost)
}

func TestSearchChooseResultLandsOnIt(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{})
	r := u.reader
	c := u.Window().Canvas()
	shortcut(c, fyne.KeyF)
	if !r.search.open || c.Focused() != r.search.entry {
		t.Fatal("Ctrl+F did not open search with the focus in the field")
	}
	test.Type(r.search.entry, "Bandung")
	if len(r.search.hits) == 0 {
		t.Fatal("no hits for Bandung")
	}
	i := -1
	for j, h := range r.search.hits {
		if h.Kind == "paragraph" {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatalf("no paragraph among %+v", r.search.hits)
	}
	// the hit is marked: a bold piece in the primary colour
	marked := false
	for _, p := range r.search.results.blocks[i].pieces {
		if p.tone == toneHit && strings.EqualFold(p.text, "Bandung") {
			marked = true
		}
	}
	if !marked {
		t.Errorf("result does not mark the hit: %+v", r.search.results.blocks[i].pieces)
	}
	// choose it by tapping it
	h := r.search.hits[i]
	r.search.results.scrollToBlock(i)
	pos, _ := r.search.results.runAt(i, func(*piece) bool { return true })
	test.TapCanvas(c, fyne.CurrentApp().Driver().AbsolutePositionForObject(r.search.results).Add(pos))
	pi := r.search.paraByID[h.ID]
	bi := r.idx.paraBlock[pi]
	if r.view.highlight != bi {
		t.Errorf("highlight on block %d, want %d (paragraph %s)", r.view.highlight, bi, h.ID)
	}
	top := r.view.blockTop(bi)
	if top < r.view.offset() || top > r.view.offset()+r.view.viewport()/2 {
		t.Errorf("paragraph starts at %v, viewport [%v, +%v]", top, r.view.offset(), r.view.viewport())
	}
	if r.Position() != pi {
		t.Errorf("reading position %d, want %d", r.Position(), pi)
	}
	pressKey(c, fyne.KeyEscape)
	if r.search.open {
		t.Error("Esc did not close search")
	}
	// back returns to the start
	r.back()
	if r.view.offset() != 0 {
		t.Errorf("back: offset %v, want 0", r.view.offset())
	}
}

func TestSearchFootnoteHitOpensIt(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{})
	r := u.reader
	r.onSearchOpen()
	test.Type(r.search.entry, "Xi Jinping Era")
	i := -1
	for j, h := range r.search.hits {
		if h.Kind == "footnote" {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatalf("no footnote hit in %+v", r.search.hits)
	}
	// select hit i with the arrow keys
	for r.search.selected < i {
		r.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	r.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := r.search.hits[i].ID
	if got := r.FootnoteShown(); fmtInt(got) != want {
		t.Fatalf("footnote shown %d, want %s", got, want)
	}
}

func fmtInt(n int) string { return strconv.Itoa(n) }

func TestZoomReflowsAndIsRemembered(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, Options{})
	r := u.reader
	c := u.Window().Canvas()
	r.goToSection(2, false)
	anchorPara := r.Position()
	lines := func() int {
		n := 0
		for _, b := range r.view.lay.blocks {
			n += len(b.lines)
		}
		return n
	}
	before, total := lines(), r.view.lay.total
	shortcut(c, fyne.KeyEqual)
	if r.Zoom() != 1.15 || r.view.size != baseTextSize*1.15 {
		t.Fatalf("zoom %v size %v after Ctrl+=", r.Zoom(), r.view.size)
	}
	for r.Zoom() < 2 {
		shortcut(c, fyne.KeyEqual)
	}
	if lines() <= before || r.view.lay.total <= total {
		t.Errorf("200%%: %d lines (was %d), height %v (was %v): text did not reflow", lines(), before, r.view.lay.total, total)
	}
	if r.view.colW > r.view.Size().Width {
		t.Errorf("column %v wider than the view %v", r.view.colW, r.view.Size().Width)
	}
	for _, lb := range r.view.lay.blocks {
		for _, l := range lb.lines {
			if n := len(l.runs); n > 0 && l.runs[n-1].x+l.runs[n-1].w > r.view.colW+r.view.size {
				t.Fatalf("a line overflows the column at 200%%")
			}
		}
	}
	if got := r.Position(); got != anchorPara {
		t.Errorf("zoom moved the reader from paragraph %d to %d", anchorPara, got)
	}
	if u.reader.zoomLabel.Text != "200%" {
		t.Errorf("zoom label %q", u.reader.zoomLabel.Text)
	}
	shortcut(c, fyne.KeyMinus)
	if r.Zoom() != 1.75 {
		t.Errorf("Ctrl+- gave %v", r.Zoom())
	}
	u.Window().Close()
	st.Close()
	u2, _ := newTestUI(t, openTestStore(t, path), Options{})
	if u2.reader.Zoom() != 1.75 {
		t.Errorf("zoom after restart %v, want 1.75", u2.reader.Zoom())
	}
	shortcut(u2.Window().Canvas(), fyne.Key0)
	if u2.reader.Zoom() != 1 {
		t.Errorf("Ctrl+0 gave %v", u2.reader.Zoom())
	}
}

func TestThemeSwitchAndRestart(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, a := newTestUI(t, st, Options{})
	u.SetTheme("dark")
	dark := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); dark != want {
		t.Fatalf("dark theme background %v, want %v", dark, want)
	}
	// the reading text is drawn in the dark theme's foreground
	fg := theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantDark)
	found := false
	for _, tx := range flowTexts(u.reader.view) {
		if tx.Text != "" && tx.Color == fg {
			found = true
			break
		}
	}
	if !found {
		t.Error("no reading text in the dark foreground colour")
	}
	if u.reader.themeSelect.Selected != "Dark" {
		t.Errorf("theme selector shows %q", u.reader.themeSelect.Selected)
	}
	u.Window().Close()
	st.Close()
	u2, a2 := newTestUI(t, openTestStore(t, path), Options{})
	if u2.Theme() != "dark" {
		t.Fatalf("theme after restart %q", u2.Theme())
	}
	u2.reader.themeSelect.SetSelected("Light")
	if got := a2.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("light theme background %v", got)
	}
	u2.SetTheme("system")
	if u2.Theme() != "system" {
		t.Error("system theme not set")
	}
}

func TestPositionRestoredAfterRestart(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, Options{})
	r := u.reader
	want := len(realDoc(t).Paragraphs) / 2
	r.view.scrollToBlock(r.idx.paraBlock[want])
	if r.Position() != want {
		t.Fatalf("scrolled to paragraph %d, reader says %d", want, r.Position())
	}
	u.Window().Close()
	st.Close()
	u2, _ := newTestUI(t, openTestStore(t, path), Options{})
	if got := u2.reader.Position(); got != want {
		t.Fatalf("after restart at paragraph %d, want %d", got, want)
	}
}

func TestDeepLinks(t *testing.T) {
	doc := realDoc(t)
	u, _ := newTestUI(t, nil, Options{Section: "3.3"})
	r := u.reader
	sec := -1
	for i, s := range doc.Sections {
		if strings.TrimSuffix(s.Number, ".") == "3.3" {
			sec = i
		}
	}
	if sec < 0 || r.section != sec {
		t.Fatalf("--section 3.3: at section %d, want %d", r.section, sec)
	}
	if !strings.HasPrefix(r.sectionLabel.Text, "3.3") {
		t.Errorf("section label %q", r.sectionLabel.Text)
	}
	if r.contents.Length() == 0 {
		t.Error("no contents")
	}

	u2, _ := newTestUI(t, nil, Options{Footnote: 139})
	if got := u2.reader.FootnoteShown(); got != 139 {
		t.Fatalf("--footnote 139 shows %d", got)
	}
	pos, _ := u2.reader.markerPos(139)
	if v := u2.reader.view; pos.Y < v.offset() || pos.Y > v.offset()+v.viewport() {
		t.Errorf("marker 139 at %v not in view [%v, +%v]", pos.Y, v.offset(), v.viewport())
	}
}

func TestKeyboardReading(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	r := u.reader
	c := u.Window().Canvas()
	pressKey(c, fyne.KeyPageDown)
	if got, want := r.view.offset(), r.pageStep(); got != want {
		t.Fatalf("PgDn: offset %v, want %v", got, want)
	}
	pressKey(c, fyne.KeyDown)
	if got, want := r.view.offset(), r.pageStep()+r.lineStep(); got != want {
		t.Errorf("Down: offset %v, want %v", got, want)
	}
	pressKey(c, fyne.KeyUp)
	pressKey(c, fyne.KeyPageUp)
	if r.view.offset() != 0 {
		t.Errorf("Up, PgUp: offset %v", r.view.offset())
	}
	pressKey(c, fyne.KeyEnd)
	if got, want := r.view.offset(), r.view.lay.total-r.view.viewport(); got != want {
		t.Errorf("End: offset %v, want %v", got, want)
	}
	pressKey(c, fyne.KeyHome)
	if r.view.offset() != 0 {
		t.Errorf("Home: offset %v", r.view.offset())
	}
	for i := range realDoc(t).Sections {
		c.OnTypedRune()('n')
		if r.section != i {
			t.Fatalf("n #%d: at section %d", i+1, r.section)
		}
	}
	c.OnTypedRune()('p')
	if r.section != len(realDoc(t).Sections)-2 {
		t.Errorf("p: at section %d", r.section)
	}
	// choosing from the contents leaves the keys to the reading
	c.Focus(r.contents)
	r.contents.Select(2)
	if r.section != 2 || c.Focused() != nil {
		t.Errorf("contents: at section %d, focus on %v", r.section, c.Focused())
	}
	c.OnTypedRune()('f')
	if !r.notesShown || !r.notesBox.Visible() {
		t.Fatal("f did not show the footnote panel")
	}
	// the panel follows the reading position: the highlighted footnote is
	// the first one of the text in view
	hl := r.notes.blocks[r.notes.highlight].note
	if p := r.idx.noteParaIdx[hl]; p < r.Position() {
		t.Errorf("panel shows footnote %d of paragraph %d, reader at %d", hl, p, r.Position())
	}
	c.OnTypedRune()('f')
	if r.notesBox.Visible() {
		t.Error("f did not hide the footnote panel")
	}
}

func TestFootnoteCrossReferenceLinks(t *testing.T) {
	// Every "n. N" of the article itself is a point of a cited document,
	// not a cross reference (TestDocumentPointsAreNotCrossReferences): the
	// links are tried on the article with one more footnote that has real
	// ones, in the same window main builds.
	doc := crossRefDoc(t)
	u := New(test.NewTempApp(t), doc, nil, Options{})
	u.Window().Show()
	r := u.reader
	linked := map[int][]int{}
	for _, fn := range doc.Footnotes {
		r.goToFootnote(fn.N)
		if r.FootnoteShown() != fn.N {
			t.Fatalf("footnote %d not shown", fn.N)
		}
		for _, p := range r.popView.blocks[0].pieces {
			if p.kind != runLink {
				continue
			}
			linked[fn.N] = append(linked[fn.N], p.target)
			pos, ok := r.popView.runAt(0, func(q *piece) bool { return q.kind == runLink && q.target == p.target })
			if !ok {
				t.Fatalf("footnote %d: link to %d not drawn", fn.N, p.target)
			}
			test.TapAt(r.popView, pos)
			if r.FootnoteShown() != p.target || !r.popBack.Visible() {
				t.Fatalf("footnote %d: tapping n. %d shows %d", fn.N, p.target, r.FootnoteShown())
			}
			r.popoverBack()
			if r.FootnoteShown() != fn.N {
				t.Fatalf("back from n. %d shows %d, want %d", p.target, r.FootnoteShown(), fn.N)
			}
		}
		r.closePopover()
	}
	if l := linked[191]; len(linked) != 1 || len(l) != 2 || l[0] != 48 || l[1] != 3 {
		t.Errorf("cross references linked %v, want only footnote 191's to 48 and 3", linked)
	}

	// the panel links them too once it is shown, and a link goes to its footnote
	r.toggleFootnotes()
	bi := r.noteBlock[191]
	r.notes.scrollToBlock(bi)
	pos, ok := r.notes.runAt(bi, func(q *piece) bool { return q.kind == runLink && q.target == 48 })
	if !ok {
		t.Fatal("panel: footnote 191's link to 48 not drawn")
	}
	test.TapAt(r.notes, pos)
	if r.notes.highlight != r.noteBlock[48] {
		t.Errorf("panel: tapping n. 48 highlights block %d, want %d", r.notes.highlight, r.noteBlock[48])
	}
}

// A deep link opens its footnote before the window has its final size;
// the popover must follow its marker and stay inside the window.
func TestDeepLinkPopoverFollowsResize(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{Footnote: 17})
	r := u.reader
	for _, sz := range []fyne.Size{fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080), fyne.NewSize(900, 560)} {
		u.Window().Resize(sz)
		if r.FootnoteShown() != 17 {
			t.Fatalf("%v: footnote %d shown, want 17", sz, r.FootnoteShown())
		}
		cs := u.Window().Canvas().Size()
		p, s := r.pop.Content.Position(), r.pop.Content.Size()
		if p.X < 0 || p.Y < 0 || p.X+s.Width > cs.Width || p.Y+s.Height > cs.Height {
			t.Errorf("%v: popover at %v size %v leaves the canvas %v", sz, p, s, cs)
		}
		marker, _ := r.markerPos(17)
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(marker)
		near := 3 * r.view.size * lineSpacing
		below := p.Y >= abs.Y && p.Y-abs.Y <= near
		above := p.Y+s.Height <= abs.Y && abs.Y-(p.Y+s.Height) <= near
		if !below && !above {
			t.Errorf("%v: popover [%v, %v] is not next to its marker at y=%v", sz, p.Y, p.Y+s.Height, abs.Y)
		}
	}
}

// The notice (a database restored from its backup, or none at all) is
// shown once the app runs, over the window, and only once.
func TestNoticeShownWhenAppStarts(t *testing.T) {
	const msg = "Your study database was damaged; Glossa restored yesterday's backup."
	u, _ := newTestUI(t, nil, Options{Notice: msg})
	overlays := u.Window().Canvas().Overlays()
	if overlays.Top() != nil {
		t.Fatal("a dialog is up before the app runs")
	}
	u.onAppStarted()
	top := overlays.Top()
	if top == nil {
		t.Fatal("no dialog once the app runs")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == msg {
			found = true
		}
	}
	if !found {
		t.Errorf("the dialog does not say %q", msg)
	}
	if size := top.Size(); size.Width < 100 || size.Height < 50 {
		t.Errorf("dialog laid out at %v", size)
	}
	u.onAppStarted()
	if n := len(overlays.List()); n != 1 {
		t.Errorf("%d overlays after a second start, want 1", n)
	}
}

// The window must open on a small laptop or a 1024x768 projector: no
// screen may ask for more, with a database or without one (the Cards
// screen's notice once made the window 2,600 px tall).
func TestWindowFitsSmallScreens(t *testing.T) {
	for _, withStore := range []bool{true, false} {
		var st *store.Store
		if withStore {
			st = tempStore(t)
		}
		u, _ := newTestUI(t, st, Options{})
		for _, s := range u.screens {
			u.Show(s.name)
			if min := u.Window().Content().MinSize(); min.Width > 1024 || min.Height > 700 {
				t.Errorf("store %v, %s shown: window needs %v, more than a 1024x768 screen", withStore, s.name, min)
			}
		}
	}
}

// Switching screens takes the keys away from the entry of the screen left
// behind, and the reader's menu commands bring the reader back first.
func TestScreensTakeTheKeys(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	c := u.Window().Canvas()
	u.Show("Sources")
	c.Focus(u.sources.search)
	u.Show("Reader")
	if f := c.Focused(); f != nil {
		t.Fatalf("after switching to the reader, %T still has the keys", f)
	}
	test.TypeOnCanvas(c, "n")
	if got := u.sources.search.Text; got != "" {
		t.Errorf("typing in the reader went into the hidden Sources search: %q", got)
	}

	r := u.reader
	r.goToSection(3, true)
	at := r.view.offset()
	r.goToSection(5, true)
	u.Show("Sources")
	back := commandNamed(t, u, "Go", "Back")
	back.action()
	if u.current().name != "Reader" {
		t.Errorf("Go > Back from Sources left %s shown", u.current().name)
	}
	if got := r.view.offset(); got != at {
		t.Errorf("Go > Back landed at %v, want %v", got, at)
	}
}

func commandNamed(t *testing.T, u *UI, menu, label string) command {
	t.Helper()
	for _, c := range u.shortcuts {
		if c.menu == menu && c.label == label {
			return c
		}
	}
	t.Fatalf("no command %s > %s", menu, label)
	return command{}
}

// Fyne adds its own Quit unless the File menu ends with one: exactly one
// Quit, last.
func TestOneQuitLastInFileMenu(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	file := u.Window().MainMenu().Items[0]
	if file.Label != "File" {
		t.Fatalf("first menu is %q", file.Label)
	}
	quits := 0
	for _, it := range file.Items {
		if it.IsQuit {
			quits++
		}
	}
	if last := file.Items[len(file.Items)-1]; quits != 1 || !last.IsQuit {
		t.Errorf("%d Quit items, last item %q", quits, last.Label)
	}
}

// The window opens at the size it was closed at, and fits a 1024x768
// screen the first time.
func TestWindowSizeRemembered(t *testing.T) {
	path := tempStorePath(t)
	u, _ := newTestUI(t, openTestStore(t, path), Options{})
	if got := u.Window().Canvas().Size(); got.Width > 1024 || got.Height > 768 {
		t.Errorf("first window %v does not fit 1024x768", got)
	}
	u.Window().Resize(fyne.NewSize(1400, 900))
	u.Window().Close()
	u2, _ := newTestUI(t, openTestStore(t, path), Options{})
	if got := u2.Window().Canvas().Size(); got != fyne.NewSize(1400, 900) {
		t.Errorf("reopened at %v, want 1400x900", got)
	}
}

// On a 1024 px screen the footnote panel and the contents would leave the
// text a narrow strip: the contents step aside while the panel is open.
func TestNarrowWindowKeepsTheTextReadable(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{Size: fyne.NewSize(1024, 700)})
	r := u.reader
	if !r.contentsBox.Visible() {
		t.Fatal("contents hidden with no side panel open")
	}
	r.toggleFootnotes()
	u.Window().Content().Refresh()
	if r.contentsBox.Visible() {
		t.Error("contents still shown beside the footnote panel at 1024 px")
	}
	if w := r.view.Size().Width; w < minTextWidth {
		t.Errorf("text column %v px wide, want at least %v", w, minTextWidth)
	}
	r.toggleFootnotes()
	u.Window().Content().Refresh()
	if !r.contentsBox.Visible() {
		t.Error("contents did not come back when the panel closed")
	}
	// a wide window has room for all three
	u.Window().Resize(fyne.NewSize(1600, 900))
	r.toggleFootnotes()
	u.Window().Content().Refresh()
	if !r.contentsBox.Visible() {
		t.Error("contents hidden at 1600 px")
	}
	// the student's own choice stands
	r.toggleContents()
	u.Window().Content().Refresh()
	if r.contentsBox.Visible() {
		t.Error("contents shown after the student hid them")
	}
}
