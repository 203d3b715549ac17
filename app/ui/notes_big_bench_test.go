package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/storetest"
)

// BenchmarkNotesScreenList20000 shows the Notes screen's list on a
// database of 20,000 notes and 5,000 reviews (about 35 MB): the notes
// read, filtered and the visible rows laid out (target: < 300 ms).
func BenchmarkNotesScreenList20000(b *testing.B) {
	st, err := store.Open(b.TempDir() + "/glossa.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	doc := realDoc(b)
	if _, err := st.ImportArticle(doc); err != nil {
		b.Fatal(err)
	}
	storetest.Fill(b, st, doc, 20000, 5000)
	u := New(test.NewTempApp(b), doc, st, Options{Size: fyne.NewSize(1280, 800)})
	u.Show("Notes")
	s := u.notes
	if len(s.shown) != 20000 {
		b.Fatalf("%d notes listed", len(s.shown))
	}
	storetest.LoopCPU(b, func() {
		s.reload()
		if len(s.shown) != 20000 {
			b.Fatalf("%d notes listed", len(s.shown))
		}
	})
}
