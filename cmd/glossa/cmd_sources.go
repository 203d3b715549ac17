package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/assets"
)

func init() {
	register(&command{
		name:    "sources",
		usage:   "sources [QUERY] [--json] [--format bibtex|ris|csl-json] [--article ID]",
		summary: "list the works the footnotes cite (fuzzy QUERY filters), as JSON or BibTeX/RIS/CSL-JSON",
		run:     runSources,
	})
}

// sourceJSON is one element of "glossa sources --json", a contract for
// scripts: the fields issue 5 names, then the fields issue 17 added
// (editors and translators kept apart from authors, the fields that
// identify primary sources). Fields are added, never renamed; every
// field is always present, arrays empty and strings null when unknown.
type sourceJSON struct {
	ID        string      `json:"id"`
	Kind      string      `json:"kind"`
	Authors   []string    `json:"authors"`
	Title     string      `json:"title"`
	Year      *string     `json:"year"`
	Container *string     `json:"container"`
	URL       *string     `json:"url"`
	CitedIn   []placeJSON `json:"cited_in"`

	Editors     []string `json:"editors"`
	Translators []string `json:"translators"`
	Date        *string  `json:"date"`
	Symbol      *string  `json:"symbol"`    // UN document or resolution
	Body        *string  `json:"body"`      // issuing organ
	Parties     []string `json:"parties"`   // treaty or case
	Court       *string  `json:"court"`     // case
	Number      *string  `json:"number"`    // application, case or law number
	State       *string  `json:"state"`     // legislation
	Published   *string  `json:"published"` // treaty series or law report
	OSCOLA      string   `json:"oscola"`    // the source as an OSCOLA footnote, to paste into an essay
}

type placeJSON struct {
	Footnote int     `json:"footnote"`
	Pinpoint *string `json:"pinpoint"`
	Form     string  `json:"form"`
}

// orEmpty writes a missing list as [] rather than null.
func orEmpty(a []string) []string {
	if a == nil {
		return []string{}
	}
	return a
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// parseSourcesArgs reads flags and the QUERY words in any order
// ("sources malksoo --json" and "sources --json malksoo").
func parseSourcesArgs(e *env, args []string) (query string, asJSON bool, format string, code int) {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.BoolVar(&asJSON, "json", false, "print the sources as a JSON array")
	fs.StringVar(&format, "format", "", "export as "+strings.Join(cite.Formats, ", "))
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: glossa sources [QUERY] [--json] [--format bibtex|ris|csl-json] [--article ID]")
		fs.PrintDefaults()
	}
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return "", false, "", 0
			}
			return "", false, "", 2
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// After "--" everything is QUERY.
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			words = append(words, rest...)
			break
		}
		words = append(words, rest[0])
		args = rest[1:]
	}
	if format != "" {
		ok := false
		for _, f := range cite.Formats {
			ok = ok || f == format
		}
		if !ok {
			fmt.Fprintf(e.stderr, "glossa sources: unknown --format %q (want %s)\n", format, strings.Join(cite.Formats, ", "))
			return "", false, "", 2
		}
		if asJSON {
			fmt.Fprintln(e.stderr, "glossa sources: --json and --format do not go together (--format csl-json is JSON too)")
			return "", false, "", 2
		}
	}
	return strings.Join(words, " "), asJSON, format, -1
}

func runSources(e *env, args []string) int {
	args, which, err := takeArticle(args)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa sources:", err)
		return 2
	}
	query, asJSON, format, code := parseSourcesArgs(e, args)
	if code >= 0 {
		return code
	}
	var doc *article.Document
	if which == "" {
		doc, err = article.Parse(assets.Article)
		if err != nil {
			fmt.Fprintf(e.stderr, "glossa sources: parse the article: %v\n", err)
			return 1
		}
	} else {
		// another article's works are read from the library
		s, d, err := e.openArticle(which, false)
		if err != nil {
			fmt.Fprintln(e.stderr, "glossa sources:", err)
			return 1
		}
		s.Close()
		doc = d
	}
	lib := cite.Extract(doc.Footnotes)

	// The sources to show, in order: by key, or ranked by the query.
	var sources []cite.Source
	if query == "" {
		sources = lib.Sources
	} else {
		// The same ranking as the Sources screen's search field.
		for _, m := range lib.Search(query) {
			sources = append(sources, *m.Source)
		}
	}

	w := bufio.NewWriter(e.stdout)
	switch {
	case format != "":
		err = cite.Export(w, format, sources)
	case asJSON:
		err = writeSourcesJSON(w, sources)
	default:
		writeSourcesText(w, sources, query, lib)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa sources: %v\n", err)
		return 1
	}
	return 0
}

func writeSourcesJSON(w io.Writer, sources []cite.Source) error {
	out := make([]sourceJSON, len(sources))
	for i, s := range sources {
		authors := orEmpty(s.Authors)
		j := sourceJSON{
			ID: s.ID, Kind: string(s.Kind), Authors: authors, Title: s.Title,
			Year: nullable(s.Year), Container: nullable(s.Container), URL: nullable(exportURL(s.URL)),
			CitedIn: make([]placeJSON, len(s.CitedIn)),
			Editors: orEmpty(s.Editors), Translators: orEmpty(s.Translators), Parties: orEmpty(s.Parties),
			Date: nullable(s.Date), Symbol: nullable(s.Symbol), Body: nullable(s.Body), Court: nullable(s.Court),
			Number: nullable(s.Number), State: nullable(s.State), Published: nullable(s.Published),
			OSCOLA: s.OSCOLA(""),
		}
		for k, p := range s.CitedIn {
			j.CitedIn[k] = placeJSON{Footnote: p.Footnote, Pinpoint: nullable(p.Pinpoint), Form: string(p.Form)}
		}
		out[i] = j
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// exportURL gives "available at www.x.org" sites a scheme, as the exports do.
func exportURL(u string) string {
	if u == "" || strings.Contains(u, "://") {
		return u
	}
	return "https://" + u
}

// writeSourcesText prints one block per source: key and kind, the
// reference, then where the footnotes cite it.
func writeSourcesText(w io.Writer, sources []cite.Source, query string, lib *cite.Library) {
	if len(sources) == 0 {
		fmt.Fprintf(w, "no sources match %q\n", query)
		return
	}
	for _, s := range sources {
		fmt.Fprintf(w, "%s  [%s]\n    %s\n    cited in %s\n", s.Key, s.Kind, s.Reference(), places(s.CitedIn))
	}
	fmt.Fprintf(w, "\n%d sources", len(sources))
	if query == "" {
		fmt.Fprintf(w, ", %d citations", len(lib.Citations))
	}
	fmt.Fprintln(w)
	if query == "" && len(lib.Problems) > 0 {
		fmt.Fprintf(w, "\n%d short forms not resolved (shown, not guessed):\n", len(lib.Problems))
		for _, p := range lib.Problems {
			fmt.Fprintf(w, "  n. %d [%s] %q: %s\n", p.Footnote, p.Kind, p.Text, p.Message)
		}
	}
}

// places writes "n. 14, n. 15 (cit., p. 100 ff.), n. 69 (Ibid., p. 102)".
func places(ps []cite.Place) string {
	var out []string
	for _, p := range ps {
		s := fmt.Sprintf("n. %d", p.Footnote)
		var note []string
		switch p.Form {
		case cite.FormShort:
			note = append(note, "short")
		case cite.FormIbid:
			note = append(note, "Ibid.")
		}
		if p.Pinpoint != "" {
			note = append(note, p.Pinpoint)
		}
		if len(note) > 0 {
			s += " (" + strings.Join(note, ", ") + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}
