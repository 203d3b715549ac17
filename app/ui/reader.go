package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// baseTextSize is the reading text size at 100 %: a little larger than
// Fyne's 14 for long reading and projectors.
const baseTextSize = 16

// panelTextSize is the text size of the footnote panel and the search
// results at 100 %.
const panelTextSize = 14

// Reader is the reading screen: title block, contents, the text with its
// footnote markers, the footnote panel and search.
type Reader struct {
	u   *UI
	nav navigation
	doc *article.Document

	blocks []block
	idx    *articleIndex

	view    *flowView
	content fyne.CanvasObject

	contents    *widget.List
	contentsBox *fyne.Container
	// contentsWanted is the student's choice; a window too narrow for the
	// text beside both panels hides the contents while the side panel is open
	contentsWanted bool
	section        int // section at the top of the viewport, -1 before the first
	syncContents   bool

	notes      *flowView
	notesBox   *fyne.Container
	noteBlock  map[int]int // footnote N -> block in the panel
	noteLinks  panelLinks  // the panel's cross references, linked once the citations are read
	noteOrder  []noteAt    // footnotes by the paragraph they belong to
	notesShown bool

	side   *fyne.Container // right column: search, footnotes or a note
	search *searchPanel

	noteEd  *noteEditor // the note open beside the text (notes_reader.go)
	noteBox fyne.CanvasObject
	bar     *widget.PopUp // what to do with the selection
	shift   bool          // Shift is held: arrows select

	pop        *widget.PopUp
	popView    *flowView
	popTitle   *widget.Label
	popBack    *widget.Button
	popScroll  *container.Scroll
	popNote    int
	popAnchor  fyne.Position // where the popover points, in view coordinates
	popMarker  int           // the footnote whose marker it points at; 0 for elsewhere
	popHistory []int

	sectionLabel *widget.Label
	zoomLabel    *widget.Label
	backButton   *widget.Button
	themeSelect  *widget.Select
	notesButton  *widget.Button

	zoom          float32
	hist          *history
	forwardButton *widget.Button
	// popJumped: the popover was opened by a jump (a source's footnote),
	// so Back walks the history instead of only closing it
	popJumped bool

	ready     bool   // the saved or linked position has been applied
	pending   func() // what to do once the text has a width
	savedPara int
	savedAt   time.Time
}

type noteAt struct{ para, n int }

func newReader(u *UI) *Reader {
	r := &Reader{u: u, nav: u, hist: u.hist, doc: u.doc, section: -1, savedPara: -1, zoom: u.zoom}
	r.blocks, r.idx = articleBlocks(u.doc)

	r.view = newFlowView(r.blocks, baseTextSize*r.zoom)
	r.view.measure = 72
	r.view.margin = 28
	r.view.onTap = r.onTextTapped
	r.view.onScrolled = r.onReaderScrolled
	r.view.onLaidOut = r.onViewLaidOut
	scroll := r.view.inScroll()

	r.buildContents()
	r.buildNotes()
	r.search = newSearchPanel(r)
	r.side = container.NewStack(r.notesBox, r.search.box, r.initNotes())
	r.search.box.Hide()

	toolbar := r.buildToolbar()
	r.contentsWanted = true
	body := container.New(&readerColumns{r: r}, r.contentsBox, scroll, r.side)
	r.content = container.NewBorder(toolbar, nil, nil, nil, body)

	if v, ok := u.setting(keyFootnotes); ok && v == "1" {
		r.notesShown = true
	}
	if v, ok := u.setting(keyContents); ok && v == "0" {
		r.contentsWanted = false
		r.contentsBox.Hide()
	}
	r.updateSide()
	return r
}

