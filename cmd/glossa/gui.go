package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

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
	doc, err := article.Parse(assets.Article)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		return 1
	}
	if msg := badDeepLink(doc, g); msg != "" {
		fmt.Fprintln(e.stderr, "glossa:", msg)
		return 2
	}
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
	opts := ui.Options{Section: *g.section, Footnote: *g.footnote, Lecture: *g.lecture}
	// Without its database the window still opens: the article can be
	// read, only search and remembering need the store.
	var st *store.Store
	s, err := openGUIStore(e, doc)
	if err != nil {
		fmt.Fprintln(e.stderr, "glossa:", err)
		where := e.db
		if where == "" {
			where, _ = store.DefaultPath()
		}
		opts.Notice = "Glossa could not open your study database, so for now you can read the article, " +
			"but search is off and notes, cards and your place will not be saved.\n\n" +
			"Database: " + where + "\n" +
			"Check that the folder exists and that you may write to it, or that no other program holds the file, then start Glossa again. " +
			"To work from another file, start it with --db PATH.\n\n" +
			"Details for a bug report: " + err.Error()
	} else {
		defer s.Close()
		st = s
		opts.Notice = s.Recovered()
		if s.ReadOnly() {
			opts.Notice = store.ErrReadOnly.Error() + "."
		}
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

// badDeepLink says what exists when --section or --footnote names
// something the article does not have: silently opening at the top left
// the user guessing whether the flag was read at all.
func badDeepLink(doc *article.Document, g *guiFlags) string {
	if sec := *g.section; sec != "" {
		numbers := make([]string, 0, len(doc.Sections))
		for _, s := range doc.Sections {
			if s.Number == sec {
				numbers = nil
				break
			}
			numbers = append(numbers, s.Number)
		}
		if numbers != nil {
			return fmt.Sprintf("the article has no section %q; its sections are %s", sec, strings.Join(numbers, ", "))
		}
	}
	if n := *g.footnote; n != 0 {
		if len(doc.Footnotes) == 0 {
			return fmt.Sprintf("the article has no footnotes, so not footnote %d", n)
		}
		first, last := doc.Footnotes[0].N, doc.Footnotes[len(doc.Footnotes)-1].N
		found := false
		for _, f := range doc.Footnotes {
			if f.N == n {
				found = true
				break
			}
		}
		if !found {
			return fmt.Sprintf("the article has no footnote %d; its footnotes run from %d to %d", n, first, last)
		}
	}
	return ""
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
