package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

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
