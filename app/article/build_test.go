package article

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitHeading(t *testing.T) {
	for _, c := range []struct{ in, num, title string }{
		{"2.1. Scope", "2.1", "Scope"},
		{"3 Findings", "3", "Findings"},
		{"IV. Conclusion", "IV", "Conclusion"},
		{"II.A. Standing", "II.A", "Standing"},
		{"II.A.1. Injury in Fact", "II.A.1", "Injury in Fact"},
		{"**III. THE MERITS**", "III", "THE MERITS"},
		{"B. Remedies", "B", "Remedies"},
		{"(c) Costs", "c", "Costs"},
		{"2) Second point", "2", "Second point"},
		{"Introduction", "", "Introduction"},
		{"I think therefore", "", "I think therefore"},
		{"IIII. Not Roman", "", "IIII. Not Roman"},
	} {
		num, title := SplitHeading(c.in)
		if num != c.num || title != c.title {
			t.Errorf("SplitHeading(%q) = %q, %q; want %q, %q", c.in, num, title, c.num, c.title)
		}
	}
}

// TestHeadingLevels: without markup levels, the number's shape decides,
// and a letter repeated under another part is qualified by it.
func TestHeadingLevels(t *testing.T) {
	b := NewBuilder(nil)
	for _, h := range []string{"I. Introduction", "A. Background", "B. Question", "II. Analysis", "A. Standing", "1. Injury", "III. Remedies", "C. Costs", "IV. Policy", "V. Conclusion", "Unnumbered Part"} {
		b.Heading(h, 0, 1)
		b.Paragraph(Text{Text: "Text under " + h + "."}, 2, 2)
	}
	d, err := b.Document()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections {
		got = append(got, fmt.Sprintf("%s/%d", s.Number, s.Level))
	}
	want := "I/1 A/2 B/2 II/1 II.A/2 1/3 III/1 C/2 IV/1 V/1 /1"
	if strings.Join(got, " ") != want {
		t.Errorf("levels %s, want %s", strings.Join(got, " "), want)
	}
	if got := d.Paragraphs[len(d.Paragraphs)-1].Section; got != "" {
		t.Errorf("an unnumbered part's text is in section %q, want none", got)
	}
	for i, s := range d.Sections {
		if s.First != i {
			t.Errorf("section %s starts at paragraph %d, want %d", s.Number, s.First, i)
		}
	}
}

func TestBuilderRules(t *testing.T) {
	b := NewBuilder([]byte("x"))
	for i := 0; i < 12; i++ {
		b.Paragraph(Text{Text: fmt.Sprintf("Harvard Law Review %d", 100+i)}, i*10, i*10) // running header
		b.Paragraph(Text{Text: fmt.Sprintf("Paragraph %d of the body.", i), Refs: []Ref{{N: 307 + i, Offset: 4}}}, i*10+1, i*10+1)
	}
	for i := 0; i < 12; i++ {
		b.Footnote(307+i, Text{Text: fmt.Sprintf("Note %d.", 307+i)}, 200+i)
	}
	b.Footnote(310, Text{Text: "A second 310."}, 300)
	d, err := b.Document()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, p := range d.Problems {
		kinds[p.Kind]++
	}
	if kinds[ProblemFurniture] != 1 || kinds[ProblemDuplicate] != 1 || len(d.Problems) != 2 {
		t.Errorf("problems %+v", d.Problems)
	}
	if len(d.Paragraphs) != 12 {
		t.Errorf("%d paragraphs after removing the running header, want 12", len(d.Paragraphs))
	}
	if f := d.Footnotes[3]; f.N != 310 || f.Text != "Note 310. A second 310." {
		t.Errorf("duplicate not kept as text: %+v", f)
	}
}

func TestTextBuilder(t *testing.T) {
	var tb TextBuilder
	tb.Write("  The\n court ", 0)
	tb.Write("held", Italic)
	tb.Ref(3)
	tb.Write(" \u00a0so.", 0)
	got := tb.Text()
	if got.Text != "The court held so." || len(got.Spans) != 1 || got.Text[got.Spans[0].Start:got.Spans[0].End] != "held" || got.Refs[0].Offset != len("The court held") {
		t.Errorf("%+v", got)
	}
}

// FuzzTextBuilder holds Write, which copies printable ASCII a word at a
// time, to the rule it keeps, written out a character at a time: runs
// of white space (no-break space included) are one space and none at the
// start, control characters and bytes that are not UTF-8 are dropped, and
// styled characters are covered by spans joined across single spaces.
func FuzzTextBuilder(f *testing.F) {
	f.Add("  The\n court ", "held", " \u00a0so.\x00\x7f", uint8(Italic))
	f.Add("a\tb", "c  d", "\xffé e", uint8(Bold|Italic))
	f.Fuzz(func(t *testing.T, a, b, c string, st uint8) {
		styles := []Style{0, Style(st) & (Italic | Bold), 0}
		var tb TextBuilder
		var text []byte
		var spans []Span
		space := false
		for k, s := range []string{a, b, c} {
			tb.Write(s, styles[k])
			for _, r := range s {
				switch {
				case unicode.IsSpace(r) || r == '\u00a0':
					space = len(text) > 0
				case r == utf8.RuneError || unicode.IsControl(r):
				default:
					if space {
						text, space = append(text, ' '), false
					}
					start := len(text)
					text = utf8.AppendRune(text, r)
					if styles[k] == 0 {
						continue
					}
					if n := len(spans); n > 0 && spans[n-1].Style == styles[k] && spans[n-1].End >= start-1 {
						spans[n-1].End = len(text)
					} else {
						spans = append(spans, Span{Start: start, End: len(text), Style: styles[k]})
					}
				}
			}
		}
		got := tb.Text()
		if got.Text != string(text) || fmt.Sprint(got.Spans) != fmt.Sprint(spans) {
			t.Fatalf("got %q %v\nwant %q %v", got.Text, got.Spans, text, spans)
		}
	})
}

func TestLooksLikeHeading(t *testing.T) {
	bold := func(s string) Text { return Text{Text: s, Spans: []Span{{Start: 0, End: len(s), Style: Bold}}} }
	for _, c := range []struct {
		t    Text
		want bool
	}{
		{Text{Text: "I. INTRODUCTION"}, true},
		{bold("II.A. Standing"), true},
		{bold("BACKGROUND"), true},
		{Text{Text: "BACKGROUND"}, false},
		{bold("Background"), false},
		{Text{Text: "II.A. Standing"}, false},
		{bold("I. The Court held that the statute applies."), false},
		{Text{Text: "IV. REMEDIES", Refs: []Ref{{N: 3, Offset: 12}}}, false},
	} {
		if got := LooksLikeHeading(c.t); got != c.want {
			t.Errorf("LooksLikeHeading(%q) = %v", c.t.Text, got)
		}
	}
}
