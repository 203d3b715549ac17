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
		"notetype column": "2", "tags column": "5", "deck": AnkiDeck, "deck column": "6"} {
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
		if len(r) != 6 || r[5] != AnkiDeck {
			t.Fatalf("row %d has %d fields: %q", i, len(r), r)
		}
		wantType := map[Type]string{Basic: "Basic", Cloze: "Cloze"}[c.Type]
		if r[0] != GUID(c.ID) || r[1] != wantType || unHTML(r[2]) != c.Front || r[4] != strings.Join(c.Tags, " ") {
			t.Errorf("row %d = %q", i, r)
		}
		back := unHTML(r[3])
		if !strings.HasPrefix(back, c.Back) || !strings.Contains(back, c.Anchor) || !strings.Contains(back, c.ParagraphID) {
			t.Errorf("row %d back %q lost the answer or the source", i, back)
		}
	}
	if !strings.Contains(rows[1][2], "{{c1::2(1)}}") {
		t.Errorf("cloze gaps not kept as written: %q", rows[1][2])
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
