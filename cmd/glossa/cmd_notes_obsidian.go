package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/glossa-app/glossa/store/vault"
)

// runNotesExportObsidian writes the notes into a folder Obsidian opens
// as a vault (or that drops into one).
func runNotesExportObsidian(e *env, args []string) int {
	fs := flag.NewFlagSet("notes export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.String("format", "obsidian", "obsidian: a folder of Markdown notes for an Obsidian vault")
	dir := fs.String("o", "", "the folder to write into (made if missing; a re-export updates only what Glossa wrote)")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(e.stderr, "glossa notes export: unexpected %q\n", pos[0])
		}
		return 2
	}
	if *dir == "" {
		fmt.Fprintln(e.stderr, "glossa notes export: -o DIR is required: the folder (your vault, or a folder in it) to write into")
		return 2
	}
	s, doc, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	defer s.Close()
	count, rep, err := vault.Export(s, doc, *dir, time.Now())
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "glossa: %d notes exported to %s: %d files written, %d unchanged, %d removed\n",
		count, *dir, len(rep.Written), len(rep.Unchanged), len(rep.Removed))
	if len(rep.Kept) > 0 {
		fmt.Fprintf(e.stderr, "glossa: you had edited %s; your version is kept beside the new one\n", strings.Join(rep.Kept, ", "))
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(e.stderr, "glossa notes export: not written, because files Glossa did not write have these names: %s (rename them, or export into another folder)\n",
			strings.Join(rep.Skipped, ", "))
		return 1
	}
	return 0
}
