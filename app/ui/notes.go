package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/sahilm/fuzzy"

	"github.com/glossa-app/glossa/store"
)

// Views of the Notes screen.
const (
	viewNotes   = "Notes"
	viewOrphans = "Passage not found"
	viewTrash   = "Trash"
)

// notesScreen is the Notes screen: every note with its quote, fuzzy
// search, filters, orphans apart, the trash, export and import. It also
// owns what the reader's notes share: the saver of typed text.
type notesScreen struct {
	svc     *services
	nav     navigation
	marks   readerMarks
	content fyne.CanvasObject
	saver   *noteSaver // the services' one, shared with the reader's editor

	search  *widget.Entry
	tag     *widget.Select
	color   *widget.Select
	section *widget.Select
	view    *widget.RadioGroup
	count   *widget.Label
	actions *fyne.Container // the count and the export buttons, laid out anew with each count
	list    *widget.List
	editor  *noteEditor
	empty   *widget.Label
	right   *fyne.Container

	all   []store.Note // the view's notes, as loaded
	shown []store.Note // after search and filters
}

// readerMarks is what the Notes screen tells the reader: the highlights
// to draw again after notes changed, and whether a highlight has text.
type readerMarks interface {
	refreshMarks()
	markHasText(id string, has bool)
}

// newNotesScreen builds the Notes screen with its own editor (the same
// kind the reader opens beside the text).
func newNotesScreen(svc *services, nav navigation, marks readerMarks) *notesScreen {
	s := &notesScreen{svc: svc, nav: nav, marks: marks, saver: svc.saver}
	s.build(newNoteEditor(svc, nav, s))
	return s
}

// newNoteSaverFor is the saver of typed note text and tags, writing to
// the store of svc.
func newNoteSaverFor(svc *services) *noteSaver {
	return newNoteSaver(func(id, body string) error {
		return svc.st.SetNoteBody(id, body)
	}, func(id string, tags []string) error {
		return svc.st.SetNoteTags(id, tags) // one write: a color set meanwhile stays
	})
}

// onNoteSaved is the saver's report, for the Notes screen's editor and
// list.
func (s *notesScreen) onNoteSaved(id string, err error) {
	if s.editor != nil {
		s.editor.onSaved(id, err)
	}
	if err == nil {
		s.bodySaved(id)
	}
}

func (s *notesScreen) build(editor *noteEditor) {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search quotes, notes and tags")
	s.search.OnChanged = func(string) { s.applyFilters() }
	s.tag = widget.NewSelect(nil, func(string) { s.applyFilters() })
	s.tag.PlaceHolder = "Any tag"
	var colors []string
	colors = append(colors, "Any color")
	for _, c := range highlightColors {
		colors = append(colors, c.label)
	}
	colors = append(colors, "No color")
	s.color = widget.NewSelect(colors, func(string) { s.applyFilters() })
	s.color.PlaceHolder = "Any color"
	sections := []string{"Any section"}
	for _, sec := range s.svc.doc.Sections {
		sections = append(sections, strings.TrimSpace(sec.Number+" "+sec.Title))
	}
	s.section = widget.NewSelect(sections, func(string) { s.applyFilters() })
	s.section.PlaceHolder = "Any section"
	s.view = widget.NewRadioGroup([]string{viewNotes, viewOrphans, viewTrash}, func(string) { s.reload() })
	s.view.Horizontal = true
	s.view.Required = true
	s.view.Selected = viewNotes
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance

	s.list = widget.NewList(func() int { return len(s.shown) }, newNoteRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(s.shown) {
			o.(*noteRow).set(s.shown[i], drawnVariant())
		}
	})
	s.list.OnSelected = s.onNoteSelected

	s.editor = editor
	s.editor.onClose = func() {
		s.list.UnselectAll()
		s.showEditor(false)
	}
	s.empty = widget.NewLabel("Select a note to read or edit it.\n\nTo make one, select a passage in the Reader and choose a color or Note.")
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Alignment = fyne.TextAlignCenter
	// a VBox, not a Center: a wrapped label needs the width to wrap in
	s.right = container.NewStack(container.NewVBox(layout.NewSpacer(), s.empty, layout.NewSpacer()), s.editor.box)
	s.editor.box.Hide()

	mdB := s.markdownExportButton()
	exportB := widget.NewButtonWithIcon("Export bundle…", theme.UploadIcon(), s.onExportTapped)
	importB := widget.NewButtonWithIcon("Import bundle…", theme.DownloadIcon(), s.onImportTapped)
	filters := container.NewGridWithColumns(3, s.tag, s.color, s.section)
	// The search has a row of its own: beside the three buttons it was
	// squeezed to a few letters on a 1024-pixel screen. The count goes
	// with the buttons, clear of the view choice, whose three equal
	// columns already fill the pane there.
	s.actions = container.NewBorder(nil, nil, s.count, container.NewHBox(mdB, exportB, importB))
	top := container.NewVBox(s.search, filters, s.view, s.actions, widget.NewSeparator())
	left := container.NewBorder(top, nil, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewPadded(s.right))
	split.Offset = 0.55
	s.content = split
}

