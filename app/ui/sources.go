package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
)

// Settings the Sources screen remembers.
const (
	keySourcesSort = "sources.sort"
	keySourcesKind = "sources.kind"
)

// Sort orders of the source list, as the sort Select shows them.
const (
	sortRelevance = "Relevance"
	sortAuthor    = "Author"
	sortYear      = "Year"
	sortCited     = "Citations"
)

var sortOrders = []string{sortRelevance, sortAuthor, sortYear, sortCited}

// kindNames are the kinds of work as the screen names them, in the order
// the kind filter lists them.
var kindNames = []struct {
	kind cite.Kind
	name string
}{
	{cite.KindBook, "Book"},
	{cite.KindArticle, "Journal article"},
	{cite.KindChapter, "Chapter in a volume"},
	{cite.KindUNDocument, "UN document"},
	{cite.KindTreaty, "Treaty or convention"},
	{cite.KindCase, "Case"},
	{cite.KindLegislation, "Legislation"},
	{cite.KindOfficial, "State or official document"},
	{cite.KindReport, "Report or NGO paper"},
	{cite.KindWeb, "Web or press"},
	{cite.KindOther, "Other"},
}

const allKinds = "All kinds"

func kindName(k cite.Kind) string {
	for _, kn := range kindNames {
		if kn.kind == k {
			return kn.name
		}
	}
	return string(k)
}

// sourceRow is one line of the result list: a source and, when a query is
// typed, the matched characters of each field.
type sourceRow struct {
	src   *cite.Source
	score int
	hits  [4][]int // byte offsets per cite.Field
}

// sourcesScreen is the Sources screen: every work the footnotes cite,
// fuzzy-searchable, with its full reference and every footnote that cites
// it; and the links from the reader's footnotes to it.
type sourcesScreen struct {
	u       *UI
	content fyne.CanvasObject

	// The library is extracted in the background from the start: it takes
	// a few hundred ms, and the reader's first footnote should not wait.
	ready chan struct{}
	lib   *cite.Library

	loaded  bool
	search  *searchEntry
	kindSel *widget.Select
	sortSel *widget.Select
	kinds   []cite.Kind // kind of each kindSel option; "" for all
	count   *widget.Label
	issues  *widget.Button // ambiguous and unresolved short forms
	list    *widget.List
	exports []*widget.Button

	detail    *container.Scroll
	chart     *citedChart
	chartBox  *fyne.Container
	copyB     *widget.Button
	sortBy    string
	kind      cite.Kind
	rows      []sourceRow
	selected  string // ID of the source in the detail pane
	selecting bool   // the list's selection is being set by code

	// the reader's footnote popover: its Sources button and the sources
	// its resolved lines open
	popButton  *widget.Button
	popNote    int
	popTargets []string
}

func newSourcesScreen(u *UI) *sourcesScreen {
	s := &sourcesScreen{u: u, ready: make(chan struct{}), sortBy: sortRelevance}
	go func(fns []article.Footnote) {
		s.lib = cite.Extract(fns)
		close(s.ready)
	}(u.doc.Footnotes)
	s.build()
	return s
}

// library waits for the extraction started by newSourcesScreen.
func (s *sourcesScreen) library() *cite.Library {
	<-s.ready
	return s.lib
}

func (s *sourcesScreen) screen() screen {
	return screen{name: "Sources", icon: theme.StorageIcon(), content: s.content, keys: s, shown: s.onShown, places: s}
}

// here is the source shown, for the history.
func (s *sourcesScreen) here() place { return place{id: s.selected, mark: -1} }

func (s *sourcesScreen) restore(p place) {
	if p.id != "" {
		s.Select(p.id)
	}
}

// commands are the Sources screen's menu items and shortcuts.
func (s *sourcesScreen) commands() []command {
	return []command{
		{"File", "Export Sources as BibTeX…", "", 0, func() { s.onExportTapped(cite.FormatBibTeX) }},
		{"File", "Export Sources as RIS…", "", 0, func() { s.onExportTapped(cite.FormatRIS) }},
		{"File", "Export Sources as CSL-JSON…", "", 0, func() { s.onExportTapped(cite.FormatCSLJSON) }},
	}
}

