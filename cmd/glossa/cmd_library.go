package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

func init() {
	register(&command{name: "library", usage: "library [--json] [--trash]", summary: "list the articles in the library (import more with \"glossa import\")", run: runLibrary})
}

// libraryJSON is the contract of "glossa library --json"; fields may be
// added, never renamed.
type libraryJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Authors    []string `json:"authors"`
	Year       int      `json:"year"`
	Footnotes  int      `json:"footnotes"`
	Notes      int      `json:"notes"`
	Added      string   `json:"added"`
	Paragraphs int      `json:"paragraphs"`
	Problems   int      `json:"problems"`
	Format     string   `json:"format"`
	Origin     string   `json:"origin"`
	Shipped    bool     `json:"shipped"`
	Opened     string   `json:"opened,omitempty"`
	Trashed    string   `json:"trashed,omitempty"`
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func runLibrary(e *env, args []string) int {
	fs := flag.NewFlagSet("library", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, `print the articles as JSON: [{"id","title","authors","year","footnotes","notes","added",...}]`)
	trash := fs.Bool("trash", false, "list the articles in the trash instead")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "glossa library: unexpected %q (to add an article: glossa import FILE)\n", fs.Arg(0))
		return 2
	}
	s, _, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa library:", errText(err))
		return 1
	}
	defer s.Close()
	list, err := s.Library()
	if *trash {
		list, err = s.TrashedArticles()
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa library:", err)
		return 1
	}
	if *asJSON {
		out := make([]libraryJSON, len(list))
		for i, a := range list {
			authors := a.Authors
			if authors == nil {
				authors = []string{}
			}
			out[i] = libraryJSON{ID: a.ID, Title: a.Title, Authors: authors, Year: a.Year, Footnotes: a.Footnotes,
				Notes: a.Notes, Added: stamp(a.Added), Paragraphs: a.Paragraphs, Problems: a.Problems, Format: a.Format,
				Origin: a.Origin, Shipped: a.Shipped, Opened: stamp(a.Opened), Trashed: stamp(a.Trashed)}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(e.stderr, "glossa library:", err)
			return 1
		}
		return 0
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "No articles.")
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tAUTHORS\tYEAR\tFOOTNOTES\tNOTES\tADDED")
	for _, a := range list {
		year := "-"
		if a.Year != 0 {
			year = fmt.Sprint(a.Year)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", a.ID, shorten(orUntitled(a.Title), 50), shorten(strings.Join(a.Authors, "; "), 30),
			year, a.Footnotes, a.Notes, a.Added.Local().Format("2006-01-02"))
	}
	tw.Flush()
	return 0
}

func orUntitled(title string) string {
	if strings.TrimSpace(title) == "" {
		return "(untitled)"
	}
	return title
}

// takeArticle takes --article ID (or --article=ID) out of a command's
// arguments, so that every command that works on one article reads it
// the same way and its own parsing stays as it was. Arguments after "--"
// are left alone.
func takeArticle(args []string) (rest []string, which string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), which, nil
		}
		name, value, hasValue := strings.Cut(a, "=")
		if name != "--article" && name != "-article" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, "", errors.New(`--article needs the ID of an article ("glossa library" lists them) or "all"`)
			}
			i++
			value = args[i]
		}
		which = strings.ToLower(strings.TrimSpace(value))
	}
	return rest, which, nil
}

// openArticle opens the store on the article --article named: "" for the
// shipped article, as every command did before the library; "all" only
// where allOK (the caller then spans the library). It returns the
// article's document as it was imported.
func (e *env) openArticle(which string, allOK bool) (*store.Store, *article.Document, error) {
	if which == "all" && !allOK {
		return nil, nil, errors.New(`--article all does not apply here: give the ID of one article ("glossa library" lists them)`)
	}
	s, doc, err := e.openStore()
	if err != nil || which == "" || which == "all" {
		return s, doc, err
	}
	id, err := findArticle(s, which)
	if err == nil && id == s.Current() {
		return s, doc, nil
	}
	if err == nil {
		err = s.Use(id)
	}
	var d *article.Document
	if err == nil {
		d, err = s.Document(id)
	}
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, d, nil
}

// findArticle is the ID of the article want names: its ID, or a longer
// prefix of its hash (matchArticle).
func findArticle(s *store.Store, want string) (string, error) {
	list, err := s.Library()
	if err != nil {
		return "", err
	}
	for _, a := range list {
		if len(want) < len(a.ID) || want[:len(a.ID)] != a.ID {
			continue
		}
		if len(want) == len(a.ID) {
			return a.ID, nil
		}
		if doc, err := s.Document(a.ID); err == nil && matchArticle(want, doc) {
			return a.ID, nil
		}
	}
	if trashed, err := s.TrashedArticles(); err == nil {
		for _, a := range trashed {
			if strings.HasPrefix(want, a.ID) {
				return "", fmt.Errorf("the article %s (%s) is in the library's trash: restore it first", a.ID, orUntitled(a.Title))
			}
		}
	}
	return "", fmt.Errorf(`no article %q in the library ("glossa library" lists the IDs)`, want)
}

// shippedID is the ID of the article Glossa ships with.
func shippedID() string {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		return ""
	}
	return articleID(doc)
}

// ownCards are the cards the student made on article which: the only
// cards an article other than the shipped one has.
func ownCards(e *env, which string) ([]deck.ResolvedCard, error) {
	s, _, err := e.openArticle(which, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	user, err := s.UserCards()
	if err != nil {
		return nil, err
	}
	var out []deck.ResolvedCard
	for _, c := range user {
		if !c.UserMade {
			continue
		}
		out = append(out, deck.ResolvedCard{Card: deck.Card{ID: c.CardID, Type: deck.Type(c.Type), Front: c.Front, Back: c.Back,
			Tags: c.Tags, Anchor: c.Quote}, ParagraphID: c.ParagraphID})
	}
	return out, nil
}
