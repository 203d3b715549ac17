package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "search", usage: "search [--json] [--article ID|all] [--] QUERY", summary: "full-text search of paragraphs, footnotes and notes", run: runSearch})
}

// searchJSON is the contract of "glossa search --json"; fields may be
// added, never renamed.
type searchJSON struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Section string `json:"section"`
	Snippet string `json:"snippet"`
	Article string `json:"article,omitempty"` // with --article: the article the hit is in
}

func runSearch(e *env, args []string) int {
	args, which, err := takeArticle(args)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa search:", err)
		return 2
	}
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, `print hits as JSON: [{"kind","id","section","snippet"}]`)
	limit := fs.Int("limit", store.DefaultSearchLimit, "at most this many hits")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: glossa search [--json] [--limit N] [--article ID|all] [--] QUERY")
		fs.PrintDefaults()
	}
	// Only this command's own flags are flags: whatever else starts with
	// "-" ("-sovereignty", "--") is something the person wants to find.
	var flagArgs, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if fs.Lookup(name) != nil || name == "h" || name == "help" {
				flagArgs = append(flagArgs, a)
				if name == "limit" && !hasValue && i+1 < len(args) {
					flagArgs = append(flagArgs, args[i+1])
					i++
				}
				continue
			}
		}
		words = append(words, a)
	}
	if err := fs.Parse(flagArgs); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	query := strings.Join(words, " ")
	if strings.TrimSpace(query) == "" {
		fmt.Fprintln(e.stderr, "glossa search: give some words to search for")
		return 2
	}
	s, _, err := e.openArticle(which, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa search:", err)
		return 1
	}
	defer s.Close()
	scope := ""
	if which == store.AllArticles {
		scope = store.AllArticles
	}
	hits, err := s.SearchArticle(query, scope, *limit)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa search:", err)
		return 1
	}
	if *asJSON {
		out := make([]searchJSON, 0, len(hits))
		for _, h := range hits {
			j := searchJSON{Kind: h.Kind, ID: h.ID, Section: h.Section, Snippet: h.Snippet}
			if which != "" {
				j.Article = h.Article
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(e.stderr, "glossa search:", err)
			return 1
		}
		return 0
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.stdout, "No matches for %q.\n", query)
		return 0
	}
	for _, h := range hits {
		where := "§ " + h.Section
		if h.Section == "" {
			where = "§ -"
		}
		if which == store.AllArticles {
			where += "  in " + h.Article
		}
		fmt.Fprintf(e.stdout, "%-9s %-14s %s\n    %s\n", h.Kind, h.ID, where, h.Snippet)
	}
	return 0
}
