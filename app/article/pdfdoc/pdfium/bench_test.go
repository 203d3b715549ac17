package pdfium

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium/requests"

	"github.com/glossa-app/glossa/app/article/pdfdoc"
	"github.com/glossa-app/glossa/app/startup"
)

// startAndRead starts an engine with the cache in dir and reads one
// page, the cost a student pays before the first PDF opens.
func startAndRead(b *testing.B, dir string, src []byte) {
	p, err := newPool(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	inst, err := p.GetInstance(time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &src})
	if err != nil {
		b.Fatal(err)
	}
	inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
}

func small(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join(testdata, "treaty-1col.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkStartFirst: the first PDF ever opened compiles the engine
// (no cache yet).
func BenchmarkStartFirst(b *testing.B) {
	src := small(b)
	before := cpuTime()
	for b.Loop() {
		startAndRead(b, b.TempDir(), src)
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkStartCached: later runs of Glossa load the compiled engine
// from the user's cache folder.
func BenchmarkStartCached(b *testing.B) {
	src := small(b)
	dir := b.TempDir()
	startAndRead(b, dir, src)
	before := cpuTime()
	for b.Loop() {
		startAndRead(b, dir, src)
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkImport40: a 43-page article with 250 notes, from bytes to
// Document, once the engine runs. The target is under a second.
func BenchmarkImport40(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(testdata, "long-40pages.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	if err := Start(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	before := cpuTime()
	for b.Loop() {
		pages, err := Read(src, "")
		if err != nil {
			b.Fatal(err)
		}
		doc, err := pdfdoc.Read(pages, src)
		if err != nil || len(doc.Footnotes) != 250 {
			b.Fatalf("err %v", err)
		}
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkLayout40 is the layout rules alone on the same pages.
func BenchmarkLayout40(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(testdata, "long-40pages.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	pages, err := Read(src, "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	before := cpuTime()
	for b.Loop() {
		if _, err := pdfdoc.Read(pages, src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime is startup.ProcessCPU in ns (0 where it is not measured): on a
// shared machine the wall clock measures the other processes too.
func cpuTime() int64 {
	d, _ := startup.ProcessCPU()
	return d.Nanoseconds()
}
