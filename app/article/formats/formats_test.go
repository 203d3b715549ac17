package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/pdfdoc/pdfium"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/assets"
)

// The real documents in testdata/real (see its README.md for where each
// came from and its licence). The counts and texts below were taken by
// reading the files, not from the parser: the Markdown's "[^n]:"
// definition lines, the Hugo page's <li id="fn:..."> items, and pandoc's
// renumbering of the same notes from 1.
var ipra = "See IFPI (International Federation of the Phonographic Industry), The Recording Industry Commercial Piracy Report 2003, July 2003, available at link #14. See also Ben Hunt, “Companies Warned on Music Piracy Risk,” Financial Times, 14 February 2003, 11."

var real = []struct {
	file     string
	format   Format
	notes    int
	first    int
	samples  map[int]string // number -> the whole text
	problems []string       // kinds expected (others fail the test)
}{
	{"free-culture-introduction.md", MDNotes, 11, 4, map[int]string{
		4:  "St. George Tucker, Blackstone's Commentaries 3 (South Hackensack, N.J.: Rothman Reprints, 1969), 18.",
		6:  "Lawrence Lessing, Man of High Fidelity: Edwin Howard Armstrong (Philadelphia: J. B. Lipincott Company, 1956), 209.",
		14: "Neil W. Netanel, “Copyright and a Democratic Civil Society,” Yale Law Journal 106 (1996): 283.",
	}, nil},
	{"free-culture-introduction.hugo.html", HTML, 11, 1, map[int]string{
		1:  "St. George Tucker, Blackstone’s Commentaries 3 (South Hackensack, N.J.: Rothman Reprints, 1969), 18.",
		11: "Neil W. Netanel, “Copyright and a Democratic Civil Society,” Yale Law Journal 106 (1996): 283.",
	}, []string{article.ProblemExternal}},
	{"free-culture-piracy.md", MDNotes, 81, 15, map[int]string{
		15: "Bach v. Longman, 98 Eng. Rep. 1274 (1777) (Mansfield).",
		70: ipra,
		95: "",
	}, nil},
	// The site generator read "$4.6 billion ... $3 billion" as a formula
	// and lost note 70: the page has 80 notes and one dangling marker.
	{"free-culture-piracy.hugo.html", HTML, 80, 1, map[int]string{
		1: "Bach v. Longman, 98 Eng. Rep. 1274 (1777) (Mansfield).",
	}, []string{article.ProblemExternal, article.ProblemUndefined}},
	{"free-culture-piracy.docx", DOCX, 81, 1, map[int]string{
		1:  "Bach v. Longman, 98 Eng. Rep. 1274 (1777) (Mansfield).",
		56: ipra,
	}, nil},
	{"openlegaldata-stellungnahme-egovg.md", MDNotes, 6, 1, map[int]string{
		1: "Im Unterschied zu einer API, können über einen Bulk-Download alle Daten gleichzeitig abgerufen werden.",
		2: "https://creativecommons.org/licenses/?lang=de, zuletzt aufgerufen am 12.01.2021.",
		6: "Vgl. RL (EU) 2019/1024 vom 20. Juni 2019 über offene Daten und die Weiterverwendung von Informationen des öffentlichen Sektors gefordert, Erwägungsgrund 43.",
	}, nil},
	{"openlegaldata-research.md", MDNotes, 4, 1, map[int]string{
		4: "Marco Lippi, Przemyslaw Palka, Giuseppe Contissa, Francesca Lagioia, Hans- Wolfgang Micklitz, Giovanni Sartor, and Paolo Torroni: CLAUDETTE: an Automated Detector of Potentially Unfair Clauses in Online Terms of Service. arXiv (2018).",
	}, nil},
	{"free-culture-piracy.odt", ODT, 81, 1, map[int]string{
		1:  "Bach v. Longman, 98 Eng. Rep. 1274 (1777) (Mansfield).",
		56: ipra,
	}, nil},
	{"free-culture-piracy.pandoc.html", HTML, 81, 1, map[int]string{
		1:  "Bach v. Longman, 98 Eng. Rep. 1274 (1777) (Mansfield).",
		56: ipra,
	}, nil},
}

