package ui

// What lecture mode asks of the reader, kept here so that the reader's
// files stay the reader's: what it shows at its top (F5 starts there) and
// the passage selected ("Add to Lecture").

// lectureTop is what the reader shows at its top: a section heading, or
// the paragraph most of whose first lines are in view. A paragraph
// scrolled almost out of view above a heading is not what the student is
// reading.
func (r *Reader) lectureTop() (section, para int) {
	bi, frac := r.view.anchor()
	if bi < 0 || bi >= len(r.view.lay.blocks) {
		return -1, r.Position()
	}
	lb := r.view.lay.blocks[bi]
	if lb.h*(1-frac) < r.view.size*lineSpacing*2.5 && bi+1 < len(r.blocks) {
		bi++
	}
	if b := r.blocks[bi]; b.kind == blockHeading && b.section >= 0 && b.section < len(r.doc.Sections) {
		return b.section, -1
	}
	for ; bi < len(r.blocks); bi++ {
		if r.blocks[bi].kind == blockPara {
			return -1, r.blocks[bi].para
		}
	}
	return -1, r.Position()
}

// selectedPassage is the paragraph and byte range selected in the
// reader, if a passage is.
func (r *Reader) selectedPassage() (para, start, end int, ok bool) {
	t, _ := r.view.selection()
	if t.empty() || t.block < 0 || t.block >= len(r.blocks) || r.blocks[t.block].kind != blockPara {
		return 0, 0, 0, false
	}
	return r.blocks[t.block].para, t.start, t.end, true
}
