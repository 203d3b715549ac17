package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article/formats"
	"github.com/glossa-app/glossa/store"
)

// importing is the Library's import: Import… and Import Folder… and files
// dropped on the window all come to importFiles, which reads and adds
// them off the UI goroutine, one at a time, with a progress bar, and ends
// with a line for each file.
type importing struct {
	importButton       *widget.Button
	importFolderButton *widget.Button
	progressBox        *fyne.Container
	progressBar        *widget.ProgressBar
	progressLabel      *widget.Label
	// batches run one after another: a second drop while the first is
	// read waits for it, so that the bar always speaks of one batch
	batch sync.Mutex
	// lastSummary is what the summary of the last batch said, lastBatch
	// closed once it was shown
	lastSummary []string
	lastBatch   <-chan struct{}
	// passwordAsked hears the password entry of a locked PDF once its
	// dialog is on screen (tests)
	passwordAsked chan *widget.Entry
}

// importOutcome is what became of one file.
type importOutcome struct {
	name   string // the file's base name
	res    store.AddResult
	placed int    // footnotes whose reference was found in the text
	reason string // why it was refused, in plain words; "" when it was read
}

func (l *libraryScreen) buildImport() {
	l.importButton = widget.NewButtonWithIcon("Import…", theme.ContentAddIcon(), l.onImportTapped)
	l.importButton.Importance = widget.HighImportance
	l.importFolderButton = widget.NewButtonWithIcon("Import Folder…", theme.FolderIcon(), l.onImportFolderTapped)
	l.progressBar = widget.NewProgressBar()
	l.progressLabel = widget.NewLabel("")
	l.progressLabel.Truncation = fyne.TextTruncateEllipsis
	l.progressBox = container.NewVBox(l.progressLabel, l.progressBar)
	l.progressBox.Hide()
}

// onImportTapped asks for one file; Import Folder… and dropping files on
// the window take many (Fyne's file dialog chooses one).
func (l *libraryScreen) onImportTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("the file could not be opened: %w", err), l.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		l.importFiles([]string{path})
	}, l.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importExtensions are the files Import Folder… takes from a folder: the
// content decides the format, but a folder also holds pictures and
// spreadsheets that are not worth a "refused" line each.
var importExtensions = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".odt": true, ".pdf": true}

func (l *libraryScreen) onImportFolderTapped() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("the folder could not be opened: %w", err), l.win)
			return
		}
		if u == nil {
			return
		}
		paths, err := articleFiles(u.Path())
		if err != nil {
			dialog.ShowError(err, l.win)
			return
		}
		l.importFiles(paths)
	}, l.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// articleFiles lists the files in dir that may be articles, by name.
func articleFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("the folder %s could not be read: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && importExtensions[strings.ToLower(filepath.Ext(e.Name()))] {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("the folder %s holds no Markdown, HTML, Word or OpenDocument files", dir)
	}
	return paths, nil
}

// onDropped imports the files dropped on the window; a folder dropped
// gives its article files.
func (l *libraryScreen) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		p := u.Path()
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			if ps, err := articleFiles(p); err == nil {
				paths = append(paths, ps...)
				continue
			}
		}
		paths = append(paths, p)
	}
	if len(paths) > 0 {
		l.importFiles(paths)
	}
}

// importFiles reads and adds the files in the background and shows the
// Library with the progress, then a line for each file. The channel is
// closed once the summary is on screen (tests wait for it).
func (l *libraryScreen) importFiles(paths []string) <-chan struct{} {
	done := make(chan struct{})
	l.lastBatch = done
	l.opener.Show("Library")
	l.importButton.Disable()
	l.importFolderButton.Disable()
	l.progressBar.SetValue(0)
	l.progressLabel.SetText(fmt.Sprintf("Importing %s…", plural(len(paths), "file", "files")))
	l.progressBox.Show()
	l.relayout()
	go func() {
		defer close(done)
		l.batch.Lock()
		defer l.batch.Unlock()
		outs := make([]importOutcome, 0, len(paths))
		for i, p := range paths {
			i, name := i, filepath.Base(p)
			fyne.Do(func() {
				l.progressLabel.SetText(fmt.Sprintf("Reading %d of %d: %s", i+1, len(paths), name))
				l.progressBar.SetValue(float64(i) / float64(len(paths)))
			})
			out, err := readAndAdd(l.st, p, formats.Options{})
			if errors.Is(err, formats.ErrPassword) {
				out = l.importLocked(p, out)
			}
			outs = append(outs, out)
		}
		fyne.DoAndWait(func() {
			l.progressBar.SetValue(1)
			l.progressBox.Hide()
			l.relayout()
			l.importButton.Enable()
			l.importFolderButton.Enable()
			for _, o := range outs {
				if o.res.Status == store.StatusUpdated {
					l.opener.articleReplaced(o.res.ID)
				}
			}
			l.reload()
			l.showImportSummary(outs)
		})
	}()
	return done
}

