package flowtext

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// lines is Break's result as text: the runs of each line joined by a
// space, lines by " / ".
func lines(spans []Span, ls []Line) string {
	var out []string
	for _, l := range ls {
		var words []string
		for _, r := range l {
			words = append(words, spans[r.Span].Text[r.Start:r.End])
		}
		out = append(out, strings.Join(words, "+"))
	}
	return strings.Join(out, " / ")
}

func breakAt(ms Measurers, width float32, hard bool, spans ...Span) []Line {
	return Break(ms, Params{Size: 16, Width: width, SmallScale: 0.72, HardBreaks: hard}, len(spans), func(i int) Span { return spans[i] })
}

func TestBreak(t *testing.T) {
	test.NewTempApp(t)
	ms := Measurers{}
	m := ms.At(16)
	w := func(s string) float32 { return m.Width(s, 0) }
	for _, tc := range []struct {
		name  string
		width float32
		hard  bool
		spans []Span
		want  string
	}{
		{"fits on one line", w("the active participation") + 1, false,
			[]Span{{Text: "the active participation"}}, "the active participation"},
		{"breaks between words, never inside", w("participation") + 1, false,
			[]Span{{Text: "the active participation of all"}}, "the active / participation / of all"},
		{"a bold run keeps its words whole", m.Width("participation", article.Bold) + w(" of") + 2, false,
			[]Span{{Text: "requiring "}, {Text: "the active participation", Style: article.Bold}, {Text: " of all"}},
			"requiring+the / active / participation+of / all"},
		{"a marker sticks to its word", w("underestimated") + 40, false,
			[]Span{{Text: "been underestimated"}, {Text: "139", Small: true, Glue: true}, {Text: "."}},
			"been / underestimated+139+."},
		{"newline is a space in a paragraph", 1000, false, []Span{{Text: "one\ntwo"}}, "one\ntwo"},
		{"newline ends a line in lecture text", 1000, true, []Span{{Text: "one\ntwo"}}, "one / two"},
		{"empty text is one empty line", 100, false, []Span{{Text: ""}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(tc.spans, breakAt(ms, tc.width, tc.hard, tc.spans...))
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A word longer than the column (a URL in a narrow panel) is cut where
// it overflows, so that nothing is drawn outside the column.
func TestBreakCutsLongWord(t *testing.T) {
	test.NewTempApp(t)
	ms := Measurers{}
	url := "www.justsecurity.org/2024/10/02/un-cybercrime"
	width := ms.At(16).Width("www.justsec", 0)
	ls := breakAt(ms, width, false, Span{Text: url})
	var joined strings.Builder
	for _, l := range ls {
		if l.Width() > width {
			t.Errorf("a line %.1f wide in %.1f", l.Width(), width)
		}
		for _, r := range l {
			joined.WriteString(url[r.Start:r.End])
		}
	}
	if len(ls) < 3 || joined.String() != url {
		t.Errorf("%d lines holding %q", len(ls), joined.String())
	}
}

func TestLines(t *testing.T) {
	test.NewTempApp(t)
	m := Measurers{}.At(14)
	title := "2.1 Sovereign equality and equal participation in international lawmaking"
	for _, tc := range []struct {
		width float32
		want  int
	}{
		{m.Width(title, 0) * 1.1, 1},
		{m.Width("2.1 Sovereign equality and equal", 0) * 1.05, 3},
	} {
		if got := Lines(m, title, tc.width); got != tc.want {
			t.Errorf("Lines at %.0f = %d, want %d", tc.width, got, tc.want)
		}
	}
}

// TestWrap: the lines a label shows unwrapped are the ones Lines counts,
// each as wide as the column at most, holding the words in order.
func TestWrap(t *testing.T) {
	test.NewTempApp(t)
	m := Measurers{}.At(14)
	title := "2.1 Sovereign equality and equal participation in international lawmaking"
	for _, width := range []float32{m.Width(title, 0) * 1.1, m.Width("2.1 Sovereign equality and equal", 0) * 1.05, 90, 30} {
		got := Wrap(m, title, width)
		lines := strings.Split(got, "\n")
		if len(lines) != Lines(m, title, width) {
			t.Errorf("at %.0f: %d lines %q, Lines says %d", width, len(lines), lines, Lines(m, title, width))
		}
		for _, l := range lines {
			if w := m.Width(l, 0); w > width || l != strings.TrimSpace(l) || l == "" {
				t.Errorf("at %.0f: line %q (%.0f wide)", width, l, w)
			}
		}
		// a word longer than the column is cut, so compare without spaces
		if strings.Join(strings.Fields(got), "") != strings.ReplaceAll(title, " ", "") {
			t.Errorf("at %.0f: the lines %q do not hold the title", width, lines)
		}
	}
	if got := Wrap(m, "", 100); got != "" {
		t.Errorf("Wrap of nothing = %q", got)
	}
}

// FuzzBreak checks what must hold for any text and width: no line is
// wider than the column, and the lines hold every non-space character in
// order.
func FuzzBreak(f *testing.F) {
	for _, s := range []string{"the active participation of all States", "www.justsecurity.org/2024/10/02/un", "a\nb c", "", "  "} {
		f.Add(s, float32(120))
	}
	test.NewTempApp(f)
	ms := Measurers{}
	f.Fuzz(func(t *testing.T, text string, width float32) {
		if width < 20 || width > 2000 || len(text) > 2000 {
			return
		}
		spans := []Span{{Text: text}}
		ls := breakAt(ms, width, false, spans...)
		var got strings.Builder
		for _, l := range ls {
			if l.Width() > width+0.01 {
				t.Fatalf("line %q is %.1f wide in %.1f", lines(spans, []Line{l}), l.Width(), width)
			}
			for _, r := range l {
				got.WriteString(text[r.Start:r.End])
			}
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(got.String()) != strip(text) {
			t.Fatalf("lines hold %q, text is %q", strip(got.String()), strip(text))
		}
	})
}

// TestSettle: runs placed by their drawn widths keep the space the
// breaker left between them, so a marker touches its word and the next
// word is one space away, however much kerning shortens the run.
func TestSettle(t *testing.T) {
	test.NewTempApp(t)
	ms := Measurers{}
	for _, tc := range []struct {
		name  string
		size  float32
		spans []Span
	}{
		{"a marker after a kerned word", 54, []Span{{Text: "Together,"}, {Text: "139", Small: true, Glue: true}}},
		{"an italic word after a kerned run", 32, []Span{{Text: "AVAWAY To. "}, {Text: "jus cogens", Style: article.Italic}, {Text: " norm"}}},
		{"a run at reading size", 16, []Span{{Text: "mislead the user, and terrorism "}, {Text: "cogens", Style: article.Bold}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls := Break(ms, Params{Size: tc.size, Width: 4000, SmallScale: 0.6}, len(tc.spans), func(i int) Span { return tc.spans[i] })
			if len(ls) != 1 || len(ls[0]) != len(tc.spans) {
				t.Fatalf("want one line of %d runs, got %d lines", len(tc.spans), len(ls))
			}
			l := ls[0]
			planned := append(Line(nil), l...)
			size := func(i int) float32 {
				if tc.spans[l[i].Span].Small {
					return tc.size * 0.6
				}
				return tc.size
			}
			drawn := func(i int) float32 {
				sp := tc.spans[l[i].Span]
				return fyne.MeasureText(sp.Text[l[i].Start:l[i].End], size(i), TextStyle(sp.Style)).Width
			}
			l.Settle(func(i int) float32 {
				return ms.At(size(i)).Drawn(tc.spans[l[i].Span].Text[l[i].Start:l[i].End], TextStyle(tc.spans[l[i].Span].Style))
			})
			if l.Width() > planned.Width() {
				t.Errorf("settled line %.1f wide, planned %.1f", l.Width(), planned.Width())
			}
			for i := 1; i < len(l); i++ {
				want := planned[i].X - (planned[i-1].X + planned[i-1].W)
				if got := l[i].X - (l[i-1].X + drawn(i-1)); got < want-0.01 || got > want+0.01 {
					t.Errorf("run %d starts %.2f px after run %d as drawn; the breaker left %.2f", i, got, i-1, want)
				}
			}
		})
	}
}

// BenchmarkBreakArticle breaks every paragraph of the article at a 700 px
// column, advances cached: the reader's layout on each resize and zoom.
func BenchmarkBreakArticle(b *testing.B) {
	test.NewTempApp(b)
	paras := articleParagraphs(b)
	ms := Measurers{}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			Break(ms, Params{Size: 16, Width: 700}, 1, func(int) Span { return Span{Text: p} })
		}
	}
}

// BenchmarkSettleArticle settles every line of the article at 200%, drawn
// widths cached: the most drawing could ask of Settle (the reader settles
// only the lines on screen, and only those of more than one run).
func BenchmarkSettleArticle(b *testing.B) {
	test.NewTempApp(b)
	ms := Measurers{}
	var lines []Line
	var texts []string
	for _, p := range articleParagraphs(b) {
		for _, l := range Break(ms, Params{Size: 32, Width: 1400}, 1, func(int) Span { return Span{Text: p} }) {
			lines, texts = append(lines, l), append(texts, p)
		}
	}
	m := ms.At(32)
	b.ResetTimer()
	for b.Loop() {
		for i, l := range lines {
			l.Settle(func(k int) float32 { return m.Drawn(texts[i][l[k].Start:l[k].End], fyne.TextStyle{}) })
		}
	}
	b.ReportMetric(float64(len(lines)), "lines")
}

func articleParagraphs(tb testing.TB) []string {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range doc.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}