func (s *sourcesScreen) build() {
	s.search = newSearchEntry()
	s.search.SetPlaceHolder("Search authors, titles, journals, years")
	s.search.OnChanged = s.onSearchChanged
	s.search.onEscape = s.onSearchEscape
	s.search.onMove = s.move
	s.search.OnSubmitted = func(string) { s.move(0) }

	s.kindSel = widget.NewSelect([]string{allKinds}, s.onKindChanged)
	s.kindSel.SetSelectedIndex(0)
	s.sortSel = widget.NewSelect(sortOrders, s.onSortChanged)
	s.sortSel.SetSelected(sortRelevance)
	s.count = widget.NewLabel("")
	s.count.TextStyle.Italic = true
	s.issues = widget.NewButtonWithIcon("", theme.WarningIcon(), s.onIssuesTapped)
	s.issues.Importance = widget.LowImportance
	s.issues.Hide()

	s.list = widget.NewList(
		func() int { return len(s.rows) },
		newSourceRowView,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.rows) {
				setSourceRowView(o.(*widget.RichText), s.rows[i], s.rowTextWidth())
			}
		})
	s.list.OnSelected = s.onListSelected

	exportLabel := widget.NewLabel("Export listed:")
	box := container.NewHBox(exportLabel)
	for _, f := range []struct{ format, label string }{{cite.FormatBibTeX, "BibTeX"}, {cite.FormatRIS, "RIS"}, {cite.FormatCSLJSON, "CSL-JSON"}} {
		f := f
		b := widget.NewButtonWithIcon(f.label, theme.DocumentSaveIcon(), func() { s.onExportTapped(f.format) })
		s.exports = append(s.exports, b)
		box.Add(b)
	}

	// room for the longest kind and its count, so the filter never reads
	// "All kinds (1…"
	kindW := fyne.MeasureText("State or official document (00)", theme.TextSize(), fyne.TextStyle{}).Width + 5*theme.Padding() + theme.IconInlineSize()
	sortLabel := widget.NewLabel("Sort by")
	filters := container.NewHBox(container.New(&fixedWidth{w: kindW}, s.kindSel), sortLabel, s.sortSel)
	status := container.NewBorder(nil, nil, nil, s.issues, s.count)
	// rows are cut to the list's width: bind them again when it changes
	list := container.New(&widthWatch{onChange: s.list.Refresh}, s.list)
	left := container.NewBorder(container.NewVBox(s.search, filters, status, widget.NewSeparator()), container.NewVBox(widget.NewSeparator(), box), nil, nil, list)

	s.detail = container.NewVScroll(container.NewVBox())
	s.chart = newCitedChart(s.onChartTapped)
	chartTitle := widget.NewLabelWithStyle("Most cited authors and institutions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	chartNote := widget.NewLabel("footnote citations of their works · tap a bar to list them")
	chartNote.SizeName = theme.SizeNameCaptionText
	chartNote.TextStyle.Italic = true
	chartNote.Truncation = fyne.TextTruncateEllipsis
	s.chartBox = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, chartTitle, nil, chartNote), container.NewPadded(s.chart))
	right := container.NewBorder(nil, s.chartBox, nil, nil, s.detail)

	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.46
	s.content = split
}

// onShown fills the screen the first time it is opened.
func (s *sourcesScreen) onShown() {
	s.load()
	if s.u.win.Canvas().Focused() == nil {
		s.u.win.Canvas().Focus(s.search)
	}
}

// load puts the library into the widgets, once.
func (s *sourcesScreen) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	lib := s.library()
	perKind := map[cite.Kind]int{}
	for _, src := range lib.Sources {
		perKind[src.Kind]++
	}
	opts := []string{fmt.Sprintf("%s (%d)", allKinds, len(lib.Sources))}
	s.kinds = []cite.Kind{""}
	for _, kn := range kindNames {
		if n := perKind[kn.kind]; n > 0 {
			opts = append(opts, fmt.Sprintf("%s (%d)", kn.name, n))
			s.kinds = append(s.kinds, kn.kind)
		}
	}
	s.kindSel.Options = opts
	kindIdx := 0
	if v, ok := s.u.setting(keySourcesKind); ok {
		for i, k := range s.kinds {
			if string(k) == v {
				kindIdx = i
			}
		}
	}
	s.kind = s.kinds[kindIdx]
	s.selecting = true
	s.kindSel.SetSelectedIndex(kindIdx)
	if v, ok := s.u.setting(keySourcesSort); ok {
		for _, o := range sortOrders {
			if o == v {
				s.sortBy = v
				s.sortSel.SetSelected(v)
			}
		}
	}
	s.selecting = false
	if n := len(lib.Problems); n > 0 {
		word := "short form"
		if n > 1 {
			word += "s"
		}
		s.issues.SetText(fmt.Sprintf("%d %s not resolved", n, word))
		s.issues.Show()
	}
	s.chart.setRows(lib.MostCited(8))
	s.chartBox.Refresh() // the chart is taller now: lay the column out again
	s.refresh()
	if s.selected == "" {
		s.showOverview()
	}
}