func (s *notesScreen) screen() screen {
	return screen{name: "Notes", icon: theme.DocumentCreateIcon(), content: s.content, shown: s.reload, places: s}
}

// here is the note open in the screen's editor, for the history.
func (s *notesScreen) here() place {
	p := place{mark: -1}
	if s.editor.box.Visible() {
		p.id = s.editor.note.ID
	}
	return p
}

// restore opens the note that was open, if it still exists.
func (s *notesScreen) restore(p place) {
	if p.id == "" {
		return
	}
	if n, err := s.svc.st.Note(p.id); err == nil {
		s.openInScreen(n)
	}
}

// commands are the Notes screen's menu items (the selection's are the
// reader's: Reader.selectionCommands).
func (s *notesScreen) commands() []command {
	return []command{
		{"File", "Export Notes as Markdown…", "", 0, s.onExportMarkdownTapped},
		{"File", "Export Notes to Obsidian…", "", 0, s.onExportObsidianTapped},
		{"File", "Export Notes Bundle…", "", 0, s.onExportTapped},
		{"File", "Import Notes Bundle…", "", 0, s.onImportTapped},
	}
}

// flushAll writes everything typed and not yet saved, in both editors:
// their text and tags go through the one saver.
func (s *notesScreen) flushAll() {
	s.saver.flush()
}

// reload reads the notes of the view from the store.
func (s *notesScreen) reload() {
	s.all = nil
	f := store.NoteFilter{}
	switch s.view.Selected {
	case viewOrphans:
		f.Orphans = true
	case viewTrash:
		f.Trashed = true
	}
	notes, err := s.svc.st.Notes(f)
	if err != nil {
		s.showError("The notes could not be read", err)
	}
	s.all = make([]store.Note, 0, len(notes))
	for _, n := range notes {
		if s.view.Selected == viewNotes && n.Orphan {
			continue // listed apart
		}
		s.all = append(s.all, n)
	}
	s.updateTagOptions()
	s.applyFilters()
}

// updateTagOptions offers the tags of the notes loaded in the tag filter.
func (s *notesScreen) updateTagOptions() {
	tags := map[string]bool{}
	for _, n := range s.all {
		for _, t := range n.Tags {
			tags[t] = true
		}
	}
	opts := []string{"Any tag"}
	var sorted []string
	for t := range tags {
		sorted = append(sorted, t)
	}
	sort.Strings(sorted)
	s.tag.Options = append(opts, sorted...)
	if s.tag.Selected != "" && s.tag.Selected != "Any tag" && !tags[s.tag.Selected] {
		s.tag.ClearSelected()
	}
	s.tag.Refresh()
}

// noteText is what search looks in.
func noteText(n store.Note) string {
	return n.Quote() + " \u2016 " + n.Body + " \u2016 " + strings.Join(n.Tags, " ")
}

type noteSource []store.Note

func (ns noteSource) String(i int) string { return noteText(ns[i]) }
func (ns noteSource) Len() int            { return len(ns) }

// applyFilters narrows the loaded notes by tag, color and section, then
// ranks them by the fuzzy search (reading order without a search).
func (s *notesScreen) applyFilters() {
	kept := make([]store.Note, 0, len(s.all))
	sec := ""
	if i := s.section.SelectedIndex(); i > 0 {
		sec = s.svc.doc.Sections[i-1].Number
	}
	for _, n := range s.all {
		if t := s.tag.Selected; t != "" && t != "Any tag" && !hasTag(n.Tags, t) {
			continue
		}
		if c := s.color.Selected; c != "" && c != "Any color" && colorLabel(n.Color) != c {
			continue
		}
		if sec != "" && n.Section != sec && !strings.HasPrefix(n.Section, strings.TrimSuffix(sec, ".")+".") {
			continue
		}
		kept = append(kept, n)
	}
	if q := strings.TrimSpace(s.search.Text); q != "" {
		ms := fuzzy.FindFrom(q, noteSource(kept))
		ranked := make([]store.Note, 0, len(ms))
		for _, m := range ms {
			ranked = append(ranked, kept[m.Index])
		}
		kept = ranked
	}
	s.shown = kept
	s.list.UnselectAll()
	s.list.Refresh()
	s.count.SetText(fmt.Sprintf("%d of %d", len(s.shown), len(s.all)))
	if s.actions != nil {
		s.actions.Refresh() // a longer count gets its width, clear of the buttons
	}
	if s.editor.open {
		for _, n := range s.shown {
			if n.ID == s.editor.note.ID {
				return
			}
		}
	}
}

