package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/app/ui"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// guiFlags are the options that only matter to the window.
type guiFlags struct {
	section  *string
	footnote *int
	lecture  *bool
	// the start-up trace and profile, for finding where launch time goes
	trace      *bool
	cpuprofile *string
	memprofile *string
}

func addGUIFlags(fs *flag.FlagSet) *guiFlags {
	return &guiFlags{
		section:  fs.String("section", "", "open the window at this section (\"3.3\")"),
		footnote: fs.Int("footnote", 0, "open the window at this footnote, shown"),
		lecture:  fs.Bool("lecture", false, "start in lecture mode, full screen (at --section, if given)"),
		trace: fs.Bool("trace", os.Getenv("GLOSSA_TRACE") == "1",
			"print the start-up phases and their durations to standard error once the window is drawn (env GLOSSA_TRACE=1)"),
		cpuprofile: fs.String("cpuprofile", os.Getenv("GLOSSA_CPUPROFILE"),
			"write a CPU profile of the start-up, up to the first frame, to this file (env GLOSSA_CPUPROFILE)"),
		memprofile: fs.String("memprofile", os.Getenv("GLOSSA_MEMPROFILE"),
			"write a heap profile to this file 2 s after the first frame, when launch memory is measured (env GLOSSA_MEMPROFILE)"),
	}
}

func runGUI(e *env, g *guiFlags) int {
	// Fyne logs to the standard logger; what of it is noise stays out of
	// the student's terminal (fynelog.go)
	quiet := &quietLog{w: e.stderr}
	log.SetOutput(quiet)
	defer quiet.Close()
	if code := startTrace(e, g); code != 0 {
		return code
	}
	// a window closed before its first frame still gets its trace and a
	// complete profile
	defer startup.Finish()
	gcSettled := startGC()
	// The article is parsed and the store opened on a goroutine of their
	// own while Fyne makes its app (the second core is idle then), and the
	// fonts the first frame draws load on goroutines of theirs once the
	// app exists (ui.Warm says why they are slow): on two cores the three
	// competed for the processor before the window could be made. Without
	// a display no app is made: the checks below explain why no window
	// opens.
	parsed, opened := make(chan guiData, 1), make(chan guiData, 1)
	go loadGUIData(e, g, parsed, opened)
	var a fyne.App
	if noDisplay() == "" {
		a = newApp()
		ui.Warm(a)
		startup.Mark("fyne app")
	}
	d := <-parsed
	startup.Mark("wait for the article")
	if d.parseErr != nil {
		fmt.Fprintln(e.stderr, "glossa:", d.parseErr)
		return 1
	}
	doc := d.doc
	// the reader's layout starts while the store opens (a first start
	// makes its tables and imports the article: 60-80 ms)
	if a != nil {
		ui.WarmText(doc)
	}
	d = <-opened
	startup.Mark("wait for the store")
	if d.st != nil {
		defer d.st.Close()
	}
	if msg := badDeepLink(doc, g); msg != "" {
		fmt.Fprintln(e.stderr, "glossa:", msg)
		return 2
	}
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(e.stderr, "glossa:", msg)
		return 1
	}
	opts := ui.Options{Section: *g.section, Footnote: *g.footnote, Lecture: *g.lecture}
	st := d.st
	opts.Settled = func() {
		// the day's backup, which the store left for after the first
		// frame (openGUIStore), then the collector's settling
		if st != nil {
			if err := st.AutoBackup(); err != nil {
				log.Printf("glossa: %v (the next start tries again)", err)
			}
		}
		if gcSettled != nil {
			gcSettled()
		}
	}
	// Without its database the window still opens, on a temporary one.
	if d.storeErr != nil {
		fmt.Fprintln(e.stderr, "glossa:", d.storeErr)
		// the window works on a temporary database and says so in a
		// banner that stays, with this reason (the store's errors name
		// the file)
		opts.StoreError = d.storeErr
	} else {
		opts.Notice = st.Recovered()
		if st.ReadOnly() {
			opts.Notice = store.ErrReadOnly.Error() + "."
		}
	}
	u := ui.Open(a, doc, st, opts)
	if u == nil {
		fmt.Fprintln(e.stderr, "glossa: no study database could be opened, not even a temporary one: check that the temporary folder (TMPDIR) exists and may be written to, or start Glossa with --db PATH")
		return 1
	}
	startup.Mark("UI construction")
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