func (r *Reader) buildToolbar() fyne.CanvasObject {
	icon := func(res fyne.Resource, tip string, f func()) *widget.Button {
		b := widget.NewButtonWithIcon("", res, f)
		b.Importance = widget.LowImportance
		return b
	}
	toggleContents := icon(theme.MenuIcon(), "Contents", r.toggleContents)
	r.backButton = icon(theme.NavigateBackIcon(), "Back", r.back)
	r.backButton.Disable()
	r.forwardButton = icon(theme.NavigateNextIcon(), "Forward", r.forward)
	r.forwardButton.Disable()
	r.sectionLabel = widget.NewLabel("")
	r.sectionLabel.Truncation = fyne.TextTruncateEllipsis
	r.sectionLabel.TextStyle.Bold = true
	find := icon(theme.SearchIcon(), "Find", r.onSearchOpen)
	r.zoomLabel = widget.NewLabel("")
	r.zoomLabel.Alignment = fyne.TextAlignCenter
	r.updateZoomLabel()
	zoomOut := icon(theme.ZoomOutIcon(), "Zoom out", r.zoomOut)
	zoomIn := icon(theme.ZoomInIcon(), "Zoom in", r.zoomIn)
	r.themeSelect = widget.NewSelect([]string{"System", "Light", "Dark"}, func(s string) {
		if name := strings.ToLower(s); name != r.u.theme {
			r.u.SetTheme(name)
		}
	})
	r.themeSelect.SetSelected(strings.ToUpper(r.u.theme[:1]) + r.u.theme[1:])
	r.notesButton = widget.NewButtonWithIcon("Footnotes", theme.ListIcon(), r.toggleFootnotes)
	r.notesButton.Importance = widget.LowImportance
	right := container.NewHBox(find, zoomOut, r.zoomLabel, zoomIn, r.themeSelect, r.notesButton)
	left := container.NewHBox(toggleContents, r.backButton, r.forwardButton)
	return container.NewVBox(container.NewBorder(nil, nil, left, right, r.sectionLabel), widget.NewSeparator())
}

// measureContents sets the contents' row heights. Whole titles, wrapped:
// they are what a student scans the contents for, and an ellipsis hid most
// of them. The rows are few, so their heights are measured for the panel's
// fixed width with the one line breaker, again at each zoom step; laying
// out labels to learn their height cost 25 MB and 50 ms at start.
func (r *Reader) measureContents() {
	one, two := widget.NewLabel("M").MinSize().Height, widget.NewLabel("M\nM").MinSize().Height
	m := sharedMeasurers.At(theme.TextSize())
	for i, s := range r.doc.Sections {
		avail := contentsWidth - contentsIndent(s) - 2*theme.Padding() - 2*theme.InnerPadding()
		n := flowtext.Lines(m, contentsTitle(s), avail)
		r.contents.SetItemHeight(i, one+float32(n-1)*(two-one))
	}
}

func contentsTitle(s article.Section) string { return strings.TrimSpace(s.Number + " " + s.Title) }

