package ui

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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

// TestFlowRunsOnWholePixels: once the pointer has been over the reader,
// every run it draws is drawn as Fyne's GL painter draws a text, from a
// whole pixel of the window and exactly as wide and high as the texture
// it is rasterised into (ceil of its measured size in pixels), at a zoom
// that puts the reader at a fraction of a pixel and after scrolling by a
// fraction of one. The painter rounds the rectangle's edges to pixels
// (roundToPixelCoords: the size with the text's position in its parent,
// the start with its position in the window): a run whose width had a
// fraction under a half was drawn a pixel narrower than its texture, and
// paler.
func TestFlowRunsOnWholePixels(t *testing.T) {
	u, a := newTestUI(t, tempStore(t), bigWindow)
	u.setZoom(1.1)
	f := u.reader.view
	d := a.Driver()
	at := fyne.NewPos(300, 200)
	abs := d.AbsolutePositionForObject(f)
	f.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: abs.Add(at)}})
	round := func(v float32) float64 { return math.Round(float64(v)) }
	for _, y := range []float32{0, 1000.37, 5432.81} {
		f.scrollTo(y)
		if got := f.offset(); got != y {
			t.Fatalf("scrolled to %v, offset %v", y, got)
		}
		s := u.Window().Canvas().Scale()
		n, narrow := 0, 0
		for _, txt := range flowTexts(f) {
			if !txt.Visible() || txt.Text == "" || txt.TextStyle.Italic {
				continue // an italic's texture has room for its lean
			}
			p, rel, m := d.AbsolutePositionForObject(txt), txt.Position(), txt.MinSize()
			// the painter: size from the position in the parent, then
			// edges from the position in the window
			w := round((rel.X+m.Width)*s) - round(rel.X*s)
			h := round((rel.Y+m.Height)*s) - round(rel.Y*s)
			tw, th := math.Ceil(float64(m.Width*s)), math.Ceil(float64(m.Height*s))
			if round(p.X*s+float32(w))-round(p.X*s) != tw || round(p.Y*s+float32(h))-round(p.Y*s) != th {
				narrow++
				t.Errorf("offset %v: %q drawn %vx%v px from a %vx%v texture", y, txt.Text, w, h, tw, th)
			}
			n++
		}
		if n == 0 {
			t.Fatalf("offset %v: no text drawn", y)
		}
		if narrow > 0 {
			t.Fatalf("offset %v: %d of %d runs squeezed", y, narrow, n)
		}
	}
}
