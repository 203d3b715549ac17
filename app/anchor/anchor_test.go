package anchor

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

func paras(texts ...string) []article.Paragraph {
	var ps []article.Paragraph
	for i, t := range texts {
		ps = append(ps, article.Paragraph{ID: "p" + string(rune('a'+i)), Index: i, Text: t})
	}
	return ps
}

func anchorFor(t *testing.T, ps []article.Paragraph, index int, quote string, nth int) Anchor {
	t.Helper()
	text := ps[index].Text
	off := 0
	for k := 0; ; k++ {
		j := strings.Index(text[off:], quote)
		if j < 0 {
			t.Fatalf("%q not in paragraph %d", quote, index)
		}
		if k == nth {
			return At(ps, index, off+j, off+j+len(quote))
		}
		off += j + 1
	}
}

func TestNewContext(t *testing.T) {
	text := strings.Repeat("x", 40) + "QUOTE" + strings.Repeat("é", 40)
	a := New(text, 40, 45)
	if a.Exact != "QUOTE" || a.Prefix != strings.Repeat("x", 32) || a.Suffix != strings.Repeat("é", 32) || a.Start != 40 {
		t.Fatalf("New = %+v", a)
	}
	// Offsets inside a rune or out of range are repaired, not a panic.
	b := New("aéb", 2, 99)
	if b.Exact != "éb" || b.Start != 1 {
		t.Fatalf("New clamped = %+v", b)
	}
	if c := New("abc", 5, 1); c.Exact != "" {
		t.Fatalf("New reversed = %+v", c)
	}
}

func TestLocate(t *testing.T) {
	old := paras(
		"Sovereign equality is a principle. The principle of non-interference follows.",
		"Russia and China promoted the principle of non-interference in the UN.",
		"Human rights safeguards are weak in the Convention on cybercrime, critics say.",
	)
	tests := []struct {
		name       string
		index      int
		quote      string
		nth        int
		new        []article.Paragraph
		wantOK     bool
		wantIndex  int
		wantText   string
		wantMethod Method
	}{
		{"unchanged", 2, "weak in the Convention", 0, old, true, 2, "weak in the Convention", Exact},
		{"moved paragraph", 2, "weak in the Convention", 0,
			paras("A new opening paragraph.", old[0].Text, old[1].Text, old[2].Text), true, 3, "weak in the Convention", Exact},
		{"repeated text, prefix decides", 1, "principle of non-interference", 0,
			paras(old[1].Text, old[0].Text, old[2].Text), true, 0, "principle of non-interference", Exact},
		{"repeated text in one paragraph, context decides", 0, "principle", 1, old, true, 0, "principle", Exact},
		{"spacing and case changed", 2, "weak in the Convention", 0,
			paras(old[0].Text, old[1].Text, "Human rights safeguards are WEAK  in\nthe Convention on cybercrime, critics say."),
			true, 2, "WEAK  in\nthe Convention", Exact},
		{"small edit at the hint", 2, "safeguards are weak in the Convention", 0,
			paras(old[0].Text, old[1].Text, "Human rights safeguards were weak in this Convention on cybercrime, critics say."),
			true, 2, "safeguards were weak in this Convention", Hint},
		{"small edit elsewhere", 2, "safeguards are weak in the Convention on cybercrime", 0,
			paras("Intro.", "Human rights safeguards are weak in the Convention on cyber-crime, critics say.", "Other."),
			true, 1, "safeguards are weak in the Convention on cyber-crime", Fuzzy},
		{"text gone: orphan", 2, "weak in the Convention", 0,
			paras(old[0].Text, old[1].Text, "Entirely different words now stand here."), false, 0, "", NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := anchorFor(t, old, tt.index, tt.quote, tt.nth)
			m, ok := Locate(tt.new, a)
			if ok != tt.wantOK {
				t.Fatalf("Locate ok = %v (%+v), want %v", ok, m, tt.wantOK)
			}
			if !ok {
				return
			}
			got := tt.new[m.Index].Text[m.Start:m.End]
			if m.Index != tt.wantIndex || got != tt.wantText || m.Method != tt.wantMethod {
				t.Fatalf("Locate = %+v %q, want index %d %q by %v", m, got, tt.wantIndex, tt.wantText, tt.wantMethod)
			}
			if tt.name == "repeated text in one paragraph, context decides" && m.Start != a.Start {
				t.Fatalf("picked occurrence at %d, anchor was at %d", m.Start, a.Start)
			}
		})
	}
}

