package deck

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/assets"
)

const sample = `# A deck

Text before the first card is documentation.
key: value lines up here are not cards.

## sovereign-equality
type: basic
tags: principles un-charter
front: Which Charter provision affirms sovereign equality?
back: Article 2(1).
anchor: affirms the sovereign equality of all Member States

<!-- a comment
over lines -->
## five-principles
type: cloze
tags: principles
text: The Five Principles were first formulated in a {{c1::1954}} agreement
  between {{c1::China and India::two States}}.
back: Reaffirmed at Bandung.
anchor: originally formulated in a 1954 agreement between China and India
`

func TestParseSample(t *testing.T) {
	cards, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := []Card{
		{ID: "sovereign-equality", Type: Basic, Front: "Which Charter provision affirms sovereign equality?",
			Back: "Article 2(1).", Tags: []string{"principles", "un-charter"},
			Anchor: "affirms the sovereign equality of all Member States", Line: 6},
		{ID: "five-principles", Type: Cloze,
			Front: "The Five Principles were first formulated in a {{c1::1954}} agreement between {{c1::China and India::two States}}.",
			Back:  "Reaffirmed at Bandung.", Tags: []string{"principles"},
			Anchor: "originally formulated in a 1954 agreement between China and India", Line: 15},
	}
	if fmt.Sprintf("%#v", cards) != fmt.Sprintf("%#v", want) {
		t.Errorf("got  %#v\nwant %#v", cards, want)
	}
	if q := cards[1].Question(); q != "The Five Principles were first formulated in a [...] agreement between [two States]." {
		t.Errorf("Question = %q", q)
	}
	if a := cards[1].Answer(); a != "The Five Principles were first formulated in a 1954 agreement between China and India.\n\nReaffirmed at Bandung." {
		t.Errorf("Answer = %q", a)
	}
}

// parseErrorTests are malformed decks and the line and message of an
// error each must give.
var parseErrorTests = []struct {
	name, src string
	line      int
	msg       string
}{
	{"duplicate id", "## a\ntype: basic\ntags: t\nfront: f\nback: b\nanchor: " + strings.Repeat("x", 30) + "\n## a\ntype: basic\ntags: t\nfront: f\nback: b\nanchor: " + strings.Repeat("y", 30) + "\n",
		7, `duplicate card id "a" (first on line 1)`},
	{"missing back", "## a\ntype: basic\ntags: t\nfront: f\nanchor: " + strings.Repeat("x", 30) + "\n", 1, `missing field "back"`},
	{"missing type", "## a\ntags: t\nfront: f\nback: b\nanchor: " + strings.Repeat("x", 30) + "\n", 1, `missing field "type"`},
	{"bad type", "## a\ntype: essay\ntags: t\nfront: f\nback: b\nanchor: " + strings.Repeat("x", 30) + "\n", 2, `unknown type "essay"`},
	{"unknown field", "## a\ntype: basic\nfrnt: f\n", 3, `unknown field "frnt"`},
	{"field twice", "## a\ntype: basic\ntype: cloze\n", 3, `field "type" given twice (first on line 2)`},
	{"not a field", "## a\ntype: basic\njust words\n", 3, `want "key: value"`},
	{"stray indent", "## a\n\n  indented\n", 3, `indented line continues no field`},
	{"bad id", "## Not An Id\ntype: basic\n", 1, `card id "Not An Id"`},
	{"empty id", "##\ntype: basic\n", 1, `card without an id`},
	{"short anchor", "## a\ntype: basic\ntags: t\nfront: f\nback: b\nanchor: too short\n", 6, `anchor is 9 characters, want 25 to 200`},
	{"no tags", "## a\ntype: basic\nfront: f\nback: b\nanchor: " + strings.Repeat("x", 30) + "\n", 1, `no tags`},
	{"bad tag", "## a\ntype: basic\ntags: ok b@d\nfront: f\nback: b\nanchor: " + strings.Repeat("x", 30) + "\n", 3, `tag "b@d"`},
	{"cloze without gap", "## a\ntype: cloze\ntags: t\ntext: no gap here\nanchor: " + strings.Repeat("x", 30) + "\n", 4, `no {{c1::...}} gap`},
	{"cloze unclosed", "## a\ntype: cloze\ntags: t\ntext: a {{c1::gap\nanchor: " + strings.Repeat("x", 30) + "\n", 4, `never closed`},
	{"cloze with front", "## a\ntype: cloze\ntags: t\nfront: f\ntext: a {{c1::b}}\nanchor: " + strings.Repeat("x", 30) + "\n", 4, `not front`},
	{"heading inside", "## a\ntype: basic\n### sub\n", 3, `heading "### sub" inside a card`},
	{"open comment", "## a\n<!-- never closed\n", 2, `comment never closed`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			for _, e := range list {
				if e.Line == tt.line && strings.Contains(e.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("no error on line %d containing %q; got:\n%v", tt.line, tt.msg, err)
		})
	}
}

