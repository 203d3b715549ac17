package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/BurntSushi/toml"
)

// packagedApp is the test driver's app reporting the metadata a packaged
// build carries (the test driver's own is empty).
type packagedApp struct {
	fyne.App
	md fyne.AppMetadata
}

func (a packagedApp) Metadata() fyne.AppMetadata { return a.md }

// fyneAppToml reads the metadata `fyne package` compiles into the binary.
func fyneAppToml(t *testing.T) fyne.AppMetadata {
	t.Helper()
	var f struct{ Details map[string]any }
	if _, err := toml.DecodeFile("../../FyneApp.toml", &f); err != nil {
		t.Fatalf("FyneApp.toml: %v", err)
	}
	id, _ := f.Details["ID"].(string)
	name, _ := f.Details["Name"].(string)
	version, _ := f.Details["Version"].(string)
	build, _ := f.Details["Build"].(int64)
	if name == "" || version == "" {
		t.Fatalf("FyneApp.toml has no [Details] Name and Version: %v", f.Details)
	}
	return fyne.AppMetadata{ID: id, Name: name, Version: version, Build: int(build)}
}

// TestAboutShowsPackagedVersion opens About from the Help menu, as a
// student does, and reads the version the dialog shows: FyneApp.toml's,
// and whatever another build of the app reports (a version written into
// the dialog instead of taken from the app shows the same either way).
func TestAboutShowsPackagedVersion(t *testing.T) {
	packaged := fyneAppToml(t)
	next := packaged
	next.Version, next.Build = packaged.Version+".1", packaged.Build+1
	for _, md := range []fyne.AppMetadata{packaged, next} {
		t.Run(md.Version, func(t *testing.T) {
			a := packagedApp{App: test.NewTempApp(t), md: md}
			u := New(a, realDoc(t), tempStore(t), Options{})
			w := u.Window()
			w.Show()
			about := menuItem(t, w, "Help", "About "+md.Name)
			about.Action()
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("About opened no dialog")
			}
			shown := strings.Join(texts(top), "\n")
			want := fmt.Sprintf("%s %s (build %d)", md.Name, md.Version, md.Build)
			if !strings.Contains(shown, want) {
				t.Errorf("About shows %q; want the app's version %q (FyneApp.toml: %s)", shown, want, packaged.Version)
			}
		})
	}
}

// menuItem finds label in the window's main menu named menu.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	mm := w.MainMenu()
	if mm == nil {
		t.Fatal("the window has no main menu")
	}
	for _, m := range mm.Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label && it.Action != nil {
				return it
			}
		}
	}
	t.Fatalf("no %q in the %q menu", label, menu)
	return nil
}

// texts is every line of text drawn under o, in tree order.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if v, ok := c.(*canvas.Text); ok && v.Visible() {
			out = append(out, v.Text)
		}
	}
	return out
}
