package lecture

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlanItemsRoundTrip(t *testing.T) {
	items := []Item{
		{Kind: ItemPassage, Paragraph: "p-3.3-d2833c"},
		{Kind: ItemPassage, Paragraph: "p-3.3-c237e8", From: 2, To: 3},
		{Kind: ItemFootnote, Footnote: 126},
		{Kind: ItemTimeline},
		{Kind: ItemMap, Map: MapPrinciples},
	}
	b, err := EncodeItems(items)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"kind":"passage","paragraph":"p-3.3-c237e8","from":2,"to":3`) {
		t.Errorf("JSON shape changed: %s", b)
	}
	got, err := DecodeItems(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, items) {
		t.Errorf("round trip: %+v, want %+v", got, items)
	}
	if b, _ := EncodeItems(nil); string(b) != "[]" {
		t.Errorf("no items encode as %s, want []", b)
	}
}

func TestPlanCheckRefusesBadItems(t *testing.T) {
	cases := []struct {
		plan Plan
		want string
	}{
		{Plan{Name: " "}, "no name"},
		{Plan{Name: "a", Items: []Item{{Kind: "video"}}}, `kind "video"`},
		{Plan{Name: "a", Items: []Item{{Kind: ItemPassage}}}, "paragraph ID"},
		{Plan{Name: "a", Items: []Item{{Kind: ItemPassage, Paragraph: "p", From: 3, To: 2}}}, "not a range"},
		{Plan{Name: "a", Items: []Item{{Kind: ItemFootnote}}}, "footnote number"},
		{Plan{Name: "a", Items: []Item{{Kind: ItemMap, Map: "world"}}}, `map "world"`},
		{Plan{Name: "a", Items: make([]Item, MaxPlanItems+1)}, "more than"},
	}
	for _, c := range cases {
		err := c.plan.Check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one saying %q", c.plan.Name, err, c.want)
		}
	}
	if _, err := DecodeItems([]byte(`[{"kind":"map","map":"moon"}]`)); err == nil || !strings.Contains(err.Error(), "step 1") {
		t.Errorf("a bad stored item: %v, want an error naming step 1", err)
	}
	if _, err := DecodeItems([]byte(`{`)); err == nil {
		t.Error("broken JSON decoded without error")
	}
}

func TestMoveItems(t *testing.T) {
	items := []Item{{Kind: ItemTimeline}, {Kind: ItemFootnote, Footnote: 1}, {Kind: ItemFootnote, Footnote: 2}}
	if j := Move(items, 2, -1); j != 1 || items[1].Footnote != 2 || items[2].Footnote != 1 {
		t.Errorf("up: at %d, %+v", j, items)
	}
	if j := Move(items, 0, -1); j != 0 || items[0].Kind != ItemTimeline {
		t.Errorf("up from the top moved: at %d, %+v", j, items)
	}
	if j := Move(items, 2, 1); j != 2 {
		t.Errorf("down from the bottom moved to %d", j)
	}
}

// TestParagraphSteps: a paragraph that takes more lines than a step may
// is cut by sentence; a short one stays whole; a chosen range is cut
// only when it is itself long. Lines here are counted at 60 characters a
// line, as a stand-in for the projector's line breaker.
func TestParagraphSteps(t *testing.T) {
	doc := shipped(t)
	byChars := func(pi, start, end int) int { return (end - start + 59) / 60 }
	long := paragraph(t, doc, "p-3.3-c237e8")  // 1,493 bytes, 6 sentences
	short := paragraph(t, doc, "p-2.1-37a926") // 135 bytes
	ls := Sentences(long.Text)
	if got := ParagraphSteps(long, ls, 0, -1, byChars, MaxStepLines); len(got) != 6 || got[2].First != 2 || got[2].Last != 2 || got[2].Whole {
		t.Errorf("long paragraph: %+v, want one step per sentence", got)
	}
	if got := ParagraphSteps(short, Sentences(short.Text), 0, -1, byChars, MaxStepLines); len(got) != 1 || !got[0].Whole {
		t.Errorf("short paragraph: %+v, want it whole", got)
	}
	if got := ParagraphSteps(long, ls, 2, 2, byChars, MaxStepLines); len(got) != 1 || got[0].First != 2 {
		t.Errorf("one chosen sentence: %+v", got)
	}
	// at a larger size the same paragraph takes more lines
	big := func(pi, start, end int) int { return (end - start + 19) / 20 }
	if got := ParagraphSteps(short, Sentences(short.Text), 0, -1, big, MaxStepLines); len(got) != 1 {
		t.Errorf("a one-sentence paragraph is one step whatever its length: %+v", got)
	}
}
