package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

var (
	docOnce sync.Once
	docVal  *article.Document
	docErr  error
)

// realDoc is the parsed article every test reads.
func realDoc(tb testing.TB) *article.Document {
	tb.Helper()
	docOnce.Do(func() { docVal, docErr = article.Parse(assets.Article) })
	if docErr != nil {
		tb.Fatalf("article.Parse: %v", docErr)
	}
	return docVal
}

// openTestStore opens (or reopens) the study database at path with the
// article imported, as main does.
func openTestStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.ImportArticle(realDoc(t)); err != nil {
		t.Fatal(err)
	}
	return st
}

func tempStorePath(t *testing.T) string { return filepath.Join(t.TempDir(), "glossa.db") }

func tempStore(t *testing.T) *store.Store { return openTestStore(t, tempStorePath(t)) }

// newTestUI builds the window as main does, on the test driver.
func newTestUI(t *testing.T, st *store.Store, opts Options) (*UI, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, realDoc(t), st, opts)
	t.Cleanup(u.writes.wait) // before the store closes
	if u.scratch != nil {
		t.Cleanup(u.scratch.remove)
	}
	u.Window().Show()
	u.ensureCards() // as the app's start does, once the window is on screen
	return u, a
}

// openCrashChildStore is what a crash-test child does first, as main
// does: parse the article and open the database the parent named, with
// the article imported.
func openCrashChildStore() (*article.Document, *store.Store, error) {
	doc, err := article.Parse(assets.Article)
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(os.Getenv("GLOSSA_CRASHTEST_DB"))
	if err != nil {
		return nil, nil, err
	}
	if _, err := st.ImportArticle(doc); err != nil {
		st.Close()
		return nil, nil, err
	}
	return doc, st, nil
}

// uiSources parses the window's own files (app/ui without its tests),
// for the tests that read the source: the keys each handler looks at, the
// runes drawn, the size of files and structs.
func uiSources(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// saveCapture writes what w shows, drawn by the software painter, as a PNG
// (the GLOSSA_CAPTURE tests, for looking at a screen without a display).
func saveCapture(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// landed waits until every store write the screens gave has been written
// (or failed) and its screen told: writes leave the UI goroutine.
func landed(svc *services) { svc.writes.wait() }

// flowTexts are the texts f draws now, each out of the container that
// places it (flowRenderer.textBox).
func flowTexts(f *flowView) []*canvas.Text {
	var ts []*canvas.Text
	r := test.WidgetRenderer(f).(*flowRenderer)
	for _, o := range r.Objects() {
		if box, ok := o.(*fyne.Container); ok && len(box.Objects) == 1 {
			o = box.Objects[0]
		}
		if rast, ok := o.(*canvas.Raster); ok {
			// a line drawn as a raster: a text for each of its runs,
			// where the run is drawn
			for _, ru := range r.inkOf[rast].runs {
				t := canvas.NewText(ru.text, ru.c)
				t.TextStyle, t.TextSize = ru.st, ru.size
				t.Move(rast.Position().Add(fyne.NewPos(ru.x, ru.top)))
				t.Hidden = !rast.Visible()
				ts = append(ts, t)
			}
		}
		if t, ok := o.(*canvas.Text); ok {
			ts = append(ts, t)
		}
	}
	return ts
}
