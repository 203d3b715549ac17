package cite

import (
	"sort"
	"strings"
)

// Reference is the source as one line, the way a footnote would give it
// in full: authors, title, container, then place, date, year, symbol,
// site, and the short title the article uses for it.
func (s *Source) Reference() string {
	before, title, after := s.ReferenceParts()
	return before + title + after
}

// ReferenceParts is Reference split around the title, so that a screen
// can set the title in italics as the article does.
func (s *Source) ReferenceParts() (before, title, after string) {
	if a := s.AuthorLine(); a != "" {
		if len(s.Authors) == 0 {
			a += " (eds.)"
		}
		before = a + ", "
	}
	var rest []string
	if s.Container != "" {
		c := "in " + s.Container
		if len(s.Authors) > 0 && len(s.Editors) > 0 {
			c = "in " + strings.Join(s.Editors, "; ") + " (eds.), " + s.Container
		}
		rest = append(rest, c)
	}
	if s.Volume != "" {
		rest = append(rest, "vol. "+s.Volume)
	}
	pages := ""
	if s.Pages != "" {
		pages = "p. " + s.Pages
		if strings.ContainsAny(s.Pages, "-–") {
			pages = "pp. " + s.Pages
		}
	}
	// a case's court, a law's State, then where and when, then the
	// numbers that identify it
	number := ""
	if s.Number != "" {
		number = "no. " + s.Number
		if s.Court == "European Court of Human Rights" {
			number = "Application no. " + s.Number
		}
	}
	for _, v := range []string{s.Court, s.State, s.Place, s.Date, s.Year, pages, number, s.Published, s.Symbol, s.URL} {
		if v != "" && !(v == s.Year && s.Date != "") && !strings.Contains(s.Title, v) {
			rest = append(rest, v)
		}
	}
	if len(rest) > 0 {
		after = ", " + strings.Join(rest, ", ")
	}
	if s.Short != "" {
		after += ` ("` + s.Short + `")`
	}
	if s.Title == "" {
		// a citation that gives no title: no empty slot between commas
		before = strings.TrimSuffix(before, ", ")
		if before == "" {
			after = strings.TrimPrefix(after, ", ")
		}
	}
	return before, s.Title, after
}

// IsPerson reports whether an author as written is a person ("L. MÄLKSOO",
// "M AKSENOVA") rather than an institution ("PRESIDENT OF RUSSIA"): persons
// are written with initials.
func IsPerson(author string) bool {
	return SplitName(author).Literal == ""
}

// SortName orders sources by author: the first author's (or, for an
// edited book, the first editor's) surname, then initials. Works with
// neither sort after all the others, by title.
func (s *Source) SortName() string {
	names := s.Authors
	if len(names) == 0 {
		names = s.Editors
	}
	if len(names) == 0 {
		return "\uffff" + titleKey(s.Title)
	}
	k := authorKey(names[0])
	return surname(k) + "\x00" + k + "\x00" + titleKey(s.Title)
}

// AuthorCount is how often the footnotes cite one author's works.
type AuthorCount struct {
	Name      string // as first written, in Source order
	Key       string // normalised, what the counting groups on
	Person    bool
	Citations int // places that cite any of the author's works
	Works     int
}

// MostCited ranks the authors (persons and institutions; editors of
// edited books that have no author) by the citations of their works,
// most cited first, ties by name; at most n.
func (l *Library) MostCited(n int) []AuthorCount {
	at := map[string]int{}
	var out []AuthorCount
	for i := range l.Sources {
		s := &l.Sources[i]
		names := s.Authors
		if len(names) == 0 {
			names = s.Editors
		}
		seen := map[string]bool{}
		for _, a := range names {
			k := authorKey(a)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			j, ok := at[k]
			if !ok {
				j = len(out)
				at[k] = j
				out = append(out, AuthorCount{Name: a, Key: k, Person: IsPerson(a)})
			}
			out[j].Citations += len(s.CitedIn)
			out[j].Works++
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Citations != out[j].Citations {
			return out[i].Citations > out[j].Citations
		}
		return out[i].Key < out[j].Key
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
