package cite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glossa-app/glossa/app/lazyre"
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

var personName = lazyre.New(`^((?:\p{Lu}(?:\.\s?|\s)){1,3}?)\s*(\p{Lu}[\p{L}'’\-]+(?:[ \-](?:DE|LA|DA|\p{Lu}[\p{L}'’\-]+))*)$`)

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
	return parseDate(w.Date, w.Year)
}

// parseDate reads "31 August 2023", else the bare year.
func parseDate(date, year string) (y, m, d int) {
	if f := strings.Fields(date); len(f) == 3 {
		d, _ = strconv.Atoi(strings.TrimRight(f[0], "stndrh"))
		m = monthNum[strings.ToLower(f[1])]
		y, _ = strconv.Atoi(f[2])
		if y > 0 && m > 0 {
			return y, m, d
		}
	}
	y, _ = strconv.Atoi(year)
	return y, 0, 0
}

// accessedISO is when a site was read, "2024-05-03", or "".
func accessedISO(w Work) string {
	if y, m, d := parseDate(w.Accessed, ""); y > 0 && d > 0 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	return ""
}

// ---- BibTeX ----

// bibType maps kinds to biblatex entry types, which biber, Zotero and
// pandoc read: @online for web sites, @jurisdiction, @legislation and
// @legal for the legal kinds. Each legal entry also carries a "type"
// field, so a reader that lacks these types and falls back to @misc
// still says what the source is.
var bibType = map[Kind]string{
	KindBook: "book", KindArticle: "article", KindChapter: "incollection", KindReport: "report",
	KindWeb: "online", KindCase: "jurisdiction", KindLegislation: "legislation", KindTreaty: "legal",
	KindResolution: "legal", KindUNDocument: "report", KindOfficial: "misc", KindOther: "misc",
}

