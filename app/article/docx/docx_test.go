package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"

	"github.com/glossa-app/glossa/app/article/zipdoc"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// makeDocx builds a .docx in memory from its parts, the way the tests
// need them (and the bad ones the limits must refuse).
func makeDocx(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{"[Content_Types].xml"}
	for n := range parts {
		names = append(names, n)
	}
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func body(ps ...string) string {
	return `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + strings.Join(ps, "") + `</w:body></w:document>`
}

func p(style string, runs ...string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + strings.Join(runs, "") + `</w:p>`
}

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func ri(text string) string {
	return `<w:r><w:rPr><w:i/></w:rPr><w:t>` + text + `</w:t></w:r>`
}
func fref(id int) string {
	return fmt.Sprintf(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, id)
}

func notes(kind string, texts ...string) string {
	s := `<?xml version="1.0"?><w:` + kind + `s ` + wNS + `><w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>`
	for i, t := range texts {
		s += fmt.Sprintf(`<w:%s w:id="%d"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:%s>`, kind, i+1, t, kind)
	}
	return s + `</w:` + kind + `s>`
}

const styles = `<?xml version="1.0"?><w:styles ` + wNS + `><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>` +
	`<w:style w:styleId="Part"><w:name w:val="Part Heading"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>`

const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Standing Doctrine</dc:title><dc:creator>Ann Author; Ben Writer</dc:creator></cp:coreProperties>`

func TestRules(t *testing.T) {
	src := makeDocx(t, map[string]string{
		"word/document.xml": body(
			p("Title", r("Ignored, the properties name it")),
			p("Part", r("I. Introduction")),
			p("", r("The Court held"), fref(1), r(" that "), ri("Spokeo"), r(" controls."), fref(2)),
			p("Heading1", r("Unnumbered Part")),
			p("", r("More text."), fref(3)),
			`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>`+r("A. By outline level")+`</w:p>`,
			p("", `<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>`, r("Kept.")),
		),
		"word/footnotes.xml":           notes("footnote", r(" 578 U.S. 330 (2016)."), r(" ")+ri("Id.")+r(" at 338."), r(" Ibid.")),
		"word/styles.xml":              styles,
		"docProps/core.xml":            core,
		"word/_rels/document.xml.rels": `<Relationships><Relationship Id="rId9" Type="hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
	})
	d, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Standing Doctrine" || d.Author != "Ann Author; Ben Writer" {
		t.Errorf("title %q author %q", d.Title, d.Author)
	}
	var secs []string
	for _, s := range d.Sections {
		secs = append(secs, fmt.Sprintf("%s|%s|%d", s.Number, s.Title, s.Level))
	}
	if got, want := strings.Join(secs, "; "), "I|Introduction|1; |Unnumbered Part|1; A|By outline level|2"; got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	want := []string{"578 U.S. 330 (2016).", "Id. at 338.", "Ibid."}
	if len(d.Footnotes) != 3 {
		t.Fatalf("footnotes %+v", d.Footnotes)
	}
	for i, f := range d.Footnotes {
		if f.N != i+1 || f.Text != want[i] || f.Paragraph == "" {
			t.Errorf("footnote %d %q in %q, want %q", f.N, f.Text, f.Paragraph, want[i])
		}
	}
	if sp := d.Footnotes[1].Spans; len(sp) != 1 || d.Footnotes[1].Text[sp[0].Start:sp[0].End] != "Id." {
		t.Errorf("italics in note 2: %+v", sp)
	}
	p0 := d.Paragraphs[0]
	if p0.Text != "The Court held that Spokeo controls." || len(p0.Refs) != 2 || p0.Text[p0.Spans[0].Start:p0.Spans[0].End] != "Spokeo" {
		t.Errorf("paragraph %q refs %+v spans %+v", p0.Text, p0.Refs, p0.Spans)
	}
	if last := d.Paragraphs[len(d.Paragraphs)-1].Text; last != "Kept." {
		t.Errorf("deleted text kept: %q", last)
	}
	if len(d.Problems) != 1 || d.Problems[0].Kind != "external" {
		t.Errorf("problems %+v", d.Problems)
	}
}

func TestLimits(t *testing.T) {
	many := map[string]string{"word/document.xml": body(p("", r("Text.")))}
	for i := 0; i < zipdoc.MaxParts+5; i++ {
		many[fmt.Sprintf("word/media/image%d.png", i)] = "x"
	}
	defer func(old int64) { zipdoc.MaxUnpacked = old }(zipdoc.MaxUnpacked)
	zipdoc.MaxUnpacked = 1 << 20
	// 2 MB of one letter packs into a few KB: a small zip bomb.
	bomb := map[string]string{"word/document.xml": body(p("", r(strings.Repeat("a", 2<<20))))}
	for _, c := range []struct {
		name  string
		parts map[string]string
		want  error
	}{
		{"thousands of parts", many, zipdoc.ErrTooManyParts},
		{"unpacks past the limit", bomb, zipdoc.ErrTooBig},
		{"a zip that is no document", map[string]string{"notes.txt": "hello"}, ErrNotDocx},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := makeDocx(t, c.parts)
			if _, err := Parse(src); !errors.Is(err, c.want) {
				t.Errorf("err %v, want %v", err, c.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(makeDocx(f, map[string]string{
		"word/document.xml":  body(p("Heading1", r("II.A. Part")), p("", r("Text"), fref(1))),
		"word/footnotes.xml": notes("footnote", r("Note.")),
	}))
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
