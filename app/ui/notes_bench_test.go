package ui

import (
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/store"
)

// with500Highlights is a window on a store holding 500 highlights spread
// over the article.
func with500Highlights(b *testing.B) *UI {
	b.Helper()
	st, err := store.Open(b.TempDir() + "/glossa.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	doc := realDoc(b)
	if _, err := st.ImportArticle(doc); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 500))
	for i := range 500 {
		pi := rng.IntN(len(doc.Paragraphs))
		text := doc.Paragraphs[pi].Text
		start := rng.IntN(len(text) - 2)
		end := min(len(text), start+1+rng.IntN(160))
		a := anchor.At(doc.Paragraphs, pi, start, end)
		if _, err := st.AddNote(store.Note{Anchor: a, Color: highlightColors[i%len(highlightColors)].name}); err != nil {
			b.Fatal(err)
		}
	}
	u := New(test.NewTempApp(b), doc, st, Options{Size: fyne.NewSize(1280, 800)})
	if len(u.reader.view.sel.marks) < 450 {
		b.Fatalf("%d highlights placed", len(u.reader.view.sel.marks))
	}
	return u
}

// BenchmarkReaderFullScroll500Highlights is BenchmarkReaderFullScroll
// with 500 highlights in the text: the cost of drawing them per frame.
func BenchmarkReaderFullScroll500Highlights(b *testing.B) {
	v := with500Highlights(b).reader.view
	steps := 0
	for b.Loop() {
		v.scrollTo(0)
		for v.offset()+v.viewport() < v.lay.total {
			v.scrollTo(v.offset() + v.viewport()/3)
			steps++
		}
	}
	b.ReportMetric(float64(steps)/float64(b.N), "steps/scroll")
}

// BenchmarkRefreshMarks500 places 500 notes in the text again, as after a
// highlight is made or a bundle imported.
func BenchmarkRefreshMarks500(b *testing.B) {
	r := with500Highlights(b).reader
	for b.Loop() {
		r.refreshMarks()
	}
}
