package ui

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

// The lecturer's plans: passages marked in the reader ("Add to Lecture",
// or highlights with a tag), pictures and footnotes, in the order of the
// lecture, several per article; the one chosen is what F5 plays.

// articleID names the article in the store's plans: its library ID (the
// first 12 hex digits of the hash of the source first imported).
func (l *lectureMode) articleID() string {
	if id := l.svc.st.Current(); id != "" {
		return id // the library's ID, stable across new versions of the text
	}
	return store.ArticleID(l.svc.doc.Hash)
}

// plans are the article's plans; a failed read says so and gives none.
func (l *lectureMode) plans() []lecture.Plan {
	ps, err := l.svc.st.Plans(l.articleID())
	if err != nil {
		fyne.LogError("lecture: plans", err)
	}
	return ps
}

// currentPlan is the plan chosen to play, if there is one: one of the
// student's, or a publisher's (Publisher set).
func (l *lectureMode) currentPlan() (lecture.Plan, bool) {
	name, ok := l.svc.setting(keyLecturePlan + l.articleID())
	if !ok || name == "" {
		return lecture.Plan{}, false
	}
	if from, _ := l.svc.setting(keyLecturePlanFrom + l.articleID()); from != "" {
		sp, ok := l.currentShared(name)
		return sp.plan, ok // a publisher hidden or gone takes their plan along
	}
	for _, p := range l.plans() {
		if p.Name == name {
			return p, true
		}
	}
	return lecture.Plan{}, false
}

func (l *lectureMode) setCurrentPlan(name string) {
	l.svc.setSetting(keyLecturePlan+l.articleID(), name)
	if from, _ := l.svc.setting(keyLecturePlanFrom + l.articleID()); from != "" {
		l.svc.setSetting(keyLecturePlanFrom+l.articleID(), "")
	}
}

// passageItem is the plan item for bytes [start, end) of paragraph pi:
// the sentences they touch, or the whole paragraph when they touch all.
func (l *lectureMode) passageItem(pi, start, end int) lecture.Item {
	it := lecture.Item{Kind: lecture.ItemPassage, Paragraph: l.svc.doc.Paragraphs[pi].ID}
	ss := l.sentences(pi)
	first, last := -1, -1
	for i, s := range ss {
		if s.End > start && s.Start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 && !(first == 0 && last == len(ss)-1) {
		it.From, it.To = first+1, last+1
	}
	return it
}

// addFromReader adds the passage selected in the reader, or the
// paragraph at its top, to the current plan (a new one when there is
// none).
func (l *lectureMode) addFromReader() {
	it := lecture.Item{}
	if pi, start, end, ok := l.reading.selectedPassage(); ok {
		it = l.passageItem(pi, start, end)
	} else {
		_, pi := l.reading.lectureTop()
		if pi < 0 {
			pi = l.reading.Position()
		}
		if pi < 0 || pi >= len(l.svc.doc.Paragraphs) {
			return
		}
		it = lecture.Item{Kind: lecture.ItemPassage, Paragraph: l.svc.doc.Paragraphs[pi].ID}
	}
	p, err := l.addItems([]lecture.Item{it})
	if err != nil {
		l.showPlanError("The passage could not be added to the lecture plan", err)
		return
	}
	l.toast(fmt.Sprintf("Added %s to “%s” (%s). F5 plays the plan; Lecture ▸ Lecture Plans… changes it.", l.itemTitle(it), p.Name, plural(len(p.Items), "step", "steps")))
}

// addItems appends items to the current plan, making one when there is
// none, and saves it.
func (l *lectureMode) addItems(items []lecture.Item) (lecture.Plan, error) {
	p, ok := l.currentPlan()
	if !ok || p.Publisher != "" { // another's plan is not changed: a plan of one's own begins
		p = lecture.Plan{Article: l.articleID(), Name: l.freeName("Lecture")}
	}
	p.Items = append(p.Items, items...)
	p, err := l.svc.st.SavePlan(p)
	if err != nil {
		return p, err
	}
	l.setCurrentPlan(p.Name)
	return p, nil
}

// freeName is base, or base followed by the first number no plan has.
func (l *lectureMode) freeName(base string) string {
	taken := l.planNames()
	for n := 1; ; n++ {
		name := base + " " + strconv.Itoa(n)
		if !taken[name] {
			return name
		}
	}
}

// itemTitle says where an item is and what it shows: "§3.3 ¶2,
// sentences 2–3", "footnote 126", "the timeline".
func (l *lectureMode) itemTitle(it lecture.Item) string {
	if it.Kind != lecture.ItemPassage {
		return it.Label()
	}
	doc := l.svc.doc
	for pi, p := range doc.Paragraphs {
		if p.ID != it.Paragraph {
			continue
		}
		where := "¶" + strconv.Itoa(pi+1)
		if sec := l.sectionOf(pi); sec >= 0 {
			where = "§" + doc.Sections[sec].Number + " ¶" + strconv.Itoa(pi-doc.Sections[sec].First+1)
		}
		if it.From > 0 {
			return where + ", " + it.Label()
		}
		return where
	}
	return "a passage not in this version of the article"
}

// itemText is the opening of what an item shows, for the editor.
func (l *lectureMode) itemText(it lecture.Item) string {
	doc := l.svc.doc
	switch it.Kind {
	case lecture.ItemPassage:
		for pi, p := range doc.Paragraphs {
			if p.ID == it.Paragraph {
				text := p.Text
				if it.From > 0 {
					ss := l.sentences(pi)
					if it.From <= len(ss) {
						text = text[ss[it.From-1].Start:]
					}
				}
				return openingWords(text, 90)
			}
		}
	case lecture.ItemFootnote:
		if f := footnoteNumbered(doc, it.Footnote); f != nil {
			return openingWords(f.Text, 90)
		}
		return "(this article has no such footnote)"
	}
	return ""
}

// toast says something briefly at the bottom of the main window, without
// taking the keyboard.
func (l *lectureMode) toast(text string) {
	lab := widget.NewLabel(text)
	lab.Wrapping = fyne.TextWrapWord
	c := l.svc.win.Canvas()
	pop := widget.NewPopUp(lab, c)
	w := min(c.Size().Width-32, 720)
	pop.Resize(fyne.NewSize(w, lab.MinSize().Height))
	pop.ShowAtPosition(fyne.NewPos(16, c.Size().Height-pop.MinSize().Height-24))
	time.AfterFunc(5*time.Second, func() { fyne.Do(pop.Hide) })
}

func (l *lectureMode) showPlanError(what string, err error) {
	msg := what + "."
	switch {
	case errors.Is(err, store.ErrPlanExists):
		msg += " Another plan has that name: choose another."
	case errors.Is(err, store.ErrReadOnly):
		msg += " The study database is open read-only, so nothing can be saved now."
	default:
		msg += " Try again; if it keeps failing, restart Glossa. (" + err.Error() + ")"
	}
	dialog.ShowInformation("Lecture plan", msg, l.svc.win)
}