func (s *sourcesScreen) onSearchChanged(string) {
	if s.loaded {
		s.refresh()
	}
}

func (s *sourcesScreen) onSearchEscape() {
	if s.search.Text != "" {
		s.search.SetText("")
		return
	}
	s.u.win.Canvas().Unfocus()
}

func (s *sourcesScreen) onKindChanged(string) {
	if s.kinds == nil || s.selecting {
		return
	}
	i := s.kindSel.SelectedIndex()
	if i < 0 || i >= len(s.kinds) {
		return
	}
	s.kind = s.kinds[i]
	s.u.setSetting(keySourcesKind, string(s.kind))
	s.refresh()
}

func (s *sourcesScreen) onSortChanged(v string) {
	if v == s.sortBy || s.selecting {
		return
	}
	s.sortBy = v
	s.u.setSetting(keySourcesSort, v)
	if s.loaded {
		s.refresh()
	}
}

// refresh lists the sources that match the query and the kind, in the
// chosen order, and keeps the selected one selected.
func (s *sourcesScreen) refresh() {
	lib := s.library()
	q := strings.TrimSpace(s.search.Text)
	var rows []sourceRow
	if q == "" {
		rows = make([]sourceRow, 0, len(lib.Sources))
		for i := range lib.Sources {
			if src := &lib.Sources[i]; s.kind == "" || src.Kind == s.kind {
				rows = append(rows, sourceRow{src: src})
			}
		}
		// Without a query, relevance is the order the article cites them.
		sort.SliceStable(rows, func(i, j int) bool { return firstCited(rows[i].src) < firstCited(rows[j].src) })
	} else {
		for _, m := range lib.Search(q) {
			if s.kind != "" && m.Source.Kind != s.kind {
				continue
			}
			r := sourceRow{src: m.Source, score: m.Score}
			for _, fm := range m.Fields {
				r.hits[fm.Field] = fm.Indexes
			}
			rows = append(rows, r)
		}
	}
	sortRows(rows, s.sortBy)
	s.rows = rows

	total := len(lib.Sources)
	switch {
	case len(rows) == 0 && q != "":
		s.count.SetText(fmt.Sprintf("No source matches “%s”", q))
	case len(rows) == total:
		s.count.SetText(fmt.Sprintf("%d sources, %d citations", total, len(lib.Citations)))
	default:
		s.count.SetText(fmt.Sprintf("%d of %d sources", len(rows), total))
	}
	for _, b := range s.exports {
		if len(rows) == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	s.list.Refresh()
	s.selecting = true
	if i := s.rowOf(s.selected); i >= 0 {
		s.list.Select(i)
	} else {
		s.list.UnselectAll()
	}
	s.selecting = false
	if len(rows) > 0 && q != "" {
		s.list.ScrollToTop()
	}
}

func firstCited(src *cite.Source) int {
	if len(src.CitedIn) == 0 {
		return 1 << 30
	}
	return src.CitedIn[0].Footnote
}

// sortRows orders rows, which come in relevance order; ties keep it.
func sortRows(rows []sourceRow, by string) {
	var less func(a, b *cite.Source) bool
	switch by {
	case sortAuthor:
		less = func(a, b *cite.Source) bool { return a.SortName() < b.SortName() }
	case sortYear:
		// newest first; undated works last
		less = func(a, b *cite.Source) bool {
			if (a.Year == "") != (b.Year == "") {
				return b.Year == ""
			}
			return a.Year > b.Year
		}
	case sortCited:
		less = func(a, b *cite.Source) bool { return len(a.CitedIn) > len(b.CitedIn) }
	default:
		return
	}
	sort.SliceStable(rows, func(i, j int) bool { return less(rows[i].src, rows[j].src) })
}

func (s *sourcesScreen) rowOf(id string) int {
	if id == "" {
		return -1
	}
	for i, r := range s.rows {
		if r.src.ID == id {
			return i
		}
	}
	return -1
}

func (s *sourcesScreen) onListSelected(i widget.ListItemID) {
	if s.selecting || i < 0 || i >= len(s.rows) {
		return
	}
	s.showSource(s.rows[i].src.ID)
}

// move selects the next (d > 0), previous (d < 0) or, with d == 0, the
// current or first listed source.
func (s *sourcesScreen) move(d int) {
	if len(s.rows) == 0 {
		return
	}
	i := s.rowOf(s.selected)
	switch {
	case i < 0:
		i = 0
	default:
		i = max(0, min(len(s.rows)-1, i+d))
	}
	s.list.Select(i)
	s.list.ScrollTo(i)
}

// onKey and onRune are the screen's keys when no entry has the focus.
func (s *sourcesScreen) onKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		s.move(1)
	case fyne.KeyUp:
		s.move(-1)
	case fyne.KeyEscape:
		s.u.win.Canvas().Focus(s.search)
	default:
		return false
	}
	return true
}

