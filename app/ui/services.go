package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/store"
)

// services are what the screens are built from, made once by New: the
// document, the store (a temporary one when the real one cannot be
// opened), the citation library (extracted once, in the background), the
// window and its settings. Screens get these and a navigation, never the
// window's *UI or each other.
type services struct {
	app fyne.App
	win fyne.Window
	doc *article.Document
	st  *store.Store
	// shownScreen names the screen shown (a shortcut acts only on its own
	// screen)
	shownScreen func() string

	// The library is extracted in the background once the window is on
	// screen: it takes a few hundred ms, and the reader's first footnote
	// should not wait.
	libOnce  sync.Once
	libReady chan struct{}
	lib      *cite.Library

	// saver writes typed note text and tags, for every note editor
	saver *noteSaver
	// settings are written off the UI goroutine (a database another
	// program holds locked makes the store wait up to 30 s, and the
	// window must not wait with it); values holds what was set, so that
	// reading a setting back never sees the older value
	writes *backgroundWriter
	values map[string]string
	// sharing is the shared class folder: others' layers, one's own file
	sharing *sharing
}

func newServices(a fyne.App, doc *article.Document, st *store.Store) *services {
	s := &services{app: a, doc: doc, st: st, libReady: make(chan struct{}), writes: newBackgroundWriter(), values: map[string]string{}}
	s.saver = newNoteSaverFor(s)
	s.saver.later = s.writes.do
	s.sharing = newSharing(st, doc.Hash) // the store's current article: made after Use
	return s
}

// startLibrary starts extracting the citation library in the background,
// once. The window starts it when it is on screen: on two cores an
// extraction running alongside the first layout and paint took a core
// from them; whoever needs the library first starts it if that has not
// happened yet.
func (s *services) startLibrary() {
	s.libOnce.Do(func() {
		go func(fns []article.Footnote) {
			defer startup.Span("cite library")()
			s.lib = cite.Extract(fns)
			close(s.libReady)
		}(s.doc.Footnotes)
	})
}

// library waits for the extraction, starting it if need be.
func (s *services) library() *cite.Library {
	s.startLibrary()
	<-s.libReady
	return s.lib
}

func (s *services) setting(key string) (string, bool) {
	if v, ok := s.values[key]; ok {
		return v, true
	}
	v, ok, err := s.st.Setting(key)
	if err != nil || !ok {
		return "", false
	}
	return v, true
}

// setSetting remembers a setting now and writes it in the background;
// a failed write is logged (a setting is a convenience, never work).
func (s *services) setSetting(key, value string) {
	s.values[key] = value
	st := s.st
	s.writes.do(func() {
		if err := st.SetSetting(key, value); err != nil {
			fyne.LogError("saving setting "+key, err)
		}
	})
}

// backgroundWriter runs writes one at a time, in the order given, on a
// goroutine of its own.
type backgroundWriter struct {
	mu      sync.Mutex
	idle    *sync.Cond
	pending []func()
	running bool
}

func newBackgroundWriter() *backgroundWriter {
	w := &backgroundWriter{}
	w.idle = sync.NewCond(&w.mu)
	return w
}

func (w *backgroundWriter) do(f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending = append(w.pending, f)
	if !w.running {
		w.running = true
		go w.run()
	}
}

func (w *backgroundWriter) run() {
	for {
		w.mu.Lock()
		if len(w.pending) == 0 {
			w.running = false
			w.idle.Broadcast()
			w.mu.Unlock()
			return
		}
		f := w.pending[0]
		w.pending = w.pending[1:]
		w.mu.Unlock()
		f()
	}
}

// wait returns once every write given so far has landed or failed: the
// window waits for them when it closes.
func (w *backgroundWriter) wait() {
	w.mu.Lock()
	for w.running {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

func (s *services) settingFloat(key string, def float64) float64 {
	v, ok := s.setting(key)
	if !ok {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return def
	}
	return f
}

// scratchStore is a study database in a temporary folder, for a window
// whose real one could not be opened: every screen still works, and the
// banner says that nothing will be kept. It is removed when the window
// closes.
type scratchStore struct {
	st   *store.Store
	dir  string
	once sync.Once
}

func openScratchStore(doc *article.Document) (*scratchStore, error) {
	dir, err := os.MkdirTemp("", "glossa-unsaved-")
	if err != nil {
		return nil, fmt.Errorf("ui: temporary study database: %w", err)
	}
	st, err := store.Open(filepath.Join(dir, "glossa.db"))
	if err == nil {
		_, err = st.ImportArticle(doc)
		if err != nil {
			st.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("ui: temporary study database: %w", err)
	}
	return &scratchStore{st: st, dir: dir}, nil
}

func (s *scratchStore) remove() {
	s.once.Do(func() {
		s.st.Close()
		os.RemoveAll(s.dir)
	})
}

// unsavedBanner says, for as long as the window is open, that the work
// goes into a temporary database and why.
func unsavedBanner(why error) fyne.CanvasObject {
	text := "Nothing you do now will be kept: notes, highlights, reviews and your place go into a temporary database that is deleted when Glossa closes."
	if why != nil {
		text += " Your study database could not be opened (" + why.Error() + "). Check that its folder exists and may be written to, or start Glossa with --db PATH."
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.TextStyle.Bold = true
	icon := widget.NewIcon(theme.WarningIcon())
	return container.NewVBox(container.NewBorder(nil, nil, icon, nil, l), widget.NewSeparator())
}
