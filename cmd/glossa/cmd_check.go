package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "check", usage: "check [FILE] [--json] [--password P]", summary: "parse the article (or FILE) and report what was repaired", run: runCheck})
}

// checkJSON is the contract of "glossa check --json"; fields may be added,
// never renamed.
type checkJSON struct {
	Title       string             `json:"title"`
	Series      string             `json:"series"`
	Author      string             `json:"author"`
	Affiliation string             `json:"affiliation"`
	Contents    []article.TOCEntry `json:"-"`
	Sections    []sectionJSON      `json:"sections"`
	Paragraphs  []paragraphJSON    `json:"paragraphs"`
	Footnotes   []footnoteJSON     `json:"footnotes"`
	Problems    []problemJSON      `json:"problems"`
	Hash        string             `json:"hash"`
}

type sectionJSON struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Level  int    `json:"level"`
	Line   int    `json:"line"`
}

type paragraphJSON struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Text    string `json:"text"`
	Refs    []int  `json:"refs"`
	Line    int    `json:"line"`
	// Page and EndPage are the printed pages of a PDF's paragraph
	// (absent for formats without pages).
	Page    int `json:"page,omitempty"`
	EndPage int `json:"end_page,omitempty"`
}

type footnoteJSON struct {
	N         int    `json:"n"`
	Text      string `json:"text"`
	Paragraph string `json:"paragraph"`
	Line      int    `json:"line"`
	// Near is where a footnote whose marker was lost (paragraph "") is
	// shown; absent for the others.
	Near    string `json:"near,omitempty"`
	Page    int    `json:"page,omitempty"`
	EndPage int    `json:"end_page,omitempty"`
}

type problemJSON struct {
	Kind    string `json:"kind"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Page    int    `json:"page,omitempty"`
}

func runCheck(e *env, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the parsed document as JSON")
	password := fs.String("password", "", "the password of an encrypted PDF")
	if err := fs.Parse(reorderFlags(args, "password")); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(e.stderr, "glossa check: give at most one FILE")
		return 2
	}
	name := "the embedded article"
	var doc *article.Document
	var err error
	if fs.NArg() == 1 {
		// Any format, told from the content: Markdown, HTML, Word.
		name = fs.Arg(0)
		doc, _, err = formats.ReadFileWith(name, formats.Options{Password: *password})
		if err != nil {
			hint := ""
			if errors.Is(err, formats.ErrPassword) {
				hint = " (glossa check FILE --password PASSWORD)"
			}
			fmt.Fprintf(e.stderr, "glossa check: %s: %s%s\n", name, formats.Plain(err), hint)
			return 1
		}
	} else if doc, err = article.Parse(assets.Article); err != nil {
		fmt.Fprintf(e.stderr, "glossa check: %s: %s\n", name, plainParseError(err))
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(toCheckJSON(doc)); err != nil {
			fmt.Fprintf(e.stderr, "glossa check: write: %s\n", err)
			return 1
		}
		return 0
	}
	printReport(e.stdout, name, doc)
	return 0
}

// readLimited reads at most limit bytes of a file and says so plainly
// when it is larger, so a huge file never lands in memory.
func readLimited(path string, limit int64) ([]byte, error) {
	// a pipe would block the open until someone writes to it
	if err := store.RegularFile(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, fmt.Errorf("%s: cannot open: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MB: %w", path, limit>>20, article.ErrTooLarge)
	}
	return b, nil
}

func plainParseError(err error) string {
	switch {
	case errors.Is(err, article.ErrEmpty):
		return "the file is empty"
	case errors.Is(err, article.ErrBinary):
		return "this is not a text file (it looks like binary data)"
	case errors.Is(err, article.ErrTooLarge):
		return "the file is too large to be an article"
	case errors.Is(err, article.ErrNotArticle):
		return "this does not look like an article: no paragraphs of text were found"
	}
	return err.Error()
}

func toCheckJSON(d *article.Document) checkJSON {
	out := checkJSON{Title: d.Title, Series: d.Series, Author: d.Author, Affiliation: d.Affiliation, Hash: d.Hash,
		Sections: []sectionJSON{}, Paragraphs: []paragraphJSON{}, Footnotes: []footnoteJSON{}, Problems: []problemJSON{}}
	for _, s := range d.Sections {
		out.Sections = append(out.Sections, sectionJSON{s.Number, s.Title, s.Level, s.Line})
	}
	for _, p := range d.Paragraphs {
		refs := []int{}
		for _, r := range p.Refs {
			refs = append(refs, r.N)
		}
		out.Paragraphs = append(out.Paragraphs, paragraphJSON{p.ID, p.Section, p.Text, refs, p.Line, p.Page, p.EndPage})
	}
	for _, f := range d.Footnotes {
		out.Footnotes = append(out.Footnotes, footnoteJSON{f.N, f.Text, f.Paragraph, f.Line, f.Near, f.Page, f.EndPage})
	}
	for _, p := range d.Problems {
		out.Problems = append(out.Problems, problemJSON{p.Kind, p.Line, p.Message, p.Page})
	}
	return out
}

func printReport(w io.Writer, name string, d *article.Document) {
	fmt.Fprintf(w, "%s\n", name)
	if d.Title != "" {
		fmt.Fprintf(w, "  title:       %s\n", d.Title)
	}
	if d.Author != "" {
		fmt.Fprintf(w, "  author:      %s (%s)\n", d.Author, d.Affiliation)
	}
	fmt.Fprintf(w, "  sections:    %d\n  paragraphs:  %d\n  footnotes:   %d", len(d.Sections), len(d.Paragraphs), len(d.Footnotes))
	if n := len(d.Footnotes); n > 0 {
		fmt.Fprintf(w, " (%d to %d)", d.Footnotes[0].N, d.Footnotes[n-1].N)
	}
	fmt.Fprintf(w, "\n  problems:    %d\n", len(d.Problems))
	if len(d.Problems) == 0 {
		return
	}
	kinds := map[string]int{}
	for _, p := range d.Problems {
		kinds[p.Kind]++
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "    %-20s %d\n", k, kinds[k])
	}
	fmt.Fprintln(w, "\nProblems (warnings: the text was repaired as described):")
	for _, p := range d.Problems {
		if p.Page > 0 {
			fmt.Fprintf(w, "  page %4d  %-18s %s\n", p.Page, p.Kind, p.Message)
			continue
		}
		fmt.Fprintf(w, "  line %4d  %-18s %s\n", p.Line, p.Kind, p.Message)
	}
}

// reorderFlags moves flags before positional arguments so that
// "check FILE --json" works as well as "check --json FILE".
func reorderFlags(args []string, valued ...string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			// "--password P": the value goes with its flag.
			for _, v := range valued {
				if strings.TrimLeft(a, "-") == v && i+1 < len(args) {
					i++
					flags = append(flags, args[i])
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}
