package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/sahilm/fuzzy"

	"github.com/glossa-app/glossa/store"
)

// articleOpener is what the Library asks of the window: open an article
// in every screen, say which one is open, show a screen.
type articleOpener interface {
	openArticle(id string) error
	currentArticle() string
	articleReplaced(id string)
	Show(screen string)
}

// libraryScreen is the shelf: every article in the library, the shipped
// one first, found by a fuzzy filter, opened with a tap; Import… and
// files dropped on the window add more (library_import.go).
type libraryScreen struct {
	st     *store.Store
	win    fyne.Window
	opener articleOpener
	now    func() time.Time
	// due counts the cards due in each article (the one column the
	// store does not keep, so the window works it out)
	due func() map[string]int

	items   []store.ArticleInfo
	dues    map[string]int
	keys    shelfKeys // what the filter matches, one string per item
	shown   []int     // indexes into items that match, best first
	loadErr string

	filter  *searchEntry
	count   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
	importing
	undo *undoBar
}

func newLibraryScreen(st *store.Store, win fyne.Window, opener articleOpener) *libraryScreen {
	l := &libraryScreen{st: st, win: win, opener: opener, now: time.Now}
	l.filter = newSearchEntry()
	l.filter.SetPlaceHolder("Filter by title, author, year or file name")
	l.filter.OnChanged = l.onFilterChanged
	l.filter.onEscape = func() { l.filter.SetText("") }
	l.filter.OnSubmitted = func(string) {
		if len(l.shown) > 0 {
			l.open(l.shown[0])
		}
	}
	l.count = widget.NewLabel("")
	l.count.Wrapping = fyne.TextWrapWord
	l.list = widget.NewList(func() int { return len(l.shown) }, newShelfRow, l.updateRow)
	l.list.OnSelected = func(id widget.ListItemID) {
		l.list.UnselectAll()
		if id >= 0 && id < len(l.shown) {
			l.open(l.shown[id])
		}
	}
	l.buildImport()
	l.undo = newUndoBar(l.relayout)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(l.importFolderButton, l.importButton), l.filter),
		l.progressBox,
		l.count,
	)
	l.content = container.NewBorder(container.NewPadded(top), l.undo.box, nil, nil, l.list)
	return l
}

// relayout lays the screen out again when a bar comes or goes.
func (l *libraryScreen) relayout() {
	if c, ok := l.content.(*fyne.Container); ok {
		c.Refresh()
	}
}

func (l *libraryScreen) screen() screen {
	return screen{name: "Library", icon: theme.FolderOpenIcon(), content: l.content, keys: l, shown: l.reload}
}

// reload reads the library again (after an import, a removal, an article
// opened) and applies the filter typed.
func (l *libraryScreen) reload() {
	items, err := l.st.Library()
	l.loadErr = ""
	if err != nil {
		l.loadErr = "Your library could not be read: " + err.Error() + ". Close Glossa and open it again; if this stays, restore a backup (see Your data in the README)."
	}
	l.items = items
	l.dues = nil
	if l.due != nil {
		l.dues = l.due()
	}
	l.keys = make(shelfKeys, len(items))
	for i, a := range items {
		l.keys[i] = shelfKey(a)
	}
	l.applyFilter()
}

// shelfKey is the text an article is found by.
func shelfKey(a store.ArticleInfo) string {
	k := a.Title + " " + strings.Join(a.Authors, ", ")
	if a.Year > 0 {
		k += " " + strconv.Itoa(a.Year)
	}
	if a.Origin != "" {
		k += " " + a.Origin
	}
	return k
}

// shelfKeys is the filter's fuzzy.Source.
type shelfKeys []string

func (k shelfKeys) String(i int) string { return k[i] }
func (k shelfKeys) Len() int            { return len(k) }

func (l *libraryScreen) onFilterChanged(string) { l.applyFilter() }

// applyFilter shows the articles the filter matches, best match first;
// with no filter, the whole shelf in its order. It runs on every key
// typed: BenchmarkLibraryFilter holds it to one frame at 1,000 articles.
func (l *libraryScreen) applyFilter() {
	q := strings.TrimSpace(l.filter.Text)
	l.shown = l.shown[:0]
	if q == "" {
		for i := range l.items {
			l.shown = append(l.shown, i)
		}
	} else {
		for _, m := range fuzzy.FindFrom(q, l.keys) {
			l.shown = append(l.shown, m.Index)
		}
	}
	switch {
	case l.loadErr != "":
		l.count.SetText(l.loadErr)
	case q != "" && len(l.shown) == 0:
		l.count.SetText(fmt.Sprintf("No article matches %q.", q))
	case q != "":
		l.count.SetText(fmt.Sprintf("%d of %d articles match.", len(l.shown), len(l.items)))
	case len(l.items) == 1:
		l.count.SetText("1 article. Import… or drop Markdown, HTML, Word or PDF files on this window to add more.")
	default:
		l.count.SetText(fmt.Sprintf("%d articles. Tap one to read it where you left it.", len(l.items)))
	}
	l.list.Refresh()
}