func (r *Reader) buildContents() {
	secs := r.doc.Sections
	text := contentsTitle
	r.contents = widget.NewList(
		func() int { return len(secs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			indent := canvas.NewRectangle(color.Transparent)
			return container.NewBorder(nil, nil, indent, nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			l, indent := row.Objects[0].(*widget.Label), row.Objects[1].(*canvas.Rectangle)
			indent.SetMinSize(fyne.NewSize(contentsIndent(secs[i]), 0))
			l.SetText(text(secs[i]))
		})
	r.measureContents()
	r.contents.OnSelected = func(i widget.ListItemID) {
		if r.syncContents {
			return
		}
		r.goToSection(i, true)
		// a tapped List takes the focus; the keys belong to the reading
		r.u.win.Canvas().Unfocus()
	}
	title := widget.NewLabelWithStyle("Contents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.contentsBox = container.New(&fixedWidth{w: contentsWidth}, container.NewBorder(title, nil, nil, widget.NewSeparator(), r.contents))
}

// sectionNumbered is the index of the section numbered number ("3.3" or
// "3.3."), -1 when there is none.
func sectionNumbered(doc *article.Document, number string) int {
	want := strings.TrimSuffix(number, ".")
	for i, s := range doc.Sections {
		if strings.TrimSuffix(s.Number, ".") == want {
			return i
		}
	}
	return -1
}

// contentsWidth is the width of the contents panel.
const contentsWidth = 290

func contentsIndent(s article.Section) float32 {
	if s.Level > 1 {
		return 14
	}
	return 0
}

func (r *Reader) buildNotes() {
	var bs []block
	bs, r.noteBlock = footnoteBlocks(r.doc, nil) // linked when shown (linkNotes)
	r.notes = newFlowView(bs, panelTextSize*r.zoom)
	r.notes.margin = 10
	r.notes.onTap = r.onNotesTapped
	scroll := r.notes.inScroll()
	for n, p := range r.idx.noteParaIdx {
		r.noteOrder = append(r.noteOrder, noteAt{p, n})
	}
	sort.Slice(r.noteOrder, func(i, j int) bool {
		a, b := r.noteOrder[i], r.noteOrder[j]
		return a.para < b.para || a.para == b.para && a.n < b.n
	})
	title := widget.NewLabelWithStyle("Footnotes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.notesBox = container.New(&fixedWidth{w: 380}, container.NewBorder(title, nil, widget.NewSeparator(), nil, scroll))
}

// open applies the deep link or the remembered position once the text
// has been laid out.
func (r *Reader) open(opts Options) {
	r.refreshMarks()
	r.linkNotesWhenCited()
	r.pending = func() {
		switch {
		case opts.Footnote > 0:
			r.goToFootnote(opts.Footnote)
		case opts.Section != "":
			r.goToSection(sectionNumbered(r.doc, opts.Section), false)
		default:
			if id, ok := r.u.setting(keyPosition); ok {
				if p, ok := r.search.paraByID[id]; ok {
					r.view.scrollToBlock(r.idx.paraBlock[p])
				}
			}
		}
		r.ready = true
		r.savedPara = r.Position()
		r.onReaderScrolled()
	}
	if r.view.lay.blocks != nil {
		r.onFirstLayout()
	}
}

// onViewLaidOut runs after the text is laid out for a new width (the
// first layout, a resize, a zoom step). An open popover moves with its
// marker, so that it never points at the wrong words or runs off the
// window, as it did when a deep link opened it before the window had its
// final size.
func (r *Reader) onViewLaidOut() {
	r.onFirstLayout()
	if r.pop == nil || !r.pop.Visible() {
		return
	}
	if r.popMarker > 0 {
		pos, ok := r.markerPos(r.popMarker)
		if ok && (pos.Y < r.view.offset() || pos.Y > r.view.offset()+r.view.viewport()) {
			// the reflow pushed the marker out of sight: bring it back
			r.view.scrollTo(pos.Y - r.view.viewport()/3)
			pos, ok = r.markerPos(r.popMarker)
		}
		if ok {
			r.popAnchor = pos
		}
	}
	r.placePopover()
}

func (r *Reader) onFirstLayout() {
	if p := r.pending; p != nil {
		r.pending = nil
		p()
	}
}

// Position is the index of the paragraph at the top of the viewport.
func (r *Reader) Position() int {
	bi := r.view.topBlock()
	if bi < 0 {
		return 0
	}
	return r.idx.blockPara[bi]
}

func (r *Reader) savePosition() {
	// called on window close and quit: typed note text goes to disk first
	r.u.notes.flushAll()
	if !r.ready {
		return
	}
	p := r.Position()
	r.savedPara, r.savedAt = p, time.Now()
	if p < len(r.doc.Paragraphs) {
		r.u.setSetting(keyPosition, r.doc.Paragraphs[p].ID)
	}
}

// onReaderScrolled follows the reading position: contents, section title,
// footnote panel, and (at most every two seconds) the saved position.
func (r *Reader) onReaderScrolled() {
	bi := r.view.topBlock()
	if bi < 0 {
		return
	}
	sec := -1
	for i, b := range r.idx.sectionBlock {
		if b <= bi {
			sec = i
		}
	}
	if sec != r.section {
		r.section = sec
		r.syncContents = true
		if sec >= 0 {
			r.contents.Select(sec)
			s := r.doc.Sections[sec]
			r.sectionLabel.SetText(strings.TrimSpace(s.Number + " " + s.Title))
		} else {
			r.contents.UnselectAll()
			r.sectionLabel.SetText(r.doc.Title)
		}
		r.syncContents = false
	}
	if r.notesShown {
		r.followNotes()
	}
	if r.ready {
		if p := r.Position(); p != r.savedPara && time.Since(r.savedAt) > 2*time.Second {
			r.savePosition()
		}
	}
}

// followNotes scrolls the footnote panel to the first footnote of the
// text in view.
func (r *Reader) followNotes() {
	para := r.Position()
	i := sort.Search(len(r.noteOrder), func(i int) bool { return r.noteOrder[i].para >= para })
	if i >= len(r.noteOrder) {
		return
	}
	n := r.noteOrder[i].n
	if bi, ok := r.noteBlock[n]; ok && r.notes.lay.blocks != nil {
		r.notes.highlight = bi
		r.notes.scrollToBlock(bi)
	}
}

// pushBack records where the student is before a jump within the reader.
func (r *Reader) pushBack() { r.hist.record() }

// back returns to where the student was before the last jump; a footnote
// opened by a tap is closed first, as it was never a jump.
func (r *Reader) back() {
	if !r.popJumped && r.closePopover() {
		return
	}
	r.hist.goBack()
}

func (r *Reader) forward() { r.hist.goForward() }

// here is the reading place: the block at the top, the marked block and
// the footnote open at its marker.
func (r *Reader) here() place {
	bi, frac := r.view.anchor()
	p := place{block: bi, frac: frac, mark: r.view.highlight}
	if r.pop != nil && r.pop.Visible() && r.popMarker > 0 {
		p.footnote = r.popMarker
	}
	return p
}

// restore goes back to a reading place exactly: the same block at the
// same offset, and the footnote open at its marker if one was.
func (r *Reader) restore(p place) {
	r.closePopover()
	r.view.highlight = p.mark
	r.view.restore(p.block, p.frac)
	r.view.Refresh()
	if p.footnote > 0 {
		if pos, ok := r.markerPos(p.footnote); ok {
			r.showFootnote(p.footnote, pos)
			r.popJumped = true
		}
	}
}

func (r *Reader) goToSection(i int, push bool) {
	if i < 0 || i >= len(r.idx.sectionBlock) {
		return
	}
	if push {
		r.pushBack()
	}
	r.view.highlight = -1
	r.view.scrollToBlock(r.idx.sectionBlock[i])
	r.view.Refresh()
}

// GoToParagraph scrolls to the paragraph with this ID and marks it, as a
// search hit is shown, so that Back returns to where the student was. It
// reports false when the article has no such paragraph.
func (r *Reader) GoToParagraph(id string) bool { return r.nav.openParagraph(id) }

// showParagraph scrolls to the paragraph with this ID and marks it.
func (r *Reader) showParagraph(id string) bool {
	pi, ok := r.search.paraByID[id]
	if !ok {
		return false
	}
	r.closePopover()
	bi := r.idx.paraBlock[pi]
	r.view.scrollToBlock(bi)
	r.view.highlight = bi
	r.view.Refresh()
	return true
}

// goToFootnote scrolls to footnote n's marker (or its lost-marker notice)
// and opens the footnote there.
func (r *Reader) goToFootnote(n int) {
	bi, ok := r.idx.markerBlock[n]
	if !ok {
		return
	}
	r.view.scrollToBlock(bi)
	r.view.highlight = -1
	r.view.Refresh()
	pos, ok := r.markerPos(n)
	if !ok {
		return
	}
	r.showFootnote(n, pos)
}

// markerPos is where footnote n's marker is drawn, in view coordinates.
func (r *Reader) markerPos(n int) (fyne.Position, bool) {
	bi, ok := r.idx.markerBlock[n]
	if !ok {
		return fyne.Position{}, false
	}
	return r.view.runAt(bi, func(p *piece) bool { return p.kind == runMarker && p.target == n })
}

func (r *Reader) onTextTapped(bi int, p *piece, at fyne.Position) {
	if p.kind == runMarker {
		r.showFootnote(p.target, at)
	}
}

func (r *Reader) onNotesTapped(bi int, p *piece, at fyne.Position) {
	switch {
	case p.kind == runLink && r.notes.blocks[bi].note == p.target:
		// the footnote's own number: go to its marker in the text
		if mb, ok := r.idx.markerBlock[p.target]; ok {
			r.pushBack()
			r.view.scrollToBlock(mb)
			r.view.highlight = mb
			r.view.Refresh()
		}
	case p.kind == runLink:
		if nb, ok := r.noteBlock[p.target]; ok {
			r.notes.highlight = nb
			r.notes.scrollToBlock(nb)
			r.notes.Refresh()
		}
	}
}

func (r *Reader) footnote(n int) *article.Footnote {
	i := sort.Search(len(r.doc.Footnotes), func(i int) bool { return r.doc.Footnotes[i].N >= n })
	if i < len(r.doc.Footnotes) && r.doc.Footnotes[i].N == n {
		return &r.doc.Footnotes[i]
	}
	return nil
}

// showFootnote opens footnote n in a popover below at (view coordinates).
func (r *Reader) showFootnote(n int, at fyne.Position) {
	fn := r.footnote(n)
	if fn == nil {
		return
	}
	if r.pop == nil {
		r.buildPopover()
	}
	r.popHistory = r.popHistory[:0]
	r.popJumped = false
	r.setPopNote(fn)
	r.popAnchor, r.popMarker = at, 0
	if pos, ok := r.markerPos(n); ok && pos == at {
		r.popMarker = n
	}
	r.placePopover()
}

// placePopover shows the popover below its anchor, or above it when the
// window has no room below, always inside the window.
func (r *Reader) placePopover() {
	c := r.u.win.Canvas()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(r.popAnchor)
	size := r.pop.Content.MinSize()
	cs := c.Size()
	x := abs.X - 40
	if x+size.Width > cs.Width-8 {
		x = cs.Width - 8 - size.Width
	}
	if x < 8 {
		x = 8
	}
	y := abs.Y + 4
	if y+size.Height > cs.Height-8 {
		y = abs.Y - r.view.size*lineSpacing - size.Height - 4
	}
	if y < 8 {
		y = 8
	}
	r.pop.ShowAtPosition(fyne.NewPos(x, y))
}

func (r *Reader) buildPopover() {
	r.popView = newFlowView(nil, 15)
	r.popView.fixedW = 500
	r.popView.margin = 4
	r.popView.onTap = func(bi int, p *piece, at fyne.Position) {
		if p.kind == runAction { // a resolved short form: open its source
			r.u.sources.onResolvedTapped(p.target)
			return
		}
		if p.kind != runLink {
			return
		}
		if fn := r.footnote(p.target); fn != nil {
			r.popHistory = append(r.popHistory, r.popNote)
			r.setPopNote(fn)
		}
	}
	r.popTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.popBack = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), r.popoverBack)
	inPanel := widget.NewButton("In panel", func() {
		n := r.popNote
		r.closePopover()
		r.showNotesAt(n)
	})
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { r.closePopover() })
	noteB := widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { r.noteOnFootnote(r.popNote) })
	r.popScroll = container.NewVScroll(r.popView)
	head := container.NewBorder(nil, nil, r.popBack, container.NewHBox(r.u.sources.popoverButton(), noteB, inPanel, closeB), r.popTitle)
	body := container.New(&maxHeight{h: 320}, r.popScroll)
	r.pop = widget.NewPopUp(container.NewBorder(head, nil, nil, nil, body), r.u.win.Canvas())
}