// TestLocateFuzzyChoosesBest: when the quote survives only in edited
// forms elsewhere in the document, the fuzzy search takes the closest
// text, wherever it stands; between equally close texts, the one nearest
// the paragraph the note was made on. The paragraph at the hint ("pc")
// holds other words, so neither the exact nor the hint search places it.
func TestLocateFuzzyChoosesBest(t *testing.T) {
	const quote = "safeguards are weak in the Convention on cybercrime"
	old := paras("Intro.", "Background.", "Human rights "+quote+", critics say.", "Coda.")
	a := anchorFor(t, old, 2, quote, 0)
	const (
		far   = "Human rights safeguards were weak in this Convention on cyber-crime, critics say." // five edits
		close = "Human rights safeguards are weak in the Convention on cyber-crime, critics say."   // one edit
		other = "Entirely different words now stand here."
	)
	tests := []struct {
		name      string
		new       []article.Paragraph
		wantIndex int
		wantText  string
	}{
		{"closer text after a weaker one", paras(far, other, other, other, close), 4,
			"safeguards are weak in the Convention on cyber-crime"},
		{"closer text before a weaker one", paras(close, other, other, other, far), 0,
			"safeguards are weak in the Convention on cyber-crime"},
		{"equally close: the one nearer the note's paragraph", paras(close, other, other, close), 3,
			"safeguards are weak in the Convention on cyber-crime"},
		{"closer text farther from the note's paragraph than a weaker one", paras(close, other, other, far), 0,
			"safeguards are weak in the Convention on cyber-crime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := Locate(tt.new, a)
			if !ok || m.Method != Fuzzy {
				t.Fatalf("Locate = %+v, %v; want a fuzzy match", m, ok)
			}
			if got := tt.new[m.Index].Text[m.Start:m.End]; m.Index != tt.wantIndex || got != tt.wantText {
				t.Fatalf("fuzzy search chose paragraph %d %q (score %.2f), want paragraph %d %q: it must take the closest text, then the nearest to the hint",
					m.Index, got, m.Score, tt.wantIndex, tt.wantText)
			}
		})
	}
}

func TestLocateEmpty(t *testing.T) {
	if _, ok := Locate(paras("text"), Anchor{Exact: "  "}); ok {
		t.Fatal("blank anchor located")
	}
	if _, ok := Locate(nil, Anchor{Exact: "text"}); ok {
		t.Fatal("anchor located in no paragraphs")
	}
}

func TestFind(t *testing.T) {
	ps := paras("First paragraph here.", "The  UN General\nAssembly adopted İt.", "the un general assembly again")
	tests := []struct {
		quote     string
		ok        bool
		index     int
		wantExact string
	}{
		{"un general assembly", true, 1, "UN General\nAssembly"},
		{"  the un   GENERAL assembly ", true, 1, "The  UN General\nAssembly"},
		{"adopted it.", true, 1, "adopted İt."},
		{"again", true, 2, "again"},
		{"not in the text", false, 0, ""},
		{"   ", false, 0, ""},
	}
	for _, tt := range tests {
		i, s, e, ok := Find(ps, tt.quote)
		if ok != tt.ok {
			t.Fatalf("Find(%q) ok = %v", tt.quote, ok)
		}
		if ok && (i != tt.index || ps[i].Text[s:e] != tt.wantExact) {
			t.Fatalf("Find(%q) = %d %q, want %d %q", tt.quote, i, ps[i].Text[s:e], tt.index, tt.wantExact)
		}
	}
}

func TestApproxFind(t *testing.T) {
	s, e, sim := approxFind("the quick brown fox jumps", "quick brwn")
	if got := "the quick brown fox jumps"[s:e]; got != "quick brown" || sim != 0.9 {
		t.Fatalf("approxFind = %q %v", got, sim)
	}
}

func FuzzLocate(f *testing.F) {
	f.Add("Sovereign equality is a principle.", 3, 12, "Sovereign equality was a principle.")
	f.Add("aé\u00a0b  c", 1, 4, "AÉ B C")
	f.Fuzz(func(t *testing.T, text string, start, end int, edited string) {
		ps := paras(text)
		a := At(ps, 0, start, end)
		if m, ok := Locate(paras(edited), a); ok {
			_ = edited[m.Start:m.End]
		}
		if strings.TrimSpace(a.Exact) != "" {
			if m, ok := Locate(ps, a); !ok || m.Method != Exact {
				t.Fatalf("anchor %+v not found exactly in its own text", a)
			}
		}
		Find(ps, edited)
	})
}
