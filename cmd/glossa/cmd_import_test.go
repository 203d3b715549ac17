package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

// realDocs is where the format front ends keep the real documents they
// are tested on (see its README for what each is and its true notes).
var realDocs = filepath.Join("..", "..", "app", "article", "formats", "testdata", "real")

type importedJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Footnotes int      `json:"footnotes"`
	Problems  int      `json:"problems"`
	Status    string   `json:"status"`
	Error     string   `json:"error"`
}

func importJSONOut(t *testing.T, want int, args ...string) []importedJSON {
	t.Helper()
	code, out, stderr := runArgs(t, args...)
	if code != want {
		t.Fatalf("glossa %s: exit %d, want %d: %s", strings.Join(args, " "), code, want, stderr)
	}
	decodeObjects(t, out, "id", "title", "authors", "footnotes", "problems", "status")
	var res []importedJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// The demonstration of the README: a pandoc-made Word file, a web page
// and a kramdown (Jekyll) page, with the footnotes a reader counts in
// them (testdata/real/README.md).
func TestImportCommand(t *testing.T) {
	db := tempDB(t)
	files := []struct {
		name      string
		footnotes int
	}{
		{"free-culture-piracy.docx", 81},
		{"free-culture-introduction.hugo.html", 11},
		{"openlegaldata-stellungnahme-egovg.md", 6},
	}
	args := []string{"--db", db, "import", "--json"}
	for _, f := range files {
		args = append(args, filepath.Join(realDocs, f.name))
	}
	res := importJSONOut(t, 0, args...)
	if len(res) != len(files) {
		t.Fatalf("%d objects for %d files", len(res), len(files))
	}
	for i, f := range files {
		if r := res[i]; r.Status != "added" || r.Footnotes != f.footnotes || len(r.ID) != 12 || r.Title == "" || r.Authors == nil {
			t.Errorf("%s: %+v", f.name, r)
		}
	}
	again := importJSONOut(t, 0, args...)
	for i := range again {
		if again[i].Status != "unchanged" || again[i].ID != res[i].ID {
			t.Errorf("imported again: %+v", again[i])
		}
	}
	out := mustRun(t, "--db", db, "library", "--json")
	list := decodeObjects(t, out, "id", "title", "authors", "year", "footnotes", "notes", "added")
	if len(list) != len(files)+1 {
		t.Fatalf("library lists %d articles, want %d", len(list), len(files)+1)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(list[0]["id"]); got != `"`+articleID(doc)+`"` {
		t.Errorf("the shipped article is not first: %s", got)
	}
	text := mustRun(t, "--db", db, "library")
	for _, r := range res {
		if !strings.Contains(text, r.ID) {
			t.Errorf("library does not list %s:\n%s", r.ID, text)
		}
	}
	// The text output names the status, the file and the counts.
	out = mustRun(t, "--db", db, "import", filepath.Join(realDocs, files[2].name))
	if !strings.HasPrefix(out, "unchanged "+res[2].ID) || !strings.Contains(out, "6 footnotes") {
		t.Errorf("import says %q", out)
	}
}

// --article takes search, sources, notes and cards to another article of
// the library; without it they work on the shipped article.
func TestArticleFlag(t *testing.T) {
	db := tempDB(t)
	res := importJSONOut(t, 0, "--db", db, "import", "--json", filepath.Join(realDocs, "openlegaldata-stellungnahme-egovg.md"))
	id := res[0].ID
	mustRun(t, "--db", db, "notes", "add", "--quote", "Linked Data", "--body", "olg note", "--article", id)
	mustRun(t, "--db", db, "notes", "add", "--quote", "sovereign equality", "--body", "shipped note")
	hits := searchJSONHits(t, db, "olg", "note")
	if len(hits) != 0 {
		t.Errorf("search without --article finds the other article's note: %+v", hits)
	}
	out := mustRun(t, "--db", db, "search", "--json", "--article", id, "olg note")
	if list := decodeObjects(t, out, "kind", "id", "section", "snippet", "article"); len(list) != 1 {
		t.Errorf("search --article %s: %s", id, out)
	}
	out = mustRun(t, "--db", db, "search", "--article", "all", "--json", "note")
	var all []struct{ Kind, Article string }
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatal(err)
	}
	in := map[string]int{}
	for _, h := range all {
		in[h.Article]++
	}
	if len(in) != 2 || in[id] == 0 {
		t.Errorf("search --article all: %s", out)
	}
	for _, c := range []struct {
		args []string
		has  string
		not  string
	}{
		{[]string{"notes", "list"}, "shipped note", "olg note"},
		{[]string{"notes", "list", "--article", id}, "olg note", "shipped note"},
		{[]string{"notes", "list", "--article=" + id}, "olg note", "shipped note"},
		{[]string{"notes", "list", "--article", "all"}, "olg note  (in " + id + ")", ""},
		{[]string{"notes", "export", "--article", id}, "olg note", "shipped note"},
		{[]string{"sources", "--article", id}, "", "UNGA"},
		{[]string{"cards", "--article", id}, "0 cards", ""},
	} {
		out := mustRun(t, append([]string{"--db", db}, c.args...)...)
		if !strings.Contains(out, c.has) || c.not != "" && strings.Contains(out, c.not) {
			t.Errorf("glossa %s:\n%s", strings.Join(c.args, " "), out)
		}
	}
	for _, args := range [][]string{
		{"search", "--article", "0123456789ab", "x"},
		{"notes", "list", "--article", "nosuch"},
		{"sources", "--article", "all"},
		{"cards", "--article", "all"},
		{"notes", "list", "--article"},
	} {
		code, _, stderr := runArgs(t, append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(stderr, "glossa library") {
			t.Errorf("glossa %s: exit %d, %q", strings.Join(args, " "), code, stderr)
		}
	}
}

// libraryState is everything the library holds, to check that a refused
// file changed nothing.
func libraryState(t *testing.T, db string) string {
	t.Helper()
	return mustRun(t, "--db", db, "library", "--json") + mustRun(t, "--db", db, "library", "--trash", "--json") +
		mustRun(t, "--db", db, "search", "--article", "all", "--json", "the")
}

// docxOf builds a Word file: the parts a docx needs, plus extra.
func docxOf(t *testing.T, body string, extra map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	parts := map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
		"word/document.xml":   []byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`),
	}
	for k, v := range extra {
		parts[k] = v
	}
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Every kind of bad input is refused with a sentence a student can act
// on, the command fails, and the library is exactly as it was; a good
// file in the same batch is still added.
func TestImportRefusesBadInput(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.docx")
	hf, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := hf.Truncate(2 << 30); err != nil { // sparse: 2 GB on paper, nothing on disk
		t.Fatal(err)
	}
	hf.Close()
	many := map[string][]byte{}
	for i := 0; i < 3000; i++ {
		many[fmt.Sprintf("word/media/part%d.xml", i)] = []byte("x")
	}
	// 70 MB of one repeated paragraph packs into a few hundred KB.
	bomb := map[string][]byte{"word/footnotes.xml": bytes.Repeat([]byte("<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>"), 70<<20/40)}
	para := `<w:p><w:r><w:t>A paragraph of a real enough article about the law of the sea.</w:t></w:r></w:p>`
	cases := []struct {
		name, path, says string
	}{
		{"a folder", dir, "folder"},
		{"a 2 GB file", huge, "too large"},
		{"an empty file", write("empty.md", nil), "empty"},
		{"a binary file", write("x.bin", append([]byte{0x7f, 'E', 'L', 'F', 0, 0}, bytes.Repeat([]byte{0xff, 0}, 500)...)), "not a text file"},
		{"a PDF", write("paper.pdf", []byte("%PDF-1.5\n1 0 obj\n")), "save it as a Word document (.docx) or a web page (.html)"},
		{"not an article at all", write("list.md", []byte("# Shopping\n\n## Milk\n\n## Eggs\n")), "does not look like an article"},
		{"a DOCX with thousands of parts", write("many.docx", docxOf(t, para, many)), "not safe to open"},
		{"a DOCX zip bomb", write("bomb.docx", docxOf(t, para, bomb)), "zip bomb"},
		{"a missing file", filepath.Join(dir, "nosuch.html"), "no such file"},
	}
	if fifo := mkfifoForTest(t, dir); fifo != "" {
		cases = append(cases, struct{ name, path, says string }{"a FIFO", fifo, "not an ordinary file"})
	}
	mustRun(t, "--db", db, "library") // the shipped article is in place
	before := libraryState(t, db)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := importJSONOut(t, 1, "--db", db, "import", "--json", c.path)
			if len(res) != 1 || res[0].Status != "refused" || !strings.Contains(res[0].Error, c.says) {
				t.Errorf("%+v, want refused saying %q", res, c.says)
			}
			code, out, stderr := runArgs(t, "--db", db, "import", c.path)
			if code != 1 || out != "" || !strings.Contains(stderr, c.says) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
			}
			if after := libraryState(t, db); after != before {
				t.Errorf("the library changed")
			}
		})
	}
	// A batch with a refused file adds the good ones and still fails.
	res := importJSONOut(t, 1, "--db", db, "import", "--json", cases[2].path, filepath.Join(realDocs, "openlegaldata-research.md"))
	if res[0].Status != "refused" || res[1].Status != "added" || res[1].Footnotes != 4 {
		t.Errorf("mixed batch: %+v", res)
	}
}

// Nothing a file points to is fetched, and a page's scripts and event
// handlers are not text: they are ignored, and said so.
func TestImportIgnoresScriptsAndExternalRefs(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	// Every address the files point to is this listener's: it counts
	// whoever calls.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var calls atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			calls.Add(1)
			c.Close()
		}
	}()
	page := `<!DOCTYPE html><html><head><title>Remote</title>
<script src="http://127.0.0.1:9/tracker.js"></script><script>document.write("INJECTED")</script>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head>
<body onload="alert('ONLOAD')"><h1>Remote</h1>
<p onclick="steal()">The law of the sea is old.<sup><a href="#fn1" id="r1">1</a></sup> <img src="http://127.0.0.1:9/pixel.gif"></p>
<iframe src="http://127.0.0.1:9/frame"></iframe>
<ol><li id="fn1">Grotius, Mare Liberum (1609). <a href="#r1">↩</a></li></ol></body></html>`
	page = strings.ReplaceAll(page, "127.0.0.1:9", ln.Addr().String())
	html := filepath.Join(dir, "remote.html")
	if err := os.WriteFile(html, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	rels := []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://` + ln.Addr().String() + `/template.dotx" TargetMode="External"/></Relationships>`)
	docx := filepath.Join(dir, "linked.docx")
	if err := os.WriteFile(docx, docxOf(t, `<w:p><w:r><w:t>Freedom of the seas, as Grotius argued.</w:t></w:r></w:p>`,
		map[string][]byte{"word/_rels/document.xml.rels": rels}), 0o644); err != nil {
		t.Fatal(err)
	}
	res := importJSONOut(t, 0, "--db", db, "import", "--json", html, docx)
	if res[0].Footnotes != 1 || res[0].Problems == 0 || res[1].Problems == 0 {
		t.Errorf("imported %+v", res)
	}
	out := mustRun(t, "--db", db, "search", "--article", "all", "--json", "INJECTED")
	out += mustRun(t, "--db", db, "search", "--article", "all", "--json", "ONLOAD")
	out += mustRun(t, "--db", db, "search", "--article", "all", "--json", "steal")
	if strings.Count(out, "[]") != 3 {
		t.Errorf("script text reached the library: %s", out)
	}
	// Accept runs on its own; a dial made during the import would have
	// completed its handshake before the import returned, so one more
	// connection of our own, accepted after any earlier one, settles it.
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	for calls.Load() == 0 {
		runtime.Gosched()
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the import connected to an address in the files %d times", n-1)
	}
}
