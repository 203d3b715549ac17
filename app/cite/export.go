package cite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Export formats.
const (
	FormatBibTeX  = "bibtex"
	FormatRIS     = "ris"
	FormatCSLJSON = "csl-json"
)

// Formats lists the export formats Export accepts.
var Formats = []string{FormatBibTeX, FormatRIS, FormatCSLJSON}

// Export writes sources in one of Formats. Entries are keyed by Source.Key,
// so keys stay the same from one run to the next.
func Export(w io.Writer, format string, sources []Source) error {
	switch format {
	case FormatBibTeX:
		return WriteBibTeX(w, sources)
	case FormatRIS:
		return WriteRIS(w, sources)
	case FormatCSLJSON:
		return WriteCSLJSON(w, sources)
	}
	return fmt.Errorf("cite: unknown export format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Name is a person's name split for export, or an institution (Literal).
type Name struct {
	Family, Given string
	Literal       string // set for institutions and names that do not split
}

var personName = regexp.MustCompile(`^((?:\p{Lu}(?:\.\s?|\s)){1,3}?)\s*(\p{Lu}[\p{L}'’\-]+(?:[ \-](?:DE|LA|DA|\p{Lu}[\p{L}'’\-]+))*)$`)

// SplitName splits an author as written ("T. WANG", "R. P. Anand",
// "E. SCHER ZAGIER") into given and family names. Names without initials
// (institutions, "WEN JIABAO") come back as Literal.
func SplitName(a string) Name {
	a = strings.TrimSpace(a)
	m := personName.FindStringSubmatch(a)
	// "U.N. HUMAN RIGHTS COMMITTEE" has the shape of initials and a
	// surname, but names a body.
	if m == nil || strings.TrimSpace(m[1]) == "" || len(strings.Fields(m[2])) > 3 || instWordRe.MatchString(capWords(m[2])) {
		return Name{Literal: a}
	}
	return Name{Given: strings.TrimSpace(m[1]), Family: m[2]}
}

// capWords writes every word capitalised and the rest lower case, the
// shape instWordRe reads ("HUMAN RIGHTS COMMITTEE" -> "Human Rights Committee").
func capWords(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}

// String writes the name back as citations print it.
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	return strings.TrimSpace(n.Given + " " + n.Family)
}

// exportURL makes an address usable as a link: citations give sites as
// "www.unodc.org".
func exportURL(u string) string {
	if u == "" || strings.Contains(u, "://") {
		return u
	}
	return "https://" + u
}

var monthNum = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// dateParts reads "31 August 2023" or a bare year into year, month, day
// (zero when unknown).
func dateParts(w Work) (y, m, d int) {
	if f := strings.Fields(w.Date); len(f) == 3 {
		d, _ = strconv.Atoi(strings.TrimRight(f[0], "stndrh"))
		m = monthNum[strings.ToLower(f[1])]
		y, _ = strconv.Atoi(f[2])
		if y > 0 && m > 0 {
			return y, m, d
		}
	}
	y, _ = strconv.Atoi(w.Year)
	return y, 0, 0
}

// ---- BibTeX ----

// bibType maps kinds to BibTeX (and biblatex) entry types that Zotero and
// biber import: @legislation and @jurisdiction are biblatex types.
var bibType = map[Kind]string{
	KindBook: "book", KindArticle: "article", KindChapter: "incollection", KindReport: "techreport",
	KindLegislation: "legislation", KindCase: "jurisdiction",
	KindUNDocument: "misc", KindResolution: "misc", KindTreaty: "misc", KindOfficial: "misc", KindWeb: "misc", KindOther: "misc",
}

// bibEscape protects BibTeX and LaTeX specials. Non-ASCII text (accents,
// Cyrillic) stays UTF-8 for biber and modern BibTeX.
func bibEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '"':
			b.WriteString(`{"}`)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func bibNames(names []string) string {
	var parts []string
	for _, a := range names {
		n := SplitName(a)
		if n.Literal != "" {
			// Braces keep an institution one name: BibTeX would split
			// "PRIVACY INTERNATIONAL AND ..." at "AND".
			parts = append(parts, "{"+bibEscape(n.Literal)+"}")
			continue
		}
		parts = append(parts, bibEscape(n.Family)+", "+bibEscape(n.Given))
	}
	return strings.Join(parts, " and ")
}

// WriteBibTeX writes one entry per source.
func WriteBibTeX(w io.Writer, sources []Source) error {
	bw := bufio.NewWriter(w)
	for i := range sources {
		s := &sources[i]
		typ := bibType[s.Kind]
		if typ == "" {
			typ = "misc"
		}
		fmt.Fprintf(bw, "@%s{%s,\n", typ, s.Key)
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(bw, "  %s = {%s},\n", name, value)
			}
		}
		field("author", bibNames(s.Authors))
		field("editor", bibNames(s.Editors))
		field("title", bibEscape(s.Title))
		switch s.Kind {
		case KindArticle:
			field("journal", bibEscape(s.Container))
		case KindChapter:
			field("booktitle", bibEscape(s.Container))
		case KindReport:
			inst := s.Container
			if inst == "" && len(s.Authors) > 0 && SplitName(s.Authors[0]).Literal != "" {
				inst = s.Authors[0]
			}
			field("institution", bibEscape(inst))
		default:
			field("howpublished", bibEscape(s.Container))
		}
		field("volume", bibEscape(s.Volume))
		field("pages", strings.ReplaceAll(bibEscape(s.Pages), "-", "--"))
		field("address", bibEscape(s.Place))
		field("year", bibEscape(s.Year))
		if y, m, d := dateParts(s.Work); m > 0 {
			date := fmt.Sprintf("%04d-%02d", y, m)
			if d > 0 {
				date += fmt.Sprintf("-%02d", d)
			}
			field("date", date)
		}
		field("number", bibEscape(s.Symbol))
		field("shorttitle", bibEscape(s.Short))
		// biblatex and the url package read url verbatim: escaping "_"
		// or "%" there would put the backslash in the link.
		field("url", bibURL(exportURL(s.URL)))
		field("note", bibEscape(citedNote(s)))
		fmt.Fprintf(bw, "  keywords = {glossa:%s}\n}\n\n", s.ID)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cite: write bibtex: %w", err)
	}
	return nil
}