func (s *sourcesScreen) onRune(r rune) bool {
	if r == '/' {
		s.u.win.Canvas().Focus(s.search)
		return true
	}
	return false
}

// Select shows the source with this ID, clearing the search and the kind
// filter when they hide it.
func (s *sourcesScreen) Select(id string) {
	s.load()
	if _, ok := s.library().Source(id); !ok {
		return
	}
	if s.rowOf(id) < 0 {
		s.selecting = true
		s.kindSel.SetSelectedIndex(0)
		s.kind = ""
		s.selecting = false
		s.search.SetText("")
		s.refresh()
	}
	s.showSource(id)
	if i := s.rowOf(id); i >= 0 {
		s.selecting = true
		s.list.Select(i)
		s.selecting = false
		s.list.ScrollTo(i)
	}
}

// showSource fills the detail pane with a source's full reference, its
// fields, and every footnote that cites it.
func (s *sourcesScreen) showSource(id string) {
	lib := s.library()
	src, ok := lib.Source(id)
	if !ok {
		return
	}
	s.selected = id
	kind := widget.NewLabel(strings.ToUpper(kindName(src.Kind)))
	kind.SizeName = theme.SizeNameCaptionText
	kind.TextStyle.Bold = true
	kind.Importance = widget.HighImportance

	before, title, after := src.ReferenceParts()
	ref := widget.NewRichText(
		&widget.TextSegment{Text: before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: title, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}},
		&widget.TextSegment{Text: after, Style: widget.RichTextStyleInline},
	)
	ref.Wrapping = fyne.TextWrapWord

	s.copyB = widget.NewButtonWithIcon("Copy reference", theme.ContentCopyIcon(), s.onCopyTapped)
	objs := []fyne.CanvasObject{kind, ref, container.NewHBox(s.copyB), sourceFields(src)}

	objs = append(objs, widget.NewSeparator(), heading(citedInTitle(src)))
	cites := s.citationsOf(src)
	for k, p := range src.CitedIn {
		text := ""
		if k < len(cites) {
			text = cites[k].Text
		}
		objs = append(objs, s.placeRow(p.Footnote, placeSummary(p), text))
	}
	// Short forms that could point here but were not settled: shown, not
	// counted.
	var maybe []fyne.CanvasObject
	for _, c := range lib.Citations {
		if c.Source != "" || !contains(c.Candidates, id) {
			continue
		}
		maybe = append(maybe, s.placeRow(c.Footnote, "ambiguous short form · "+c.Note, c.Text))
	}
	if len(maybe) > 0 {
		objs = append(objs, widget.NewSeparator(), heading("Possibly cited (ambiguous short forms, not counted)"))
		objs = append(objs, maybe...)
	}
	s.setDetail(objs)
}

// citationsOf returns the citations of src in the order of src.CitedIn.
func (s *sourcesScreen) citationsOf(src *cite.Source) []cite.Citation {
	var out []cite.Citation
	lib := s.library()
	last := 0
	for _, p := range src.CitedIn {
		if p.Footnote == last {
			continue
		}
		last = p.Footnote
		for _, c := range lib.CitationsIn(p.Footnote) {
			if c.Source == src.ID {
				out = append(out, c)
			}
		}
	}
	return out
}

