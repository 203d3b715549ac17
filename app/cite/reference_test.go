package cite

import (
	"strings"
	"testing"
)

func TestReference(t *testing.T) {
	lib := smallLibrary()
	tests := []struct{ id, want string }{
		{"a", "L. MÄLKSOO, Russian Approaches to International Law, Oxford, 2015"},
		{"b", "H. XUE, Chinese Contemporary Perspectives on International Law, in Collected Courses of The Hague Academy of International Law, 2012"},
		{"d", "L. MÄLKSOO; W. BENEDEK (eds.), Russia and the European Court of Human Rights, 2017"},
	}
	for _, tc := range []struct {
		w    Work
		want string
	}{
		{Work{Title: "Kostantin Markin v. Russia", Court: "European Court of Human Rights", Date: "22 March 2012", Year: "2012", Number: "30078/06"},
			"Kostantin Markin v. Russia, European Court of Human Rights, 22 March 2012, Application no. 30078/06"},
		{Work{Title: "On Amendments to the Federal Law", State: "Russian Federation", Number: "398-FZ", Date: "28 December 2013", Year: "2013"},
			"On Amendments to the Federal Law, Russian Federation, 28 December 2013, no. 398-FZ"},
		{Work{Authors: []string{"Council of Europe"}, Title: "Convention on Cybercrime", Place: "Budapest", Date: "23 November 2001", Published: "ETS No. 185"},
			"Council of Europe, Convention on Cybercrime, Budapest, 23 November 2001, ETS No. 185"},
		{Work{Title: "Data Security Law of the People's Republic of China", State: "People's Republic of China", Year: "2021"},
			"Data Security Law of the People's Republic of China, 2021"},
	} {
		if got := (&Source{Work: tc.w}).Reference(); got != tc.want {
			t.Errorf("Reference = %q, want %q", got, tc.want)
		}
	}
	untitled := Source{Work: Work{Authors: []string{"RUSSIAN FEDERATION"}, URL: "www.unodc.org"}}
	if got := untitled.Reference(); got != "RUSSIAN FEDERATION, www.unodc.org" {
		t.Errorf("untitled Reference = %q", got)
	}
	if got := (&Source{Work: Work{URL: "www.unodc.org"}}).Reference(); got != "www.unodc.org" {
		t.Errorf("bare Reference = %q", got)
	}
	for _, tt := range tests {
		s, _ := lib.Source(tt.id)
		if got := s.Reference(); got != tt.want {
			t.Errorf("Reference(%s) = %q, want %q", tt.id, got, tt.want)
		}
		before, title, after := s.ReferenceParts()
		if before+title+after != s.Reference() || title != s.Title {
			t.Errorf("ReferenceParts(%s) = %q %q %q", tt.id, before, title, after)
		}
	}
}

func TestIsPerson(t *testing.T) {
	for name, want := range map[string]bool{
		"L. MÄLKSOO": true, "M AKSENOVA": true, "S.P. SUBEDI": true, "E. SCHER ZAGIER": true,
		"PRESIDENT OF RUSSIA": false, "UN General Assembly": false, "MICROSOFT": false,
	} {
		if got := IsPerson(name); got != want {
			t.Errorf("IsPerson(%q) = %v", name, got)
		}
	}
}

// TestMostCited counts the article's citations a second way, from the
// resolved citations rather than the sources' places, and compares.
func TestMostCited(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	perAuthor := map[string]int{}
	for _, c := range lib.Citations {
		if c.Source == "" {
			continue // ambiguous short forms count for no one
		}
		s, _ := lib.Source(c.Source)
		names := s.Authors
		if len(names) == 0 {
			names = s.Editors
		}
		seen := map[string]bool{}
		for _, a := range names {
			if k := authorKey(a); !seen[k] {
				seen[k] = true
				perAuthor[k]++
			}
		}
	}
	top := lib.MostCited(10)
	if len(top) != 10 {
		t.Fatalf("MostCited(10) = %d rows", len(top))
	}
	for i, a := range top {
		if a.Citations != perAuthor[a.Key] {
			t.Errorf("%s: %d citations, counted %d", a.Name, a.Citations, perAuthor[a.Key])
		}
		if i > 0 && a.Citations > top[i-1].Citations {
			t.Errorf("not ranked: %s %d after %d", a.Name, a.Citations, top[i-1].Citations)
		}
	}
	// nobody left out has more citations than the last shown
	for k, n := range perAuthor {
		if n > top[len(top)-1].Citations {
			found := false
			for _, a := range top {
				found = found || a.Key == k
			}
			if !found {
				t.Errorf("%s (%d citations) missing from the top", k, n)
			}
		}
	}
	var malksoo *AuthorCount
	for i := range top {
		if strings.Contains(top[i].Key, "MALKSOO") {
			malksoo = &top[i]
		}
	}
	if malksoo == nil || !malksoo.Person || malksoo.Works < 4 {
		t.Errorf("Mälksoo in the top: %+v", malksoo)
	}
}
