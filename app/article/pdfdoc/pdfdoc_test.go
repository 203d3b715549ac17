package pdfdoc

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/article"
)

// Hand-made pages: a line is a list of parts set left to right from x
// on baseline y; a part "^12" is a raised note number in smaller type,
// "*bold*" a bold part. Widths are half the type size per character.
func ln(x, y, size float64, parts ...string) []Run {
	var out []Run
	for _, p := range parts {
		r := Run{Size: size, X0: x}
		switch {
		case strings.HasPrefix(p, "^"):
			r.Text, r.Size = p[1:], 0.6*size
			r.Y1 = y - 0.35*size
		case strings.HasPrefix(p, "*") && strings.HasSuffix(p, "*") && len(p) > 2:
			r.Text, r.Bold, r.Y1 = p[1:len(p)-1], true, y
		default:
			r.Text, r.Y1 = p, y
		}
		r.Y0 = r.Y1 - 0.7*r.Size
		r.X1 = x + 0.5*r.Size*float64(utf8.RuneCountInString(r.Text))
		x = r.X1
		out = append(out, r)
	}
	return out
}

func pg(n int, lines ...[]Run) Page {
	p := Page{Number: n, Width: 600, Height: 800}
	for _, l := range lines {
		p.Runs = append(p.Runs, l...)
	}
	return p
}

// body is a full line of body text (12 pt, 72 to 540).
const full = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incid."

// fill pads s at the front with body words so its line is full width:
// a short line ends a paragraph.
func fill(s string) string {
	n := utf8.RuneCountInString(full) - utf8.RuneCountInString(s) - 1
	if n <= 0 {
		return s
	}
	return strings.TrimSpace(full[:n]) + " " + s
}

func read(t *testing.T, pages ...Page) *article.Document {
	t.Helper()
	d, err := Read(pages, []byte("test"))
	if err != nil {
		t.Fatal(err)
	}
	if err := article.Check(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func notes(d *article.Document) map[int]string {
	out := map[int]string{}
	for _, f := range d.Footnotes {
		out[f.N] = f.Text
	}
	return out
}

func TestFootnoteArea(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, full),
		ln(72, 114, 12, full),
		ln(72, 128, 12, "The court held so.", "^1", " Then it went on."),
		ln(72, 700, 10, "1 ", "See the judgment, para. 12."),
		ln(86, 712, 10, "which was long."),
	))
	if got := notes(d); len(got) != 1 || got[1] != "See the judgment, para. 12. which was long." {
		t.Fatalf("notes %v", got)
	}
	if len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Refs) != 1 || d.Footnotes[0].Paragraph != d.Paragraphs[0].ID {
		t.Fatalf("paragraphs %+v", d.Paragraphs)
	}
	if p := d.Paragraphs[0]; !strings.Contains(p.Text, "so. Then") || strings.Contains(p.Text, "1") {
		t.Errorf("marker left in the text: %q", p.Text)
	}
	if r := d.Paragraphs[0].Refs[0]; d.Paragraphs[0].Text[:r.Offset] != full+" "+full+" The court held so." {
		t.Errorf("marker at %d: %q", r.Offset, d.Paragraphs[0].Text[:r.Offset])
	}
}

