package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/obsidian"
	"github.com/glossa-app/glossa/store"
)

// obsidianArticle is the shipped article and the notes on it, as the
// Obsidian export takes them.
func obsidianArticle(doc *article.Document, notes []store.Note) obsidian.Article {
	a := obsidian.Article{Doc: doc, Library: cite.Extract(doc.Footnotes), ShortTitle: deck.ShortTitle}
	for _, n := range notes {
		a.Notes = append(a.Notes, obsidian.Note{ID: n.ID, Kind: n.TargetKind, TargetID: n.TargetID, Quote: n.Quote(),
			Start: n.Anchor.Start, Body: n.Body, Tags: n.Tags, Color: n.Color, Section: n.Section, Orphan: n.Orphan})
	}
	return a
}

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
	s, doc, err := e.openStore()
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
	now := time.Now()
	rep, err := obsidian.Write(*dir, obsidian.Files([]obsidian.Article{obsidianArticle(doc, notes)}, now), now)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes export:", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "glossa: %d notes exported to %s: %d files written, %d unchanged, %d removed\n",
		len(notes), *dir, len(rep.Written), len(rep.Unchanged), len(rep.Removed))
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
