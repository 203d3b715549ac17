package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// windowTheme is the default theme, held to light or dark whatever the
// system prefers when fixed, with every size of text, icon and padding
// scaled by the window's zoom: zoom is the window's, not one screen's.
type windowTheme struct {
	fyne.Theme
	fixed   bool
	variant fyne.ThemeVariant
	zoom    float32
}

func (t windowTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	return t.Theme.Color(n, v)
}

func (t windowTheme) Size(n fyne.ThemeSizeName) float32 {
	return scaledSize(t.Theme.Size(n), n, t.zoom)
}

// scaledSize scales the sizes that make type and its room larger; lines,
// radii and borders keep their pixels.
func scaledSize(s float32, n fyne.ThemeSizeName, scale float32) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		theme.SizeNameInlineIcon, theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * scale
	}
	return s
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
	t := windowTheme{Theme: theme.DefaultTheme(), zoom: u.zoom}
	switch u.theme {
	case "light":
		t.fixed, t.variant = true, theme.VariantLight
	case "dark":
		t.fixed, t.variant = true, theme.VariantDark
	}
	u.app.Settings().SetTheme(withShippedFonts{t})
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
