package article

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/assets"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// doc is a tiny article scaffold: a TOC that makes "1." and "2." headings,
// so each case only writes the noise it is about.
func doc(body string) string {
	return "# Series\n\n## A. AUTHOR\\*\n\n# THE TITLE\n\nCONTENT: 1. First. - 2. Second.\n\n#### 1. First\n\n" + body
}

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func footnoteTexts(d *Document) string {
	var parts []string
	for _, f := range d.Footnotes {
		parts = append(parts, fmt.Sprintf("%d:%s", f.N, f.Text))
	}
	return strings.Join(parts, " | ")
}

func paragraphSummary(d *Document) string {
	var parts []string
	for _, p := range d.Paragraphs {
		parts = append(parts, fmt.Sprintf("%s%v", p.Text, refNumbers(p.Refs)))
	}
	return strings.Join(parts, " | ")
}

func refNumbers(refs []Ref) []int {
	out := []int{}
	for _, r := range refs {
		out = append(out, r.N)
	}
	return out
}

func problemKinds(d *Document) string {
	var kinds []string
	for _, p := range d.Problems {
		kinds = append(kinds, fmt.Sprintf("%s@%d", p.Kind, p.Line))
	}
	return strings.Join(kinds, " ")
}

// noiseCases has one small input per kind of conversion noise described
// in DESIGN.md, with what the parser must make of it.
var noiseCases = []struct {
	name       string
	src        string
	paragraphs string // paragraph texts with their reference numbers
	footnotes  string
	problems   string   // kinds@line that must be among the problems
	reports    []string // "kind@line: message" that must be among the problems, word for word
}{
	{
		name:       "escaped superscript definition",
		src:        doc("Text cites a work<sup>1</sup>.\n\n<sup>&</sup>lt;sup>1</sup> A. AUTHOR, A Book, 2001.\n"),
		paragraphs: "Text cites a work.[1]",
		footnotes:  "1:A. AUTHOR, A Book, 2001.",
		problems:   "markup@13",
	},
	{
		name:       "plain superscript definition",
		src:        doc("Text<sup>1</sup> and more<sup>2</sup>.\n\n<sup>1</sup> First note.\n\n<sup>2</sup> Second note.\n"),
		paragraphs: "Text and more.[1 2]",
		footnotes:  "1:First note. | 2:Second note.",
	},
	{
		name:       "number merged with text",
		src:        doc("One<sup>1</sup> two<sup>2</sup>.\n\n<sup>1</sup> First.\n\n<sup>2 2016</sup> Joint Declaration, para. 2.\n"),
		paragraphs: "One two.[1 2]",
		footnotes:  "1:First. | 2:2016 Joint Declaration, para. 2.",
		problems:   "merged-number@15",
	},
	{
		name:       "formula-wrapped marker",
		src:        doc("One<sup>1</sup>.\n\n $<sup>^{1}</sup>$  2022 Joint Statement, n. I.\n"),
		paragraphs: "One.[1]",
		footnotes:  "1:2022 Joint Statement, n. I.",
		problems:   "markup@13",
	},
	{
		name:       "bare number defines a footnote at the start of a line",
		src:        doc("One<sup>1</sup> two<sup>2</sup>.\n\n <sup>1</sup> See X, Report,\n Transnational repression, p. 11 ff.\n 2 Y. XIAO, The Effect Doctrine,\n\nin I. DE LA RASILLA (eds.), Handbook, 2024.\n\n<sup>3</sup> Next.\n"),
		paragraphs: "One two.[1 2]",
		footnotes:  "1:See X, Report, Transnational repression, p. 11 ff. | 2:Y. XIAO, The Effect Doctrine, in I. DE LA RASILLA (eds.), Handbook, 2024. | 3:Next.",
		problems:   "wrapped-footnote@14 bare-definition@15 split-footnote@17",
	},
	{
		name:       "bare number defines a footnote inside another",
		src:        doc("A<sup>1</sup> b<sup>2</sup>.\n\n<sup>1</sup> Joint Statement, cit., p. 3; see B. SAUL, Assessment, cit. 2 Joint Statement, cit., p. 3.\n"),
		paragraphs: "A b.[1 2]",
		footnotes:  "1:Joint Statement, cit., p. 3; see B. SAUL, Assessment, cit. | 2:Joint Statement, cit., p. 3.",
		problems:   "bare-definition@13",
	},
	{
		name:       "several definitions on one line",
		src:        doc("A<sup>1</sup> b<sup>2</sup> c<sup>3</sup>.\n\n<sup>&</sup>lt;sup>1</sup> First, cit. <sup>2</sup> Ibid. <sup>&</sup>lt;sup>3</sup> Third.\n"),
		paragraphs: "A b c.[1 2 3]",
		footnotes:  "1:First, cit. | 2:Ibid. | 3:Third.",
	},
	{
		name:       "paragraph split by a footnote block",
		src:        doc("The Convention was negotiated in the Committee established by the\n\n<sup>1</sup> UNGA Res 74/247.\n\nUN General Assembly in 2019<sup>1</sup>, with Russia leading.\n"),
		paragraphs: "The Convention was negotiated in the Committee established by the UN General Assembly in 2019, with Russia leading.[1]",
		footnotes:  "1:UNGA Res 74/247.",
		problems:   "split-paragraph@15",
	},
	{
		name: "footnote split by a page break",
		src: doc("First page ends<sup>1</sup> with a paragraph about the role of\n\n<sup>1</sup> UN General Assembly, Report, UN Doc\n\n" +
			"Second page starts<sup>2</sup> mid-paragraph, and goes on until\n\nA/70/174 of 22 July 2015, para. 12.\n\n<sup>2</sup> Second note.\n\nthe State<sup>3</sup>; and the rest.\n\n<sup>3</sup> Third.\n"),
		paragraphs: "First page ends with a paragraph about the role of Second page starts mid-paragraph, and goes on until the State; and the rest.[1 2 3]",
		footnotes:  "1:UN General Assembly, Report, UN Doc A/70/174 of 22 July 2015, para. 12. | 2:Second note. | 3:Third.",
		problems:   "split-footnote@17 split-paragraph@21",
	},
	{
		name:       "bare reference in the body",
		src:        doc("Cited<sup>1</sup>. States manage their environments autonomously 2. Next one<sup>3</sup>.\n\n<sup>1</sup> A.\n\n<sup>2</sup> B.\n\n<sup>3</sup> C.\n"),
		paragraphs: "Cited. States manage their environments autonomously. Next one.[1 2 3]",
		footnotes:  "1:A. | 2:B. | 3:C.",
		problems:   "bare-ref@11",
	},
	{
		name: "numbers that are not references",
		src: doc("Under Article 1, adopted in 2019, see para. 2 and the 30th session, where States<sup>1</sup> met; its Article 2.\n\n" +
			"<sup>1</sup> A.\n\n<sup>2</sup> B.\n"),
		paragraphs: "Under Article 1, adopted in 2019, see para. 2 and the 30th session, where States met; its Article 2.[1]",
		footnotes:  "1:A. | 2:B.",
		problems:   "missing-ref@15",
	},
	{
		name:       "headings with any markup",
		src:        "CONTENT: 1. One. - 2. Two. - 2.1. Two one. - 2.2 Two two.\n\n#### 1. One\n\nText one.\n\n- 2. Two\n- 2.1. Two one\n\nText two.\n\n2.2 Two two\n\nText three.\n",
		paragraphs: "Text one.[] | Text two.[] | Text three.[]",
		problems:   "heading@7 heading@8 heading@12",
	},
	{
		name: "headings with # of any level, in bold or italics",
		src: "CONTENT: 1. One. - 2. Two. - 2.1. Two one. - 3. Three. - 3.1 Three one.\n\n# 1. One\n\nText one.\n\n## **2. Two**\n\nText two.\n\n" +
			"### *2.1. Two one*\n\nText three.\n\n- **3. Three**\n\nText four.\n\n__3.1 Three one__\n\nText five.\n",
		paragraphs: "Text one.[] | Text two.[] | Text three.[] | Text four.[] | Text five.[]",
		problems:   "heading@15 heading@19",
	},
	{
		name:       "defined twice and never defined",
		src:        doc("A<sup>1</sup> b<sup>3</sup>.\n\n<sup>1</sup> First.\n\n<sup>1</sup> Again.\n\n<sup>3</sup> Third.\n"),
		paragraphs: "A b.[1 3]",
		footnotes:  "1:First. Again. | 3:Third.",
		problems:   "duplicate-footnote@15",
		reports:    []string{"undefined-footnote@0: footnote 2 is never defined (the numbering skips it)"},
	},
	{
		name:       "reference to a footnote never defined",
		src:        doc("A<sup>1</sup> b<sup>2</sup>.\n\n<sup>1</sup> First.\n"),
		paragraphs: "A b.[1 2]",
		footnotes:  "1:First.",
		reports:    []string{"undefined-footnote@11: paragraph p-1-a3f9f2 refers to footnote 2, which is never defined"},
	},
	{
		// The ampersand and brackets are the article's own (footnote 55,
		// "Policy & Industry"; "[...]"): decoding entities must not eat them.
		name:       "ampersands and brackets of prose kept",
		src:        doc("Research &amp; development (R&D) at AT&T, [...] and [a] State<sup>1</sup>.\n\n<sup>1</sup> A. B., Law, Policy & Industry, 2016.\n"),
		paragraphs: "Research & development (R&D) at AT&T, [...] and [a] State.[1]",
		footnotes:  "1:A. B., Law, Policy & Industry, 2016.",
	},
	{
		name:       "kramdown fences and attribute lines around a footnote block",
		src:        doc("The body text.<sup>1</sup> More text.<sup>2</sup>\n\n***\n\n<sup>1</sup> First note.\n<sup>2</sup> Second note.\n{: .footnotes}\n\n* * *\n\nNext paragraph.\n"),
		paragraphs: "The body text. More text.[1 2] | Next paragraph.[]",
		footnotes:  "1:First note. | 2:Second note.",
	},
	{
		name: "running header repeated on every page",
		src: doc("First page text runs on\n\nORDINE INTERNAZIONALE E DIRITTI UMANI 12\n\nacross the page break.\n\nSecond paragraph.\n\n" +
			"ORDINE INTERNAZIONALE E DIRITTI UMANI 13\n\nThird paragraph.\n\nORDINE INTERNAZIONALE E DIRITTI UMANI 14\n\nFourth paragraph.\n\n" +
			"ORDINE INTERNAZIONALE E DIRITTI UMANI 15\n\nThe last paragraph.\n"),
		paragraphs: "First page text runs on across the page break.[] | Second paragraph.[] | Third paragraph.[] | Fourth paragraph.[] | The last paragraph.[]",
		problems:   "page-furniture@13",
	},
	{
		name:       "numbering that starts at 307",
		src:        doc("A claim.<sup>307</sup> Another.<sup>308</sup>\n\n<sup>307</sup> Ibid.\n\n<sup>308</sup> Id. at 4.\n"),
		paragraphs: "A claim. Another.[307 308]",
		footnotes:  "307:Ibid. | 308:Id. at 4.",
	},
	{
		name:       "emphasis and entities",
		src:        doc("See *The Title* &amp; more<sup>1</sup>.\n\n<sup>1</sup> A. B., *Book*, in *Journal*, 2001.\n"),
		paragraphs: "See The Title & more.[1]",
		footnotes:  "1:A. B., Book, in Journal, 2001.",
	},
}

