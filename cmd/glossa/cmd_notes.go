package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "notes", usage: "notes add|list|export|import|trash|restore|history", summary: "add, list and export notes (run \"glossa notes\" for details)", run: runNotes})
}

const notesUsage = `usage:
  add, list and export work on the article Glossa ships with, or with --article ID on
  another article of the library ("glossa library" lists them; "list --article all" spans it)
  glossa notes add --quote TEXT [--body TEXT] [--tag T]... [--color C]
        attach a note to the first passage containing TEXT (case and spacing ignored); prints its id
  glossa notes list [--json] [--trash]
  glossa notes export --format md|bundle [-o FILE]
        md: Markdown grouped by section, each note under its quote (Obsidian-friendly)
        bundle: versioned JSON a classmate imports with "glossa notes import"
  glossa notes export --format obsidian -o DIR   a folder for an Obsidian vault (re-export updates it)
  glossa notes import FILE   merge a bundle: adds new notes, updates older ones (keeping the earlier
        versions in their history), never duplicates
  glossa notes trash ID      move a note to the trash
  glossa notes restore ID    take a note out of the trash
  glossa notes history ID [--json] [--restore N]
        list the earlier versions of a note, newest first, or bring version N back
`

func runNotes(e *env, args []string) int {
	args, which, err := takeArticle(args)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes:", err)
		return 2
	}
	e.article = which
	if len(args) == 0 {
		fmt.Fprint(e.stderr, notesUsage)
		return 2
	}
	switch args[0] {
	case "add":
		return runNotesAdd(e, args[1:])
	case "list":
		return runNotesList(e, args[1:])
	case "export":
		if wantsFormat(args[1:], "obsidian") {
			return runNotesExportObsidian(e, args[1:])
		}
		if wantsBundle(args[1:]) {
			return runNotesExportBundle(e, args[1:])
		}
		return runNotesExport(e, args[1:])
	case "import":
		return runNotesImport(e, args[1:])
	case "trash", "restore":
		return runNotesTrash(e, args[0], args[1:])
	case "history":
		return runNotesHistory(e, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, notesUsage)
		return 0
	}
	fmt.Fprintf(e.stderr, "glossa notes: unknown action %q\n%s", args[0], notesUsage)
	return 2
}

// stringsFlag collects a repeated flag.
type stringsFlag []string

func (f *stringsFlag) String() string     { return strings.Join(*f, ",") }
func (f *stringsFlag) Set(v string) error { *f = append(*f, v); return nil }

func runNotesAdd(e *env, args []string) int {
	fs := flag.NewFlagSet("notes add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	quote := fs.String("quote", "", "a passage of the article (case and runs of white space are ignored)")
	body := fs.String("body", "", "the note, in Markdown")
	color := fs.String("color", "", "highlight color")
	var tags stringsFlag
	fs.Var(&tags, "tag", "a tag (repeat for more)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "glossa notes add: unexpected %q (put the passage in --quote)\n", pos[0])
		return 2
	}
	if strings.TrimSpace(*quote) == "" {
		fmt.Fprintln(e.stderr, "glossa notes add: --quote TEXT is required: the passage the note is about")
		return 2
	}
	s, _, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes add:", err)
		return 1
	}
	defer s.Close()
	n, err := s.AddQuoteNote(*quote, *body, tags)
	if errors.Is(err, store.ErrQuoteNotFound) {
		fmt.Fprintf(e.stderr, "glossa notes add: the article does not contain %q (case and spacing are ignored; check the words and punctuation)\n", *quote)
		return 1
	}
	if err == nil && *color != "" {
		n.Color = *color
		n, err = s.UpdateNote(n)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes add:", errText(err))
		return 1
	}
	// AddQuoteNote returns after the commit: the id printed is saved.
	fmt.Fprintln(e.stdout, n.ID)
	return 0
}

// noteJSON is the contract of "glossa notes list --json"; fields may be
// added, never renamed. writeNotesJSON writes them by hand (for speed);
// TestNotesJSONStreamedAsOneArray checks it agrees with encoding/json.
type noteJSON struct {
	ID          string   `json:"id"`
	Quote       string   `json:"quote"`
	Body        string   `json:"body"`
	Tags        []string `json:"tags"`
	ParagraphID string   `json:"paragraph_id"`
	Orphan      bool     `json:"orphan"`
	TargetKind  string   `json:"target_kind"`
	TargetID    string   `json:"target_id"`
	Section     string   `json:"section"`
	Color       string   `json:"color"`
	Created     string   `json:"created"`
	Updated     string   `json:"updated"`
	Deleted     string   `json:"deleted,omitempty"`
}

func toNoteJSON(n store.Note) noteJSON {
	j := noteJSON{ID: n.ID, Quote: n.Quote(), Body: n.Body, Tags: n.Tags, Orphan: n.Orphan, TargetKind: n.TargetKind,
		TargetID: n.TargetID, Section: n.Section, Color: n.Color,
		Created: n.Created.Format(time.RFC3339), Updated: n.Updated.Format(time.RFC3339)}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	if n.TargetKind == store.TargetPassage {
		j.ParagraphID = n.TargetID
	}
	if !n.Deleted.IsZero() {
		j.Deleted = n.Deleted.Format(time.RFC3339)
	}
	return j
}

