package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestNoItalicThroughThemeAtStart: an italic widget measured before the
// first frame makes Fyne load the italic faces through the theme, with a
// system font lookup, for a screen nobody has opened yet (theme_fonts.go).
// The window, built and drawn once, asks the theme for regular and bold
// only; opening the card browser on a card then loads italic.
func TestNoItalicThroughThemeAtStart(t *testing.T) {
	themeStyles.Clear()
	u, _ := newTestUI(t, tempStore(t), Options{})
	u.Window().Canvas().Capture()
	var asked []fyne.TextStyle
	themeStyles.Range(func(k, _ any) bool {
		asked = append(asked, k.(fyne.TextStyle))
		return true
	})
	if _, ok := themeStyles.Load(fyne.TextStyle{}); !ok {
		t.Fatalf("the theme was never asked for the regular face (asked: %v): the probe sees nothing", asked)
	}
	for _, s := range asked {
		if s.Italic {
			t.Errorf("the first frame asked the theme for %+v (asked: %v)", s, asked)
		}
	}

	u.Show("Cards")
	u.cards.tabs.SelectIndex(1) // Browse
	u.cards.browse.list.Select(0)
	u.Window().Canvas().Capture()
	if _, ok := themeStyles.Load(fyne.TextStyle{Italic: true}); !ok {
		t.Error("a card shown in the browser did not draw its source line in italic")
	}
}
