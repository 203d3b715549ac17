package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/store"
)

// lectureAt starts lecture mode at the section numbered sec in a window
// of the given size, as F5 or --lecture --section would.
func lectureAt(t *testing.T, st *store.Store, sec string, size fyne.Size) (*UI, *lectureMode) {
	t.Helper()
	u, _ := newTestUI(t, st, Options{})
	if !u.StartLecture(sec) {
		t.Fatalf("StartLecture(%q) found no such section", sec)
	}
	l := u.lecture
	if l.win == nil {
		t.Fatal("no lecture window")
	}
	l.win.Resize(size)
	return u, l
}

func press(l *lectureMode, names ...fyne.KeyName) {
	for _, n := range names {
		l.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: n})
	}
}

func sectionIndex(t *testing.T, u *UI, num string) int {
	t.Helper()
	for i, s := range u.doc.Sections {
		if s.Number == num {
			return i
		}
	}
	t.Fatalf("no section %s", num)
	return -1
}

// TestLectureKeysThroughSectionAndBack drives lecture mode with the keys
// a clicker sends, through every step of section 2.1 (paragraphs and
// key-principle cards, revealing the answers) into 2.2, then back to the
// section's title.
func TestLectureKeysThroughSectionAndBack(t *testing.T) {
	u, l := lectureAt(t, tempStore(t), "2.1", fyne.NewSize(1024, 768))
	sec := sectionIndex(t, u, "2.1")
	if st := l.steps[l.cur]; st.kind != stepTitle || st.section != sec {
		t.Fatalf("lecture starts at step %+v; want the title of 2.1", st)
	}
	if !strings.Contains(l.body.text, u.doc.Sections[sec].Title) {
		t.Errorf("title step shows %q", l.body.text)
	}
	forward := []fyne.KeyName{fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown}
	var paras, cards []int
	presses := 0
	for l.steps[l.cur].section == sec {
		before := l.cur
		beforeY, beforeRev := l.body.scroll.Offset.Y, l.revealed
		press(l, forward[presses%len(forward)])
		presses++
		if l.cur == before && l.body.scroll.Offset.Y == beforeY && l.revealed == beforeRev {
			t.Fatalf("key %s did nothing at step %d", forward[(presses-1)%len(forward)], l.cur)
		}
		if presses > 200 {
			t.Fatal("200 presses did not leave section 2.1")
		}
		if l.cur == before {
			continue
		}
		switch st := l.steps[l.cur]; st.kind {
		case stepPara:
			if len(paras) == 0 || paras[len(paras)-1] != st.para {
				paras = append(paras, st.para)
			}
			if want := l.stepText(st); !strings.Contains(l.body.text, want) {
				t.Errorf("step %d shows %q, not %q of paragraph %d", l.cur, openingWords(l.body.text, 40), openingWords(want, 40), st.para)
			}
		case stepCard:
			cards = append(cards, l.cur)
			if l.body.text != st.card.Question() {
				t.Errorf("card step shows %q; want the question first", l.body.text)
			}
		}
	}
	first := u.doc.Sections[sec].First
	end := u.doc.Sections[sec+1].First
	if len(paras) < end-first {
		t.Fatalf("visited paragraphs %v; want all of 2.1 (%d..%d) then 2.2", paras, first, end-1)
	}
	for i := 0; i < end-first; i++ {
		if paras[i] != first+i {
			t.Fatalf("visited paragraphs %v; want %d..%d in order", paras, first, end-1)
		}
	}
	if len(cards) == 0 {
		t.Error("section 2.1 showed no key-principle card")
	}
	if !strings.HasPrefix(l.pos.Text, "2.2") {
		t.Errorf("after 2.1 the position reads %q; want section 2.2", l.pos.Text)
	}

	back := []fyne.KeyName{fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp}
	var backParas []int
	for presses = 0; !(l.steps[l.cur].kind == stepTitle && l.steps[l.cur].section == sec); presses++ {
		before := l.cur
		press(l, back[presses%len(back)])
		if presses > 200 {
			t.Fatal("200 presses did not get back to the title of 2.1")
		}
		if st := l.steps[l.cur]; l.cur != before && st.kind == stepPara && (len(backParas) == 0 || backParas[len(backParas)-1] != st.para) {
			backParas = append(backParas, st.para)
		}
	}
	if len(backParas) != end-first {
		t.Errorf("going back visited %v; want %d down to %d", backParas, end-1, first)
	}
	for i, pi := range backParas {
		if pi != end-1-i {
			t.Fatalf("going back visited %v; want %d down to %d", backParas, end-1, first)
		}
	}
	if k, n := l.sectionStep(); k != 1 || !strings.Contains(l.pos.Text, "1 / "+strconv.Itoa(n)) {
		t.Errorf("back at the title the position reads %q (step %d of %d)", l.pos.Text, k, n)
	}
}

