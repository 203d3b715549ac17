package deck

import (
	"bytes"
	"encoding/csv"
	"html"
	"strings"
	"testing"
)

// oddCards hold what could break a tab- or comma-separated file.
var oddCards = []ResolvedCard{
	{Card: Card{ID: "odd-basic", Type: Basic, Front: `Tabs	"quotes", commas, <b>tags</b> & 'apostrophes'?`,
		Back: "Line one\nline two; «guillemets» — ünïcode ☃", Tags: []string{"a", "b::c"},
		Anchor: `the "three evils": terrorism, separatism, and extremism`}, ParagraphID: "3.1-this-entails-that"},
	{Card: Card{ID: "odd-cloze", Type: Cloze, Front: `Article {{c1::2(1)}} of the {{c1::UN Charter::"treaty"}} <affirms>`,
		Tags: []string{"un-charter"}, Anchor: "# not a comment, even at the start"}},
	{Card: Card{ID: "plain", Type: Basic, Front: "#hash at the start", Back: `"quoted at the start"`, Tags: []string{"x"}, Anchor: "plain anchor text that is long enough"}},
}

func TestWriteAnkiParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteAnki(&buf, oddCards); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	headers := map[string]string{}
	var rows [][]string
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			k, v, _ := strings.Cut(l[1:], ":")
			headers[k] = v
			continue
		}
		if strings.ContainsAny(l, "\r\"") {
			t.Errorf("row holds a raw CR or double quote: %q", l)
		}
		rows = append(rows, strings.Split(l, "\t"))
	}
	for k, v := range map[string]string{"separator": "tab", "html": "true", "guid column": "1",
		"notetype column": "2", "tags column": "7", "deck": AnkiDeck, "deck column": "8"} {
		if headers[k] != v {
			t.Errorf("header #%s = %q, want %q", k, headers[k], v)
		}
	}
	if len(rows) != len(oddCards) {
		t.Fatalf("%d rows for %d cards", len(rows), len(oddCards))
	}
	unHTML := func(s string) string { return html.UnescapeString(strings.ReplaceAll(s, "<br>", "\n")) }
	for i, c := range oddCards {
		r := rows[i]
		if len(r) != 8 || r[7] != AnkiDeck {
			t.Fatalf("row %d has %d fields: %q", i, len(r), r)
		}
		wantType := map[Type]string{Basic: "Glossa Basic", Cloze: "Glossa Cloze"}[c.Type]
		if r[0] != GUID(c.ID) || r[1] != wantType || unHTML(r[2]) != c.Front || unHTML(r[3]) != c.Back ||
			unHTML(r[4]) != c.Anchor || r[6] != strings.Join(c.Tags, " ") {
			t.Errorf("row %d = %q", i, r)
		}
	}
	if !strings.Contains(rows[1][2], "{{c1::2(1)}}") {
		t.Errorf("cloze gaps not kept as written: %q", rows[1][2])
	}
	if rows[0][5] != "¶ 3.1-this-entails-that" {
		t.Errorf("source of a card without a section line: %q", rows[0][5])
	}
}

// Tags follow Anki's rules: one word (spaces joined), no control
// characters, no empty "::" levels, no duplicates by case, never
// HTML-escaped.
func TestAnkiTags(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
	}{
		{[]string{"sovereign equality"}, []string{"sovereign_equality"}},
		{[]string{"a\tb", " x ", "\u3000y\u3000"}, []string{"a_b", "x", "y"}},
		{[]string{"un::::charter::", "::top"}, []string{"un::charter", "top"}},
		{[]string{"R&D <b>", "r&d <B>", "R&D"}, []string{"R&D_<b>", "R&D"}},
		{[]string{"bell\x07", "", "  ", "::"}, []string{"bell"}},
		{[]string{"§3.3", "2024"}, []string{"§3.3", "2024"}},
	} {
		got := AnkiTags(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("AnkiTags(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for _, tag := range got {
			if strings.ContainsAny(tag, " \u3000\t\n") || strings.Contains(tag, "&amp;") {
				t.Errorf("tag %q breaks Anki's rules", tag)
			}
		}
	}
}

// The student's wording replaces a shipped card's text and keeps its
// anchor; cards they made follow; an edit of a card no longer shipped is
// dropped.
func TestWithStudentCards(t *testing.T) {
	shipped := []ResolvedCard{{Card: Card{ID: "s1", Type: Basic, Front: "Q", Back: "A", Anchor: "anchor one"}, ParagraphID: "p1"},
		{Card: Card{ID: "s2", Type: Basic, Front: "Q2", Back: "A2", Anchor: "anchor two"}, ParagraphID: "p2"}}
	student := []StudentCard{
		{Card: Card{ID: "s2", Type: Cloze, Front: "my {{c1::Q2}}", Anchor: "ignored"}},
		{Card: Card{ID: "gone", Type: Basic, Front: "old edit"}},
		{Card: Card{ID: "u-1", Type: Basic, Front: "mine", Back: "yes", Anchor: "not in a nil doc"}, UserMade: true, ParagraphID: "p9"},
	}
	got := WithStudentCards(shipped, student, nil)
	if len(got) != 3 || got[0].Front != "Q" || got[1].Front != "my {{c1::Q2}}" || got[1].Type != Cloze ||
		got[1].Anchor != "anchor two" || got[1].ParagraphID != "p2" || got[2].ID != "u-1" || got[2].ParagraphID != "p9" {
		t.Fatalf("got %+v", got)
	}
	if shipped[1].Front != "Q2" {
		t.Error("the shipped slice was changed")
	}
}

func TestWriteCSVParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, oddCards); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(oddCards)+1 || strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("records %q", recs)
	}
	for i, c := range oddCards {
		want := []string{c.ID, string(c.Type), c.Front, c.Back, strings.Join(c.Tags, " "), c.Anchor, c.ParagraphID}
		if got := recs[i+1]; strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("record %d\n got %q\nwant %q", i, got, want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, bytes.ErrTooLarge }

func TestWriteErrors(t *testing.T) {
	if err := WriteAnki(failWriter{}, oddCards); err == nil {
		t.Error("WriteAnki: no error from a failing writer")
	}
	if err := WriteCSV(failWriter{}, oddCards); err == nil {
		t.Error("WriteCSV: no error from a failing writer")
	}
}
