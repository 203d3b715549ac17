package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store"
)

// noteEntry is an entry of the editor (the Markdown text, the tags):
// losing the focus writes what was typed, Esc closes the editor.
type noteEntry struct {
	widget.Entry
	onFocusLost func()
	onEscape    func()
}

func newNoteEntry(rows int, placeholder string) *noteEntry {
	e := &noteEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.PlaceHolder = placeholder
	// before it is a widget: set after, the height made the entry build
	// and lay itself out while the window was being made (5 ms of the
	// start, for an editor hidden until a note is opened)
	e.SetMinRowsVisible(rows)
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey takes Esc, which an entry leaves unused, to close the editor:
// the keys the screen would get go to the focused entry instead.
func (e *noteEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// noteEditor edits one note in place: its text (Markdown, saved as it is
// typed), its tags and its color. There is no save button.
type noteEditor struct {
	svc *services
	nav navigation
	// notes is the Notes screen's side: it shows a changed note and
	// reports failed writes (set by the window once that screen exists)
	notes noteEditorHost
	note  store.Note
	open  bool

	box      fyne.CanvasObject
	title    *widget.Label
	quote    *widget.Label
	body     *noteEntry
	preview  *widget.RichText
	previewB *widget.Button
	tags     *noteEntry
	swatches []*swatch
	colors   *fyne.Container // only passages are highlighted
	status   *widget.Label
	goTo     *widget.Button
	trash    *widget.Button

	loading   bool
	onChanged func(n store.Note) // the note's color, tags or place changed
	onClose   func()
}

// noteEditorHost is what an editor asks of the Notes screen.
type noteEditorHost interface {
	noteChanged(n store.Note)
	showError(what string, err error)
}

func newNoteEditor(svc *services, nav navigation, notes noteEditorHost) *noteEditor {
	e := &noteEditor{svc: svc, nav: nav, notes: notes}
	e.title = widget.NewLabelWithStyle("Note", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.quote = widget.NewLabel("")
	e.quote.Wrapping = fyne.TextWrapWord
	e.body = newNoteEntry(8, "Write your note… (Markdown: **bold**, _italic_, - lists)")
	e.body.OnChanged = e.onBodyChanged
	e.body.onFocusLost = svc.saveTyped
	e.body.onEscape = e.onEscapeTyped
	e.preview = widget.NewRichTextFromMarkdown("")
	e.preview.Wrapping = fyne.TextWrapWord
	e.preview.Hide()
	e.previewB = widget.NewButtonWithIcon("Preview", theme.VisibilityIcon(), e.onPreviewTapped)
	e.previewB.Importance = widget.LowImportance
	// the tags are saved as typed, like the text, through the same saver
	e.tags = &noteEntry{onFocusLost: svc.saveTyped, onEscape: e.onEscapeTyped}
	e.tags.ExtendBaseWidget(e.tags)
	e.tags.SetPlaceHolder("tags, separated by commas")
	e.tags.OnChanged = e.onTagsChanged
	e.tags.OnSubmitted = func(string) { svc.saveTyped() }
	for _, c := range highlightColors {
		e.swatches = append(e.swatches, newSwatch(c.name, e.onColorTapped))
	}
	e.status = widget.NewLabel("")
	e.status.Truncation = fyne.TextTruncateEllipsis
	e.goTo = widget.NewButtonWithIcon("Go to passage", theme.NavigateNextIcon(), e.onGoToTapped)
	e.trash = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), e.onTrashTapped)
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), e.close)
	closeB.Importance = widget.LowImportance

	var sw []fyne.CanvasObject
	for _, s := range e.swatches {
		sw = append(sw, s)
	}
	head := container.NewBorder(nil, nil, nil, closeB, e.title)
	e.colors = container.NewHBox(append([]fyne.CanvasObject{widget.NewLabel("Color")}, sw...)...)
	top := container.NewVBox(head, container.New(&maxHeight{h: 110}, e.quote), e.colors, e.tags)
	bottom := container.NewVBox(e.status, container.NewHBox(e.goTo, e.trash, e.historyButton()))
	text := container.NewStack(e.body, container.NewVScroll(e.preview))
	e.box = container.NewBorder(top, bottom, nil, nil,
		container.NewBorder(container.NewHBox(widget.NewLabel("Note (Markdown)"), e.previewB), nil, nil, nil, text))
	return e
}

