package store

import (
	"slices"
	"strings"
	"testing"
)

func TestSearchRanking(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	note, err := s.AddQuoteNote("Ad Hoc Committee", "Sovereignty again: compare with the Budapest Convention.", []string{"compare"})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search("sovereignty", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("hits = %+v", hits)
	}
	// Three mentions in a short paragraph rank above one.
	if hits[0].Kind != KindParagraph || hits[0].ID != docV1.Paragraphs[0].ID || hits[0].Section != "2" {
		t.Fatalf("best hit = %+v", hits[0])
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Rank < hits[i-1].Rank {
			t.Fatalf("hits not sorted best first: %+v", hits)
		}
	}
	if !strings.Contains(hits[0].Snippet, "**sovereignty**") {
		t.Fatalf("snippet does not mark the hit: %q", hits[0].Snippet)
	}
	kinds := map[string]Hit{}
	for _, h := range hits {
		kinds[h.Kind+":"+h.ID] = h
	}
	if h, ok := kinds["note:"+note.ID]; !ok || h.Section != "2" {
		t.Fatalf("note hit missing or without section: %+v", hits)
	}

	fn, _ := s.Search("peters foreign policy", 10)
	if len(fn) != 1 || fn[0].Kind != KindFootnote || fn[0].ID != "2" || fn[0].Section != "3" {
		t.Fatalf("footnote hits = %+v", fn)
	}
	if !strings.Contains(fn[0].Snippet, "**PETERS**") || !strings.Contains(fn[0].Snippet, "**Policy**") {
		t.Fatalf("footnote snippet = %q", fn[0].Snippet)
	}

	// Search as you type: the last word is a prefix, the others whole words.
	for q, want := range map[string]int{"sovereig": 3, "sino-russ": 1, "extraterr": 1, "cyber": 1, "sovereig ": 0, "human righ": 1, "Sovereign equal": 1} {
		if h, _ := s.Search(q, 10); len(h) != want {
			t.Errorf("Search(%q) = %d hits, want %d: %+v", q, len(h), want, h)
		}
	}
	// Accents and case do not matter.
	if h, _ := s.Search("SOVÉREIGNTY", 10); len(h) != 3 {
		t.Errorf("accented upper-case query: %d hits", len(h))
	}
	if h, _ := s.Search("sovereignty", 1); len(h) != 1 {
		t.Errorf("limit 1: %d hits", len(h))
	}
}

// hostileQueries are things people type that FTS5 would read as syntax.
var hostileQueries = []string{
	`"`, `""`, `"sovereignty`, `sovereignty"`, `"sovereign equality"`, `'`, `it's`,
	`*`, `sov*`, `**`, `NEAR(`, `NEAR(sovereignty rights, 5)`, `NEAR`, `AND`, `OR`, `NOT`, `sovereignty AND`, `OR rights`, `NOT NOT`,
	`-`, `-sovereignty`, `sino-russian`, `^`, `^sovereignty`, `:`, `body:sovereignty`, `kind:note`, `section:2`, `{body}: x`,
	`(`, `)`, `((sovereignty`, `sovereignty))`, `(a OR b`, `'; DROP TABLE notes; --`, `"; DROP TABLE search; --`,
	`😀`, `sovereignty 😀`, `🇮🇹🇮🇹`, "\x00", "sov\x00ereignty", "\xff\xfe", `\`, `%`, `_`, `+`, `a+b`, `@`, `#`, `$1`, `?`,
	`   `, ``, "\t\n", strings.Repeat("sovereignty ", 200), strings.Repeat("(", 1000), `̈`, `ﬁ`, `中文`, `Ω`,
}

