package ui

import "github.com/glossa-app/glossa/store"

// place is where the student was: a screen and the spot on it, enough to
// come back exactly, as a browser's history entry is.
type place struct {
	screen string
	// the reader: the block at the top and how far into it, the marked
	// block (-1 for none) and the footnote whose popover was open at its
	// marker (0 for none)
	block    int
	frac     float32
	mark     int
	footnote int
	// Sources: the source shown; Notes: the note selected
	id string
}

// placeKeeper is a screen that can say where it is and go back there.
type placeKeeper interface {
	here() place
	restore(p place)
}

// historyLimit keeps a long session's history small; nobody goes back
// two hundred jumps.
const historyLimit = 200

// history is the one record of jumps between places, across screens:
// Back and Forward walk it as a browser's do.
type history struct {
	back, forward []place
	here          func() place         // where the student is now
	goTo          func(place)          // show a place recorded before
	changed       func(back, fwd bool) // enable the toolbar arrows
}

// record remembers where the student is before a jump; a new jump
// forgets what Back had walked past.
func (h *history) record() {
	h.back = append(h.back, h.here())
	if len(h.back) > historyLimit {
		h.back = h.back[len(h.back)-historyLimit:]
	}
	h.forward = h.forward[:0]
	h.notify()
}

func (h *history) goBack() bool    { return h.step(&h.back, &h.forward) }
func (h *history) goForward() bool { return h.step(&h.forward, &h.back) }

// step leaves the place shown for the other stack and shows the newest
// place of from.
func (h *history) step(from, to *[]place) bool {
	n := len(*from)
	if n == 0 {
		return false
	}
	p := (*from)[n-1]
	*from = (*from)[:n-1]
	*to = append(*to, h.here())
	h.goTo(p)
	h.notify()
	return true
}

func (h *history) notify() {
	if h.changed != nil {
		h.changed(len(h.back) > 0, len(h.forward) > 0)
	}
}

// navigation is the one way screens move the student to another place:
// every move is recorded for Back and Forward. Screens get it instead of
// each other.
type navigation interface {
	openParagraph(id string) bool
	openFootnote(n int)
	openSource(id string)
	openNote(n store.Note)
	cardFromPassage(paraID, quote string)
	// openHit opens a search hit in another article of the library
	openHit(h store.Hit, query string)
	show(screen string) // a screen as it is, recorded like any move
	record()            // remember the place shown before a jump within a screen
	historyBack() bool  // the place before, whatever is open; false when there is none
	back()
	forward()
}

// windowControls are the window's own commands a screen's toolbar offers:
// the theme, the zoom, which screen is shown.
type windowControls interface {
	themeName() string
	SetTheme(name string)
	zoomIn()
	zoomOut()
	setZoom(z float32)
	Show(screen string)
}

// readerNoteService is what the reader asks of the notes it does not keep
// itself: the note on a footnote, the list to reload after a new note,
// the typed text to write before the window closes, and how to report a
// failed write.
type readerNoteService interface {
	noteFor(kind, id string, then func(store.Note))
	reload()
	flushAll()
	showError(what string, err error)
}

func (u *UI) themeName() string { return u.theme }

// here is the place shown now.
func (u *UI) here() place {
	s := u.current()
	p := place{mark: -1}
	if s.places != nil {
		p = s.places.here()
	}
	p.screen = s.name
	return p
}

// goTo shows a place recorded before.
func (u *UI) goTo(p place) {
	if p.screen != "Reader" {
		u.reader.closePopover()
	}
	u.Show(p.screen)
	for _, s := range u.screens {
		if s.name == p.screen && s.places != nil {
			s.places.restore(p)
		}
	}
}

func (u *UI) back() {
	if u.current().name == "Reader" {
		u.reader.back()
		return
	}
	u.hist.goBack()
}

func (u *UI) forward() { u.hist.goForward() }

func (u *UI) record()           { u.hist.record() }
func (u *UI) historyBack() bool { return u.hist.goBack() }

// openParagraph shows the paragraph with this ID in the reader, marked.
func (u *UI) openParagraph(id string) bool {
	if _, ok := u.reader.search.paraByID[id]; !ok {
		return false
	}
	u.hist.record()
	u.Show("Reader")
	return u.reader.showParagraph(id)
}

// openFootnote shows footnote n at its marker in the reader, open.
func (u *UI) openFootnote(n int) {
	u.hist.record()
	u.Show("Reader")
	u.reader.goToFootnote(n)
	u.reader.popJumped = true
}

// openSource shows the source with this ID on the Sources screen.
func (u *UI) openSource(id string) {
	u.hist.record()
	u.reader.closePopover()
	u.Show("Sources")
	u.sources.Select(id)
}

// openNote shows note n's passage or footnote in the reader with the
// note open beside it.
func (u *UI) openNote(n store.Note) {
	u.hist.record()
	u.Show("Reader")
	u.reader.showNote(n)
}

func (u *UI) show(screen string) {
	u.hist.record()
	u.Show(screen)
}

func (u *UI) cardFromPassage(paraID, quote string) {
	u.ensureCards().newCardFromPassage(paraID, quote)
}

// onHistoryChanged enables the arrows that have somewhere to go.
func (u *UI) onHistoryChanged(back, fwd bool) {
	r := u.reader
	r.backButton.Disable()
	if back {
		r.backButton.Enable()
	}
	r.forwardButton.Disable()
	if fwd {
		r.forwardButton.Enable()
	}
}

// pushBack records where the student is before a jump within the reader.
func (r *Reader) pushBack() { r.nav.record() }

// back returns to where the student was before the last jump; a footnote
// opened by a tap is closed first, as it was never a jump.
func (r *Reader) back() {
	if !r.popJumped && r.closePopover() {
		return
	}
	if !r.nav.historyBack() {
		r.closePopover() // nowhere to go back to: at least close the footnote
	}
}

func (r *Reader) forward() { r.nav.forward() }

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
