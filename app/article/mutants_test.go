package article

import (
	"fmt"
	"strings"
	"testing"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// spanTexts lists the emphasised pieces of a text as "style:text".
func spanTexts(text string, spans []Span) string {
	var out []string
	for _, s := range spans {
		out = append(out, fmt.Sprintf("%d:%s", s.Style, text[s.Start:s.End]))
	}
	return strings.Join(out, " ")
}

// TestEmphasisAtTextStart: emphasis that opens a paragraph or a footnote,
// at offset 0, is closed by its closing marker like any other.
func TestEmphasisAtTextStart(t *testing.T) {
	d := mustParse(t, doc("**Bold** opening of a paragraph<sup>1</sup>.\n\n<sup>1</sup> *Title*, a footnote opening with a title.\n"))
	p, f := d.Paragraphs[0], d.Footnotes[0]
	if got, want := spanTexts(p.Text, p.Spans), "2:Bold"; got != want {
		t.Errorf("paragraph %q: spans %q, want %q", p.Text, got, want)
	}
	if got, want := spanTexts(f.Text, f.Spans), "1:Title"; got != want {
		t.Errorf("footnote %q: spans %q, want %q", f.Text, got, want)
	}
}

// TestBareReferenceKeepsSpans: cutting a bare reference (" 2") out of a
// paragraph moves the emphasis after it back and leaves the emphasis
// before it where it was.
func TestBareReferenceKeepsSpans(t *testing.T) {
	d := mustParse(t, doc("Cited<sup>1</sup> in *Before Work* and managed autonomously 2. Then *After Work* next<sup>3</sup>.\n\n<sup>1</sup> A.\n\n<sup>2</sup> B.\n\n<sup>3</sup> C.\n"))
	p := d.Paragraphs[0]
	if want := "Cited in Before Work and managed autonomously. Then After Work next."; p.Text != want {
		t.Fatalf("paragraph %q, want %q", p.Text, want)
	}
	if got, want := spanTexts(p.Text, p.Spans), "1:Before Work 1:After Work"; got != want {
		t.Errorf("spans %q, want %q", got, want)
	}
	if got := refNumbers(p.Refs); fmt.Sprint(got) != "[1 2 3]" {
		t.Errorf("refs %v, want [1 2 3]", got)
	}
}

// TestReadSectionNumber: "2", "2.", "2.1", "2.1." at the start of a line,
// up to three levels of one or two digits, followed by a space.
func TestReadSectionNumber(t *testing.T) {
	tests := []struct {
		in   string
		num  string
		used int
	}{
		{"1 Introduction", "1", 1},
		{"2. The Convention", "2", 2},
		{"2.1 Sovereign", "2.1", 3},
		{"2.1. Sovereign", "2.1", 4},
		{"10.12.3. Deep", "10.12.3", 8},
		{"9", "9", 1},
		{"0. Zero", "0", 2},
		{"2016 Joint Declaration", "", 0}, // a year, not a section
		{"2.1.3.4 Too deep", "", 0},
		{"2a. Lettered", "", 0},
		{"Introduction", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		num, used := readSectionNumber(tt.in)
		if num != tt.num || used != tt.used {
			t.Errorf("readSectionNumber(%q) = %q, %d; want %q, %d", tt.in, num, used, tt.num, tt.used)
		}
	}
}

// TestFollowsNumbering: a table of contents goes on one step at a time:
// the next number at the same depth, the first one level deeper, or the
// next number of a shallower level; never a jump, never another parent.
func TestFollowsNumbering(t *testing.T) {
	tests := []struct {
		prev, num string
		want      bool
	}{
		{"", "1", true}, {"", "1.1", true}, {"", "2", false}, {"", "0", false},
		{"1", "2", true}, {"1", "3", false}, {"1", "1", false},
		{"1", "1.1", true}, {"1", "1.2", false}, {"1", "2.1", false}, {"1", "1.1.1", false},
		{"2.1", "2.2", true}, {"2.1", "2.3", false}, {"2.1", "3.2", false}, {"1.1", "2.2", false},
		{"1.3", "2", true}, {"1.3", "3", false}, {"2.1", "2.1.1", true},
		{"2.1.1", "2.2", true}, {"2.1.1", "3", true}, {"2.1.1", "3.1", false},
		{"9", "10", true}, {"9.9", "9.10", true},
	}
	for _, tt := range tests {
		if got := followsNumbering(tt.prev, tt.num); got != tt.want {
			t.Errorf("followsNumbering(%q, %q) = %v, want %v", tt.prev, tt.num, got, tt.want)
		}
	}
}

// TestContentsPastNine: a table of contents reads every section number,
// 9 and 10 included, with its title.
func TestContentsPastNine(t *testing.T) {
	var src []string
	var want []string
	for n := 1; n <= 10; n++ {
		src = append(src, fmt.Sprintf("%d. Part %c.", n, 'A'+n-1))
		want = append(want, fmt.Sprintf("%d=Part %c", n, 'A'+n-1))
	}
	var got []string
	for _, e := range parseContents(strings.Join(src, " - ")) {
		got = append(got, e.Number+"="+e.Title)
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("contents\n got %s\nwant %s", strings.Join(got, " | "), strings.Join(want, " | "))
	}
}

// TestNumberedLineOfAFootnote: a footnote's wrapped line that opens with
// the next footnote's number is not that footnote's definition when the
// next footnote has its own marker further on.
func TestNumberedLineOfAFootnote(t *testing.T) {
	d := mustParse(t, doc("A<sup>1</sup> b<sup>2</sup>.\n\n<sup>1</sup> See the report in\n 2 Volumes, Geneva, 2001.\n\n<sup>2</sup> Second note.\n"))
	if got, want := footnoteTexts(d), "1:See the report in 2 Volumes, Geneva, 2001. | 2:Second note."; got != want {
		t.Errorf("footnotes:\n got %s\nwant %s", got, want)
	}
}

// TestLostFootnoteAfterTheFirst: a footnote whose marker was lost sits
// with the paragraph of the footnote before it, the first one included.
func TestLostFootnoteAfterTheFirst(t *testing.T) {
	d := mustParse(t, doc("First paragraph<sup>1</sup>.\n\nSecond paragraph<sup>3</sup>.\n\n<sup>1</sup> A.\n\n<sup>2</sup> B.\n\n<sup>3</sup> C.\n"))
	if len(d.Paragraphs) != 2 || len(d.Footnotes) != 3 {
		t.Fatalf("%d paragraphs, %d footnotes", len(d.Paragraphs), len(d.Footnotes))
	}
	if got, want := d.Footnotes[1].Near, d.Paragraphs[0].ID; got != want {
		t.Errorf("lost footnote 2 shown near %q, want %q (the paragraph citing footnote 1)", got, want)
	}
}

// TestSectionsWithoutContents: an article without a table of contents
// still has its numbered headings read as sections.
func TestSectionsWithoutContents(t *testing.T) {
	d := mustParse(t, "# Notes on a Treaty\n\n## 1. Background\n\nIt was signed in 2019.\n\n## 2. Force\n\nIt entered into force in 2021.\n")
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Number+"="+s.Title)
	}
	if want := "1=Background 2=Force"; strings.Join(got, " ") != want {
		t.Errorf("sections %q, want %q", strings.Join(got, " "), want)
	}
}