// TestLectureBlankScreen: B blacks the screen out over everything; any
// key lights it again without acting, and the key's character is not
// taken as a command.
func TestLectureBlankScreen(t *testing.T) {
	_, l := lectureAt(t, tempStore(t), "3.1", fyne.NewSize(1920, 1080))
	press(l, fyne.KeyRight)
	at, text, scale := l.cur, l.body.text, l.scale
	press(l, fyne.KeyB)
	if !l.blanked || !l.blank.Visible() {
		t.Fatal("B did not blank the screen")
	}
	if objs := l.win.Content().(*fyne.Container).Objects; objs[len(objs)-1] != l.blank {
		t.Error("the blank is not the top layer")
	}
	if c := l.blank.FillColor; c != nil {
		if r, g, b, _ := c.RGBA(); r|g|b != 0 {
			t.Errorf("blank screen colour %v; want black", c)
		}
	}
	press(l, fyne.KeyRight)
	if l.blanked || l.blank.Visible() || l.cur != at || l.body.text != text {
		t.Fatalf("Right on the blank screen: blanked %v, step %d (was %d); want the same step shown again", l.blanked, l.cur, at)
	}
	press(l, fyne.KeyB)
	press(l, fyne.KeyEqual)
	l.win.Canvas().OnTypedRune()('=')
	if l.blanked || l.scale != scale {
		t.Errorf("= woke the screen and changed the size to %v (was %v)", l.scale, scale)
	}
	press(l, fyne.KeyB)
	press(l, fyne.KeyEscape)
	if l.blanked || l.win == nil {
		t.Error("Esc on the blank screen should light it again, not leave")
	}
	press(l, fyne.KeyRight)
	if l.cur != at+1 && l.body.scroll.Offset.Y == 0 {
		t.Errorf("after the blank screen Right did not go on (step %d)", l.cur)
	}
}

// TestLectureTextNeverClipped lays out every step of the article at a
// 1024x768 projector and at 1920x1080: no line is wider than the text
// column, a passage either fits or scrolls to its last line, and at 1080
// lines body text is at least 32 px.
func TestLectureTextNeverClipped(t *testing.T) {
	sizes := []fyne.Size{fyne.NewSize(1024, 768), fyne.NewSize(1920, 1080)}
	if testing.Short() {
		// the everyday loop checks the projector every step; the full
		// suite (scripts/test.sh) adds the large screen
		sizes = sizes[:1]
	}
	for _, size := range sizes {
		_, l := lectureAt(t, nil, "1", size)
		floor := lectureSizes(size, 1)
		var scrolled, minSize = 0, float32(1000)
		for i := range l.steps {
			l.goTo(i)
			b := l.body
			vp := b.scroll.Size()
			if b.width > vp.Width+0.5 {
				t.Errorf("%v step %d: a line %.0f px wide in a %.0f px column", size, i, b.width, vp.Width)
			}
			if b.size < floor*0.8-0.01 {
				t.Errorf("%v step %d: type %.1f px below the body's %.1f", size, i, b.size, floor)
			}
			minSize = min(minSize, b.size)
			if !b.overflow {
				if b.height > vp.Height+0.5 {
					t.Errorf("%v step %d: %.0f px of text in %.0f px, not marked to scroll", size, i, b.height, vp.Height)
				}
				continue
			}
			scrolled++
			if !l.more.Visible() {
				t.Errorf("%v step %d scrolls but does not say so", size, i)
			}
			for n := 0; !b.atEnd(); n++ {
				if n > 10 {
					t.Fatalf("%v step %d: ten pages did not reach the end", size, i)
				}
				l.next()
				if k := b.scroll.Offset.Y / b.lineH; k-float32(int(k+0.5)) > 0.01 || float32(int(k+0.5))-k > 0.01 {
					t.Errorf("%v step %d: a page starts %.2f lines down, in the middle of a line", size, i, k)
				}
			}
			if l.cur != i {
				t.Fatalf("%v step %d: paging left the step", size, i)
			}
		}
		if size.Height == 1080 && minSize < 32 {
			t.Errorf("smallest body type at 1920x1080 is %.1f px; want at least 32", minSize)
		}
		t.Logf("%v: body type %.1f px at least, %d of %d steps scroll", size, minSize, scrolled, len(l.steps))
	}
}

