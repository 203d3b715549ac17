package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Hit is one search result.
type Hit struct {
	Kind    string // "paragraph", "footnote" or "note"
	ID      string // paragraph ID, footnote number in decimal, or note id
	Section string // section number ("" before the first heading, or for an unplaced note)
	Snippet string // text around the hit, matched words wrapped in "**"
	Rank    float64
	Article string // ID of the article the hit is in
}

// Hit kinds.
const (
	KindParagraph = "paragraph"
	KindFootnote  = "footnote"
	KindNote      = "note"
)

// DefaultSearchLimit is used when Search is given a limit <= 0.
const DefaultSearchLimit = 50

// Search finds, in the current article, paragraphs, footnotes and notes
// (not those in the trash) containing every word of query, best first (bm25; Rank is SQLite's score,
// lower is better). Whatever is typed is searched as plain words: no FTS5
// syntax reaches SQLite. The last word also matches as a prefix, for search
// as you type. A query with no words returns no hits.
func (s *Store) Search(query string, limit int) ([]Hit, error) {
	return s.SearchArticle(query, "", limit)
}

// RankCap is how many matching rows a library-wide search ranks. Ranking
// costs every row it scores (bm25 reads each row's length), so a common
// word in a library of 200 articles (20,000 rows for "China" in 200
// copies of the shipped article, 40,000 for "the") took 40 to 220 ms,
// and the median query 13 ms; ranking no more than 1,000 rows brings the
// median to 7 ms and the slowest to 50-100 ms, what finding the rows
// costs (BenchmarkSearchLibrary200, BenchmarkSearchVaried200). A student
// shown "the best of the first 1000 matches" adds a word. A variable so
// that a test can show the rule on a small library.
var RankCap = 1000

// SearchArticle is Search in article ("" for the current one), or with
// AllArticles in every article of the library not in its trash.
func (s *Store) SearchArticle(query, article string, limit int) ([]Hit, error) {
	hits, _, err := s.SearchCapped(query, article, limit)
	return hits, err
}

// SearchCapped is SearchArticle that also says whether the ranking was
// capped. A library-wide search that matches more than RankCap rows
// ranks only the first RankCap of them in the order they came into the
// library (the articles as they were imported, the paragraphs of all of
// them, then their footnotes, then the notes), and capped is true: the
// hits are the best of those, and rows after them are not looked at. A
// search that matches no more rows, and a search in one article, rank
// every match as they always did.
func (s *Store) SearchCapped(query, article string, limit int) (hits []Hit, capped bool, err error) {
	words := MatchExpr(query)
	if words == "" {
		return nil, false, nil
	}
	// The words are matched in the text only; the article, an indexed
	// column, narrows the search through the index.
	// A filter on the article outside the match expression would read
	// every matching row's stored text: at 200 articles, most of the time
	// of a search for a common word.
	match, filter := `body : (`+words+`)`, ``
	switch id := s.scope(article); {
	case article == AllArticles:
		trashed, err := s.trashedIDs()
		if err != nil {
			return nil, false, fmt.Errorf("store: search %q: %w", query, err)
		}
		if len(trashed) > 0 {
			match = `(` + match + `) NOT article : (` + strings.Join(trashed, " OR ") + `)`
		}
	case id == "":
		filter = ` AND article = ''`
	default:
		match = `article : ` + ftsString(id) + ` AND ` + match
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	err = s.retry(func() error {
		hits, capped = hits[:0], false
		// The last row to rank: the one before the match past the cap,
		// found without ranking (in the index's order, stopping there).
		// A rowid constraint only when capped: every other search is the
		// query it always was.
		cut, args := "", []any{match}
		if article == AllArticles {
			var last int64
			err := s.db.QueryRow(`SELECT rowid FROM search WHERE search MATCH ? LIMIT 1 OFFSET ?`, match, RankCap).Scan(&last)
			switch {
			case err == nil: // a row past the cap: rank those before it
				cut, args, capped = ` AND rowid < ?`, append(args, last), true
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
		}
		// ORDER BY rank lets FTS5 sort by itself and compute snippets only
		// for the rows returned.
		rows, err := s.db.Query(`
			SELECT kind, ref, section, article, snippet(search, 4, '**', '**', '…', 24), rank
			FROM search WHERE search MATCH ?`+cut+filter+` ORDER BY rank LIMIT ?`, append(args, limit)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h Hit
			if err := rows.Scan(&h.Kind, &h.ID, &h.Section, &h.Article, &h.Snippet, &h.Rank); err != nil {
				return err
			}
			hits = append(hits, h)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, false, fmt.Errorf("store: search %q: %w", query, err)
	}
	return hits, capped, nil
}

// MatchExpr turns what a person typed into an FTS5 query of plain words:
// each token becomes an FTS5 string (quotes doubled), tokens with no letter
// or digit are dropped (the tokenizer would find nothing in them), and the
// last token matches as a prefix unless the query ends in a space.
func MatchExpr(query string) string {
	// SQLite reads strings up to a NUL; bytes that are not UTF-8 tokenize
	// unpredictably. Both become separators.
	query = strings.ToValidUTF8(strings.ReplaceAll(query, "\x00", " "), " ")
	var parts []string
	for _, tok := range strings.Fields(query) {
		if !strings.ContainsFunc(tok, isWordRune) {
			continue
		}
		parts = append(parts, `"`+strings.ReplaceAll(tok, `"`, `""`)+`"`)
	}
	if len(parts) == 0 {
		return ""
	}
	last := strings.Fields(query)
	if !strings.HasSuffix(query, " ") && strings.ContainsFunc(last[len(last)-1], isWordRune) {
		parts[len(parts)-1] += "*"
	}
	return strings.Join(parts, " ")
}

// isWordRune is what FTS5's unicode61 tokenizer keeps as part of a token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// ftsString is s as an FTS5 string.
func ftsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// trashedIDs are the articles in the library's trash, as FTS5 strings.
func (s *Store) trashedIDs() ([]string, error) {
	ids, err := s.textColumn(`SELECT id FROM library WHERE trashed_at != 0`)
	for i, id := range ids {
		ids[i] = ftsString(id)
	}
	return ids, err
}
