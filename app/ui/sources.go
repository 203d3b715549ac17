package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	{cite.KindResolution, "UN resolution"},
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
	hits  [cite.FieldCount][]int // byte offsets per cite.Field
}

// sourcesScreen is the Sources screen: every work the footnotes cite,
// fuzzy-searchable, with its full reference and every footnote that cites
// it; and the links from the reader's footnotes to it.
type sourcesScreen struct {
	svc     *services
	nav     navigation
	content fyne.CanvasObject

	loaded bool
	sourcesFinder

	detail    *container.Scroll
	chart     *citedChart
	chartBox  *fyne.Container
	copyB     *widget.Button
	sortBy    string
	kind      cite.Kind
	rows      []sourceRow
	selected  string // ID of the source in the detail pane
	selecting bool   // the list's selection is being set by code
}

// sourcesFinder is the search, the filters and the list of the left pane.
type sourcesFinder struct {
	search  *searchEntry
	kindSel *widget.Select
	sortSel *widget.Select
	kinds   []cite.Kind // kind of each kindSel option; "" for all
	count   *widget.Label
	issues  *widget.Button // ambiguous and unresolved short forms
	list    *widget.List
	exports []*widget.Button
}

func newSourcesScreen(svc *services, nav navigation) *sourcesScreen {
	s := &sourcesScreen{svc: svc, nav: nav, sortBy: sortRelevance}
	s.build()
	return s
}

// library is the citation library, waited for if still being extracted.
func (s *sourcesScreen) library() *cite.Library { return s.svc.library() }

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
	s.search.SetPlaceHolder("Search authors, titles, journals, years, UN symbols, courts")
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
	if s.svc.win.Canvas().Focused() == nil {
		s.svc.win.Canvas().Focus(s.search)
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
	if v, ok := s.svc.setting(keySourcesKind); ok {
		for i, k := range s.kinds {
			if string(k) == v {
				kindIdx = i
			}
		}
	}
	s.kind = s.kinds[kindIdx]
	s.selecting = true
	s.kindSel.SetSelectedIndex(kindIdx)
	if v, ok := s.svc.setting(keySourcesSort); ok {
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
	s.svc.win.Canvas().Unfocus()
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
	s.svc.setSetting(keySourcesKind, string(s.kind))
	s.refresh()
}

func (s *sourcesScreen) onSortChanged(v string) {
	if v == s.sortBy || s.selecting {
		return
	}
	s.sortBy = v
	s.svc.setSetting(keySourcesSort, v)
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
		s.svc.win.Canvas().Focus(s.search)
	default:
		return false
	}
	return true
}

func (s *sourcesScreen) onRune(r rune) bool {
	if r == '/' {
		s.svc.win.Canvas().Focus(s.search)
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
