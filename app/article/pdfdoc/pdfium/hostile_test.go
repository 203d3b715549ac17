package pdfium

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/pdfdoc"
)

// rawPDF writes a PDF from object bodies (object 1 is the catalog) with
// a correct cross-reference table.
func rawPDF(objects ...[]byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objects {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, x)
	return b.Bytes()
}

// onePage is a PDF of one page whose content stream is content (with
// extra stream dictionary entries dict).
func onePage(dict string, content []byte) []byte {
	return rawPDF(
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		[]byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
		[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
		append(append([]byte(fmt.Sprintf("<< /Length %d %s >>\nstream\n", len(content), dict)), content...), []byte("\nendstream")...),
		[]byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
	)
}

// bomb is n bytes of spaces deflated: a few hundred kilobytes that
// inflate to n.
func bomb(n int) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(chunk)
	}
	w.Close()
	return b.Bytes()
}

// TestHostile: PDFs built to exhaust a reader are refused, or read, in
// seconds and without the process's memory running away.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the PDF engine")
	}
	text := []byte("BT /F1 12 Tf 72 700 Td (A page of text that is long enough to read.) Tj ET")
	for _, c := range []struct {
		name string
		src  []byte
		want error
	}{
		{"deep nesting", onePage("/Deep "+strings.Repeat("[", 200000)+strings.Repeat("]", 200000), text), nil},
		{"deep dictionaries", onePage("/Deep "+strings.Repeat("<< /A ", 100000)+strings.Repeat(">> ", 100000), text), nil},
		{"decompression bomb (1 GB of spaces)", onePage("/Filter /FlateDecode", bomb(1<<30)), ErrBomb},
		{"a stream that says it is a terabyte", bytes.Replace(onePage("", text), []byte("/Length 78"), []byte("/Length 1099511627776"), 1), nil},
		{"a page tree that loops", rawPDF(
			[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
			[]byte("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>"),
			[]byte("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1000000 >>")), nil},
		{"a million pages claimed", rawPDF(
			[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
			[]byte("<< /Type /Pages /Kids ["+strings.Repeat("3 0 R ", 5000)+"] /Count 5000 >>"),
			[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")), ErrTooMany},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			pages, err := Read(c.src, "")
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if err == nil {
				if doc, derr := pdfdoc.Read(pages, c.src); derr == nil {
					if cerr := article.Check(doc); cerr != nil {
						t.Fatal(cerr)
					}
				}
			}
			t.Logf("%s: %v in %v, %d pages, Go heap +%d MB", c.name, err, took.Round(time.Millisecond), len(pages), (int64(after.HeapInuse)-int64(before.HeapInuse))>>20)
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err %v, want %v", err, c.want)
			}
			if took > 20*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// FuzzEngine feeds the engine the test PDFs with bytes changed: whatever
// comes back is an error or pages pdfdoc reads into a valid Document.
func FuzzEngine(f *testing.F) {
	for _, name := range []string{"treaty-1col.pdf", "scan.pdf"} {
		if b, err := os.ReadFile(filepath.Join(testdata, name)); err == nil {
			f.Add(b)
		}
	}
	f.Add(onePage("", []byte("BT /F1 12 Tf 72 700 Td (Text.) Tj ET")))
	f.Fuzz(func(t *testing.T, src []byte) {
		if testing.Short() {
			t.Skip("starts the PDF engine")
		}
		pages, err := Read(src, "")
		if err != nil {
			return
		}
		if len(pages) > MaxPages {
			t.Fatalf("%d pages", len(pages))
		}
		doc, err := pdfdoc.Read(pages, src)
		if err != nil {
			return
		}
		if err := article.Check(doc); err != nil {
			t.Fatal(err)
		}
	})
}