func (s *sourcesScreen) setDetail(objs []fyne.CanvasObject) {
	s.detail.Content = container.NewVBox(objs...)
	s.detail.Offset = fyne.Position{}
	s.detail.Refresh()
}

func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func citedInTitle(src *cite.Source) string {
	notes := map[int]bool{}
	for _, p := range src.CitedIn {
		notes[p.Footnote] = true
	}
	times := "once"
	if n := len(src.CitedIn); n > 1 {
		times = fmt.Sprintf("%d times", n)
	}
	fns := "1 footnote"
	if len(notes) > 1 {
		fns = fmt.Sprintf("%d footnotes", len(notes))
	}
	return "Cited " + times + " in " + fns
}

func formName(f cite.Form) string {
	switch f {
	case cite.FormShort:
		return "short form"
	case cite.FormIbid:
		return "Ibid."
	}
	return "full reference"
}

func placeSummary(p cite.Place) string {
	s := formName(p.Form)
	if p.Pinpoint != "" {
		s += " · " + p.Pinpoint
	}
	return s
}

// placeRow is one citing footnote: a button that opens it in the reader,
// what kind of citation it is, and what the footnote says.
func (s *sourcesScreen) placeRow(n int, summary, text string) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(fmt.Sprintf("Footnote %d", n), theme.NavigateNextIcon(), func() { s.onCitationTapped(n) })
	b.Alignment = widget.ButtonAlignLeading
	b.IconPlacement = widget.ButtonIconTrailingText
	info := widget.NewLabel(summary)
	info.TextStyle.Bold = true
	info.Wrapping = fyne.TextWrapWord
	info.SizeName = theme.SizeNameCaptionText
	quote := widget.NewLabel(text)
	quote.Wrapping = fyne.TextWrapWord
	quote.Truncation = fyne.TextTruncateOff
	right := container.NewVBox(info)
	if text != "" {
		right.Add(quote)
	}
	return container.NewBorder(nil, nil, container.NewVBox(b), nil, right)
}

