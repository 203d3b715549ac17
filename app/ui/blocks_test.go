package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/assets"
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

// TestDocumentPointsAreNotCrossReferences: in the article every "n. N" in
// a footnote is a point of a cited document ("Letter dated 9 January 2015,
// cit., n. 3" is point 3 of the letter; footnote 3 is an article by
// Iyengar and others), so none may link to footnote N unless footnote N
// cites that same work.
func TestDocumentPointsAreNotCrossReferences(t *testing.T) {
	doc := realDoc(t)
	lib := cite.Extract(doc.Footnotes)
	fn172 := &doc.Footnotes[171]
	if fn172.N != 172 || !strings.Contains(fn172.Text, "cit., n. 3") {
		t.Fatalf("footnote 172 reads %q; the test is about its \"cit., n. 3\"", fn172.Text)
	}
	for _, p := range footnoteText(doc, fn172, lib) {
		if p.kind == runLink {
			t.Errorf("footnote 172: %q links to footnote %d", p.text, p.target)
		}
	}
	checked := 0
	var kept []string
	for i := range doc.Footnotes {
		fn := &doc.Footnotes[i]
		linked := map[int]int{} // offset -> target
		for _, c := range footnoteLinks(doc, fn, lib) {
			linked[c.start] = c.target
		}
		for _, m := range xrefRe.FindAllStringIndex(fn.Text, -1) {
			afterCit := afterShortFormRe.MatchString(fn.Text[:m[0]])
			of := pinpointOf(lib.CitationsIn(fn.N), fn.Text, m)
			for _, d := range digitsRe.FindAllStringIndex(fn.Text[m[0]:m[1]], -1) {
				at := m[0] + d[0]
				n, _ := strconv.Atoi(fn.Text[at : m[0]+d[1]])
				target, ok := linked[at]
				if afterCit || of != nil {
					checked++
				}
				if !ok {
					continue
				}
				kept = append(kept, fmt.Sprintf("%d:%q->%d", fn.N, fn.Text[m[0]:m[1]], target))
				if target != n || n >= fn.N {
					t.Errorf("footnote %d: %q links to %d", fn.N, fn.Text[m[0]:m[1]], target)
				}
				if (afterCit || of != nil) && (of == nil || !citesWorkOf(lib, n, of)) {
					t.Errorf("footnote %d: %q follows a citation but footnote %d does not cite that work", fn.N, fn.Text[m[0]:m[1]], n)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no \"n. N\" after a citation in the article; the test checks nothing")
	}
	// the panel shows the same text, with only each footnote's own number linked
	bs, at := footnoteBlocks(doc, lib)
	for _, p := range bs[at[172]].pieces {
		if p.kind == runLink && p.target != 172 {
			t.Errorf("panel, footnote 172: %q links to footnote %d", p.text, p.target)
		}
	}
	t.Logf("%d numbers after a citation checked; cross references still linked: %v", checked, kept)
}

// pinpointOf is the citation among cs whose pinpoint holds text[m[0]:m[1]].
func pinpointOf(cs []cite.Citation, text string, m []int) *cite.Citation {
	for i := range cs {
		if cs[i].Start <= m[0] && m[1] <= cs[i].End && strings.Contains(cs[i].Pinpoint, text[m[0]:m[1]]) {
			return &cs[i]
		}
	}
	return nil
}

// crossRefNote is one more footnote in the article's own style with real
// cross references: "cit., n. 48" points at the footnote citing the letter
// in full, "supra n. 3" at Iyengar's article, and "n. 5" is a point of
// the letter. The article itself has none (every "n. N" in it is a point
// of a document), so the links are tried on the article with this note.
// Its marker is written as the article writes them (escaped twice).
const crossRefNote = "\n<sup>&</sup>lt;sup>191</sup> Letter dated 9 January 2015, cit., n. 48 and n. 5; R. IYENGAR, R. GRAMER and A. RATHI, Russia Is Commandeering the U.N. Cybercrime Treaty, cit., supra n. 3.\n"

// crossRefDoc is the real article with crossRefNote right after the
// definition of its last footnote.
func crossRefDoc(t *testing.T) *article.Document {
	t.Helper()
	src := string(assets.Article)
	i := strings.Index(src, "<sup>&</sup>lt;sup>190</sup>")
	if i < 0 {
		t.Fatal("footnote 190's definition not found in the article")
	}
	i += strings.IndexByte(src[i:], '\n')
	d, err := article.Parse([]byte(src[:i] + "\n" + crossRefNote + src[i:]))
	if err != nil {
		t.Fatal(err)
	}
	if last := d.Footnotes[len(d.Footnotes)-1]; last.N != 191 || !strings.HasPrefix(last.Text, "Letter dated 9 January 2015, cit., n. 48") {
		t.Fatalf("the added footnote reads %d %q", last.N, last.Text)
	}
	return d
}

func TestCrossReferencesToTheSameWork(t *testing.T) {
	doc := crossRefDoc(t)
	lib := cite.Extract(doc.Footnotes)
	fn := &doc.Footnotes[len(doc.Footnotes)-1]
	var got []string
	for _, c := range footnoteLinks(doc, fn, lib) {
		got = append(got, fmt.Sprintf("%s->%d", fn.Text[c.start:c.end], c.target))
	}
	if want := "48->48 3->3"; strings.Join(got, " ") != want {
		t.Errorf("footnote 191 links %v, want %s (n. 5 is a point of the letter)", got, want)
	}
	// without the citations nothing is linked rather than something wrong
	if cuts := footnoteLinks(doc, fn, nil); len(cuts) != 0 {
		t.Errorf("without the citations footnote 191 links %d numbers", len(cuts))
	}
}

// TestPageBoundaries: a document with printed pages (a PDF) shows where
// each page begins, before the first paragraph that starts on it, so a
// student can cite the page; the shipped article, which has none, shows
// no page at all.
func TestPageBoundaries(t *testing.T) {
	doc := &article.Document{Paragraphs: []article.Paragraph{
		{ID: "p1", Text: "First, on page 231.", Page: 231, EndPage: 231},
		{ID: "p2", Text: "Still on page 231, running over.", Page: 231, EndPage: 232},
		{ID: "p3", Text: "Starts on 232.", Page: 232, EndPage: 232},
		{ID: "p4", Text: "On 234 after a page of tables.", Page: 234, EndPage: 234},
	}}
	bs, idx := articleBlocks(doc)
	var got []string
	for bi, b := range bs {
		if b.kind == blockNote && strings.HasPrefix(b.pieces[0].text, "p. ") {
			next := "none"
			if bi+1 < len(bs) && bs[bi+1].kind == blockPara {
				next = doc.Paragraphs[bs[bi+1].para].ID
			}
			got = append(got, b.pieces[0].text+" before "+next)
		}
	}
	if want := "p. 231 before p1, p. 232 before p3, p. 234 before p4"; strings.Join(got, ", ") != want {
		t.Errorf("page boundaries: %q, want %q", strings.Join(got, ", "), want)
	}
	for pi := range doc.Paragraphs {
		if b := bs[idx.paraBlock[pi]]; b.kind != blockPara || b.para != pi {
			t.Errorf("paragraph %d maps to block %+v", pi, b)
		}
	}
	shipped, _ := articleBlocks(realDoc(t))
	for _, b := range shipped {
		if b.kind == blockNote && strings.HasPrefix(b.pieces[0].text, "p. ") {
			t.Errorf("the shipped article, which has no pages, shows %q", b.pieces[0].text)
		}
	}
}
