package timeline

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestBeforeComparesMonthsFirst: within a year the month decides before
// the day; a bare year comes before its months.
func TestBeforeComparesMonthsFirst(t *testing.T) {
	tests := []struct {
		a, b When
		want bool
	}{
		{When{Year: 2024, Month: 3, Day: 20}, When{Year: 2024, Month: 4, Day: 5}, true},
		{When{Year: 2024, Month: 4, Day: 5}, When{Year: 2024, Month: 3, Day: 20}, false},
		{When{Year: 2024, Month: 4, Day: 5}, When{Year: 2024, Month: 4, Day: 6}, true},
		{When{Year: 2024}, When{Year: 2024, Month: 1}, true},
		{When{Year: 2023, Month: 12, Day: 31}, When{Year: 2024}, true},
		{When{Year: 2024, Month: 4, Day: 5}, When{Year: 2024, Month: 4, Day: 5}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Before(tt.b); got != tt.want {
			t.Errorf("%+v.Before(%+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestParseDecadeParts: "early", "mid" and "late" place a date in the
// first, middle and last part of a decade.
func TestParseDecadeParts(t *testing.T) {
	for in, year := range map[string]int{"early 1990s": 1991, "mid 1990s": 1995, "late 1990s": 1997} {
		if got, err := ParseDate(in); err != nil || got != (When{Year: year, Decade: true}) {
			t.Errorf("ParseDate(%q) = %+v, %v; want the decade-year %d", in, got, err, year)
		}
	}
}

// TestParseOneError: a file with a single mistake is refused as surely as
// one with several.
func TestParseOneError(t *testing.T) {
	_, err := Parse([]byte("doc text\n## good\ndate: 2001\nevent: fine\nparagraph: p-1\nquote: some words\ncolour: red\n"))
	list, ok := err.(ErrorList)
	if !ok || len(list) != 1 || list[0].Line != 7 || !strings.Contains(list[0].Msg, `unknown field "colour"`) {
		t.Fatalf("err = %v; want one error, at line 7, naming the unknown field colour", err)
	}
}

// TestResolveQuoteInTwoParagraphs: a quote found in two paragraphs, next
// to each other or not, places the event nowhere and says so.
func TestResolveQuoteInTwoParagraphs(t *testing.T) {
	doc := &article.Document{Paragraphs: []article.Paragraph{
		{ID: "p-1-a", Section: "1", Text: "The Committee met in Vienna."},
		{ID: "p-1-b", Section: "1", Text: "Then the Committee met in Vienna again."},
		{ID: "p-1-c", Section: "1", Text: "Other words."},
		{ID: "p-1-d", Section: "1", Text: "Far away, the Committee met in New York."},
	}}
	for _, quote := range []string{"the Committee met in Vienna", "the Committee met in"} {
		placed, errs := Resolve([]Event{{ID: "e", ParagraphID: "p-9-gone", Quote: quote, Line: 4}}, doc)
		if len(placed) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "several paragraphs") {
			t.Errorf("quote %q: placed %+v, errors %v; want it refused as found in several paragraphs", quote, placed, errs)
		}
	}
}

// TestParseDateDayBounds: days run from 1 to 31.
func TestParseDateDayBounds(t *testing.T) {
	for in, ok := range map[string]bool{"1 March 2020": true, "31 March 2020": true, "0 March 2020": false, "32 March 2020": false} {
		if _, err := ParseDate(in); (err == nil) != ok {
			t.Errorf("ParseDate(%q): %v, want accepted %v", in, err, ok)
		}
	}
}

// TestParseDuplicateID: an event id used twice is reported at its second
// use, with the line of the first.
func TestParseDuplicateID(t *testing.T) {
	ev := "date: 2001\nevent: fine\nparagraph: p-1\nquote: some words\n"
	_, err := Parse([]byte("doc\n## same\n" + ev + "\n## same\n" + ev))
	list, ok := err.(ErrorList)
	if !ok || len(list) != 1 || list[0].Line != 8 || !strings.Contains(list[0].Msg, "already used at line 2") {
		t.Fatalf("err = %v; want the second \"same\" (line 8) reported as already used at line 2", err)
	}
}
