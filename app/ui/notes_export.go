package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/glossa-app/glossa/store"
)

// onExportMarkdownTapped saves every note as Markdown for Obsidian or any
// editor: grouped by section, each under its quote, with footnotes and tags.
func (s *notesScreen) onExportMarkdownTapped() {
	s.svc.afterTyped(s.exportMarkdown)
}

func (s *notesScreen) exportMarkdown() {
	notes, err := s.svc.st.Notes(store.NoteFilter{})
	if err != nil {
		s.showError("The notes could not be exported", err)
		return
	}
	var buf bytes.Buffer
	store.WriteMarkdown(&buf, s.svc.doc, notes, time.Now())
	s.saveFile("glossa-notes.md", ".md", buf.Bytes(), fmt.Sprintf("%d notes written to %%s, grouped by section, each under its quote.", len(notes)))
}

// saveFile asks where to save data and says what was written (done is a
// message with %s for the file name).
func (s *notesScreen) saveFile(name, ext string, data []byte, done string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if !picked(w, err, s.showError, "The file could not be opened") {
			return
		}
		_, err = w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.showError("The file "+w.URI().Name()+" could not be written", err)
			return
		}
		dialog.ShowInformation("Notes exported", fmt.Sprintf(done, w.URI().Name()), s.svc.win)
	}, s.svc.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onExportTapped saves every note as a bundle a classmate can import.
func (s *notesScreen) onExportTapped() {
	s.svc.afterTyped(s.exportBundle)
}

func (s *notesScreen) exportBundle() {
	var buf bytes.Buffer
	n, err := s.svc.st.ExportBundle(&buf)
	if err != nil {
		s.showError("The notes could not be exported", err)
		return
	}
	s.saveFile("glossa-notes.json", ".json", buf.Bytes(), fmt.Sprintf("%d notes written to %%s.\n\nA classmate imports this file with Notes › Import bundle; their own notes stay as they are.", n))
}

// onImportTapped merges a bundle and says what it added, updated and
// skipped; a bad file is refused whole, with the reason.
func (s *notesScreen) onImportTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if !picked(r, err, s.showError, "The file could not be opened") {
			return
		}
		s.importFrom(r, nil)
	}, s.svc.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importFrom reads one bundle and merges it off the UI goroutine, after
// the note text typed and the writes given before; the result is the
// dialog shown, and done's (done may be nil).
func (s *notesScreen) importFrom(r io.ReadCloser, done func(store.BundleResult, error)) {
	defer r.Close()
	name := "the file"
	if u, ok := r.(fyne.URIReadCloser); ok {
		name = u.URI().Name()
	}
	data, err := io.ReadAll(io.LimitReader(r, store.MaxBundleBytes+1))
	var res store.BundleResult
	s.svc.storeWrite(func() error {
		if err != nil {
			return err
		}
		s.saver.flush()
		res, err = s.svc.st.ImportBundle(data)
		return err
	}, func(err error) {
		s.onImported(name, res, err)
		if done != nil {
			done(res, err)
		}
	})
}

func (s *notesScreen) onImported(name string, res store.BundleResult, err error) {
	if err != nil {
		msg := plainError(err)
		if errors.Is(err, store.ErrBadBundle) {
			msg = strings.TrimPrefix(msg, "import bundle: ")
			dialog.ShowInformation("Nothing was imported", fmt.Sprintf("%s is %s.\n\nYour notes are unchanged. Ask for the file Glossa made with Export bundle (a .json file).", name, msg), s.svc.win)
		} else {
			s.showError("The bundle could not be imported", err)
		}
		return
	}
	s.reload()
	s.marks.refreshMarks()
	msg := fmt.Sprintf("From %s: %s.", name, res)
	if res.Skipped > 0 {
		msg += "\n\nSkipped notes were already here as they are, or newer here (or in your trash)."
	}
	dialog.ShowInformation("Notes imported", msg, s.svc.win)
}