// TestHeadingShapes: in a marker-style article without a printed table
// of contents, "#" headings of every usual shape become sections.
func TestHeadingShapes(t *testing.T) {
	src := "# A Note on Standing\n\n## JANE ROE\\*\n\nOpening text of the note.<sup>1</sup>\n\n<sup>1</sup> First note.\n\n" +
		"#### I. Introduction\n\nText one.\n\n##### A. Background\n\nText two.\n\n#### II. The Merits\n\nText three.\n\n" +
		"##### A. Injury\n\nText four.\n\n###### Unnumbered aside\n\nText five.\n\n#### Conclusion\n\nText six.\n"
	d := mustParse(t, src)
	var got []string
	for _, s := range d.Sections {
		got = append(got, fmt.Sprintf("%s|%s|%d", s.Number, s.Title, s.Level))
	}
	want := "I|Introduction|1; A|Background|2; II|The Merits|1; II.A|Injury|2; |Unnumbered aside|3; |Conclusion|1"
	if strings.Join(got, "; ") != want {
		t.Errorf("sections\n got %s\nwant %s", strings.Join(got, "; "), want)
	}
	if d.Title != "A Note on Standing" || len(d.Paragraphs) != 7 || d.Paragraphs[5].Section != "II.A" || d.Paragraphs[6].Section != "" {
		t.Errorf("title %q, %d paragraphs, text five in %q, text six in %q", d.Title, len(d.Paragraphs), d.Paragraphs[5].Section, d.Paragraphs[6].Section)
	}
	assertClean(t, d)
}

