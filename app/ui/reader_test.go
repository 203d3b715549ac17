package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func shortcut(c fyne.Canvas, key fyne.KeyName) {
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func pressKey(c fyne.Canvas, key fyne.KeyName) {
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: key})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: key})
}

// popText is the text shown in the footnote popover.
func popText(r *Reader) string {
	var b strings.Builder
	for _, bl := range r.popView.blocks {
		for _, p := range bl.pieces {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

func TestWindowTitleAndScreens(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	if got := u.Window().Title(); got != "Glossa" {
		t.Fatalf("title %q", got)
	}
	var names []string
	for _, it := range u.tabs.Items {
		names = append(names, it.Text)
	}
	if got := strings.Join(names, ","); got != "Reader,Sources,Cards,Notes" {
		t.Fatalf("screens %s", got)
	}
}

// Every footnote is one tap from its marker (or from its lost-marker
// notice), and closing it leaves the reader exactly where it was.
func TestEveryFootnoteOneTapFromItsMarker(t *testing.T) {
	u, _ := newTestUI(t, nil, Options{})
	r := u.reader
	c := u.Window().Canvas()
	doc := realDoc(t)
	if len(doc.Footnotes) < 190 {
		t.Fatalf("%d footnotes, want 190", len(doc.Footnotes))
	}
	lost := 0
	for i, fn := range doc.Footnotes {
		bi, ok := r.idx.markerBlock[fn.N]
		if !ok {
			t.Errorf("footnote %d: no marker and no notice in the text", fn.N)
			continue
		}
		if fn.Paragraph == "" {
			lost++
			if r.blocks[bi].kind != blockLost {
				t.Errorf("footnote %d lost its marker but is not shown as such", fn.N)
			}
		}
		pos, ok := r.markerPos(fn.N)
		if !ok {
			t.Errorf("footnote %d: marker not drawn", fn.N)
			continue
		}
		// put the marker near the top, the middle or the bottom of the
		// viewport in turn: taps must hit it anywhere
		r.view.scrollTo(pos.Y - r.view.viewport()*[]float32{0.1, 0.5, 0.9}[i%3])
		before := r.view.offset()
		if pos.Y < before || pos.Y > before+r.view.viewport() {
			t.Errorf("footnote %d: marker at %v outside the viewport [%v, %v]", fn.N, pos.Y, before, before+r.view.viewport())
			continue
		}
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(pos)
		test.TapCanvas(c, abs)
		if got := r.FootnoteShown(); got != fn.N {
			t.Errorf("tapped marker %d, popover shows %d", fn.N, got)
			continue
		}
		if got := popText(r); got != fn.Text {
			t.Errorf("footnote %d shows %.60q, want %.60q", fn.N, got, fn.Text)
		}
		if i%2 == 0 {
			pressKey(c, fyne.KeyEscape)
		} else {
			r.back()
		}
		if r.FootnoteShown() != 0 {
			t.Errorf("footnote %d still shown after back", fn.N)
		}
		if got := r.view.offset(); got != before {
			t.Errorf("footnote %d: back to offset %v, was %v", fn.N, got, before)
		}
	}
	t.Logf("%d footnotes tapped, %d from lost-marker notices", len(doc.Footnotes), lost)
}
