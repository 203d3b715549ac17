// Package ui is Glossa's window: the reader of the article and its
// footnotes, and the navigation to the other study screens. One
// constructor, New, builds it for main and for the headless tests.
package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/store"
)

// Store is what the window needs from the study database; *store.Store
// is one. Tests and the other screens may wrap it.
type Store interface {
	Search(query string, limit int) ([]store.Hit, error)
	Setting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// Options are the deep links and window settings from the command line.
type Options struct {
	Section  string    // open at this section ("3.3")
	Footnote int       // open at this footnote, shown
	Size     fyne.Size // initial window size; zero for the default
	Notice   string    // shown once the window is open (a restored database)
}

// Keys of the settings the window remembers.
const (
	keyPosition  = store.SettingReadingPosition // ID of the paragraph at the top
	keyZoom      = store.SettingZoom
	keyTheme     = store.SettingTheme
	keyFootnotes = "reader.footnotes"
	keyContents  = "reader.contents"
)

// screen is one entry of the navigation. Other screens are added to
// UI.screens by their own constructors.
type screen struct {
	name    string
	icon    fyne.Resource
	content fyne.CanvasObject
}

// UI is the main window and its screens.
type UI struct {
	app    fyne.App
	win    fyne.Window
	doc    *article.Document
	st     Store
	theme  string // "system", "light" or "dark"
	tabs   *container.AppTabs
	reader *Reader

	screens   []screen
	shortcuts []command
}

// New builds the main window for doc. st may be nil (nothing is
// remembered, search finds nothing).
func New(a fyne.App, doc *article.Document, st Store, opts Options) *UI {
	u := &UI{app: a, doc: doc, st: st, theme: "system"}
	if v, ok := u.setting(keyTheme); ok {
		u.theme = v
	}
	u.applyTheme()
	u.win = a.NewWindow("Glossa")
	u.reader = newReader(u)

	u.screens = []screen{
		{"Reader", theme.DocumentIcon(), u.reader.content},
		{"Sources", theme.StorageIcon(), comingSoon("Sources", "The works the footnotes cite, resolved from Ibid. and cit. to their full reference, with every footnote that cites them.")},
		{"Cards", theme.GridIcon(), comingSoon("Cards", "Flashcards on the article's key principles, scheduled with FSRS so that each comes back just before you would forget it.")},
		{"Notes", theme.DocumentCreateIcon(), comingSoon("Notes", "Your notes and highlights, anchored to the passages they are about, searchable with the article.")},
	}
	u.tabs = container.NewAppTabs()
	for _, s := range u.screens {
		u.tabs.Append(container.NewTabItemWithIcon(s.name, s.icon, s.content))
	}
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.win.SetContent(u.tabs)

	u.registerCommands()
	size := opts.Size
	if size.Width == 0 {
		size = fyne.NewSize(1180, 780)
	}
	u.win.Resize(size)
	u.win.SetOnClosed(u.onWindowClosed)
	a.Lifecycle().SetOnStopped(u.reader.savePosition)

	u.reader.open(opts)
	if opts.Notice != "" {
		dialog.ShowInformation("Glossa", opts.Notice, u.win)
	}
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Reader is the reader screen.
func (u *UI) Reader() *Reader { return u.reader }

func comingSoon(name, what string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(what + "\n\nThis screen is coming in a later version.")
	body.Wrapping = fyne.TextWrapWord
	body.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 200), container.NewVBox(title, body)))
}

func (u *UI) onWindowClosed() {
	u.reader.savePosition()
}

func (u *UI) setting(key string) (string, bool) {
	if u.st == nil {
		return "", false
	}
	v, ok, err := u.st.Setting(key)
	if err != nil || !ok {
		return "", false
	}
	return v, true
}

func (u *UI) setSetting(key, value string) {
	if u.st == nil {
		return
	}
	if err := u.st.SetSetting(key, value); err != nil {
		fyne.LogError("saving setting "+key, err)
	}
}

func (u *UI) settingFloat(key string, def float64) float64 {
	v, ok := u.setting(key)
	if !ok {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return def
	}
	return f
}

// command is one menu item with its keyboard shortcut, registered once
// for both the menu and the canvas.
type command struct {
	menu   string // "File", "View", ...
	label  string
	key    fyne.KeyName
	mod    fyne.KeyModifier
	action func()
}

// registerCommands is the one place where menus and shortcuts are made.
func (u *UI) registerCommands() {
	r := u.reader
	def := fyne.KeyModifierShortcutDefault
	u.shortcuts = []command{
		{"File", "Quit", fyne.KeyQ, def, u.quit},
		{"Edit", "Find…", fyne.KeyF, def, r.onSearchOpen},
		{"View", "Zoom In", fyne.KeyEqual, def, r.zoomIn},
		{"View", "Zoom Out", fyne.KeyMinus, def, r.zoomOut},
		{"View", "Actual Size", fyne.Key0, def, r.zoomReset},
		{"View", "Footnote Panel", "", 0, r.toggleFootnotes},
		{"View", "Contents Panel", "", 0, r.toggleContents},
		{"View", "Light Theme", "", 0, func() { u.SetTheme("light") }},
		{"View", "Dark Theme", "", 0, func() { u.SetTheme("dark") }},
		{"View", "System Theme", "", 0, func() { u.SetTheme("system") }},
		{"Go", "Back", fyne.KeyLeft, fyne.KeyModifierAlt, r.back},
		{"Go", "Next Section", "", 0, r.nextSection},
		{"Go", "Previous Section", "", 0, r.prevSection},
		{"Go", "Beginning", fyne.KeyHome, def, r.home},
		{"Go", "End", fyne.KeyEnd, def, r.end},
	}
	c := u.win.Canvas()
	menus := map[string]*fyne.Menu{}
	var order []*fyne.Menu
	for _, cmd := range u.shortcuts {
		cmd := cmd
		item := fyne.NewMenuItem(cmd.label, cmd.action)
		if cmd.key != "" {
			sc := &desktop.CustomShortcut{KeyName: cmd.key, Modifier: cmd.mod}
			item.Shortcut = sc
			c.AddShortcut(sc, func(fyne.Shortcut) { cmd.action() })
		}
		m, ok := menus[cmd.menu]
		if !ok {
			m = fyne.NewMenu(cmd.menu)
			menus[cmd.menu] = m
			order = append(order, m)
		}
		if cmd.label == "Quit" {
			item.IsQuit = true
		}
		m.Items = append(m.Items, item)
	}
	// "+" is Shift+= on most keyboards and a key of its own on keypads
	for _, k := range []fyne.KeyName{fyne.KeyPlus} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: def}, func(fyne.Shortcut) { r.zoomIn() })
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: def | fyne.KeyModifierShift}, func(fyne.Shortcut) { r.zoomIn() })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: def | fyne.KeyModifierShift}, func(fyne.Shortcut) { r.zoomIn() })
	u.win.SetMainMenu(fyne.NewMainMenu(order...))
	c.SetOnTypedKey(r.onKey)
	c.SetOnTypedRune(r.onRune)
}

func (u *UI) quit() {
	u.reader.savePosition()
	u.app.Quit()
}
