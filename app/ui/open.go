package ui

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/store"
)

// startState is how far the window's start has come.
type startState struct {
	shell *fyne.Container // the window's content: the screens, once built
	// mark ends a phase of the start-up trace: startup.Mark, or, while
	// Open builds the screens beside the window, that goroutine's track
	mark func(string)
	// the reader was opened (openReader)
	readerOpen bool
}

// New builds the main window for doc. When st is nil (the database could
// not be opened) the window works on a temporary one, and a banner says
// that nothing will be kept and why. The screens assume a store: when not
// even a temporary one can be made (no temporary folder may be written),
// New returns nil and the caller says so and stops.
func New(a fyne.App, doc *article.Document, st *store.Store, opts Options) *UI {
	u := newUI(a, doc, st, opts)
	if u == nil {
		return nil
	}
	content := u.build()
	u.attach(content, opts)
	return u
}

// Open is New for the app's start: the screens are built on a goroutine
// of their own while the UI goroutine makes and shows the window (GLFW
// and the GL driver take it 150-250 ms, while the other core waited),
// then joined to it. That goroutine also lays the content out at the
// size the window gives it, puts the reader in its tab, opens it where
// the student left it and prepares the glyphs of the lines placed
// (firstinks.go), so that the UI goroutine, once the window is made, only
// sets the menu and paints. Until then the window shows its background,
// in the student's theme. Nothing built there may call a method of the
// window (TestOpenBuildsWithoutTheWindow).
func Open(a fyne.App, doc *article.Document, st *store.Store, opts Options) *UI {
	u := newUI(a, doc, st, opts)
	if u == nil {
		return nil
	}
	built := make(chan fyne.CanvasObject, 1)
	room := u.start.shell.Size()
	u.start.mark = startup.NewTrack("the window being made").Mark
	go func() {
		firstInks.gather()
		c := u.build()
		// laid out here at the size it will have, the window's content
		// is not laid out again when the window takes it (measured
		// here, where the fonts are loaded: the menu bar's height)
		c.Resize(room.Subtract(fyne.NewSize(0, menuBarHeight())))
		u.start.mark("ui: laid out")
		u.joinReader()
		// a deep link may open the footnote popover, on the window: the
		// UI goroutine follows it
		if opts.Footnote == 0 && opts.Section == "" {
			u.openReader(opts)
		}
		prepareFirstInks(u.start.mark)
		built <- c
	}()
	u.win.Show()
	startup.Mark("ui: window shown")
	c := <-built
	startup.Mark("ui: wait for screens")
	u.start.mark = startup.Mark
	u.attach(c, opts)
	return u
}

// newUI makes the window and what the screens share.
func newUI(a fyne.App, doc *article.Document, st *store.Store, opts Options) *UI {
	var scratch *scratchStore
	if st == nil {
		sc, err := openScratchStore(doc)
		if err != nil {
			fyne.LogError("no study database at all", err)
			return nil
		}
		scratch, st = sc, sc.st
	}
	u := &UI{services: newServices(a, doc, st), theme: "system", scratch: scratch}
	u.start.mark = startup.Mark
	u.shownScreen = func() string { return u.current().name }
	if scratch != nil {
		u.banner = unsavedBanner(opts.StoreError)
	}
	if v, ok := u.setting(keyTheme); ok {
		u.theme = v
	}
	u.zoom = u.savedZoom()
	u.setTheme()
	u.win = a.NewWindow("Glossa")
	size := opts.Size
	if size.Width == 0 {
		size = u.savedWindowSize()
	}
	u.win.Resize(size)
	// the screens join the window's content in attach: content set on a
	// window is laid out at its minimum size first (glCanvas.SetContent),
	// the tabs rebuilding their buttons and recolouring their icons
	u.start.shell = container.NewStack()
	u.win.SetContent(u.start.shell)
	startup.Mark("ui: window")
	return u
}

// joinReader puts the reader in its tab, once: after the content was
// laid out at its size (see attach).
func (u *UI) joinReader() {
	tab := u.tabs.Items[readerTab].Content.(*fyne.Container)
	if len(tab.Objects) > 0 {
		return
	}
	tab.Add(u.reader.content)
	u.start.mark("ui: reader joins")
}

