package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/store"
)

// scratchStore is a study database in a temporary folder, for a window
// whose real one could not be opened: every screen still works, and the
// banner says that nothing will be kept. It is removed when the window
// closes.
type scratchStore struct {
	st   *store.Store
	dir  string
	once sync.Once
}

func openScratchStore(doc *article.Document) (*scratchStore, error) {
	dir, err := os.MkdirTemp("", "glossa-unsaved-")
	if err != nil {
		return nil, fmt.Errorf("ui: temporary study database: %w", err)
	}
	st, err := store.Open(filepath.Join(dir, "glossa.db"))
	if err == nil {
		_, err = st.ImportArticle(doc)
		if err != nil {
			st.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("ui: temporary study database: %w", err)
	}
	return &scratchStore{st: st, dir: dir}, nil
}

func (s *scratchStore) remove() {
	s.once.Do(func() {
		s.st.Close()
		os.RemoveAll(s.dir)
	})
}

// unsavedBanner says, for as long as the window is open, that the work
// goes into a temporary database and why.
func unsavedBanner(why error) fyne.CanvasObject {
	text := "Nothing you do now will be kept: notes, highlights, reviews and your place go into a temporary database that is deleted when Glossa closes."
	if why != nil {
		text += " Your study database could not be opened (" + why.Error() + "). Check that its folder exists and may be written to, or start Glossa with --db PATH."
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.TextStyle.Bold = true
	icon := widget.NewIcon(theme.WarningIcon())
	return container.NewVBox(container.NewBorder(nil, nil, icon, nil, l), widget.NewSeparator())
}
