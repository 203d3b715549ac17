package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

func realArticle(tb testing.TB) *article.Document {
	tb.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// BenchmarkImportArticle is the first import of the real article into a
// new database: every paragraph, footnote and section written and indexed
// for search, in one transaction (target: under 50 ms).
func BenchmarkImportArticle(b *testing.B) {
	doc := realArticle(b)
	dir := b.TempDir()
	defer lockThread()()
	var cpu time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		s, err := Open(filepath.Join(dir, fmt.Sprintf("g%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		c0, _ := threadCPU()
		b.StartTimer()
		if _, err := s.ImportArticle(doc); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		c1, _ := threadCPU()
		cpu += c1 - c0
		s.Close()
		b.StartTimer()
	}
	if _, ok := threadCPU(); ok {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(i), "cpu-ns/op")
	}
}

// BenchmarkReimportArticle imports a new version of the real article into a
// database holding 100 notes on it: the text is replaced and every note
// placed again.
func BenchmarkReimportArticle(b *testing.B) {
	doc := realArticle(b)
	s, _ := openTemp(b)
	mustImport(b, s, doc)
	for k := range 100 {
		p := doc.Paragraphs[k*len(doc.Paragraphs)/100]
		if _, err := s.AddQuoteNote(p.Text[:min(40, len(p.Text))], "note", nil); err != nil {
			b.Fatal(err)
		}
	}
	other := *doc
	other.Hash = "another-version"
	versions := []*article.Document{&other, doc}
	i := 0
	for b.Loop() {
		res, err := s.ImportArticle(versions[i%2])
		i++
		if err != nil || res.Unchanged || res.Checked != 100 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}

// benchQueries are what a student types: whole words, phrases, prefixes
// of a word being typed, rare and common words.
var benchQueries = []string{
	"sovereignty", "sovereign equality", "non-interference", "human rights", "Budapest Convention",
	"cybercrime", "China", "Russia", "extraterritorial", "jurisdiction", "Ad Hoc Committee",
	"sover", "interf", "cyb", "transnational repression", "UNGA Res", "Joint Statement",
	"international law", "the", "of the", "Tallinn", "critical infrastructure", "data",
	"freedom of expression", "cooperation", "electronic evidence", "Article 24", "2019",
}

// addCopies adds copies more articles to the library, each the real
// article under another title and hash, through AddArticle as an import
// does.
func addCopies(tb testing.TB, s *Store, doc *article.Document, copies int) {
	tb.Helper()
	for c := 1; c <= copies; c++ {
		cp := *doc
		cp.Title = fmt.Sprintf("%s (copy %d)", doc.Title, c)
		cp.Hash = fmt.Sprintf("%012x%s", c, doc.Hash[12:])
		if res, err := s.AddArticle(&cp, fmt.Sprintf("copy-%d.md", c)); err != nil || res.Status != StatusAdded {
			tb.Fatalf("copy %d: %+v, %v", c, res, err)
		}
	}
}

// benchSearch runs benchQueries in turn and reports the median and 90th
// percentile time per query next to Go's mean, and the median CPU time.
func benchSearch(b *testing.B, s *Store, scope string) {
	for _, q := range benchQueries { // warm the page cache and check the queries
		if _, err := s.SearchArticle(q, scope, DefaultSearchLimit); err != nil {
			b.Fatal(err)
		}
	}
	defer lockThread()()
	var times, cpu []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)]
		i++
		c0, _ := threadCPU()
		t0 := time.Now()
		if _, err := s.SearchArticle(q, scope, DefaultSearchLimit); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
		c1, _ := threadCPU()
		cpu = append(cpu, c1-c0)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/query")
	b.ReportMetric(float64(times[len(times)*9/10].Nanoseconds()), "p90-ns/query")
	// The same median in CPU time: what the query costs when the machine
	// is not shared with other work.
	if _, ok := threadCPU(); ok {
		slices.Sort(cpu)
		b.ReportMetric(float64(cpu[len(cpu)/2].Nanoseconds()), "median-cpu-ns/query")
		b.ReportMetric(float64(cpu[len(cpu)-1].Nanoseconds()), "max-cpu-ns/query")
	}
}

// BenchmarkSearchArticle searches the real article with a few notes
// (target: median under 2 ms).
func BenchmarkSearchArticle(b *testing.B) {
	doc := realArticle(b)
	s, _ := openTemp(b)
	mustImport(b, s, doc)
	for _, q := range []string{"sovereign equality", "Budapest Convention", "human rights"} {
		if _, err := s.AddQuoteNote(q, "a note on "+q+" and cybercrime", []string{"exam"}); err != nil {
			b.Fatal(err)
		}
	}
	benchSearch(b, s, "")
}

// BenchmarkSearchLibrary200 searches a library holding 200 copies of the
// article: every article (target: median under 10 ms), and the current
// one only, which the other 199 must not slow down.
func BenchmarkSearchLibrary200(b *testing.B) {
	doc := realArticle(b)
	s, _ := openTemp(b)
	mustImport(b, s, doc)
	addCopies(b, s, doc, 199)
	if n := count(b, s.db, "SELECT count(*) FROM search"); n != 200*(len(doc.Paragraphs)+len(doc.Footnotes)) {
		b.Fatalf("search index holds %d rows", n)
	}
	b.Run("all", func(b *testing.B) { benchSearch(b, s, AllArticles) })
	b.Run("current", func(b *testing.B) { benchSearch(b, s, "") })
}
