package cite

import (
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// gold is the hand-checked test set in testdata/gold.json.
type gold struct {
	Works     map[string]goldWork   `json:"works"`
	Footnotes map[string][]goldCite `json:"footnotes"`
}

type goldWork struct {
	Authors []string `json:"authors"`
	Title   string   `json:"title"`
	Kind    Kind     `json:"kind"`
	Symbol  string   `json:"symbol"` // tells apart UN documents with one title
}

type goldCite struct {
	Work     string `json:"work"`
	Form     Form   `json:"form"`
	Pinpoint string `json:"pinpoint"`
}

var (
	articleOnce sync.Once
	articleDoc  *article.Document
	articleErr  error
)

// articleFootnotes parses the embedded article once per test binary.
func articleFootnotes(tb testing.TB) []article.Footnote {
	tb.Helper()
	articleOnce.Do(func() { articleDoc, articleErr = article.Parse(assets.Article) })
	if articleErr != nil {
		tb.Fatalf("parse article: %v", articleErr)
	}
	return articleDoc.Footnotes
}

func loadGold(t *testing.T) gold {
	t.Helper()
	b, err := os.ReadFile("testdata/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("testdata/gold.json: %v", err)
	}
	return g
}

func authorSet(names []string) string {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		keys = append(keys, authorKey(n))
	}
	sort.Strings(keys)
	return strings.Join(keys, "; ")
}

// sourceAuthors are the names a source is credited to: its authors, or
// its editors when it has none.
func sourceAuthors(s *Source) []string {
	if len(s.Authors) > 0 {
		return s.Authors
	}
	return s.Editors
}

// TestGold scores extraction (works with the right authors and title) and
// resolution (short forms and Ibid. pointing at the right work) against the
// hand-checked set, and fails under 95%.
func TestGold(t *testing.T) {
	g := loadGold(t)
	lib := Extract(articleFootnotes(t))

	matches := func(s *Source, w goldWork) bool {
		return titleKey(s.Title) == titleKey(w.Title) && authorSet(sourceAuthors(s)) == authorSet(w.Authors) &&
			(w.Symbol == "" || symbolKey(s.Symbol) == symbolKey(w.Symbol))
	}
	// target finds the library's source for a gold work: by authors and
	// title, else by title alone.
	target := func(id string) *Source {
		w := g.Works[id]
		var byTitle *Source
		for i := range lib.Sources {
			s := &lib.Sources[i]
			if matches(s, w) {
				return s
			}
			if byTitle == nil && titleKey(s.Title) == titleKey(w.Title) && (w.Symbol == "" || symbolKey(s.Symbol) == symbolKey(w.Symbol)) {
				byTitle = s
			}
		}
		return byTitle
	}

	var notes []int
	for k := range g.Footnotes {
		n, err := strconv.Atoi(k)
		if err != nil {
			t.Fatalf("gold footnote %q: %v", k, err)
		}
		notes = append(notes, n)
	}
	sort.Ints(notes)
	shortNotes := 0
	var extract, extractOK, resolve, resolveOK, pins, pinsOK, forms, formsOK, kinds, kindsOK int
	var extractMiss, resolveMiss, pinMiss, extra []string
	for _, n := range notes {
		cites := lib.CitationsIn(n)
		used := make([]bool, len(cites))
		hasShort := false
		for _, gc := range g.Footnotes[strconv.Itoa(n)] {
			w, ok := g.Works[gc.Work]
			if !ok {
				t.Fatalf("gold footnote %d names unknown work %q", n, gc.Work)
			}
			src := target(gc.Work)
			found := -1
			if src != nil {
				for i, c := range cites {
					if !used[i] && c.Source == src.ID {
						found = i
						break
					}
				}
			}
			if found >= 0 {
				used[found] = true
			}
			if gc.Form == FormFull {
				extract++
				if found >= 0 && matches(src, w) {
					extractOK++
					kinds++
					if src.Kind == w.Kind {
						kindsOK++
					}
				} else {
					got := "no source"
					if src != nil {
						got = strings.Join(sourceAuthors(src), " / ") + ", " + src.Title
					}
					extractMiss = append(extractMiss, strconv.Itoa(n)+" "+gc.Work+" (got: "+got+")")
				}
			} else {
				hasShort = true
				resolve++
				if found >= 0 {
					resolveOK++
				} else {
					why := "unresolved"
					for _, c := range cites {
						if c.Note != "" {
							why = c.Note
						}
					}
					resolveMiss = append(resolveMiss, strconv.Itoa(n)+" "+string(gc.Form)+" -> "+gc.Work+" ("+why+")")
				}
			}
			if found >= 0 {
				forms++
				if cites[found].Form == gc.Form {
					formsOK++
				}
				pins++
				if cites[found].Pinpoint == gc.Pinpoint {
					pinsOK++
				} else {
					pinMiss = append(pinMiss, strconv.Itoa(n)+" "+gc.Work+": got "+strconv.Quote(cites[found].Pinpoint)+" want "+strconv.Quote(gc.Pinpoint))
				}
			}
		}
		if hasShort {
			shortNotes++
		}
		for i, c := range cites {
			if !used[i] {
				extra = append(extra, strconv.Itoa(n)+" "+strconv.Quote(c.Text))
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	t.Logf("gold set: %d footnotes (%d with Ibid., cit. or short titles), %d works", len(notes), shortNotes, len(g.Works))
	t.Logf("extraction: %d/%d full citations with the right authors and title (%.1f%%)", extractOK, extract, pct(extractOK, extract))
	for _, m := range extractMiss {
		t.Logf("  extraction miss: %s", m)
	}
	t.Logf("resolution: %d/%d short forms and Ibid. resolved to the right work (%.1f%%)", resolveOK, resolve, pct(resolveOK, resolve))
	for _, m := range resolveMiss {
		t.Logf("  resolution miss: %s", m)
	}
	t.Logf("forms right: %d/%d; kinds right: %d/%d (%.1f%%); pinpoints exact: %d/%d (%.1f%%)",
		formsOK, forms, kindsOK, kinds, pct(kindsOK, kinds), pinsOK, pins, pct(pinsOK, pins))
	for _, m := range pinMiss {
		t.Logf("  pinpoint: %s", m)
	}
	for _, m := range extra {
		t.Logf("  extra citation not in the gold set: %s", m)
	}
	if len(notes) < 45 || shortNotes*2 < len(notes) {
		t.Errorf("gold set too small: %d footnotes, %d with short forms", len(notes), shortNotes)
	}
	if pct(extractOK, extract) < 95 {
		t.Errorf("extraction %.1f%% < 95%%", pct(extractOK, extract))
	}
	if pct(resolveOK, resolve) < 95 {
		t.Errorf("resolution %.1f%% < 95%%", pct(resolveOK, resolve))
	}
}

// BenchmarkExtract is the whole extraction on the article's 190
// footnotes, as the window runs it at start.
func BenchmarkExtract(b *testing.B) {
	fns := articleFootnotes(b)
	b.ReportAllocs()
	for b.Loop() {
		Extract(fns)
	}
}
