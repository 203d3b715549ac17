package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/app/article"
)

// record is what a reader gets back from an export: enough to compare
// with the source it came from.
type record struct {
	Key, Type                 string
	Authors, Editors          []string
	Title, Container, Year    string
	URL, Symbol, Place, Pages string
}

func wantRecord(s *Source) record {
	sym := s.Symbol
	if sym == "" {
		sym = s.Number
	}
	return record{Key: s.Key, Authors: s.Authors, Editors: s.Editors, Title: s.Title, Container: s.Container,
		Year: s.Year, URL: exportURL(s.URL), Symbol: sym, Place: s.Place, Pages: s.Pages}
}

// oddSource has every character the exports must protect.
func oddSource() Source {
	return Source{ID: "src-odd", Key: "odd2024quotes", Work: Work{
		Kind:      KindChapter,
		Authors:   []string{"А. ИВАНОВ", "PRIVACY INTERNATIONAL AND ELECTRONIC FRONTIER FOUNDATION", "J. O'NEILL"},
		Editors:   []string{"M. MÜLLER"},
		Title:     `Quotes "in" {braces}, 50% & $5 #1 under_score ~tilde^ back\slash: Международное право`,
		Container: "Law & Order {Review}",
		Year:      "2024", Date: "1st September 2024", Pages: "10-20", Place: "Москва",
		Symbol: "A/RES/79/243", URL: "www.example.org/a_b?x=1&y=%20",
	}}
}

func exportSources(t *testing.T) []Source {
	t.Helper()
	lib := Extract(articleFootnotes(t))
	return append(append([]Source(nil), lib.Sources...), oddSource())
}

func compareRecords(t *testing.T, format string, sources []Source, got []record, typeOf func(*Source) string) {
	t.Helper()
	if len(got) != len(sources) {
		t.Fatalf("%s: read back %d records, wrote %d", format, len(got), len(sources))
	}
	for i := range sources {
		want := wantRecord(&sources[i])
		want.Type = typeOf(&sources[i])
		g := got[i]
		if fmt.Sprintf("%q", g) != fmt.Sprintf("%q", want) {
			t.Errorf("%s round trip of %s:\n got %q\nwant %q", format, sources[i].Key, g, want)
		}
	}
}

// readBibTeX parses the entries WriteBibTeX writes: @type{key, then
// "name = {value}," lines with balanced braces.
func readBibTeX(t *testing.T, src string) []record {
	t.Helper()
	var out []record
	entry := regexp.MustCompile(`@(\w+)\{([^,\s]+),\n`)
	for {
		loc := entry.FindStringSubmatchIndex(src)
		if loc == nil {
			break
		}
		r := record{Type: src[loc[2]:loc[3]], Key: src[loc[4]:loc[5]]}
		subtype := ""
		src = src[loc[1]:]
		for {
			src = strings.TrimLeft(src, " \n")
			if strings.HasPrefix(src, "}") {
				src = src[1:]
				break
			}
			eq := strings.Index(src, " = {")
			if eq < 0 {
				t.Fatalf("bibtex: entry %s: no field in %.40q", r.Key, src)
			}
			name := src[:eq]
			depth, i := 0, eq+3
			for ; i < len(src); i++ {
				if src[i] == '\\' {
					i++
					continue
				}
				if src[i] == '{' {
					depth++
				} else if src[i] == '}' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if depth != 0 {
				t.Fatalf("bibtex: entry %s field %s: unbalanced braces", r.Key, name)
			}
			raw := src[eq+4 : i]
			src = strings.TrimPrefix(src[i+1:], ",")
			if name != "author" && name != "editor" && name != "url" {
				raw = bibPlain(raw)
			}
			switch name {
			case "author":
				r.Authors = bibReadNames(raw)
			case "editor":
				r.Editors = bibReadNames(raw)
			case "title":
				r.Title = bibUnescape(raw)
			case "journal", "booktitle", "howpublished":
				r.Container = bibUnescape(raw)
			case "type":
				subtype = raw
			case "institution", "organization":
				// the publisher of a report or site: the container when
				// the citation gives one, else the institution that wrote
				// it; the court, State or organ of a legal source
				if (r.Type == "report" || r.Type == "online") && subtype != "UN document" && (len(r.Authors) == 0 || raw != r.Authors[0]) {
					r.Container = raw
				}
			case "year":
				r.Year = bibUnescape(raw)
			case "url":
				r.URL = bibUnescape(raw)
			case "number":
				r.Symbol = bibUnescape(raw)
			case "address":
				r.Place = bibUnescape(raw)
			case "pages":
				r.Pages = strings.ReplaceAll(bibUnescape(raw), "--", "-")
			}
		}
		out = append(out, r)
	}
	return out
}

// bibPlain reads a protected value back: escapes undone, the braces that
// keep capitals dropped.
func bibPlain(s string) string {
	s = strings.NewReplacer(`{"}`, "\x00q", `\textbackslash{}`, "\x00b", `\textasciitilde{}`, "~", `\textasciicircum{}`, "^").Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == '{' || s[i] == '}':
		default:
			b.WriteByte(s[i])
		}
	}
	return strings.NewReplacer("\x00q", `"`, "\x00b", `\`).Replace(b.String())
}

func bibUnescape(s string) string {
	r := strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, "~", `\textasciicircum{}`, "^",
		`{"}`, `"`, `\{`, "{", `\}`, "}", `\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#", `\_`, "_")
	return r.Replace(s)
}

// bibReadNames splits "Family, Given and {Institution}" at top-level "and".
func bibReadNames(s string) []string {
	var names []string
	depth, last := 0, 0
	flush := func(part string) {
		part = strings.TrimSpace(part)
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			names = append(names, bibUnescape(part[1:len(part)-1]))
			return
		}
		fam, giv, _ := strings.Cut(part, ", ")
		names = append(names, Name{Family: bibUnescape(fam), Given: bibUnescape(giv)}.String())
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '{':
			depth++
		case s[i] == '}':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], " and "):
			flush(s[last:i])
			last = i + 5
			i += 4
		}
	}
	flush(s[last:])
	return names
}