func TestRealDocuments(t *testing.T) {
	for _, c := range real {
		t.Run(c.file, func(t *testing.T) {
			d, f, err := ReadFile(filepath.Join("testdata", "real", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if f != c.format {
				t.Errorf("format %s, want %s", f, c.format)
			}
			if err := article.Check(d); err != nil {
				t.Error(err)
			}
			if len(d.Footnotes) != c.notes || d.Footnotes[0].N != c.first {
				t.Fatalf("%d footnotes from %d, want %d from %d", len(d.Footnotes), d.Footnotes[0].N, c.notes, c.first)
			}
			byN := map[int]article.Footnote{}
			for i, fn := range d.Footnotes {
				byN[fn.N] = fn
				if fn.N != c.first+i {
					t.Errorf("footnote %d where %d was due", fn.N, c.first+i)
				}
				if fn.Paragraph == "" {
					t.Errorf("footnote %d has no reference in the text", fn.N)
				}
			}
			for n, want := range c.samples {
				if want == "" {
					continue
				}
				if got := byN[n].Text; got != want {
					t.Errorf("footnote %d\n got %q\nwant %q", n, got, want)
				}
			}
			kinds := map[string]bool{}
			for _, p := range d.Problems {
				kinds[p.Kind] = true
			}
			for _, k := range c.problems {
				if !kinds[k] {
					t.Errorf("no %s problem: %+v", k, d.Problems)
				}
				delete(kinds, k)
			}
			if len(kinds) > 0 {
				t.Errorf("unexpected problems: %+v", d.Problems)
			}
		})
	}
}

func TestShippedArticleUnchanged(t *testing.T) {
	want, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	got, f, err := Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	if f != Markdown || got.String() != want.String() {
		t.Errorf("format %s; the shipped article no longer parses as before", f)
	}
}

// TestUTF16: a page saved as UTF-16 is read, not refused as binary.
func TestUTF16(t *testing.T) {
	page := "<html><body><p>Text.<a href=\"#fn1\" id=\"r1\">1</a></p><ol><li id=\"fn1\">§ 1. <a href=\"#r1\">↩</a></li></ol></body></html>"
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, r := range page {
		le = append(le, byte(r), byte(r>>8))
	}
	d, f, err := Parse(le)
	if err != nil || f != HTML || len(d.Footnotes) != 1 || d.Footnotes[0].Text != "§ 1." {
		t.Fatalf("format %s, err %v, doc %+v", f, err, d)
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		src  string
		want Format
	}{
		{"", Empty},
		{"  \n\t", Empty},
		{"%PDF-1.7\n%\xe2\xe3\xcf\xd3", PDF},
		{"\ufeff<!DOCTYPE html><html><body><p>x</p></body></html>", HTML},
		{"<html lang=en><p>x", HTML},
		{"<!-- saved from url=(0014)about:internet -->\n<html>", HTML},
		{"# Title\n\nText.[^1]\n\n[^1]: Note.\n", MDNotes},
		{"# Title\n\nText.<sup>1</sup>\n\n<sup>1</sup> Note.\n", Markdown},
		{"\x00\x01\x02binary", Binary},
		{"PK\x03\x04rest", Zip},
	} {
		if got := Detect([]byte(c.src)); got != c.want {
			t.Errorf("Detect(%q) = %s, want %s", c.src[:min(len(c.src), 20)], got, c.want)
		}
	}
}

// TestBadInput: every file that is not an article is refused with a
// sentence that says what to do, and nothing is read that need not be.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "pipe")
	if err := mkfifo(fifo); err != nil {
		fifo = "" // no named pipes on this system
	}
	huge := filepath.Join(dir, "huge.html")
	hf, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := hf.Truncate(2 << 30); err != nil { // sparse: 2 GB on paper, nothing on disk
		t.Fatal(err)
	}
	hf.Close()
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for i := 0; i < 3000; i++ {
		w, _ := zw.Create("word/part" + string(rune('a'+i%26)) + strings.Repeat("x", i%7) + string(rune(i)) + ".xml")
		w.Write([]byte("x"))
	}
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()

	for _, c := range []struct {
		name string
		path string
		want error
		says string
	}{
		{"a folder", dir, ErrFolder, "folder"},
		{"a FIFO", fifo, ErrNotRegular, "not an ordinary file"},
		{"a 2 GB file", huge, article.ErrTooLarge, "too large"},
		{"an empty file", write("empty.md", nil), article.ErrEmpty, "empty"},
		{"a binary file", write("x.bin", append([]byte{0x7f, 'E', 'L', 'F', 0, 0}, bytes.Repeat([]byte{0xff, 0}, 500)...)), article.ErrBinary, "not a text file"},
		{"a broken PDF", write("paper.pdf", []byte("%PDF-1.5\n1 0 obj\n")), pdfium.ErrDamaged, "damaged"},
		{"a broken PDF named .md", write("paper.md", []byte("%PDF-1.5\n1 0 obj\n")), pdfium.ErrDamaged, "PDF"},
		{"a scanned PDF", filepath.Join("..", "..", "..", "testdata", "pdf", "scan.pdf"), ErrScan, "this PDF is a scan; Glossa needs a PDF with text"},
		{"a PDF with a password", filepath.Join("..", "..", "..", "testdata", "pdf", "treaty-password.pdf"), ErrPassword, "password"},
		{"not an article at all", write("list.md", []byte("# Shopping\n\n## Milk\n\n## Eggs\n")), article.ErrNotArticle, "no paragraphs"},
		{"a DOCX with thousands of parts", write("many.docx", zbuf.Bytes()), nil, "not safe to open"},
		{"a zip that is no document", write("x.zip", zipOf(t, "readme.txt")), ErrArchive, "zip archive"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.path == "" {
				t.Skip("this system has no named pipes")
			}
			_, _, err := ReadFile(c.path)
			if err == nil {
				t.Fatal("accepted")
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err %v, want %v", err, c.want)
			}
			if msg := Plain(err); !strings.Contains(msg, c.says) {
				t.Errorf("message %q does not say %q", msg, c.says)
			}
		})
	}
}