func hasTag(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (s *notesScreen) onNoteSelected(i widget.ListItemID) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	s.openInScreen(s.shown[i])
}

func (s *notesScreen) openInScreen(n store.Note) {
	s.editor.show(n)
	s.showEditor(true)
}

func (s *notesScreen) showEditor(on bool) {
	if on {
		s.empty.Hide()
		s.editor.box.Show()
	} else {
		s.editor.box.Hide()
		s.empty.Show()
	}
	s.right.Refresh()
}

// noteChanged refreshes what shows a note after a change of color, tags,
// place or trash.
func (s *notesScreen) noteChanged(n store.Note) {
	s.marks.refreshMarks()
	if s.editor.open && s.editor.note.ID == n.ID && !n.Deleted.IsZero() && s.view.Selected != viewTrash {
		s.editor.open = false
		s.showEditor(false)
	}
	s.reload()
}

// bodySaved updates the list row of a note whose text or tags were saved,
// and the tags offered in the filter.
func (s *notesScreen) bodySaved(id string) {
	n, err := s.svc.st.Note(id)
	if err != nil {
		return
	}
	for i := range s.all {
		if s.all[i].ID == id {
			s.all[i] = n
		}
	}
	for i := range s.shown {
		if s.shown[i].ID == id {
			s.shown[i] = n
			s.list.RefreshItem(i)
		}
	}
	s.updateTagOptions()
	// only the margin mark can change with the text: no need to place
	// every highlight again each time a note is saved
	s.marks.markHasText(id, strings.TrimSpace(n.Body) != "")
}

// editTarget opens the note on a footnote, a source or a card (making it
// the first time) in the Notes screen's editor.
func (s *notesScreen) editTarget(kind, id string) {
	s.noteFor(kind, id, func(n store.Note) {
		s.nav.show("Notes")
		s.openInScreen(n)
		s.editor.focus()
	})
}

// noteFor hands then the note on a footnote, source or card, made if
// there is none yet. Looking and making happen off the UI goroutine,
// after the writes given before: two quick taps make one note.
func (s *notesScreen) noteFor(kind, id string, then func(store.Note)) {
	st := s.svc.st
	var n store.Note
	s.svc.storeWrite(func() error {
		if fn, convErr := strconv.Atoi(id); kind == store.TargetFootnote && convErr == nil {
			var err error
			n, err = st.FootnoteNote(fn) // one transaction
			return err
		}
		notes, err := st.Notes(store.NoteFilter{TargetKind: kind, TargetID: id})
		if err != nil || len(notes) > 0 {
			if err == nil {
				n = notes[0]
			}
			return err
		}
		n, err = st.AddNote(store.Note{TargetKind: kind, TargetID: id})
		return err
	}, func(err error) {
		if err != nil {
			s.showError("The note could not be made", err)
			return
		}
		then(n)
	})
}

// noteRow is one note in the list: its color, its quote and a line about
// its text, place and tags.
type noteRow struct {
	widget.BaseWidget
	bar   *canvas.Rectangle
	quote *widget.Label
	meta  *widget.Label
}

func newNoteRow() fyne.CanvasObject {
	r := &noteRow{bar: canvas.NewRectangle(nil), quote: widget.NewLabel(""), meta: widget.NewLabel("")}
	r.bar.CornerRadius = 3
	r.quote.Truncation = fyne.TextTruncateEllipsis
	r.quote.TextStyle.Italic = true
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *noteRow) set(n store.Note, v fyne.ThemeVariant) {
	r.bar.FillColor = opaque(highlightColor(n.Color, v))
	r.bar.Refresh()
	q := n.Quote()
	if q == "" {
		q = noteTitle(n)
	} else {
		q = "“" + q + "”"
	}
	r.quote.SetText(q)
	var meta []string
	if b := strings.Join(strings.Fields(n.Body), " "); b != "" {
		meta = append(meta, b)
	} else {
		meta = append(meta, "(highlight, no text)")
	}
	switch {
	case n.Orphan:
		meta = append(meta, "passage not found")
	case n.Section != "":
		meta = append(meta, "§ "+n.Section)
	}
	for _, t := range n.Tags {
		meta = append(meta, "#"+t)
	}
	r.meta.SetText(strings.Join(meta, " · "))
}

func (r *noteRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.NewVBox(r.quote, r.meta)
	bar := container.New(&fixedWidth{w: 6}, r.bar)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, bar, nil, text))
}
