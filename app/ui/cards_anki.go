package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/store/apkg"
)

// withAnkiExport puts the "Export to Anki…" button beside the card count
// of the browser.
func (b *cardBrowser) withAnkiExport(count fyne.CanvasObject) fyne.CanvasObject {
	export := widget.NewButtonWithIcon("Export to Anki…", theme.DocumentSaveIcon(), b.s.onExportAnkiTapped)
	return container.NewBorder(nil, nil, nil, export, count)
}

// onExportAnkiTapped saves every card, with the student's progress, as
// an Anki package.
func (s *cardsScreen) onExportAnkiTapped() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if !picked(w, err, s.showError, "The file could not be opened") {
			return
		}
		// The package is written next to the file and renamed over it,
		// so the empty file the dialog made is only a placeholder.
		w.Close()
		s.exportAnki(w.URI().Path())
	}, s.svc.win)
	d.SetFileName("glossa.apkg")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".apkg"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportAnki writes the Anki package at path and says what it holds.
func (s *cardsScreen) exportAnki(path string) {
	p, err := apkg.Export(s.svc.st, s.svc.doc, deck.ResolveKeep(shippedDeck(), s.svc.doc), path, time.Now())
	if err != nil {
		s.showError("The Anki package could not be written", err)
		return
	}
	reviewed, reviews := p.Reviewed()
	dialog.ShowInformation("Cards exported to Anki", fmt.Sprintf(
		"%d cards written to %s (%d of them reviewed, %d reviews in their history).\n\n"+
			"In Anki, choose File > Import, pick this file and tick \"Import any learning progress\": "+
			"your cards go on where they are here.", len(p.Notes), filepath.Base(path), reviewed, reviews), s.svc.win)
}