func (r *Reader) setPopNote(fn *article.Footnote) {
	r.popNote = fn.N
	title := fmt.Sprintf("Footnote %d", fn.N)
	if fn.Paragraph == "" {
		title += " · marker lost in conversion"
	}
	r.popTitle.SetText(title)
	if len(r.popHistory) > 0 {
		r.popBack.Show()
	} else {
		r.popBack.Hide()
	}
	r.popView.size = 15 * r.zoomForPanels()
	blocks := []block{{kind: blockFootnote, note: fn.N, pieces: footnoteText(r.doc, fn, r.u.sources.library()), para: -1, section: -1}}
	// short forms and Ibid. with the full reference they resolve to
	blocks = append(blocks, r.u.sources.resolvedBlocks(fn.N)...)
	r.popView.setBlocks(blocks)
	r.popScroll.Offset = fyne.Position{}
	r.popScroll.Refresh()
	if r.pop.Visible() {
		r.pop.Resize(r.pop.Content.MinSize())
	}
}

// zoomForPanels scales popovers with the text, but less: they must fit.
func (r *Reader) zoomForPanels() float32 {
	if r.zoom > 1.5 {
		return 1.5
	}
	return r.zoom
}

func (r *Reader) popoverBack() {
	n := len(r.popHistory)
	if n == 0 {
		return
	}
	prev := r.popHistory[n-1]
	r.popHistory = r.popHistory[:n-1]
	if fn := r.footnote(prev); fn != nil {
		r.setPopNote(fn)
	}
}

