package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/apkg"
)

// wantsFormat reports whether args ask for --format name, before the
// flags are parsed: each format has its own flags.
func wantsFormat(args []string, name string) bool {
	for i, a := range args {
		switch a {
		case "--format=" + name, "-format=" + name:
			return true
		case "--format", "-format":
			if i+1 < len(args) && args[i+1] == name {
				return true
			}
		}
	}
	return false
}

// articleID is how commands name an article: its library ID.
func articleID(doc *article.Document) string { return store.ArticleID(doc.Hash) }

// matchArticle reports whether the --article value names doc: "all", its
// id, or any longer prefix of its hash.
func matchArticle(want string, doc *article.Document) bool {
	want = strings.ToLower(strings.TrimSpace(want))
	return want == "all" || (len(want) >= 12 && strings.HasPrefix(doc.Hash, want))
}

// withStudentCards lays the student's own cards and edits over the shipped
// deck when there is a study database; without one (nothing studied yet)
// the shipped deck is all there is, and no database is made for it.
func withStudentCards(e *env, cards []deck.ResolvedCard) ([]deck.ResolvedCard, error) {
	path, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return cards, nil
	}
	s, doc, err := e.openStore()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return apkg.StudentCards(s, doc, cards)
}

// runCardsExportApkg writes an Anki package with the student's progress.
func runCardsExportApkg(e *env, args []string) int {
	fset := flag.NewFlagSet("cards export", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	fset.String("format", "apkg", "apkg: an Anki package with review history and memory state")
	out := fset.String("o", "", "the .apkg file to write")
	which := fset.String("article", "all", `"all", or the id of one article`)
	if pos, err := parseInterspersed(fset, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(e.stderr, "glossa cards export: unexpected argument %q\n", pos[0])
		}
		return 2
	}
	if *out == "" || *out == "-" {
		fmt.Fprintln(e.stderr, "glossa cards export: -o FILE.apkg is required (an Anki package is a zip file, not text)")
		return 2
	}
	cards, ok := loadDeck(e.stderr)
	if cards == nil && !ok {
		return 1
	}
	s, doc, err := e.openStore()
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa cards export:", err)
		return 1
	}
	defer s.Close()
	if !matchArticle(*which, doc) {
		fmt.Fprintf(e.stderr, "glossa cards export: no article %q here; use --article all or --article %s (%s)\n",
			*which, articleID(doc), deck.ShortTitle)
		return 2
	}
	p, err := apkg.Export(s, doc, cards, *out, time.Now())
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa cards export:", err)
		return 1
	}
	reviewed, reviews := p.Reviewed()
	fmt.Fprintf(e.stderr, "wrote %d cards (%d reviewed, %d reviews) to %s: in Anki, File > Import, and tick \"Import any learning progress\"\n",
		len(p.Notes), reviewed, reviews, *out)
	if !ok {
		return 1
	}
	return 0
}
