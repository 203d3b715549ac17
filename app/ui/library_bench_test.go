package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/store"
)

// shelfOf makes n articles for the filter to search, their titles and
// authors cut from the real article's footnotes, so that the words are
// as varied as a student's reading list.
func shelfOf(tb testing.TB, n int) []store.ArticleInfo {
	doc := realDoc(tb)
	out := make([]store.ArticleInfo, n)
	for i := range out {
		fn := doc.Footnotes[i%len(doc.Footnotes)].Text
		words := strings.Fields(fn)
		k := (i / len(doc.Footnotes)) % max(1, len(words)-8)
		title := strings.Join(words[k:min(len(words), k+10)], " ")
		out[i] = store.ArticleInfo{
			ID:        fmt.Sprintf("%012x", i),
			Title:     title,
			Authors:   []string{strings.Join(words[:min(2, len(words))], " ")},
			Year:      1990 + i%35,
			Footnotes: 50 + i%300,
			Notes:     i % 7,
			Origin:    fmt.Sprintf("reading-%04d.docx", i),
			Added:     time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
		}
	}
	out[0].Shipped = true
	return out
}

// BenchmarkLibraryFilter is one key typed into the Library's filter at
// 1,000 articles: the fuzzy match and the list redrawn. The issue's
// budget is one frame, 16 ms.
func BenchmarkLibraryFilter(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{Size: fyne.NewSize(1000, 700)})
	b.Cleanup(u.scratch.remove)
	u.Window().Show()
	l := u.shelfScreen
	u.Show("Library")
	l.items = shelfOf(b, 1000)
	l.keys = make(shelfKeys, len(l.items))
	for i, it := range l.items {
		l.keys[i] = shelfKey(it)
	}
	l.applyFilter()
	// what a student types, a key at a time, then deletes
	typed := "sovereign cyber 2019"
	var steps []string
	for i := 1; i <= len(typed); i++ {
		steps = append(steps, typed[:i])
	}
	for i := len(typed) - 1; i >= 0; i-- {
		steps = append(steps, typed[:i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.filter.SetText(steps[i%len(steps)])
	}
	b.StopTimer()
	if len(l.items) != 1000 {
		b.Fatalf("%d articles", len(l.items))
	}
}

// BenchmarkWindowOpenLibrary is New up to a laid out window on a study
// database holding the shipped article alone, then 200 articles more (a
// small real document imported under 200 names): the issue wants the
// window to open within 10 % of the time and memory with the library.
func BenchmarkWindowOpenLibrary(b *testing.B) {
	doc := realDoc(b)
	small, _, err := formats.ReadFile(realArticlePath("openlegaldata-research.md"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{0, 200} {
		b.Run(fmt.Sprintf("articles=%d", n+1), func(b *testing.B) {
			st, err := store.Open(filepath.Join(b.TempDir(), "glossa.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			if _, err := st.ImportArticle(doc); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < n; i++ {
				d := *small
				sum := sha256.Sum256(fmt.Appendf(nil, "%s %d", small.Hash, i))
				d.Hash = hex.EncodeToString(sum[:])
				d.Title = fmt.Sprintf("%s, part %d", small.Title, i)
				if _, err := st.AddArticle(&d, fmt.Sprintf("reading-%03d.md", i)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a := test.NewTempApp(b)
				u := New(a, doc, st, Options{Size: fyne.NewSize(1280, 800)})
				if u.reader.view.lay.total == 0 {
					b.Fatal("not laid out")
				}
				u.writes.wait()
			}
		})
	}
}

// BenchmarkOpenArticle is a tap on the shelf: the screens built again for
// another article (the Word chapter of 81 notes) and laid out at its
// place, then back to the shipped one; an op is one switch.
func BenchmarkOpenArticle(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "glossa.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	doc := realDoc(b)
	if _, err := st.ImportArticle(doc); err != nil {
		b.Fatal(err)
	}
	other, _, err := formats.ReadFile(realArticlePath("free-culture-piracy.docx"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := st.AddArticle(other, "free-culture-piracy.docx")
	if err != nil {
		b.Fatal(err)
	}
	u := New(test.NewTempApp(b), doc, st, Options{Size: fyne.NewSize(1280, 800)})
	u.Window().Show()
	ids := []string{res.ID, u.shippedID}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := u.openArticle(ids[i%2]); err != nil {
			b.Fatal(err)
		}
		if u.reader.view.lay.total == 0 {
			b.Fatal("not laid out")
		}
	}
	b.StopTimer()
	u.writes.wait()
}
