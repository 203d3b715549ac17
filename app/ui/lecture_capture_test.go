//go:build capture

package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/lecture"
)

// TestLectureCapture writes a walk through §3.3 on a 1920x1080 projector
// into $GLOSSA_CAPTURE/lecture: every step with the keys a clicker sends,
// the footnote band, one footnote enlarged, type made larger, the
// pictures, a plan and the presenter view. testdata/lecture holds the set
// that was looked at.
func TestLectureCapture(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	dir = filepath.Join(dir, "lecture")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st := tempStore(t)
	if _, err := st.AddQuoteNote("the Convention does not clarify whether", "Ask: which treaties would count?", nil); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, st, Options{})
	t.Cleanup(u.writes.wait)
	u.SetTheme("light")
	u.StartLecture("3.3")
	l := u.lecture
	l.win.Resize(fyne.NewSize(1920, 1080))
	save := func(name string) { savePaletted(t, l.win, filepath.Join(dir, name+".png")) }
	sec := l.steps[l.cur].section
	band := false
	for n := 1; l.steps[l.cur].section == sec; n++ {
		save(fmt.Sprintf("walk-%02d", n))
		if !band && len(l.footnotes()) >= 2 {
			band = true
			press(l, fyne.KeyF)
			save(fmt.Sprintf("walk-%02d-footnotes", n))
			l.win.Canvas().OnTypedRune()('1')
			save(fmt.Sprintf("walk-%02d-footnote-enlarged", n))
			press(l, fyne.KeyEscape, fyne.KeyEscape)
		}
		press(l, fyne.KeyRight)
		if n > 120 {
			t.Fatal("120 steps did not leave §3.3")
		}
	}
	// type larger: five presses of +
	u.StartLecture("3.3")
	press(l, fyne.KeyRight, fyne.KeyRight)
	for range 5 {
		l.win.Canvas().OnTypedRune()('+')
	}
	save("larger-5-presses")
	l.win.Canvas().OnTypedRune()('0')
	press(l, fyne.KeyH)
	for l.steps[l.cur].para != paraIndex(t, u, "p-3.3-8f4369") {
		press(l, fyne.KeyRight)
	}
	for i := 0; i < 2; i++ {
		press(l, fyne.KeyRight)
	}
	save("highlights-on")
	press(l, fyne.KeyH)
	press(l, fyne.KeyT)
	save("picture-timeline")
	press(l, fyne.KeyEscape, fyne.KeyM)
	save("picture-cited")
	press(l, fyne.KeyEscape, fyne.KeyK)
	save("picture-principles")
	press(l, fyne.KeyEscape)
	l.showPresenter()
	l.presenter.win.Resize(fyne.NewSize(900, 700))
	savePaletted(t, l.presenter.win, filepath.Join(dir, "presenter.png"))
	press(l, fyne.KeyEscape)
}

// TestLectureCapturePlan writes a plan's lecture in the dark theme, and
// the plan editor. (A theme switched late in a long test never returns:
// the main window's tabs lay out again while the reader asks where it is,
// so each theme has a test of its own.)
func TestLectureCapturePlan(t *testing.T) {
	dir := os.Getenv("GLOSSA_CAPTURE")
	if dir == "" {
		t.Skip("set GLOSSA_CAPTURE=DIR to write captures")
	}
	dir = filepath.Join(dir, "lecture")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st := tempStore(t)
	u, _ := newTestUI(t, st, Options{})
	t.Cleanup(u.writes.wait)
	u.SetTheme("dark")
	l := u.lecture
	save := func(name string) { savePaletted(t, l.win, filepath.Join(dir, name+".png")) }
	plan := lecture.Plan{Article: l.articleID(), Name: "Week 7: the Convention's reach", Items: []lecture.Item{
		{Kind: lecture.ItemPassage, Paragraph: "p-3.3-e606ca", From: 3, To: 4},
		{Kind: lecture.ItemFootnote, Footnote: 119},
		{Kind: lecture.ItemTimeline},
	}}
	if _, err := st.SavePlan(plan); err != nil {
		t.Fatal(err)
	}
	l.setCurrentPlan(plan.Name)
	l.showPlans()
	u.Window().Resize(fyne.NewSize(1280, 800))
	savePaletted(t, u.Window(), filepath.Join(dir, "plan-editor.png"))
	l.editor.d.Hide()
	l.onMainKeyDown(&fyne.KeyEvent{Name: fyne.KeyF5})
	l.win.Resize(fyne.NewSize(1920, 1080))
	save("plan-1-dark")
	press(l, fyne.KeyF)
	save("plan-1-footnotes-dark")
	press(l, fyne.KeyF, fyne.KeyRight, fyne.KeyRight)
	save("plan-footnote-step-dark")
	press(l, fyne.KeyRight)
	save("plan-timeline-dark")
	l.win.Resize(fyne.NewSize(2560, 1080))
	press(l, fyne.KeyEscape, fyne.KeyF)
	save("ultrawide-footnotes-side")
}

// savePaletted writes the window as a PNG of its 256 most used colours
// (each other colour drawn as the nearest of them): text on a plain
// background loses nothing visible, and a 1080p capture takes a quarter
// of the room, which matters for a set of eighty kept in the repository.
func savePaletted(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	img := w.Canvas().Capture()
	b := img.Bounds()
	count := map[color.NRGBA]int{}
	px := make([]color.NRGBA, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			count[c]++
			px = append(px, c)
		}
	}
	colors := make([]color.NRGBA, 0, len(count))
	for c := range count {
		colors = append(colors, c)
	}
	sort.Slice(colors, func(i, j int) bool { return count[colors[i]] > count[colors[j]] })
	if len(colors) > 256 {
		colors = colors[:256]
	}
	pal := make(color.Palette, len(colors))
	for i, c := range colors {
		pal[i] = c
	}
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), pal)
	index := map[color.NRGBA]uint8{}
	for i, c := range px {
		k, ok := index[c]
		if !ok {
			k = uint8(pal.Index(c))
			index[c] = k
		}
		out.Pix[i] = k
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, out); err != nil {
		t.Fatal(err)
	}
}
