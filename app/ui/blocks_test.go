package ui

import (
	"testing"
)

// TestLostFootnotesInNumberingOrder: in the reader's blocks, a footnote
// whose marker was lost is read in its numbering order among the markers
// around it: its notice comes after the block holding the previous
// footnote's marker and before the one holding the next. The one case the
// blocks cannot order is a paragraph holding markers on both sides of it
// (39 and 40 between 38 and 41 in one paragraph): then the notice follows
// that paragraph.
func TestLostFootnotesInNumberingOrder(t *testing.T) {
	doc := realDoc(t)
	bs, idx := articleBlocks(doc)
	type at struct{ block, piece int }
	pos := map[int]at{}
	for bi, b := range bs {
		for pi, p := range b.pieces {
			if p.kind != runMarker {
				continue
			}
			if _, seen := pos[p.target]; !seen {
				pos[p.target] = at{bi, pi}
			}
		}
	}
	holds := func(pi int, lo, hi int) bool { // paragraph pi has markers below lo and above hi
		below, above := false, false
		for _, r := range doc.Paragraphs[pi].Refs {
			below = below || r.N < lo
			above = above || r.N > hi
		}
		return below && above
	}
	lost := 0
	for i, fn := range doc.Footnotes {
		if fn.Paragraph == "" {
			lost++
			if bs[idx.markerBlock[fn.N]].kind != blockLost {
				t.Errorf("footnote %d lost its marker but its block is not a notice", fn.N)
			}
			if got := doc.Paragraphs[idx.noteParaIdx[fn.N]].ID; got != fn.Near {
				t.Errorf("footnote %d is shown with paragraph %s, the parser placed it near %s", fn.N, got, fn.Near)
			}
		}
		if i == 0 {
			continue
		}
		prev := doc.Footnotes[i-1]
		a, b := pos[prev.N], pos[fn.N]
		if a.block < b.block || a.block == b.block && a.piece < b.piece {
			continue
		}
		// the notice of a lost footnote after a paragraph with markers on both sides of it
		switch {
		case fn.Paragraph == "" && idx.paraBlock[idx.noteParaIdx[fn.N]] == a.block && holds(idx.noteParaIdx[fn.N], fn.N, fn.N):
		case prev.Paragraph == "" && idx.paraBlock[idx.noteParaIdx[prev.N]] == b.block && holds(idx.noteParaIdx[prev.N], prev.N, prev.N):
		default:
			t.Errorf("footnote %d (block %d) is read before footnote %d (block %d)", fn.N, b.block, prev.N, a.block)
		}
	}
	if lost == 0 {
		t.Fatal("no footnote lost its marker; the test checks nothing")
	}
}