func TestMarkers(t *testing.T) {
	for _, c := range []struct {
		name string
		line []Run
		refs []int
	}{
		{"raised small digits", ln(72, 114, 12, "held so.", "^12", " Then"), []int{12}},
		{"two notes at once", ln(72, 114, 12, "held so.", "^3,4", " Then"), []int{3, 4}},
		{"a range", ln(72, 114, 12, "held so.", "^5-7", " Then"), []int{5, 6, 7}},
		{"a year in body type is no marker", ln(72, 114, 12, "in 1945 the court"), nil},
		{"a marker set close before a dash", ln(72, 114, 12, "trifles\" ", "^3", " —there is more"), []int{3}},
		{"small digits on the baseline are no marker", []Run{{Text: "in ", X0: 72, X1: 90, Y0: 105.6, Y1: 114, Size: 12}, {Text: "12", X0: 90, X1: 96, Y0: 109, Y1: 114, Size: 7}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var defs [][]Run
			for i, n := range c.refs {
				defs = append(defs, ln(72, 700+12*float64(i), 10, itoa(n)+" ", "Note."))
			}
			if len(defs) == 0 {
				defs = append(defs, ln(72, 700, 10, "1 ", "Note."))
			}
			d := read(t, pg(1, append([][]Run{ln(72, 100, 12, full), c.line}, defs...)...))
			var got []int
			for _, p := range d.Paragraphs {
				for _, r := range p.Refs {
					got = append(got, r.N)
				}
			}
			if !equalInts(got, c.refs) {
				t.Errorf("refs %v, want %v", got, c.refs)
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A note cut by the page end goes on, without a number, at the top of
// the next page's note area; a paragraph goes on past the notes.
func TestAcrossPages(t *testing.T) {
	d := read(t,
		pg(1,
			ln(72, 100, 12, full),
			ln(72, 114, 12, "Lorem ipsum dolor sit amet, consectetur adipis. The court held so.", "^1", " And it runs on to the"),
			ln(72, 700, 10, "1 ", "The first part of the note"),
		),
		pg(2,
			ln(72, 100, 12, "next page, where it ends."),
			ln(72, 700, 10, "and its second part."),
			ln(72, 712, 10, "2 ", "A note with no marker."),
		),
	)
	got := notes(d)
	if got[1] != "The first part of the note and its second part." || got[2] != "A note with no marker." {
		t.Fatalf("notes %v", got)
	}
	if len(d.Paragraphs) != 1 || !strings.HasSuffix(d.Paragraphs[0].Text, "to the next page, where it ends.") {
		t.Fatalf("paragraphs %+v", d.Paragraphs)
	}
	if p := d.Paragraphs[0]; p.Page != 1 || p.EndPage != 2 {
		t.Errorf("paragraph on pages %d-%d, want 1-2", p.Page, p.EndPage)
	}
	if f := d.Footnotes[0]; f.Page != 1 || f.EndPage != 2 {
		t.Errorf("note 1 on pages %d-%d, want 1-2", f.Page, f.EndPage)
	}
	kinds := map[string]int{}
	for _, p := range d.Problems {
		kinds[p.Kind] = p.Page
	}
	if kinds[article.ProblemSplitFootnote] != 2 || kinds[article.ProblemMissingRef] != 2 {
		t.Errorf("problems %+v", d.Problems)
	}
}

// Running heads and page numbers repeat at the same place; they leave
// the text, and the printed numbers become the pages.
func TestFurniture(t *testing.T) {
	var pages []Page
	for i := 1; i <= 3; i++ {
		pages = append(pages, pg(i,
			ln(72, 60, 10, "Harvard Law Review "+itoa(230+i)),
			ln(72, 300, 12, fill("Page "+itoa(i)+" starts here.")),
			ln(72, 314, 12, "Page "+itoa(i)+" ends here."),
			ln(300, 760, 10, itoa(230+i)),
		))
	}
	d := read(t, pages...)
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "Harvard") || strings.Contains(p.Text, "23") {
			t.Errorf("furniture left in %q", p.Text)
		}
	}
	if len(d.Paragraphs) != 3 || d.Paragraphs[0].Page != 231 || d.Paragraphs[2].Page != 233 {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

func TestHyphenation(t *testing.T) {
	r := &reader{words: map[string]bool{"international": true, "party": true}, hyphened: map[string]bool{"non-interference": true}}
	for _, c := range []struct {
		left, right string
		keep        bool
	}{
		{"inter", "national", false},      // the joined word is printed elsewhere
		{"non", "interference", true},     // the hyphenated word is printed elsewhere
		{"self", "determination", true},   // a prefix that takes a hyphen
		{"Non", "intervention", true},     // a prefix, whatever its case
		{"co", "operation", true},         // co-operation
		{"sub", "paragraph", false},       // listed as a prefix that joins
		{"anti", "American", true},        // before a capital
		{"Leiden", "Journal", true},       // two names
		{"1945", "54", true},              // digits: no letters to join
		{"juris", "diction", false},       // not seen anywhere: a typesetter's break
		{"Nicara", "gua", false},          // a name broken by the typesetter
		{"counter", "measures", false},    // unknown: joined unless the file prints it hyphenated
		{"non-inter", "ference", false},   // a break inside a hyphenated word
		{"self-deter", "mination", false}, // likewise
		{"forty", "two", true},            // a number word opens a compound
		{"Nineteenth", "century", true},   // so does an ordinal
		{"ex", "amining", false},          // TeX's break, not ex-president
		{"multi", "plied", false},         // a weak prefix before no word of the file
		{"multi", "party", true},          // and before one
	} {
		if got := r.keepHyphen(lastWordOf(c.left), c.right); got != c.keep {
			t.Errorf("%s- %s: keep %v, want %v", c.left, c.right, got, c.keep)
		}
	}
}

func lastWordOf(s string) string { return lastWord([]piece{{text: s + "-"}}) }

// The word list leaves out both halves of a word broken at a line end:
// "multi-" "plied" does not make "plied" a word that keeps multi-'s hyphen.
func TestLearnWordsSkipsBrokenWords(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, fill("The claims multi-")),
		ln(72, 114, 12, "plied as the treaties grew, "+strings.Repeat("and grew, ", 5)+"they multi-"),
		ln(72, 128, 12, "plied."),
	))
	if got := d.Paragraphs; len(got) != 1 || !strings.Contains(got[0].Text, "claims multiplied") || !strings.HasSuffix(got[0].Text, "they multiplied.") {
		t.Errorf("paragraphs %+v", got)
	}
}

// PDFium puts a letter or a comma at the seam of two touching runs in
// both; the copy goes. A gap before a question mark is no space.
func TestRunSeams(t *testing.T) {
	for _, c := range []struct {
		a, b, want string
		gap        float64
	}{
		{"Corliss v. L", "Longman", "Corliss v. Longman", 0},
		{"property", "y is", "property is", 0},
		{"Walker", "r, 64", "Walker, 64", 0},
		{"Walker, ", ", 64 F. 280", "Walker, 64 F. 280", 0},
		{"Ruf.", "., ii. 137", "Ruf., ii. 137", 0},
		{"Walker,", "64", "Walker,64", 0},        // nothing doubled
		{"Catiline", "?", "Catiline?", 2.6},      // an italic correction is no space
		{"Catiline", "and", "Catiline and", 2.6}, // a space is
	} {
		runs := []Run{{Text: c.a, X0: 0, X1: 50, Size: 12}, {Text: c.b, X0: 49.9 + c.gap, X1: 90, Size: 12}}
		if got := joinRuns(runs, nil); got != c.want {
			t.Errorf("%q %q: %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func TestHyphenationInText(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, "The international order and non-interference are old ideas, and the great rule of inter-"),
		ln(72, 114, 12, "national law, the rule of the Charter and of every treaty, speaks of a duty of non-"),
		ln(72, 128, 12, "interference, as the International Court held in 1986 (Reports of Judgments at 14, 106, 34-"),
		ln(72, 142, 12, "35)."),
	))
	if got := d.Paragraphs; len(got) != 1 || !strings.Contains(got[0].Text, "rule of international law,") || !strings.Contains(got[0].Text, "a duty of non-interference,") ||
		!strings.HasSuffix(got[0].Text, "at 14, 106, 34-35).") {
		t.Errorf("paragraphs %+v", got)
	}
}

func TestHeadings(t *testing.T) {
	d := read(t, pg(1,
		ln(150, 60, 24, "A Title in Large Type"),
		ln(250, 90, 12, "A. Writer"),
		ln(72, 130, 16, "*1. Introduction*"),
		ln(72, 160, 12, full),
		ln(72, 174, 12, "Short end."),
		ln(72, 200, 14, "*1.1 The Question*"),
		ln(72, 230, 12, full),
		ln(72, 244, 12, "Short end."),
		ln(72, 270, 16, "*2. Conclusion*"),
		ln(72, 300, 12, "It ends."),
	))
	if d.Title != "A Title in Large Type" || d.Author != "A. Writer" {
		t.Errorf("title %q author %q", d.Title, d.Author)
	}
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Number+" "+s.Title+" "+itoa(s.Level))
	}
	if strings.Join(got, "|") != "1 Introduction 1|1.1 The Question 2|2 Conclusion 1" {
		t.Errorf("sections %q", got)
	}
	if len(d.Paragraphs) != 3 || d.Paragraphs[1].Section != "1.1" {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

// Two columns are read column by column, each with its own note area.
func TestTwoColumns(t *testing.T) {
	half := "Lorem ipsum dolor sit amet, consect."
	var lines [][]Run
	for i := range 6 {
		y := 100 + 14*float64(i)
		lines = append(lines, ln(72, y, 12, "L"+itoa(i)+" "+half), ln(320, y, 12, "R"+itoa(i)+" "+half))
	}
	lines = append(lines, ln(72, 184, 12, "Left ends.", "^1"), ln(320, 184, 12, "Right ends.", "^2"))
	lines = append(lines, ln(72, 700, 10, "1 ", "Left note."), ln(320, 700, 10, "2 ", "Right note."))
	d := read(t, pg(1, lines...))
	if len(d.Paragraphs) != 2 || !strings.HasPrefix(d.Paragraphs[0].Text, "L0") || !strings.Contains(d.Paragraphs[0].Text, "L5") ||
		strings.Contains(d.Paragraphs[0].Text, "R0") || !strings.HasPrefix(d.Paragraphs[1].Text, "R0") {
		t.Fatalf("paragraphs %+v", d.Paragraphs)
	}
	if got := notes(d); got[1] != "Left note." || got[2] != "Right note." || d.Footnotes[1].Paragraph != d.Paragraphs[1].ID {
		t.Errorf("notes %v %+v", got, d.Footnotes)
	}
}

// Notes set in body type (Word's notes printed by LibreOffice) have only
// the separator rule above them to set them off; on a page that holds
// just the end of a note from the page before, without a number, the rule
// alone says where the notes begin. A rule that is no separator (an
// underline in a line, a rule across the measure, one high on the page)
// leaves the lines in the text.
func TestSeparatorRule(t *testing.T) {
	sep := Rule{X0: 72, Y0: 640, X1: 190, Y1: 640.7}
	for _, c := range []struct {
		name  string
		rules []Rule
		note  string // note 1's text
		para  string // the end of the last paragraph
	}{
		{"separator", []Rule{sep}, "The first part of the note and its second part.", "to the next page, where it ends."},
		{"no rule", nil, "The first part of the note", "and its second part."},
		{"underline", []Rule{{X0: 72, Y0: 661, X1: 120, Y1: 661.5}}, "The first part of the note", "and its second part."},
		{"across the measure", []Rule{{X0: 72, Y0: 640, X1: 540, Y1: 640.7}}, "The first part of the note", "and its second part."},
		{"high on the page", []Rule{{X0: 72, Y0: 150, X1: 190, Y1: 150.7}}, "The first part of the note", "and its second part."},
	} {
		t.Run(c.name, func(t *testing.T) {
			p1 := pg(1,
				ln(72, 100, 12, full),
				ln(72, 114, 12, "Lorem ipsum dolor sit amet, consectetur adipis. The court held so.", "^1", " And it runs on to the"),
				ln(72, 660, 12, "^1", " The first part of the note"),
			)
			p1.Runs[len(p1.Runs)-2].X0, p1.Runs[len(p1.Runs)-2].X1 = 72, 76
			p1.Rules = []Rule{sep}
			p2 := pg(2,
				ln(72, 100, 12, "next page, where it ends."),
				ln(72, 660, 12, "and its second part."),
			)
			p2.Rules = c.rules
			d := read(t, p1, p2)
			if got := notes(d); got[1] != c.note {
				t.Errorf("note 1 %q, want %q", got[1], c.note)
			}
			if last := d.Paragraphs[len(d.Paragraphs)-1].Text; !strings.HasSuffix(last, c.para) {
				t.Errorf("last paragraph %q, want it to end %q", last, c.para)
			}
		})
	}
}

// In a file whose notes open with raised numbers, a number set level
// with the text is no note's start: the items of a list inside a note
// (Hume's note 11 counts its reflections 1 to 12). Where the notes'
// numbers are level, the next number still opens the next note.
func TestListInsideNote(t *testing.T) {
	for _, c := range []struct {
		name   string
		raised bool
		want   map[int]string
	}{
		{"raised numbers", true, map[int]string{1: "See the case.", 2: "Reflections: 3. One thing. 4. Another thing.", 3: "Id."}},
		{"level numbers", false, map[int]string{1: "See the case.", 2: "Reflections:", 3: "One thing."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			num := func(n string) string {
				if c.raised {
					return "^" + n
				}
				return n + " "
			}
			d := read(t, pg(1,
				ln(72, 100, 12, "Lorem ipsum dolor sit amet.", "^1", " Consectetur adipiscing.", "^2"),
				ln(72, 114, 12, fill("And so on, until the end.")),
				ln(72, 128, 12, "The end of it.", "^3"),
				ln(72, 680, 10, num("1"), "See the case."),
				ln(72, 692, 10, num("2"), "Reflections:"),
				ln(80, 704, 10, "3. One thing."),
				ln(80, 716, 10, "4. Another thing."),
				ln(72, 728, 10, num("3"), "Id."),
			))
			got := notes(d)
			for n, w := range c.want {
				if got[n] != w {
					t.Errorf("note %d %q, want %q", n, got[n], w)
				}
			}
		})
	}
}

// Verse is set in from the left further than a paragraph's indent, each
// line short of the margin: a stanza is one paragraph. A one-line
// paragraph indented as paragraphs are is still a paragraph of its own.
func TestVerse(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, full),
		ln(72, 114, 12, "as the poet says:"),
		ln(108, 128, 12, "Omnes eodem cogimur; omnium"),
		ln(120, 142, 12, "Versatur urna serius ocius"),
		ln(108, 156, 12, "Sors exitura."),
		ln(72, 170, 12, full),
		ln(72, 184, 12, "And so it ends."),
		ln(86, 198, 12, "Is there no difference then?"),
		ln(86, 212, 12, full),
		ln(72, 226, 12, "The end."),
	))
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{full + " as the poet says:", "Omnes eodem cogimur; omnium Versatur urna serius ocius Sors exitura.",
		full + " And so it ends.", "Is there no difference then?", full + " The end."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n%q\nwant\n%q", got, want)
	}
}