// TestNoFalseWarnings: notes numbered from 307 (a chapter of a report)
// give no warning about 1-306.
func TestNoFalseWarnings(t *testing.T) {
	d := mustParse(t, doc("A claim.<sup>307</sup> Another.<sup>308</sup>\n\n<sup>307</sup> Ibid.\n\n<sup>308</sup> Id. at 4.\n"))
	if len(d.Problems) != 0 {
		t.Errorf("problems: %+v", d.Problems)
	}
}

func TestNoise(t *testing.T) {
	for _, tc := range noiseCases {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src)
			if got := paragraphSummary(d); got != tc.paragraphs {
				t.Errorf("paragraphs:\n got %s\nwant %s", got, tc.paragraphs)
			}
			if tc.footnotes != "" {
				if got := footnoteTexts(d); got != tc.footnotes {
					t.Errorf("footnotes:\n got %s\nwant %s", got, tc.footnotes)
				}
			}
			have := " " + problemKinds(d) + " "
			for _, want := range strings.Fields(tc.problems) {
				if !strings.Contains(have, " "+want+" ") {
					t.Errorf("problem %s not reported; got %s", want, have)
				}
			}
			for _, want := range tc.reports {
				var got []string
				for _, p := range d.Problems {
					got = append(got, fmt.Sprintf("%s@%d: %s", p.Kind, p.Line, p.Message))
				}
				if !slices.Contains(got, want) {
					t.Errorf("problem not reported:\n want %s\n got  %s", want, strings.Join(got, "\n      "))
				}
			}
			assertClean(t, d)
		})
	}
}

