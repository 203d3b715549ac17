package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// guiFlags are the options that only matter to the window.
type guiFlags struct {
	section  *string
	footnote *int
	lecture  *bool
}

func addGUIFlags(fs *flag.FlagSet) *guiFlags {
	return &guiFlags{
		section:  fs.String("section", "", "open the window at this section (\"3.3\")"),
		footnote: fs.Int("footnote", 0, "open the window at this footnote, shown"),
		lecture:  fs.Bool("lecture", false, "start in lecture mode, full screen (at --section, if given)"),
	}
}

func runGUI(e *env, g *guiFlags) int {
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(e.stderr, "glossa:", msg)
		return 1
	}
	// Most of the window's live heap is Fyne's parsed fonts, the rest is
	// small and long-lived; garbage comes in bursts (start-up, a zoom).
	// A tighter GC target than Go's default keeps the resident size well
	// under the 200 MB budget for a few ms of GC. GOGC still overrides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(40)
	}
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		return 1
	}
	opts := ui.Options{Section: *g.section, Footnote: *g.footnote, Lecture: *g.lecture}
	// Without its database the window still opens, on a temporary one.
	var st *store.Store
	s, err := openGUIStore(e, doc)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		// the window works on a temporary database and says so in a
		// banner that stays, with this reason (the store's errors name
		// the file)
		opts.StoreError = err
	} else {
		defer s.Close()
		st = s
		opts.Notice = s.Recovered()
	}
	a := newApp()
	u := ui.New(a, doc, st, opts)
	if !opts.Lecture {
		u.Window().ShowAndRun()
		return 0
	}
	// the lecture window opens over the main one, so the main window is
	// shown first; closing it still quits
	u.Window().SetMaster()
	u.Window().Show()
	if !u.StartLecture(opts.Section) {
		fmt.Fprintf(e.stderr, "glossa: the article has no section %q; lecture mode starts where the reader is\n", opts.Section)
	}
	a.Run()
	return 0
}

// openGUIStore opens the database at --db (or the default place) with the
// article imported.
func openGUIStore(e *env, doc *article.Document) (*store.Store, error) {
	path := e.db
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	s, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if _, err := s.ImportArticle(doc); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// noDisplay explains, on X11 and Wayland systems, why no window can open:
// GLFW would otherwise panic with a stack trace.
func noDisplay() string {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
		"start Glossa from your desktop, or use its commands, which need none (glossa help)"
}
