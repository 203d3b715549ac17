// Package cite finds the works cited in an article's footnotes, resolves the
// short forms legal footnotes use ("Ibid.", "AUTHOR, Title, cit.", short
// titles the article defines such as "2016 Joint Declaration") to the work
// they point at, and merges every mention of one work into one Source.
//
// Primary sources (treaties, UN resolutions and documents, national laws,
// cases, official statements) are kinds of their own, decided by the rules
// in kind.go, with the fields that identify them (parties, organ, court,
// number, State, series); prose that names one ("the Agreement between
// China and India ... of 29 April 1954") yields it too. Sources export to
// biblatex, RIS and CSL-JSON and copy as OSCOLA footnotes.
//
// Extraction is heuristic: it reads citation conventions (initials and
// capitalised surnames, "in" before a container, "(eds.)", "available at",
// UN document symbols, pinpoints) rather than a fixed list of works, and it
// reports what it cannot settle as a Problem instead of guessing silently.
// The package has no dependency on Fyne or SQL.
package cite

import (
	"sort"

	"github.com/glossa-app/glossa/app/article"
)

// Kind is the type of a cited work.
type Kind string

// Kinds of work.
const (
	KindBook        Kind = "book"
	KindArticle     Kind = "article"     // journal article, encyclopedia entry
	KindChapter     Kind = "chapter"     // chapter in an edited volume
	KindUNDocument  Kind = "un-document" // UN report, letter, note or other document of a UN body (body, symbol, date)
	KindResolution  Kind = "resolution"  // resolution of a UN organ (body, symbol such as A/RES/79/243, date)
	KindTreaty      Kind = "treaty"      // treaty, convention, agreement (parties, date of signature, where published)
	KindCase        Kind = "case"        // judgment, advisory opinion (court, parties, number, date, report)
	KindLegislation Kind = "legislation" // national law (state, title, number, date)
	KindOfficial    Kind = "official"    // statements, declarations, speeches, press releases, proposals of States and officials (issuing body, date)
	KindReport      Kind = "report"      // reports and papers of institutes, NGOs and companies
	KindWeb         Kind = "web"         // web pages, press and blog items
	KindOther       Kind = "other"
)

// Form says how a footnote cites a work.
type Form string

// Forms of citation.
const (
	FormFull  Form = "full"  // the complete reference
	FormShort Form = "short" // "cit." or a short title
	FormIbid  Form = "ibid"  // "Ibid."
)

// Work is what a full citation says about one work.
type Work struct {
	Kind      Kind     `json:"kind"`
	Authors   []string `json:"authors"`             // as written, persons and institutions
	Title     string   `json:"title"`               // emphasis removed
	Container string   `json:"container,omitempty"` // journal, book, site
	Editors   []string `json:"editors,omitempty"`
	Place     string   `json:"place,omitempty"`
	Year      string   `json:"year,omitempty"`
	Date      string   `json:"date,omitempty"` // "31 August 2023" when the citation gives a day
	Volume    string   `json:"volume,omitempty"`
	Pages     string   `json:"pages,omitempty"`  // first page or range of an article or chapter ("227", "25-26")
	Symbol    string   `json:"symbol,omitempty"` // UN document symbol, "A/RES/79/243"
	URL       string   `json:"url,omitempty"`    // as written: "www.unodc.org"
	Short     string   `json:"short,omitempty"`  // short title the article defines for it

	// Fields that identify primary sources (see PrimaryFields).
	Translators []string `json:"translators,omitempty"`
	Parties     []string `json:"parties,omitempty"`   // treaty: States or organisations; case: applicant and respondent
	Body        string   `json:"body,omitempty"`      // UN document, resolution, official statement: the issuing organ
	Court       string   `json:"court,omitempty"`     // case
	Number      string   `json:"number,omitempty"`    // application or case number, law number ("398-FZ")
	State       string   `json:"state,omitempty"`     // legislation: the State that enacted it
	Published   string   `json:"published,omitempty"` // where a treaty or a case is published: "ETS No. 185", "Series A/B, No. 41"
	Accessed    string   `json:"accessed,omitempty"`  // "last accessed 3 May 2024": when the site was read
}

// Place is one mention of a source in a footnote.
type Place struct {
	Footnote int    `json:"footnote"`
	Pinpoint string `json:"pinpoint,omitempty"` // "p. 100 ff.", "para. 2", "lett. j)"
	Form     Form   `json:"form"`
}

// Source is one cited work with every place that cites it.
type Source struct {
	ID  string `json:"id"`  // stable: derived from the normalised authors, title and symbol
	Key string `json:"key"` // citation key for exports ("malksoo2015russian"), stable and unique
	Work
	AuthorKeys []string `json:"author_keys"` // normalised authors, for matching
	CitedIn    []Place  `json:"cited_in"`    // in footnote order
}

// Citation is one reference to a work inside a footnote.
type Citation struct {
	Footnote int    `json:"footnote"`
	Start    int    `json:"start"` // byte offsets of the citation in Footnote.Text
	End      int    `json:"end"`
	Text     string `json:"text"`
	Form     Form   `json:"form"`
	Pinpoint string `json:"pinpoint,omitempty"`
	// Source is the ID of the work cited; "" when the citation could not be
	// resolved (see Ambiguous, Candidates and Library.Problems).
	Source     string   `json:"source,omitempty"`
	Ambiguous  bool     `json:"ambiguous,omitempty"`
	Candidates []string `json:"candidates,omitempty"` // source IDs a short form could point at
	Note       string   `json:"note,omitempty"`       // why it is ambiguous or unresolved
}

// Problem is a short form the resolver could not settle.
type Problem struct {
	Footnote   int      `json:"footnote"`
	Kind       string   `json:"kind"` // ProblemAmbiguous or ProblemUnresolved
	Text       string   `json:"text"`
	Message    string   `json:"message"`
	Candidates []string `json:"candidates,omitempty"`
}

// Kinds of Problem.
const (
	ProblemAmbiguous  = "ambiguous"
	ProblemUnresolved = "unresolved"
)

// Library is every source cited in a set of footnotes.
type Library struct {
	Sources   []Source   // sorted by Key
	Citations []Citation // in footnote order, then order within the footnote
	Problems  []Problem  // in footnote order

	byID   map[string]int
	search *searchIndex
}

// Source returns the source with the given ID.
func (l *Library) Source(id string) (*Source, bool) {
	i, ok := l.byID[id]
	if !ok {
		return nil, false
	}
	return &l.Sources[i], true
}

// CitationsIn returns the citations of footnote n in their order.
func (l *Library) CitationsIn(n int) []Citation {
	lo := sort.Search(len(l.Citations), func(i int) bool { return l.Citations[i].Footnote >= n })
	hi := lo
	for hi < len(l.Citations) && l.Citations[hi].Footnote == n {
		hi++
	}
	return l.Citations[lo:hi]
}

// Extract finds the works cited in footnotes (in any order; they are read in
// number order) and resolves their short forms.
func Extract(footnotes []article.Footnote) *Library {
	fns := append([]article.Footnote(nil), footnotes...)
	sort.SliceStable(fns, func(i, j int) bool { return fns[i].N < fns[j].N })
	r := newResolver()
	for _, fn := range fns {
		r.footnote(fn)
	}
	return r.library()
}