// TestLectureHighlights: a passage the lecturer highlighted is private
// on the projector until H shows it, on a coloured box behind its words;
// the choice is remembered.
func TestLectureHighlights(t *testing.T) {
	st := tempStore(t)
	quote := "equality must be regarded as an intrinsic condition of sovereignty"
	if _, err := st.AddQuoteNote(quote, "key sentence", nil); err != nil {
		t.Fatal(err)
	}
	_, l := lectureAt(t, st, "2.1", fyne.NewSize(1920, 1080))
	press(l, fyne.KeyRight)
	start := strings.Index(l.body.text, quote)
	if start < 0 {
		t.Fatalf("step shows %q, which lacks the quote", openingWords(l.body.text, 60))
	}
	boxes := func() int {
		n := 0
		for _, o := range l.body.content.Objects {
			if _, ok := o.(*canvas.Rectangle); ok {
				n++
			}
		}
		return n
	}
	if l.body.attrs[start].mark != 0 || boxes() != 0 {
		t.Fatal("a highlight is on the projector before the lecturer turned highlights on")
	}
	press(l, fyne.KeyH)
	for i := start; i < start+len(quote); i++ {
		if l.body.attrs[i].mark == 0 {
			t.Fatalf("byte %d of the highlighted quote is not marked", i)
		}
	}
	if l.body.attrs[0].mark != 0 {
		t.Error("text before the quote is marked")
	}
	if boxes() == 0 {
		t.Error("no highlight box drawn")
	}
	l.svc.writes.wait()
	if v, _, _ := st.Setting(keyLectureMarks); v != "1" {
		t.Errorf("the choice is not remembered: %q", v)
	}
	press(l, fyne.KeyH)
	if l.body.attrs[start].mark != 0 {
		t.Error("H again did not hide the highlight")
	}
	l.svc.writes.wait()
}

// TestLectureTypeSize: + and - change the size in real steps and the
// steps re-flow: five presses make the body type at least 1.5 times as
// big, a paragraph shown whole is then shown by sentence, 0 resets, and
// the size is remembered but never reopens unreadably large.
func TestLectureTypeSize(t *testing.T) {
	st := tempStore(t)
	u, l := lectureAt(t, st, "2.1", fyne.NewSize(1920, 1080))
	for l.steps[l.cur].kind != stepPara || !l.steps[l.cur].whole || len(l.sentences(l.steps[l.cur].para)) < 2 {
		press(l, fyne.KeyRight)
	}
	para := l.steps[l.cur].para
	s0 := l.body.size
	for range 5 {
		l.win.Canvas().OnTypedRune()('+')
	}
	if l.body.size < 1.5*s0 {
		t.Fatalf("5 presses of + give %.1f px; want at least 1.5 × %.1f", l.body.size, s0)
	}
	if st := l.steps[l.cur]; st.kind != stepPara || st.para != para || st.whole {
		t.Errorf("at the larger size paragraph %d is still shown whole (step %+v)", para, st)
	}
	if l.body.width > l.body.scroll.Size().Width+0.5 {
		t.Errorf("a line %.0f px wide in a %.0f px column", l.body.width, l.body.scroll.Size().Width)
	}
	l.win.Canvas().OnTypedRune()('0')
	if l.body.size != s0 || !l.steps[l.cur].whole || l.steps[l.cur].para != para {
		t.Errorf("0 gives %.1f px (want %.1f) at step %+v", l.body.size, s0, l.steps[l.cur])
	}
	l.win.Canvas().OnTypedRune()('-')
	l.win.Canvas().OnTypedRune()('-')
	if l.body.size >= s0 {
		t.Errorf("- twice gives %.1f; want below %.1f", l.body.size, s0)
	}
	l.svc.writes.wait() // settings are written in the background
	if v, ok, _ := st.Setting(keyLectureScale); !ok || v != "0.80" {
		t.Errorf("remembered scale %q, %v; want 0.80", v, ok)
	}
	// the largest size, saved, opens at lectureOpenMax
	for range 12 {
		l.win.Canvas().OnTypedRune()('+')
	}
	press(l, fyne.KeyEscape)
	u.StartLecture("2.1")
	if l.scale != lectureOpenMax {
		t.Errorf("after leaving at %v the lecture opens at %v; want %v", lectureScales[len(lectureScales)-1], l.scale, float32(lectureOpenMax))
	}
}

