package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/store"
)

// searchLimit is how many results a query shows.
const searchLimit = 60

// searchPanel is the Ctrl+F panel: a query, the store's full-text hits
// with the matched words marked, and the choice of one.
type searchPanel struct {
	r        *Reader
	box      *fyne.Container
	entry    *searchEntry
	status   *widget.Label
	results  *flowView
	hits     []store.Hit
	selected int
	open     bool
	paraByID map[string]int
	// everywhere searches every article of the library, not just the one
	// read; titles names the articles of the hits from the others
	everywhere *widget.Check
	titles     map[string]string
}

// keySearchEverywhere remembers whether search spans the library.
const keySearchEverywhere = "search.everywhere"

func newSearchPanel(r *Reader) *searchPanel {
	s := &searchPanel{r: r, selected: -1, paraByID: map[string]int{}}
	for i, p := range r.doc.Paragraphs {
		s.paraByID[p.ID] = i
	}
	s.entry = newSearchEntry()
	s.entry.SetPlaceHolder("Search the article and footnotes")
	s.entry.OnChanged = func(string) { s.run() }
	s.entry.OnSubmitted = func(string) {
		if s.selected < 0 && len(s.hits) > 0 {
			s.selected = 0
		}
		s.choose(s.selected)
	}
	s.entry.onEscape = func() {
		if !r.closePopover() {
			s.close()
		}
	}
	s.entry.onMove = s.move
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.everywhere = widget.NewCheck("Search every article in the library", s.onEverywhereChanged)
	if v, ok := r.svc.setting(keySearchEverywhere); ok && v == "1" {
		s.everywhere.Checked = true
	}
	s.results = newFlowView(nil, panelTextSize*r.zoom)
	s.results.margin = 8
	s.results.onTap = func(bi int, p *piece, at fyne.Position) { s.choose(s.blockHit(bi)) }
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), s.close)
	closeB.Importance = widget.LowImportance
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, closeB, s.entry),
		s.everywhere,
		s.status,
	)
	s.box = container.New(&fixedWidth{w: 380}, container.NewBorder(head, nil, widget.NewSeparator(), nil, s.results.inScroll()))
	return s
}

// blockHit maps a results block to its hit index.
func (s *searchPanel) blockHit(bi int) int { return bi }

func (s *searchPanel) show() {
	s.open = true
	s.r.updateSide()
	s.r.svc.win.Canvas().Focus(s.entry)
	if s.entry.Text != "" {
		s.entry.SelectAll()
	}
}

func (s *searchPanel) close() {
	if !s.open {
		return
	}
	s.open = false
	s.r.updateSide()
	s.r.svc.win.Canvas().Unfocus()
}

// Search runs a query as if typed into the search field.
func (s *searchPanel) run() {
	q := strings.TrimSpace(s.entry.Text)
	s.hits, s.selected = nil, -1
	switch {
	case q == "":
		s.status.SetText("")
	default:
		scope := ""
		if s.everywhere.Checked {
			scope = store.AllArticles
			s.loadTitles()
		}
		hits, capped, err := s.r.svc.st.SearchCapped(q, scope, searchLimit)
		if err != nil {
			s.status.SetText("Cannot search for that: " + err.Error())
			break
		}
		s.hits = hits
		switch {
		case len(hits) == 0:
			s.status.SetText("No results.")
		case len(hits) == 1:
			s.status.SetText("1 result. Enter or click to go there, Esc to close.")
		case len(hits) == searchLimit && capped:
			// two lines at most, as the others: the keys are said once fewer
			// words match
			s.status.SetText(fmt.Sprintf("%d results, the best of the first %d matches: add a word to narrow the search.", len(hits), store.RankCap))
		default:
			more := ""
			if len(hits) == searchLimit {
				more = " (the first)"
			}
			s.status.SetText(fmt.Sprintf("%d results%s. ↑↓ Enter or click to go there, Esc to close.", len(hits), more))
		}
	}
	bs := make([]block, len(s.hits))
	here := s.r.svc.st.Current()
	for i, h := range s.hits {
		in := ""
		if h.Article != "" && h.Article != here {
			in = s.titles[h.Article]
		}
		bs[i] = resultBlock(s.r.doc, h, i, in)
	}
	s.results.setBlocks(bs)
}

