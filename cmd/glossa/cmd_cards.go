package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/atomicfile"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/assets"
)

func init() {
	register(&command{
		name:    "cards",
		usage:   "cards [--json] [--article ID] | cards export --format apkg|anki|csv -o FILE",
		summary: "list the flashcard deck, or export it for Anki (with progress) or as CSV",
		run:     runCards,
	})
}

// cardJSON is one element of "glossa cards --json".
type cardJSON struct {
	ID     string     `json:"id"`
	Type   string     `json:"type"`
	Front  string     `json:"front"`
	Back   string     `json:"back"`
	Anchor anchorJSON `json:"anchor"`
	Tags   []string   `json:"tags"`
}

type anchorJSON struct {
	ParagraphID string `json:"paragraph_id"`
	Quote       string `json:"quote"`
}

func runCards(e *env, args []string) int {
	if len(args) > 0 && args[0] == "export" {
		return runCardsExport(e, args[1:])
	}
	args, which, err := takeArticle(args)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa cards:", err)
		return 2
	}
	fs := flag.NewFlagSet("cards", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the deck as a JSON array")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "glossa cards: unexpected argument %q (did you mean \"cards export\"?)\n", fs.Arg(0))
		return 2
	}
	var cards []deck.ResolvedCard
	ok := true
	if which == "" || which == shippedID() {
		cards, ok = loadDeck(e.stderr)
		if cards == nil && !ok {
			return 1
		}
	} else if cards, err = ownCards(e, which); err != nil {
		fmt.Fprintln(e.stderr, "glossa cards:", err)
		return 1
	}
	if *asJSON {
		out := make([]cardJSON, len(cards))
		for i, c := range cards {
			tags := c.Tags
			if tags == nil {
				tags = []string{}
			}
			out[i] = cardJSON{ID: c.ID, Type: string(c.Type), Front: c.Front, Back: c.Back,
				Anchor: anchorJSON{ParagraphID: c.ParagraphID, Quote: c.Anchor}, Tags: tags}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(e.stderr, "glossa cards: %v\n", err)
			return 1
		}
	} else {
		printCards(e.stdout, cards)
	}
	if !ok {
		return 1
	}
	return 0
}

func runCardsExport(e *env, args []string) int {
	if wantsFormat(args, "apkg") {
		return runCardsExportApkg(e, args)
	}
	fs := flag.NewFlagSet("cards export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "", "apkg (Anki package), anki (Anki's text import format) or csv (RFC 4180)")
	out := fs.String("o", "", "file to write (\"-\" for standard output)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "glossa cards export: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	var write func(io.Writer, []deck.ResolvedCard) error
	switch *format {
	case "anki":
		write = deck.WriteAnki
	case "csv":
		write = deck.WriteCSV
	case "":
		fmt.Fprintln(e.stderr, "glossa cards export: --format is required (apkg, anki or csv)")
		return 2
	default:
		fmt.Fprintf(e.stderr, "glossa cards export: unknown format %q (want apkg, anki or csv)\n", *format)
		return 2
	}
	if *out == "" {
		fmt.Fprintln(e.stderr, "glossa cards export: -o FILE is required")
		return 2
	}
	cards, ok := loadDeck(e.stderr)
	if cards == nil && !ok {
		return 1
	}
	cards, err := withStudentCards(e, cards)
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa cards export: your own cards: %v\n", err)
		return 1
	}
	if *out == "-" {
		if err := write(e.stdout, cards); err != nil {
			fmt.Fprintf(e.stderr, "glossa cards export: %v\n", err)
			return 1
		}
	} else if err := writeFileAtomic(*out, func(w io.Writer) error { return write(w, cards) }); err != nil {
		fmt.Fprintf(e.stderr, "glossa cards export: %v\n", err)
		return 1
	} else {
		fmt.Fprintf(e.stderr, "wrote %d cards to %s\n", len(cards), *out)
	}
	if !ok {
		return 1
	}
	return 0
}

// loadDeck parses the shipped deck and ties its cards to the article. A
// deck with errors gives no cards. Cards whose anchor does not resolve
// (or all of them, if the article does not parse) keep an empty paragraph
// ID; every such problem goes to stderr and ok is false.
func loadDeck(stderr io.Writer) (cards []deck.ResolvedCard, ok bool) {
	parsed, err := deck.Parse(assets.Deck)
	if err != nil {
		fmt.Fprintf(stderr, "glossa: the shipped deck has errors:\n%v\n", err)
		return nil, false
	}
	ok = true
	byID := map[string]deck.ResolvedCard{}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintf(stderr, "glossa: anchors left unresolved: parse the article: %v\n", err)
		ok = false
	} else {
		resolved, errs := deck.Resolve(parsed, doc)
		for _, r := range resolved {
			byID[r.ID] = r
		}
		for _, err := range errs {
			fmt.Fprintf(stderr, "glossa: %v\n", err)
			ok = false
		}
	}
	cards = make([]deck.ResolvedCard, len(parsed))
	for i, c := range parsed {
		if r, found := byID[c.ID]; found {
			cards[i] = r
		} else {
			cards[i] = deck.ResolvedCard{Card: c}
		}
	}
	return cards, ok
}

func printCards(w io.Writer, cards []deck.ResolvedCard) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tPARAGRAPH\tQUESTION")
	for _, c := range cards {
		q := c.Question()
		if r := []rune(q); len(r) > 70 {
			q = string(r[:69]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Type, orDash(c.ParagraphID), q)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d cards\n", len(cards))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// writeFileAtomic writes a file through a temporary file in the same
// directory, so a failed export never leaves a half-written file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}
