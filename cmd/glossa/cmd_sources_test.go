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
		if got := keysOf(it); got != "authors,cited_in,container,id,kind,title,url,year" {
			t.Fatalf("source %d has keys %s", i, got)
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
		for _, k := range []string{"year", "container", "url"} {
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