// openReader opens the reader where the student left it or the deep link
// asks, once.
func (u *UI) openReader(opts Options) {
	if u.start.readerOpen {
		return
	}
	u.start.readerOpen = true
	u.reader.open(opts)
	u.start.mark("ui: reader open")
}

// menuBarHeight is the height the window's menu bar takes from its
// content: none where the menu is the system's (macOS); elsewhere Fyne
// draws it, a line of text with inner padding (glfw.menuBarItemRenderer).
func menuBarHeight() float32 {
	if runtime.GOOS == "darwin" {
		return 0
	}
	return fyne.MeasureText("File", theme.TextSize(), fyne.TextStyle{}).Height + theme.InnerPadding()
}

// build makes the screens and the window's content; it calls no method
// of the window, so that Open may run it while the window is made.
func (u *UI) build() fyne.CanvasObject {
	doc, st := u.doc, u.st
	// Fyne does not share a face being loaded: a second caller loads it
	// all again
	waitWarm(warm.regular, "ui: wait for regular", u.start.mark)
	waitWarm(warm.bold, "ui: wait for bold", u.start.mark)
	u.hist = &history{here: u.here, goTo: u.goTo}
	u.useShipped(doc)
	u.shelfScreen = newLibraryScreen(st, u.win, u)
	u.shelfScreen.due = u.dueCounts
	u.buildScreens()

	// the tabs are made with all their items at once: each Append lays
	// out every tab again
	items := make([]*container.TabItem, len(u.screens))
	for i, s := range u.screens {
		// the tabs measure every tab's content: a screen not shown
		// joins them when first shown (join), so that the first frame
		// does not lay out every screen's widgets
		items[i] = container.NewTabItemWithIcon(s.name, s.icon, container.NewStack())
	}
	// told where they sit and which is shown before they are a widget:
	// told after, each rebuilt the tab bar and its SVG icons (10-20 ms)
	u.tabs = &container.AppTabs{Items: items}
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.tabs.SelectIndex(readerTab) // the Library is first, but the window opens on the text
	u.tabs.ExtendBaseWidget(u.tabs)
	u.tabs.OnSelected = u.onTabSelected
	u.hist.changed = u.onHistoryChanged
	var content fyne.CanvasObject = u.tabs
	if u.banner != nil {
		content = container.NewBorder(u.banner, nil, nil, nil, u.tabs)
	}
	// once the whole window is laid out, an open popover goes back
	// beside its marker (Reader.followPopover)
	return container.New(&afterLayout{then: u.reader.followPopover}, content)
}

// attach gives the window its content, menus and shortcuts.
func (u *UI) attach(content fyne.CanvasObject, opts Options) {
	a := u.app
	// The menu comes before the content, which then takes the room the
	// menu leaves once; the reader joins its tab last.
	u.registerCommands()
	startup.Mark("ui: menus")
	// laid out, not refreshed: a container's Refresh refreshes every
	// widget inside (the tab bar rebuilding its buttons and recolouring
	// their icons again), and the content drawn is new to the window
	c := withFirstFrameProbe(content, u.afterFirstFrame(opts.Settled))
	c.Resize(u.start.shell.Size())
	u.start.shell.Objects = []fyne.CanvasObject{c}
	canvas.Refresh(u.start.shell)
	startup.Mark("ui: tabs")
	u.joinReader()
	u.win.SetOnClosed(u.onWindowClosed)
	// files dropped anywhere on the window go to the library
	u.win.SetOnDropped(u.shelfScreen.onDropped)
	a.Lifecycle().SetOnStopped(func() {
		u.reader.savePosition()
		u.writes.wait()
		u.sharing.stop()
	})

	u.openReader(opts)
	// A dialog made before the window is on screen is laid out for an
	// empty canvas and stays invisible until the first resize, so the
	// notice waits for the app to run.
	u.notice = opts.Notice
	a.Lifecycle().SetOnStarted(u.onAppStarted)
}
