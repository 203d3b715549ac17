package ui

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// themeChildEnv marks the process that walks the window for
// TestThemeSwitchAfterRenderersExpired.
const themeChildEnv = "GLOSSA_THEMETEST_CHILD"

// TestThemeSwitchAfterRenderersExpired switches the theme in a window
// whose renderers Fyne's cache has dropped, as it does for anything not
// drawn for a minute: the reader's text once walked the window's tree
// from inside Refresh, which created the main tabs' renderer again, which
// refreshed the reader again, without end. (The test driver finds a
// canvas for any object and drops renderers at Capture; the GL driver
// keeps what is drawn alive and finds no canvas for what it never drew,
// and a hang there was not seen under Xvfb, but nothing in Fyne promises
// it cannot happen.) The walk runs in a child process with FYNE_CACHE=1ns, so that the first cache
// clean (at the first Capture) drops every renderer, and with its own
// timeout, so that a hang fails the test with the child's stack instead
// of hanging the run.
func TestThemeSwitchAfterRenderersExpired(t *testing.T) {
	if os.Getenv(themeChildEnv) != "" {
		themeSwitchWalk(t)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.timeout=90s", "-test.v")
	cmd.Env = append(os.Environ(), themeChildEnv+"=1", "FYNE_CACHE=1ns", "LANG=en_US.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("the walk through every screen did not finish (%v):\n%s", err, stackSummary(out))
	}
}

// stackSummary is the head of a child's output and, from a timeout's
// stacks, how often each frame of this package recurs: a loop without
// end shows as the same few frames hundreds of times.
func stackSummary(out []byte) string {
	head := string(out)
	if len(head) > 1500 {
		head = head[:1500] + "\n..."
	}
	seen := map[string]int{}
	var order []string
	for _, l := range strings.Split(string(out), "\n") {
		if !strings.Contains(l, "glossa/app/ui.") {
			continue
		}
		fn := strings.TrimSpace(l)
		if i := strings.LastIndex(fn, "("); i > 0 {
			fn = fn[:i]
		}
		if seen[fn] == 0 {
			order = append(order, fn)
		}
		seen[fn]++
	}
	var b strings.Builder
	b.WriteString(head)
	for _, fn := range order {
		fmt.Fprintf(&b, "\n%6d× %s", seen[fn], fn)
	}
	return b.String()
}

// themeSwitchWalk visits every screen (the reader with a footnote open,
// lecture mode), lets Fyne's cache drop the renderers, and switches the
// theme dark, light, dark, zooms, opens another article from the Library
// and switches again; after each switch the reader's text must be drawn
// in the theme's colour.
func themeSwitchWalk(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), bigWindow)
	importReal(t, u)
	for _, s := range []string{"Library", "Reader", "Sources", "Cards", "Notes", "Reader"} {
		u.Show(s)
	}
	u.reader.goToFootnote(139)
	if u.reader.FootnoteShown() != 139 {
		t.Fatalf("popover shows %d, want 139", u.reader.FootnoteShown())
	}
	u.StartLecture("3.3")
	if u.lecture.win == nil {
		t.Fatal("lecture mode did not open")
	}
	// the first clean of the process drops every renderer, the main
	// window's too; only the lecture window is drawn again
	u.lecture.win.Canvas().Capture()
	u.lecture.leave()

	switchTo := func(th string) {
		t.Helper()
		u.SetTheme(th)
		checkReaderColours(t, u, th)
	}
	for _, th := range []string{"dark", "light", "dark"} {
		switchTo(th)
	}
	u.setZoom(1.25)
	switchTo("light")
	u.Show("Library")
	_, info := shelfInfo(t, u.shelfScreen, realArticles[0].file)
	if err := u.openArticle(info.ID); err != nil {
		t.Fatal(err)
	}
	switchTo("dark")
	u.Window().Canvas().Capture()
}

// checkReaderColours: the reader's text is drawn in the foreground
// colour of theme th, and no run keeps the other theme's.
func checkReaderColours(t *testing.T, u *UI, th string) {
	t.Helper()
	want, other := theme.VariantLight, theme.VariantDark
	if th == "dark" {
		want, other = other, want
	}
	// the window's theme holds its variant whatever is asked: the
	// default theme it wraps gives both colours
	def := theme.DefaultTheme()
	fg, stale := def.Color(theme.ColorNameForeground, want), def.Color(theme.ColorNameForeground, other)
	if got := u.app.Settings().Theme().Color(theme.ColorNameForeground, other); got != fg {
		t.Fatalf("after switching to %s the window's foreground is %v, want %v", th, got, fg)
	}
	n := 0
	for _, txt := range flowTexts(u.reader.view) {
		if txt.Color == stale {
			t.Fatalf("after switching to %s the reader still draws %q in the other theme's colour", th, txt.Text)
		}
		if txt.Color == fg {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("after switching to %s the reader draws no text in its foreground colour", th)
	}
}

// TestFlowLinesOnWholePixels: once the pointer has been over the
// reader, every line it draws is a texture drawn pixel for pixel: the
// line's raster starts on a whole pixel of the window and is a whole
// number of pixels wide and high, so the rectangle the GL painter draws
// it into (roundToPixelCoords: edges rounded to pixels) is exactly the
// texture it asked for (textureScale: the size in pixels, rounded), at a
// zoom that puts the reader at a fraction of a pixel and after scrolling
// by a fraction of one. A texture drawn a pixel narrower or off by a
// fraction is resampled, and its text looks paler and blurred next to
// its neighbours.
func TestFlowLinesOnWholePixels(t *testing.T) {
	u, a := newTestUI(t, tempStore(t), bigWindow)
	u.setZoom(1.1)
	f := u.reader.view
	d := a.Driver()
	at := fyne.NewPos(300, 200)
	abs := d.AbsolutePositionForObject(f)
	f.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: abs.Add(at)}})
	whole := func(v float32) bool { return math.Abs(float64(v)-math.Round(float64(v))) < 0.01 }
	round := func(v float32) float64 { return math.Round(float64(v)) }
	for _, y := range []float32{0, 1000.37, 5432.81} {
		f.scrollTo(y)
		if got := f.offset(); got != y {
			t.Fatalf("scrolled to %v, offset %v", y, got)
		}
		s := u.Window().Canvas().Scale()
		n := 0
		for _, o := range test.WidgetRenderer(f).Objects() {
			r, ok := o.(*canvas.Raster)
			if !ok || !r.Visible() {
				continue
			}
			p, sz := d.AbsolutePositionForObject(r), r.Size()
			drawnW, drawnH := round((p.X+sz.Width)*s)-round(p.X*s), round((p.Y+sz.Height)*s)-round(p.Y*s)
			if !whole(p.X*s) || !whole(p.Y*s) || drawnW != round(sz.Width*s) || drawnH != round(sz.Height*s) {
				t.Errorf("offset %v: a line at %v px, %vx%v px, drawn %vx%v", y, fyne.NewPos(p.X*s, p.Y*s), sz.Width*s, sz.Height*s, drawnW, drawnH)
			}
			n++
		}
		if n < 10 {
			t.Fatalf("offset %v: %d lines drawn", y, n)
		}
	}
}
