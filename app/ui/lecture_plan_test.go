package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

// paraIndex is the index of the paragraph with id.
func paraIndex(t *testing.T, u *UI, id string) int {
	t.Helper()
	for i, p := range u.doc.Paragraphs {
		if p.ID == id {
			return i
		}
	}
	t.Fatalf("no paragraph %s", id)
	return -1
}

// sentenceWithRef is the 1-based number of the sentence of paragraph pi
// that footnote n's marker follows.
func sentenceWithRef(t *testing.T, u *UI, pi, n int) int {
	t.Helper()
	p := u.doc.Paragraphs[pi]
	for _, r := range p.Refs {
		if r.N != n {
			continue
		}
		for i, s := range lecture.Sentences(p.Text) {
			if r.Offset > s.Start && r.Offset <= s.End {
				return i + 1
			}
		}
	}
	t.Fatalf("paragraph %s has no marker %d", p.ID, n)
	return 0
}

// planLecture saves a plan of §3.3 as the current one: two sentences of
// the paragraph on the Russian proposals (footnote 119 is an "Ibid."),
// footnote 126, the timeline, the principles map, and a paragraph; and
// opens the window on a 1080p projector with F5.
func planLecture(t *testing.T, st *store.Store) (*UI, *lectureMode, lecture.Plan) {
	t.Helper()
	u, _ := newTestUI(t, st, Options{})
	t.Cleanup(u.writes.wait) // before the store closes
	l := u.lecture
	pi := paraIndex(t, u, "p-3.3-e606ca")
	k := sentenceWithRef(t, u, pi, 119)
	plan := lecture.Plan{Article: l.articleID(), Name: "Week 7: §3.3", Items: []lecture.Item{
		{Kind: lecture.ItemPassage, Paragraph: "p-3.3-e606ca", From: k, To: k + 1},
		{Kind: lecture.ItemFootnote, Footnote: 126},
		{Kind: lecture.ItemTimeline},
		{Kind: lecture.ItemMap, Map: lecture.MapPrinciples},
		{Kind: lecture.ItemPassage, Paragraph: "p-3.3-2d55d0"},
	}}
	plan, err := st.SavePlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	l.setCurrentPlan(plan.Name)
	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	if l.win == nil || l.plan == nil || l.plan.Name != plan.Name {
		t.Fatalf("F5 did not play the current plan (window %v, plan %v)", l.win != nil, l.plan)
	}
	l.win.Resize(fyne.NewSize(1920, 1080))
	return u, l, plan
}

// textSizes are the sizes of every text drawn under o.
func textSizes(o fyne.CanvasObject) (sizes []float32) {
	for _, c := range test.LaidOutObjects(o) {
		if t, ok := c.(*canvas.Text); ok && t.Visible() && strings.TrimSpace(t.Text) != "" {
			sizes = append(sizes, t.TextSize)
		}
	}
	return sizes
}

