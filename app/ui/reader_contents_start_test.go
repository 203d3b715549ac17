package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// contentsRowTop is where row i of the contents begins in the list
// (Fyne's List puts a padding between rows).
func contentsRowTop(r *Reader, i int) float32 {
	y := float32(0)
	for j := 0; j < i && j < len(r.rowHeights); j++ {
		y += r.rowHeights[j] + r.contents.Theme().Size(theme.SizeNamePadding)
	}
	return y
}
