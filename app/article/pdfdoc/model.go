// Package pdfdoc reads a footnoted article from the text of a PDF's pages:
// it finds each page's footnote area from the layout (smaller type below
// the body), the note markers from raised small digits, removes running
// heads and page numbers, rebuilds paragraphs across line, page and
// footnote-area breaks, and hands headings, paragraphs and notes to the
// article.Builder so a PDF gives the same Document as any other format.
//
// It works on an engine-neutral model (pages of characters with their
// boxes and fonts), so every rule is tested on small hand-made pages; the
// PDF engine that fills the model lives in pdfdoc/pdfium and is started
// only when a PDF is actually read.
package pdfdoc

// Run is a piece of text in one font on one line as the engine placed it
// (a word, part of a word, or a stretch of a line). Coordinates are in
// points with the origin at the page's top left and y growing downward,
// the order a reader's eye moves in; the box is the ink's box.
type Run struct {
	Text           string
	X0, Y0, X1, Y1 float64 // box: left, top, right, bottom
	Size           float64 // font size in points as rendered
	Font           string  // font name, "" when the engine does not know
	Bold, Italic   bool
}

// Rule is a thin horizontal line drawn on the page, such as the short
// rule a typesetter sets above the footnotes; its box is in the same
// coordinates as a Run's.
type Rule struct {
	X0, Y0, X1, Y1 float64
}

// Page is one page of the file: its 1-based number in the file, its size,
// its runs in the engine's content order and its horizontal rules.
type Page struct {
	Number        int
	Width, Height float64
	Runs          []Run
	Rules         []Rule
}