// FootnoteShown is the footnote open in the popover, 0 if none.
func (r *Reader) FootnoteShown() int {
	if r.pop == nil || !r.pop.Visible() {
		return 0
	}
	return r.popNote
}

// closePopover hides the footnote popover; it reports whether one was open.
func (r *Reader) closePopover() bool {
	if r.pop == nil || !r.pop.Visible() {
		return false
	}
	r.pop.Hide()
	return true
}

func (r *Reader) showNotesAt(n int) {
	if !r.notesShown {
		r.toggleFootnotes()
	}
	if bi, ok := r.noteBlock[n]; ok {
		r.notes.highlight = bi
		r.notes.scrollToBlock(bi)
		r.notes.Refresh()
	}
}

func (r *Reader) toggleFootnotes() {
	r.notesShown = !r.notesShown
	if r.notesShown {
		r.u.setSetting(keyFootnotes, "1")
	} else {
		r.u.setSetting(keyFootnotes, "0")
	}
	if r.notesShown {
		r.linkNotes()
	}
	r.updateSide()
	if r.notesShown {
		r.followNotes()
	}
}

func (r *Reader) toggleContents() {
	r.contentsWanted = !r.contentsWanted
	if r.contentsWanted {
		r.contentsBox.Show()
		r.u.setSetting(keyContents, "1")
	} else {
		r.contentsBox.Hide()
		r.u.setSetting(keyContents, "0")
	}
	r.content.Refresh()
}

