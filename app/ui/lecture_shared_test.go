package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/lecture"
)

// TestSharedPlansInLectureMenu is issue 21's "shared lecture plans appear
// in the lecture menu" with two real stores over one folder: the
// lecturer saves a plan and publishes it (with a broken one beside it);
// the student's plan editor lists it from the lecturer, F5 plays its
// first step, nothing the student does to it is saved until they copy it,
// and the copy is a plan of their own; hiding the lecturer hides the plan.
func TestSharedPlansInLectureMenu(t *testing.T) {
	dir := t.TempDir()
	lee := tempStore(t)
	if err := lee.SetShareName("Prof. Ada Lee"); err != nil {
		t.Fatal(err)
	}
	doc := realDoc(t)
	week3, err := lee.SavePlan(lecture.Plan{Article: lee.Current(), Name: "Week 3", Items: []lecture.Item{
		{Kind: lecture.ItemPassage, Paragraph: doc.Paragraphs[7].ID},
		{Kind: lecture.ItemFootnote, Footnote: 12},
		{Kind: lecture.ItemTimeline},
	}})
	if err != nil {
		t.Fatal(err)
	}
	pub, err := lee.SharePublisher(dir, func() []json.RawMessage {
		ps, _ := lee.Plans(lee.Current())
		good, _ := json.Marshal(ps[0])
		return []json.RawMessage{good, json.RawMessage(`{"name":"Week 4","items":[{"kind":"video"}]}`)}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pub.Publish(); err != nil {
		t.Fatal(err)
	}
	leeID, _ := lee.ShareIdentity()

	st := tempStore(t)
	mine, err := st.SavePlan(lecture.Plan{Article: st.Current(), Name: "Mine", Items: []lecture.Item{{Kind: lecture.ItemTimeline}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetShareSubscriptions([]string{dir}); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1100, 760)})
	u.sharing.manual = true
	u.startSharing()
	t.Cleanup(u.sharing.stop)
	u.sharing.rescan()
	l := u.lecture
	ownPlans := func() []lecture.Plan {
		t.Helper()
		landed(u.services)
		ps, err := st.Plans(l.articleID())
		if err != nil {
			t.Fatal(err)
		}
		return ps
	}

	status, _ := u.sharing.status()
	var problems []string
	for _, s := range status {
		problems = append(problems, s.Problems...)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "lecture plan 2") {
		t.Errorf("problems listed %q, want the broken plan 2 of the lecturer's file", problems)
	}

	l.showPlans()
	e := l.editor
	label := "Week 3  · from Prof. Ada Lee"
	if !slices.Contains(e.choose.Options, label) || !slices.Contains(e.choose.Options, "Mine") || slices.ContainsFunc(e.choose.Options, func(o string) bool { return strings.HasPrefix(o, "Week 4") }) {
		t.Fatalf("the plan editor lists %q, want the student's Mine and the lecturer's Week 3 (not the broken Week 4)", e.choose.Options)
	}
	e.choose.SetSelected(label)
	if e.from != leeID.Person || e.copyBtn.Hidden || !e.rename.Disabled() || !e.changes.Hidden || len(e.steps.Objects) != len(week3.Items) {
		t.Errorf("the lecturer's plan chosen: from %q, copy hidden %v, rename disabled %v, changes hidden %v, %d steps listed",
			e.from, e.copyBtn.Hidden, e.rename.Disabled(), e.changes.Hidden, len(e.steps.Objects))
	}
	if path := os.Getenv("GLOSSA_CAPTURE"); path != "" {
		saveCapture(t, u.Window(), filepath.Join(path, "lecture-shared-plan.png"))
	}
	e.insert(lecture.Item{Kind: lecture.ItemTimeline}) // refused: it is the lecturer's
	e.d.Hide()

	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	if l.win == nil || l.plan == nil || l.plan.Name != "Week 3" || l.plan.Publisher != "Prof. Ada Lee" {
		t.Fatalf("F5 did not play the lecturer's plan (window %v, plan %+v)", l.win != nil, l.plan)
	}
	if s := l.steps[l.cur]; s.kind != stepPara || doc.Paragraphs[s.para].ID != week3.Items[0].Paragraph {
		t.Errorf("the first step shown is %+v, want the paragraph %s", s, week3.Items[0].Paragraph)
	}
	l.zoom(1) // remembered elsewhere: the lecturer's plan is not saved as the student's
	l.leave()
	if got := ownPlans(); len(got) != 1 || !reflect.DeepEqual(got[0].Items, mine.Items) || got[0].Name != "Mine" {
		t.Fatalf("before copying, the student's plans are %+v, want only Mine as it was", got)
	}

	l.showPlans()
	e = l.editor
	if e.from != leeID.Person || e.choose.Selected != label {
		t.Fatalf("the editor opened on %q (from %q), want the lecturer's plan, still current", e.choose.Selected, e.from)
	}
	e.onCopy()
	got := ownPlans()
	if len(got) != 2 {
		t.Fatalf("after copying the student has %d plans, want Mine and the copy", len(got))
	}
	copied := got[slices.IndexFunc(got, func(p lecture.Plan) bool { return p.Name != "Mine" })]
	if copied.Name != "Week 3 (from Prof. Ada Lee)" || !reflect.DeepEqual(copied.Items, week3.Items) || copied.Article != l.articleID() {
		t.Errorf("the copy = %+v, want the lecturer's steps under a name of the student's", copied)
	}
	if e.from != "" || e.plan.Name != copied.Name || !e.copyBtn.Hidden || e.changes.Hidden {
		t.Errorf("after copying the editor edits %q (from %q), want the copy, changeable", e.plan.Name, e.from)
	}
	e.onCopy() // nothing: the copy is the student's own
	if n := len(ownPlans()); n != 2 {
		t.Errorf("copying one's own plan made %d plans", n)
	}

	u.sharing.setHidden(leeID.Person, true)
	e.refresh()
	if slices.Contains(e.choose.Options, label) || len(l.sharedPlans()) != 0 {
		t.Errorf("the lecturer hidden, the editor still lists %q", e.choose.Options)
	}
	e.d.Hide()
}