// bibURL keeps an address verbatim; only braces, which would end the
// field, are percent-encoded.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", "\\", "%5C").Replace(u)
}

// citedNote says where the article cites a source: "Cited in nn. 14, 15".
func citedNote(s *Source) string {
	if len(s.CitedIn) == 0 {
		return ""
	}
	var ns []string
	last := -1
	for _, p := range s.CitedIn {
		if p.Footnote != last {
			ns = append(ns, strconv.Itoa(p.Footnote))
			last = p.Footnote
		}
	}
	if len(ns) == 1 {
		return "Cited in n. " + ns[0]
	}
	return "Cited in nn. " + strings.Join(ns, ", ")
}

// ---- RIS ----

// risType maps kinds to RIS reference types as Zotero's RIS translator
// reads them (GOVDOC and RPRT import as reports, STAT as a statute).
var risType = map[Kind]string{
	KindBook: "BOOK", KindArticle: "JOUR", KindChapter: "CHAP", KindReport: "RPRT",
	KindLegislation: "STAT", KindCase: "CASE", KindWeb: "ELEC",
	KindUNDocument: "GOVDOC", KindResolution: "GOVDOC", KindTreaty: "GOVDOC", KindOfficial: "GOVDOC", KindOther: "GEN",
}

// risValue keeps a value on one line: RIS fields end at the line end.
func risValue(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func risName(a string) string {
	n := SplitName(a)
	if n.Literal != "" {
		return risValue(n.Literal)
	}
	return risValue(n.Family + ", " + n.Given)
}

// WriteRIS writes one record per source: "TAG  - value" lines ending in
// CR LF, each record opened by TY and closed by ER.
func WriteRIS(w io.Writer, sources []Source) error {
	bw := bufio.NewWriter(w)
	for i := range sources {
		s := &sources[i]
		typ := risType[s.Kind]
		if typ == "" {
			typ = "GEN"
		}
		tag := func(t, v string) {
			if v = risValue(v); v != "" {
				fmt.Fprintf(bw, "%s  - %s\r\n", t, v)
			}
		}
		tag("TY", typ)
		tag("ID", s.Key)
		for _, a := range s.Authors {
			tag("AU", risName(a))
		}
		// Zotero reads A3 as a book's editor and A2 as a chapter's or an
		// article's.
		edTag := "A2"
		if s.Kind == KindBook {
			edTag = "A3"
		}
		for _, e := range s.Editors {
			tag(edTag, risName(e))
		}
		tag("TI", s.Title)
		tag("T2", s.Container)
		tag("ST", s.Short)
		tag("PY", s.Year)
		if y, m, d := dateParts(s.Work); m > 0 {
			date := fmt.Sprintf("%04d/%02d/", y, m)
			if d > 0 {
				date += fmt.Sprintf("%02d", d)
			}
			tag("DA", date+"/")
		}
		tag("VL", s.Volume)
		if sp, ep, ok := strings.Cut(s.Pages, "-"); ok {
			tag("SP", sp)
			tag("EP", ep)
		} else {
			tag("SP", s.Pages)
		}
		tag("CY", s.Place)
		tag("SN", s.Symbol)
		tag("UR", exportURL(s.URL))
		tag("N1", citedNote(s))
		tag("KW", "glossa:"+s.ID)
		bw.WriteString("ER  - \r\n\r\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cite: write ris: %w", err)
	}
	return nil
}

// ---- CSL-JSON ----

// cslType maps kinds to the CSL 1.0.2 item type vocabulary.
var cslType = map[Kind]string{
	KindBook: "book", KindArticle: "article-journal", KindChapter: "chapter", KindReport: "report",
	KindLegislation: "legislation", KindCase: "legal_case", KindTreaty: "treaty", KindWeb: "webpage",
	KindUNDocument: "document", KindResolution: "document", KindOfficial: "document", KindOther: "document",
}

// CSLName is a CSL-JSON name: family and given, or literal.
type CSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// CSLDate is a CSL-JSON date.
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSLItem is one CSL-JSON item as WriteCSLJSON writes it.
type CSLItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	CitationKey    string    `json:"citation-key,omitempty"`
	Author         []CSLName `json:"author,omitempty"`
	Editor         []CSLName `json:"editor,omitempty"`
	Title          string    `json:"title,omitempty"`
	TitleShort     string    `json:"title-short,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Volume         string    `json:"volume,omitempty"`
	Page           string    `json:"page,omitempty"`
	PublisherPlace string    `json:"publisher-place,omitempty"`
	Number         string    `json:"number,omitempty"`
	Issued         *CSLDate  `json:"issued,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Note           string    `json:"note,omitempty"`
}

