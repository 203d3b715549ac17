// Package article turns the noisy, PDF-converted Markdown of a footnoted
// scholarly article into a clean Document: title block, sections,
// paragraphs with stable IDs and footnote references, footnotes, and a list
// of every repair the parser made. It has no dependency on Fyne or SQL.
package article

// Document is one parsed article.
type Document struct {
	Series      string     // journal or series line ("Ordine internazionale e diritti umani")
	SeriesInfo  string     // the line under the series (subtitles, editors)
	Title       string     // the article's title
	Author      string     // author as printed, without the "*" marker
	Affiliation string     // text of the "*" note
	Contents    []TOCEntry // the table of contents as printed under the title
	Sections    []Section  // in reading order
	Paragraphs  []Paragraph
	Footnotes   []Footnote // sorted by N; N runs 1..len without gaps when the source is complete
	Problems    []Problem  // repairs and anomalies, sorted by line
	Hash        string     // hex SHA-256 of the source bytes
}

// TOCEntry is one item of the printed table of contents.
type TOCEntry struct {
	Number string // "3.1"
	Title  string
}

// Section is a numbered heading of the article.
type Section struct {
	Number string // "2.1"
	Title  string
	Level  int // 1 for "2", 2 for "2.1"
	Line   int // 1-based line of the heading in the source
	// First is the index in Document.Paragraphs of the section's first
	// paragraph (len(Paragraphs) when the section is empty).
	First int
}

// Style is an inline text style.
type Style uint8

const (
	Italic Style = 1 << iota
	Bold
)

// Span marks styled text: Text[Start:End] (byte offsets) has Style.
type Span struct {
	Start, End int
	Style      Style
}

// Ref is a footnote reference inside a paragraph.
type Ref struct {
	N      int  // footnote number
	Offset int  // byte offset in Paragraph.Text right after the word the marker follows
	Bare   bool // the marker was plain digits in the body, not markup
}

// Paragraph is one paragraph of body text in reading order.
type Paragraph struct {
	ID      string // stable: derived from its section and opening words, not its position
	Index   int    // position in Document.Paragraphs
	Section string // number of the enclosing section ("" before the first heading)
	Text    string // plain text, no markup left
	Spans   []Span
	Refs    []Ref
	Line    int // first source line
	EndLine int // last source line (a paragraph split by a page break spans the footnotes in between)
	// Page and EndPage are the printed page numbers the paragraph starts
	// and ends on, for a source with pages (a PDF); 0 otherwise. For a
	// PDF, Line and EndLine are its pages in the file.
	Page, EndPage int
}

// Footnote is one numbered footnote.
type Footnote struct {
	N         int
	Text      string
	Spans     []Span
	Paragraph string // ID of the paragraph that references it; "" when no marker survives
	Line      int    // first source line of its definition
	// Near is, for a footnote whose marker was lost (Paragraph == ""),
	// the paragraph it belongs with: that of the marker of the nearest
	// lower-numbered footnote that has one, else of the nearest
	// higher-numbered one, else the last paragraph before its definition.
	Near string
	// Page and EndPage are the printed pages the note starts and ends on
	// (a note may continue on the next page), for a source with pages; 0
	// otherwise.
	Page, EndPage int
}

// Home is the ID of the paragraph footnote f belongs with: the one whose
// marker refers to it, or, when the marker was lost in conversion, the one
// the parser placed it with (Near). The reader, the lecture and the maps
// all follow a footnote to this one paragraph. "" only for a footnote the
// parser did not place.
func (f *Footnote) Home() string {
	if f.Paragraph != "" {
		return f.Paragraph
	}
	return f.Near
}

// Problem is a repair the parser made or an anomaly it found.
type Problem struct {
	Kind    string // one of the Problem* constants
	Line    int    // 1-based source line (for a PDF, the page in the file)
	Message string
	Page    int // printed page number, for a source with pages; 0 otherwise
}

// Kinds of Problem.
const (
	ProblemMissingRef    = "missing-ref"     // footnote defined but no marker found in the body
	ProblemBareRef       = "bare-ref"        // marker recognised from plain digits in the body
	ProblemMergedNumber  = "merged-number"   // footnote number merged with the first word of its text
	ProblemSplitFootnote = "split-footnote"  // footnote continued after a page break
	ProblemSplitPara     = "split-paragraph" // paragraph interrupted by a footnote block, joined
	ProblemDuplicate     = "duplicate-footnote"
	ProblemUndefined     = "undefined-footnote" // referenced or expected but never defined
	ProblemMarkup        = "markup"             // odd markup repaired (escaped sup, math-mode marker)
	ProblemHeading       = "heading"            // heading recognised without heading markup, or numbering fixed
	ProblemBareDef       = "bare-definition"    // footnote defined by its plain number, without a marker
	ProblemWrapped       = "wrapped-footnote"   // footnote wrapped over several lines, joined
)