// open opens item i in every screen, at the place it was left.
func (l *libraryScreen) open(i int) {
	a := l.items[i]
	if err := l.opener.openArticle(a.ID); err != nil {
		dialog.ShowError(fmt.Errorf("%s could not be opened: %v. It is still in your library; try again, or import its file again", quoted(a.Title), err), l.win)
	}
}

// onKey and onRune: typing anywhere on the Library screen filters.
func (l *libraryScreen) onKey(ev *fyne.KeyEvent) bool { return false }

func (l *libraryScreen) onRune(r rune) bool {
	l.win.Canvas().Focus(l.filter)
	l.filter.TypedRune(r)
	return true
}

// shelfRow is one article on the shelf.
type shelfRow struct {
	widget.BaseWidget
	icon     *widget.Icon
	title    *fitLabel
	byline   *fitLabel
	stats    *fitLabel
	problems *widget.Button
	remove   *widget.Button
	buttons  *fyne.Container
	box      *fyne.Container
}

func newShelfRow() fyne.CanvasObject {
	r := &shelfRow{
		icon:   widget.NewIcon(theme.DocumentIcon()),
		title:  newFitLabel(true, theme.ColorNameForeground),
		byline: newFitLabel(false, theme.ColorNameForeground),
		stats:  newFitLabel(false, theme.ColorNamePlaceHolder),
	}
	r.problems = widget.NewButtonWithIcon("", theme.WarningIcon(), nil)
	r.problems.Importance = widget.LowImportance
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.remove.Importance = widget.LowImportance
	text := container.NewVBox(r.title, r.byline, r.stats)
	text.Layout = &tightRows{}
	r.buttons = container.NewHBox(container.NewCenter(r.problems), container.NewCenter(r.remove))
	r.box = container.NewBorder(nil, nil, container.NewCenter(r.icon), r.buttons, text)
	r.ExtendBaseWidget(r)
	return r
}

func (r *shelfRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (l *libraryScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(l.shown) {
		return
	}
	r := o.(*shelfRow)
	i := l.shown[id]
	a := l.items[i]
	current := a.ID == l.opener.currentArticle()
	r.title.SetText(shelfTitle(a))
	if current {
		r.title.SetColor(theme.ColorNamePrimary)
		r.icon.SetResource(theme.VisibilityIcon())
	} else {
		r.title.SetColor(theme.ColorNameForeground)
		r.icon.SetResource(theme.DocumentIcon())
	}
	r.byline.SetText(byline(a))
	r.stats.SetText(l.statsLine(a, current))
	if a.Problems > 0 {
		r.problems.SetText(plural(a.Problems, "problem", "problems"))
		r.problems.OnTapped = func() { l.showProblems(a) }
		r.problems.Show()
	} else {
		r.problems.Hide()
	}
	if a.Shipped {
		r.remove.Hide()
	} else {
		r.remove.OnTapped = func() { l.onRemoveTapped(a) }
		r.remove.Show()
	}
	// the buttons change width with their text: the row is laid out
	// again, or the text would run under them
	r.box.Layout.Layout(r.box.Objects, r.box.Size())
	r.buttons.Layout.Layout(r.buttons.Objects, r.buttons.Size())
}

func shelfTitle(a store.ArticleInfo) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	if a.Origin != "" {
		return a.Origin
	}
	return "Untitled article"
}

// byline is who wrote it, when, and where it came from.
func byline(a store.ArticleInfo) string {
	var parts []string
	if len(a.Authors) > 0 {
		parts = append(parts, strings.Join(a.Authors, ", "))
	}
	if a.Year > 0 {
		parts = append(parts, strconv.Itoa(a.Year))
	}
	switch {
	case a.Shipped:
		parts = append(parts, "comes with Glossa: curated cards, timeline and maps")
	case a.Origin != "":
		parts = append(parts, "from "+a.Origin)
	}
	return strings.Join(parts, " · ")
}

// statsLine is what there is to study in it and when it was last read.
func (l *libraryScreen) statsLine(a store.ArticleInfo, current bool) string {
	parts := []string{
		plural(a.Footnotes, "footnote", "footnotes"),
		plural(a.Notes, "note", "notes"),
	}
	if n, ok := l.dues[a.ID]; ok {
		parts = append(parts, plural(n, "card due", "cards due"))
	}
	switch {
	case current:
		parts = append(parts, "open now")
	default:
		parts = append(parts, lastOpened(a.Opened, l.now()))
	}
	return strings.Join(parts, " · ")
}

