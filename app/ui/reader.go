package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
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
	svc *services
	nav navigation
	ctl windowControls // theme, zoom and screens: the window's commands
	// noteService is the Notes screen's side of notes made in the reader
	noteService readerNoteService
	doc         *article.Document

	blocks []block
	idx    *articleIndex

	view    *flowView
	content fyne.CanvasObject

	readerContents  // the contents panel (reader_contents.go)
	footnotePanel   // the footnote panel (reader_footnotes.go)
	footnotePopover // a footnote at its marker (reader_popover.go)
	readerToolbar
	readerNotes // the selection and the note beside the text (reader_highlights.go)

	side   *fyne.Container // right column: search, footnotes or a note
	search *searchPanel    // reader_search.go

	zoom float32
	readingSaved
}

// readingSaved is the reading position: applied once the text has a
// width, and saved as the student reads.
type readingSaved struct {
	ready     bool   // the saved or linked position has been applied
	pending   func() // what to do once the text has a width
	savedPara int
	savedAt   time.Time
}

// readerToolbar is the row above the text.
type readerToolbar struct {
	toolbarRow    *fyne.Container // the buttons and title, wrapped by toolbarFlow
	sectionLabel  *widget.Label
	zoomLabel     *widget.Label
	backButton    *widget.Button
	forwardButton *widget.Button
	themeSelect   *widget.Select
	notesButton   *widget.Button
}

func newReader(svc *services, nav navigation, ctl windowControls, zoom float32) *Reader {
	r := &Reader{svc: svc, nav: nav, ctl: ctl, doc: svc.doc, zoom: zoom}
	r.savedPara = -1
	r.section = -1
	pre := takePrelaid(svc.doc, baseTextSize*r.zoom)
	if pre != nil {
		r.blocks, r.idx = pre.blocks, pre.idx
		pre.adopt() // before the contents measure their titles
	} else {
		r.blocks, r.idx = articleBlocks(svc.doc)
	}

	r.view = newFlowView(r.blocks, baseTextSize*r.zoom)
	r.view.measure = readerMeasure
	r.view.margin = readerMargin
	r.view.pre = pre
	r.view.onTap = r.onTextTapped
	r.view.onScrolled = r.onReaderScrolled
	r.view.onLaidOut = r.onViewLaidOut
	r.view.notScrolled = true
	scroll := r.view.inScroll()

	r.buildContents()
	r.buildNotes()
	r.search = newSearchPanel(r)
	r.side = container.NewStack(r.notesBox, r.search.box, r.initNotes())
	r.search.box.Hide()

	r.buildToolbar()
	r.contentsWanted = true
	if v, ok := svc.setting(keyFootnotes); ok && v == "1" {
		r.notesShown = true
	}
	if v, ok := svc.setting(keyContents); ok && v == "0" {
		r.contentsWanted = false
		r.contentsBox.Hide()
	}
	// the side is chosen before the reader has content to refresh: a
	// refresh reaches hidden panels too and lays them out (the note
	// editor's italic quote alone cost Fyne a system font lookup)
	r.updateSide()
	body := container.New(&readerColumns{r: r}, r.contentsBox, scroll, r.side)
	r.content = container.New(&readerFrame{flow: r.toolbarRow.Layout.(*toolbarFlow)}, r.toolbarRow, widget.NewSeparator(), body)
	return r
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
			if id, ok := r.svc.setting(keyPosition); ok {
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

// followPopover puts an open popover back beside its marker once the
// whole window has been laid out: a resize that moves the text without
// changing its width (the toolbar wrapping onto fewer rows, the window
// growing taller) does not lay the text out again, so onViewLaidOut does
// not see it, and onViewLaidOut itself may run before the screens around
// the text have moved.
func (r *Reader) followPopover() {
	if r.pop != nil && r.pop.Visible() {
		r.placePopover()
	}
	r.placeContents()
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
	r.noteService.flushAll()
	if !r.ready {
		return
	}
	p := r.Position()
	r.savedPara, r.savedAt = p, time.Now()
	if p < len(r.doc.Paragraphs) {
		r.svc.setSetting(keyPosition, r.doc.Paragraphs[p].ID)
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

func (r *Reader) onThemeChanged() {
	if r.themeSelect != nil {
		want := strings.ToUpper(r.ctl.themeName()[:1]) + r.ctl.themeName()[1:]
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

func (r *Reader) scrollBy(dy float32) {
	r.view.notScrolled = false
	r.view.scrollTo(r.view.offset() + dy)
}

func (r *Reader) pageStep() float32 {
	return r.view.viewport() - r.view.size*lineSpacing*2
}

func (r *Reader) home() { r.view.scrollTo(0) }
func (r *Reader) end()  { r.view.scrollTo(r.view.lay.total) }

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
	r.ctl.Show("Reader")
	r.closePopover()
	r.search.show()
}
