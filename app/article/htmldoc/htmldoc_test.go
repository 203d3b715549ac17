package htmldoc

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

type note struct {
	n    int
	text string
	para string
}

var cases = []struct {
	name     string
	src      string
	notes    []note
	title    string
	authors  string
	sections []string
	problems []string
	absent   string // text that must not appear anywhere
}{
	{
		name: "pandoc footnotes section",
		src: `<!DOCTYPE html><html><head><title>T</title></head><body><h1 class="title">Due Process Online</h1>
<p>The rule applies.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> It was <em>novel</em>.<a href="#fn2" class="footnote-ref" id="fnref2"><sup>2</sup></a></p>
<section class="footnotes" role="doc-endnotes"><hr /><ol>
<li id="fn1" role="doc-endnote"><p>See <em>Mathews v. Eldridge</em>, 424 U.S. 319 (1976).<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2" role="doc-endnote"><p>Id. at 335.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol></section></body></html>`,
		notes: []note{{1, "See Mathews v. Eldridge, 424 U.S. 319 (1976).", "The rule applies."}, {2, "Id. at 335.", "The rule applies."}},
		title: "Due Process Online",
	},
	{
		name: "Word save as web page",
		src: `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><title>Memo</title></head>
<body lang=EN-US><div class=WordSection1><h1>I. Background</h1>
<p class=MsoNormal><b>A. THE RULE</b></p>
<p class=MsoNormal>The agency issued a rule.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[1]<![endif]></span></span></a></p></div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> 5 U.S.C. &#167; 553.</p></div></div></body></html>`,
		notes:    []note{{1, "5 U.S.C. § 553.", "The agency issued"}},
		title:    "Memo",
		sections: []string{"I|Background|1", "A|THE RULE|2"},
	},
	{
		name: "journal page: citation meta tags, in-page anchors that link back",
		src: `<!doctype html><html><head><meta name="citation_title" content="The Law of the Horse"><meta name="citation_author" content="Easterbrook, Frank H."><meta name="citation_author" content="Doe, Jane"><meta name="citation_date" content="1996"></head>
<body><nav><a href="#top">Top</a></nav><article><p>Cyberlaw is no field.<sup><a name="r1" href="#n1">1</a></sup></p>
<h2>II.A. Property</h2><p>Property rules help.<sup><a name="r2" href="#n2">2</a></sup></p>
<div class="notes"><p><a name="n1" href="#r1">1</a> Easterbrook, supra.</p><p><a name="n2" href="#r2">2</a> Id.</p></div></article></body></html>`,
		notes:    []note{{1, "Easterbrook, supra.", "Cyberlaw is no field."}, {2, "Id.", "Property rules help."}},
		title:    "The Law of the Horse",
		authors:  "Easterbrook, Frank H.; Doe, Jane",
		sections: []string{"II.A|Property|1"}, // its only heading: levels start at 1
	},
	{
		name: "scripts, styles and event handlers are ignored, external files not fetched",
		src: `<html><head><script>document.write("INJECTED")</script><style>p{}</style><link rel="stylesheet" href="https://example.org/s.css"></head>
<body onload="alert('INJECTED')"><p onclick="steal()">Body text.<a href="#fn1" id="r1">1</a></p><img src="http://example.org/track.gif">
<iframe src="https://example.org/frame">INJECTED</iframe><ol><li id="fn1">A note. <a href="#r1">↩</a></li></ol></body></html>`,
		notes:    []note{{1, "A note.", "Body text."}},
		problems: []string{article.ProblemExternal},
		absent:   "INJECTED",
	},
	{
		name:  "numbering that starts at 307",
		src:   `<html><body><p>Text.<a href="#fn307" id="r307">307</a> More.<a href="#fn308" id="r308">308</a></p><ol start="307"><li id="fn307">Ibid. <a href="#r307">↩</a></li><li id="fn308">Ibid. at 2. <a href="#r308">↩</a></li></ol></body></html>`,
		notes: []note{{307, "Ibid.", "Text."}, {308, "Ibid. at 2.", "Text."}},
	},
}

func TestRules(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !Looks([]byte(c.src)) {
				t.Error("Looks is false")
			}
			d, err := Parse([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			paras := map[string]string{}
			for _, p := range d.Paragraphs {
				paras[p.ID] = p.Text
			}
			if len(d.Footnotes) != len(c.notes) {
				t.Fatalf("%d footnotes, want %d: %+v\n%+v", len(d.Footnotes), len(c.notes), d.Footnotes, d.Paragraphs)
			}
			for i, w := range c.notes {
				f := d.Footnotes[i]
				if f.N != w.n || f.Text != w.text || !strings.HasPrefix(paras[f.Paragraph], w.para) {
					t.Errorf("footnote %d %q in %q, want %d %q in %q", f.N, f.Text, paras[f.Paragraph], w.n, w.text, w.para)
				}
			}
			if c.title != "" && d.Title != c.title {
				t.Errorf("title %q, want %q", d.Title, c.title)
			}
			if c.authors != "" && d.Author != c.authors {
				t.Errorf("author %q, want %q", d.Author, c.authors)
			}
			var secs []string
			for _, s := range d.Sections {
				secs = append(secs, s.Number+"|"+s.Title+"|"+string(rune('0'+s.Level)))
			}
			if c.sections != nil && strings.Join(secs, ";") != strings.Join(c.sections, ";") {
				t.Errorf("sections %v, want %v", secs, c.sections)
			}
			var kinds []string
			for _, p := range d.Problems {
				kinds = append(kinds, p.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(c.problems, ",") {
				t.Errorf("problems %+v, want kinds %v", d.Problems, c.problems)
			}
			if c.absent != "" && strings.Contains(d.String()+d.Title, c.absent) {
				t.Errorf("%q leaked into the document", c.absent)
			}
			for _, p := range d.Paragraphs {
				if strings.Contains(p.Text, c.absent) && c.absent != "" {
					t.Errorf("%q in paragraph %q", c.absent, p.Text)
				}
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	// "§" and "é" in windows-1252, declared by the page.
	src := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 law.<a href=\"#fn1\" id=\"r1\">1</a></p><ol><li id=\"fn1\">\xa7 2. <a href=\"#r1\">back</a></li></ol></body></html>")
	d, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Paragraphs[0].Text != "Café law." || len(d.Footnotes) != 1 || d.Footnotes[0].Text != "§ 2." {
		t.Errorf("got %q and %+v", d.Paragraphs[0].Text, d.Footnotes)
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