// updateSide shows search, the footnote panel or nothing on the right.
func (r *Reader) updateSide() {
	r.noteBox.Hide()
	switch {
	case r.noteEd.open && !r.search.open:
		r.notesBox.Hide()
		r.search.box.Hide()
		r.noteBox.Show()
		r.side.Show()
	case r.search.open:
		r.notesBox.Hide()
		r.search.box.Show()
		r.side.Show()
	case r.notesShown:
		r.search.box.Hide()
		r.notesBox.Show()
		r.side.Show()
	default:
		r.notesBox.Hide()
		r.search.box.Hide()
		r.side.Hide()
	}
	if r.notesButton != nil {
		if r.notesShown {
			r.notesButton.Importance = widget.HighImportance
		} else {
			r.notesButton.Importance = widget.LowImportance
		}
		r.notesButton.Refresh()
	}
	if r.content != nil {
		r.content.Refresh()
	}
}

// onZoom follows the window's zoom: the reading text, the footnote
// panel, the search results and the contents' measured rows.
func (r *Reader) onZoom(z float32) {
	r.zoom = z
	r.closePopover() // it points at where the marker was
	r.view.setSize(baseTextSize * z)
	r.notes.setSize(panelTextSize * z)
	r.search.results.setSize(panelTextSize * z)
	r.measureContents()
	r.updateZoomLabel()
}

// Zoom is the window's scale (1 is 100 %).
func (r *Reader) Zoom() float32 { return r.zoom }

func (r *Reader) updateZoomLabel() {
	if r.zoomLabel != nil {
		r.zoomLabel.SetText(fmt.Sprintf("%d%%", int(r.zoom*100+0.5)))
	}
}

func (r *Reader) zoomIn()    { r.u.zoomIn() }
func (r *Reader) zoomOut()   { r.u.zoomOut() }
func (r *Reader) zoomReset() { r.u.setZoom(1) }

func (r *Reader) onThemeChanged() {
	if r.themeSelect != nil {
		want := strings.ToUpper(r.u.theme[:1]) + r.u.theme[1:]
		if r.themeSelect.Selected != want {
			r.themeSelect.SetSelected(want)
		}
	}
	r.view.Refresh()
	r.notes.Refresh()
	if r.popView != nil {
		r.popView.Refresh()
	}
	r.search.results.Refresh()
}

