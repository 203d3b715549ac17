package cite

import (
	"slices"
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

// TestMostCited checks the ranking against counts read off the article's
// footnotes by hand (a place is one citation of a work: a footnote citing
// two of an author's works counts twice, an "Ibid." counts for the work
// before it; chapters by others in a book someone edited do not count for
// the editor).
func TestMostCited(t *testing.T) {
	lib := Extract(articleFootnotes(t))
	read := []struct {
		key              string
		citations, works int
		places           string // the footnotes, for whoever must recount
	}{
		{"L MALKSOO", 13, 6, "14 (two works), 15, 23, 34, 68, 69 Ibid., 71 (editor of a book without author), 74, 76, 83, 161, 162 Ibid.; not 72, 87"},
		{"A BASU", 6, 1, "12, 59, 107, 117, 132, 179"},
		{"A ROBERTS", 6, 1, "33, 54, 146, 148, 154, 158"},
		{"A SUKUMAR", 6, 1, "12, 59, 107, 117, 132, 179"},
		{"M KOSKENNIEMI", 6, 1, "33, 54, 146, 148, 154, 158"},
		{"T WANG", 5, 1, "14, 15, 16, 66, 143"},
	}
	all := lib.MostCited(1 << 20)
	rank := map[string]int{}
	for i, a := range all {
		rank[a.Key] = i
		if i > 0 && a.Citations > all[i-1].Citations {
			t.Errorf("not ranked by citations: %s (%d) after %s (%d)", a.Name, a.Citations, all[i-1].Name, all[i-1].Citations)
		}
		if i > 0 && a.Citations == all[i-1].Citations && a.Key < all[i-1].Key {
			t.Errorf("equal citations not ranked by name: %s after %s", a.Key, all[i-1].Key)
		}
	}
	for i, r := range read {
		j, ok := rank[r.key]
		if !ok {
			t.Errorf("%s not counted at all (cited in footnotes %s)", r.key, r.places)
			continue
		}
		if a := all[j]; a.Citations != r.citations || a.Works != r.works {
			t.Errorf("%s: %d citations of %d works, read %d of %d in footnotes %s", r.key, a.Citations, a.Works, r.citations, r.works, r.places)
		}
		if i > 0 && rank[read[i-1].key] > j {
			t.Errorf("%s ranked before %s", read[i-1].key, r.key)
		}
	}
	top := lib.MostCited(10)
	if len(top) != 10 || !slices.Equal(top, all[:10]) {
		t.Errorf("MostCited(10) is not the first ten of the ranking: %+v", top)
	}
	if m := all[rank["L MALKSOO"]]; !m.Person || rank["L MALKSOO"] >= 10 {
		t.Errorf("Mälksoo must be a person in the top ten: rank %d, %+v", rank["L MALKSOO"], m)
	}
}
