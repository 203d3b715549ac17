package ui

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// drawnRunes is every rune the window can draw from what ships: the
// article (its source and the parsed text, in case the parser makes a
// rune of its own), the study content, and the string and rune literals
// of the interface's code. Each rune maps to the first place it occurs,
// so a failure says where to look.
func drawnRunes(t *testing.T) map[rune]string {
	t.Helper()
	where := map[rune]string{}
	add := func(text, place string) {
		for _, r := range text {
			if r < 0x20 || r == 0x7f || unicode.Is(unicode.Variation_Selector, r) || r == '\ufeff' {
				continue // control characters and modifiers are never drawn as glyphs
			}
			if _, ok := where[r]; !ok {
				where[r] = place
			}
		}
	}
	texts := []struct {
		name string
		src  []byte
	}{
		{"assets/article.md", assets.Article},
		{"assets/deck.md", assets.Deck},
		{"assets/timeline.md", assets.Timeline},
		{"assets/principles.md", assets.Principles},
	}
	for _, f := range texts {
		for i, line := range bytes.Split(f.src, []byte("\n")) {
			add(string(line), fmt.Sprintf("%s:%d", f.name, i+1))
		}
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	add(doc.Series+doc.SeriesInfo+doc.Title+doc.Author+doc.Affiliation, "the article's title block")
	for _, s := range doc.Sections {
		add(s.Title, "the article's section "+s.Number)
	}
	for _, p := range doc.Paragraphs {
		add(p.Text, "the article's paragraph "+p.ID)
	}
	for _, fn := range doc.Footnotes {
		add(fn.Text, fmt.Sprintf("the article's footnote %d", fn.N))
	}

	fset, files := uiSources(t)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
				return true
			}
			s, err := strconv.Unquote(lit.Value) // a rune literal unquotes to its one-rune string
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			add(s, "app/ui/"+fset.Position(lit.Pos()).String())
			return true
		})
	}
	return where
}

// missingRunes lists, one a line, the runes of where that res has no
// glyph for, with the place each occurs.
func missingRunes(t *testing.T, res fyne.Resource, where map[rune]string) []string {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	var missing []string
	for r, place := range where {
		if _, ok := face.NominalGlyph(r); !ok {
			missing = append(missing, fmt.Sprintf("%U %q (first in %s)", r, r, place))
		}
	}
	sort.Strings(missing)
	return missing
}

// TestShippedFontsCoverEverythingDrawn fails when a rune of the article, the
// study content or the interface is not in the fonts Glossa ships: drawing
// it would send Fyne searching the system's fonts for a face that has it,
// parsing each candidate (about 70 ms a file).
//
// To see which runes Fyne's own faces lack, point shippedFont's cases at
// theme.DefaultTextFont() and friends and run this test.
func TestShippedFontsCoverEverythingDrawn(t *testing.T) {
	where := drawnRunes(t)
	if len(where) < 100 {
		t.Fatalf("found only %d distinct runes in the article, content and interface; the collector is broken", len(where))
	}
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}}
	for _, s := range styles {
		res := shippedFont(s)
		if m := missingRunes(t, res, where); len(m) > 0 {
			t.Errorf("%s lacks %d runes Glossa draws; add their blocks to scripts/make-fonts.sh and run it:\n%s",
				res.Name(), len(m), strings.Join(m, "\n"))
		}
	}
}

// TestThemeDrawsInShippedFonts: whichever theme the student picks, text
// is drawn in the shipped faces, not Fyne's (which lack some runes).
func TestThemeDrawsInShippedFonts(t *testing.T) {
	u, a := newTestUI(t, nil, Options{})
	for _, name := range themeNames {
		u.SetTheme(name)
		for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
			if got, want := a.Settings().Theme().Font(s), shippedFont(s); got != want {
				t.Errorf("theme %q, style %+v: font %s, want the shipped %s", name, s, got.Name(), want.Name())
			}
		}
	}
}
