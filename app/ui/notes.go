package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// notesScreen is the Notes screen.
type notesScreen struct {
	u       *UI
	content fyne.CanvasObject
}

func newNotesScreen(u *UI) *notesScreen {
	return &notesScreen{u: u, content: comingSoon("Notes", "Your notes and highlights, anchored to the passages they are about, searchable with the article.")}
}

func (s *notesScreen) screen() screen {
	return screen{name: "Notes", icon: theme.DocumentCreateIcon(), content: s.content}
}

// commands are the Notes screen's menu items and shortcuts.
func (s *notesScreen) commands() []command { return nil }
