package cite

import (
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// TestProseIntroducesWorks checks two kinds of prose around citations:
// "X is summarized by WORK" cites WORK, and "The translation of this text
// is available at SITE" points at a version of a work already cited, not
// a work of its own.
func TestProseIntroducesWorks(t *testing.T) {
	lib := Extract([]article.Footnote{
		{N: 1, Text: "A. SMITH, A Treaty on Things, Oxford, 2001."},
		{N: 2, Text: "The English translation of this text is available at www.example.org."},
		{N: 3, Text: "This approach is summarized by Statement by the Representative of Ruritania at the first session of the Working Group, 7 March 2023, available at www.example.org."},
		{N: 4, Text: "The Law Lab at the University of Ruritania developed an interactive tool for comparing the two drafts, available at www.example.org."},
		{N: 5, Text: "R. ROE, Armed the Night, in Lawfare, 2020, available at www.example.org."},
	})
	for _, n := range []int{2, 4} {
		if cs := lib.CitationsIn(n); len(cs) != 0 {
			t.Errorf("footnote %d cites %q", n, cs[0].Text)
		}
	}
	if cs := lib.CitationsIn(5); len(cs) != 1 {
		t.Errorf("footnote 5, a work whose title reads like a sentence: %d citations", len(cs))
	}
	cs := lib.CitationsIn(3)
	if len(cs) != 1 {
		t.Fatalf("footnote 3: %d citations", len(cs))
	}
	s, _ := lib.Source(cs[0].Source)
	if !strings.HasPrefix(s.Title, "Statement by the Representative of Ruritania") {
		t.Errorf("footnote 3 cites %q", s.Title)
	}
	// the article's own: footnote 96 points at a translation
	for _, src := range Extract(articleFootnotes(t)).Sources {
		if versionOf.MatchString(src.Title) || strings.Contains(src.Title, "summarized by") {
			t.Errorf("prose taken for a work: %q cited in %v", src.Title, src.CitedIn)
		}
	}
}

// TestAmbiguityShownNotGuessed: a short form that matches several works
// points at none of them and lists them all; n. 186 "Cybercrime
// Convention, cit." is one (the gold set knows it).
func TestAmbiguityShownNotGuessed(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	found := false
	for _, c := range lib.Citations {
		if !c.Ambiguous {
			continue
		}
		if c.Source != "" || len(c.Candidates) < 2 {
			t.Errorf("n. %d %q is ambiguous but points at %q with candidates %q", c.Footnote, c.Text, c.Source, c.Candidates)
		}
		found = found || c.Footnote == 186
	}
	if !found {
		t.Errorf("n. 186 \"Cybercrime Convention, cit.\" matches several works, but no citation of it is marked ambiguous: the resolver guessed")
	}
	for _, p := range lib.Problems {
		if p.Kind == ProblemAmbiguous && len(p.Candidates) < 2 {
			t.Errorf("n. %d: ambiguous problem with %d candidates", p.Footnote, len(p.Candidates))
		}
	}
}