// bibSubtype is the "type" field of an entry: what the source is, in words.
var bibSubtype = map[Kind]string{
	KindCase: "judgment", KindLegislation: "law", KindTreaty: "treaty", KindResolution: "resolution",
	KindUNDocument: "UN document", KindOfficial: "official statement", KindReport: "report",
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

// bibText escapes s and puts every word that holds a capital in braces.
// BibTeX styles and pandoc set titles in sentence case and lowercase
// every unprotected capital ("Anchugov and gladkov v. russia", "the
// u.n."); the footnotes write proper nouns and acronyms as they must
// stay, and braces keep them so.
func bibText(s string) string {
	if s != "" && strings.IndexFunc(s, unicode.IsLower) < 0 {
		return "{" + bibEscape(s) + "}" // a name in capitals: one group
	}
	var b strings.Builder
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if strings.IndexFunc(w, unicode.IsUpper) < 0 {
			b.WriteString(bibEscape(w))
			continue
		}
		// braces round the word, punctuation outside: "{Preamble},"
		lo := strings.IndexFunc(w, isWordRune)
		hi := strings.LastIndexFunc(w, isWordRune)
		_, size := utf8.DecodeRuneInString(w[hi:])
		hi += size
		b.WriteString(bibEscape(w[:lo]) + "{" + bibEscape(w[lo:hi]) + "}" + bibEscape(w[hi:]))
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
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

// isoDate writes a source's date as biblatex and CSL want it:
// "2021-07-14", "2021-07" or "2021"; "" when there is no year.
func isoDate(w Work) string {
	y, m, d := dateParts(w)
	switch {
	case y == 0:
		return ""
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// organisation is who publishes a web page or a report: its site or
// series, else an institution that wrote it.
func organisation(s *Source) string {
	if s.Container != "" {
		return s.Container
	}
	if s.Body != "" {
		return s.Body
	}
	if len(s.Authors) > 0 && SplitName(s.Authors[0]).Literal != "" {
		return s.Authors[0]
	}
	return ""
}

// WriteBibTeX writes one biblatex entry per source.
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
		field("translator", bibNames(s.Translators))
		field("title", bibText(s.Title))
		field("type", bibSubtype[s.Kind])
		switch s.Kind {
		case KindArticle:
			field("journal", bibText(s.Container))
		case KindChapter:
			field("booktitle", bibText(s.Container))
		case KindReport, KindUNDocument:
			inst := organisation(s)
			if s.Kind == KindUNDocument && s.Body != "" {
				inst = s.Body
			}
			field("institution", bibText(inst))
		case KindWeb:
			field("organization", bibText(organisation(s)))
		case KindCase:
			field("institution", bibText(s.Court))
		case KindLegislation:
			field("institution", bibText(s.State))
		case KindResolution, KindOfficial:
			field("organization", bibText(s.Body))
			field("howpublished", bibText(s.Container))
		default:
			field("howpublished", bibText(s.Container))
		}
		field("volume", bibEscape(s.Volume))
		field("pages", strings.ReplaceAll(bibEscape(s.Pages), "-", "--"))
		field("address", bibText(s.Place))
		field("year", bibEscape(s.Year))
		if y, m, _ := dateParts(s.Work); y > 0 && m > 0 {
			field("date", isoDate(s.Work))
		}
		num := s.Symbol
		if num == "" {
			num = s.Number
		}
		field("number", bibText(num))
		field("series", bibText(s.Published))
		field("shorttitle", bibText(s.Short))
		// biblatex and the url package read url verbatim: escaping "_"
		// or "%" there would put the backslash in the link.
		field("url", bibURL(exportURL(s.URL)))
		field("urldate", accessedISO(s.Work)) // only when the footnote says: the article gives no access dates
		field("note", bibText(exportNote(s)))
		fmt.Fprintf(bw, "  keywords = {glossa:%s}\n}\n\n", s.ID)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cite: write bibtex: %w", err)
	}
	return nil
}

// exportNote is what no field of the formats holds: the parties of a
// treaty, then where the article cites the source.
func exportNote(s *Source) string {
	note := citedNote(s)
	if len(s.Parties) > 0 && s.Kind == KindTreaty {
		note = "Parties: " + strings.Join(s.Parties, ", ") + ". " + note
	}
	return strings.TrimSpace(note)
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
// reads them: CASE a case, STAT a statute, BILL a bill (Zotero's type for
// resolutions), LEGAL a legal rule such as a treaty, GOVDOC a government
// or UN document, ELEC a web page.
var risType = map[Kind]string{
	KindBook: "BOOK", KindArticle: "JOUR", KindChapter: "CHAP", KindReport: "RPRT",
	KindLegislation: "STAT", KindCase: "CASE", KindWeb: "ELEC", KindTreaty: "LEGAL", KindResolution: "BILL",
	KindUNDocument: "GOVDOC", KindOfficial: "GOVDOC", KindOther: "GEN",
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
		// ED is the editor for every reference type, in Zotero and in
		// bibutils; A2 and A3 mean other roles for some types (bibutils
		// reads a chapter's A2 as its book's author).
		for _, e := range s.Editors {
			tag("ED", risName(e))
		}
		for _, e := range s.Translators {
			tag("A4", risName(e))
		}
		tag("TI", s.Title)
		tag("T2", s.Container)
		tag("M3", bibSubtype[s.Kind])
		// the court, the enacting State or the issuing organ publishes it
		switch {
		case s.Court != "":
			tag("PB", s.Court)
		case s.State != "":
			tag("PB", s.State)
		case s.Body != "":
			tag("PB", s.Body)
		}
		tag("M1", s.Number)
		tag("T3", s.Published)
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
		tag("Y2", strings.ReplaceAll(accessedISO(s.Work), "-", "/"))
		tag("N1", exportNote(s))
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
	KindResolution: "bill", KindUNDocument: "report", KindOfficial: "document", KindOther: "document",
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
	Translator     []CSLName `json:"translator,omitempty"`
	Genre          string    `json:"genre,omitempty"`
	Authority      string    `json:"authority,omitempty"` // court, enacting State, issuing organ
	Publisher      string    `json:"publisher,omitempty"` // the site or institution of a web page or report
	Collection     string    `json:"collection-title,omitempty"`
	Issued         *CSLDate  `json:"issued,omitempty"`
	Accessed       *CSLDate  `json:"accessed,omitempty"`
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
			URL: exportURL(s.URL), Note: exportNote(s),
			Translator: cslNames(s.Translators), Genre: bibSubtype[s.Kind], Collection: s.Published,
		}
		if it.Number == "" {
			it.Number = s.Number
		}
		switch {
		case s.Court != "":
			it.Authority = s.Court
		case s.State != "":
			it.Authority = s.State
		case s.Body != "":
			it.Authority = s.Body
		}
		if s.Kind == KindWeb || s.Kind == KindReport {
			it.Publisher = organisation(s)
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
		if y, m, d := parseDate(s.Accessed, ""); d > 0 {
			it.Accessed = &CSLDate{DateParts: [][]int{{y, m, d}}}
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