// show loads note n into the editor.
func (e *noteEditor) show(n store.Note) {
	e.svc.saveTyped()
	e.loading = true
	defer func() { e.loading = false }()
	e.note, e.open = n, true
	e.title.SetText(noteTitle(n))
	q := n.Quote()
	if n.TargetKind == store.TargetFootnote {
		if fn := footnoteNumbered(e.svc.doc, n.FootnoteNumber()); fn != nil {
			q = fn.Text
		}
	}
	if q == "" {
		e.quote.Hide()
	} else {
		// italic from the first quote shown: measured empty at the
		// window's start, an italic label has Fyne load the italic faces
		// (theme_fonts.go) before the first frame
		e.quote.TextStyle.Italic = true
		e.quote.SetText("“" + shortQuote(q, 260) + "”")
		e.quote.Show()
	}
	e.body.SetText(n.Body)
	// the keyboard goes on where the text ends
	lines := strings.Split(n.Body, "\n")
	e.body.CursorRow, e.body.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	e.body.Refresh()
	e.tags.SetText(strings.Join(n.Tags, ", "))
	e.tags.CursorColumn = len([]rune(e.tags.Text)) // a tag more goes at the end
	e.tags.Refresh()
	e.setSwatches(n.Color)
	if n.TargetKind == store.TargetPassage {
		e.colors.Show()
	} else {
		e.colors.Hide()
	}
	e.status.SetText("Saved as you type")
	e.trash.SetText("Delete")
	e.trash.SetIcon(theme.DeleteIcon())
	if n.Deleted.IsZero() {
		e.body.Enable()
		e.tags.Enable()
	} else {
		// a note in the trash is read, not edited: restore it first
		e.body.Disable()
		e.tags.Disable()
		e.trash.SetText("Restore")
		e.trash.SetIcon(theme.ContentUndoIcon())
		e.status.SetText("In the trash: restore it to edit it")
	}
	if n.Orphan {
		e.status.SetText("Its passage is not in this version of the article")
	}
	if n.TargetKind == store.TargetPassage && !n.Orphan || n.TargetKind == store.TargetFootnote {
		e.goTo.Show()
	} else {
		e.goTo.Hide()
	}
	if e.preview.Visible() {
		e.preview.ParseMarkdown(n.Body)
	}
}

