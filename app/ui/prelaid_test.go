package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// TestReaderTakesPrelaidLayout: in a window wide enough for the reader's
// full measure (the default 1000x700 is), the reader's first layout is the
// one WarmText made beside the start-up, which is the one the reader would
// have made itself; and it is taken, so the article was not laid out at
// some other width first (Fyne lays new content out at its minimum size,
// 96 px for the text, unless the reader joins its tab last). In a window
// too narrow for the measure the reader lays the text out itself.
func TestReaderTakesPrelaidLayout(t *testing.T) {
	doc := realDoc(t)
	WarmText(doc)
	p := prelaid
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1000, 700)})
	<-p.ready
	v := u.reader.view
	if len(v.lay.blocks) == 0 || &v.lay.blocks[0] != &p.lay.blocks[0] {
		t.Fatalf("the reader laid the article out itself (column %.1f, WarmText's %.1f)", v.colW, p.colW)
	}
	if &u.reader.blocks[0] != &p.blocks[0] {
		t.Error("the reader made its own blocks")
	}
	want := layoutFlow(flowtext.Measurers{}, v.blocks, v.size, v.colW)
	if want.total != v.lay.total || !reflect.DeepEqual(want.blocks, v.lay.blocks) {
		t.Errorf("WarmText's layout (%.1f tall) is not the reader's own (%.1f tall)", v.lay.total, want.total)
	}
	if prelaid != nil {
		t.Error("WarmText's layout is still held after the reader took it")
	}

	WarmText(doc)
	p = prelaid
	u, _ = newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(600, 600)})
	<-p.ready
	v = u.reader.view
	if v.colW >= p.colW {
		t.Fatalf("a 600 px window gives the column %.1f, no narrower than the full measure %.1f", v.colW, p.colW)
	}
	if len(v.lay.blocks) == 0 || &v.lay.blocks[0] == &p.lay.blocks[0] {
		t.Error("the reader took a layout made for a wider column")
	}
	if v.lay.total <= p.lay.total {
		t.Errorf("the text is %.1f tall in the narrower column, %.1f in the full measure", v.lay.total, p.lay.total)
	}
}

// TestReaderAdvancesKeptBetweenStarts: the first start measures the
// article's runes and keeps them in the cache folder; the next lays the
// article out from them without measuring, to the same layout; a damaged
// file is measured anew and rewritten.
func TestReaderAdvancesKeptBetweenStarts(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "glossa", "reader-advances.bin")
	old := advancesFile
	advancesFile = func() (string, error) { return path, nil }
	t.Cleanup(func() { advancesFile = old })
	doc := realDoc(t)
	start := func() *prelaidFlow {
		t.Helper()
		WarmText(doc)
		p := prelaid
		prelaid = nil
		<-p.saved
		return p
	}

	first := start()
	if first.kept != 0 {
		t.Fatalf("the first start found %d advances kept", first.kept)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the first start kept nothing: %v", err)
	}
	second := start()
	if second.kept == 0 || second.kept != second.ms.Count() {
		t.Errorf("the second start found %d advances kept and holds %d: it measured some again", second.kept, second.ms.Count())
	}
	if second.colW != first.colW || !reflect.DeepEqual(second.lay, first.lay) {
		t.Error("the article laid out from the kept advances differs from its layout measured")
	}

	if err := os.WriteFile(path, []byte("glossa-advances-1 but damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	third := start()
	if third.kept != 0 || !reflect.DeepEqual(third.lay, first.lay) {
		t.Errorf("from a damaged file: %d advances kept, layout the same: %v", third.kept, reflect.DeepEqual(third.lay, first.lay))
	}
	if fourth := start(); fourth.kept == 0 {
		t.Error("the damaged file was not written anew")
	}
}
