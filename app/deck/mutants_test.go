package deck

import (
	"fmt"
	"strings"
	"testing"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestParseIgnoresByteOrderMark: a deck saved by an editor that writes a
// byte order mark reads as the same deck, also when its first line is a
// card.
func TestParseIgnoresByteOrderMark(t *testing.T) {
	plain, err := Parse([]byte(sample[strings.Index(sample, "## "):]))
	if err != nil {
		t.Fatal(err)
	}
	withBOM, err := Parse([]byte("\ufeff" + sample[strings.Index(sample, "## "):]))
	if err != nil {
		t.Fatalf("with a byte order mark: %v", err)
	}
	if fmt.Sprintf("%#v", withBOM) != fmt.Sprintf("%#v", plain) {
		t.Errorf("with a byte order mark:\n got %#v\nwant %#v", withBOM, plain)
	}
}

// TestAnchorLengthBounds: anchors of MinAnchor to MaxAnchor characters
// are accepted, one fewer or one more is refused.
func TestAnchorLengthBounds(t *testing.T) {
	card := func(n int) string {
		return "## c\ntype: basic\ntags: t\nfront: F?\nback: B.\nanchor: " + strings.Repeat("é", n) + "\n"
	}
	for n, ok := range map[int]bool{MinAnchor - 1: false, MinAnchor: true, MaxAnchor: true, MaxAnchor + 1: false} {
		cards, err := Parse([]byte(card(n)))
		if got := err == nil && len(cards) == 1; got != ok {
			t.Errorf("anchor of %d characters: accepted %v, want %v (%v)", n, got, ok, err)
		}
	}
}

// TestRefusedFieldTakesNoContinuation: the indented line after a field
// refused (unknown, or given twice) is not added to the field before it;
// it is reported as continuing nothing.
func TestRefusedFieldTakesNoContinuation(t *testing.T) {
	for _, refused := range []string{"colour: red", "front: Which other article?"} {
		src := "## c\ntype: basic\ntags: t\nfront: Which article?\n" + refused + "\n  and blue\nback: B.\nanchor: affirms the sovereign equality of all Member States\n"
		cards, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), "deck:6: card \"c\": indented line continues no field") {
			t.Errorf("after %q: err = %v; want the indented line reported", refused, err)
		}
		for _, c := range cards {
			if c.Front != "Which article?" {
				t.Errorf("after %q: front %q took the indented line", refused, c.Front)
			}
		}
	}
}

// TestAnchorErrorSays: an anchor in no paragraph and one in several are
// told apart.
func TestAnchorErrorSays(t *testing.T) {
	none := (&AnchorError{Line: 3, CardID: "c", Quote: "q"}).Error()
	two := (&AnchorError{Line: 3, CardID: "c", Quote: "q", Found: []string{"p-1-a", "p-1-b"}}).Error()
	if !strings.Contains(none, "is in no paragraph") || !strings.Contains(two, "is in 2 paragraphs (p-1-a, p-1-b)") {
		t.Errorf("messages: %q / %q", none, two)
	}
	one := (&AnchorError{Line: 3, CardID: "c", Quote: "q", Found: []string{"p-1-a"}}).Error()
	if strings.Contains(one, "no paragraph") {
		t.Errorf("an anchor found once is not in no paragraph: %q", one)
	}
}

// TestClozeStrayCloser: a "}}" that closes no gap is an error wherever it
// stands, right after a gap or at the very start.
func TestClozeStrayCloser(t *testing.T) {
	for _, text := range []string{"In {{c1::1954}}}} at Bandung.", "}} at the start.", "A gap {{c1::here}} and a stray }} later."} {
		if _, err := ParseCloze(text); err == nil || !strings.Contains(err.Error(), "closes no gap") {
			t.Errorf("ParseCloze(%q) = %v; want a stray \"}}\" reported", text, err)
		}
	}
}
