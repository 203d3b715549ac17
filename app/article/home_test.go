package article

import (
	"testing"

	"github.com/glossa-app/glossa/assets"
)

func TestFootnoteHome(t *testing.T) {
	for _, tc := range []struct {
		name string
		fn   Footnote
		want string
	}{
		{"marker kept", Footnote{N: 3, Paragraph: "p-4", Near: ""}, "p-4"},
		{"marker kept wins over a stale Near", Footnote{N: 3, Paragraph: "p-4", Near: "p-2"}, "p-4"},
		{"marker lost", Footnote{N: 7, Paragraph: "", Near: "p-9"}, "p-9"},
		{"not placed", Footnote{N: 8}, ""},
	} {
		if got := tc.fn.Home(); got != tc.want {
			t.Errorf("%s: Home() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFootnoteHomeArticle: on the shipped article every footnote has a
// home that is one of its paragraphs, the paragraph holding its marker
// when the marker survived.
func TestFootnoteHomeArticle(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	refs := map[string]map[int]bool{}
	for _, p := range d.Paragraphs {
		refs[p.ID] = map[int]bool{}
		for _, r := range p.Refs {
			refs[p.ID][r.N] = true
		}
	}
	lost := 0
	for i := range d.Footnotes {
		f := &d.Footnotes[i]
		home := f.Home()
		in, ok := refs[home]
		switch {
		case !ok:
			t.Errorf("footnote %d: home %q is no paragraph", f.N, home)
		case f.Paragraph != "" && !in[f.N]:
			t.Errorf("footnote %d: home %s does not hold its marker", f.N, home)
		case f.Paragraph == "":
			lost++
		}
	}
	if lost == 0 {
		t.Error("the article has footnotes whose marker was lost; none was found, so the Near half is untested")
	}
}