// A marker set close before a dash leaves no space where it was.
func TestMarkerBeforeDash(t *testing.T) {
	// TeX leaves a gap after the closing quote wider than the engine's
	// space threshold, and none between the marker and the dash.
	line := ln(72, 114, 12, "verbal, \"trifles\"")
	x := line[0].X1 + 3
	line = append(line, ln(x, 114, 12, "^1")...)
	line = append(line, ln(line[1].X1+0.2, 114, 12, "—there is more.")...)
	d := read(t, pg(1,
		ln(72, 100, 12, full),
		line,
		ln(72, 700, 10, "1 ", "Seneca."),
	))
	if got := d.Paragraphs[0].Text; !strings.HasSuffix(got, "verbal, \"trifles\"—there is more.") {
		t.Errorf("text %q", got)
	}
}

// A row of dots leading across a line (LaTeX's \dotfill) is no text; an
// ellipsis is.
func TestDotLeader(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, full),
		ln(72, 114, 12, "He said . . . nothing", " . . . . . . . . . . . . . .", " more."),
	))
	if got := d.Paragraphs[0].Text; !strings.HasSuffix(got, "He said . . . nothing more.") {
		t.Errorf("text %q", got)
	}
}

// LaTeX's twocolumn pages centre the title and the page number across
// both columns: the gutter is still found, with those lines read as
// full width, and a justified line that reaches a little into the gutter
// stays in its column.
func TestTwoColumnsCrossed(t *testing.T) {
	half := "Lorem ipsum dolor sit amet, consect."
	lines := [][]Run{ln(150, 60, 18, "A Title Set Across Both Columns")}
	for i := range 6 {
		y := 100 + 14*float64(i)
		left := ln(72, y, 12, "L"+itoa(i)+" "+half)
		if i == 2 {
			left = ln(72, y, 12, "L"+itoa(i)+" ", half+".")
		}
		lines = append(lines, left, ln(320, y, 12, "R"+itoa(i)+" "+half))
	}
	lines = append(lines, ln(72, 184, 12, "Left ends.", "^1"), ln(320, 184, 12, "Right ends.", "^2"))
	lines = append(lines, ln(72, 700, 10, "1 ", "Left note."), ln(320, 700, 10, "2 ", "Right note."), ln(297, 780, 10, "1"))
	d := read(t, pg(1, lines...))
	if len(d.Paragraphs) != 2 || !strings.HasPrefix(d.Paragraphs[0].Text, "L0") || !strings.Contains(d.Paragraphs[0].Text, "L5") ||
		strings.Contains(d.Paragraphs[0].Text, "R0") || !strings.HasPrefix(d.Paragraphs[1].Text, "R0") {
		t.Fatalf("paragraphs %+v", d.Paragraphs)
	}
	if got := notes(d); got[1] != "Left note." || got[2] != "Right note." {
		t.Errorf("notes %v", got)
	}
}

