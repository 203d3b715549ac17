package odt

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"

	"github.com/glossa-app/glossa/app/article/zipdoc"
)

const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

func makeODT(t testing.TB, content string, extra map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.text"))
	parts := map[string]string{"content.xml": content, "meta.xml": `<office:document-meta ` + ns + `><office:meta><dc:title>On Notice</dc:title><dc:creator>Ann Author</dc:creator></office:meta></office:document-meta>`}
	for k, v := range extra {
		parts[k] = v
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func content(body string) string {
	return `<office:document-content ` + ns + `><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style></office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`
}

func TestRules(t *testing.T) {
	src := makeODT(t, content(
		`<text:p text:style-name="Title">Ignored: meta.xml names it</text:p>`+
			`<text:h text:outline-level="1">II.A. Notice</text:h>`+
			`<text:p>The agency gave <text:span text:style-name="T1">no</text:span> notice.<text:note text:id="ftn0" text:note-class="footnote"><text:note-citation>307</text:note-citation><text:note-body><text:p>See <text:span text:style-name="T1">Id.</text:span><text:s/>at 4.</text:p><text:p>Second paragraph.</text:p></text:note-body></text:note> Then more.<text:note text:id="ftn1" text:note-class="endnote"><text:note-citation>308</text:note-citation><text:note-body><text:p>Ibid.</text:p></text:note-body></text:note></text:p>`), nil)
	if !Looks(src) {
		t.Fatal("Looks is false")
	}
	d, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "On Notice" || d.Author != "Ann Author" {
		t.Errorf("title %q author %q", d.Title, d.Author)
	}
	if len(d.Sections) != 1 || d.Sections[0].Number != "II.A" || d.Sections[0].Level != 1 {
		t.Errorf("sections %+v", d.Sections)
	}
	p := d.Paragraphs[0]
	if p.Text != "The agency gave no notice. Then more." || len(p.Refs) != 2 || p.Refs[0].N != 307 || p.Text[p.Spans[0].Start:p.Spans[0].End] != "no" {
		t.Errorf("paragraph %+v", p)
	}
	if len(d.Footnotes) != 2 || d.Footnotes[0].Text != "See Id. at 4. Second paragraph." || d.Footnotes[1].Text != "Ibid." || len(d.Problems) != 0 {
		t.Errorf("footnotes %+v problems %+v", d.Footnotes, d.Problems)
	}
}

func TestLimits(t *testing.T) {
	defer func(old int64) { zipdoc.MaxUnpacked = old }(zipdoc.MaxUnpacked)
	zipdoc.MaxUnpacked = 1 << 20
	bomb := makeODT(t, content(`<text:p>`+strings.Repeat("a", 2<<20)+`</text:p>`), nil)
	if _, err := Parse(bomb); !errors.Is(err, zipdoc.ErrTooBig) {
		t.Errorf("err %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(makeODT(f, content(`<text:h text:outline-level="2">A. Part</text:h><text:p>Text<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>N.</text:p></text:note-body></text:note></text:p>`), nil))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		if err := article.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}
