package lecture

import (
	"strings"
	"sync"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

var (
	docOnce sync.Once
	docVal  *article.Document
	docErr  error
)

// shipped is the article Glossa ships, parsed by the real parser.
func shipped(t testing.TB) *article.Document {
	t.Helper()
	docOnce.Do(func() { docVal, docErr = article.Parse(assets.Article) })
	if docErr != nil {
		t.Fatal(docErr)
	}
	return docVal
}

func paragraph(t *testing.T, doc *article.Document, id string) article.Paragraph {
	t.Helper()
	for _, p := range doc.Paragraphs {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("the article has no paragraph %s", id)
	return article.Paragraph{}
}

// TestSentencesOfTheArticle cuts chosen paragraphs of the article where a
// reader would pause: the openings of their sentences were read off the
// text by hand. They hold "art. 54", "i.e.," and "i.e. crimes", «quotes»
// with "[i]n", "(b)" and a closing sentence of five words.
func TestSentencesOfTheArticle(t *testing.T) {
	doc := shipped(t)
	cases := []struct {
		id       string
		openings []string
	}{
		{"p-3.3-e606ca", []string{"Turning to (b)", "First of all", "Iran has put forward", "Moreover, Moscow", "China, for its part"}},
		{"p-3.3-c237e8", []string{"Starting with the first", "As highlighted by", "For instance", "Even more revealingly", "In essence", "Although not all"}},
		{"p-3.3-9d9c27", []string{"With regard to", "Article 6, paragraph 1", "Similarly, Article 24", "The issues with these provisions are twofold."}},
		{"p-3.3-8f4369", []string{"An example is article 4", "This provision potentially", "Moreover, the Convention", "The problematic nature", "This opens the door"}},
		{"p-3.3-2d55d0", []string{"These provisions were", "However, the underlying", "Scholars have pointed", "It has been observed", "To illustrate this point", "This scenario becomes"}},
		{"p-2.1-ad9913", []string{"It is precisely", "In this vein"}},
		{"p-2.1-37a926", []string{"This position is justified"}},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			p := paragraph(t, doc, c.id)
			got := Sentences(p.Text)
			if len(got) != len(c.openings) {
				var texts []string
				for _, s := range got {
					texts = append(texts, s.Text(p.Text))
				}
				t.Fatalf("%d sentences, want %d:\n%s", len(got), len(c.openings), strings.Join(texts, "\n"))
			}
			for i, s := range got {
				if !strings.HasPrefix(s.Text(p.Text), c.openings[i]) {
					t.Errorf("sentence %d opens %.50q, want %q", i+1, s.Text(p.Text), c.openings[i])
				}
			}
		})
	}
}

// TestSentencesAbbreviations are the stops that end no sentence, and a
// few that do, in the forms footnotes and legal prose use.
func TestSentencesAbbreviations(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"See art. 54 of the Convention. It was adopted.", 2},
		{"Read para. 4 first. Then the rest.", 2},
		{"See U.N. Doc. A/RES/53/70. The role of Russia was pivotal.", 2},
		{"A. MARICONDA, Sovereign equality, cit. 116 and passim.", 1},
		{"A. MARICONDA, op. cit., p. 12. Ibid. Art. 5 applies.", 2},
		{"Cyber-dependent crimes, i.e. Crimes that need computers. Next.", 2},
		{"For instance, e.g. Budapest. Next.", 2},
		{"Resolution No. 5 was adopted. Then another.", 2},
		{"Compare section 3.3 with 2.1. Both agree.", 2},
		{"See cf. Smith, vol. 3, pp. 4-5, n. 22. Then.", 2},
		{"J. A. LEWIS wrote it. Then.", 2},
		{"available at www.unoda.org. A symbolic moment.", 2},
		{"He asked: «Why?» Nobody answered.", 2},
		{"It ended in 2015. The next year began.", 2},
		{"no stop at the end", 1},
		{"", 1},
	}
	for _, c := range cases {
		if got := Sentences(c.text); len(got) != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, len(got), c.want)
		}
	}
}

// TestSentencesRejoin: on every paragraph and footnote of the article the
// sentences are contiguous and rejoin to the text, none empty.
func TestSentencesRejoin(t *testing.T) {
	doc := shipped(t)
	texts := []string{}
	for _, p := range doc.Paragraphs {
		texts = append(texts, p.Text)
	}
	for _, f := range doc.Footnotes {
		texts = append(texts, f.Text)
	}
	for _, text := range texts {
		checkRejoin(t, text)
	}
	// the article's paragraphs are three to four sentences long on average
	total := 0
	for _, p := range doc.Paragraphs {
		total += len(Sentences(p.Text))
	}
	if total < 3*len(doc.Paragraphs) {
		t.Errorf("%d sentences in %d paragraphs: hardly any cut", total, len(doc.Paragraphs))
	}
}

func checkRejoin(t *testing.T, text string) {
	t.Helper()
	ss := Sentences(text)
	var b strings.Builder
	at := 0
	for _, s := range ss {
		if s.Start != at || s.End < s.Start {
			t.Fatalf("%.60q: sentence %v does not follow %d", text, s, at)
		}
		if s.End == s.Start && len(text) > 0 {
			t.Fatalf("%.60q: empty sentence at %d", text, s.Start)
		}
		b.WriteString(text[s.Start:s.End])
		at = s.End
	}
	if b.String() != text {
		t.Fatalf("sentences rejoin to %.80q, not %.80q", b.String(), text)
	}
}

func FuzzSentencesRejoin(f *testing.F) {
	f.Add("See art. 54 of the Convention. It was adopted.")
	f.Add("He asked: «Why?» Nobody answered.")
	f.Add("U.N. Doc. A/RES/53/70. The… «end».")
	f.Add("..  . ?!")
	f.Fuzz(func(t *testing.T, s string) { checkRejoin(t, s) })
}

// BenchmarkSentencesArticle cuts every paragraph of the article into
// sentences, as a first lecture does.
func BenchmarkSentencesArticle(b *testing.B) {
	doc := shipped(b)
	for b.Loop() {
		for _, p := range doc.Paragraphs {
			Sentences(p.Text)
		}
	}
}
