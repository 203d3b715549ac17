package deck

import (
	"regexp"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
)

func TestShippedDeckParses(t *testing.T) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		t.Fatalf("the shipped deck has errors:\n%v", err)
	}
	if len(cards) < 45 {
		t.Errorf("the shipped deck has %d cards, want at least 45", len(cards))
	}
	types := map[Type]int{}
	for _, c := range cards {
		types[c.Type]++
	}
	if types[Basic] == 0 || types[Cloze] == 0 {
		t.Errorf("card types %v: want both basic and cloze", types)
	}
}

// Anchors must survive the parser's clean-up: no markup, no footnote
// numbers, nothing the plain text of a paragraph cannot hold.
var markupInAnchor = regexp.MustCompile(`<|>|\*|\$|\^|&[a-z]+;|\\`)

func TestShippedAnchorsArePlainText(t *testing.T) {
	cards, _ := Parse(assets.Deck)
	for _, c := range cards {
		if markupInAnchor.MatchString(c.Anchor) {
			t.Errorf("card %q (line %d): anchor holds markup: %q", c.ID, c.Line, c.Anchor)
		}
	}
}

// The topics the issue asks the deck to cover, each as a tag or a
// phrase some card must carry.
var requiredTopics = []struct{ name, tag, phrase string }{
	{"sovereign equality", "sovereign-equality", ""},
	{"equal participation in lawmaking", "equal-participation", ""},
	{"non-interference", "non-interference", ""},
	{"Five Principles of Peaceful Coexistence", "five-principles", ""},
	{"UN Charter Article 2(1)", "", "2(1)"},
	{"UN Charter Article 2(7)", "", "2(7)"},
	{"1970 Friendly Relations Declaration", "friendly-relations-declaration", ""},
	{"Budapest Convention", "budapest-convention", ""},
	{"cyber-dependent crimes", "", "cyber-dependent"},
	{"cyber-enabled crimes", "", "cyber-enabled"},
	{"Article 4", "article-4", ""},
	{"Article 6", "article-6", ""},
	{"Article 18", "article-18", ""},
	{"Article 22(2)(a)", "article-22", ""},
	{"Article 23", "article-23", ""},
	{"Article 24", "article-24", ""},
	{"Article 28", "article-28", ""},
	{"Articles 29-30", "articles-29-30", ""},
	{"Article 35", "article-35", ""},
	{"SCO agreement of 2009", "sco", "2009"},
	{"Code of Conduct 2011", "codes-of-conduct", "2011"},
	{"Code of Conduct 2015", "codes-of-conduct", "2015"},
	{"three evils", "three-evils", ""},
	{"cyber-sovereignty", "cyber-sovereignty", ""},
	{"sovereignization of the internet", "sovereignization", ""},
}

func TestShippedDeckCoversRequiredTopics(t *testing.T) {
	cards, _ := Parse(assets.Deck)
	for _, topic := range requiredTopics {
		found := false
		for _, c := range cards {
			tagged := topic.tag == ""
			for _, tag := range c.Tags {
				tagged = tagged || tag == topic.tag
			}
			said := topic.phrase == "" || strings.Contains(c.Front+" "+c.Back, topic.phrase)
			if tagged && said {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no card on %s", topic.name)
		}
	}
}

// Every shipped card's anchor resolves to exactly one paragraph of the
// real article, as parsed by the article package.
func TestShippedAnchorsResolveInArticle(t *testing.T) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatalf("parse the article: %v", err)
	}
	resolved, errs := Resolve(cards, doc)
	for _, err := range errs {
		t.Error(err)
	}
	byID := map[string]article.Paragraph{}
	for _, p := range doc.Paragraphs {
		byID[p.ID] = p
	}
	for _, r := range resolved {
		p, ok := byID[r.ParagraphID]
		if !ok {
			t.Errorf("card %q: paragraph %q not in the document", r.ID, r.ParagraphID)
			continue
		}
		if got := normalize(p.Text[r.Start:r.End]).text; got != normalize(r.Anchor).text {
			t.Errorf("card %q: passage %q does not match its anchor", r.ID, got)
		}
	}
	if len(resolved) != len(cards) {
		t.Errorf("%d of %d cards resolved", len(resolved), len(cards))
	}
}

func BenchmarkResolveShippedDeck(b *testing.B) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		b.Skipf("article parser not ready: %v", err)
	}
	for b.Loop() {
		Resolve(cards, doc)
	}
}

// answers are what a learner has to produce for a card: the back of a basic
// card, the gaps of a cloze (all of them, and each alone), folded for
// comparison.
func answers(c Card) []string {
	if c.Type == Basic {
		return []string{normalize(c.Back).text}
	}
	gaps, _ := ParseCloze(c.Front)
	var all []string
	var out []string
	for _, g := range gaps {
		a := normalize(g.Answer).text
		all = append(all, a)
		out = append(out, a)
	}
	if len(gaps) > 1 {
		out = append(out, strings.Join(all, " | "))
	}
	return out
}

// TestShippedAnswersAreDistinct: no two cards ask for the same answer
// (a duplicate card, or two clozes hiding the same words), so that a
// learner never revises one fact twice under two ids.
func TestShippedAnswersAreDistinct(t *testing.T) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, c := range cards {
		for _, a := range answers(c) {
			if first, dup := seen[a]; dup && first != c.ID {
				t.Errorf("cards %q and %q share the answer %q", first, c.ID, a)
			}
			seen[a] = c.ID
		}
	}
}

// TestShippedSectionTagsMatchAnchors: a card's section:: tag is the
// section of the paragraph its anchor resolves to, so that "cards per
// section" counts what the article says where.
func TestShippedSectionTagsMatchAnchors(t *testing.T) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		t.Fatal(err)
	}
	section := map[string]string{}
	for _, p := range doc.Paragraphs {
		section[p.ID] = p.Section
	}
	resolved, _ := Resolve(cards, doc)
	for _, r := range resolved {
		var tagged []string
		for _, tag := range r.Tags {
			if s, ok := strings.CutPrefix(tag, "section::"); ok {
				tagged = append(tagged, s)
			}
		}
		if want := section[r.ParagraphID]; len(tagged) != 1 || tagged[0] != want {
			t.Errorf("card %q: section tags %v, its anchor is in section %s", r.ID, tagged, want)
		}
	}
}

// TestShippedClozesHaveOneFactPerGap: a cloze number hides one gap, so
// that Anki's export (one note per number) asks one fact at a time.
func TestShippedClozesHaveOneFactPerGap(t *testing.T) {
	cards, err := Parse(assets.Deck)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cards {
		if c.Type != Cloze {
			continue
		}
		gaps, _ := ParseCloze(c.Front)
		seen := map[int]bool{}
		for _, g := range gaps {
			if seen[g.N] {
				t.Errorf("card %q: c%d hides more than one gap", c.ID, g.N)
			}
			seen[g.N] = true
		}
	}
}