func TestBibTeXRoundTrip(t *testing.T) {
	sources := exportSources(t)
	var buf bytes.Buffer
	if err := WriteBibTeX(&buf, sources); err != nil {
		t.Fatal(err)
	}
	compareRecords(t, "bibtex", sources, readBibTeX(t, buf.String()), func(s *Source) string { return bibType[s.Kind] })
	out := buf.String()
	for _, want := range []string{
		`title = {{Quotes} {"}in{"} \{braces\}, 50\% \& \$5 \#1 under\_score \textasciitilde{}tilde\textasciicircum{} back\textbackslash{}slash: {Международное} право}`,
		`author = {ИВАНОВ, А. and {PRIVACY INTERNATIONAL AND ELECTRONIC FRONTIER FOUNDATION} and O'NEILL, J.}`,
		`@incollection{odd2024quotes,`, `date = {2024-09-01}`, `pages = {10--20}`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("bibtex output lacks %q", want)
		}
	}
}

// readRIS parses RIS records strictly: every line "XX  - value", records
// from TY to ER.
func readRIS(t *testing.T, src string) []record {
	t.Helper()
	line := regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
	var out []record
	var r *record
	for _, l := range strings.Split(src, "\n") {
		if !strings.HasSuffix(l, "\r") && l != "" {
			t.Fatalf("ris: line %q does not end in CR LF", l)
		}
		l = strings.TrimSuffix(l, "\r")
		if l == "" {
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("ris: malformed line %q", l)
		}
		tag, v := m[1], m[2]
		if tag == "TY" {
			if r != nil {
				t.Fatalf("ris: TY before ER")
			}
			r = &record{Type: v}
			continue
		}
		if r == nil {
			t.Fatalf("ris: %s outside a record", tag)
		}
		switch tag {
		case "ER":
			out = append(out, *r)
			r = nil
		case "ID":
			r.Key = v
		case "AU":
			r.Authors = append(r.Authors, risReadName(v))
		case "ED":
			r.Editors = append(r.Editors, risReadName(v))
		case "TI":
			r.Title = v
		case "T2":
			r.Container = v
		case "PY":
			r.Year = v
		case "UR":
			r.URL = v
		case "SN":
			r.Symbol = v
		case "M1":
			if r.Symbol == "" {
				r.Symbol = v
			}
		case "CY":
			r.Place = v
		case "SP":
			r.Pages = v
		case "EP":
			r.Pages += "-" + v
		}
	}
	if r != nil {
		t.Fatalf("ris: record %s not closed by ER", r.Key)
	}
	return out
}

func risReadName(v string) string {
	fam, giv, ok := strings.Cut(v, ", ")
	if !ok {
		return v
	}
	return Name{Family: fam, Given: giv}.String()
}

func TestRISRoundTrip(t *testing.T) {
	sources := exportSources(t)
	var buf bytes.Buffer
	if err := WriteRIS(&buf, sources); err != nil {
		t.Fatal(err)
	}
	compareRecords(t, "ris", sources, readRIS(t, buf.String()), func(s *Source) string { return risType[s.Kind] })
	if !strings.Contains(buf.String(), "DA  - 2024/09/01/\r\n") {
		t.Errorf("ris output lacks the full date of the odd source")
	}
}

