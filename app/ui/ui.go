// Package ui is Glossa's window: the reader of the article and its
// footnotes, and the navigation to the other study screens. One
// constructor, New, builds it for main and for the headless tests.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store"
)

// Options are the deep links and window settings from the command line.
type Options struct {
	Section  string    // open at this section ("3.3")
	Footnote int       // open at this footnote, shown
	Size     fyne.Size // initial window size; zero for the default
	Notice   string    // shown once the window is open (a restored database)
	Lecture  bool      // open lecture mode (at Section, if given) once the window is shown: see StartLecture
	// StoreError is why the study database could not be opened, when New
	// is given none: the banner of the temporary one says it.
	StoreError error
	// Settled runs, on a goroutine of its own, once the window's first
	// frame is drawn and the work started right after it (the citation
	// library) is done: the start-up's garbage is all made by then.
	Settled func()
}

// Keys of the settings the window remembers.
const (
	keyPosition   = store.SettingReadingPosition // ID of the paragraph at the top
	keyZoom       = store.SettingZoom
	keyTheme      = store.SettingTheme
	keyFootnotes  = "reader.footnotes"
	keyContents   = "reader.contents"
	keyWindowSize = "window.size"
)

// screen is one entry of the navigation. Each screen lives in its own
// file with a constructor that returns it.
type screen struct {
	name    string
	icon    fyne.Resource
	content fyne.CanvasObject
	// keys, when set, gets the keys typed while this screen is shown and
	// no entry has the focus; it reports whether it used the key.
	keys keyHandler
	// shown, when set, is called each time the screen is selected.
	shown func()
	// places, when set, says where on the screen the student is, for
	// Back and Forward to return there
	places placeKeeper
}

// keyHandler is a screen's keyboard, for keys no entry took.
type keyHandler interface {
	onKey(ev *fyne.KeyEvent) bool
	onRune(r rune) bool
}

// UI is the main window and its screens.
type UI struct {
	*services // the store is a temporary one when the real one could not be opened
	// scratch is that temporary database, removed when the window closes
	scratch *scratchStore
	banner  fyne.CanvasObject
	theme   string     // "system", "light" or "dark"
	zoom    float32    // the window's scale, 1 for 100 %
	live    *liveTheme // the theme the app draws in (setTheme)
	start   startState
	tabs    *container.AppTabs
	reader  *Reader

	sources *sourcesScreen
	cards   *cardsScreen
	notes   *notesScreen
	lecture *lectureMode
	// shareDlg is the Share dialog while it is open (share_dialog.go)
	shareDlg *shareDialog

	shelfScreen *libraryScreen
	// shelf is which article the screens show (library_open.go)
	shelf

	screens   []screen
	hist      *history
	notice    string // shown once the app runs (Options.Notice)
	shortcuts []command
}

// buildScreens makes the screens that show one article from the services
// for it: when the window opens, and again when another article is opened.
func (u *UI) buildScreens() {
	u.reader = newReader(u.services, u, u, u.zoom)
	u.start.mark("ui: reader")
	u.sources = newSourcesScreen(u.services, u)
	u.start.mark("ui: sources")
	u.cards = nil // built once the window is on screen: ensureCards
	u.notes = newNotesScreen(u.services, u, u.reader)
	u.saver.onSaved = func(id string, err error) {
		fyne.Do(func() {
			u.reader.noteEd.onSaved(id, err)
			u.notes.onNoteSaved(id, err)
		})
		u.sharing.changed()
	}
	u.reader.noteService = u.notes
	u.reader.noteEd.notes = u.notes
	u.lecture = newLectureMode(u.services, u, u.reader)
	u.start.mark("ui: notes, lecture")

	u.screens = []screen{
		u.shelfScreen.screen(),
		{name: "Reader", icon: theme.DocumentIcon(), content: u.reader.content, places: u.reader},
		u.sources.screen(),
		{name: "Cards", icon: theme.GridIcon(), content: container.NewStack()},
		u.notes.screen(),
	}
}

// ensureCards builds the Cards screen the first time anything needs it:
// the app's start does, right after the first frame (onAppStarted), since
// the first frame shows the reader and the Cards screen costs the start
// 40-50 ms (the shipped deck parsed, the schedules read, the statistics
// and the first card laid out).
func (u *UI) ensureCards() *cardsScreen {
	if u.cards == nil {
		u.cards = newCardsScreen(u.services, u)
		u.screens[cardsTab] = u.cardsScreen()
	}
	return u.cards
}

