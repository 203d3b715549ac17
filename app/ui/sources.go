package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// sourcesScreen is the Sources screen.
type sourcesScreen struct {
	u       *UI
	content fyne.CanvasObject
}

func newSourcesScreen(u *UI) *sourcesScreen {
	return &sourcesScreen{u: u, content: comingSoon("Sources", "The works the footnotes cite, resolved from Ibid. and cit. to their full reference, with every footnote that cites them.")}
}

func (s *sourcesScreen) screen() screen {
	return screen{name: "Sources", icon: theme.StorageIcon(), content: s.content}
}

// commands are the Sources screen's menu items and shortcuts.
func (s *sourcesScreen) commands() []command { return nil }
