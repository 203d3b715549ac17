package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// The reader's column: at most readerMeasure average characters of body
// text, with readerMargin on each side.
const (
	readerMeasure = 72
	readerMargin  = 28
)

// prelaidFlow is the reader's layout of an article at 100 %, made by
// WarmText on a goroutine of its own while main opens the store and
// builds the window. Laying the whole article out (some 150,000 runes
// broken into lines) took the main goroutine 45-60 ms before the first
// frame. It is made at the column's full measure, the width the column
// has in every window wide enough for it (the default 1000 px is): the
// reader takes it when its first layout comes at that width, and lays
// the text out itself when it does not (a narrow window, another zoom).
type prelaidFlow struct {
	doc    *article.Document
	size   float32
	blocks []block
	idx    *articleIndex
	// ready is closed once the fields below are set
	ready chan struct{}
	ms    flowtext.Measurers // what the layout measured, for sharedMeasurers
	colW  float32
	lay   flowLayout
	kept  int           // advances the layout found kept from a start before
	saved chan struct{} // closed once what was measured anew is kept
}

// prelaid is what WarmText made, until the reader takes it.
var prelaid *prelaidFlow

// WarmText makes the reader's blocks for doc and, on a goroutine of its
// own, loads the shipped faces the reader draws in and lays the blocks out at the reader's full measure at 100 %
// (prelaid). Call it on the UI goroutine once doc is parsed.
func WarmText(doc *article.Document) {
	p := &prelaidFlow{doc: doc, size: baseTextSize, ready: make(chan struct{}), saved: make(chan struct{})}
	p.blocks, p.idx = articleBlocks(doc)
	prelaid = p
	go func() {
		var keep []byte
		defer func() {
			close(p.ready)
			if keep != nil {
				saveAdvances(keep)
			}
			close(p.saved)
		}()
		defer startup.Span("reader layout")()
		// the UI goroutine asking for a face meanwhile waits for it
		for _, st := range []fyne.TextStyle{{}, {Italic: true}, {Bold: true}, {Bold: true, Italic: true}} {
			inkFont(st)
		}
		// measurers of its own: sharedMeasurers belong to the UI
		// goroutine, which adopts these once they are ready
		ms := flowtext.Measurers{}
		p.kept = restoreAdvances(ms)
		p.colW = measureWidth(ms, p.size, readerMeasure)
		p.lay = layoutFlow(ms, p.blocks, p.size, p.colW)
		// and the runes of the contents' titles at the widgets' text
		// size at 100 % (measureContents breaks them)
		m := ms.At(theme.DefaultTheme().Size(theme.SizeNameText))
		for _, s := range doc.Sections {
			m.Width(contentsTitle(s), 0)
		}
		if ms.Count() > p.kept {
			keep = encodeAdvances(ms)
		}
		p.ms = ms
	}()
}

// takePrelaid hands the reader what WarmText made for doc at size, once.
func takePrelaid(doc *article.Document, size float32) *prelaidFlow {
	p := prelaid
	if p == nil || p.doc != doc || p.size != size {
		return nil
	}
	prelaid = nil
	return p
}

// adopt waits for the layout and gives its measures to sharedMeasurers,
// which then measure as it did, the sizes they do not have yet. UI
// goroutine; again and again, if need be.
func (p *prelaidFlow) adopt() {
	<-p.ready
	for size, m := range p.ms {
		if _, ok := sharedMeasurers[size]; !ok {
			sharedMeasurers[size] = m
		}
	}
}

// fits says whether the prelaid layout is f's at column width colW.
func (p *prelaidFlow) fits(f *flowView, colW float32) bool {
	return p.size == f.size && colW == p.colW && len(p.blocks) == len(f.blocks) &&
		(len(p.blocks) == 0 || &p.blocks[0] == &f.blocks[0])
}