// sourceFields lists what the citation says about the work, field by field.
func sourceFields(src *cite.Source) fyne.CanvasObject {
	form := widget.NewForm()
	add := func(name, value string) {
		if value == "" {
			return
		}
		l := widget.NewLabel(value)
		l.Wrapping = fyne.TextWrapWord
		form.Append(name, l)
	}
	add("Authors", strings.Join(src.Authors, "; "))
	add("Editors", strings.Join(src.Editors, "; "))
	add("Title", src.Title)
	add("In", src.Container)
	add("Place", src.Place)
	if src.Date != "" {
		add("Date", src.Date)
	} else {
		add("Year", src.Year)
	}
	add("Volume", src.Volume)
	add("Pages", src.Pages)
	add("UN symbol", src.Symbol)
	add("Site", src.URL)
	add("Short title", src.Short)
	add("Citation key", src.Key)
	return form
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// onCitationTapped opens footnote n where it is in the text.
func (s *sourcesScreen) onCitationTapped(n int) {
	s.u.openFootnote(n)
}

func (s *sourcesScreen) onCopyTapped() {
	src, ok := s.library().Source(s.selected)
	if !ok {
		return
	}
	s.u.app.Clipboard().SetContent(src.Reference())
	s.copyB.SetText("Copied")
	s.copyB.SetIcon(theme.ConfirmIcon())
}

func (s *sourcesScreen) onChartTapped(a cite.AuthorCount) {
	s.search.SetText(a.Name)
}

// showOverview is the detail pane before a source is chosen.
func (s *sourcesScreen) showOverview() {
	lib := s.library()
	short, ibid := 0, 0
	for _, c := range lib.Citations {
		switch c.Form {
		case cite.FormShort:
			short++
		case cite.FormIbid:
			ibid++
		}
	}
	text := widget.NewLabel(fmt.Sprintf("The footnotes cite %d works %d times: %d full references, %d short forms (“cit.”, short titles, cross references) and %d Ibid., each resolved to the work it points at.\n\nChoose a source to see its full reference and every footnote that cites it; each opens in the reader.",
		len(lib.Sources), len(lib.Citations), len(lib.Citations)-short-ibid, short, ibid))
	text.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{heading("Sources"), text}
	if len(lib.Problems) > 0 {
		objs = append(objs, widget.NewSeparator())
		objs = append(objs, s.problemRows()...)
	}
	s.setDetail(objs)
}

func (s *sourcesScreen) onIssuesTapped() {
	s.selected = ""
	s.selecting = true
	s.list.UnselectAll()
	s.selecting = false
	s.setDetail(append([]fyne.CanvasObject{heading("Short forms not resolved")}, s.problemRows()...))
}

// problemRows show the short forms the resolver would not guess, with the
// works they could point at.
func (s *sourcesScreen) problemRows() []fyne.CanvasObject {
	lib := s.library()
	var objs []fyne.CanvasObject
	for _, p := range lib.Problems {
		what := "Ambiguous"
		if p.Kind == cite.ProblemUnresolved {
			what = "Unresolved"
		}
		objs = append(objs, s.placeRow(p.Footnote, what+": "+p.Message, p.Text))
		if len(p.Candidates) > 0 {
			l := widget.NewLabel("It could mean any of these works; Glossa does not guess:")
			l.TextStyle.Italic = true
			l.Wrapping = fyne.TextWrapWord
			objs = append(objs, l)
		}
		for _, id := range p.Candidates {
			src, ok := lib.Source(id)
			if !ok {
				continue
			}
			id := id
			b := widget.NewButton(shortRef(src, 56), func() { s.Select(id) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			objs = append(objs, b)
		}
	}
	return objs
}

// shortRef is "AUTHOR, Title (year)", cut to n characters: buttons do not
// truncate, and a long one would widen the window.
func shortRef(src *cite.Source, n int) string {
	s := src.Title
	if a := src.AuthorLine(); a != "" {
		s = a + ", " + s
	}
	if src.Year != "" {
		s += " (" + src.Year + ")"
	}
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return s
}

// onExportTapped saves the listed sources in a format, through the save
// dialog.
func (s *sourcesScreen) onExportTapped(format string) {
	s.load()
	rows := s.rows
	if len(rows) == 0 {
		dialog.ShowInformation("Nothing to export", "No source is listed. Clear the search or choose “All kinds”, then export again.", s.u.win)
		return
	}
	sources := make([]cite.Source, len(rows))
	for i, r := range rows {
		sources[i] = *r.src
	}
	name, ext := exportFormatName(format)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showExportError(name, "", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		s.exportTo(w, format, sources)
	}, s.u.win)
	d.SetFileName("glossa-sources" + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if sz := s.u.win.Canvas().Size(); sz.Width > 0 {
		d.Resize(fyne.NewSize(fyne.Min(900, sz.Width*0.9), fyne.Min(640, sz.Height*0.9)))
	}
	d.Show()
}

func exportFormatName(format string) (name, ext string) {
	switch format {
	case cite.FormatRIS:
		return "RIS", ".ris"
	case cite.FormatCSLJSON:
		return "CSL-JSON", ".json"
	}
	return "BibTeX", ".bib"
}

// exportTo writes sources to w and closes it; it tells what happened in
// a dialog and reports whether the file was written.
func (s *sourcesScreen) exportTo(w fyne.URIWriteCloser, format string, sources []cite.Source) bool {
	name, _ := exportFormatName(format)
	err := cite.Export(w, format, sources)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	where := w.URI().Path()
	if err != nil {
		s.showExportError(name, where, err)
		return false
	}
	n := "1 source"
	if len(sources) != 1 {
		n = fmt.Sprintf("%d sources", len(sources))
	}
	dialog.ShowInformation("Sources exported", fmt.Sprintf("Saved %s as %s to\n%s", n, name, where), s.u.win)
	return true
}

func (s *sourcesScreen) showExportError(name, where string, err error) {
	msg := "The " + name + " file could not be saved"
	if where != "" {
		msg += " to\n" + where
	}
	msg += ".\n\nReason: " + err.Error() + "\n\nNothing in Glossa was changed. Choose another folder (one you can write to, with free space) and export again."
	dialog.ShowInformation("Export failed", msg, s.u.win)
}

// resolvedFor is what the reader's popover adds under footnote n: for
// each short form and Ibid., the full reference it resolves to, and the
// short forms that could not be settled, said as such.
func (s *sourcesScreen) resolvedFor(n int) []string {
	lines, _ := s.resolved(n)
	return lines
}

// resolved is resolvedFor with the ID of the source each line opens ("" for
// none).
func (s *sourcesScreen) resolved(n int) (lines, ids []string) {
	lib := s.library()
	for _, c := range lib.CitationsIn(n) {
		switch {
		case c.Form == cite.FormFull:
			continue
		case c.Source != "":
			src, ok := lib.Source(c.Source)
			if !ok {
				continue
			}
			lines = append(lines, "→ "+shortLabel(c)+src.Reference())
			ids = append(ids, src.ID)
		default:
			lines = append(lines, "→ “"+strings.TrimSpace(c.Text)+"” is ambiguous, not guessed: "+c.Note)
			ids = append(ids, "")
		}
	}
	return lines, ids
}

// shortLabel names a short form in the popover when the reference alone
// would not show which it is: "Ibid." and short titles ("2016 Joint
// Declaration = …"); "AUTHOR, Title, cit." already reads as its reference.
func shortLabel(c cite.Citation) string {
	if c.Form == cite.FormIbid {
		return "Ibid. = "
	}
	t := strings.TrimSpace(c.Text)
	if strings.Contains(t, "cit.") {
		return ""
	}
	if i := strings.IndexAny(t, ",("); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	if utf8.RuneCountInString(t) > 60 {
		t = string([]rune(t)[:59]) + "…"
	}
	return t + " = "
}

// resolvedBlocks are resolvedFor's lines as blocks of the popover's flow,
// each a link to its source; they also set up the popover's Sources
// button for footnote n.
func (s *sourcesScreen) resolvedBlocks(n int) []block {
	lines, ids := s.resolved(n)
	s.popNote, s.popTargets = n, ids
	if s.popButton != nil {
		if len(s.library().CitationsIn(n)) > 0 {
			s.popButton.Show()
		} else {
			s.popButton.Hide()
		}
	}
	var bs []block
	for i, l := range lines {
		p := piece{text: l, kind: runAction, target: i, tone: toneLink}
		if ids[i] == "" {
			p = piece{text: l, style: article.Italic, tone: toneMuted}
		}
		bs = append(bs, block{kind: blockNote, pieces: []piece{p}, scale: 0.9, gap: 0.5, para: -1, section: -1})
	}
	return bs
}

// onResolvedTapped opens the source of the popover's resolved line i.
func (s *sourcesScreen) onResolvedTapped(i int) {
	if i < 0 || i >= len(s.popTargets) || s.popTargets[i] == "" {
		return
	}
	s.u.openSource(s.popTargets[i])
}

// popoverButton is the popover's "Sources" button: it opens the first
// work the footnote shown cites (a resolved short form first).
func (s *sourcesScreen) popoverButton() *widget.Button {
	s.popButton = widget.NewButtonWithIcon("Sources", theme.StorageIcon(), func() {
		for i, id := range s.popTargets {
			if id != "" {
				s.onResolvedTapped(i)
				return
			}
		}
		if cs := s.library().CitationsIn(s.popNote); len(cs) > 0 && cs[0].Source != "" {
			s.u.openSource(cs[0].Source)
		}
	})
	return s.popButton
}

// newSourceRowView is a list row: authors and year, title, then kind,
// container and the number of citations, in one RichText so the three
// lines sit close together.
func newSourceRowView() fyne.CanvasObject {
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapOff
	rt.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: "Authors", Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Title", Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Kind", Style: widget.RichTextStyleParagraph},
	}
	return rt
}

var (
	styleHit   = fyne.TextStyle{Bold: true}
	rowPlain   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground}
	rowMuted   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	rowHitName = theme.ColorNamePrimary
)

