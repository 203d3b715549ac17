package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/formats"
)

// BenchmarkImport324 is "glossa import" of a real 324-footnote file into
// a library holding the shipped article: read, parse, and add (target:
// under 100 ms). "growing" adds another copy each round to the same
// library instead, so that the search index's merges of ever larger
// segments are paid as they come.
func BenchmarkImport324(b *testing.B) {
	shipped := realArticle(b)
	for _, name := range []string{"bench-324.docx", "bench-324.html"} {
		path := filepath.Join("..", "app", "article", "formats", "testdata", "real", name)
		for _, growing := range []bool{false, true} {
			sub := name
			if growing {
				sub += "/growing"
			}
			b.Run(sub, func(b *testing.B) {
				dir := b.TempDir()
				s, err := Open(filepath.Join(dir, "glossa.db"))
				if err != nil {
					b.Fatal(err)
				}
				mustImport(b, s, shipped)
				defer lockThread()()
				var cpu time.Duration
				i := 0
				for b.Loop() {
					i++
					if !growing && i > 1 {
						b.StopTimer()
						s.Close()
						if s, err = Open(filepath.Join(dir, fmt.Sprintf("g%d.db", i))); err != nil {
							b.Fatal(err)
						}
						mustImport(b, s, shipped)
						b.StartTimer()
					}
					c0, _ := threadCPU()
					doc, format, err := formats.ReadFile(path)
					if err != nil || len(doc.Footnotes) != 324 {
						b.Fatalf("%v, %d footnotes", err, len(doc.Footnotes))
					}
					if growing { // another article each round, not the same one unchanged
						doc.Title = fmt.Sprintf("%s %d", doc.Title, i)
						doc.Hash = fmt.Sprintf("%012x%s", i, doc.Hash[12:])
					}
					if res, err := s.AddArticleFormat(doc, path, string(format)); err != nil || res.Status != StatusAdded {
						b.Fatalf("%+v, %v", res, err)
					}
					c1, _ := threadCPU()
					cpu += c1 - c0
				}
				s.Close()
				// The CPU time is what the import costs on a machine not
				// shared with other work.
				if _, ok := threadCPU(); ok {
					b.ReportMetric(float64(cpu.Nanoseconds())/float64(i), "cpu-ns/op")
				}
			})
		}
	}
}

// libraryFile is a closed database holding the shipped article and
// others-1 copies of it, opened once since (the day's check and backup
// are done).
func libraryFile(b *testing.B, others int) string {
	b.Helper()
	doc := realArticle(b)
	path := filepath.Join(b.TempDir(), "glossa.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	mustImport(b, s, doc)
	addCopies(b, s, doc, others-1)
	s.Close()
	if s, err = Open(path); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkStartLibrary is what the window asks of the store before its
// first frame: open, the shipped article (unchanged) and the current
// article's paragraphs, with 1 and with 200 articles (target: 200 within
// 10% of 1, in time and memory); "+list" adds the library's list, which
// the Library screen shows.
func BenchmarkStartLibrary(b *testing.B) {
	doc := realArticle(b)
	for _, n := range []int{1, 200} {
		path := libraryFile(b, n)
		for _, list := range []bool{false, true} {
			name := fmt.Sprintf("articles=%d", n)
			if list {
				name += "+list"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				defer lockThread()()
				c0, ok := threadCPU()
				for b.Loop() {
					s, err := Open(path)
					if err != nil {
						b.Fatal(err)
					}
					if res, err := s.ImportArticle(doc); err != nil || !res.Unchanged {
						b.Fatalf("%+v, %v", res, err)
					}
					if ps, err := s.Paragraphs(); err != nil || len(ps) != len(doc.Paragraphs) {
						b.Fatalf("%d paragraphs, %v", len(ps), err)
					}
					if list {
						if lib, err := s.Library(); err != nil || len(lib) != n {
							b.Fatalf("%d articles, %v", len(lib), err)
						}
					}
					s.Close()
				}
				if c1, _ := threadCPU(); ok {
					b.ReportMetric(float64((c1-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}

// BenchmarkLibrary200 lists a library of 200 articles, notes counted.
func BenchmarkLibrary200(b *testing.B) {
	s, err := Open(libraryFile(b, 200))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		if lib, err := s.Library(); err != nil || len(lib) != 200 {
			b.Fatalf("%d, %v", len(lib), err)
		}
	}
}

// variedSources are the real documents of the repository a varied
// library is made from: the shipped article and these, each a different
// text by other authors.
var variedSources = []string{
	"../app/article/formats/testdata/real/bench-324.docx",
	"../app/article/formats/testdata/real/free-culture-introduction.md",
	"../app/article/formats/testdata/real/free-culture-piracy.md",
	"../app/article/formats/testdata/real/openlegaldata-research.md",
	"../app/article/formats/testdata/real/openlegaldata-stellungnahme-egovg.md",
	"../testdata/pdf/treaty.md",
	"../testdata/pdf/long.md",
}

// addVariedLibrary fills s, which holds the shipped article, up to n
// articles of different texts, as a student's library is: the real
// documents of variedSources, then deterministic variations of them all
// (each word of four letters or more replaced, one time in three, by a
// word of another document, so that a topic word is in some articles and
// not in others while "the" and "of" stay in all of them).
func addVariedLibrary(tb testing.TB, s *Store, n int) {
	tb.Helper()
	bases := []*article.Document{realArticle(tb)}
	for _, path := range variedSources {
		doc, _, err := formats.ReadFile(path)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		bases = append(bases, doc)
	}
	var vocab []string
	for _, d := range bases {
		for _, p := range d.Paragraphs {
			for _, w := range strings.Fields(p.Text) {
				if len(w) >= 4 {
					vocab = append(vocab, w)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(16, 200))
	vary := func(text string) string {
		ws := strings.Fields(text)
		for i, w := range ws {
			if len(w) >= 4 && rng.IntN(3) == 0 {
				ws[i] = vocab[rng.IntN(len(vocab))]
			}
		}
		return strings.Join(ws, " ")
	}
	for k := 1; k < n; k++ {
		base := bases[k%len(bases)]
		doc := *base
		if k >= len(bases) { // a variation, not the document itself
			doc.Paragraphs = make([]article.Paragraph, len(base.Paragraphs))
			for i, p := range base.Paragraphs {
				p.Text, p.Spans, p.Refs = vary(p.Text), nil, nil
				doc.Paragraphs[i] = p
			}
			doc.Footnotes = make([]article.Footnote, len(base.Footnotes))
			for i, f := range base.Footnotes {
				f.Text, f.Spans = vary(f.Text), nil
				doc.Footnotes[i] = f
			}
		}
		doc.Title = fmt.Sprintf("%s (%d)", base.Title, k)
		doc.Hash = fmt.Sprintf("%012x%s", k, base.Hash[12:])
		if res, err := s.AddArticle(&doc, fmt.Sprintf("varied-%d.md", k)); err != nil || res.Status != StatusAdded {
			tb.Fatalf("article %d: %+v, %v", k, res, err)
		}
	}
}

// BenchmarkSearchVaried200 is BenchmarkSearchLibrary200 on a library of
// 200 different texts (addVariedLibrary) rather than 200 copies of one,
// in which every word of the article is in every article.
func BenchmarkSearchVaried200(b *testing.B) {
	s, _ := openTemp(b)
	mustImport(b, s, realArticle(b))
	addVariedLibrary(b, s, 200)
	b.Run("all", func(b *testing.B) { benchSearch(b, s, AllArticles) })
	b.Run("current", func(b *testing.B) { benchSearch(b, s, "") })
}
