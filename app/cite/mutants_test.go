package cite

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestRISEditorTags: editors are written as ED, which Zotero and bibutils
// both read as editor for books and chapters alike (A2 and A3 mean other
// roles for some types); an edited book's editors must not come out as its
// authors, nor a chapter's author as an editor.
func TestRISEditorTags(t *testing.T) {
	sources := []Source{
		{Key: "book", Work: Work{Kind: KindBook, Title: "Russia and the European Court of Human Rights", Editors: []string{"L. MÄLKSOO", "W. BENEDEK"}, Year: "2017"}},
		{Key: "chap", Work: Work{Kind: KindChapter, Authors: []string{"B. HARZL"}, Title: "Nativist ideological responses", Container: "Russia and the European Court of Human Rights", Editors: []string{"L. MÄLKSOO"}, Year: "2017"}},
	}
	var buf bytes.Buffer
	if err := WriteRIS(&buf, sources); err != nil {
		t.Fatal(err)
	}
	records := strings.Split(buf.String(), "ER  - ")
	if len(records) < 2 {
		t.Fatalf("RIS output:\n%s", buf.String())
	}
	for i, want := range []string{"ED  - MÄLKSOO, L.\r\nED  - BENEDEK, W.\r\n", "ED  - MÄLKSOO, L.\r\n"} {
		if !strings.Contains(records[i], want) {
			t.Errorf("record %s lacks %q:\n%s", sources[i].Key, want, records[i])
		}
	}
	for i, unwanted := range []string{"AU  - MÄLKSOO", "AU  - MÄLKSOO"} {
		if strings.Contains(records[i], unwanted) {
			t.Errorf("record %s gives an editor as author (%q):\n%s", sources[i].Key, unwanted, records[i])
		}
	}
	if !strings.Contains(records[1], "AU  - HARZL, B.\r\n") {
		t.Errorf("chapter lost its author:\n%s", records[1])
	}
}

// TestWordsFoldAccents: matching folds every accented Latin letter the
// fold table knows to its base letter, capitals and small letters, so a
// search typed without accents finds the name written with them.
func TestWordsFoldAccents(t *testing.T) {
	const accented = "ÀàÇçĎďÈèĜĝÌìĹĺÑñÒòŔŕŚśŢţÙùÝýŹź"
	const folded = "aaccddeeggiillnnoorrssttuuyyzz"
	if got := words(accented); len(got) != 1 || got[0] != folded {
		t.Errorf("words(%q) = %q, want [%q]", accented, got, folded)
	}
	if got := strings.Join(words("L. MÄLKSOO, Ø. ØRSTED; ŁUKASZ"), " "); got != "l malksoo o orsted lukasz" {
		t.Errorf("names fold to %q", got)
	}
}

// TestSurname: a person's key is initials then surname, and the surname
// is everything after the initials; an institution's key is all surname.
func TestSurname(t *testing.T) {
	for key, want := range map[string]string{
		"L MALKSOO":           "MALKSOO",
		"E SCHER ZAGIER":      "SCHER ZAGIER",
		"M A CARRAI":          "CARRAI",
		"UN GENERAL ASSEMBLY": "UN GENERAL ASSEMBLY",
		"X":                   "X",
		"":                    "",
	} {
		if got := surname(key); got != want {
			t.Errorf("surname(%q) = %q, want %q", key, got, want)
		}
	}
}

// TestSortNameBySurname: sources sort by the first author's surname, not
// by the initials written before it.
func TestSortNameBySurname(t *testing.T) {
	roberts := Source{Work: Work{Authors: []string{"A. ROBERTS"}, Title: "Is International Law International?"}}
	koskenniemi := Source{Work: Work{Authors: []string{"M. KOSKENNIEMI"}, Title: "From Apology to Utopia"}}
	if !(koskenniemi.SortName() < roberts.SortName()) {
		t.Errorf("M. KOSKENNIEMI sorts after A. ROBERTS: %q, %q", koskenniemi.SortName(), roberts.SortName())
	}
}

// TestFullCitationPinpoint: the pinpoint of a full citation is what
// follows the work's data from its first page or paragraph abbreviation,
// abbreviation included.
func TestFullCitationPinpoint(t *testing.T) {
	lib := Extract([]article.Footnote{
		{N: 1, Text: "L. MÄLKSOO, Russian Approaches to International Law, Oxford, 2015, p. 100 ff."},
		{N: 2, Text: "T. WANG, International Law in China: historical and contemporary perspectives, in Collected Courses of The Hague Academy of International Law, vol. 221, 1990, pp. 195-197."},
	})
	want := map[int]string{1: "p. 100 ff.", 2: "pp. 195-197."}
	for _, c := range lib.Citations {
		if w, ok := want[c.Footnote]; ok && strings.TrimRight(c.Pinpoint, ".") != strings.TrimRight(w, ".") {
			t.Errorf("footnote %d: pinpoint %q, want %q", c.Footnote, c.Pinpoint, w)
		}
		delete(want, c.Footnote)
	}
	if len(want) > 0 {
		t.Errorf("no citation read in footnotes %v", want)
	}
}

