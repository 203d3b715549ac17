package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/assets"
)

func shippedCards(t *testing.T) []deck.Card {
	t.Helper()
	cards, err := deck.Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

func cardKeys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// glossa cards --json prints exactly the fields of the contract, for every
// shipped card, each with its resolved anchor.
func TestCardsJSONContract(t *testing.T) {
	code, out, stderr := runArgs(t, "cards", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	want := shippedCards(t)
	if len(raw) != len(want) || len(raw) < 40 {
		t.Fatalf("%d cards, want %d (at least 40)", len(raw), len(want))
	}
	for i, m := range raw {
		if got := cardKeys(m); !reflect.DeepEqual(got, []string{"anchor", "back", "front", "id", "tags", "type"}) {
			t.Fatalf("card %d keys %v", i, got)
		}
		var c struct {
			ID, Type, Front, Back string
			Anchor                map[string]json.RawMessage
			Tags                  []string
		}
		if err := json.Unmarshal(mustJSON(t, m), &c); err != nil {
			t.Fatal(err)
		}
		if got := cardKeys(c.Anchor); !reflect.DeepEqual(got, []string{"paragraph_id", "quote"}) {
			t.Fatalf("card %s anchor keys %v", c.ID, got)
		}
		var pid, quote string
		json.Unmarshal(c.Anchor["paragraph_id"], &pid)
		json.Unmarshal(c.Anchor["quote"], &quote)
		w := want[i]
		if c.ID != w.ID || c.Type != string(w.Type) || c.Front != w.Front || c.Back != w.Back || quote != w.Anchor {
			t.Fatalf("card %d = %+v, want %+v", i, c, w)
		}
		if c.Type != "basic" && c.Type != "cloze" || pid == "" || c.Tags == nil || string(m["tags"])[0] != '[' {
			t.Fatalf("card %s: type %q, paragraph %q, tags %s", c.ID, c.Type, pid, m["tags"])
		}
		if c.Type == "cloze" && !strings.Contains(c.Front, "{{c1::") {
			t.Fatalf("cloze card %s without {{c1::", c.ID)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The Anki file has the headers of Anki's text import (2.1.54+): tab
// separator, HTML fields, GUID, note type and tags columns, a deck (header
// and column); one note a line with six fields, cloze gaps as {{c1::...}},
// GUIDs unique.
func TestCardsExportAnki(t *testing.T) {
	t.Setenv("GLOSSA_DB", filepath.Join(t.TempDir(), "none-yet.db")) // the shipped deck alone
	path := filepath.Join(t.TempDir(), "glossa.txt")
	if code, _, stderr := runArgs(t, "cards", "export", "--format", "anki", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var headers, rows []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			if len(rows) > 0 {
				t.Fatalf("header %q after the notes", sc.Text())
			}
			headers = append(headers, sc.Text())
			continue
		}
		rows = append(rows, sc.Text())
	}
	wantHeaders := []string{"#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
		"#deck:" + deck.AnkiDeck, "#deck column:8", "#tags column:7"}
	if !reflect.DeepEqual(headers, wantHeaders) {
		t.Fatalf("headers %q, want %q", headers, wantHeaders)
	}
	cards := shippedCards(t)
	if len(rows) != len(cards) {
		t.Fatalf("%d notes, want %d", len(rows), len(cards))
	}
	guids := map[string]bool{}
	for i, row := range rows {
		fields := strings.Split(row, "\t")
		if len(fields) != 8 || fields[7] != deck.AnkiDeck {
			t.Fatalf("note %d has %d fields: %q", i, len(fields), row)
		}
		c := cards[i]
		if fields[0] != "glossa-"+c.ID || guids[fields[0]] {
			t.Fatalf("note %d GUID %q (card %s)", i, fields[0], c.ID)
		}
		guids[fields[0]] = true
		wantType := map[deck.Type]string{deck.Basic: "Glossa Basic", deck.Cloze: "Glossa Cloze"}[c.Type]
		if fields[1] != wantType {
			t.Fatalf("note %d note type %q, want %q", i, fields[1], wantType)
		}
		if c.Type == deck.Cloze && !strings.Contains(fields[2], "{{c1::") {
			t.Fatalf("cloze note %d text %q", i, fields[2])
		}
		if strings.ContainsAny(row, "\"\r") {
			t.Fatalf("note %d has a raw quote or CR, which Anki would misread: %q", i, row)
		}
		if fields[6] != strings.Join(c.Tags, " ") {
			t.Fatalf("note %d tags %q, want %q", i, fields[6], c.Tags)
		}
		if fields[4] == "" || !strings.HasPrefix(fields[5], "§") {
			t.Fatalf("note %d lacks its passage or where it is: %q", i, row)
		}
	}
}

func TestCardsExportCSV(t *testing.T) {
	t.Setenv("GLOSSA_DB", filepath.Join(t.TempDir(), "none-yet.db"))
	path := filepath.Join(t.TempDir(), "glossa.csv")
	if code, _, stderr := runArgs(t, "cards", "export", "--format", "csv", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cards := shippedCards(t)
	if len(recs) != len(cards)+1 || !reflect.DeepEqual(recs[0], deck.CSVHeader) {
		t.Fatalf("%d records, header %q", len(recs), recs[0])
	}
	for i, c := range cards {
		r := recs[i+1]
		if r[0] != c.ID || r[1] != string(c.Type) || r[2] != c.Front || r[3] != c.Back || r[5] != c.Anchor || r[6] == "" {
			t.Fatalf("record %d = %q, card %+v", i+1, r, c)
		}
	}
}

func TestCardsExportBadInput(t *testing.T) {
	t.Setenv("GLOSSA_DB", filepath.Join(t.TempDir(), "none-yet.db"))
	for _, args := range [][]string{
		{"cards", "export", "-o", "x"},
		{"cards", "export", "--format", "apkg"},
		{"cards", "export", "--format", "apkg", "-o", "-"},
		{"cards", "export", "--format", "apkg", "--article", "nope", "-o", filepath.Join(t.TempDir(), "x.apkg")},
		{"cards", "export", "--format", "csv"},
		{"cards", "extra"},
	} {
		code, _, stderr := runArgs(t, args...)
		if code != 2 || !strings.Contains(stderr, "glossa cards") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	dir := filepath.Join(t.TempDir(), "missing", "x.txt")
	if code, _, stderr := runArgs(t, "cards", "export", "--format", "anki", "-o", dir); code != 1 || stderr == "" {
		t.Errorf("export into a missing directory: exit %d, %q", code, stderr)
	}
}

// glossa srs simulate --json prints one object per review with exactly the
// fields of the contract; each review happens at the previous due time.
func TestSRSSimulateContract(t *testing.T) {
	code, out, stderr := runArgs(t, "srs", "simulate", "--start", "2022-11-29T12:30:00Z", "--ratings", "AGGGGE", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines: %s", len(lines), out)
	}
	at, _ := time.Parse(time.RFC3339, "2022-11-29T12:30:00Z")
	for i, l := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if got := cardKeys(m); !reflect.DeepEqual(got, []string{"difficulty", "due", "interval_days", "rating", "stability", "state"}) {
			t.Fatalf("line %d keys %v", i, got)
		}
		var r struct {
			Rating, Due, State    string
			IntervalDays          int `json:"interval_days"`
			Stability, Difficulty float64
		}
		json.Unmarshal([]byte(l), &r)
		due, err := time.Parse(time.RFC3339, r.Due)
		if err != nil || due.Before(at) {
			t.Fatalf("line %d due %q before the review at %v (%v)", i, r.Due, at, err)
		}
		if r.IntervalDays != int(due.Sub(at)/(24*time.Hour)) {
			t.Fatalf("line %d interval_days %d for %v", i, r.IntervalDays, due.Sub(at))
		}
		at = due
	}
}