func TestEmphasisSpans(t *testing.T) {
	d := mustParse(t, doc("See *The Title* and **bold** words<sup>1</sup>.\n\n<sup>1</sup> A, *Book Title*, 2001.\n"))
	p := d.Paragraphs[0]
	var got []string
	for _, s := range p.Spans {
		got = append(got, fmt.Sprintf("%d:%s", s.Style, p.Text[s.Start:s.End]))
	}
	if want := "1:The Title 2:bold"; strings.Join(got, " ") != want {
		t.Errorf("paragraph spans = %q, want %q", strings.Join(got, " "), want)
	}
	f := d.Footnotes[0]
	if len(f.Spans) != 1 || f.Text[f.Spans[0].Start:f.Spans[0].End] != "Book Title" {
		t.Errorf("footnote spans = %+v in %q", f.Spans, f.Text)
	}
	if r := p.Refs[0]; p.Text[:r.Offset] != "See The Title and bold words" {
		t.Errorf("marker offset %d puts the marker after %q", r.Offset, p.Text[:r.Offset])
	}
}

func TestTitleBlock(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	checks := []struct{ name, got, want string }{
		{"series", d.Series, "Ordine internazionale e diritti umani"},
		{"author", d.Author, "ANTONIO MARICONDA"},
		{"affiliation", d.Affiliation, "Postdoctoral Research Fellow in International Law, University of Milan."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasPrefix(d.Title, "SOVEREIGN EQUALITY, NON-INTERFERENCE") {
		t.Errorf("title = %q", d.Title)
	}
	if len(d.Contents) != 13 {
		t.Errorf("contents has %d entries, want 13: %+v", len(d.Contents), d.Contents)
	}
}

// TestArticle checks the embedded article against what a reader must be
// able to trust.
func TestArticle(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	wantSections := "1 2 2.1 2.2 3 3.1 3.2 3.3 4 4.1 4.2 4.3 5"
	var nums []string
	for _, s := range d.Sections {
		nums = append(nums, s.Number)
		if s.Title == "" || s.Level != strings.Count(s.Number, ".")+1 {
			t.Errorf("section %+v", s)
		}
	}
	if got := strings.Join(nums, " "); got != wantSections {
		t.Errorf("sections %q, want %q", got, wantSections)
	}
	if len(d.Footnotes) != 190 {
		t.Fatalf("%d footnotes, want 190", len(d.Footnotes))
	}
	for i, f := range d.Footnotes {
		if f.N != i+1 {
			t.Fatalf("footnote %d at position %d: numbering has a gap", f.N, i)
		}
		if len(f.Text) < 4 {
			t.Errorf("footnote %d has no text: %q", f.N, f.Text)
		}
	}
	assertClean(t, d)

	// Every footnote is referenced from a paragraph, or reported as lost.
	lost := map[int]bool{}
	for _, p := range d.Problems {
		var n int
		if p.Kind == ProblemMissingRef {
			fmt.Sscanf(p.Message, "footnote %d", &n)
			lost[n] = true
		}
	}
	for _, f := range d.Footnotes {
		if (f.Paragraph == "") != lost[f.N] {
			t.Errorf("footnote %d: paragraph %q, reported lost %v", f.N, f.Paragraph, lost[f.N])
		}
		if f.Paragraph == "" && f.Near == "" {
			t.Errorf("footnote %d is lost and placed nowhere", f.N)
		}
	}

	// Page-split paragraphs are joined: no paragraph starts mid-sentence,
	// and none ends without its sentence ending.
	ids := map[string]bool{}
	for _, p := range d.Paragraphs {
		if ids[p.ID] {
			t.Errorf("paragraph ID %s twice", p.ID)
		}
		ids[p.ID] = true
		first, _ := firstRune(p.Text)
		if first >= 'a' && first <= 'z' {
			t.Errorf("paragraph %s (line %d) starts mid-sentence: %.60q", p.ID, p.Line, p.Text)
		}
		if !finished(p.Text) {
			t.Errorf("paragraph %s (line %d) ends mid-sentence: ...%q", p.ID, p.Line, p.Text[max(0, len(p.Text)-40):])
		}
	}
	// The footnote split by a page (its end sits at the top of the next
	// page's notes) is whole.
	split := 0
	for _, p := range d.Problems {
		if p.Kind == ProblemSplitFootnote && strings.Contains(p.Message, "page break") {
			split++
			var n int
			fmt.Sscanf(p.Message, "footnote %d", &n)
			if f := d.Footnotes[n-1]; !finished(f.Text) {
				t.Errorf("footnote %d still ends mid-sentence: %q", n, f.Text)
			}
		}
	}
	if split == 0 {
		t.Error("no footnote split by a page break was found and joined")
	}
	// References come in reading order, each footnote referenced once.
	last := 0
	for _, p := range d.Paragraphs {
		for _, r := range p.Refs {
			if r.N <= last {
				t.Errorf("paragraph %s: reference %d after %d", p.ID, r.N, last)
			}
			last = r.N
		}
	}
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		return r, i
	}
	return 0, 0
}

// assertClean checks what holds for any parse: spans and markers point
// inside their text. Whether markup is gone is not asked here by looking
// for markup: scrub (inline.go) deletes whatever such a list names, so the
// check could never fail. TestArticleTexts and the noise cases compare
// whole texts with what a reader makes of the source instead.
func assertClean(t *testing.T, d *Document) {
	t.Helper()
	check := func(where, s string, spans []Span) {
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Errorf("%s: span %+v outside text of %d bytes", where, sp, len(s))
			}
		}
	}
	for _, p := range d.Paragraphs {
		check("paragraph "+p.ID, p.Text, p.Spans)
		for _, r := range p.Refs {
			if r.Offset < 0 || r.Offset > len(p.Text) {
				t.Errorf("paragraph %s: ref %d offset %d outside text", p.ID, r.N, r.Offset)
			}
		}
	}
	for _, f := range d.Footnotes {
		check(fmt.Sprintf("footnote %d", f.N), f.Text, f.Spans)
	}
}