// cslTypes is the CSL 1.0.2 item type vocabulary.
var cslTypes = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast
		chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic
		hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference
		patent performance periodical personal_communication post post-weblog regulation report review review-book
		software song speech standard thesis treaty webpage`) {
		cslTypes[t] = true
	}
}

func TestCSLJSONRoundTrip(t *testing.T) {
	sources := exportSources(t)
	var buf bytes.Buffer
	if err := WriteCSLJSON(&buf, sources); err != nil {
		t.Fatal(err)
	}
	var items []CSLItem
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&items); err != nil {
		t.Fatalf("csl-json does not read back: %v", err)
	}
	var got []record
	for _, it := range items {
		if it.ID == "" || !cslTypes[it.Type] {
			t.Errorf("csl-json item %q: type %q not in the CSL vocabulary", it.ID, it.Type)
		}
		for _, n := range append(append([]CSLName(nil), it.Author...), it.Editor...) {
			if (n.Literal == "") == (n.Family == "") {
				t.Errorf("csl-json item %s: name %+v must be literal or family/given", it.ID, n)
			}
		}
		r := record{Key: it.ID, Type: it.Type, Title: it.Title, Container: it.ContainerTitle, URL: it.URL,
			Symbol: it.Number, Place: it.PublisherPlace, Pages: it.Page}
		for _, n := range it.Author {
			r.Authors = append(r.Authors, Name{Family: n.Family, Given: n.Given, Literal: n.Literal}.String())
		}
		for _, n := range it.Editor {
			r.Editors = append(r.Editors, Name{Family: n.Family, Given: n.Given, Literal: n.Literal}.String())
		}
		if it.Issued != nil && len(it.Issued.DateParts) == 1 && len(it.Issued.DateParts[0]) > 0 {
			r.Year = fmt.Sprint(it.Issued.DateParts[0][0])
		}
		got = append(got, r)
	}
	compareRecords(t, "csl-json", sources, got, func(s *Source) string { return cslType[s.Kind] })
	odd := items[len(items)-1]
	if fmt.Sprint(odd.Issued.DateParts) != "[[2024 9 1]]" || odd.Author[0].Family != "ИВАНОВ" {
		t.Errorf("csl-json odd source: issued %v, first author %+v", odd.Issued.DateParts, odd.Author[0])
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ in, given, family, literal string }{
		{"T. WANG", "T.", "WANG", ""},
		{"R. P. Anand", "R. P.", "Anand", ""},
		{"F.M. PALOMBINO", "F.M.", "PALOMBINO", ""},
		{"E. SCHER-ZAGIER", "E.", "SCHER-ZAGIER", ""},
		{"B. TOSO DE ALCANTARA", "B.", "TOSO DE ALCANTARA", ""},
		{"M SMIMOVA", "M", "SMIMOVA", ""},
		{"А. ИВАНОВ", "А.", "ИВАНОВ", ""},
		{"PETERS", "", "", "PETERS"},
		{"WEN JIABAO", "", "", "WEN JIABAO"},
		{"MINISTRY OF FOREIGN AFFAIRS OF RUSSIAN FEDERATION", "", "", "MINISTRY OF FOREIGN AFFAIRS OF RUSSIAN FEDERATION"},
	}
	for _, tt := range tests {
		n := SplitName(tt.in)
		if n.Given != tt.given || n.Family != tt.family || n.Literal != tt.literal {
			t.Errorf("SplitName(%q) = %+v", tt.in, n)
		}
		if n.String() != tt.in {
			t.Errorf("SplitName(%q).String() = %q", tt.in, n.String())
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	err := Export(&bytes.Buffer{}, "endnote", nil)
	if err == nil || !strings.Contains(err.Error(), "endnote") {
		t.Errorf("Export(endnote) error = %v", err)
	}
}

// TestAccessedDate: a footnote that says when a site was read gives
// biblatex its urldate, RIS its Y2 and CSL its accessed date.
func TestAccessedDate(t *testing.T) {
	lib := Extract([]article.Footnote{{N: 1, Text: "A. SMITH, Cyber Norms, in Lawfare, 2 March 2021, available at www.lawfaremedia.org, last accessed 3 May 2024."}})
	if len(lib.Sources) != 1 || lib.Sources[0].Accessed != "3 May 2024" || lib.Sources[0].Kind != KindWeb {
		t.Fatalf("sources %+v", lib.Sources)
	}
	for format, want := range map[string]string{FormatBibTeX: "urldate = {2024-05-03}", FormatRIS: "Y2  - 2024/05/03", FormatCSLJSON: `"accessed": {
      "date-parts": [
        [
          2024,
          5,
          3`} {
		var buf bytes.Buffer
		if err := Export(&buf, format, lib.Sources); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s lacks %q:\n%s", format, want, buf.String())
		}
	}
}