func cslNames(names []string) []CSLName {
	var out []CSLName
	for _, a := range names {
		n := SplitName(a)
		out = append(out, CSLName{Family: n.Family, Given: n.Given, Literal: n.Literal})
	}
	return out
}

// CSLItems converts sources to CSL-JSON items.
func CSLItems(sources []Source) []CSLItem {
	items := make([]CSLItem, 0, len(sources))
	for i := range sources {
		s := &sources[i]
		it := CSLItem{
			ID: s.Key, Type: cslType[s.Kind], CitationKey: s.Key,
			Author: cslNames(s.Authors), Editor: cslNames(s.Editors),
			Title: s.Title, TitleShort: s.Short, ContainerTitle: s.Container,
			Volume: s.Volume, Page: s.Pages, PublisherPlace: s.Place, Number: s.Symbol,
			URL: exportURL(s.URL), Note: citedNote(s),
		}
		if it.Type == "" {
			it.Type = "document"
		}
		if y, m, d := dateParts(s.Work); y > 0 {
			parts := []int{y}
			if m > 0 {
				parts = append(parts, m)
				if d > 0 {
					parts = append(parts, d)
				}
			}
			it.Issued = &CSLDate{DateParts: [][]int{parts}}
		}
		items = append(items, it)
	}
	return items
}

// WriteCSLJSON writes sources as a CSL-JSON array.
func WriteCSLJSON(w io.Writer, sources []Source) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(CSLItems(sources)); err != nil {
		return fmt.Errorf("cite: write csl-json: %w", err)
	}
	return nil
}