// A note's own number raised beside its first line in much smaller type
// belongs to that line however little it overlaps it (LaTeX: a 6 pt
// number on a 9 pt note overlaps a third), not a line of its own that
// would pass for a page number.
func TestNoteNumberRaised(t *testing.T) {
	for _, lift := range []float64{0.5, 0.6, 0.67} {
		note := Run{Text: "See the judgment, para. 12.", Size: 9, X0: 80, X1: 200, Y0: 745.8, Y1: 754.8}
		num := Run{Text: "1", Size: 6, X0: 74, X1: 77, Y1: 754.8 - lift*9}
		num.Y0 = num.Y1 - 4
		d := read(t, pg(1,
			ln(72, 100, 12, full),
			ln(72, 114, 12, "The court held so.", "^1", " Then it went on."),
			[]Run{num, note},
		))
		if got := notes(d); len(got) != 1 || got[1] != "See the judgment, para. 12." {
			t.Errorf("lift %.2f: notes %v", lift, got)
		}
	}
}

func TestEndnotes(t *testing.T) {
	d := read(t,
		pg(1,
			ln(72, 100, 12, full),
			ln(72, 114, 12, "The court held so.", "^1", " It said more.", "^2"),
		),
		pg(2,
			ln(72, 100, 12, "*Notes*"),
			ln(72, 130, 12, "1. The first note."),
			ln(72, 144, 12, "2. The second note, which"),
			ln(72, 158, 12, "runs on."),
		),
	)
	if got := notes(d); got[1] != "The first note." || got[2] != "The second note, which runs on." {
		t.Fatalf("notes %v", got)
	}
	if len(d.Paragraphs) != 1 {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

func TestBracketMarkers(t *testing.T) {
	d := read(t, pg(1,
		ln(72, 100, 12, full),
		ln(72, 114, 12, "The court held so [1] and [2] said more [1999]."),
		ln(72, 700, 10, "1 ", "One."),
		ln(72, 712, 10, "2 ", "Two."),
	))
	if p := d.Paragraphs[0]; len(p.Refs) != 2 || !strings.Contains(p.Text, "so and said more [1999].") {
		t.Errorf("paragraph %+v", p)
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"\ufb01rst \ufb02oor":    "first floor",
		"\u201cquoted\u201d":     "\"quoted\"",
		"state\u2019s":           "state's",
		"a\u00a0b":               "a b",
		"hy\u0002":               "hy-",
		"Gaiet\u00b4e":           "Gaieté", // TeX's OT1 accent before its letter
		"mal`e vita\u00a8\u0131": "malè vitaï",
	} {
		if got := normalise(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestScan(t *testing.T) {
	if _, err := Read([]Page{{Number: 1, Width: 600, Height: 800}, {Number: 2, Width: 600, Height: 800}}, nil); !errors.Is(err, ErrScan) {
		t.Errorf("err %v, want ErrScan", err)
	}
	// One page without text among pages with text is a problem on its page.
	d := read(t, pg(1, ln(72, 300, 12, "The first page says this.")), Page{Number: 2, Width: 600, Height: 800}, pg(3, ln(72, 300, 12, "The third page says that.")))
	found := false
	for _, p := range d.Problems {
		found = found || p.Kind == ProblemLayout && p.Page == 2
	}
	if !found {
		t.Errorf("problems %+v", d.Problems)
	}
}

// FuzzRead: any page content, however odd, gives a valid Document or an
// error, never a panic.
func FuzzRead(f *testing.F) {
	f.Add("The court held so.", 12.0, 10.0, 100.0, 700.0, "1 Note.", 690.0)
	f.Add("", 0.0, 0.0, 0.0, 0.0, "", 0.0)
	f.Add("a-", 12.0, 12.0, 800.0, -5.0, "^1", 400.0)
	f.Add("The court held so.", 12.0, 12.0, 100.0, 700.0, "and the rest.", 690.0)
	f.Fuzz(func(t *testing.T, body string, bs, ns, y, ny float64, note string, ry float64) {
		p := pg(1, ln(72, y, bs, body, "^1"), ln(72, y+14, bs, full), ln(72, ny, ns, note))
		p.Rules = []Rule{{X0: 72, Y0: ry, X1: 190, Y1: ry + 0.7}}
		d, err := Read([]Page{p, p}, []byte(body))
		if err != nil {
			return
		}
		if err := article.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

// A short note printed at the same height on two pages is a note, not a
// running foot: furniture is the outermost lines of a page.
func TestRepeatedNoteIsNotFurniture(t *testing.T) {
	var pages []Page
	for i := 1; i <= 2; i++ {
		pages = append(pages, pg(i,
			ln(72, 300, 12, "Page "+itoa(i)+" says what it says.", "^"+itoa(2*i-1), " And more.", "^"+itoa(2*i)),
			ln(72, 700, 10, itoa(2*i-1)+" ", "See the case."),
			ln(72, 712, 10, itoa(2*i)+" ", "Id."),
			ln(300, 760, 10, itoa(i)),
		))
	}
	d := read(t, pages...)
	if got := notes(d); len(got) != 4 || got[2] != "Id." || got[4] != "Id." {
		t.Errorf("notes %v", got)
	}
}
