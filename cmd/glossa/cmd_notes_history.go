package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/glossa-app/glossa/store"
)

// historyJSON is the contract of "glossa notes history ID --json": one
// object per earlier version, newest first. Fields may be added, never
// renamed.
type historyJSON struct {
	Body     string   `json:"body"`
	Tags     []string `json:"tags"`
	Color    string   `json:"color"`
	Updated  string   `json:"updated"` // when that version was last changed
	Source   string   `json:"source"`  // what replaced it: import, edit, restore or recovery
	Revision int64    `json:"revision"`
	Saved    string   `json:"saved"` // when it was replaced and kept
}

// sourceWords says, for a student, why a version was kept.
var sourceWords = map[string]string{
	store.RevisionImport:   "replaced by an import",
	store.RevisionEdit:     "replaced when you edited the note again",
	store.RevisionRestore:  "replaced when an older version was restored",
	store.RevisionRecovery: "replaced by a newer version found in a damaged file",
}

// runNotesHistory lists the earlier versions of a note, or brings one back.
func runNotesHistory(e *env, args []string) int {
	fs := flag.NewFlagSet("notes history", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, `print the versions as JSON: [{"body","tags","color","updated","source","revision","saved"}], newest first`)
	restore := fs.Int64("restore", 0, "make version REVISION (a number the list shows) the note's text again; the current text is kept")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "usage: glossa notes history ID [--json] [--restore REVISION]")
		return 2
	}
	id := pos[0]
	s, _, err := e.openArticle(e.article, false)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes history:", errText(err))
		return 1
	}
	defer s.Close()
	if _, err := s.Note(id); errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "glossa notes history: no note %s here (run \"glossa notes list\" for the ids)\n", id)
		return 1
	}
	if *restore != 0 {
		n, err := s.RestoreRevision(id, *restore)
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(e.stderr, "glossa notes history: note %s has no version %d (run \"glossa notes history %s\")\n", id, *restore, id)
			return 1
		}
		if err != nil {
			fmt.Fprintln(e.stderr, "glossa notes history:", errText(err))
			return 1
		}
		fmt.Fprintf(e.stdout, "Note %s has the text of version %d again; the text it had is kept as the newest earlier version.\n", n.ID, *restore)
		return 0
	}
	hist, err := s.NoteHistory(id)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa notes history:", errText(err))
		return 1
	}
	if *asJSON {
		out := make([]historyJSON, 0, len(hist))
		for _, r := range hist {
			tags := r.Tags
			if tags == nil {
				tags = []string{}
			}
			out = append(out, historyJSON{Body: r.Body, Tags: tags, Color: r.Color, Updated: r.Updated.Format(time.RFC3339),
				Source: r.Source, Revision: r.ID, Saved: r.Saved.Format(time.RFC3339)})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(e.stderr, "glossa notes history:", err)
			return 1
		}
		return 0
	}
	if len(hist) == 0 {
		fmt.Fprintf(e.stdout, "Note %s has no earlier versions.\n", id)
		return 0
	}
	fmt.Fprintf(e.stdout, "Earlier versions of note %s, newest first (bring one back with \"glossa notes history %s --restore N\"):\n", id, id)
	for _, r := range hist {
		line := fmt.Sprintf("  [%d] %s, %s:", r.ID, r.Updated.Local().Format("2 Jan 2006 15:04"), sourceWords[r.Source])
		if r.Body != "" {
			line += "  " + shorten(strings.Join(strings.Fields(r.Body), " "), 70)
		}
		if len(r.Tags) > 0 {
			line += "  #" + strings.Join(r.Tags, " #")
		}
		fmt.Fprintln(e.stdout, line)
	}
	return 0
}