// afterFirstFrame is what the first frame starts: the citation library
// (the app's start does too, when it comes first), then settled.
func (u *UI) afterFirstFrame(settled func()) func() {
	if settled == nil {
		return nil
	}
	return func() {
		go func() {
			u.services.library()
			settled()
		}()
	}
}

func (u *UI) onAppStarted() {
	u.startLibrary()
	u.ensureCards()
	u.startSharing()
	if u.notice != "" {
		dialog.ShowInformation("Glossa", u.notice, u.win)
		u.notice = ""
	}
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Reader is the reader screen.
func (u *UI) Reader() *Reader { return u.reader }

// Show selects the screen with this name ("Reader", "Sources", "Cards",
// "Notes").
func (u *UI) Show(name string) {
	for i, s := range u.screens {
		if s.name == name {
			u.tabs.SelectIndex(i)
			return
		}
	}
}

// current is the screen shown now.
func (u *UI) current() screen {
	i := u.tabs.SelectedIndex()
	if i < 0 || i >= len(u.screens) {
		return u.screens[0]
	}
	return u.screens[i]
}

// inReader makes a reader command show the reader first: run on a hidden
// reader, Back rewound it out of sight and emptied its history.
func (u *UI) inReader(f func()) func() {
	return func() {
		if u.current().name != "Reader" {
			u.Show("Reader")
		}
		f()
	}
}

func (u *UI) onTabSelected(*container.TabItem) {
	// the keys belong to the screen now shown, not to an entry of the
	// one left behind (typing went into a hidden search field)
	u.win.Canvas().Unfocus()
	u.join(u.tabs.SelectedIndex())
	if s := u.current(); s.shown != nil {
		s.shown()
	}
}

// join puts screen i into its tab, where New left an empty stack. Its
// widgets are laid out before they join: laid out in the window, a flow
// view's pixel snapping walked up to the screen's own tabs, whose renderer
// was still being made, and made it again, without end.
func (u *UI) join(i int) {
	if i < 0 || i == readerTab || i >= len(u.screens) {
		return
	}
	if i == cardsTab {
		u.ensureCards()
	}
	if box, ok := u.tabs.Items[i].Content.(*fyne.Container); ok && len(box.Objects) == 0 {
		c := u.screens[i].content
		c.MinSize()
		box.Add(c)
	}
}

// onKey and onRune give the keys no entry took to the screen shown; the
// reader takes what the others leave.
func (u *UI) onKey(ev *fyne.KeyEvent) {
	if k := u.current().keys; k != nil && k.onKey(ev) {
		return
	}
	if u.current().name == "Reader" {
		u.reader.onKey(ev)
	} else if ev.Name == fyne.KeyBackspace {
		u.back()
	}
}

func (u *UI) onRune(r rune) {
	if k := u.current().keys; k != nil && k.onRune(r) {
		return
	}
	if u.current().name == "Reader" {
		u.reader.onRune(r)
	}
}

func comingSoon(name, what string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(what + "\n\nThis screen is coming in a later version.")
	body.Wrapping = fyne.TextWrapWord
	body.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 200), container.NewVBox(title, body)))
}

func (u *UI) onWindowClosed() {
	u.reader.savePosition()
	sz := u.win.Canvas().Size()
	u.setSetting(keyWindowSize, fmt.Sprintf("%.0fx%.0f", sz.Width, sz.Height))
	u.writes.wait()
	u.sharing.stop()
	if u.scratch != nil {
		u.scratch.remove()
	}
}

// defaultWindowSize fits a 1024x768 projector or an old laptop with room
// for the window's frame; a bigger screen gets what the student last chose.
var defaultWindowSize = fyne.NewSize(1000, 700)

