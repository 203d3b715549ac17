package principles

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

func shippedDoc(t testing.TB) *article.Document {
	t.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestShippedMapResolves: every quote of the shipped map is in exactly one
// paragraph of the real article, in the section of its cell; every cell
// has a gloss of one line.
func TestShippedMapResolves(t *testing.T) {
	doc := shippedDoc(t)
	rows, err := Parse(assets.Principles)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	resolved, errs := Resolve(rows, doc)
	for _, e := range errs {
		t.Error(e)
	}
	folded := make([]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		folded[i] = fold(p.Text)
	}
	quotes := 0
	for _, r := range resolved {
		for _, c := range r.Cells {
			if c.Gloss == "" || strings.ContainsAny(c.Gloss, "\n") || len([]rune(c.Gloss)) > 140 {
				t.Errorf("%s, section %s: gloss %q is not one short line", r.ID, c.Section, c.Gloss)
			}
			for _, p := range c.Passages {
				quotes++
				if got := holders(folded, p.Quote); len(got) != 1 || got[0] != p.Paragraph {
					t.Errorf("%s: quote %q resolved to %d, held by %v", r.ID, p.Quote, p.Paragraph, got)
				}
				if s := doc.Paragraphs[p.Paragraph].Section; s != c.Section {
					t.Errorf("%s: quote %q is in section %s, cell says %s", r.ID, p.Quote, s, c.Section)
				}
			}
		}
	}
	if quotes < len(rows)*2 {
		t.Errorf("%d quotes for %d principles", quotes, len(rows))
	}
}

// The rows the map must have: the principles of the article's argument and
// the three concepts a keyword map could not show (issue 18).
func TestShippedMapHasRequiredRows(t *testing.T) {
	rows, err := Parse(assets.Principles)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Name] = true
	}
	for _, name := range []string{
		"State sovereignty", "Sovereign equality", "Equal participation in lawmaking", "Non-interference",
		"Primacy of sovereignty over human rights", "Information security",
		"Multistakeholder vs State-centric governance", "Cyber-dependent vs cyber-enabled crime",
	} {
		if !have[name] {
			t.Errorf("no row %q", name)
		}
	}
}

// TestShippedMapTracesTheThesis: each corollary is discussed where the
// article's plan says it is (sections 2, 3 and 4) and again in the
// conclusion.
func TestShippedMapTracesTheThesis(t *testing.T) {
	doc := shippedDoc(t)
	rows, err := Load(assets.Principles, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"equal-participation":  {"2.1", "2.2", "5"},
		"human-rights-primacy": {"3.1", "3.2", "3.3", "5"},
		"non-interference":     {"4.1", "4.2", "4.3", "5"},
	}
	for _, r := range rows {
		secs, ok := want[r.ID]
		if !ok {
			continue
		}
		delete(want, r.ID)
		for _, s := range secs {
			found := false
			for _, c := range r.Cells {
				found = found || c.Section == s && len(c.Passages) > 0
			}
			if !found {
				t.Errorf("%s has no passage in section %s", r.ID, s)
			}
		}
	}
	for id := range want {
		t.Errorf("no row %s", id)
	}
}

var parseErrors = []struct {
	name, src, want string
}{
	{"no name", "## a\nsection 1: g\n> a quote of twenty characters\n", "no name"},
	{"no cell", "## a\nname: A\n", "no \"section N: gloss\" cell"},
	{"no quote", "## a\nname: A\nsection 1: g\n", "no \"> quote\" line"},
	{"quote first", "## a\nname: A\n> a quote of twenty characters\n", "quote before any"},
	{"short quote", "## a\nname: A\nsection 1: g\n> short\n", "shorter than"},
	{"no gloss", "## a\nname: A\nsection 1:\n> a quote of twenty characters\n", "no gloss"},
	{"same section", "## a\nname: A\nsection 1: g\n> a quote of twenty characters\nsection 1: h\n> another quote of twenty\n", "already has a cell"},
	{"bad id", "## A b\nname: A\nsection 1: g\n> a quote of twenty characters\n", "use lower-case"},
	{"duplicate id", "## a\nname: A\nsection 1: g\n> a quote of twenty characters\n## a\nname: B\nsection 1: g\n> a quote of twenty characters\n", "already used at line 1"},
	{"stray line", "## a\nname: A\nwhat is this\n", "is not a name:"},
	{"name twice", "## a\nname: A\nname: B\nsection 1: g\n> a quote of twenty characters\n", "name given twice"},
}

func TestParseErrors(t *testing.T) {
	for _, c := range parseErrors {
		t.Run(c.name, func(t *testing.T) {
			rows, err := Parse([]byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one containing %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "principles:") {
				t.Errorf("error %q has no line", err)
			}
			for _, r := range rows {
				if r.ID == "a" && c.name != "duplicate id" {
					t.Errorf("row with a problem was returned: %+v", r)
				}
			}
		})
	}
}

func TestParseKeepsSoundRows(t *testing.T) {
	src := "doc text\n## a\nname: A\nsection 2.1: what 2.1 says\n> a quote of twenty characters\n<!-- note -->\n\n> another quote of twenty\nsection 5: end\n> a third quote, long enough\n## b\nname: B\n"
	rows, err := Parse([]byte(src))
	if err == nil {
		t.Fatal("row b has no cell, want an error")
	}
	if len(rows) != 1 || rows[0].ID != "a" || len(rows[0].Cells) != 2 || len(rows[0].Cells[0].Passages) != 2 || rows[0].Cells[1].Section != "5" {
		t.Fatalf("rows = %+v", rows)
	}
	if rows[0].Cells[0].Gloss != "what 2.1 says" || rows[0].Cells[0].Passages[1].Line != 8 {
		t.Errorf("cell = %+v", rows[0].Cells[0])
	}
}

func TestResolveErrors(t *testing.T) {
	doc := shippedDoc(t)
	src := `## a
name: A
section 1: g
> this quote is in no paragraph of the article at all
> the Five Principles of Peaceful Coexistence
> the nation's new territory for sovereignty
section 3.1: h
> the nation's new territory for sovereignty
`
	rows, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got, errs := Resolve(rows, doc)
	want := []string{"in no paragraph", "paragraphs (", "is in section 3.1, not 1"}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %v, want %q", i, errs[i], w)
		}
	}
	if n := len(got[0].Cells[0].Passages); n != 0 {
		t.Errorf("section 1 kept %d passages that did not resolve", n)
	}
	if ps := got[0].Cells[1].Paragraphs(); len(ps) != 1 || doc.Paragraphs[ps[0]].Section != "3.1" {
		t.Errorf("section 3.1 paragraphs %v", ps)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range parseErrors {
		f.Add(c.src)
	}
	f.Add(string(assets.Principles))
	f.Fuzz(func(t *testing.T, src string) {
		rows, _ := Parse([]byte(src))
		for _, r := range rows {
			if r.Name == "" || len(r.Cells) == 0 {
				t.Fatalf("unsound row returned: %+v", r)
			}
			for _, c := range r.Cells {
				if len(c.Passages) == 0 || c.Gloss == "" {
					t.Fatalf("unsound cell returned: %+v", c)
				}
			}
		}
	})
}

func BenchmarkLoadShipped(b *testing.B) {
	doc := shippedDoc(b)
	for b.Loop() {
		if _, err := Load(assets.Principles, doc); err != nil {
			b.Fatal(err)
		}
	}
}
