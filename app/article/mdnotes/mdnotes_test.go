package mdnotes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// note is what a table case expects of one footnote.
type note struct {
	n    int
	text string
	para string // opening words of the paragraph that refers to it; "" for none
}

var cases = []struct {
	name     string
	src      string
	notes    []note
	problems []string // kinds, in order
	sections []string // "number|title|level"
	title    string
	authors  string
}{
	{
		name:  "pandoc numeric labels keep their numbers",
		src:   "Text one.[^1] Text two.[^2]\n\n[^1]: First note.\n[^2]: Second note.\n",
		notes: []note{{1, "First note.", "Text one."}, {2, "Second note.", "Text one."}},
	},
	{
		name:  "numbering that starts at 307 gives no false warnings",
		src:   "Body.[^307] More.[^308]\n\n[^307]: Ibid.\n\n[^308]: Id. at 4.\n",
		notes: []note{{307, "Ibid.", "Body."}, {308, "Id. at 4.", "Body."}},
	},
	{
		name:  "named labels numbered by first reference",
		src:   "See this.[^later] And that.[^first]\n\n[^first]: Defined first.\n[^later]: Defined later.\n",
		notes: []note{{1, "Defined later.", "See this."}, {2, "Defined first.", "See this."}},
	},
	{
		name:  "inline notes take their turn",
		src:   "A claim.^[An *inline* note.] Another.[^x]\n\n[^x]: Regular.\n",
		notes: []note{{1, "An inline note.", "A claim."}, {2, "Regular.", "A claim."}},
	},
	{
		name:  "multi-paragraph definition joined, indented",
		src:   "Text.[^1]\n\n[^1]: Starts here\n    and goes on.\n\n    A second paragraph.\n\nNext body paragraph.\n",
		notes: []note{{1, "Starts here and goes on. A second paragraph.", "Text."}},
	},
	{
		name: "kramdown page: front matter, attribute lines, fences, style and iframe",
		src: "---\nlayout: post\ntitle: \"Standing After Spokeo\"\nauthor: Jane Roe\n---\n\n<style>.x{color:red}</style>\n\n" +
			"<iframe src=\"https://example.org/x\">\n</iframe>\n\n<div class=\"post\">\n\nThe court held otherwise.[^1]\n{: .lead}\n\n</div>\n\n***\n\n[^1]: 578 U.S. 330 (2016).\n{: .footnotes}\n",
		notes:   []note{{1, "578 U.S. 330 (2016).", "The court held"}},
		title:   "Standing After Spokeo",
		authors: "Jane Roe",
	},
	{
		name:  "pandoc bracketed spans and links inside a note",
		src:   "Licences exist.[^2]\n\n[^2]: [[https://example.org/l]{.underline}](https://example.org/l),\n    last visited 2021.\n",
		notes: []note{{2, "https://example.org/l, last visited 2021.", "Licences exist."}},
	},
	{
		name: "kramdown and nested tables of contents are not text",
		src: "* TOC\n{:toc}\n\n- [Introduction](#introduction)\n  - [Standing](#standing)\n    1. [Injury](#injury)\n\n" +
			"## Introduction\n\nThe text.[^1]\n\n[^1]: A note.\n",
		notes:    []note{{1, "A note.", "The text."}},
		sections: []string{"|Introduction|1"},
	},
	{
		name:  "reference after bracketed quotation",
		src:   "to [“an indefinite extent, upwards.”][^4] Then.\n\n[^4]: Blackstone.\n",
		notes: []note{{4, "Blackstone.", "to “an indefinite"}},
	},
	{
		name: "HTML anchors inside Markdown with a back-linked definition",
		src: "The statute says so.<sup><a href=\"#fn3\" id=\"ref3\">3</a></sup>\n\n" +
			"<p id=\"fn3\">3. 17 U.S.C. § 107. <a href=\"#ref3\">↩</a></p>\n",
		notes: []note{{3, "17 U.S.C. § 107.", "The statute"}},
	},
	{
		name:  "Notes heading followed by a numbered list",
		src:   "# Policy Paper\n\nThe agency acted.<sup>1</sup> It erred.^2^\n\n## Notes\n\n1. Agency Order No. 5.\n2. Cf. the dissent.\n   Continued here.\n",
		notes: []note{{1, "Agency Order No. 5.", "The agency acted."}, {2, "Cf. the dissent. Continued here.", "The agency acted."}},
		title: "Policy Paper",
	},
	{
		name:     "unnumbered item in a notes list is not glued to its neighbour",
		src:      "Text.<sup>1</sup> More.<sup>2</sup>\n\nEndnotes\n\n1. One.\n- Two, its number lost.\n",
		notes:    []note{{1, "One.", "Text."}, {2, "Two, its number lost.", "Text."}},
		problems: []string{article.ProblemBareDef},
	},
	{
		name:     "duplicated number is kept as text",
		src:      "Body.[^5]\n\n[^5]: First text.\n\n[^5]: Second text.\n",
		notes:    []note{{5, "First text. Second text.", "Body."}},
		problems: []string{article.ProblemDuplicate},
	},
	{
		name:     "definition without reference is reported",
		src:      "Body.[^1]\n\n[^1]: Used.\n[^2]: Never cited.\n",
		notes:    []note{{1, "Used.", "Body."}, {2, "Never cited.", ""}},
		problems: []string{article.ProblemMissingRef},
	},
	{
		name:     "headings of every usual shape",
		src:      "# The Title\n\nIntro.[^1]\n\n## I. Introduction\n\nText.\n\n### A. Standing\n\nText.\n\n**II. THE MERITS**\n\nText.\n\nB. Later\n=======\n\n## Unnumbered Part\n\nText.\n\n[^1]: N.\n",
		notes:    []note{{1, "N.", "Intro."}},
		title:    "The Title",
		sections: []string{"I|Introduction|2", "A|Standing|3", "II|THE MERITS|1", "B|Later|1", "|Unnumbered Part|2"},
	},
}

