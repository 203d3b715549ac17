package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/assets"
)

func keysOf(m map[string]json.RawMessage) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func nullOrString(raw json.RawMessage) bool {
	if string(raw) == "null" {
		return true
	}
	var s string
	return json.Unmarshal(raw, &s) == nil
}

// TestSourcesJSONContract checks "glossa sources --json" has exactly the
// fields issue 5 names, with their types.
func TestSourcesJSONContract(t *testing.T) {
	code, out, stderr := runArgs(t, "sources", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var items []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(items) < 100 {
		t.Fatalf("%d sources", len(items))
	}
	ids := map[string]bool{}
	for i, it := range items {
		if got := keysOf(it); got != "authors,body,cited_in,container,court,date,editors,id,kind,number,oscola,parties,published,state,symbol,title,translators,url,year" {
			t.Fatalf("source %d has keys %s", i, got)
		}
		for _, k := range []string{"editors", "translators", "parties"} {
			var list []string
			if json.Unmarshal(it[k], &list) != nil || list == nil {
				t.Fatalf("source %d: %s is %s, want an array", i, k, it[k])
			}
		}
		var id, kind, title string
		var authors []string
		if json.Unmarshal(it["id"], &id) != nil || json.Unmarshal(it["kind"], &kind) != nil ||
			json.Unmarshal(it["title"], &title) != nil || json.Unmarshal(it["authors"], &authors) != nil || authors == nil {
			t.Fatalf("source %d: id/kind/title/authors of the wrong type: %s %s %s %s", i, it["id"], it["kind"], it["title"], it["authors"])
		}
		if ids[id] {
			t.Errorf("id %s twice", id)
		}
		ids[id] = true
		for _, k := range []string{"year", "container", "url", "date", "symbol", "body", "court", "number", "state", "published"} {
			if !nullOrString(it[k]) {
				t.Errorf("source %s: %s is %s", id, k, it[k])
			}
		}
		var places []map[string]json.RawMessage
		if err := json.Unmarshal(it["cited_in"], &places); err != nil || len(places) == 0 {
			t.Fatalf("source %s: cited_in %s", id, it["cited_in"])
		}
		for _, p := range places {
			if got := keysOf(p); got != "footnote,form,pinpoint" {
				t.Fatalf("source %s: place keys %s", id, got)
			}
			var n int
			var form string
			if json.Unmarshal(p["footnote"], &n) != nil || n < 1 || json.Unmarshal(p["form"], &form) != nil {
				t.Errorf("source %s: place %s", id, p["footnote"])
			}
			if form != "full" && form != "short" && form != "ibid" {
				t.Errorf("source %s: form %q", id, form)
			}
			if !nullOrString(p["pinpoint"]) {
				t.Errorf("source %s: pinpoint %s", id, p["pinpoint"])
			}
		}
	}
	// ids and keys do not change from one run to the next
	_, again, _ := runArgs(t, "sources", "--json")
	if again != out {
		t.Error("a second run prints different JSON")
	}
	_, bib1, _ := runArgs(t, "sources", "--format", "bibtex")
	_, bib2, _ := runArgs(t, "sources", "--format", "bibtex")
	if bib1 != bib2 || !strings.HasPrefix(bib1, "@") {
		t.Error("BibTeX differs between runs")
	}
}

// TestSourcesJSONKeepsEditors: an edited volume's editors are editors,
// not authors and not lost (issue 17: Mälksoo and Benedek's volume had
// "authors": []), and a case carries its court and number.
func TestSourcesJSONKeepsEditors(t *testing.T) {
	code, out, stderr := runArgs(t, "sources", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var items []struct {
		Kind    string   `json:"kind"`
		Title   string   `json:"title"`
		Authors []string `json:"authors"`
		Editors []string `json:"editors"`
		Court   *string  `json:"court"`
		Number  *string  `json:"number"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	var volume, markin bool
	for _, it := range items {
		switch it.Title {
		case "Russia and the European Court of Human Rights. The Strasbourg Effect":
			volume = true
			if len(it.Authors) != 0 || strings.Join(it.Editors, "; ") != "L. MÄLKSOO; W. BENEDEK" {
				t.Errorf("edited volume: authors %q editors %q, want no authors and editors L. MÄLKSOO; W. BENEDEK", it.Authors, it.Editors)
			}
		case "Kostantin Markin v. Russia":
			markin = true
			if it.Kind != "case" || it.Court == nil || *it.Court != "European Court of Human Rights" || it.Number == nil || *it.Number != "30078/06" {
				t.Errorf("Markin: kind %s court %v number %v", it.Kind, it.Court, it.Number)
			}
		}
	}
	if !volume || !markin {
		t.Errorf("edited volume found %v, Markin found %v", volume, markin)
	}
}

// TestSourcesQueryRanksAsTheScreen checks QUERY keeps the fuzzy ranking
// the Sources screen shows (cite.Library.Search).
func TestSourcesQueryRanksAsTheScreen(t *testing.T) {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	lib := cite.Extract(doc.Footnotes)
	for _, q := range []string{"malksoo", "joint statement", "2016", "cyber sovereignty"} {
		args := append([]string{"sources", "--json"}, strings.Fields(q)...)
		code, out, stderr := runArgs(t, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", q, code, stderr)
		}
		var items []struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		want := lib.Search(q)
		if len(items) != len(want) || len(want) == 0 {
			t.Fatalf("%q: %d sources, the search finds %d", q, len(items), len(want))
		}
		for i := range want {
			if items[i].ID != want[i].Source.ID {
				t.Fatalf("%q: result %d is %s, the screen ranks %s", q, i, items[i].ID, want[i].Source.ID)
			}
		}
	}
}