func (u *UI) savedWindowSize() fyne.Size {
	v, ok := u.setting(keyWindowSize)
	if !ok {
		return defaultWindowSize
	}
	var w, h float32
	if _, err := fmt.Sscanf(v, "%fx%f", &w, &h); err != nil || w < 400 || h < 300 || w > 10000 || h > 10000 {
		return defaultWindowSize
	}
	return fyne.NewSize(w, h)
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
		{"File", "Import Article…", fyne.KeyO, def, u.shelfScreen.onImportTapped},
		{"File", "Import Folder…", "", 0, u.shelfScreen.onImportFolderTapped},
		{"File", "Quit", fyne.KeyQ, def, u.quit},
		{"Edit", "Find…", fyne.KeyF, def, r.onSearchOpen},
		{"View", "Zoom In", fyne.KeyEqual, def, u.zoomIn},
		{"View", "Zoom Out", fyne.KeyMinus, def, u.zoomOut},
		{"View", "Actual Size", fyne.Key0, def, func() { u.setZoom(1) }},
		{"View", "Footnote Panel", "", 0, u.inReader(r.toggleFootnotes)},
		{"View", "Contents Panel", "", 0, u.inReader(r.toggleContents)},
		{"View", "Light Theme", "", 0, func() { u.SetTheme("light") }},
		{"View", "Dark Theme", "", 0, func() { u.SetTheme("dark") }},
		{"View", "System Theme", "", 0, func() { u.SetTheme("system") }},
		{"Go", "Back", fyne.KeyLeft, fyne.KeyModifierAlt, u.back},
		{"Go", "Forward", fyne.KeyRight, fyne.KeyModifierAlt, u.forward},
		{"Go", "Next Section", "", 0, u.inReader(r.nextSection)},
		{"Go", "Previous Section", "", 0, u.inReader(r.prevSection)},
		{"Go", "Beginning", fyne.KeyHome, def, u.inReader(r.home)},
		{"Go", "End", fyne.KeyEnd, def, u.inReader(r.end)},
		{"Go", "Library", fyne.KeyL, def | fyne.KeyModifierShift, func() { u.show("Library") }},
		{"Go", "Reader", fyne.Key1, def, func() { u.Show("Reader") }},
		{"Go", "Sources", fyne.Key2, def, func() { u.Show("Sources") }},
		{"Go", "Cards", fyne.Key3, def, func() { u.Show("Cards") }},
		{"Go", "Notes", fyne.Key4, def, func() { u.Show("Notes") }},
	}
	u.shortcuts = append(u.shortcuts, u.sources.commands()...)
	u.shortcuts = append(u.shortcuts, cardsCommands(u.ensureCards)...)
	u.shortcuts = append(u.shortcuts, u.reader.selectionCommands()...)
	u.shortcuts = append(u.shortcuts, u.notes.commands()...)
	u.shortcuts = append(u.shortcuts, u.lecture.commands()...)
	u.shortcuts = append(u.shortcuts, command{"File", "Share with a Class…", "", 0, u.showShareDialog})
	u.shortcuts = append(u.shortcuts, command{"Help", "About Glossa", "", 0, u.showAbout})
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
	// Fyne adds a Quit of its own unless the first menu ends with one
	if file := menus["File"]; file != nil {
		for i, it := range file.Items {
			if it.IsQuit && i != len(file.Items)-1 {
				file.Items = append(append(file.Items[:i:i], file.Items[i+1:]...), fyne.NewMenuItemSeparator(), it)
				break
			}
		}
	}
	// "+" is Shift+= on most keyboards and a key of its own on keypads
	for _, k := range []fyne.KeyName{fyne.KeyPlus} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: def}, func(fyne.Shortcut) { u.zoomIn() })
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: def | fyne.KeyModifierShift}, func(fyne.Shortcut) { u.zoomIn() })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: def | fyne.KeyModifierShift}, func(fyne.Shortcut) { u.zoomIn() })
	u.win.SetMainMenu(fyne.NewMainMenu(order...))
	c.SetOnTypedKey(u.onKey)
	c.SetOnTypedRune(u.onRune)
	// key-down and key-up are the only way to see keys Fyne makes no
	// shortcut of (F5 alone, Shift alone); this is their one listener
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(ev *fyne.KeyEvent) {
			u.reader.onModifier(ev.Name, true)
			u.lecture.onMainKeyDown(ev)
		})
		dc.SetOnKeyUp(func(ev *fyne.KeyEvent) { u.reader.onModifier(ev.Name, false) })
	}
}

// showAbout tells which Glossa this is, from FyneApp.toml's metadata.
func (u *UI) showAbout() {
	md := u.app.Metadata()
	name := md.Name
	if name == "" {
		name = "Glossa"
	}
	// main sets the metadata for every kind of build (cmd/glossa/metadata.go)
	text := fmt.Sprintf("%s %s (build %d)\n%s\n\nA study companion for A. Mariconda's article on the 2024 UN Cybercrime Convention. Everything stays on this computer; nothing needs the network.", name, md.Version, md.Build, md.ID)
	dialog.ShowInformation("About "+name, text, u.win)
}

func (u *UI) quit() {
	u.reader.savePosition()
	u.writes.wait()
	u.sharing.stop()
	u.app.Quit()
}