// TestPresenterView shows the next step, the footnotes and the time, and
// its keys drive the lecture.
func TestPresenterView(t *testing.T) {
	_, l := lectureAt(t, tempStore(t), "1", fyne.NewSize(1024, 768))
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	l.started = t0
	l.now = func() time.Time { return t0.Add(65 * time.Second) }
	l.showPresenter()
	p := l.presenter
	if p == nil {
		t.Fatal("no presenter view")
	}
	if p.next.Text != l.stepSummary(l.cur+1, 600) {
		t.Errorf("next = %q", p.next.Text)
	}
	p.tick()
	if p.elapsed.Text != "0:01:05" {
		t.Errorf("elapsed = %q; want 0:01:05", p.elapsed.Text)
	}
	at := l.cur
	p.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if l.cur != at+1 {
		t.Fatalf("Right in the presenter view: step %d; want %d", l.cur, at+1)
	}
	for len(l.footnotes()) == 0 {
		p.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if fns := l.footnotes(); len(fns) == 0 || !strings.Contains(p.footnotes.Text, strconv.Itoa(fns[0])+". ") || p.now.Text != l.stepSummary(l.cur, 400) {
		t.Errorf("presenter does not follow: now %q, footnotes %q", openingWords(p.now.Text, 40), openingWords(p.footnotes.Text, 40))
	}
	p.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyB})
	if !l.blanked || !strings.Contains(p.status.Text, "BLANK") {
		t.Error("the presenter view does not show the screen is blank")
	}
	press(l, fyne.KeyEscape) // wakes the screen
	press(l, fyne.KeyEscape) // leaves
	if l.presenter != nil {
		t.Error("leaving the lecture left the presenter view open")
	}
}

// TestLectureMenu: lecture mode, the presenter view and the pictures are
// in the View menu.
func TestLectureMenu(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	want := map[string]bool{"Lecture Mode (F5)": false, "Presenter View": false, "Timeline": false, "Maps: Who Is Cited Where, Principles": false}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if _, ok := want[it.Label]; ok && m.Label == "View" {
				want[it.Label] = true
				if it.Label == "Lecture Mode (F5)" {
					it.Action()
				}
			}
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no View > %s", k)
		}
	}
	if u.lecture.win == nil || !u.lecture.win.FullScreen() {
		t.Error("View > Lecture Mode did not open a full-screen lecture window")
	}
}

// BenchmarkLectureLongestStep is the cost of showing the article's
// longest paragraph at 1920x1080: fitting its size, breaking its lines
// and making its text objects, as each step forward does.
func BenchmarkLectureLongestStep(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{})
	u.Window().Show()
	u.StartLecture("1")
	l := u.lecture
	l.win.Resize(fyne.NewSize(1920, 1080))
	longest := 0
	for i, s := range l.steps {
		if s.kind == stepPara && len(l.stepText(s)) > len(l.stepText(l.steps[longest])) {
			longest = i
		}
	}
	b.ResetTimer()
	for b.Loop() {
		l.goTo(longest)
	}
	b.StopTimer()
	if l.body.size < 32 {
		b.Fatalf("longest paragraph at %.1f px", l.body.size)
	}
}

// BenchmarkLectureCutSteps is the cost of cutting the whole article into
// steps at 1920x1080 (every paragraph's lines counted at the body's
// size), as each press of + or - does.
func BenchmarkLectureCutSteps(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{})
	u.Window().Show()
	u.StartLecture("1")
	l := u.lecture
	l.win.Resize(fyne.NewSize(1920, 1080))
	for b.Loop() {
		l.cutSteps()
	}
	b.ReportMetric(float64(len(l.steps)), "steps")
}

// TestLectureWordSpacing: words are set one drawn space apart, kerning
// included: "user," once ended 10 to 16 px before the breaker thought,
// and the gap after it showed from the back of the room.
func TestLectureWordSpacing(t *testing.T) {
	u, l := lectureAt(t, tempStore(t), "3.3", fyne.NewSize(1920, 1080))
	pi := -1
	for i, p := range u.doc.Paragraphs {
		if strings.Contains(p.Text, "mislead the user, and terrorism") {
			pi = i
		}
	}
	for n := 0; !(l.steps[l.cur].kind == stepPara && l.steps[l.cur].para == pi && strings.Contains(l.stepText(l.steps[l.cur]), "user, and")); n++ {
		if n > 60 {
			t.Fatal("no step shows “the user, and”")
		}
		press(l, fyne.KeyRight)
	}
	var texts []*canvas.Text
	for _, o := range l.body.content.Objects {
		if tx, ok := o.(*canvas.Text); ok {
			texts = append(texts, tx)
		}
	}
	space := fyne.MeasureText(" ", l.body.size, fyne.TextStyle{}).Width
	checked := 0
	for i := 0; i+1 < len(texts); i++ {
		a, b := texts[i], texts[i+1]
		if a.Position().Y != b.Position().Y || a.TextSize != b.TextSize {
			continue
		}
		end := a.Position().X + fyne.MeasureText(a.Text, a.TextSize, a.TextStyle).Width
		if gap := b.Position().X - end; gap < space-2 || gap > space+2 {
			t.Errorf("%q and %q are %.1f px apart; a space is %.1f", a.Text, b.Text, gap, space)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d pairs of words checked", checked)
	}
}
