package ui

import (
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
)

// footnotePanel is the column of footnotes that follows the reading.
type footnotePanel struct {
	notes      *flowView
	notesBox   *fyne.Container
	noteBlock  map[int]int // footnote N -> block in the panel
	noteLinks  panelLinks  // the panel's cross references, linked once the citations are read
	noteOrder  []noteAt    // footnotes by the paragraph they belong to
	notesShown bool
}

type noteAt struct{ para, n int }

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

func (r *Reader) footnote(n int) *article.Footnote { return footnoteNumbered(r.doc, n) }

// footnoteNumbered is footnote n of doc, nil when it has none.
func footnoteNumbered(doc *article.Document, n int) *article.Footnote {
	i := sort.Search(len(doc.Footnotes), func(i int) bool { return doc.Footnotes[i].N >= n })
	if i < len(doc.Footnotes) && doc.Footnotes[i].N == n {
		return &doc.Footnotes[i]
	}
	return nil
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
		r.svc.setSetting(keyFootnotes, "1")
	} else {
		r.svc.setSetting(keyFootnotes, "0")
	}
	if r.notesShown {
		r.linkNotes()
	}
	r.updateSide()
	if r.notesShown {
		r.followNotes()
	}
}

// panelLinks links the footnote panel's cross references once: they need
// the citations, which the sources screen reads after the first paint.
type panelLinks struct{ once sync.Once }

// linkNotesWhenCited links the panel as soon as the citations are read
// when it is on screen from the start; otherwise showing it does
// (toggleFootnotes), so that reading them never delays the first paint.
func (r *Reader) linkNotesWhenCited() {
	if !r.notesShown {
		return
	}
	go func(svc *services) {
		svc.library()
		fyne.Do(r.linkNotes)
	}(r.svc)
}

// linkNotes gives the panel the cross-reference links the citations
// settle, keeping its scroll position and highlight. It waits for the
// citations: it runs when the panel is shown, or once they are read.
func (r *Reader) linkNotes() {
	r.noteLinks.once.Do(func() {
		bs, _ := footnoteBlocks(r.doc, r.svc.library())
		same := len(bs) == len(r.notes.blocks)
		for i := 0; same && i < len(bs); i++ {
			same = len(bs[i].pieces) == len(r.notes.blocks[i].pieces)
		}
		if same {
			return // a link splits its text into more pieces: none gained one
		}
		hl := r.notes.highlight
		var off fyne.Position
		if r.notes.scroll != nil {
			off = r.notes.scroll.Offset
		}
		r.notes.setBlocks(bs)
		r.notes.highlight = hl
		if r.notes.scroll != nil {
			r.notes.scroll.Offset = off
			r.notes.scroll.Refresh()
		}
		r.notes.Refresh()
	})
}
