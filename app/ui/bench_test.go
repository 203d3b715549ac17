package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/shaping"
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

// firstScreenRuns are the runs of the reader's first screen at
// 1000x700, as its line rasters draw them, and how many glyphs they hold.
func firstScreenRuns(b *testing.B) ([]lineNeed, int) {
	a := test.NewTempApp(b)
	u := New(a, realDoc(b), nil, Options{Size: fyne.NewSize(1000, 700)})
	u.Window().Show()
	b.Cleanup(u.Window().Close)
	r := test.WidgetRenderer(u.reader.view).(*flowRenderer)
	lines := append([]lineNeed(nil), r.needInks...)
	n := 0
	for _, l := range lines {
		for _, ru := range l.runs {
			n += len([]rune(ru.text))
		}
	}
	if n < 1000 {
		b.Fatalf("the first screen draws %d runes", n)
	}
	return lines, n
}

// BenchmarkInkFirstScreen composites the first screen's lines from the
// glyph cache, as the first paint does once the glyphs are cached
// (runs shaped and masks kept): what a redraw of the page costs.
func BenchmarkInkFirstScreen(b *testing.B) {
	lines, n := firstScreenRuns(b)
	img := image.NewRGBA(image.Rect(0, 0, 800, 60))
	for b.Loop() {
		for _, l := range lines {
			clear(img.Pix)
			drawRuns(img, l.runs, 1, &uiInk.sh, &uiInk.faces)
		}
	}
	b.ReportMetric(float64(n), "glyphs/op")
}

// BenchmarkInkFirstScreenCold is the same with the glyph and shape
// caches empty: the first paint of a start.
func BenchmarkInkFirstScreenCold(b *testing.B) {
	lines, n := firstScreenRuns(b)
	img := image.NewRGBA(image.Rect(0, 0, 800, 60))
	for b.Loop() {
		glyphs.mu.Lock()
		glyphs.m = map[glyphKey]*glyphMask{}
		glyphs.mu.Unlock()
		shapes.mu.Lock()
		shapes.m = map[shapedKey][]shaping.Output{}
		shapes.mu.Unlock()
		for _, l := range lines {
			clear(img.Pix)
			drawRuns(img, l.runs, 1, &uiInk.sh, &uiInk.faces)
		}
	}
	b.ReportMetric(float64(n), "glyphs/op")
}