func runNotesList(e *env, args []string) int {
	fs := flag.NewFlagSet("notes list", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, `print notes as JSON: [{"id","quote","body","tags","paragraph_id","orphan",...}]`)
	trash := fs.Bool("trash", false, "list the trash instead")
	tag := fs.String("tag", "", "only notes with this tag")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(e.stderr, "glossa notes list: unexpected %q\n", pos[0])
		}
		return 2
	}
	s, _, err := e.openArticle(e.article, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes list:", err)
		return 1
	}
	defer s.Close()
	scope := ""
	if e.article == store.AllArticles {
		scope = store.AllArticles
	}
	notes, err := s.Notes(store.NoteFilter{Trashed: *trash, Tag: *tag, Article: scope})
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes list:", err)
		return 1
	}
	if *asJSON {
		if err := writeNotesJSON(e.stdout, notes); err != nil {
			fmt.Fprintln(e.stderr, "glossa notes list:", err)
			return 1
		}
		return 0
	}
	if len(notes) == 0 {
		fmt.Fprintln(e.stdout, "No notes.")
		return 0
	}
	for _, n := range notes {
		where := "§ " + n.Section
		switch {
		case n.Orphan:
			where = "orphan"
		case n.TargetKind == store.TargetFootnote:
			where = "note " + n.TargetID
		case n.TargetKind != store.TargetPassage:
			where = n.TargetKind + " " + n.TargetID
		}
		fmt.Fprintf(e.stdout, "%s  %-10s", n.ID, where)
		if q := n.Quote(); q != "" {
			fmt.Fprintf(e.stdout, "  %q", shorten(q, 60))
		}
		if n.Body != "" {
			fmt.Fprintf(e.stdout, "  %s", shorten(strings.Join(strings.Fields(n.Body), " "), 70))
		}
		if len(n.Tags) > 0 {
			fmt.Fprintf(e.stdout, "  #%s", strings.Join(n.Tags, " #"))
		}
		if scope == store.AllArticles {
			fmt.Fprintf(e.stdout, "  (in %s)", n.Article)
		}
		fmt.Fprintln(e.stdout)
	}
	return 0
}

// writeNotesJSON writes notes as the indented JSON array json.Encoder
// with SetIndent("", "  ") writes, a note at a time and without its
// reflection and re-indenting pass: at 20,000 notes (35 MB) those took
// more than half of the command's time.
func writeNotesJSON(w io.Writer, notes []store.Note) error {
	if len(notes) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	str := func(key, v string) {
		bw.WriteString(",\n    \"" + key + "\": ")
		b, _ := json.Marshal(v) // escapes as encoding/json does, <>& included
		bw.Write(b)
	}
	for i, n := range notes {
		j := toNoteJSON(n)
		if i == 0 {
			bw.WriteString("[\n  {\n    \"id\": ")
		} else {
			bw.WriteString(",\n  {\n    \"id\": ")
		}
		b, _ := json.Marshal(j.ID)
		bw.Write(b)
		str("quote", j.Quote)
		str("body", j.Body)
		if len(j.Tags) == 0 {
			bw.WriteString(",\n    \"tags\": []")
		} else {
			bw.WriteString(",\n    \"tags\": [")
			for k, t := range j.Tags {
				if k > 0 {
					bw.WriteString(",")
				}
				bw.WriteString("\n      ")
				b, _ := json.Marshal(t)
				bw.Write(b)
			}
			bw.WriteString("\n    ]")
		}
		str("paragraph_id", j.ParagraphID)
		bw.WriteString(",\n    \"orphan\": " + strconv.FormatBool(j.Orphan))
		str("target_kind", j.TargetKind)
		str("target_id", j.TargetID)
		str("section", j.Section)
		str("color", j.Color)
		str("created", j.Created)
		str("updated", j.Updated)
		if j.Deleted != "" {
			str("deleted", j.Deleted)
		}
		bw.WriteString("\n  }")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func runNotesTrash(e *env, action string, args []string) int {
	if len(args) != 1 {
		fmt.Fprintf(e.stderr, "usage: glossa notes %s ID\n", action)
		return 2
	}
	s, _, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa notes %s: %v\n", action, err)
		return 1
	}
	defer s.Close()
	if action == "trash" {
		err = s.TrashNote(args[0])
	} else {
		err = s.RestoreNote(args[0])
	}
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "glossa notes %s: no note %s here (run \"glossa notes list%s\")\n", action, args[0],
			map[bool]string{true: "", false: " --trash"}[action == "trash"])
		return 1
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa notes %s: %v\n", action, errText(err))
		return 1
	}
	return 0
}

func runNotesExport(e *env, args []string) int {
	fs := flag.NewFlagSet("notes export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "md", "output format: md (Markdown)")
	outFile := fs.String("o", "", "write to FILE instead of standard output")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(e.stderr, "glossa notes export: unexpected %q\n", pos[0])
		}
		return 2
	}
	if *format != "md" {
		fmt.Fprintf(e.stderr, "glossa notes export: unknown format %q (md, bundle or obsidian)\n", *format)
		return 2
	}
	if fi, err := os.Stat(*outFile); *outFile != "" && err == nil && fi.IsDir() {
		fmt.Fprintf(e.stderr, "glossa notes export: %s is a folder; --format md writes one file (give its name, e.g. %s), --format obsidian writes a folder\n",
			*outFile, filepath.Join(*outFile, "notes.md"))
		return 2
	}
	s, doc, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	defer s.Close()
	notes, err := s.Notes(store.NoteFilter{})
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	var b strings.Builder
	exportMarkdown(&b, doc, notes, time.Now())
	if *outFile == "" {
		io.WriteString(e.stdout, b.String())
		return 0
	}
	if err := os.WriteFile(*outFile, []byte(b.String()), 0o644); err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "glossa: %d notes written to %s\n", len(notes), *outFile)
	return 0
}

// exportMarkdown is the Markdown export, shared with the Notes screen.
func exportMarkdown(w io.Writer, doc *article.Document, notes []store.Note, now time.Time) {
	store.WriteMarkdown(w, doc, notes, now)
}
