package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/anchor"
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
	h := l.svc.doc.Hash
	if len(h) > 12 {
		h = h[:12]
	}
	return h
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

// planEditor is the dialog where plans are made: choose one, reorder its
// steps, insert pictures and footnotes, rename, delete.
type planEditor struct {
	l      *lectureMode
	d      dialog.Dialog
	choose *widget.Select
	steps  *fyne.Container
	count  *widget.Label
	fnote  *widget.Entry
	tag    *widget.Entry
	plan   lecture.Plan // the plan edited (and current); Name "" for none
	// from is the person id of the publisher whose plan is edited (read
	// only), "" for one's own; shared are the publishers' plans listed,
	// by label
	from           string
	shared         map[string]sharedPlan
	rename, delete *widget.Button
	copyBtn        *widget.Button
	changes        *fyne.Container // what changes a plan: hidden on another's
	body           *fyne.Container // laid out again when buttons come and go
}

// noPlan is the choice for lecturing on the article without a plan.
const noPlan = "(no plan: the article, from where you read)"

// showPlans opens the plan editor.
func (l *lectureMode) showPlans() {
	e := &planEditor{l: l}
	if p, ok := l.currentPlan(); ok {
		e.plan = p
		if p.Publisher != "" {
			e.from, _ = l.svc.setting(keyLecturePlanFrom + l.articleID())
		}
	}
	e.choose = widget.NewSelect(nil, e.onPlanChosen)
	newBtn := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), e.onNew)
	e.rename = widget.NewButton("Rename…", e.onRename)
	e.delete = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), e.onDelete)
	e.copyBtn = widget.NewButtonWithIcon("Copy to my plans", theme.ContentCopyIcon(), e.onCopy)
	top := container.NewBorder(nil, nil, widget.NewLabel("Plan F5 plays:"), container.NewHBox(newBtn, e.rename, e.delete, e.copyBtn), e.choose)
	e.steps = container.NewVBox()
	e.count = widget.NewLabel("")
	e.fnote = widget.NewEntry()
	e.fnote.SetPlaceHolder("no.")
	e.tag = widget.NewEntry()
	e.tag.SetPlaceHolder("tag")
	insert := container.NewHBox(
		widget.NewLabel("Insert:"),
		widget.NewButton("Timeline", func() { e.insert(lecture.Item{Kind: lecture.ItemTimeline}) }),
		widget.NewButton("Who is cited where", func() { e.insert(lecture.Item{Kind: lecture.ItemMap, Map: lecture.MapCited}) }),
		widget.NewButton("Principles map", func() { e.insert(lecture.Item{Kind: lecture.ItemMap, Map: lecture.MapPrinciples}) }),
		widget.NewLabel("Footnote"), container.NewGridWrap(fyne.NewSize(80, e.fnote.MinSize().Height), e.fnote),
		widget.NewButton("Add", e.onFootnoteAdd),
		widget.NewLabel("Highlights tagged"), container.NewGridWrap(fyne.NewSize(120, e.tag.MinSize().Height), e.tag),
		widget.NewButton("Add", e.onTagAdd),
	)
	hint := widget.NewLabel("Add passages from the reader: select a passage (or scroll to a paragraph) and press Ctrl+L. Long passages are shown a sentence at a time.")
	hint.Wrapping = fyne.TextWrapWord
	play := widget.NewButtonWithIcon("Play (F5)", theme.MediaPlayIcon(), func() { e.d.Hide(); l.play() })
	play.Importance = widget.HighImportance
	e.changes = container.NewVBox(insert, hint)
	e.body = container.NewBorder(container.NewVBox(top, e.count), container.NewVBox(widget.NewSeparator(), e.changes, container.NewHBox(play)), nil, nil, container.NewVScroll(e.steps))
	e.d = dialog.NewCustom("Lecture plans", "Close", e.body, l.svc.win)
	e.refresh()
	e.d.Resize(fyne.NewSize(min(l.svc.win.Canvas().Size().Width-40, 1100), min(l.svc.win.Canvas().Size().Height-40, 720)))
	l.editor = e
	e.d.Show()
}