// resultBlock is one hit: where it is (in, when the hit is in another
// article: its title), then the snippet with the matched words bold.
func resultBlock(doc *article.Document, h store.Hit, i int, in string) block {
	where := h.Kind
	switch h.Kind {
	case "paragraph":
		where = "Text"
		if h.Section != "" {
			where = "§ " + h.Section
		}
	case "footnote":
		where = "Footnote " + h.ID
	case "note":
		where = "Your note"
	}
	if in != "" {
		where = in + " · " + where
	}
	ps := []piece{{text: where + "  ", style: article.Bold, tone: toneMuted, kind: runAction, target: i}}
	for j, part := range strings.Split(h.Snippet, "**") {
		if part == "" {
			continue
		}
		p := piece{text: part}
		if j%2 == 1 {
			p.tone, p.style = toneHit, article.Bold // measured bold too
		}
		ps = append(ps, p)
	}
	return block{kind: blockResult, pieces: ps, gap: 0.6, para: -1, section: -1}
}

func (s *searchPanel) move(d int) {
	if len(s.hits) == 0 {
		return
	}
	i := s.selected + d
	if i < 0 {
		i = 0
	}
	if i >= len(s.hits) {
		i = len(s.hits) - 1
	}
	s.selected = i
	s.results.highlight = i
	lb := s.results.lay.blocks
	if i < len(lb) {
		top, off := lb[i].y, s.results.offset()
		if top < off || top+lb[i].h > off+s.results.viewport() {
			s.results.scrollToBlock(i)
		}
	}
	s.results.Refresh()
}

// choose goes to hit i: the paragraph highlighted, or the footnote opened
// at its marker.
func (s *searchPanel) choose(i int) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	s.selected = i
	s.results.highlight = i
	s.results.Refresh()
	h := s.hits[i]
	r := s.r
	if h.Article != "" && h.Article != r.svc.st.Current() {
		r.nav.openHit(h, s.entry.Text)
		return
	}
	switch h.Kind {
	case "paragraph":
		pi, ok := s.paraByID[h.ID]
		if !ok {
			s.status.SetText("That paragraph is no longer in the article.")
			return
		}
		r.closePopover()
		r.pushBack()
		bi := r.idx.paraBlock[pi]
		r.view.scrollToBlock(bi)
		r.view.highlight = bi
		r.view.Refresh()
	case "footnote":
		n, err := strconv.Atoi(h.ID)
		if err != nil {
			return
		}
		r.pushBack()
		r.goToFootnote(n)
		if bi, ok := r.idx.markerBlock[n]; ok {
			r.view.highlight = bi
			r.view.Refresh()
		}
	default:
		s.status.SetText("Notes open in the Notes screen, which is coming in a later version.")
	}
}

func (s *searchPanel) onEverywhereChanged(on bool) {
	v := "0"
	if on {
		v = "1"
	}
	s.r.svc.setSetting(keySearchEverywhere, v)
	s.run()
}

// loadTitles reads the titles of the library's articles once, for the
// hits from other articles to name theirs.
func (s *searchPanel) loadTitles() {
	if s.titles != nil {
		return
	}
	s.titles = map[string]string{}
	infos, err := s.r.svc.st.Library()
	if err != nil {
		return // the hits go unnamed; they still open
	}
	for _, a := range infos {
		s.titles[a.ID] = quoted(shelfTitle(a))
	}
}

// searchEntry is an Entry that also closes the search on Esc and moves
// through the results with the arrow keys.
type searchEntry struct {
	widget.Entry
	onEscape func()
	onMove   func(int)
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *searchEntry) SelectAll() {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
		return
	case fyne.KeyDown:
		if e.onMove != nil {
			e.onMove(1)
		}
		return
	case fyne.KeyUp:
		if e.onMove != nil {
			e.onMove(-1)
		}
		return
	}
	e.Entry.TypedKey(ev)
}
