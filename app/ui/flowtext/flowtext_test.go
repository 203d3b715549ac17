package flowtext

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/article"
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
