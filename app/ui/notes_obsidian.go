package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store/vault"
)

// markdownExportButton is the Notes screen's "Markdown…" button: it
// offers the one-file export and the folder for Obsidian (a fourth button
// in the row would squeeze the note count out of a 1024-pixel window).
func (s *notesScreen) markdownExportButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("Markdown…", theme.DocumentSaveIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("One Markdown file…", s.onExportMarkdownTapped),
			fyne.NewMenuItem("A folder for Obsidian…", s.onExportObsidianTapped))
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, s.svc.win.Canvas(), at)
	})
	return b
}

// onExportObsidianTapped writes every note into a folder the student
// picks (their vault, or a folder in it).
func (s *notesScreen) onExportObsidianTapped() {
	s.svc.saveTyped() // written while the folder is picked
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if !picked(dir, err, s.showError, "The folder could not be opened") {
			return
		}
		s.exportObsidian(dir.Path())
	}, s.svc.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportObsidian writes the notes into dir and says what happened.
func (s *notesScreen) exportObsidian(dir string) {
	count, rep, err := vault.Export(s.svc.st, s.svc.doc, dir, time.Now())
	if err != nil {
		s.showError("The notes could not be exported to "+dir, err)
		return
	}
	msg := fmt.Sprintf("%d notes exported to %s: the literature note and a page for each work your notes cite (%d files written, %d unchanged).",
		count, dir, len(rep.Written), len(rep.Unchanged))
	if len(rep.Kept) > 0 {
		msg += "\n\nYou had edited " + strings.Join(rep.Kept, ", ") + ": your version is kept beside the new one."
	}
	if len(rep.Skipped) > 0 {
		msg += "\n\nNot written, because files Glossa did not make have these names: " + strings.Join(rep.Skipped, ", ") +
			". Rename them, or export into another folder."
	}
	dialog.ShowInformation("Notes exported to Obsidian", msg, s.svc.win)
}
