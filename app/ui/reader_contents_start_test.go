package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestContentsShowCurrentSectionAtStart: a window reopened inside a
// section shows that section's row in the contents: the list was told to
// show it before it had its size (the window is first laid out smaller,
// as the desktop driver does before the saved size applies), and opened
// scrolled past it, the row above half cut.
func TestContentsShowCurrentSectionAtStart(t *testing.T) {
	doc := realDoc(t)
	for _, sec := range []int{0, 3, len(doc.Sections) - 1} {
		st := tempStore(t)
		para := doc.Sections[sec].First + 1 // inside the section, not at its heading
		if err := st.SetSetting(keyPosition, doc.Paragraphs[para].ID); err != nil {
			t.Fatal(err)
		}
		u, _ := newTestUI(t, st, Options{Size: fyne.NewSize(1000, 120)})
		u.Window().Resize(fyne.NewSize(1000, 700))
		u.Window().Canvas().Capture()
		r := u.reader
		if r.section != sec {
			t.Fatalf("reopened in section %d, the reader says %d", sec, r.section)
		}
		off, h := r.contents.GetScrollOffset(), r.contents.Size().Height
		top := contentsRowTop(r, sec)
		if top < off || top+r.rowHeights[sec] > off+h {
			t.Errorf("section %d: its contents row spans %.0f-%.0f, the list shows %.0f-%.0f", sec, top, top+r.rowHeights[sec], off, off+h)
		}
		if sec == 0 && off != 0 {
			t.Errorf("section 0: the contents open scrolled by %.0f", off)
		}
	}
}

// TestContentsShowDeepLinkedSection: opened at a section (--section), the
// contents show its row whole, also when the list loses height after the
// window's first layout, as it does when the desktop driver adds the menu
// bar once the window is created: the row had been scrolled to for the
// taller list and showed cut at the list's foot.
func TestContentsShowDeepLinkedSection(t *testing.T) {
	doc := realDoc(t)
	for _, sec := range []int{3, 7, len(doc.Sections) - 1} {
		u, _ := newTestUI(t, tempStore(t), Options{Section: doc.Sections[sec].Number, Size: fyne.NewSize(1000, 730)})
		u.Window().Resize(fyne.NewSize(1000, 700))
		u.Window().Canvas().Capture()
		r := u.reader
		off, h := r.contents.GetScrollOffset(), r.contents.Size().Height
		top := contentsRowTop(r, sec)
		if top < off || top+r.rowHeights[sec] > off+h {
			t.Errorf("section %s: its contents row spans %.0f-%.0f, the list shows %.0f-%.0f", doc.Sections[sec].Number, top, top+r.rowHeights[sec], off, off+h)
		}
	}
}