func TestParseKeepsGoodCardsBesideBadOnes(t *testing.T) {
	src := sample + "\n## broken\ntype: basic\n"
	cards, err := Parse([]byte(src))
	if err == nil || len(cards) != 2 {
		t.Fatalf("got %d cards, err %v; want the 2 good cards and an error", len(cards), err)
	}
	if want := fmt.Sprintf("deck:%d: ", strings.Count(sample, "\n")+2); !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q does not start with the line", err)
	}
}

func TestParseCloze(t *testing.T) {
	tests := []struct {
		in   string
		gaps []Gap
		err  string
	}{
		{"a {{c1::b}} c", []Gap{{N: 1, Answer: "b", Start: 2, End: 11}}, ""},
		{"{{c2::x::hint}}{{c1::y}}", []Gap{{N: 2, Answer: "x", Hint: "hint", End: 15}, {N: 1, Answer: "y", Start: 15, End: 24}}, ""},
		{"{{c1::Art. 2(1)}} of the {{C3::UN Charter}}", []Gap{{N: 1, Answer: "Art. 2(1)", End: 17}, {N: 3, Answer: "UN Charter", Start: 25, End: 43}}, ""},
		{"plain", nil, "no {{c1::...}} gap"},
		{"{{c0::x}}", nil, "not a positive integer"},
		{"{{c+1::x}}", nil, "not a positive integer"},
		{"{{x::y}}", nil, "want {{c1::answer}}"},
		{"{{c1::}}", nil, "empty answer"},
		{"{{c1::a {{c2::b}}}}", nil, "holds another gap"},
		{"a }} b", nil, "closes no gap"},
		{"{{c1::a}} }}", nil, "closes no gap"},
	}
	for _, tt := range tests {
		gaps, err := ParseCloze(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseCloze(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || fmt.Sprint(gaps) != fmt.Sprint(tt.gaps) {
			t.Errorf("ParseCloze(%q) = %v, %v; want %v", tt.in, gaps, err, tt.gaps)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	for _, tt := range parseErrorTests {
		f.Add([]byte(tt.src))
	}
	f.Add([]byte("\ufeff## a\r\ntype: cloze\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cards, err := Parse(src)
		var list ErrorList
		if err != nil && (!errors.As(err, &list) || len(list) == 0) {
			t.Fatalf("error is not a non-empty ErrorList: %v", err)
		}
		for _, e := range list {
			if e.Line < 0 || e.Line > strings.Count(string(src), "\n")+1 {
				t.Fatalf("error line %d outside the source: %v", e.Line, e)
			}
		}
		seen := map[string]bool{}
		for _, c := range cards {
			if seen[c.ID] {
				t.Fatalf("duplicate id %q accepted", c.ID)
			}
			seen[c.ID] = true
			if !idPattern.MatchString(c.ID) || len(c.Tags) == 0 || c.Front == "" {
				t.Fatalf("accepted a bad card: %+v", c)
			}
			if c.Type == Cloze {
				if _, err := ParseCloze(c.Front); err != nil {
					t.Fatalf("accepted a bad cloze: %v", err)
				}
			}
			if n := len([]rune(c.Anchor)); n < MinAnchor || n > MaxAnchor {
				t.Fatalf("accepted an anchor of %d characters", n)
			}
		}
	})
}

func FuzzParseCloze(f *testing.F) {
	f.Add("a {{c1::b}} c")
	f.Add("{{c2::x::hint}}{{c1::y}}")
	f.Add("{{c1::a {{c2::b}}}}")
	f.Fuzz(func(t *testing.T, s string) {
		gaps, err := ParseCloze(s)
		if err != nil {
			if Question(s) != s || Answer(s) != s {
				t.Fatal("Question or Answer changed an invalid cloze")
			}
			return
		}
		last := 0
		for _, g := range gaps {
			if g.Start < last || g.End <= g.Start || g.End > len(s) || g.N < 1 || !strings.HasPrefix(s[g.Start:], "{{") {
				t.Fatalf("bad gap %+v in %q", g, s)
			}
			last = g.End
		}
	})
}

// BenchmarkParse reads the shipped deck.
func BenchmarkParse(b *testing.B) {
	src := assets.Deck
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
