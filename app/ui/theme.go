package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fixedVariant is the default theme held to light or dark whatever the
// system prefers.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// Themes the user can choose.
var themeNames = []string{"system", "light", "dark"}

// SetTheme switches between "light", "dark" and "system" and remembers it.
func (u *UI) SetTheme(name string) {
	switch name {
	case "light", "dark", "system":
	default:
		return
	}
	u.theme = name
	u.applyTheme()
	u.setSetting(keyTheme, name)
	if u.reader != nil {
		u.reader.onThemeChanged()
	}
}

// Theme is the chosen theme name.
func (u *UI) Theme() string { return u.theme }

func (u *UI) applyTheme() {
	switch u.theme {
	case "light":
		u.app.Settings().SetTheme(withShippedFonts{fixedVariant{theme.DefaultTheme(), theme.VariantLight}})
	case "dark":
		u.app.Settings().SetTheme(withShippedFonts{fixedVariant{theme.DefaultTheme(), theme.VariantDark}})
	default:
		u.app.Settings().SetTheme(withShippedFonts{theme.DefaultTheme()})
	}
}

// variant is the variant the window is drawn in now.
func (u *UI) variant() fyne.ThemeVariant {
	switch u.theme {
	case "light":
		return theme.VariantLight
	case "dark":
		return theme.VariantDark
	}
	return u.app.Settings().ThemeVariant()
}