// TestLecturePlanWalk walks a plan with the keys alone: a sentence step
// with its neighbours dimmed, the footnote band with "Ibid." resolved as
// in the reader, one footnote enlarged, a footnote step, the timeline
// full screen with projector-sized labels, Esc back to the text, and
// back to the beginning; Esc leaves the reader at the last passage shown.
func TestLecturePlanWalk(t *testing.T) {
	u, l, _ := planLecture(t, tempStore(t))
	pi := paraIndex(t, u, "p-3.3-e606ca")
	st := l.steps[l.cur]
	if l.cur != 0 || st.kind != stepPara || st.para != pi || st.whole {
		t.Fatalf("the plan starts at step %d %+v; want a sentence step of paragraph %d", l.cur, st, pi)
	}
	// the sentence in full contrast, its neighbours dimmed
	want := l.stepText(st)
	at := strings.Index(l.body.text, want)
	if at < 0 {
		t.Fatalf("the step shows %q, not its sentence %q", openingWords(l.body.text, 60), openingWords(want, 60))
	}
	if l.body.attrs[at].dim || l.body.attrs[at+len(want)-1].dim {
		t.Error("the sentence discussed is dimmed")
	}
	if at > 0 && !l.body.attrs[0].dim {
		t.Error("the sentence before it is not dimmed")
	}
	if l.body.overflow {
		t.Errorf("a sentence step does not fit the screen (%.0f px of text)", l.body.height)
	}

	// the band: footnotes of the step, Ibid. resolved, the text in view
	for !containsInt(l.footnotes(), 119) {
		press(l, fyne.KeyRight)
		if l.steps[l.cur].kind != stepPara {
			t.Fatal("no step of the passage has footnote 119")
		}
	}
	press(l, fyne.KeyF)
	if !l.bandShown || !l.band.Visible() {
		t.Fatal("F did not show the footnote band")
	}
	fn := footnoteNumbered(u.doc, 119)
	if !strings.Contains(l.bandT.text, fn.Text) {
		t.Errorf("the band lacks footnote 119: %q", openingWords(l.bandT.text, 80))
	}
	resolved := u.reader.resolvedFor(119)
	if len(resolved) == 0 || !strings.HasPrefix(resolved[0], "→ Ibid. = ") {
		t.Fatalf("the reader resolves footnote 119 to %q; want an Ibid.", resolved)
	}
	for _, line := range resolved {
		if !strings.Contains(l.bandT.text, line) {
			t.Errorf("the band does not resolve %q as the reader does", line)
		}
	}
	body, band := l.body.box, l.band
	if body.Position().Y+body.Size().Height > band.Position().Y+0.5 || !body.Visible() {
		t.Errorf("the band (from y %.0f) covers the text (down to %.0f)", band.Position().Y, body.Position().Y+body.Size().Height)
	}
	if l.bandT.size < 28 {
		t.Errorf("footnotes in the band at %.1f px; want at least 28 at 1080p", l.bandT.size)
	}
	// one footnote enlarged, then back to the band
	k := 0
	for i, n := range l.footnotes() {
		if n == 119 {
			k = i
		}
	}
	l.win.Canvas().OnTypedRune()(rune('1' + k))
	if !l.calloutShown || l.calloutN != 119 || !strings.Contains(l.calloutT.text, fn.Text) || !strings.Contains(l.calloutT.text, resolved[0]) {
		t.Fatalf("key %d did not enlarge footnote 119 (shown %v, n %d)", k+1, l.calloutShown, l.calloutN)
	}
	if l.calloutT.size <= l.bandT.size {
		t.Errorf("the enlarged footnote (%.1f px) is no larger than the band's (%.1f px)", l.calloutT.size, l.bandT.size)
	}
	press(l, fyne.KeyEscape)
	if l.calloutShown || !l.bandShown || l.win == nil {
		t.Fatal("Esc on the enlarged footnote should go back to the band")
	}

	// on to the footnote step; the band follows
	for l.steps[l.cur].kind == stepPara {
		press(l, fyne.KeyRight)
	}
	if st := l.steps[l.cur]; st.kind != stepFootnote || st.footnote != 126 || !strings.Contains(l.body.text, footnoteNumbered(u.doc, 126).Text) {
		t.Fatalf("after the passage: step %+v showing %q; want footnote 126", st, openingWords(l.body.text, 50))
	}
	press(l, fyne.KeyF)
	if l.bandShown {
		t.Error("F did not close the band")
	}

	// the timeline, full screen inside lecture mode
	press(l, fyne.KeySpace)
	if st := l.steps[l.cur]; st.kind != stepPicture || st.picture != picturesTimeline {
		t.Fatalf("step %+v; want the timeline", st)
	}
	if !l.picHold.Visible() || l.body.box.Visible() || l.picHold.Size().Width < 1700 {
		t.Fatalf("the timeline is not shown full screen (shown %v, %v wide)", l.picHold.Visible(), l.picHold.Size())
	}
	sizes := textSizes(l.picHold)
	if len(sizes) < 10 {
		t.Fatalf("the timeline draws %d texts", len(sizes))
	}
	small := 0
	for _, s := range sizes {
		if s < 28 {
			small++
		}
	}
	// the year labels above stacked markers are a little smaller by design
	if small > len(sizes)/4 {
		t.Errorf("%d of %d texts of the timeline below 28 px at 1080p: %v", small, len(sizes), sizes)
	}
	// Esc: back to the text shown before the picture
	press(l, fyne.KeyEscape)
	if st := l.steps[l.cur]; st.kind != stepFootnote || l.picHold.Visible() || !l.body.box.Visible() || l.win == nil {
		t.Fatalf("Esc on the timeline: step %+v, picture shown %v; want the footnote step", st, l.picHold.Visible())
	}
	// and back to the beginning with the keys
	for n := 0; l.cur > 0; n++ {
		press(l, fyne.KeyLeft)
		if n > 20 {
			t.Fatal("20 presses of Left did not get back to the first step")
		}
	}
	if st := l.steps[0]; !strings.Contains(l.body.text, l.stepText(st)) {
		t.Errorf("back at the first step the screen shows %q", openingWords(l.body.text, 50))
	}
	press(l, fyne.KeyRight) // the last step shown is the passage's second
	last := l.steps[l.cur].para
	press(l, fyne.KeyEscape)
	if l.win != nil {
		t.Fatal("Esc did not leave lecture mode")
	}
	if got := u.reader.Position(); got != last {
		t.Errorf("the reader is at paragraph %d after the lecture; want %d, the last shown", got, last)
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestLecturePicturesByKey: T and M (and Ctrl+Shift+T) open the pictures
// inside the lecture window over the text; Esc takes them away.
func TestLecturePicturesByKey(t *testing.T) {
	_, l := lectureAt(t, tempStore(t), "3.3", fyne.NewSize(1920, 1080))
	at := l.cur
	press(l, fyne.KeyM)
	if l.picture != picturesCited || !l.picHold.Visible() {
		t.Fatal("M did not show who is cited where")
	}
	sizes := textSizes(l.picHold)
	labels := 0
	for _, o := range test.LaidOutObjects(l.picHold) {
		if _, ok := o.(*widget.RichText); ok {
			labels++
		}
	}
	if len(sizes) == 0 || labels == 0 {
		t.Fatal("the map draws no labels")
	}
	for _, s := range sizes {
		if s < 28 {
			t.Fatalf("a label of the map at %.1f px; want at least 28 at 1080p", s)
		}
	}
	press(l, fyne.KeyEscape)
	if l.picture >= 0 || l.cur != at || l.win == nil {
		t.Fatalf("Esc: picture %d, step %d (was %d)", l.picture, l.cur, at)
	}
	press(l, fyne.KeyT)
	if l.picture != picturesTimeline {
		t.Fatal("T did not show the timeline")
	}
	press(l, fyne.KeyT)
	if l.picture >= 0 {
		t.Error("T again did not take the timeline away")
	}
}

// TestF5StartsAtTheReadersTop: with the §3.3 heading at the top of the
// reader, F5 starts at §3.3's title, not at §3.2's last paragraph.
func TestF5StartsAtTheReadersTop(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{})
	t.Cleanup(u.writes.wait)
	sec := sectionIndex(t, u, "3.3")
	u.reader.goToSection(sec, false)
	l := u.lecture
	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	if st := l.steps[l.cur]; st.kind != stepTitle || st.section != sec {
		t.Fatalf("F5 with §3.3 at the reader's top starts at %+v", st)
	}
	press(l, fyne.KeyEscape)
	// a paragraph at the top: lecture starts at its first step
	pi := paraIndex(t, u, "p-3.3-cbb31d")
	u.reader.showParagraph(u.doc.Paragraphs[pi].ID)
	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	if st := l.steps[l.cur]; st.kind != stepPara || st.para != pi || st.first != 0 {
		t.Errorf("F5 with paragraph %d at the top starts at %+v", pi, st)
	}
}

// TestPlanEditor makes two plans as a lecturer would: Ctrl+L on a
// selected passage and on the paragraph at the top, a timeline, a
// footnote and the highlights tagged "lecture", reordered, renamed; the
// plan chosen is the one F5 plays.
func TestPlanEditor(t *testing.T) {
	st := tempStore(t)
	if _, err := st.AddQuoteNote("the Convention does not clarify whether", "", []string{"lecture"}); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, Options{})
	t.Cleanup(u.writes.wait)
	l := u.lecture
	r := u.reader
	pi := paraIndex(t, u, "p-3.3-c237e8")
	r.showParagraph(u.doc.Paragraphs[pi].ID)
	ss := l.sentences(pi)
	r.view.setSelection(textRange{block: r.idx.paraBlock[pi], start: ss[1].Start + 3, end: ss[2].Start + 10})
	runShortcut(t, u, fyne.KeyL)
	plans, _ := st.Plans(l.articleID())
	if len(plans) != 1 || len(plans[0].Items) != 1 {
		t.Fatalf("Ctrl+L made plans %+v", plans)
	}
	if it := plans[0].Items[0]; it.Paragraph != u.doc.Paragraphs[pi].ID || it.From != 2 || it.To != 3 {
		t.Errorf("a selection across sentences 2 and 3 made %+v", it)
	}
	r.view.clearSelection()
	other := paraIndex(t, u, "p-3.3-6ee479")
	r.showParagraph(u.doc.Paragraphs[other].ID)
	runShortcut(t, u, fyne.KeyL)

	l.showPlans()
	e := l.editor
	if e.plan.Name != plans[0].Name || len(e.plan.Items) != 2 || len(e.steps.Objects) != 2 {
		t.Fatalf("the editor shows %q with %d steps", e.plan.Name, len(e.plan.Items))
	}
	if it := e.plan.Items[1]; it.Paragraph != u.doc.Paragraphs[other].ID || it.From != 0 {
		t.Errorf("Ctrl+L without a selection added %+v; want the paragraph at the top", it)
	}
	e.insert(lecture.Item{Kind: lecture.ItemTimeline})
	e.fnote.SetText("126")
	e.onFootnoteAdd()
	e.tag.SetText("lecture")
	e.onTagAdd()
	if n := len(e.plan.Items); n != 5 {
		t.Fatalf("%d steps after inserting a timeline, a footnote and a tag's highlights; want 5", n)
	}
	if it := e.plan.Items[4]; it.Paragraph != "p-3.3-8f4369" || it.From == 0 {
		t.Errorf("the tagged highlight became %+v", it)
	}
	e.move(2, -1) // the timeline before the second passage
	if e.plan.Items[1].Kind != lecture.ItemTimeline {
		t.Errorf("after moving up: %+v", e.plan.Items)
	}
	e.remove(3) // the footnote
	if !e.renameTo("Week 7") {
		t.Fatal("rename failed")
	}
	e.onNew()
	second := e.plan.Name
	e.insert(lecture.Item{Kind: lecture.ItemMap, Map: lecture.MapCited})
	if e.renameTo("Week 7") {
		t.Error("two plans were given the same name")
	}
	if len(e.choose.Options) != 3 {
		t.Errorf("choices %v; want none and two plans", e.choose.Options)
	}
	e.choose.SetSelected("Week 7")
	if p, ok := l.currentPlan(); !ok || p.Name != "Week 7" || len(p.Items) != 4 {
		t.Fatalf("current plan %+v, %v", p, ok)
	}
	saved, _ := st.Plans(l.articleID())
	if len(saved) != 2 || saved[0].Name != second && saved[1].Name != second {
		t.Errorf("saved plans %+v", saved)
	}
	e.d.Hide()
	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	if l.plan == nil || l.plan.Name != "Week 7" || l.steps[0].para != pi || l.steps[0].first != 1 {
		t.Fatalf("F5 played %v from %+v", l.plan, l.steps[0])
	}
	// the size is the plan's, remembered with it
	l.win.Canvas().OnTypedRune()('+')
	l.svc.writes.wait()
	if p, _ := l.currentPlan(); p.Scale != float64(lectureScales[5]) {
		t.Errorf("the plan remembers size %v; want %v", p.Scale, lectureScales[5])
	}
	e.choose.SetSelected(noPlan)
	if _, ok := l.currentPlan(); ok {
		t.Error("choosing no plan left one current")
	}
}

// runShortcut runs the main window's command on Ctrl+key.
func runShortcut(t *testing.T, u *UI, key fyne.KeyName) {
	t.Helper()
	for _, c := range u.shortcuts {
		if c.key == key && c.mod == fyne.KeyModifierShortcutDefault {
			c.action()
			return
		}
	}
	t.Fatalf("no shortcut Ctrl+%s", key)
}
