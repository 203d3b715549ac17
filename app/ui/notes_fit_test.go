package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// TestNotesFitAt1024 lays the Notes screen out on a 1024x768 window with a
// note open: the search shows its whole prompt, and in both panes no part
// of a container reaches past its container or is squeezed under its
// minimum width.
func TestNotesFitAt1024(t *testing.T) {
	st := tempStore(t)
	u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1024, 768)})
	notesFixture(t, st, u.reader)
	u.Show("Notes")
	s := u.notes
	s.list.Select(0)
	if !s.editor.open {
		t.Fatal("no note open")
	}
	th := u.app.Settings().Theme()
	prompt := fyne.MeasureText(s.search.PlaceHolder, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width +
		2*th.Size(theme.SizeNameInnerPadding)
	if w := s.search.Size().Width; w < prompt {
		t.Errorf("the search is %.0f px wide, its prompt needs %.0f", w, prompt)
	}
	split := s.content.(*container.Split)
	for name, pane := range map[string]fyne.CanvasObject{"list": split.Leading, "editor": split.Trailing} {
		checkFits(t, name, pane)
	}
}

// checkFits walks the containers under o: each visible child lies inside
// its container's width and is at least as wide as its minimum. Widgets
// are not opened: a list or an entry scrolls what it holds.
func checkFits(t *testing.T, path string, o fyne.CanvasObject) {
	t.Helper()
	c, ok := o.(*fyne.Container)
	if !ok || !o.Visible() {
		return
	}
	for i, ch := range c.Objects {
		if !ch.Visible() {
			continue
		}
		p := fmt.Sprintf("%s/%d:%T", path, i, ch)
		if right := ch.Position().X + ch.Size().Width; right > c.Size().Width+0.5 || ch.Position().X < -0.5 {
			t.Errorf("%s runs from x %.0f to %.0f in a container %.0f wide", p, ch.Position().X, right, c.Size().Width)
		}
		if ch.Size().Width+0.5 < ch.MinSize().Width {
			t.Errorf("%s is %.0f wide, under its minimum %.0f", p, ch.Size().Width, ch.MinSize().Width)
		}
		checkFits(t, p, ch)
	}
}
