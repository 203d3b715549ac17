package cite

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// gold is a hand-checked test set: testdata/gold.json (the tuned part)
// or testdata/gold-heldout.json (the held-out part, see its "about").
type gold struct {
	Works     map[string]goldWork   `json:"works"`
	Footnotes map[string][]goldCite `json:"footnotes"`
}

type goldWork struct {
	Authors []string `json:"authors"`
	Editors []string `json:"editors"` // when set, the source must keep them as editors
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

func loadGoldFile(t *testing.T, name string) gold {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// loadGold reads both parts. The held-out part may name works of the
// tuned part; a work id defined in both must be defined alike.
func loadGold(t *testing.T) (tuned, heldOut gold) {
	t.Helper()
	tuned = loadGoldFile(t, "testdata/gold.json")
	heldOut = loadGoldFile(t, "testdata/gold-heldout.json")
	for id, w := range heldOut.Works {
		if v, ok := tuned.Works[id]; ok && fmt.Sprint(v) != fmt.Sprint(w) {
			t.Fatalf("gold work %q defined twice, differently", id)
		}
	}
	for id, w := range tuned.Works {
		heldOut.Works[id] = w
	}
	for n := range heldOut.Footnotes {
		if _, ok := tuned.Footnotes[n]; ok {
			t.Fatalf("footnote %s is in both the tuned and the held-out gold", n)
		}
	}
	return tuned, heldOut
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

// goldScore is what scoreGold measures on one part of the gold set.
type goldScore struct {
	notes, shortNotes                            int
	extract, extractOK, resolve, resolveOK       int
	forms, formsOK, kinds, kindsOK, pins, pinsOK int
	extraCount                                   int
	extractMiss, resolveMiss, formMiss           []string
	kindMiss, pinMiss, extra                     []string
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// scoreGold scores extraction (works with the right authors, editors and
// title), resolution (short forms and Ibid. pointing at the right work),
// forms, kinds, pinpoints and citations the gold set does not have.
func scoreGold(t *testing.T, g gold, lib *Library) goldScore {
	t.Helper()
	matches := func(s *Source, w goldWork) bool {
		if titleKey(s.Title) != titleKey(w.Title) || (w.Symbol != "" && symbolKey(s.Symbol) != symbolKey(w.Symbol)) {
			return false
		}
		if w.Editors != nil {
			return authorSet(s.Authors) == authorSet(w.Authors) && authorSet(s.Editors) == authorSet(w.Editors)
		}
		return authorSet(sourceAuthors(s)) == authorSet(w.Authors)
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
	var sc goldScore
	sc.notes = len(notes)
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
				sc.extract++
				if found >= 0 && matches(src, w) {
					sc.extractOK++
				} else {
					got := "no source"
					if src != nil {
						got = strings.Join(sourceAuthors(src), " / ") + ", " + src.Title
					}
					sc.extractMiss = append(sc.extractMiss, fmt.Sprintf("%d %s (got: %s)", n, gc.Work, got))
				}
			} else {
				hasShort = true
				sc.resolve++
				if found >= 0 {
					sc.resolveOK++
				} else {
					why := "unresolved"
					for _, c := range cites {
						if c.Note != "" {
							why = c.Note
						}
					}
					sc.resolveMiss = append(sc.resolveMiss, fmt.Sprintf("%d %s -> %s (%s)", n, gc.Form, gc.Work, why))
				}
			}
			if found < 0 {
				continue
			}
			sc.kinds++
			if src.Kind == w.Kind {
				sc.kindsOK++
			} else {
				sc.kindMiss = append(sc.kindMiss, fmt.Sprintf("%d %s: got %s want %s", n, gc.Work, src.Kind, w.Kind))
			}
			sc.forms++
			if cites[found].Form == gc.Form {
				sc.formsOK++
			} else {
				sc.formMiss = append(sc.formMiss, fmt.Sprintf("%d %s: got %s want %s", n, gc.Work, cites[found].Form, gc.Form))
			}
			sc.pins++
			if cites[found].Pinpoint == gc.Pinpoint {
				sc.pinsOK++
			} else {
				sc.pinMiss = append(sc.pinMiss, fmt.Sprintf("%d %s: got %q want %q", n, gc.Work, cites[found].Pinpoint, gc.Pinpoint))
			}
		}
		if hasShort {
			sc.shortNotes++
		}
		for i, c := range cites {
			if !used[i] {
				sc.extraCount++
				sc.extra = append(sc.extra, fmt.Sprintf("%d %q", n, c.Text))
			}
		}
	}
	return sc
}

func (sc goldScore) log(t *testing.T, part string) {
	t.Helper()
	t.Logf("%s: %d footnotes (%d with Ibid., cit. or short titles)", part, sc.notes, sc.shortNotes)
	t.Logf("%s extraction: %d/%d full citations with the right authors and title (%.1f%%)", part, sc.extractOK, sc.extract, pct(sc.extractOK, sc.extract))
	t.Logf("%s resolution: %d/%d short forms and Ibid. resolved to the right work (%.1f%%)", part, sc.resolveOK, sc.resolve, pct(sc.resolveOK, sc.resolve))
	t.Logf("%s forms right: %d/%d; kinds right: %d/%d (%.1f%%); pinpoints exact: %d/%d (%.1f%%); extra citations: %d",
		part, sc.formsOK, sc.forms, sc.kindsOK, sc.kinds, pct(sc.kindsOK, sc.kinds), sc.pinsOK, sc.pins, pct(sc.pinsOK, sc.pins), sc.extraCount)
	for _, l := range [][2][]string{{{"extraction miss"}, sc.extractMiss}, {{"resolution miss"}, sc.resolveMiss},
		{{"form"}, sc.formMiss}, {{"kind"}, sc.kindMiss}, {{"pinpoint"}, sc.pinMiss}, {{"extra citation"}, sc.extra}} {
		for _, m := range l[1] {
			t.Logf("  %s %s: %s", part, l[0][0], m)
		}
	}
}

// goldFloor is what one part of the gold set must reach: the figures the
// README states. Lowering one needs a reason in the commit.
type goldFloor struct {
	extract, resolve, forms, kinds, pins float64
	extra                                int
}

func (sc goldScore) check(t *testing.T, part string, f goldFloor) {
	t.Helper()
	for _, c := range []struct {
		what     string
		got, min float64
	}{
		{"extraction", pct(sc.extractOK, sc.extract), f.extract},
		{"resolution", pct(sc.resolveOK, sc.resolve), f.resolve},
		{"forms", pct(sc.formsOK, sc.forms), f.forms},
		{"kinds", pct(sc.kindsOK, sc.kinds), f.kinds},
		{"pinpoints", pct(sc.pinsOK, sc.pins), f.pins},
	} {
		if c.got < c.min {
			t.Errorf("%s: %s %.1f%% is below the %.1f%% the README states (misses are logged above)", part, c.what, c.got, c.min)
		}
	}
	if sc.extraCount > f.extra {
		t.Errorf("%s: %d citations the gold set does not have, more than %d (see the log)", part, sc.extraCount, f.extra)
	}
}

// TestGold scores the extractor on the hand-checked gold set, its tuned
// part, its held-out part and all 190 footnotes together, and fails below
// the figures the README states.
func TestGold(t *testing.T) {
	tuned, heldOut := loadGold(t)
	lib := Extract(articleFootnotes(t))
	all := gold{Works: heldOut.Works, Footnotes: map[string][]goldCite{}}
	for _, g := range []gold{tuned, heldOut} {
		for n, c := range g.Footnotes {
			all.Footnotes[n] = c
		}
	}
	if n := len(articleFootnotes(t)); len(all.Footnotes) != n {
		t.Errorf("the gold set covers %d footnotes; the article has %d", len(all.Footnotes), n)
	}
	st, sh, sa := scoreGold(t, tuned, lib), scoreGold(t, heldOut, lib), scoreGold(t, all, lib)
	st.log(t, "tuned")
	sh.log(t, "held-out")
	t.Logf("all: extraction %d/%d (%.1f%%), resolution %d/%d (%.1f%%), kinds %.1f%%, pinpoints %.1f%%, forms %.1f%%, extra %d",
		sa.extractOK, sa.extract, pct(sa.extractOK, sa.extract), sa.resolveOK, sa.resolve, pct(sa.resolveOK, sa.resolve),
		pct(sa.kindsOK, sa.kinds), pct(sa.pinsOK, sa.pins), pct(sa.formsOK, sa.forms), sa.extraCount)
	st.check(t, "tuned", goldFloorTuned)
	sh.check(t, "held-out", goldFloorHeldOut)
	sa.check(t, "all 190 footnotes", goldFloorAll)
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

// The floors: the figures the README states, cut (not rounded) to one
// decimal. A change that scores lower anywhere fails; one that scores
// higher should raise them and the README together. The held-out floors
// are what it scores, never a target: the held-out part was written before
// the extractor changes of issue 17 and scored 90.9% / 100% then too.
var (
	goldFloorTuned   = goldFloor{extract: 100, resolve: 99.0, forms: 100, kinds: 97.7, pins: 100, extra: 1}
	goldFloorHeldOut = goldFloor{extract: 90.9, resolve: 100, forms: 100, kinds: 93.3, pins: 96.6, extra: 2}
	goldFloorAll     = goldFloor{extract: 98.9, resolve: 99.1, forms: 100, kinds: 97.3, pins: 99.6, extra: 3}
)
