package ui

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/lecture"
)

// Plans shared through a class folder (issue 21): each publisher the
// student shows lists their plans of this article in the plan editor,
// "from" them. They are played as they are, never changed or saved; Copy
// to my plans makes one of the student's own from one.

// keyLecturePlanFrom (+ the article's ID) is the person id of the
// publisher whose plan is current; "" when the current plan is one's own.
const keyLecturePlanFrom = "lecture.plan.from."

// sharedPlan is one plan a publisher shares, with their person id (two
// computers of one person publish one person).
type sharedPlan struct {
	person string
	plan   lecture.Plan // Publisher set
}

// label is how the plan is listed among the student's own.
func (sp sharedPlan) label() string { return sharedLabel(sp.plan) }

func sharedLabel(p lecture.Plan) string { return p.Name + "  · from " + p.Publisher }

// sharedPlans are the plans of the publishers shown, by publisher then
// name; hidden publishers' plans are not among them.
func (l *lectureMode) sharedPlans() []sharedPlan {
	if l.svc.sharing == nil {
		return nil
	}
	var out []sharedPlan
	for _, p := range l.svc.sharing.shown() {
		for _, pl := range p.Plans {
			out = append(out, sharedPlan{person: p.ID, plan: pl})
		}
	}
	return out
}

// currentShared is the current plan when it is a publisher's.
func (l *lectureMode) currentShared(name string) (sharedPlan, bool) {
	from, _ := l.svc.setting(keyLecturePlanFrom + l.articleID())
	if from == "" {
		return sharedPlan{}, false
	}
	for _, sp := range l.sharedPlans() {
		if sp.person == from && sp.plan.Name == name {
			return sp, true
		}
	}
	return sharedPlan{}, false
}

// setCurrentShared makes a publisher's plan the one F5 plays.
func (l *lectureMode) setCurrentShared(sp sharedPlan) {
	l.setCurrentPlan(sp.plan.Name)
	l.svc.setSetting(keyLecturePlanFrom+l.articleID(), sp.person)
}

// planNames are the names of the student's plans of the article.
func (l *lectureMode) planNames() map[string]bool {
	taken := map[string]bool{}
	for _, p := range l.plans() {
		taken[p.Name] = true
	}
	return taken
}

// uniqueName is name when no plan of the student's has it, else name
// followed by the first number from 2 none has.
func (l *lectureMode) uniqueName(name string) string {
	taken := l.planNames()
	if !taken[name] {
		return name
	}
	for n := 2; ; n++ {
		if s := name + " " + strconv.Itoa(n); !taken[s] {
			return s
		}
	}
}

// copyName is the name a copy of a shared plan is saved under: its name
// and whose it was, within a plan name's length.
func (l *lectureMode) copyName(p lecture.Plan) string {
	suffix := " (from " + p.Publisher + ")"
	name := p.Name
	for len(name)+len(suffix) > lecture.MaxNameBytes-8 && name != "" {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return l.uniqueName(name + suffix)
}

// onCopy saves the shared plan edited as one of the student's own, and
// makes the copy the plan edited and current.
func (e *planEditor) onCopy() {
	if e.from == "" {
		return
	}
	p := e.plan
	whose := p.Publisher
	p.Name = e.l.copyName(p)
	p.Publisher = ""
	p.Article = e.l.articleID()
	p.Items = slices.Clone(p.Items)
	from := e.from
	e.from = ""
	if !e.save(p) {
		e.from = from
		return
	}
	e.l.toast("Copied to your plans as “" + p.Name + "”: change it as you like; " + whose + "'s stays as it is.")
}

// sharedReadOnly says, when the plan edited is a publisher's, that it
// cannot be changed, and reports whether it is.
func (e *planEditor) sharedReadOnly() bool {
	if e.from == "" {
		return false
	}
	dialog.ShowInformation("Lecture plan", "“"+e.plan.Name+"” is "+e.plan.Publisher+"'s plan: you can play it as it is. Press Copy to my plans to change a copy of your own.", e.l.svc.win)
	return true
}

// mergePlans adds one computer's plans to a person's: by name, the one
// changed last, sorted by name.
func mergePlans(have, more []lecture.Plan) []lecture.Plan {
	for _, p := range more {
		i := slices.IndexFunc(have, func(h lecture.Plan) bool { return h.Name == p.Name })
		switch {
		case i < 0:
			have = append(have, p)
		case p.Updated.After(have[i].Updated):
			have[i] = p
		}
	}
	slices.SortFunc(have, func(a, b lecture.Plan) int { return strings.Compare(a.Name, b.Name) })
	return have
}

// showWhose enables what changes the plan edited when it is the
// student's, and offers the copy when it is a publisher's; it reports
// whether the plan is read only.
func (e *planEditor) showWhose() bool {
	readOnly := e.from != ""
	for _, b := range []*widget.Button{e.rename, e.delete} {
		if readOnly || e.plan.Name == "" {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if readOnly {
		e.copyBtn.Show()
		e.changes.Hide()
	} else {
		e.copyBtn.Hide()
		e.changes.Show()
	}
	return readOnly
}
