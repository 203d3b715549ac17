package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "import", usage: "import FILE... [--json]", summary: "add articles (Markdown, HTML, Word, OpenDocument) to the library", run: runImport})
}

// importJSON is the contract of "glossa import --json", one object per
// file; fields may be added, never renamed.
type importJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Footnotes int      `json:"footnotes"`
	Problems  int      `json:"problems"`
	Status    string   `json:"status"` // added, unchanged, updated or refused
	File      string   `json:"file"`
	Format    string   `json:"format,omitempty"`
	// Notes placed again in a new version (status updated).
	Placed   int `json:"placed,omitempty"`
	Moved    int `json:"moved,omitempty"`
	Orphaned int `json:"orphaned,omitempty"`
	// Why a file was refused, in words for the student.
	Error string `json:"error,omitempty"`
}

func runImport(e *env, args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, `print one object per file: [{"id","title","authors","footnotes","problems","status"}]`)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: glossa import FILE... [--json]")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "glossa import: give the files to add (Markdown, HTML, Word .docx or OpenDocument .odt)")
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa import:", errText(err))
		return 1
	}
	defer s.Close()
	out := make([]importJSON, 0, len(files))
	refused := false
	for _, f := range files {
		r := importFile(s, f)
		refused = refused || r.Status == store.StatusRefused
		out = append(out, r)
		if !*asJSON {
			printImport(e, r)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(e.stderr, "glossa import:", err)
			return 1
		}
	}
	if refused {
		return 1
	}
	return 0
}

// importFile reads one file with the format front ends and adds it; a
// file that cannot be read is refused with the sentence formats gives,
// and nothing is written for it.
func importFile(s *store.Store, file string) importJSON {
	r := importJSON{File: file, Authors: []string{}, Status: store.StatusRefused}
	doc, format, err := formats.ReadFile(file)
	if err == nil {
		r.Format = string(format)
		var res store.AddResult
		res, err = s.AddArticleFormat(doc, file, string(format))
		if err == nil {
			r.ID, r.Title, r.Footnotes, r.Problems, r.Status = res.ID, res.Title, res.Footnotes, res.Problems, res.Status
			r.Placed, r.Moved, r.Orphaned = res.Placed, res.Moved, res.Orphaned
			if res.Authors != nil {
				r.Authors = res.Authors
			}
			return r
		}
		r.Error = errText(err)
		return r
	}
	r.Error = formats.Plain(err)
	return r
}

func printImport(e *env, r importJSON) {
	name := filepath.Base(r.File)
	if r.Status == store.StatusRefused {
		fmt.Fprintf(e.stderr, "glossa import: %s refused: %s\n", r.File, r.Error)
		return
	}
	fmt.Fprintf(e.stdout, "%-9s %s  %s: %q, %s, %s", r.Status, r.ID, name, shorten(orUntitled(r.Title), 60),
		plural(r.Footnotes, "footnote"), plural(r.Problems, "problem"))
	if r.Status == store.StatusUpdated {
		fmt.Fprintf(e.stdout, "; notes: %d placed, %d moved, %d orphaned", r.Placed, r.Moved, r.Orphaned)
	}
	fmt.Fprintln(e.stdout)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
