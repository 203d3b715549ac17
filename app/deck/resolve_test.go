package deck

import (
	"errors"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

func testDoc() *article.Document {
	return &article.Document{Paragraphs: []article.Paragraph{
		{ID: "2.1-according-to-the", Text: "According to the classical teaching of international law, equality must be regarded as an intrinsic condition of sovereignty."},
		{ID: "4.1-indeed-the-principle", Text: "Likewise, the Charter of the United Nations enshrines this principle in Article 2(7), which limits the authority of the UN."},
		{ID: "4.1-repeat", Text: "Again: the Charter of the United Nations enshrines this principle, said twice. Ünïcode  ŞTATE  text."},
	}}
}

func TestResolve(t *testing.T) {
	doc := testDoc()
	cards := []Card{
		{ID: "ok", Anchor: "EQUALITY must be regarded as an\n  intrinsic condition", Line: 1},
		{ID: "missing", Anchor: "a sentence the article never wrote", Line: 2},
		{ID: "ambiguous", Anchor: "the Charter of the United Nations enshrines this principle", Line: 3},
		{ID: "unicode", Anchor: "ünïcode şTATE TEXT", Line: 4},
	}
	got, errs := Resolve(cards, doc)
	if len(got) != 2 || got[0].ID != "ok" || got[1].ID != "unicode" {
		t.Fatalf("resolved %+v", got)
	}
	if got[0].ParagraphID != "2.1-according-to-the" {
		t.Errorf("paragraph %q", got[0].ParagraphID)
	}
	if s := doc.Paragraphs[0].Text[got[0].Start:got[0].End]; s != "equality must be regarded as an intrinsic condition" {
		t.Errorf("passage %q", s)
	}
	if s := doc.Paragraphs[2].Text[got[1].Start:got[1].End]; s != "Ünïcode  ŞTATE  text" {
		t.Errorf("passage %q", s)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v", errs)
	}
	var missing, ambiguous *AnchorError
	if !errors.As(errs[0], &missing) || missing.CardID != "missing" || len(missing.Found) != 0 {
		t.Errorf("first error %v", errs[0])
	}
	if !errors.As(errs[1], &ambiguous) || ambiguous.CardID != "ambiguous" || len(ambiguous.Found) != 2 {
		t.Errorf("second error %v", errs[1])
	}
	if !strings.Contains(errs[1].Error(), "deck:3:") || !strings.Contains(errs[1].Error(), "4.1-indeed-the-principle, 4.1-repeat") {
		t.Errorf("message %q", errs[1])
	}
	if _, errs := Resolve(cards, nil); len(errs) != 1 {
		t.Errorf("nil document: %v", errs)
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"":               "",
		"  A  b\n\tC ":   "a b c",
		"ÀB\u00a0c":      "àb c",
		"x\xffy":         "x\ufffdy",
		"İstanbul Hello": "istanbul hello", // two bytes fold to one
	}
	for in, want := range tests {
		n := normalize(in)
		if n.text != want {
			t.Errorf("normalize(%q) = %q, want %q", in, n.text, want)
		}
		if len(n.offsets) != len(n.text) {
			t.Errorf("normalize(%q): %d offsets for %d bytes", in, len(n.offsets), len(n.text))
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("Article 2(7)", "the UN Charter enshrines it in Article 2(7) here")
	f.Add("ünïcode şTATE", "Ünïcode  ŞTATE  text")
	f.Add("x\xffy", "ax\xffyb")
	f.Fuzz(func(t *testing.T, quote, text string) {
		doc := &article.Document{Paragraphs: []article.Paragraph{{ID: "p", Text: text}}}
		got, errs := Resolve([]Card{{ID: "c", Anchor: quote}}, doc)
		if len(got)+len(errs) != 1 {
			t.Fatalf("%d resolved, %d errors", len(got), len(errs))
		}
		if len(got) == 1 {
			r := got[0]
			if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
				t.Fatalf("bad range %d:%d of %d", r.Start, r.End, len(text))
			}
			if normalize(text[r.Start:r.End]).text != normalize(quote).text {
				t.Fatalf("passage %q does not match quote %q", text[r.Start:r.End], quote)
			}
		}
	})
}