// readAndAdd reads one file in whatever format it is and adds it to the
// library, off the UI goroutine; the error is the reader's, so that a
// locked PDF can be asked for its password.
func readAndAdd(st *store.Store, path string, opt formats.Options) (importOutcome, error) {
	out := importOutcome{name: filepath.Base(path)}
	doc, format, err := formats.ReadFileWith(path, opt)
	if err != nil {
		out.reason = formats.Plain(err)
		out.res.Status = store.StatusRefused
		return out, err
	}
	res, err := st.AddArticleFormat(doc, out.name, string(format))
	if err != nil {
		out.res.Status = store.StatusRefused
		out.reason = "it could not be saved in your study database (" + err.Error() + "); nothing was changed, try again"
		return out, nil
	}
	out.res = res
	for _, f := range doc.Footnotes {
		if f.Paragraph != "" {
			out.placed++
		}
	}
	return out, nil
}

// summary is the line said about one file.
func (o importOutcome) summary() string {
	r := o.res
	switch r.Status {
	case store.StatusRefused:
		if o.reason == "" {
			return o.name + ": not imported."
		}
		return o.name + ": not imported: " + o.reason + "."
	case store.StatusUnchanged:
		return fmt.Sprintf("%s: already in your library (%s), nothing changed.", o.name, quoted(r.Title))
	}
	counts := fmt.Sprintf("%s, %d references placed, %s", plural(r.Footnotes, "footnote", "footnotes"), o.placed, plural(r.Problems, "problem", "problems"))
	if r.Status == store.StatusUpdated {
		s := fmt.Sprintf("%s: new version of %s: %s", o.name, quoted(r.Title), counts)
		if r.Placed+r.Orphaned > 0 {
			s += fmt.Sprintf("; your notes placed again: %d (%d moved), %d could not be placed and are kept apart", r.Placed, r.Moved, r.Orphaned)
		}
		return s + "."
	}
	return fmt.Sprintf("%s: %s added: %s.", o.name, quoted(r.Title), counts)
}

// quoted puts a title in quotation marks, unless it has its own.
func quoted(title string) string {
	switch {
	case title == "":
		return "an untitled article"
	case strings.ContainsAny(title[:1], "\"“‘«„'"):
		return title
	}
	return "“" + title + "”"
}

// showImportSummary says what became of each file, refused ones first.
func (l *libraryScreen) showImportSummary(outs []importOutcome) {
	sort.SliceStable(outs, func(i, j int) bool {
		return outs[i].res.Status == store.StatusRefused && outs[j].res.Status != store.StatusRefused
	})
	added, refused := 0, 0
	lines := make([]string, len(outs))
	for i, o := range outs {
		lines[i] = o.summary()
		switch o.res.Status {
		case store.StatusAdded, store.StatusUpdated:
			added++
		case store.StatusRefused:
			refused++
		}
	}
	l.lastSummary = lines
	title := fmt.Sprintf("%s imported", plural(added, "article", "articles"))
	if refused > 0 {
		title += fmt.Sprintf(", %s not", plural(refused, "file", "files"))
	}
	text := widget.NewLabel(strings.Join(lines, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewVScroll(text), l.win)
	d.Resize(fyne.NewSize(680, min(560, 180+float32(len(lines))*60)))
	d.Show()
}
