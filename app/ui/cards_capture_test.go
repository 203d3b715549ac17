//go:build capture

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestCardsCapture writes PNGs of the Cards screen (review, answer,
// browser, stats, the editor of a card made from a passage) in both
// themes into $GLOSSA_CAPTURE, for a look without a display.
func TestCardsCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	for _, th := range []string{"light", "dark"} {
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
		u, s := cardsUI(t, tempStore(t), &now)
		u.SetTheme(th)
		save := func(name string) { saveCapture(t, u.Window(), filepath.Join(dir, "cards-"+name+"-"+th+".png")) }
		c := u.Window().Canvas()
		for i := 0; i < 6; i++ { // reach a cloze card with an extra note
			typeKey(c, fyne.KeySpace, ' ')
			typeKey(c, fyne.Key3, '3')
		}
		save("front")
		typeKey(c, fyne.KeySpace, ' ')
		save("answer")
		s.tabs.SelectIndex(1)
		s.browse.list.Select(2)
		save("browse")
		s.tabs.SelectIndex(2)
		save("stats")
		p := u.doc.Paragraphs[40]
		s.newCardFromPassage(p.ID, strings.Join(strings.Fields(p.Text)[:25], " "))
		save("new-card")
	}
}