// lastOpened says when an article was last read, in the words a person
// uses for it.
func lastOpened(t, now time.Time) string {
	if t.IsZero() {
		return "not opened yet"
	}
	t, now = t.Local(), now.Local()
	days := int(startOfDay(now).Sub(startOfDay(t)).Hours()/24 + 0.5)
	switch {
	case days <= 0:
		return "opened today"
	case days == 1:
		return "opened yesterday"
	case days < 7:
		return fmt.Sprintf("opened %d days ago", days)
	case t.Year() == now.Year():
		return "opened " + t.Format("2 Jan")
	}
	return "opened " + t.Format("2 Jan 2006")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// showProblems lists what the conversion repaired or could not read, with
// the line of the file each was found on.
func (l *libraryScreen) showProblems(a store.ArticleInfo) {
	doc, err := l.st.Document(a.ID)
	if err != nil {
		dialog.ShowError(fmt.Errorf("the problems of %s could not be read: %v", quoted(shelfTitle(a)), err), l.win)
		return
	}
	lines := make([]string, len(doc.Problems))
	for i, p := range doc.Problems {
		if p.Line > 0 {
			lines[i] = fmt.Sprintf("Line %d: %s", p.Line, p.Message)
		} else {
			lines[i] = p.Message
		}
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[id]) })
	from := ""
	if a.Origin != "" {
		from = " from " + a.Origin
	}
	intro := widget.NewLabel(fmt.Sprintf("%s: what the conversion%s repaired or could not read, with the line of the file where each was found (glossa check FILE prints the same list).", quoted(shelfTitle(a)), from))
	intro.Wrapping = fyne.TextWrapWord
	// a line too long for the dialog is read whole below the list
	detail := widget.NewLabel("Tap a problem to read it whole.")
	detail.Wrapping = fyne.TextWrapWord
	list.OnSelected = func(id widget.ListItemID) { detail.SetText(lines[id]) }
	d := dialog.NewCustom("Conversion problems ("+strconv.Itoa(len(lines))+")", "Close",
		container.NewBorder(intro, detail, nil, nil, list), l.win)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}

// onRemoveTapped moves an article to the trash at once, with Undo in a
// bar below the shelf: a question first would be asked every time, the
// undo only when it was a mistake.
func (l *libraryScreen) onRemoveTapped(a store.ArticleInfo) {
	if a.ID == l.opener.currentArticle() {
		// the screens must not stay on an article in the trash
		if err := l.opener.openArticle(l.shippedID()); err != nil {
			dialog.ShowError(fmt.Errorf("%s was not removed: %v", quoted(shelfTitle(a)), err), l.win)
			return
		}
		l.opener.Show("Library")
	}
	if err := l.st.TrashArticle(a.ID); err != nil {
		dialog.ShowError(fmt.Errorf("%s could not be moved to the trash: %v. Nothing was changed", quoted(shelfTitle(a)), err), l.win)
		return
	}
	l.reload()
	said := quoted(shelfTitle(a)) + " moved to the trash"
	if a.Notes > 0 {
		said += ", with your " + plural(a.Notes, "note", "notes") + " on it"
	}
	l.undo.show(said+".", func() {
		if err := l.st.RestoreArticle(a.ID); err != nil {
			dialog.ShowError(fmt.Errorf("%s could not be brought back: %v. It is still in the trash; try again", quoted(shelfTitle(a)), err), l.win)
			return
		}
		l.reload()
	})
}

// shippedID is the shipped article's ID (the first on the shelf).
func (l *libraryScreen) shippedID() string {
	for _, a := range l.items {
		if a.Shipped {
			return a.ID
		}
	}
	return ""
}

// undoBar is a bar at the foot of a screen that says what was just done
// and offers to undo it, until the next action or Dismiss.
type undoBar struct {
	changed func() // the bar was shown or hidden: the screen lays out again
	box     *fyne.Container
	label   *widget.Label
	button  *widget.Button
	undo    func()
}

func newUndoBar(changed func()) *undoBar {
	b := &undoBar{label: widget.NewLabel(""), changed: changed}
	b.label.Wrapping = fyne.TextWrapWord
	b.button = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), b.onUndoTapped)
	b.button.Importance = widget.HighImportance
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide)
	closeB.Importance = widget.LowImportance
	b.box = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), container.NewHBox(b.button, closeB), b.label))
	b.box.Hide()
	return b
}

func (b *undoBar) show(text string, undo func()) {
	b.label.SetText(text)
	b.undo = undo
	b.box.Show()
	b.changed()
}

func (b *undoBar) hide() {
	b.undo = nil
	b.box.Hide()
	b.changed()
}

func (b *undoBar) onUndoTapped() {
	undo := b.undo
	b.hide()
	if undo != nil {
		undo()
	}
}

// tightRows stacks the lines of a shelf row with no gap between them.
type tightRows struct{}

func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}

func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - tightRows{}.MinSize(objs).Height) / 2
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}