// startGC sets the collector for the start-up and returns what sets it
// for the window's life once the window has settled (ui.Options.Settled).
// Most of the window's live heap is Fyne's parsed fonts, the rest is
// small and long-lived; garbage comes in bursts (start-up, a zoom).
// During the start-up the collector would run a dozen times over garbage
// made once (the article parsed, the store's rows read, every rune
// measured, the citation library extracted): a loose target leaves it for
// one collection once that is done, which gives the freed pages back to
// the system. From then on a tighter target than Go's default keeps the
// resident size low for a few ms of GC. GOGC, when set, decides alone.
func startGC() (settled func()) {
	if os.Getenv("GOGC") != "" {
		return nil
	}
	debug.SetGCPercent(startGCPercent)
	return func() {
		debug.SetGCPercent(windowGCPercent)
		debug.FreeOSMemory()
	}
}

const (
	startGCPercent  = 400
	windowGCPercent = 40
)

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

// guiData is what the window is made from, read beside the making of
// Fyne's app: the article parsed and the store opened with it imported.
type guiData struct {
	doc      *article.Document
	parseErr error
	st       *store.Store
	storeErr error
}

// loadGUIData parses the article and sends it to parsed, then, when a
// window can open at the place asked for, opens the store and sends the
// whole to opened: a start that stops at a check of runGUI touches no
// database.
func loadGUIData(e *env, g *guiFlags, parsed, opened chan<- guiData) {
	var d guiData
	end := startup.Span("parse")
	d.doc, d.parseErr = article.Parse(assets.Article)
	end()
	parsed <- d
	if d.parseErr == nil && badDeepLink(d.doc, g) == "" && noDisplay() == "" {
		d.st, d.storeErr = openGUIStore(e, d.doc)
	}
	opened <- d
}

// openGUIStore opens the database at --db (or the default place) with the
// article imported; the day's backup waits for the window's first frame
// (ui.Options.Settled).
func openGUIStore(e *env, doc *article.Document) (*store.Store, error) {
	path := e.db
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	end := startup.Span("store open")
	s, err := store.OpenBackupLater(path)
	end()
	if err != nil {
		return nil, err
	}
	defer startup.Span("import")()
	if _, err := s.ImportArticle(doc); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// startTrace switches on the start-up clock when --trace or --cpuprofile
// asks for it: the trace is printed and the profile closed once the first
// frame is drawn (see app/startup).
func startTrace(e *env, g *guiFlags) int {
	if *g.trace {
		startup.AtFinish(func() { startup.Report(e.stderr) })
	}
	if path := *g.cpuprofile; path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "glossa: cannot write the CPU profile: %v\n", err)
			return 1
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			fmt.Fprintf(e.stderr, "glossa: cannot start the CPU profile: %v\n", err)
			return 1
		}
		startup.AtFinish(func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				fmt.Fprintf(e.stderr, "glossa: CPU profile %s: %v\n", path, err)
				return
			}
			fmt.Fprintf(e.stderr, "glossa: CPU profile of the start-up written to %s (go tool pprof %s)\n", path, path)
		})
	}
	if path := *g.memprofile; path != "" {
		startup.AtFinish(func() {
			time.AfterFunc(2*time.Second, func() { writeHeapProfile(e, path) })
		})
	}
	return 0
}

// writeHeapProfile writes what the heap holds, after a collection, to
// path: what the window keeps once it is drawn and start-up's garbage is
// gone (go tool pprof -sample_index=inuse_space).
func writeHeapProfile(e *env, path string) {
	f, err := os.Create(path)
	if err == nil {
		runtime.GC()
		err = pprof.WriteHeapProfile(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "glossa: heap profile %s: %v\n", path, err)
		return
	}
	fmt.Fprintf(e.stderr, "glossa: heap profile written to %s (go tool pprof -sample_index=inuse_space %s)\n", path, path)
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
