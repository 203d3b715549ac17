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
// RankCap ranks the earliest matches of every article, in reading order,
// not the matches of the articles imported first; one that matches fewer
// ranks every match, as SQLite's own ranking of the whole index does.
func TestSearchRankCap(t *testing.T) {
	doc := realArticle(t)
	s, _ := openTemp(t)
	mustImport(t, s, doc)
	const articles = 10
	addCopies(t, s, doc, articles-1)
	position := map[string]int{}
	for i, p := range doc.Paragraphs {
		position[p.ID] = i
	}
	defer func(old int) { RankCap = old }(RankCap)
	RankCap = 3 * articles
	const q = "cybercrime "
	hits, err := s.SearchArticle(q, AllArticles, RankCap)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != RankCap {
		t.Fatalf("%d hits, want the %d ranked", len(hits), RankCap)
	}
	got := map[string][]int{} // article -> positions of its hits
	for _, h := range hits {
		if h.Kind != KindParagraph {
			t.Fatalf("hit %+v: the earliest matches are paragraphs", h)
		}
		got[h.Article] = append(got[h.Article], position[h.ID])
	}
	if len(got) != articles {
		t.Errorf("hits in %d articles, want all %d: %v", len(got), articles, got)
	}
	for id, ps := range got {
		all, err := s.SearchArticle(q, id, 1000)
		if err != nil {
			t.Fatal(err)
		}
		var matching []int
		for _, h := range all {
			if h.Kind == KindParagraph {
				matching = append(matching, position[h.ID])
			}
		}
		slices.Sort(matching)
		slices.Sort(ps)
		if len(matching) <= len(ps) || !slices.Equal(ps, matching[:len(ps)]) {
			t.Errorf("article %s: ranked paragraphs at %v, want its first %d matches of %v", id, ps, len(ps), matching)
		}
	}
	// Under the cap, every match is ranked: the best hits are SQLite's
	// ranking of the whole index.
	RankCap = 1 << 30
	hits, err = s.SearchArticle(q, AllArticles, 20)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(`SELECT rank FROM search WHERE search MATCH 'body : "cybercrime"' ORDER BY rank LIMIT 20`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		var rank float64
		if err := rows.Scan(&rank); err != nil {
			t.Fatal(err)
		}
		if i >= len(hits) || hits[i].Rank != rank {
			t.Fatalf("uncapped hit %d: %+v, want rank %v", i, hits[min(i, len(hits)-1)], rank)
		}
	}
}
