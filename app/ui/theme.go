package ui

import (
	"image/color"
	"sync/atomic"

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
	u.setTheme()
	// the driver refreshes the windows when told (once the app runs)
	u.app.Settings().SetTheme(withShippedFonts{u.live})
}

// setTheme makes the app's theme the chosen one at the window's zoom,
// without telling Fyne: before the window's first frame nothing drawn
// needs to know, and the window is being made on the UI goroutine
// meanwhile (Open), which reads the app's settings.
func (u *UI) setTheme() {
	t := windowTheme{Theme: theme.DefaultTheme(), zoom: u.zoom}
	switch u.theme {
	case "light":
		t.fixed, t.variant = true, theme.VariantLight
	case "dark":
		t.fixed, t.variant = true, theme.VariantDark
	}
	if u.live == nil {
		// the theme Warm set, when it did: the app draws in it already
		if w, ok := u.app.Settings().Theme().(withShippedFonts); ok {
			u.live, _ = w.Theme.(*liveTheme)
		}
	}
	if u.live != nil {
		u.live.cur.Store(&t)
		return
	}
	u.live = &liveTheme{}
	u.live.cur.Store(&t)
	u.app.Settings().SetTheme(withShippedFonts{u.live})
}

// liveTheme is the theme an app draws in: the window's theme of the
// moment, which changes without the app's settings being written (see
// setTheme).
type liveTheme struct{ cur atomic.Pointer[windowTheme] }

func newLiveTheme() *liveTheme {
	l := &liveTheme{}
	l.cur.Store(&windowTheme{Theme: theme.DefaultTheme(), zoom: 1})
	return l
}

func (l *liveTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return l.cur.Load().Color(n, v)
}

func (l *liveTheme) Font(s fyne.TextStyle) fyne.Resource { return l.cur.Load().Font(s) }

func (l *liveTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return l.cur.Load().Icon(n) }

func (l *liveTheme) Size(n fyne.ThemeSizeName) float32 { return l.cur.Load().Size(n) }

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