// highlightSegments splits text into runs of matched and unmatched
// characters; matched ones are bold in the primary colour.
func highlightSegments(text string, hits []int, base widget.RichTextStyle) []widget.RichTextSegment {
	if len(hits) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: base}}
	}
	hit := base
	hit.ColorName = rowHitName
	hit.TextStyle.Bold = styleHit.Bold || base.TextStyle.Bold
	var out []widget.RichTextSegment
	k, start, inHit := 0, 0, false
	flush := func(end int) {
		if end > start {
			st := base
			if inHit {
				st = hit
			}
			out = append(out, &widget.TextSegment{Text: text[start:end], Style: st})
		}
		start = end
	}
	for off := range text {
		isHit := k < len(hits) && hits[k] == off
		if isHit {
			k++
		}
		if isHit != inHit {
			flush(off)
			inHit = isHit
		}
	}
	flush(len(text))
	return out
}

// endLine makes the last segment of a line end its paragraph.
func endLine(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if n := len(segs); n > 0 {
		if t, ok := segs[n-1].(*widget.TextSegment); ok {
			t.Style.Inline = false
		}
	}
	return segs
}

func setSourceRowView(rt *widget.RichText, r sourceRow, width float32) {
	src := r.src
	var segs []widget.RichTextSegment
	authorStyle := rowPlain
	authorStyle.TextStyle.Bold = true
	if a := src.AuthorLine(); a != "" {
		segs = append(segs, highlightSegments(a, r.hits[cite.FieldAuthors], authorStyle)...)
		if len(src.Authors) == 0 {
			segs = append(segs, &widget.TextSegment{Text: " (eds.)", Style: rowPlain})
		}
	} else {
		segs = append(segs, &widget.TextSegment{Text: "No author", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
	}
	if src.Year != "" {
		segs = append(segs, &widget.TextSegment{Text: "  ·  ", Style: rowPlain})
		segs = append(segs, highlightSegments(src.Year, r.hits[cite.FieldYear], rowPlain)...)
	}
	segs = endLine(fitLine(segs, width))

	titleStyle := rowPlain
	titleStyle.TextStyle.Italic = true
	title := src.Title
	if title == "" {
		title = "(untitled)"
	}
	segs = append(segs, endLine(fitLine(highlightSegments(title, r.hits[cite.FieldTitle], titleStyle), width))...)

	var meta []widget.RichTextSegment
	times := "cited once"
	if n := len(src.CitedIn); n > 1 {
		times = fmt.Sprintf("cited %d×", n)
	}
	meta = append(meta, &widget.TextSegment{Text: kindName(src.Kind) + " · " + times, Style: rowMuted})
	if src.Short != "" {
		meta = append(meta, &widget.TextSegment{Text: " · “" + src.Short + "”", Style: rowMuted})
	}
	if src.Container != "" {
		meta = append(meta, &widget.TextSegment{Text: " · in ", Style: rowMuted})
		meta = append(meta, highlightSegments(src.Container, r.hits[cite.FieldContainer], rowMuted)...)
	}
	segs = append(segs, endLine(fitLine(meta, width))...)
	rt.Segments = segs
	rt.Refresh()
}

// rowTextWidth is the width a list row's text may take: the list less the
// row's padding, the scroll bar and a margin for kerning, which cached
// advances do not see.
func (s *sourcesScreen) rowTextWidth() float32 {
	w := s.list.Size().Width
	if w <= 0 {
		return 1 << 20 // not laid out yet: bound again when it is
	}
	return w - 2*theme.InnerPadding() - 2*theme.Padding() - theme.ScrollBarSize()
}

// fitLine cuts a line of segments to width, ending it with an ellipsis.
// RichText's own truncation shapes the text again on every refresh (about
// a millisecond a row); cached rune advances make cutting nearly free.
func fitLine(segs []widget.RichTextSegment, width float32) []widget.RichTextSegment {
	type seg struct {
		t  *widget.TextSegment
		m  *measurer
		st article.Style
	}
	parts := make([]seg, 0, len(segs))
	var total float32
	for _, sg := range segs {
		t, ok := sg.(*widget.TextSegment)
		if !ok {
			continue
		}
		size := theme.TextSize()
		if t.Style.SizeName != "" {
			size = theme.Size(t.Style.SizeName)
		}
		var st article.Style
		if t.Style.TextStyle.Bold {
			st |= article.Bold
		}
		if t.Style.TextStyle.Italic {
			st |= article.Italic
		}
		p := seg{t, sharedMeasurers.At(size), st}
		total += p.m.Width(t.Text, st)
		parts = append(parts, p)
	}
	if total <= width {
		return segs
	}
	var out []widget.RichTextSegment
	var x float32
	for _, p := range parts {
		ell := p.m.Advance('…', p.st)
		for off, r := range p.t.Text {
			if x+p.m.Advance(r, p.st)+ell > width {
				cut := *p.t
				cut.Text = strings.TrimRight(p.t.Text[:off], " ·") + "…"
				return append(out, &cut)
			}
			x += p.m.Advance(r, p.st)
		}
		out = append(out, p.t)
	}
	return out
}

// widthWatch lays out its child like a stack and calls onChange when the
// width changes.
type widthWatch struct {
	w        float32
	onChange func()
}

func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
	if size.Width != l.w {
		l.w = size.Width
		if l.onChange != nil {
			l.onChange()
		}
	}
}
