// Package vault exports the student's notes from the study database into
// a folder for Obsidian, through app/obsidian (which knows no SQL). The
// command line and the Notes screen both call Export.
package vault

import (
	"fmt"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/obsidian"
	"github.com/glossa-app/glossa/store"
)

// Article is the article doc with the notes on it, as app/obsidian takes
// them.
func Article(doc *article.Document, notes []store.Note) obsidian.Article {
	a := obsidian.Article{Doc: doc, Library: cite.Extract(doc.Footnotes), ShortTitle: deck.ShortTitle}
	for _, n := range notes {
		a.Notes = append(a.Notes, obsidian.Note{ID: n.ID, Kind: n.TargetKind, TargetID: n.TargetID, Quote: n.Quote(),
			Start: n.Anchor.Start, Body: n.Body, Tags: n.Tags, Color: n.Color, Section: n.Section, Orphan: n.Orphan})
	}
	return a
}

// Export writes every note not in the trash into dir (see obsidian.Write)
// and returns how many notes went out and what was written.
func Export(st *store.Store, doc *article.Document, dir string, now time.Time) (int, obsidian.Report, error) {
	notes, err := st.Notes(store.NoteFilter{})
	if err != nil {
		return 0, obsidian.Report{}, fmt.Errorf("vault: %w", err)
	}
	rep, err := obsidian.Write(dir, obsidian.Files([]obsidian.Article{Article(doc, notes)}, now), now)
	return len(notes), rep, err
}
