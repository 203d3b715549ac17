package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// dbPath is the database the commands use: --db, GLOSSA_DB, or the
// default location shared with the window.
func (e *env) dbPath() (string, error) {
	if e.db != "" {
		return e.db, nil
	}
	return store.DefaultPath()
}

// openStore opens the study database with the embedded article imported
// (a no-op unless the article changed) and tells the student on stderr when
// a damaged file had to be moved aside.
func (e *env) openStore() (*store.Store, *article.Document, error) {
	path, err := e.dbPath()
	if err != nil {
		return nil, nil, err
	}
	s, err := store.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if msg := s.Recovered(); msg != "" {
		fmt.Fprintln(e.stderr, "glossa:", msg)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	// A database that may not be read but not written keeps the article it
	// has: listing, searching and exporting still work.
	if _, err := s.ImportArticle(doc); err != nil && !(s.ReadOnly() && errors.Is(err, store.ErrReadOnly)) {
		s.Close()
		return nil, nil, err
	}
	return s, doc, nil
}

// errText is an error as the student reads it: for a database that may
// not be written, the one plain sentence that says so and what to do.
func errText(err error) string {
	if errors.Is(err, store.ErrReadOnly) {
		return store.ErrReadOnly.Error()
	}
	return err.Error()
}

// parseInterspersed parses flags wherever they appear among the
// positional arguments ("search words --json", "notes add --quote X"),
// which flag.Parse alone stops at. After "--" everything is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag.Parse consumed a "--" when rest is shorter than what followed it.
		if i := len(args) - len(rest); i > 0 && args[i-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
