// Package obsidian turns a student's notes and highlights into a folder
// that opens as an Obsidian vault, or drops into one: a literature note
// per article (front matter Obsidian reads as properties; highlights by
// section as callouts; notes under them; tags and block ids that follow
// Obsidian's rules) and a page per cited source the notes mention.
// Re-exporting into the same folder replaces only what Glossa wrote
// there (see Write).
//
// It has no dependency on Fyne or SQL: the caller hands it the notes.
package obsidian

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
)

// What a note is attached to (as the store names it).
const (
	KindPassage  = "passage"
	KindFootnote = "footnote"
	KindSource   = "source"
	KindCard     = "card"
)

// Note is a note or highlight as the export needs it.
type Note struct {
	ID       string
	Kind     string // one of the Kind* constants
	TargetID string // paragraph ID, footnote number, source ID or card ID
	Quote    string // the highlighted passage ("" for other kinds)
	Start    int    // byte offset of Quote in its paragraph
	Body     string // Markdown
	Tags     []string
	Color    string
	Section  string // the section it is in now
	Orphan   bool   // its passage is not in the current article
}

// Article is one article and the notes on it.
type Article struct {
	Doc        *article.Document
	Library    *cite.Library // works cited in its footnotes; may be nil
	ShortTitle string        // "UN Cybercrime Convention"
	Notes      []Note        // in reading order
}

// File is one file of the export: Path is relative, with "/".
type File struct {
	Path string
	Data []byte
}

// SourcesDir holds the pages of cited sources.
const SourcesDir = "Sources"

// Files renders the export of articles at time now.
func Files(articles []Article, now time.Time) []File {
	var files []File
	sources := map[string]*sourcePage{}
	for _, a := range articles {
		files = append(files, literatureNote(a, now, sources))
	}
	keys := make([]string, 0, len(sources))
	for k := range sources {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		files = append(files, sources[k].file())
	}
	return files
}

// Meta is what the front matter of a literature note says.
type Meta struct {
	Title   string
	Authors []string
	Year    int
	Citekey string
}

// ArticleMeta describes doc for the front matter: the author as a name,
// not in the capitals the article prints, and its year. The article does
// not print its own date, so the year is the latest its footnotes cite,
// which a work cannot precede.
func ArticleMeta(doc *article.Document) Meta {
	m := Meta{Title: titleCase(doc.Title)}
	for _, a := range strings.Split(doc.Author, ",") {
		if a = strings.TrimSpace(a); a != "" {
			m.Authors = append(m.Authors, nameCase(a))
		}
	}
	for _, f := range doc.Footnotes {
		for _, y := range yearPattern.FindAllString(f.Text, -1) {
			if v, _ := strconv.Atoi(y); v > m.Year && v <= time.Now().Year() {
				m.Year = v
			}
		}
	}
	surname := "anon"
	if len(m.Authors) > 0 {
		f := strings.Fields(m.Authors[0])
		surname = asciiWord(f[len(f)-1])
	}
	word := ""
	for _, w := range strings.Fields(doc.Title) {
		if w = asciiWord(w); len(w) > 3 && !titleStop[w] {
			word = w
			break
		}
	}
	m.Citekey = surname + strconv.Itoa(m.Year) + word
	return m
}

var yearPattern = regexp.MustCompile(`\b(19|20)\d\d\b`)

var titleStop = map[string]bool{"the": true, "and": true, "from": true, "with": true, "into": true, "over": true}

// asciiWord is w in lower case with only its ASCII letters and digits.
func asciiWord(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameCase turns "ANTONIO MARICONDA" into "Antonio Mariconda"; a name
// already in mixed case is kept.
func nameCase(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// titleCase turns a title printed in capitals into one a reference list
// would print; small words stay lower case, except the first and after
// a colon. A title in mixed case is kept.
func titleCase(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	small := map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true,
		"in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "un": false}
	words := strings.Fields(strings.ToLower(s))
	upper := map[string]bool{"un": true, "eu": true, "ict": true, "icts": true}
	capNext := true
	for i, w := range words {
		core := strings.Trim(w, `"'“”‘’():,.;`)
		switch {
		case upper[core]:
			words[i] = strings.Replace(w, core, strings.ToUpper(core), 1)
		case capNext || !small[core]:
			words[i] = capFirst(w)
		}
		capNext = strings.HasSuffix(w, ":")
	}
	return strings.Join(words, " ")
}

func capFirst(w string) string {
	r := []rune(w)
	for i, c := range r {
		if unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
			break
		}
	}
	// Hyphenated words take a capital after each hyphen.
	for i := 1; i < len(r); i++ {
		if r[i-1] == '-' {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

// yamlString quotes s for YAML: a JSON string is a valid YAML scalar.
func yamlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// fileName makes s safe as a file name on Windows, macOS and Linux, and
// as the target of a [[wikilink]] (no "#", "^", "|", "[" or "]").
func fileName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`<>:"/\|?*#^[]`, r), r < 0x20:
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, ". ")
	if r := []rune(s); len(r) > 120 {
		s = strings.TrimSpace(string(r[:120]))
	}
	if s == "" {
		s = "Untitled"
	}
	return s
}

func writeFrontMatter(b *strings.Builder, m Meta, tags []string, extra [][2]string) {
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", yamlString(m.Title))
	b.WriteString("authors:\n")
	for _, a := range m.Authors {
		fmt.Fprintf(b, "  - %s\n", yamlString(a))
	}
	if m.Year > 0 {
		fmt.Fprintf(b, "year: %d\n", m.Year)
	}
	fmt.Fprintf(b, "citekey: %s\n", yamlString(m.Citekey))
	b.WriteString("tags:\n")
	for _, t := range tags {
		fmt.Fprintf(b, "  - %s\n", yamlString(t))
	}
	for _, kv := range extra {
		fmt.Fprintf(b, "%s: %s\n", kv[0], yamlString(kv[1]))
	}
	b.WriteString("---\n")
}