// refresh fills the editor from the store and the plan edited.
func (e *planEditor) refresh() {
	l := e.l
	names := []string{noPlan}
	for _, p := range l.plans() {
		names = append(names, p.Name)
	}
	e.shared = map[string]sharedPlan{}
	for _, sp := range l.sharedPlans() {
		names = append(names, sp.label())
		e.shared[sp.label()] = sp
	}
	e.choose.Options = names
	sel := e.plan.Name
	switch {
	case sel == "":
		sel = noPlan
	case e.from != "":
		sel = sharedLabel(e.plan)
	}
	e.choose.SetSelectedIndex(indexOf(names, sel))
	readOnly := e.showWhose()
	defer e.body.Refresh()
	e.steps.RemoveAll()
	if e.plan.Name == "" {
		e.count.SetText("F5 presents the article from the paragraph you are reading. Choose a plan, or press New, to give a lecture of your own steps.")
		e.steps.Refresh()
		return
	}
	e.count.SetText(fmt.Sprintf("“%s”: %s", e.plan.Name, plural(len(e.plan.Items), "step", "steps")))
	if readOnly {
		e.count.SetText(fmt.Sprintf("“%s”, shared by %s: %s. Play it as it is (F5), or copy it to your plans to change it.", e.plan.Name, e.plan.Publisher, plural(len(e.plan.Items), "step", "steps")))
	}
	for i, it := range e.plan.Items {
		i := i
		title := widget.NewLabelWithStyle(fmt.Sprintf("%d.  %s", i+1, l.itemTitle(it)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabel(l.itemText(it))
		text.Truncation = fyne.TextTruncateEllipsis
		if readOnly {
			e.steps.Add(container.NewBorder(nil, nil, title, nil, text))
			continue
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(i, 1) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(i) })
		if i == 0 {
			up.Disable()
		}
		if i == len(e.plan.Items)-1 {
			down.Disable()
		}
		e.steps.Add(container.NewBorder(nil, nil, title, container.NewHBox(up, down, del), text))
	}
	e.steps.Refresh()
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return 0
}

// onPlanChosen makes the plan chosen the current one.
func (e *planEditor) onPlanChosen(name string) {
	if sp, ok := e.shared[name]; ok {
		if e.from == sp.person && e.plan.Name == sp.plan.Name {
			return
		}
		e.plan, e.from = sp.plan, sp.person
		e.l.setCurrentShared(sp)
		e.refresh()
		return
	}
	if e.from == "" && (name == e.plan.Name || (name == noPlan && e.plan.Name == "")) {
		return
	}
	e.from = ""
	e.plan = lecture.Plan{}
	if name != noPlan {
		for _, p := range e.l.plans() {
			if p.Name == name {
				e.plan = p
			}
		}
	}
	e.l.setCurrentPlan(e.plan.Name)
	e.refresh()
}

// onNew makes an empty plan, current.
func (e *planEditor) onNew() {
	p := lecture.Plan{Article: e.l.articleID(), Name: e.l.freeName("Lecture")}
	e.from = ""
	e.save(p)
}

// save writes p, makes it the plan edited and current, and shows it.
func (e *planEditor) save(p lecture.Plan) bool {
	if p.Publisher != "" && e.sharedReadOnly() {
		return false
	}
	saved, err := e.l.svc.st.SavePlan(p)
	if err != nil {
		e.l.showPlanError("The lecture plan could not be saved", err)
		return false
	}
	e.plan = saved
	e.l.setCurrentPlan(saved.Name)
	e.refresh()
	return true
}

func (e *planEditor) onRename() {
	if e.plan.Name == "" || e.sharedReadOnly() {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(e.plan.Name)
	dialog.ShowForm("Rename the plan", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		if ok {
			e.renameTo(entry.Text)
		}
	}, e.l.svc.win)
}

// renameTo gives the plan edited another name.
func (e *planEditor) renameTo(name string) bool {
	name = strings.TrimSpace(name)
	if err := e.l.svc.st.RenamePlan(e.l.articleID(), e.plan.Name, name); err != nil {
		e.l.showPlanError("The plan could not be renamed", err)
		return false
	}
	e.plan.Name = name
	e.l.setCurrentPlan(name)
	e.refresh()
	return true
}

func (e *planEditor) onDelete() {
	if e.plan.Name == "" || e.sharedReadOnly() {
		return
	}
	name := e.plan.Name
	dialog.ShowConfirm("Delete the plan?", "“"+name+"” and its "+plural(len(e.plan.Items), "step", "steps")+" will be deleted. The article and your notes stay as they are.", func(ok bool) {
		if !ok {
			return
		}
		if err := e.l.svc.st.DeletePlan(e.l.articleID(), name); err != nil {
			e.l.showPlanError("The plan could not be deleted", err)
			return
		}
		e.plan = lecture.Plan{}
		e.l.setCurrentPlan("")
		e.refresh()
	}, e.l.svc.win)
}

// move moves step i of the plan up (-1) or down (+1).
func (e *planEditor) move(i, d int) {
	p := e.plan
	p.Items = append([]lecture.Item(nil), p.Items...)
	lecture.Move(p.Items, i, d)
	e.save(p)
}

func (e *planEditor) remove(i int) {
	p := e.plan
	p.Items = append(append([]lecture.Item(nil), p.Items[:i]...), p.Items[i+1:]...)
	e.save(p)
}

// insert appends it to the plan edited (a new plan when none is).
func (e *planEditor) insert(it lecture.Item) {
	p := e.plan
	if p.Name == "" {
		p = lecture.Plan{Article: e.l.articleID(), Name: e.l.freeName("Lecture")}
	}
	p.Items = append(append([]lecture.Item(nil), p.Items...), it)
	e.save(p)
}

func (e *planEditor) onFootnoteAdd() {
	n, err := strconv.Atoi(strings.TrimSpace(e.fnote.Text))
	if err != nil || footnoteNumbered(e.l.svc.doc, n) == nil {
		dialog.ShowInformation("Lecture plan", fmt.Sprintf("Type the number of a footnote of the article (1 to %d).", len(e.l.svc.doc.Footnotes)), e.l.svc.win)
		return
	}
	e.fnote.SetText("")
	e.insert(lecture.Item{Kind: lecture.ItemFootnote, Footnote: n})
}

// onTagAdd adds the passages highlighted with a tag, in the article's
// order.
func (e *planEditor) onTagAdd() {
	tag := strings.TrimSpace(e.tag.Text)
	items, err := e.l.taggedPassages(tag)
	if err != nil {
		e.l.showPlanError("The highlights could not be read", err)
		return
	}
	if len(items) == 0 {
		dialog.ShowInformation("Lecture plan", "No highlight of this article has the tag “"+tag+"”. Tag passages in the reader (select, then Tag), then add them here.", e.l.svc.win)
		return
	}
	p := e.plan
	if p.Name == "" {
		p = lecture.Plan{Article: e.l.articleID(), Name: e.l.freeName("Lecture")}
	}
	p.Items = append(append([]lecture.Item(nil), p.Items...), items...)
	e.save(p)
}

// taggedPassages are plan items for the passages highlighted with tag,
// in the order of the article.
func (l *lectureMode) taggedPassages(tag string) ([]lecture.Item, error) {
	if tag == "" {
		return nil, nil
	}
	notes, err := l.svc.st.Notes(store.NoteFilter{TargetKind: store.TargetPassage, Tag: tag})
	if err != nil {
		return nil, err
	}
	type placed struct {
		pi, start int
		it        lecture.Item
	}
	var ps []placed
	for _, n := range notes {
		if n.Orphan || n.Anchor.Exact == "" {
			continue
		}
		m, ok := anchor.Locate(l.svc.doc.Paragraphs, n.Anchor)
		if !ok {
			continue
		}
		ps = append(ps, placed{m.Index, m.Start, l.passageItem(m.Index, m.Start, m.End)})
	}
	// in reading order: a lecture follows the article
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].pi < ps[j-1].pi || ps[j].pi == ps[j-1].pi && ps[j].start < ps[j-1].start); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	items := make([]lecture.Item, len(ps))
	for i, p := range ps {
		items[i] = p.it
	}
	return items, nil
}