func TestSearchHostile(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	if _, err := s.AddQuoteNote("cornerstone", "a note", nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range hostileQueries {
		if _, err := s.Search(q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	// Still all there: nothing was executed.
	if n := count(t, s.db, "SELECT count(*) FROM notes"); n != 1 {
		t.Fatalf("notes = %d", n)
	}
	// Operators are plain words: NEAR and NOT find nothing, words around
	// syntax are still found.
	for q, want := range map[string]int{
		`NOT sovereignty`: 0, `sovereignty -`: 2, `(sovereignty)`: 2, `"sovereignty`: 2, `body:sovereignty`: 0,
		`sovereignty 😀`: 2, `'; DROP TABLE notes; --`: 0, `sino-russian`: 1, `^sovereignty*`: 2, ``: 0,
		"sov\x00ereignty": 0, "sovereignty\x00": 2,
	} {
		h, err := s.Search(q, 10)
		if err != nil || len(h) != want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", q, len(h), err, want)
		}
	}
}

func TestMatchExpr(t *testing.T) {
	for q, want := range map[string]string{
		`sovereign equality`: `"sovereign" "equality"*`,
		`sovereign `:         `"sovereign"`,
		`say "hi"`:           `"say" """hi"""*`,
		`NEAR( x`:            `"NEAR(" "x"*`,
		`x 😀`:                `"x"`,
		`😀 `:                 ``,
		`- * ^ :`:            ``,
	} {
		if got := MatchExpr(q); got != want {
			t.Errorf("MatchExpr(%q) = %s, want %s", q, got, want)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	s, _ := openTemp(f)
	mustImport(f, s, docV1)
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(q, 5); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// TestSearchRankCap: a library-wide search that matches more rows than
// RankCap says so and returns the best of the first RankCap matches in
// the order they came into the library; one that matches no more ranks
// every match, as SQLite's ranking of the whole index does.
func TestSearchRankCap(t *testing.T) {
	doc := realArticle(t)
	s, _ := openTemp(t)
	mustImport(t, s, doc)
	addCopies(t, s, doc, 9)
	defer func(old int) { RankCap = old }(RankCap)
	const q, match = "cybercrime", `body : ("cybercrime"*)`
	// what SQLite says, independently of the cap's code
	sqlHits := func(query string, args ...any) []string {
		t.Helper()
		rows, err := s.db.Query(query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var kind, ref, article string
			if err := rows.Scan(&kind, &ref, &article); err != nil {
				t.Fatal(err)
			}
			out = append(out, article+" "+kind+" "+ref)
		}
		return out
	}
	keys := func(hits []Hit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, h.Article+" "+h.Kind+" "+h.ID)
		}
		return out
	}
	total := len(sqlHits(`SELECT kind, ref, article FROM search WHERE search MATCH ?`, match))
	if total < 100 {
		t.Fatalf("%d matches: the test needs a common word", total)
	}

	RankCap = 30
	hits, capped, err := s.SearchCapped(q, AllArticles, 1000)
	if err != nil || !capped || len(hits) != RankCap {
		t.Fatalf("capped search: %d hits, capped %v, %v; want the %d ranked, capped", len(hits), capped, err, RankCap)
	}
	first := sqlHits(`SELECT kind, ref, article FROM search WHERE search MATCH ? ORDER BY rowid LIMIT ?`, match, RankCap)
	got := keys(hits)
	slices.Sort(first)
	slices.Sort(got)
	if !slices.Equal(got, first) {
		t.Errorf("ranked %v,\nwant the first %d matches %v", got, RankCap, first)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Rank < hits[i-1].Rank {
			t.Fatalf("hit %d ranked %v after %v", i, hits[i].Rank, hits[i-1].Rank)
		}
	}
	best, _, err := s.SearchCapped(q, AllArticles, 5)
	if err != nil || !slices.Equal(keys(best), keys(hits[:5])) {
		t.Errorf("the best 5 %v, want %v (%v)", keys(best), keys(hits[:5]), err)
	}

	// At the cap and under it, every match is ranked and nothing is said.
	for _, c := range []int{total, 1 << 30} {
		RankCap = c
		hits, capped, err := s.SearchCapped(q, AllArticles, 20)
		want := sqlHits(`SELECT kind, ref, article FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20`, match)
		if err != nil || capped || !slices.Equal(keys(hits), want) {
			t.Errorf("cap %d: capped %v, %v, hits %v\nwant %v", c, capped, err, keys(hits), want)
		}
	}
	RankCap = total - 1
	if _, capped, _ := s.SearchCapped(q, AllArticles, 20); !capped {
		t.Errorf("one match past the cap is not said")
	}
	// In one article every match is ranked, whatever the cap.
	RankCap = 1
	if hits, capped, err := s.SearchCapped(q, "", 1000); err != nil || capped || len(hits) != total/10 {
		t.Errorf("in the current article: %d hits (of %d), capped %v, %v", len(hits), total/10, capped, err)
	}
}
