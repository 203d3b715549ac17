package ui

import (
	"image"
	"runtime"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestOpenDrawsAsNew: Open, which builds the screens on a goroutine while
// the window is made, draws the window New draws, pixel for pixel, in the
// student's saved theme and zoom; the theme is the chosen one from the
// start, so the window, shown before its content, is in the right
// background. Run with -race it also checks that building beside the
// window shares nothing unguarded with it.
func TestOpenDrawsAsNew(t *testing.T) {
	st := tempStore(t)
	doc := realDoc(t)

	// the student's choices, saved by an earlier window
	u0 := New(test.NewTempApp(t), doc, st, Options{})
	u0.SetTheme("dark")
	u0.setZoom(1.25)
	u0.writes.wait()

	a1 := test.NewTempApp(t)
	u1 := New(a1, doc, st, Options{})
	t.Cleanup(u1.writes.wait)
	u1.Window().Resize(fyne.NewSize(1000, 700))
	u1.Window().Show()
	want := u1.Window().Canvas().Capture()

	a2 := test.NewTempApp(t)
	u2 := Open(a2, doc, st, Options{})
	t.Cleanup(u2.writes.wait)
	if got := theme.Color(theme.ColorNameBackground); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("opened in a %v background, not the saved dark theme's", got)
	}
	if u2.zoom != 1.25 {
		t.Errorf("opened at zoom %v, not the saved 1.25", u2.zoom)
	}
	u2.Window().Resize(fyne.NewSize(1000, 700))
	got := u2.Window().Canvas().Capture()
	if n, at := differentPixels(want, got); n > 0 {
		t.Errorf("Open draws %d pixels unlike New's window (first at %v)", n, at)
	}
	if u2.current().name != "Reader" {
		t.Errorf("Open shows %q first, not the reader", u2.current().name)
	}
}

// TestOpenBuildsWithoutTheWindow: while Open's goroutine builds the
// screens, the UI goroutine is making the window (GLFW, the GL driver);
// a window method called from the building goroutine then either races
// with it or, through Fyne's fyne.DoAndWait, waits for an event loop that
// has not started, for ever (the library's drop handler once did). The
// window here records which goroutine calls the methods that change it:
// all must come from the one that called Open.
func TestOpenBuildsWithoutTheWindow(t *testing.T) {
	a := &recordingApp{App: test.NewTempApp(t), ui: goroutineID()}
	u := Open(a, realDoc(t), tempStore(t), Options{})
	t.Cleanup(u.writes.wait)
	w := a.win
	if w == nil {
		t.Fatal("Open made no window through the app")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.elsewhere) > 0 {
		t.Errorf("window methods called from another goroutine than Open's: %v", w.elsewhere)
	}
	if w.here < 5 {
		t.Errorf("only %d window methods recorded: the recording sees nothing", w.here)
	}
}

// goroutineID is the calling goroutine's number, from its stack's header.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := strings.Fields(string(buf))
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

// recordingApp makes recordingWindows.
type recordingApp struct {
	fyne.App
	ui  string // the goroutine the window belongs to
	win *recordingWindow
}

func (a *recordingApp) NewWindow(title string) fyne.Window {
	a.win = &recordingWindow{Window: a.App.NewWindow(title), ui: a.ui}
	return a.win
}

// recordingWindow records the window methods that change it, and those
// called from another goroutine than ui.
type recordingWindow struct {
	fyne.Window
	ui        string
	mu        sync.Mutex
	here      int
	elsewhere []string
}

func (w *recordingWindow) rec(name string) {
	id := goroutineID()
	w.mu.Lock()
	defer w.mu.Unlock()
	if id != w.ui {
		w.elsewhere = append(w.elsewhere, name)
		return
	}
	w.here++
}

func (w *recordingWindow) SetTitle(s string)       { w.rec("SetTitle"); w.Window.SetTitle(s) }
func (w *recordingWindow) SetFullScreen(b bool)    { w.rec("SetFullScreen"); w.Window.SetFullScreen(b) }
func (w *recordingWindow) Resize(s fyne.Size)      { w.rec("Resize"); w.Window.Resize(s) }
func (w *recordingWindow) RequestFocus()           { w.rec("RequestFocus"); w.Window.RequestFocus() }
func (w *recordingWindow) SetFixedSize(b bool)     { w.rec("SetFixedSize"); w.Window.SetFixedSize(b) }
func (w *recordingWindow) CenterOnScreen()         { w.rec("CenterOnScreen"); w.Window.CenterOnScreen() }
func (w *recordingWindow) SetPadded(b bool)        { w.rec("SetPadded"); w.Window.SetPadded(b) }
func (w *recordingWindow) SetIcon(r fyne.Resource) { w.rec("SetIcon"); w.Window.SetIcon(r) }
func (w *recordingWindow) SetMaster()              { w.rec("SetMaster"); w.Window.SetMaster() }
func (w *recordingWindow) SetMainMenu(m *fyne.MainMenu) {
	w.rec("SetMainMenu")
	w.Window.SetMainMenu(m)
}
func (w *recordingWindow) SetOnClosed(f func()) { w.rec("SetOnClosed"); w.Window.SetOnClosed(f) }
func (w *recordingWindow) SetCloseIntercept(f func()) {
	w.rec("SetCloseIntercept")
	w.Window.SetCloseIntercept(f)
}
func (w *recordingWindow) SetOnDropped(f func(fyne.Position, []fyne.URI)) {
	w.rec("SetOnDropped")
	w.Window.SetOnDropped(f)
}
func (w *recordingWindow) Show()  { w.rec("Show"); w.Window.Show() }
func (w *recordingWindow) Hide()  { w.rec("Hide"); w.Window.Hide() }
func (w *recordingWindow) Close() { w.rec("Close"); w.Window.Close() }
func (w *recordingWindow) SetContent(c fyne.CanvasObject) {
	w.rec("SetContent")
	w.Window.SetContent(c)
}

// differentPixels counts the pixels a and b differ in, and where the
// first is.
func differentPixels(a, b image.Image) (int, image.Point) {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy(), a.Bounds().Min
	}
	n, first := 0, image.Point{}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				if n == 0 {
					first = image.Pt(x, y)
				}
				n++
			}
		}
	}
	return n, first
}