func zipOf(t *testing.T, names ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("hello"))
	}
	zw.Close()
	return b.Bytes()
}

// TestLooksLikeNotesButNone: a file that shows the signs of notes but
// yields none is never passed silently.
func TestLooksLikeNotesButNone(t *testing.T) {
	for _, src := range []string{
		"<html><body><p>Text.<sup class=\"footnote-ref\"><a href=\"#fn1\">1</a></sup></p></body></html>",
		"# Paper\n\nThe body text runs on.\n\n## Notes\n\nSee the appendix for sources.\n",
	} {
		d, _, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range d.Problems {
			found = found || p.Kind == article.ProblemNoNotes || p.Kind == article.ProblemUndefined
		}
		if len(d.Footnotes) != 0 || !found {
			t.Errorf("%q: footnotes %d, problems %+v", src, len(d.Footnotes), d.Problems)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range real {
		b, err := os.ReadFile(filepath.Join("testdata", "real", c.file))
		if err == nil && len(b) < 80<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("<html><body><p>x<a href=#fn1>1</a></p><p id=fn1>n <a href=#x>↩</a></body></html>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, _, err := Parse(src)
		if err != nil {
			if Plain(err) == "" {
				t.Fatal("empty message")
			}
			return
		}
		if len(d.Paragraphs) == 0 {
			t.Fatal("a document without paragraphs")
		}
		if err := article.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

// Benchmarks on a 324-note article (the piracy chapter four times,
// made by testdata/real/make.sh with pandoc). The target is under 100 ms.
func benchFile(b *testing.B, name string) {
	src, err := os.ReadFile(filepath.Join("testdata", "real", name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	// CPU time as well as wall time: on a shared machine the wall clock
	// measures the other processes too.
	before := cpuTime()
	for b.Loop() {
		d, _, err := Parse(src)
		if err != nil || len(d.Footnotes) != 324 {
			b.Fatalf("err %v, %d footnotes", err, len(d.Footnotes))
		}
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime is startup.ProcessCPU in ns (0 where it is not measured).
func cpuTime() int64 {
	d, _ := startup.ProcessCPU()
	return d.Nanoseconds()
}

func BenchmarkDOCX324(b *testing.B) { benchFile(b, "bench-324.docx") }
func BenchmarkHTML324(b *testing.B) { benchFile(b, "bench-324.html") }

// TestPDF: a PDF goes through ReadFile like any other format, with its
// printed pages on paragraphs and notes; a locked one opens with its
// password.
func TestPDF(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "pdf")
	d, f, err := ReadFile(filepath.Join(dir, "treaty-1col.pdf"))
	if err != nil {
		t.Fatal(Plain(err))
	}
	if f != PDF || len(d.Footnotes) != 18 || d.Title != "The Duty of Non-Interference and Its Limits" {
		t.Fatalf("format %s, %d notes, title %q", f, len(d.Footnotes), d.Title)
	}
	// LibreOffice printed the page numbers 1-4 at the foot of the pages.
	last := 0
	for _, p := range d.Paragraphs {
		if p.Page < 1 || p.Page > 4 || p.EndPage < p.Page || p.Page < last {
			t.Errorf("paragraph %s on pages %d-%d after page %d", p.ID, p.Page, p.EndPage, last)
		}
		last = p.Page
	}
	if n := d.Footnotes[17]; n.Page != 4 {
		t.Errorf("note 18 on page %d, want 4 (printed at the foot of page 4)", n.Page)
	}
	if _, _, err := ReadFileWith(filepath.Join(dir, "treaty-password.pdf"), Options{Password: "nope"}); !errors.Is(err, ErrPassword) {
		t.Errorf("wrong password: %v", err)
	}
	d2, _, err := ReadFileWith(filepath.Join(dir, "treaty-password.pdf"), Options{Password: "glossa"})
	if err != nil {
		t.Fatal(Plain(err))
	}
	if len(d2.Footnotes) != 18 || len(d2.Paragraphs) != len(d.Paragraphs) {
		t.Errorf("with its password: %d notes, %d paragraphs", len(d2.Footnotes), len(d2.Paragraphs))
	}
}

// TestPDFLimit: a PDF may be larger than other files (pictures, fonts)
// but not past MaxPDF, refused before a byte is read.
func TestPDFLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.7\n")
	if err := f.Truncate(MaxPDF + 1); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	_, _, err = ReadFile(path)
	if !errors.Is(err, article.ErrTooLarge) || !strings.Contains(Plain(err), "200 MB") {
		t.Errorf("err %v (%q)", err, Plain(err))
	}
}
