package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// tempDB is a database path in a fresh temporary directory.
func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "glossa.db")
}

// mustRun runs glossa and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := runArgs(t, args...)
	if code != 0 {
		t.Fatalf("glossa %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// decodeObjects reads a JSON array of objects and checks each has exactly
// the contract's keys (extra keys are allowed, missing ones are not).
func decodeObjects(t *testing.T, out string, keys ...string) []map[string]json.RawMessage {
	t.Helper()
	var list []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, out)
	}
	for _, o := range list {
		for _, k := range keys {
			if _, ok := o[k]; !ok {
				t.Fatalf("key %q missing in %v", k, o)
			}
		}
	}
	return list
}

type searchHit struct {
	Kind, ID, Section, Snippet string
}

func searchJSONHits(t *testing.T, db string, query ...string) []searchHit {
	t.Helper()
	out := mustRun(t, append([]string{"--db", db, "search", "--json", "--"}, query...)...)
	decodeObjects(t, out, "kind", "id", "section", "snippet")
	var hits []searchHit
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	return hits
}

func TestSearchCommand(t *testing.T) {
	db := tempDB(t)
	hits := searchJSONHits(t, db, "sovereign", "equality")
	if len(hits) == 0 {
		t.Fatal("no hits for sovereign equality in the article")
	}
	kinds := map[string]int{}
	for _, h := range hits {
		kinds[h.Kind]++
		if h.Kind != "paragraph" && h.Kind != "footnote" && h.Kind != "note" {
			t.Errorf("kind %q", h.Kind)
		}
		if h.ID == "" || !strings.Contains(strings.ToLower(h.Snippet), "**sovereign") {
			t.Errorf("hit without id or marked word: %+v", h)
		}
		if h.Kind == "paragraph" && h.Section == "" {
			t.Errorf("paragraph hit without section: %+v", h)
		}
	}
	if kinds["paragraph"] == 0 || kinds["footnote"] == 0 {
		t.Errorf("hits by kind = %v, want paragraphs and footnotes", kinds)
	}

	// A note is found by its body, with the section of its passage.
	id := strings.TrimSpace(mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "zebracrossing idea"))
	hits = searchJSONHits(t, db, "zebracrossing")
	if len(hits) != 1 || hits[0].Kind != "note" || hits[0].ID != id || hits[0].Section == "" {
		t.Fatalf("note hit = %+v, want note %s", hits, id)
	}

	// Readable output names the kind, id and section.
	out := mustRun(t, "--db", db, "search", "zebracrossing")
	if !strings.Contains(out, "note") || !strings.Contains(out, id) || !strings.Contains(out, "§ "+hits[0].Section) {
		t.Errorf("text output:\n%s", out)
	}
	if out := mustRun(t, "--db", db, "search", "qqqxqqq"); !strings.Contains(out, "No matches") {
		t.Errorf("no hits: %q", out)
	}
	if out := mustRun(t, "--db", db, "search", "--json", "qqqxqqq"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no hits as JSON: %q", out)
	}
	if code, _, stderr := runArgs(t, "--db", db, "search", "  "); code != 2 || !strings.Contains(stderr, "give some words") {
		t.Errorf("empty query: exit %d, %q", code, stderr)
	}
}

// Whatever is typed searches as plain words: never a syntax error.
func TestSearchCommandHostile(t *testing.T) {
	db := tempDB(t)
	for _, q := range []string{`"`, `"sovereign equality`, `*`, `sov*`, `NEAR(`, `NEAR(a b, 2)`, `-`, `-sovereignty`, `^`, `^x`,
		`:`, `body:x`, `(`, `)`, `((sovereignty`, `a OR`, `NOT`, `'; DROP TABLE notes; --`, `😀`, `sovereignty 😀`, `\`, `%`} {
		code, out, stderr := runArgs(t, "--db", db, "search", "--json", "--", q)
		if code != 0 || stderr != "" {
			t.Errorf("search %q: exit %d, %s", q, code, stderr)
			continue
		}
		decodeObjects(t, out, "kind", "id", "section", "snippet")
	}
	if hits := searchJSONHits(t, db, "(sovereignty"); len(hits) == 0 {
		t.Error("a word next to a parenthesis is not found")
	}
	// Without "--", a word starting with "-" is still a word, and the
	// command's own flags still work around it.
	for _, args := range [][]string{{"-sovereignty", "--json"}, {"--json", "--limit", "3", "-sovereignty"}, {"--limit=3", "--json", "--sovereignty", "-"}} {
		code, out, stderr := runArgs(t, append([]string{"--db", db, "search"}, args...)...)
		if code != 0 || stderr != "" {
			t.Errorf("search %q: exit %d, %s", args, code, stderr)
			continue
		}
		if hits := decodeObjects(t, out, "kind", "id", "section", "snippet"); len(hits) == 0 || len(hits) > 3 && args[0] != "-sovereignty" {
			t.Errorf("search %q: %d hits", args, len(hits))
		}
	}
	if code, _, stderr := runArgs(t, "--db", db, "search", "--limit", "x", "words"); code != 2 || !strings.Contains(stderr, "invalid value") {
		t.Errorf("bad --limit: exit %d, %q", code, stderr)
	}
}