// TestResolverRules: rules of reading footnotes into works, each one a
// footnote or two: later full citations fill what the first left out and
// never overwrite it; a footnote citing one work twice leaves "Ibid." no
// doubt; case names set in prose each start a citation, which ends before
// the next; prose introducing or commenting on a citation is not part of it.
func TestResolverRules(t *testing.T) {
	lib := Extract([]article.Footnote{
		{N: 1, Text: "L. MÄLKSOO, Russian Approaches to International Law, 2015."},
		{N: 2, Text: "L. MÄLKSOO, Russian Approaches to International Law, Oxford, 2015, p. 12."},
		{N: 3, Text: "L. MÄLKSOO, Russian Approaches to International Law, Cambridge, 2016, p. 14."},
		{N: 4, Text: "T. WANG, International Law in China, Oxford, 1990, p. 3; T. WANG, International Law in China, cit., p. 5."},
		{N: 5, Text: "Ibid., p. 7."},
		{N: 6, Text: "Scholars highlight Kostantin Markin v. Russia, 22 March 2012, Application no. 30078/06, where the Court ruled; and Anchugov and Gladkov v. Russia, 4 July 2013, Application no. 11157/04."},
		{N: 7, Text: "See, in this respect, L. MÄLKSOO, Russian Approaches to International Law, cit., p. 100, which argues the point at length."},
	})
	title := func(c Citation) string {
		if s, ok := lib.Source(c.Source); ok {
			return s.Title
		}
		return ""
	}
	var got []string
	for _, c := range lib.Citations {
		got = append(got, fmt.Sprintf("%d %q -> %q", c.Footnote, c.Text, title(c)))
	}
	want := []string{
		`1 "L. MÄLKSOO, Russian Approaches to International Law, 2015" -> "Russian Approaches to International Law"`,
		`2 "L. MÄLKSOO, Russian Approaches to International Law, Oxford, 2015, p. 12" -> "Russian Approaches to International Law"`,
		`3 "L. MÄLKSOO, Russian Approaches to International Law, Cambridge, 2016, p. 14" -> "Russian Approaches to International Law"`,
		`4 "T. WANG, International Law in China, Oxford, 1990, p. 3" -> "International Law in China"`,
		`4 "T. WANG, International Law in China, cit., p. 5" -> "International Law in China"`,
		`5 "Ibid., p. 7" -> "International Law in China"`,
		`6 "Kostantin Markin v. Russia, 22 March 2012, Application no. 30078/06" -> "Kostantin Markin v. Russia"`,
		`6 "Anchugov and Gladkov v. Russia, 4 July 2013, Application no. 11157/04" -> "Anchugov and Gladkov v. Russia"`,
		`7 "L. MÄLKSOO, Russian Approaches to International Law, cit., p. 100" -> "Russian Approaches to International Law"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("citations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range lib.Sources {
		if s.Title == "Russian Approaches to International Law" && (s.Place != "Oxford" || s.Year != "2015") {
			t.Errorf("Mälksoo's book: place %q, year %q; want the first ones given, Oxford and 2015", s.Place, s.Year)
		}
	}
}

// TestKeysUniqueAndPlain: citation keys stay unique and made of letters
// and digits (what BibTeX accepts) however many works share a base key.
func TestKeysUniqueAndPlain(t *testing.T) {
	var sources []Source
	for i := range 60 {
		sources = append(sources, Source{ID: fmt.Sprintf("src-%03d", i), Work: Work{Kind: KindOfficial, Authors: []string{"RUSSIAN FEDERATION"}, Title: "Statement", Year: "2021"}})
	}
	assignKeys(sources)
	seen := map[string]bool{}
	for _, s := range sources {
		if seen[s.Key] {
			t.Errorf("key %q given twice", s.Key)
		}
		seen[s.Key] = true
		for _, r := range s.Key {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				t.Errorf("key %q has %q", s.Key, r)
				break
			}
		}
	}
}

// TestSearchFindsTheFirstLetter: a letter that occurs only as the very
// first character of a work's text (its author's initial) is found.
func TestSearchFindsTheFirstLetter(t *testing.T) {
	lib := NewLibrary([]Source{
		{ID: "x", Work: Work{Authors: []string{"Q. WU"}, Title: "Sovereignty", Year: "2019"}},
		{ID: "y", Work: Work{Authors: []string{"H. XUE"}, Title: "Chinese Perspectives", Year: "2012"}},
	})
	got := lib.Search("q")
	if len(got) != 1 || got[0].Source.ID != "x" {
		t.Errorf("Search(%q) = %d matches, want Q. WU's work only", "q", len(got))
	}
}

// TestJournalAfterLostComma: a comma lost before "in" leaves the journal
// inside the title; it is split off again when a year and a page follow.
func TestJournalAfterLostComma(t *testing.T) {
	lib := Extract([]article.Footnote{{N: 1, Text: "J. SMITH, The Near Abroad: Russia and Eurasia in Europe-Asia Studies, 2022, p. 1529 ff."}})
	if len(lib.Sources) != 1 {
		t.Fatalf("%d sources", len(lib.Sources))
	}
	if s := lib.Sources[0]; s.Title != "The Near Abroad: Russia and Eurasia" || s.Container != "Europe-Asia Studies" {
		t.Errorf("title %q, journal %q; want the journal split from the title", s.Title, s.Container)
	}
}