func (r *Reader) lineStep() float32 { return r.view.size * lineSpacing * 2 }

func (r *Reader) scrollBy(dy float32) { r.view.scrollTo(r.view.offset() + dy) }

func (r *Reader) pageStep() float32 {
	return r.view.viewport() - r.view.size*lineSpacing*2
}

func (r *Reader) home() { r.view.scrollTo(0) }
func (r *Reader) end()  { r.view.scrollTo(r.view.lay.total) }

func (r *Reader) nextSection() {
	for i, b := range r.idx.sectionBlock {
		if r.view.blockTop(b)-r.view.size > r.view.offset()+1 {
			r.goToSection(i, false)
			return
		}
	}
}

func (r *Reader) prevSection() {
	for i := len(r.idx.sectionBlock) - 1; i >= 0; i-- {
		if r.view.blockTop(r.idx.sectionBlock[i])-r.view.size < r.view.offset()-1 {
			r.goToSection(i, false)
			return
		}
	}
	r.home()
}

// onKey is keyboard reading, when no entry has the focus.
func (r *Reader) onKey(ev *fyne.KeyEvent) {
	if r.onSelectionKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if r.closePopover() {
			return
		}
		if r.search.open {
			r.search.close()
		}
	case fyne.KeyDown:
		r.scrollBy(r.lineStep())
	case fyne.KeyUp:
		r.scrollBy(-r.lineStep())
	case fyne.KeyPageDown, fyne.KeySpace:
		r.scrollBy(r.pageStep())
	case fyne.KeyPageUp:
		r.scrollBy(-r.pageStep())
	case fyne.KeyHome:
		r.home()
	case fyne.KeyEnd:
		r.end()
	case fyne.KeyBackspace:
		r.back()
	}
}

func (r *Reader) onRune(c rune) {
	if r.onSelectionRune(c) {
		return
	}
	switch c {
	case 'n':
		r.nextSection()
	case 'p':
		r.prevSection()
	case 'f':
		r.toggleFootnotes()
	case '/':
		r.onSearchOpen()
	}
}

func (r *Reader) onSearchOpen() {
	r.u.tabs.SelectIndex(0)
	r.closePopover()
	r.search.show()
}

// readerColumns lays out the contents, the text and the side panel side
// by side. When the window leaves the text less than minTextWidth beside
// both panels (a 1024 px projector with the footnote panel open), the
// contents step aside until there is room again.
type readerColumns struct{ r *Reader }

const minTextWidth = 480

func (l *readerColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			w += m.Width
			h = fyne.Max(h, m.Height)
		}
	}
	return fyne.NewSize(w, h)
}

func (l *readerColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	contents, text, side := objs[0], objs[1], objs[2]
	sideW := float32(0)
	if side.Visible() {
		sideW = side.MinSize().Width
	}
	fits := size.Width-sideW-contents.MinSize().Width >= minTextWidth
	if l.r.contentsWanted && fits != contents.Visible() {
		if fits {
			contents.Show()
		} else {
			contents.Hide()
		}
	}
	x := float32(0)
	if contents.Visible() {
		w := contents.MinSize().Width
		contents.Move(fyne.Position{})
		contents.Resize(fyne.NewSize(w, size.Height))
		x = w
	}
	tw := size.Width - x - sideW
	text.Move(fyne.NewPos(x, 0))
	text.Resize(fyne.NewSize(tw, size.Height))
	if side.Visible() {
		side.Move(fyne.NewPos(x+tw, 0))
		side.Resize(fyne.NewSize(sideW, size.Height))
	}
}

// fixedWidth gives its single child a fixed width.
type fixedWidth struct{ w float32 }

func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = fyne.Max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.w, h)
}

func (l *fixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(s)
	}
}

// maxHeight sizes its child to its minimum height, but at most h.
type maxHeight struct{ h float32 }

func (l *maxHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		if sc, ok := o.(*container.Scroll); ok {
			m = sc.Content.MinSize()
		}
		s = s.Max(fyne.NewSize(m.Width, fyne.Min(m.Height, l.h)))
	}
	return s
}

func (l *maxHeight) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	layout.NewStackLayout().Layout(objs, s)
}