// shortQuote keeps a long quote to about n characters, cut at a word.
func shortQuote(q string, n int) string {
	r := []rune(q)
	if len(r) <= n {
		return q
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

func noteTitle(n store.Note) string {
	switch n.TargetKind {
	case store.TargetFootnote:
		return "Note on footnote " + n.TargetID
	case store.TargetSource:
		return "Note on a source"
	case store.TargetCard:
		return "Note on a card"
	}
	if n.Section != "" {
		return "Note · § " + n.Section
	}
	return "Note"
}

func (e *noteEditor) setSwatches(name string) {
	for _, s := range e.swatches {
		s.selected = s.name == name
		s.Refresh()
	}
}

// focus puts the keyboard in the note's text.
func (e *noteEditor) focus() {
	if c := e.svc.win.Canvas(); c != nil && e.body.Visible() {
		c.Focus(e.body)
	}
}

func (e *noteEditor) onBodyChanged(text string) {
	if e.loading || e.note.ID == "" || !e.note.Deleted.IsZero() {
		return
	}
	e.note.Body = text
	e.svc.saver.changed(e.note.ID, text)
	e.status.SetText("Saving…")
}

func (e *noteEditor) onTagsChanged(text string) {
	if e.loading || e.note.ID == "" || !e.note.Deleted.IsZero() {
		return
	}
	tags := splitTags(text)
	if strings.Join(tags, ",") == strings.Join(e.note.Tags, ",") {
		return // a comma or a space more: the same tags
	}
	if err := store.ValidateNote(store.Note{Tags: tags}); err != nil {
		e.status.SetText("Not saved: " + plainError(err))
		return
	}
	e.note.Tags = tags
	e.svc.saver.tagsChanged(e.note.ID, tags)
	e.status.SetText("Saving…")
}

// onSaved is the saver's report, on the UI goroutine.
func (e *noteEditor) onSaved(id string, err error) {
	if id != e.note.ID {
		return
	}
	if err != nil {
		e.status.SetText("Not saved: " + plainError(err) + " (it will be tried again as you type)")
		return
	}
	if e.svc.saver.dirtyNote(id) {
		return // typed again since: still "Saving…"
	}
	e.status.SetText("Saved")
}

// onEscapeTyped closes the editor from its text or its tags, and gives
// the keyboard back to the screen.
func (e *noteEditor) onEscapeTyped() {
	if c := e.svc.win.Canvas(); c != nil {
		c.Unfocus()
	}
	e.close()
}

func (e *noteEditor) onPreviewTapped() {
	if e.preview.Visible() {
		e.preview.Hide()
		e.body.Show()
		e.previewB.SetText("Preview")
		e.previewB.SetIcon(theme.VisibilityIcon())
		return
	}
	e.preview.ParseMarkdown(e.body.Text)
	e.body.Hide()
	e.preview.Show()
	e.previewB.SetText("Edit")
	e.previewB.SetIcon(theme.DocumentCreateIcon())
}

func (e *noteEditor) onColorTapped(name string) {
	if e.note.ID == "" || !e.note.Deleted.IsZero() {
		return
	}
	e.setSwatches(name)
	e.update(func(n *store.Note) { n.Color = name })
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "#")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// update writes the pending text, then the change f makes to the note as
// stored then, off the UI goroutine after the writes given before.
func (e *noteEditor) update(f func(n *store.Note)) {
	id, st, saver := e.note.ID, e.svc.st, e.svc.saver
	var n store.Note
	e.status.SetText("Saving…")
	e.svc.storeWrite(func() error {
		// the text typed and not yet saved goes in the same transaction
		// as the change, so neither can be lost between two writes
		body, typed := saver.take(id)
		var pending *string
		if typed {
			pending = &body
		}
		var err error
		n, err = st.ChangeNote(id, pending, f)
		if err != nil && typed {
			saver.changed(id, body) // kept, to be written again
		}
		return err
	}, func(err error) {
		if err != nil {
			e.notes.showError("The note could not be saved", err)
			return
		}
		e.noteWritten(n)
		if e.onChanged != nil {
			e.onChanged(n)
		}
		e.notes.noteChanged(n)
	})
}

// noteWritten takes the note as written, when it is still the one open,
// keeping the text typed since.
func (e *noteEditor) noteWritten(n store.Note) {
	if e.note.ID != n.ID {
		return
	}
	if e.svc.saver.dirtyNote(n.ID) {
		n.Body = e.note.Body
		e.note = n
		return
	}
	e.note = n
	e.status.SetText("Saved")
}

func (e *noteEditor) onGoToTapped() {
	e.svc.saveTyped()
	e.nav.openNote(e.note)
}

// onTrashTapped moves the note to the trash, or back from it, once what
// was typed is written.
func (e *noteEditor) onTrashTapped() {
	if e.note.ID == "" {
		return
	}
	id, trash, st, saver := e.note.ID, e.note.Deleted.IsZero(), e.svc.st, e.svc.saver
	var n store.Note
	e.svc.storeWrite(func() error {
		saver.flush()
		var err error
		if trash {
			err = st.TrashNote(id)
		} else {
			err = st.RestoreNote(id)
		}
		if err == nil {
			n, err = st.Note(id)
		}
		return err
	}, func(err error) {
		if err != nil {
			e.notes.showError("The note could not be moved", err)
			return
		}
		e.notes.noteChanged(n)
		if e.note.ID != id {
			return
		}
		if !n.Deleted.IsZero() {
			e.close()
			return
		}
		e.show(n)
	})
}

// close writes what is pending and hides the editor.
func (e *noteEditor) close() {
	e.svc.saveTyped()
	e.open = false
	e.note = store.Note{}
	if e.onClose != nil {
		e.onClose()
	}
}

// plainError is an error as a student reads it: without the Go package
// prefixes the store puts in front for the logs.
func plainError(err error) string {
	s := err.Error()
	for _, p := range []string{"store: ", "sqlite: "} {
		s = strings.ReplaceAll(s, p, "")
	}
	return s
}

// showError tells the student what went wrong and what to do.
func (s *notesScreen) showError(what string, err error) {
	fyne.LogError(what, err)
	advice, ok := whyNotWritten(err)
	if !ok {
		advice = "Your text is kept in the editor; try again, or restart Glossa if this persists."
	}
	dialog.ShowError(fmt.Errorf("%s: %s.\n\n%s", what, plainError(err), advice), s.svc.win)
}
