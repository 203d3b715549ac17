package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// cardsScreen is the Cards screen.
type cardsScreen struct {
	u       *UI
	content fyne.CanvasObject
}

func newCardsScreen(u *UI) *cardsScreen {
	return &cardsScreen{u: u, content: comingSoon("Cards", "Flashcards on the article's key principles, scheduled with FSRS so that each comes back just before you would forget it.")}
}

func (s *cardsScreen) screen() screen {
	return screen{name: "Cards", icon: theme.GridIcon(), content: s.content}
}

// commands are the Cards screen's menu items and shortcuts.
func (s *cardsScreen) commands() []command { return nil }
