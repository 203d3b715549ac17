package timeline

import (
	"regexp"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

func shippedDoc(t *testing.T) *article.Document {
	t.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestShippedTimelineResolves checks every shipped event against the real
// article: its paragraph ID is current and holds the quote (no event
// relies on re-anchoring), and dates are in order.
func TestShippedTimelineResolves(t *testing.T) {
	doc := shippedDoc(t)
	events, err := Parse(assets.Timeline)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	placed, errs := Resolve(events, doc)
	for _, e := range errs {
		t.Error(e)
	}
	if len(placed) != len(events) || len(events) < 25 {
		t.Fatalf("%d of %d events placed; want all, and at least 25", len(placed), len(events))
	}
	for i, p := range placed {
		if p.Moved {
			t.Errorf("%s: paragraph %s no longer holds the quote; it is now in %s", p.ID, p.ParagraphID, doc.Paragraphs[p.Paragraph].ID)
		}
		if i > 0 && p.When.Before(placed[i-1].When) {
			t.Errorf("%s (%s) sorted after %s (%s)", p.ID, p.Date, placed[i-1].ID, placed[i-1].Date)
		}
	}
	if first, last := placed[0], placed[len(placed)-1]; first.When.Year != 1954 || last.When.Year != 2025 {
		t.Errorf("timeline runs %s to %s; want the Five Principles of 1954 to the opening for signature in 2025", first.Date, last.Date)
	}
	var adopted bool
	for _, p := range placed {
		adopted = adopted || p.Date == "24 December 2024" && strings.Contains(p.Text, "adopts the Convention")
	}
	if !adopted {
		t.Error("no event for the Convention's adoption on 24 December 2024")
	}
}

// TestShippedTimelineCoversSections: every section whose paragraphs name a
// year or a decade has at least one event.
func TestShippedTimelineCoversSections(t *testing.T) {
	doc := shippedDoc(t)
	placed, err := Load(assets.Timeline, doc)
	if err != nil {
		t.Fatal(err)
	}
	dated := regexp.MustCompile(`\b(19|20)\d\d\b|'[0-9]0s\b`)
	has := map[string]int{}
	for _, p := range placed {
		has[p.Section]++
	}
	for _, p := range doc.Paragraphs {
		if dated.MatchString(p.Text) && has[p.Section] == 0 {
			t.Errorf("section %s has a dated paragraph (%s: %q) but no event", p.Section, p.ID, dated.FindString(p.Text))
			has[p.Section] = -1
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want When
	}{
		{"1954", When{Year: 1954}},
		{"October 2025", When{Year: 2025, Month: 10}},
		{"24 December 2024", When{Year: 2024, Month: 12, Day: 24}},
		{"1990s", When{Year: 1990, Decade: true}},
		{"late 1970s", When{Year: 1977, Decade: true}},
	} {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "54", "Smarch 2020", "32 May 2020", "1995s", "soon 1990s", "2024-12-24"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	a, _ := ParseDate("24 December 2024")
	b, _ := ParseDate("October 2025")
	if !(a.Value() < b.Value()) || !a.Before(b) {
		t.Errorf("24 December 2024 (%v) not before October 2025 (%v)", a.Value(), b.Value())
	}
}

// TestParseErrors: each mistake is reported with its line, and the good
// events still come back.
func TestParseErrors(t *testing.T) {
	src := `doc text
## good
date: 2001
event: fine
paragraph: p-1
quote: some words

## Bad_ID
date: 2002
event: x
paragraph: p
quote: q

## no-date
event: x
paragraph: p
quote: q

## bad-date
date: next year
event: x
paragraph: p
quote: q
colour: red
`
	events, err := Parse([]byte(src))
	if len(events) != 2 || events[0].ID != "good" {
		t.Fatalf("events = %+v; want good and Bad_ID (an odd id is reported, not dropped)", events)
	}
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("err = %v; want an ErrorList", err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	want := []int{8, 14, 19, 24}
	if len(lines) != len(want) {
		t.Fatalf("errors at lines %v; want %v:\n%v", lines, want, err)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("errors at lines %v; want %v:\n%v", lines, want, err)
		}
	}
}

// TestResolveReanchors: an event whose paragraph ID went stale is placed by
// its quote and marked as moved; a quote found nowhere is an error.
func TestResolveReanchors(t *testing.T) {
	doc := shippedDoc(t)
	events := []Event{
		{ID: "stale", ParagraphID: "p-9-000000", Quote: "reaffirmed the following year at the Bandung Conference", Line: 3},
		{ID: "lost", ParagraphID: "p-9-000000", Quote: "a sentence the article never wrote", Line: 9},
	}
	placed, errs := Resolve(events, doc)
	if len(placed) != 1 || !placed[0].Moved || doc.Paragraphs[placed[0].Paragraph].ID != "p-1-f3f466" {
		t.Errorf("placed = %+v; want stale re-anchored to p-1-f3f466", placed)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "timeline:9: event lost") {
		t.Errorf("errs = %v; want one error for the lost event at line 9", errs)
	}
}

// TestShippedQuotesAreUnique: every event's quote is found in exactly one
// paragraph of the real article, so that re-anchoring after a parser change
// can never pick another passage than the one the event tells of.
func TestShippedQuotesAreUnique(t *testing.T) {
	doc := shippedDoc(t)
	events, err := Parse(assets.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		var in []string
		for i := range doc.Paragraphs {
			if _, _, _, ok := anchor.Find(doc.Paragraphs[i:i+1], e.Quote); ok {
				in = append(in, doc.Paragraphs[i].ID)
			}
		}
		if len(in) != 1 {
			t.Errorf("%s: quote %q is in %d paragraphs %v; want exactly one", e.ID, e.Quote, len(in), in)
		}
	}
}

// TestShippedContradictionsShowBothDates: the article gives two days for
// the 2021 GGE report (fn 41 and fn 178); the event dates it by the year
// only and names both days with their footnotes, as the file's header
// rule says.
func TestShippedContradictionsShowBothDates(t *testing.T) {
	events, err := Parse(assets.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.ID != "gge-report-2021" {
			continue
		}
		if e.Date != "2021" {
			t.Errorf("%s dated %q; the article disagrees on the day, want the year", e.ID, e.Date)
		}
		for _, want := range []string{"14 July 2021", "fn 41", "14 June 2021", "fn 178"} {
			if !strings.Contains(e.Text, want) {
				t.Errorf("%s: %q does not say %q", e.ID, e.Text, want)
			}
		}
		return
	}
	t.Error("no event gge-report-2021")
}