// TestArticleTexts compares texts of the article, one for each kind of
// noise in their source lines, with the text read off the source by hand
// (the line each comes from is named). A parser that leaves markup, or
// leaves a marker's digits, or a scrub that cuts characters the author
// wrote (the "&" of footnote 55), fails here.
func TestArticleTexts(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	footnotes := []struct {
		n    int
		want string
	}{
		// line 69: "<sup>&</sup>lt;sup>17</sup> UNGA Res 2625(XXV), ..."
		{17, "UNGA Res 2625(XXV), Declaration on Principles of International Law concerning Friendly Relations and Cooperation among States in accordance with the Charter of the United Nations, UN Doc A/RES/2625(XXV)."},
		// line 182: a plain superscript, and the article's one ampersand
		{55, "See, for example, US International Strategy for Cyberspace. Prosperity, Security and Openness in a Networked World, May 2011, p. 9 and United Kingdom, Response to General Assembly resolution 68/243 Developments in the field of information and telecommunications in the context of international security, 2014, available at www.ccdcoe.org. As for scholarship, see T. MAURER, Cybernorms Emergence at the United Nations — An Analysis of the Activities at the UN regarding Cybersecurity, in Science, Technology, and Public Policy Program Explorations in Cyber International Relations Project of Harvard Kennedy School, 2011, pp. 25-26; J. A. LEWIS, Liberty, Equality, Connectivity: Transatlantic Cybersecurity Norms, Report of the Center for Strategic and International Studies, 2014, available at www.csis.org; M. Kaljurand, United Nations Group of Governmental Experts: The Estonian Perspective, in A. M. OSULA, H. ROIGAS (eds.), International Cyber Norms: Legal, Policy & Industry Perspectives, Tallinn, 2016, p. 123 and, as for scholarly skepticism, see J. Goldsmith, Cybersecurity Treaties: A Skeptical View, in Lawfare, 9 March 2011, available at www.lawfaremedia.org."},
		// line 271: "<sup>84 2016</sup> Joint Declaration ..." (number merged with text)
		{84, "2016 Joint Declaration and 2025 Joint Declaration."},
		// line 273: " $<sup>^{85}</sup>$  2022 Joint Statement, n. I."
		{85, "2022 Joint Statement, n. I."},
		// line 379: "..., cit. 116 Joint Statement ..." (a bare number starts footnote 116)
		{116, "Joint Statement on the Proposed Cybercrime Treaty Ahead of the Concluding Session, cit., p. 3."},
		// line 555: escaped superscript and two *italic* titles
		{176, "on this issue, see K. POLLPETER, Chinese writings on cyberwarfare and coercion, in J.R. LINDSAY, T.M. CHEUNG, D. REVERON (eds.), China and Cybersecurity: Espionage, strategy and politics in the digital domain, Oxford, 2015, p. 147."},
	}
	text := map[int]string{}
	for _, f := range d.Footnotes {
		text[f.N] = f.Text
	}
	for _, c := range footnotes {
		if got := text[c.n]; got != c.want {
			t.Errorf("footnote %d:\n got %q\nwant %q", c.n, got, c.want)
		}
	}

	// line 309: *italics* and two superscript markers inside quotes
	const want309 = `Notably, at the domestic level, both States have developed extensive internal censorship systems that filter online content (the Chinese "Great Firewall of China" and the Russian Roskomnazor), subordinating digital freedoms and rights to vague State security imperatives such as the fight against "terrorism, extremism, and separatism".`
	var p *Paragraph
	for i := range d.Paragraphs {
		if d.Paragraphs[i].Line == 309 {
			p = &d.Paragraphs[i]
		}
	}
	if p == nil {
		t.Fatal("no paragraph starts on line 309")
	}
	if p.Text != want309 {
		t.Errorf("paragraph on line 309:\n got %q\nwant %q", p.Text, want309)
	}
	if len(p.Spans) != 1 || p.Text[p.Spans[0].Start:p.Spans[0].End] != "Roskomnazor" {
		t.Errorf("paragraph on line 309: spans %+v, want one italic span over \"Roskomnazor\"", p.Spans)
	}
	if got := refNumbers(p.Refs); !slices.Equal(got, []int{98, 99}) || p.Text[:p.Refs[0].Offset] != want309[:strings.Index(want309, ")")+1] || p.Refs[1].Offset != len(want309)-1 {
		t.Errorf("paragraph on line 309: refs %+v, want 98 after \"Roskomnazor)\" and 99 before the final full stop", p.Refs)
	}
}

