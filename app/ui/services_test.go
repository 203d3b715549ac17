package ui

import (
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// When the study database cannot be opened, the window works on a
// temporary one: a note can be made, a banner says for as long as the
// window is open that nothing will be kept and why, and closing the
// window deletes the temporary file.
func TestTemporaryStoreWhenDatabaseFails(t *testing.T) {
	why := errors.New("open /home/student/.config/glossa/glossa.db: permission denied")
	u, _ := newTestUI(t, nil, Options{StoreError: why})
	if u.st == nil || u.scratch == nil {
		t.Fatal("no temporary database")
	}
	banner := ""
	for _, o := range test.LaidOutObjects(u.banner) {
		if l, ok := o.(*widget.Label); ok {
			banner = l.Text
		}
	}
	if !strings.Contains(banner, "Nothing you do now will be kept") || !strings.Contains(banner, "permission denied") {
		t.Fatalf("banner %q does not say that nothing is kept and why", banner)
	}
	for _, name := range []string{"Sources", "Cards", "Notes", "Reader"} {
		u.Show(name)
		if !u.banner.Visible() || u.banner.Position().Y != 0 {
			t.Errorf("%s shown: the banner is gone", name)
		}
	}
	n, err := u.st.FootnoteNote(139)
	if err != nil || n.ID == "" {
		t.Fatalf("no note on the temporary database: %v", err)
	}
	dir := u.scratch.dir
	u.Window().Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("temporary database %s left behind: %v", dir, err)
	}
}

// Settings are written off the UI goroutine, in order, and read back at
// once from what was set; closing the window waits for the writes.
func TestSettingsWrittenInTheBackground(t *testing.T) {
	path := tempStorePath(t)
	st := openTestStore(t, path)
	u, _ := newTestUI(t, st, Options{})
	for _, v := range []string{"a", "b", "c"} {
		u.setSetting("test.order", v)
		if got, _ := u.setting("test.order"); got != v {
			t.Fatalf("read back %q right after setting %q", got, v)
		}
	}
	u.Window().Close()
	if v, ok, err := st.Setting("test.order"); err != nil || !ok || v != "c" {
		t.Errorf("after close the store holds %q, %v, %v; want the last value, c", v, ok, err)
	}
}

// When not even a temporary database can be made (the temporary folder is
// missing), New makes no window that would fail screen by screen: it
// returns nil, and its caller says why and stops.
func TestNoWindowWithoutAnyStore(t *testing.T) {
	a := test.NewTempApp(t)
	doc := realDoc(t)
	t.Setenv("TMPDIR", t.TempDir()+"/missing")
	if u := New(a, doc, nil, Options{StoreError: errors.New("permission denied")}); u != nil {
		t.Fatal("New made a window with no database at all")
	}
}