func TestRules(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			checkNotes(t, d, c.notes)
			var kinds []string
			for _, p := range d.Problems {
				kinds = append(kinds, p.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(c.problems, ",") {
				t.Errorf("problems %v, want %v: %+v", kinds, c.problems, d.Problems)
			}
			if c.title != "" && d.Title != c.title {
				t.Errorf("title %q, want %q", d.Title, c.title)
			}
			if c.authors != "" && d.Author != c.authors {
				t.Errorf("author %q, want %q", d.Author, c.authors)
			}
			if c.sections != nil {
				var got []string
				for _, s := range d.Sections {
					got = append(got, fmt.Sprintf("%s|%s|%d", s.Number, s.Title, s.Level))
				}
				if strings.Join(got, "; ") != strings.Join(c.sections, "; ") {
					t.Errorf("sections\n got %v\nwant %v", got, c.sections)
				}
			}
		})
	}
}

func checkNotes(t *testing.T, d *article.Document, want []note) {
	t.Helper()
	if len(d.Footnotes) != len(want) {
		t.Fatalf("%d footnotes, want %d: %+v", len(d.Footnotes), len(want), d.Footnotes)
	}
	paras := map[string]string{}
	for _, p := range d.Paragraphs {
		paras[p.ID] = p.Text
	}
	for i, w := range want {
		f := d.Footnotes[i]
		if f.N != w.n || f.Text != w.text {
			t.Errorf("footnote %d %q, want %d %q", f.N, f.Text, w.n, w.text)
		}
		if got := paras[f.Paragraph]; !strings.HasPrefix(got, w.para) || (w.para == "") != (f.Paragraph == "") {
			t.Errorf("footnote %d is in paragraph %q, want one starting %q", f.N, got, w.para)
		}
	}
}

func TestLooks(t *testing.T) {
	for _, c := range cases {
		if !Looks([]byte(c.src)) && !strings.Contains(c.name, "headings") {
			t.Errorf("%s: Looks is false", c.name)
		}
	}
	if Looks([]byte("Plain text.<sup>1</sup>\n\n<sup>1</sup> A marker-style note.\n")) {
		t.Error("marker-style Markdown taken for pandoc notes")
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.src))
	}
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

// BenchmarkHostile: one paragraph of 50,000 inline notes and as many
// references must be read in linear time.
func BenchmarkHostile(b *testing.B) {
	src := []byte(strings.Repeat("Word^[a note] and[^1] ", 50000) + "\n\n[^1]: One.\n")
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
