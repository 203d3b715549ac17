package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkReaderLayout breaks the whole article into lines at a 700 px
// column, as on every resize and zoom step (advances cached).
func BenchmarkReaderLayout(b *testing.B) {
	test.NewTempApp(b)
	blocks, _ := articleBlocks(realDoc(b))
	ms := measurers{}
	layoutFlow(ms, blocks, baseTextSize, 700)
	b.ResetTimer()
	for b.Loop() {
		layoutFlow(ms, blocks, baseTextSize, 700)
	}
}

// BenchmarkReaderLayoutCold is the first layout, measuring every rune.
func BenchmarkReaderLayoutCold(b *testing.B) {
	test.NewTempApp(b)
	blocks, _ := articleBlocks(realDoc(b))
	for b.Loop() {
		layoutFlow(measurers{}, blocks, baseTextSize, 700)
	}
}

// BenchmarkReaderFirstLayout is New up to a laid out window with the
// visible lines placed: what happens before the first frame.
func BenchmarkReaderFirstLayout(b *testing.B) {
	doc := realDoc(b)
	for b.Loop() {
		a := test.NewTempApp(b)
		u := New(a, doc, nil, Options{Size: fyne.NewSize(1280, 800)})
		if u.reader.view.lay.total == 0 {
			b.Fatal("not laid out")
		}
	}
}

// BenchmarkReaderFullScroll scrolls from the top to the end of the
// article a third of a page at a time, placing the visible lines each step.
func BenchmarkReaderFullScroll(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{Size: fyne.NewSize(1280, 800)})
	v := u.reader.view
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