// TestGolden compares the whole article's outline with testdata; run
// "go test ./app/article -update" after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	got := []byte(d.String())
	path := filepath.Join("testdata", "article.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("outline differs from %s at line %d:\n got %s\nwant %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("outline differs from %s in length: got %d lines, want %d", path, len(gl), len(wl))
	}
}

func TestStableIDs(t *testing.T) {
	a := mustParse(t, string(assets.Article))
	// An edit elsewhere: a word changed in the last paragraph and a
	// paragraph inserted in section 1.
	src := string(assets.Article)
	src = strings.Replace(src, "More broadly, the evolution", "More broadly, the development", 1)
	src = strings.Replace(src, "#### 1. Introduction\n", "#### 1. Introduction\n\nA new opening paragraph added by an editor.\n", 1)
	b := mustParse(t, src)
	ids := map[string]bool{}
	for _, p := range b.Paragraphs {
		ids[p.ID] = true
	}
	for _, p := range a.Paragraphs[:len(a.Paragraphs)-1] {
		if !ids[p.ID] {
			t.Errorf("paragraph %s (line %d) changed its ID after an edit elsewhere", p.ID, p.Line)
		}
	}
}

func TestBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("All work and no play makes a dull article. "), (50<<20)/43)
	cases := []struct {
		name string
		src  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"white space", []byte(" \n\n\t\n"), ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), ErrBinary},
		{"random bytes", bytes.Repeat([]byte{0xff, 0xfe, 0x80, 0x81}, 4096), ErrBinary},
		{"50 MB", big, ErrTooLarge},
		{"only headings", []byte("# Title\n\n## Another\n"), ErrNotArticle},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.src)
			if !errors.Is(err, tc.want) || d != nil {
				t.Errorf("Parse = %v, %v; want error %v", d, err, tc.want)
			}
		})
	}
}

