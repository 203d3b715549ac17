package cite

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The exports are read back here by programs Glossa does not write:
// pandoc (its biblatex and CSL-JSON readers, and citeproc to render a
// bibliography) and bibutils' ris2xml for RIS (pandoc 2.17 in Debian 12
// reads no RIS; pandoc 3 from npm renders it, TestRISRenderedByPandoc).
// scripts/deps.sh installs them.

// needTool finds a program the test needs, or fails saying how to get it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: scripts/deps.sh installs it (apt-get install -y pandoc bibutils)", name)
	}
	return p
}

func runTool(t *testing.T, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(needTool(t, name), args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

// exported writes the article's sources in format to a file.
func exported(t *testing.T, format string) (*Library, string) {
	t.Helper()
	lib := Extract(articleFootnotes(t))
	var buf bytes.Buffer
	if err := Export(&buf, format, lib.Sources); err != nil {
		t.Fatal(err)
	}
	ext := map[string]string{FormatBibTeX: "bib", FormatRIS: "ris", FormatCSLJSON: "json"}[format]
	path := filepath.Join(t.TempDir(), "sources."+ext)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return lib, path
}

var caseWordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// caseKey is a title's words with their capitals, without punctuation:
// readers may curl quotes or turn "--" into a dash, never change a
// letter's case.
func caseKey(s string) string {
	return strings.Join(caseWordRe.FindAllString(strings.ReplaceAll(s, "’", "'"), -1), " ")
}

// keepsCapitals reports whether a reader gave back the title's words,
// every capital where the source has one. Sentence-casing readers may
// capitalise the word after a colon ("Court: duet" -> "Court: Duet");
// lowering a capital is the fault the braces prevent.
func keepsCapitals(got, want string) bool {
	g, w := strings.Fields(caseKey(got)), strings.Fields(caseKey(want))
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if g[i] != w[i] && (!strings.EqualFold(g[i], w[i]) || strings.ToLower(w[i]) != w[i]) {
			return false
		}
	}
	return true
}

func cslAuthorKeys(names []CSLName) string {
	var ks []string
	for _, n := range names {
		ks = append(ks, authorKey(Name{Family: n.Family, Given: n.Given, Literal: n.Literal}.String()))
	}
	return strings.Join(ks, "; ")
}

func sourceAuthorKeys(names []string) string {
	var ks []string
	for _, a := range names {
		ks = append(ks, authorKey(a))
	}
	return strings.Join(ks, "; ")
}

// comparePandocCSL checks pandoc's reading of an export against the
// sources: authors, editors, title (with its capitals), year, and the
// CSL type of the kinds that have one.
func comparePandocCSL(t *testing.T, format string, lib *Library, out []byte) {
	t.Helper()
	var recs []CSLItem // as pandoc writes them
	if err := json.Unmarshal(out, &recs); err != nil {
		t.Fatalf("%s: pandoc wrote no CSL-JSON: %v", format, err)
	}
	if len(recs) != len(lib.Sources) {
		t.Fatalf("%s: pandoc read %d entries, the library has %d", format, len(recs), len(lib.Sources))
	}
	byID := map[string]CSLItem{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	wantType := map[Kind]string{KindCase: "legal_case", KindLegislation: "legislation", KindTreaty: "treaty",
		KindWeb: "webpage", KindArticle: "article-journal", KindChapter: "chapter", KindBook: "book"}
	for i := range lib.Sources {
		s := &lib.Sources[i]
		r, ok := byID[s.Key]
		if !ok {
			t.Errorf("%s: pandoc lost %s", format, s.Key)
			continue
		}
		if got, want := cslAuthorKeys(r.Author), sourceAuthorKeys(s.Authors); got != want {
			t.Errorf("%s %s: pandoc reads authors %q, the source has %q", format, s.Key, got, want)
		}
		if got, want := cslAuthorKeys(r.Editor), sourceAuthorKeys(s.Editors); got != want {
			t.Errorf("%s %s: pandoc reads editors %q, the source has %q", format, s.Key, got, want)
		}
		if !keepsCapitals(r.Title, s.Title) {
			t.Errorf("%s %s: pandoc reads the title %q, the source has %q", format, s.Key, r.Title, s.Title)
		}
		year := ""
		if r.Issued != nil && len(r.Issued.DateParts) > 0 && len(r.Issued.DateParts[0]) > 0 {
			year = fmt.Sprint(r.Issued.DateParts[0][0])
		}
		if year != s.Year {
			t.Errorf("%s %s: pandoc reads the year %q, the source has %q", format, s.Key, year, s.Year)
		}
		// a day the footnote gives is kept: "31 August 2023" -> 2023-08-31
		if y, m, d := dateParts(s.Work); d > 0 && (r.Issued == nil || fmt.Sprint(r.Issued.DateParts) != fmt.Sprint([][]int{{y, m, d}})) {
			t.Errorf("%s %s: pandoc reads the date %v, the source has %q", format, s.Key, r.Issued, s.Date)
		}
		if w, ok := wantType[s.Kind]; ok && r.Type != w {
			t.Errorf("%s %s (%s): pandoc reads the type %q, want %q", format, s.Key, s.Kind, r.Type, w)
		}
	}
}

// renderBibliography has pandoc's citeproc render every entry of a
// bibliography file as plain text.
func renderBibliography(t *testing.T, path, from string) string {
	t.Helper()
	args := []string{"--citeproc", "--wrap=none", "-t", "plain", "--bibliography", path}
	if from != "" {
		args = append(args, "--metadata", "bibliography-format="+from)
	}
	return string(runTool(t, []byte("---\nnocite: '[@*]'\n---\n"), "pandoc", args...))
}

// checkNoLowercasedNames: every word a title writes with a capital is
// printed with it in the rendered bibliography ("Anchugov and Gladkov v.
// Russia", "the U.N."), and every source is there.
func checkNoLowercasedNames(t *testing.T, format string, lib *Library, rendered string) {
	t.Helper()
	words := map[string]bool{}
	for _, w := range caseWordRe.FindAllString(strings.ReplaceAll(rendered, "’", "'"), -1) {
		words[w] = true
	}
	for i := range lib.Sources {
		s := &lib.Sources[i]
		var lost []string
		for _, w := range caseWordRe.FindAllString(s.Title, -1) {
			if strings.ToLower(w) != w && !words[w] {
				lost = append(lost, w)
			}
		}
		if len(lost) > 0 {
			t.Errorf("%s %s: the rendered bibliography lowercases %q of %q", format, s.Key, lost, s.Title)
		}
	}
}

func TestBibTeXReadByPandoc(t *testing.T) {
	lib, path := exported(t, FormatBibTeX)
	comparePandocCSL(t, "bibtex", lib, runTool(t, nil, "pandoc", "-f", "biblatex", "-t", "csljson", path))
	// classic BibTeX readers lowercase what braces do not protect
	comparePandocCSL(t, "bibtex (read as BibTeX)", lib, runTool(t, nil, "pandoc", "-f", "bibtex", "-t", "csljson", path))
	checkNoLowercasedNames(t, "bibtex", lib, renderBibliography(t, path, ""))
}

func TestCSLJSONReadByPandoc(t *testing.T) {
	lib, path := exported(t, FormatCSLJSON)
	comparePandocCSL(t, "csl-json", lib, runTool(t, nil, "pandoc", "-f", "csljson", "-t", "csljson", path))
	checkNoLowercasedNames(t, "csl-json", lib, renderBibliography(t, path, ""))
}

// mods is the part of bibutils' MODS XML the RIS test reads.
type mods struct {
	Records []struct {
		ID    string `xml:"ID,attr"`
		Title []struct {
			Type  string `xml:"type,attr"`
			Title string `xml:"title"`
			Sub   string `xml:"subTitle"`
		} `xml:"titleInfo"`
		Names     []modsName `xml:"name"`
		HostNames []modsName `xml:"relatedItem>name"` // a chapter's book and its editors
		Issued    string     `xml:"originInfo>dateIssued"`
		PartDate  string     `xml:"part>date"`
		Genres    []string   `xml:"genre"`
	} `xml:"mods"`
}

type modsName struct {
	Type  string `xml:"type,attr"`
	Parts []struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	} `xml:"namePart"`
	Role string `xml:"role>roleTerm"`
}

// risNames joins names as ris2xml reads them. It splits an RIS name at
// " and " and takes institutions for persons (RIS has no mark for them;
// Zotero keeps a name without a comma whole), so the words are compared,
// "AND" left out.
func risNames(keys []string) string {
	return strings.Join(slices.DeleteFunc(strings.Fields(strings.Join(keys, " ")), func(w string) bool { return w == "AND" }), " ")
}

func TestRISReadByBibutils(t *testing.T) {
	lib, path := exported(t, FormatRIS)
	out := runTool(t, nil, "ris2xml", path)
	var m mods
	if err := xml.Unmarshal(out, &m); err != nil {
		t.Fatalf("ris2xml wrote no MODS: %v", err)
	}
	if len(m.Records) != len(lib.Sources) {
		t.Fatalf("ris2xml read %d records, the library has %d", len(m.Records), len(lib.Sources))
	}
	genre := map[Kind]string{KindCase: "legal case and case notes", KindLegislation: "legislation", KindWeb: "electronic",
		KindArticle: "journal article", KindChapter: "book chapter", KindReport: "technical report"}
	for k, r := range m.Records {
		s := &lib.Sources[k]
		if r.ID != s.Key {
			t.Fatalf("record %d is %s, want %s", k, r.ID, s.Key)
		}
		title := ""
		if len(r.Title) > 0 {
			title = strings.TrimSpace(r.Title[0].Title + " " + r.Title[0].Sub)
		}
		if caseKey(title) != caseKey(s.Title) {
			t.Errorf("ris %s: ris2xml reads the title %q, the source has %q", s.Key, title, s.Title)
		}
		var authors, editors []string
		for _, n := range append(append([]modsName(nil), r.Names...), r.HostNames...) {
			var given, family, whole []string
			for _, p := range n.Parts {
				switch p.Type {
				case "given":
					given = append(given, p.Text)
				case "family":
					family = append(family, p.Text)
				default:
					whole = append(whole, p.Text)
				}
			}
			name := strings.Join(append(append(given, family...), whole...), " ")
			if n.Role == "editor" {
				editors = append(editors, authorKey(name))
			} else {
				authors = append(authors, authorKey(name))
			}
		}
		if got, want := risNames(authors), risNames(strings.Split(sourceAuthorKeys(s.Authors), "; ")); got != want {
			t.Errorf("ris %s (%s): ris2xml reads authors %q, the source has %q", s.Key, s.Kind, got, want)
		}
		if got, want := risNames(editors), risNames(strings.Split(sourceAuthorKeys(s.Editors), "; ")); got != want {
			t.Errorf("ris %s: ris2xml reads editors %q, the source has %q", s.Key, got, want)
		}
		date := r.Issued
		if date == "" {
			date = r.PartDate
		}
		if year := date[:min(4, len(date))]; year != s.Year {
			t.Errorf("ris %s: ris2xml reads the year %q, the source has %q", s.Key, year, s.Year)
		}
		if g, ok := genre[s.Kind]; ok && !strings.Contains(strings.Join(r.Genres, "|"), g) {
			t.Errorf("ris %s (%s): ris2xml reads genres %q, want %q", s.Key, s.Kind, r.Genres, g)
		}
	}
	// and the bibliography renders from it: RIS -> MODS -> BibTeX -> citeproc
	bib := filepath.Join(t.TempDir(), "from-ris.bib")
	if err := os.WriteFile(bib, runTool(t, out, "xml2bib", "-nb"), 0o644); err != nil {
		t.Fatal(err)
	}
	rendered := renderBibliography(t, bib, "")
	for i := range lib.Sources {
		if s := &lib.Sources[i]; s.Title != "" && !strings.Contains(strings.ToLower(caseKey(rendered)), strings.ToLower(caseKey(s.Title))) {
			t.Errorf("ris %s: the bibliography rendered from the RIS file lacks %q", s.Key, s.Title)
		}
	}
}

// TestRISRenderedByPandoc has pandoc 3 (the Pandoc project's WebAssembly
// build, from npm, installed by scripts/pandoc-wasm/install.sh into a
// cache) read the RIS export and render it with citeproc: every capital a
// title writes survives ("Anchugov and Gladkov v. Russia", "the U.N."),
// and every source is there. Debian's pandoc 2.17 has no RIS reader.
func TestRISRenderedByPandoc(t *testing.T) {
	if testing.Short() {
		t.Skip("starting pandoc's WebAssembly build takes ~15 s; the full suite runs it")
	}
	needTool(t, "node")
	out, err := exec.Command("../../scripts/pandoc-wasm/install.sh").Output()
	if err != nil {
		t.Fatalf("pandoc-wasm could not be installed (scripts/pandoc-wasm/install.sh needs npm and its registry): %v", err)
	}
	lib, path := exported(t, FormatRIS)
	run := filepath.Join(strings.TrimSpace(string(out)), "run.mjs")
	checkNoLowercasedNames(t, "ris (pandoc 3)", lib, string(runTool(t, nil, "node", run, path, "ris", "plain")))
}
