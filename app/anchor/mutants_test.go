package anchor

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestLocateQuoteOpeningParagraph: a quote that opens its paragraph is
// found exactly, at offset 0, also when the same words come again later.
func TestLocateQuoteOpeningParagraph(t *testing.T) {
	ps := paras("Sovereign equality is a principle. Sovereign equality is a rule.", "Other words.")
	a := At(ps, 0, 0, len("Sovereign equality"))
	m, ok := Locate(ps, a)
	if !ok || m.Method != Exact || m.Index != 0 || m.Start != 0 {
		t.Fatalf("Locate = %+v, %v; want the exact quote at the start of paragraph 0", m, ok)
	}
}

// TestLocateSameTextPrefersSameParagraph: two paragraphs with the same
// words and the same context: the note goes back to the paragraph it was
// made on (by ID), even when paragraphs moved and the index points at
// the other.
func TestLocateSameTextPrefersSameParagraph(t *testing.T) {
	const text = "The Committee met in Vienna."
	ps := []article.Paragraph{{ID: "p-1-aaaaaa", Text: text}, {ID: "p-1-bbbbbb", Text: text}}
	a := New(text, 4, 13) // "Committee"
	a.Paragraph, a.Index = "p-1-bbbbbb", 0
	m, ok := Locate(ps, a)
	if !ok || m.Index != 1 {
		t.Fatalf("Locate = %+v, %v; want paragraph 1, whose ID the note names", m, ok)
	}
}

// TestLocateHintFollowsTheID: when the quote was edited and its paragraph
// moved, the position hint is the paragraph the note names by ID (here
// now the first), not the index it had.
func TestLocateHintFollowsTheID(t *testing.T) {
	old := []article.Paragraph{
		{ID: "p-1-aaaaaa", Text: "Intro words."},
		{ID: "p-1-bbbbbb", Text: "More words."},
		{ID: "p-1-cccccc", Text: "Human rights safeguards are weak in the Convention, critics say."},
	}
	a := At(old, 2, 13, 50) // "safeguards are weak in the Convention"
	moved := []article.Paragraph{
		{ID: "p-1-cccccc", Text: "Human rights safeguards were weak in this Convention, critics say."},
		{ID: "p-1-aaaaaa", Text: "Intro words."},
		{ID: "p-1-bbbbbb", Text: "More words."},
	}
	m, ok := Locate(moved, a)
	if !ok || m.Method != Hint || m.Index != 0 {
		t.Fatalf("Locate = %+v, %v; want a hint match in paragraph 0, which carries the note's paragraph ID", m, ok)
	}
}

// TestLocateContextBeatsPosition: when the sentences of a paragraph were
// reordered, the occurrence whose surrounding words match the note's
// context wins over the one at the old offset; the words before and the
// words after each count on their own.
func TestLocateContextBeatsPosition(t *testing.T) {
	tests := []struct {
		name, old string
		nth       int // the occurrence of "principle" the note was made on
		new       string
		want      int // the occurrence it must find
	}{
		{"words after decide", "The principle is new. The principle is old.", 0, "The principle is old. The principle is new.", 1},
		{"words before decide", "One: the principle. Two: the principle.", 1, "Two: the principle. One: the principle.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := anchorFor(t, paras(tt.old), 0, "principle", tt.nth)
			want := strings.Index(tt.new, "principle")
			if tt.want == 1 {
				want += 1 + strings.Index(tt.new[want+1:], "principle")
			}
			m, ok := Locate(paras(tt.new), a)
			if !ok || m.Start != want {
				t.Fatalf("Locate = %+v, %v; want the occurrence at %d, whose context matches the note's", m, ok, want)
			}
		})
	}
}

// TestApproxFindEdits: the edit distance counts a changed letter, a letter
// the text added and a letter the text lost alike, one edit each.
func TestApproxFindEdits(t *testing.T) {
	const text = "the quick brown fox jumps"
	tests := []struct{ pattern, want string }{
		{"quick brawn", "quick brown"},  // changed
		{"quick brwn", "quick brown"},   // the text has one more
		{"quick broown", "quick brown"}, // the text has one less
	}
	for _, tt := range tests {
		s, e, sim := approxFind(text, tt.pattern)
		if wantSim := 1 - 1/float64(len(tt.pattern)); text[s:e] != tt.want || sim != wantSim {
			t.Errorf("approxFind(%q) = %q %.3f, want %q %.3f", tt.pattern, text[s:e], sim, tt.want, wantSim)
		}
	}
}