func TestMarkdownWithoutFootnotes(t *testing.T) {
	d := mustParse(t, "# Notes on a Treaty\n\nThe treaty was signed in 2019 by 40 States.\n\n## 1. Background\n\nIt entered into force in 2021.\n")
	if len(d.Footnotes) != 0 || len(d.Paragraphs) != 2 || d.Title != "Notes on a Treaty" {
		t.Errorf("got %d footnotes, %d paragraphs, title %q", len(d.Footnotes), len(d.Paragraphs), d.Title)
	}
	if len(d.Paragraphs[0].Refs) != 0 {
		t.Errorf("numbers in plain text taken for references: %+v", d.Paragraphs[0].Refs)
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range noiseCases {
		f.Add([]byte(tc.src))
	}
	f.Add(assets.Article[:4000])
	f.Add([]byte("<sup>&</sup>lt;sup>"))
	f.Add([]byte("$^{12"))
	f.Add([]byte("a *b **c <sup>1 2 3</sup> &amp;lt;sup&gt;4</sup>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src)
		if err != nil {
			if d != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		assertClean(t, d)
		for _, fn := range d.Footnotes {
			if fn.N <= 0 {
				t.Fatalf("footnote number %d", fn.N)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(assets.Article)))
	for b.Loop() {
		if _, err := Parse(assets.Article); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHostile parses 1 MB of each kind of degenerate input that
// once took time quadratic in its size (openers without a closer, a
// footnote built from very many pieces): each must stay in the tens of
// milliseconds, like the article itself scaled up.
func BenchmarkParseHostile(b *testing.B) {
	const size = 1 << 20
	fill := func(unit func(i int) string) []byte {
		var sb strings.Builder
		for i := 1; sb.Len() < size; i++ {
			sb.WriteString(unit(i))
		}
		return []byte(sb.String())
	}
	inputs := []struct {
		name string
		src  []byte
	}{
		{"escaped markers", bytes.Repeat([]byte("<sup>&</sup>lt;sup>"), size/19)},
		{"unclosed formulas", bytes.Repeat([]byte("$^{"), size/3)},
		{"unclosed superscripts", bytes.Repeat([]byte("Text <sup>1 more "), size/17)},
		{"definitions", fill(func(i int) string { return fmt.Sprintf("<sup>%d</sup> Note %d.\n\n", i, i) })},
		{"wrapped definition", append([]byte("Text<sup>1</sup>.\n\n<sup>1</sup> A note\n"), bytes.Repeat([]byte(" that goes on\n"), size/14)...)},
		{"bare numbers", fill(func(i int) string { return fmt.Sprintf("%d ", i) })},
		{"article repeated", bytes.Repeat(assets.Article, size/len(assets.Article))},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			for b.Loop() {
				Parse(in.src)
			}
		})
	}
}

// TestLostFootnotesPlacedByNumbering: markers run in numbering order, so a
// footnote whose marker was lost belongs right after the nearest
// lower-numbered footnote that kept one (or before the nearest
// higher-numbered one when none lower did), whatever page its definition
// was printed on.
func TestLostFootnotesPlacedByNumbering(t *testing.T) {
	d := mustParse(t, string(assets.Article))
	holds := func(id string, n int) bool {
		for _, p := range d.Paragraphs {
			if p.ID == id {
				for _, r := range p.Refs {
					if r.N == n {
						return true
					}
				}
			}
		}
		return false
	}
	lost := 0
	for i, f := range d.Footnotes {
		if f.Paragraph != "" {
			continue
		}
		lost++
		lower, higher, lowerPara := 0, 0, ""
		for j := i - 1; j >= 0 && lower == 0; j-- {
			if d.Footnotes[j].Paragraph != "" {
				lower, lowerPara = d.Footnotes[j].N, d.Footnotes[j].Paragraph
			}
		}
		for j := i + 1; j < len(d.Footnotes) && higher == 0; j++ {
			if d.Footnotes[j].Paragraph != "" {
				higher = d.Footnotes[j].N
			}
		}
		switch {
		case lower > 0:
			if !holds(f.Near, lower) {
				t.Errorf("footnote %d (marker lost) is near %s, which does not hold the marker of footnote %d", f.N, f.Near, lower)
			}
			if f.Near != lowerPara {
				t.Errorf("footnote %d (marker lost) is near %s, want %s (footnote %d's paragraph)", f.N, f.Near, lowerPara, lower)
			}
		case higher > 0:
			if !holds(f.Near, higher) {
				t.Errorf("footnote %d (marker lost, none before it kept one) is near %s, which does not hold the marker of footnote %d", f.N, f.Near, higher)
			}
		}
		for _, p := range d.Problems {
			if p.Kind == ProblemMissingRef && p.Line == f.Line && !strings.Contains(p.Message, "paragraph "+f.Near) {
				t.Errorf("footnote %d: problem %q does not name paragraph %s", f.N, p.Message, f.Near)
			}
		}
		t.Logf("footnote %d lost; after footnote %d, near %s", f.N, lower, f.Near)
	}
	if lost == 0 {
		t.Fatal("no footnote of the article lost its marker; the test checks nothing")
	}
}

// With no marker anywhere, the numbering gives no clue: a lost footnote
// goes with the last paragraph before its definition.
func TestLostFootnoteWithoutNeighbours(t *testing.T) {
	d := mustParse(t, doc("First paragraph of text.\n\nSecond paragraph of text.\n\n<sup>1</sup> A note.\n\n#### 2. Second\n\nThird paragraph.\n\n<sup>2</sup> Another note.\n"))
	if len(d.Footnotes) != 2 || len(d.Paragraphs) != 3 {
		t.Fatalf("footnotes %s; paragraphs %s", footnoteTexts(d), paragraphSummary(d))
	}
	for i, want := range []int{1, 2} {
		if f := d.Footnotes[i]; f.Paragraph != "" || f.Near != d.Paragraphs[want].ID {
			t.Errorf("footnote %d: paragraph %q near %q, want near %s", f.N, f.Paragraph, f.Near, d.Paragraphs[want].ID)
		}
	}
}
