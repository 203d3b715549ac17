package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/timeline"
	"github.com/glossa-app/glossa/assets"
)

func init() {
	register(&command{
		name:    "timeline",
		usage:   "timeline [--json]",
		summary: "list the dated events the article discusses, each with its paragraph",
		run:     runTimeline,
	})
}

// timelineJSON is one element of "glossa timeline --json" (a contract).
type timelineJSON struct {
	Date        string `json:"date"`
	Event       string `json:"event"`
	ParagraphID string `json:"paragraph_id"`
}

func runTimeline(e *env, args []string) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the events as a JSON array")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "glossa timeline: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa timeline: parse the article: %v\n", err)
		return 1
	}
	// The events that resolve are printed even when others do not, so a
	// mistake in one event of the file hides nothing else.
	events, lerr := timeline.Load(assets.Timeline, doc)
	if *asJSON {
		out := make([]timelineJSON, len(events))
		for i, ev := range events {
			// the ID printed is the paragraph's current one, which the
			// quote may have found after the file's ID went stale
			out[i] = timelineJSON{Date: ev.Date, Event: ev.Text, ParagraphID: doc.Paragraphs[ev.Paragraph].ID}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(e.stderr, "glossa timeline: %v\n", err)
			return 1
		}
	} else {
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DATE\tSECTION\tPARAGRAPH\tEVENT")
		for _, ev := range events {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ev.Date, ev.Section, doc.Paragraphs[ev.Paragraph].ID, ev.Text)
		}
		tw.Flush()
	}
	if lerr != nil {
		fmt.Fprintf(e.stderr, "glossa timeline: the shipped timeline has problems:\n%v\n", lerr)
		return 1
	}
	return 0
}
