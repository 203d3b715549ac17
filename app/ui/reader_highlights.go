package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/store"
)

// readerNotes is the selection's action bar and the note open beside
// the text.
type readerNotes struct {
	noteEd  *noteEditor // the note open beside the text
	noteBox fyne.CanvasObject
	bar     *widget.PopUp // what to do with the selection
	shift   bool          // Shift is held: arrows select
}

// The reader's half of the notes: selecting a passage, the action bar
// that highlights it or makes a note of it, the highlights drawn in the
// text, and the note editor in the right column.

// initNotes turns on selection in the text and builds the note editor
// column; newReader puts the column beside the footnotes and search.
func (r *Reader) initNotes() fyne.CanvasObject {
	v := r.view
	v.sel.enabled = true
	v.sel.onSelected = r.showActionBar
	v.sel.onCleared = r.hideActionBar
	v.sel.onMarkTap = r.openNote
	r.noteEd = newNoteEditor(r.svc, r.nav, nil) // the Notes screen is set by New; the editor is shared with the Notes screen (notes_editor.go)
	r.noteEd.onClose = r.updateSide
	r.noteBox = container.New(&fixedWidth{w: 380}, container.NewBorder(nil, nil, widget.NewSeparator(), nil,
		container.NewPadded(r.noteEd.box)))
	return r.noteBox
}

// onModifier follows Shift, which alone is no shortcut in Fyne, so that
// Shift+arrows select (called from the window's key-down and key-up).
func (r *Reader) onModifier(k fyne.KeyName, down bool) {
	if k == desktop.KeyShiftLeft || k == desktop.KeyShiftRight {
		r.shift = down
	}
}

// onSelectionKey handles the keys that act on the selection; it reports
// whether it used the key.
func (r *Reader) onSelectionKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp, fyne.KeyLeft, fyne.KeyRight:
		if r.shift {
			r.extendSelection(ev.Name)
			return true
		}
	case fyne.KeyEscape:
		if t, _ := r.view.selection(); !t.empty() {
			r.view.clearSelection()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if t, _ := r.view.selection(); !t.empty() {
			r.noteOnSelection()
			return true
		}
	}
	return false
}

// onSelectionRune: with a passage selected, h highlights it and 1 to 5
// pick the color.
func (r *Reader) onSelectionRune(c rune) bool {
	if t, _ := r.view.selection(); t.empty() {
		return false
	}
	switch {
	case c == 'h':
		r.highlightSelection(defaultHighlight)
		return true
	case c >= '1' && c < '1'+rune(len(highlightColors)):
		r.highlightSelection(highlightColors[c-'1'].name)
		return true
	}
	return false
}

// extendSelection moves the free end of the selection by a sentence
// (Up/Down) or a word (Left/Right). Without a selection it starts at the
// caret, or at the first paragraph in view. At a paragraph's end, Down
// goes on to the next paragraph's first sentence.
func (r *Reader) extendSelection(key fyne.KeyName) {
	v := r.view
	s := &v.sel
	if s.caret < 0 || s.caret >= len(v.blocks) || v.blocks[s.caret].kind != blockPara {
		bi := v.topBlock()
		for bi >= 0 && bi < len(v.blocks) && v.blocks[bi].kind != blockPara {
			bi++
		}
		if bi < 0 || bi >= len(v.blocks) {
			return
		}
		s.caret, s.caretOff, s.anchor = bi, 0, 0
		v.sel.sel = textRange{block: -1}
	}
	if t := s.sel; t.empty() {
		s.anchor = s.caretOff
	}
	text := v.paraText(s.caret)
	free := s.caretOff
	switch key {
	case fyne.KeyDown:
		if free >= len(text) || strings.TrimSpace(text[free:]) == "" {
			if next := r.nextParaBlock(s.caret); next >= 0 {
				s.caret, s.anchor, free = next, 0, 0
				text = v.paraText(next)
			}
		}
		free = nextSentence(text, free)
	case fyne.KeyUp:
		free = prevSentence(text, free)
	case fyne.KeyRight:
		free = nextWord(text, free)
	case fyne.KeyLeft:
		free = prevWord(text, free)
	}
	s.caretOff, s.keyboard = free, true
	v.setSelection(textRange{s.caret, min(s.anchor, free), max(s.anchor, free)})
	r.revealSelection()
	if t, _ := v.selection(); !t.empty() {
		r.showActionBar()
	} else {
		r.hideActionBar()
	}
}

func (r *Reader) nextParaBlock(bi int) int {
	for i := bi + 1; i < len(r.view.blocks); i++ {
		if r.view.blocks[i].kind == blockPara {
			return i
		}
	}
	return -1
}

// revealSelection scrolls so that the free end of the selection is in view.
func (r *Reader) revealSelection() {
	v := r.view
	at, h, ok := v.caretRect(v.sel.caret, v.sel.caretOff)
	if !ok {
		return
	}
	top, vp := v.offset(), v.viewport()
	if at.Y < top {
		v.scrollTo(at.Y - h)
	} else if at.Y+h > top+vp-60 {
		v.scrollTo(at.Y + h + 60 - vp + h)
	}
}

// refreshMarks places every passage note of the store in the text again.
func (r *Reader) refreshMarks() {
	v := r.view
	v.sel.marks = v.sel.marks[:0]
	notes, err := r.svc.st.Notes(store.NoteFilter{TargetKind: store.TargetPassage})
	if err != nil {
		fyne.LogError("loading highlights", err)
	}
	for _, n := range notes {
		if n.Orphan {
			continue
		}
		pi, start, end, ok := r.placeNote(n)
		if !ok {
			continue
		}
		v.sel.marks = append(v.sel.marks, textMark{textRange: textRange{r.idx.paraBlock[pi], start, end},
			id: n.ID, color: n.Color, note: strings.TrimSpace(n.Body) != ""})
	}
	v.sel.marks = append(v.sel.marks, r.sharedMarks()...)
	v.Refresh()
}

// markHasText updates the margin mark of note id after its text was saved.
func (r *Reader) markHasText(id string, has bool) {
	for i := range r.view.sel.marks {
		if m := &r.view.sel.marks[i]; m.id == id && m.note != has {
			m.note = has
			r.view.Refresh()
		}
	}
}

// placeNote finds a note's passage in the text shown: where the store put
// it when the article was imported, or wherever app/anchor finds it now.
func (r *Reader) placeNote(n store.Note) (pi, start, end int, ok bool) {
	ps := r.doc.Paragraphs
	a := n.Anchor
	if i := a.Index; i >= 0 && i < len(ps) && ps[i].ID == n.TargetID {
		if e := a.Start + len(a.Exact); a.Start >= 0 && e <= len(ps[i].Text) && ps[i].Text[a.Start:e] == a.Exact {
			return i, a.Start, e, true
		}
	}
	m, ok := anchor.Locate(ps, a)
	if !ok {
		return 0, 0, 0, false
	}
	return m.Index, m.Start, m.End, true
}

// selectedMark is the note whose highlight is exactly the selection.
func (r *Reader) selectedMark() (string, bool) {
	t, _ := r.view.selection()
	for _, m := range r.view.sel.marks {
		if m.textRange == t {
			return m.id, true
		}
	}
	return "", false
}

// showActionBar opens the bar of what can be done with the selection,
// just below it.
func (r *Reader) showActionBar() {
	t, _ := r.view.selection()
	if t.empty() {
		return
	}
	if r.bar == nil {
		r.buildActionBar()
	}
	var at fyne.Position
	r.view.rangeRects(t, func(x0, x1, y, h float32, first bool) { at = fyne.NewPos(x0, y+h) })
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(at)
	c := r.svc.win.Canvas()
	size := r.bar.Content.MinSize()
	x := fyne.Min(abs.X, c.Size().Width-size.Width-8)
	y := abs.Y + 4
	if y+size.Height > c.Size().Height-8 {
		// no room below: above the selection's first line
		var top float32 = -1
		r.view.rangeRects(t, func(x0, x1, yy, h float32, first bool) {
			if first {
				top = yy
			}
		})
		y = fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Y + top - size.Height - 4
	}
	r.bar.ShowAtPosition(fyne.NewPos(fyne.Max(8, x), fyne.Max(8, y)))
}

func (r *Reader) hideActionBar() {
	if r.bar != nil {
		r.bar.Hide()
	}
}

// ActionBarShown reports whether the selection's action bar is open.
func (r *Reader) ActionBarShown() bool { return r.bar != nil && r.bar.Visible() }

func (r *Reader) buildActionBar() {
	var items []fyne.CanvasObject
	for _, c := range highlightColors {
		items = append(items, newSwatch(c.name, r.highlightSelection))
	}
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	items = append(items, widget.NewSeparator(),
		btn("Note", theme.DocumentCreateIcon(), r.noteOnSelection),
		btn("Tag", theme.ListIcon(), r.tagSelection),
		btn("Card", theme.GridIcon(), r.cardFromSelection),
		btn("Copy", theme.ContentCopyIcon(), r.copySelection))
	r.bar = widget.NewPopUp(container.NewHBox(items...), r.svc.win.Canvas())
}

// highlightSelection highlights the selection in color (a highlight that
// is exactly the selection changes color).
func (r *Reader) highlightSelection(color string) {
	r.changeSelection(color, nil, nil)
}

// noteOnSelection opens the note of the selection in the editor, with the
// keyboard in its text; a new one is opened once it is written.
func (r *Reader) noteOnSelection() {
	if t, _ := r.view.selection(); t.empty() {
		return
	}
	if id, ok := r.selectedMark(); ok && id != "" {
		if n, err := r.svc.st.Note(id); err == nil {
			r.putSelectionAway()
			r.showNoteEditor(n)
			return
		}
	}
	r.changeSelection(defaultHighlight, nil, r.showNoteEditor)
}

func (r *Reader) tagSelection() {
	t, _ := r.view.selection()
	if t.empty() {
		return
	}
	r.hideActionBar()
	entry := widget.NewEntry()
	entry.SetPlaceHolder("exam, sovereignty")
	dialog.ShowForm("Tag the passage", "Tag", "Cancel", []*widget.FormItem{widget.NewFormItem("Tags", entry)}, func(ok bool) {
		tags := splitTags(entry.Text)
		if !ok || len(tags) == 0 {
			return
		}
		r.view.setSelection(t)
		r.changeSelection("", tags, nil)
	}, r.svc.win)
	r.svc.win.Canvas().Focus(entry)
}

// changeSelection gives the note whose highlight is the selection color
// (none: its own) and adds tags, or makes it, in color (none: the
// default), with the tags. The highlight is drawn at once; the note is
// written off the UI goroutine, in one transaction, after the writes
// given before it. Once it is written the marks are read again and then
// gets the note; when the write fails the highlight goes and the student
// is told.
func (r *Reader) changeSelection(color string, tags []string, then func(store.Note)) {
	t, _ := r.view.selection()
	if t.empty() {
		return
	}
	st := r.svc.st
	var n store.Note
	var write func() error
	if id, ok := r.selectedMark(); ok && id != "" {
		if r.markColor(id) == color && len(tags) == 0 && then == nil {
			r.putSelectionAway()
			return // nothing changes
		}
		write = func() (err error) {
			n, err = st.ChangeNote(id, nil, func(n *store.Note) {
				if color != "" {
					n.Color = color
				}
				n.Tags = append(n.Tags, tags...)
			})
			return err
		}
	} else {
		if color == "" {
			color = defaultHighlight
		}
		a := anchor.At(r.doc.Paragraphs, r.view.blocks[t.block].para, t.start, t.end)
		write = func() (err error) {
			n, err = st.AddNote(store.Note{TargetKind: store.TargetPassage, Anchor: a, Color: color, Tags: tags})
			return err
		}
	}
	r.markPending(t, color)
	r.putSelectionAway()
	r.svc.storeWrite(write, func(err error) {
		r.refreshMarks()
		if err != nil {
			r.noteService.showError("The highlight could not be saved", err)
			return
		}
		r.noteService.reload()
		r.svc.sharing.changed()
		if r.noteEd.open && r.noteEd.note.ID == n.ID {
			r.noteEd.show(n)
		}
		if then != nil {
			then(n)
		}
	})
}

// markPending draws the highlight of a note being written (it has no ID
// yet, so a tap on it opens nothing).
func (r *Reader) markPending(t textRange, color string) {
	for i, m := range r.view.sel.marks {
		if m.textRange == t {
			r.view.sel.marks[i].color = color
			return
		}
	}
	r.view.sel.marks = append(r.view.sel.marks, textMark{textRange: t, color: color})
}

func (r *Reader) markColor(id string) string {
	for _, m := range r.view.sel.marks {
		if m.id == id {
			return m.color
		}
	}
	return ""
}

// cardFromSelection hands the passage to the Cards screen's editor.
func (r *Reader) cardFromSelection() {
	t, quote := r.view.selection()
	if t.empty() {
		return
	}
	pi := r.view.blocks[t.block].para
	r.hideActionBar()
	r.nav.cardFromPassage(r.doc.Paragraphs[pi].ID, quote)
}

func (r *Reader) copySelection() {
	if _, quote := r.view.selection(); quote != "" {
		r.svc.app.Clipboard().SetContent(quote)
		r.hideActionBar()
	}
}

// putSelectionAway closes the selection and its action bar.
func (r *Reader) putSelectionAway() {
	r.hideActionBar()
	r.view.clearSelection()
}

func (r *Reader) showNoteEditor(n store.Note) {
	r.closePopover()
	r.noteEd.show(n)
	r.updateSide()
	r.noteEd.focus()
}

// openNote opens note id in the editor beside the text.
func (r *Reader) openNote(id string) {
	if id == "" {
		return // a highlight still being written
	}
	if strings.HasPrefix(id, sharedMarkPrefix) {
		r.openSharedNote(id)
		return
	}
	n, err := r.svc.st.Note(id)
	if err != nil {
		r.noteService.showError("The note could not be opened", err)
		return
	}
	r.showNoteEditor(n)
}

// noteOnFootnote opens the note on footnote n, made the first time.
func (r *Reader) noteOnFootnote(n int) {
	r.noteService.noteFor(store.TargetFootnote, strconv.Itoa(n), r.showNoteEditor)
}

// showNote shows the passage (or footnote) of note n with the note open
// beside it.
func (r *Reader) showNote(n store.Note) {
	switch n.TargetKind {
	case store.TargetFootnote:
		r.goToFootnote(n.FootnoteNumber())
	case store.TargetPassage:
		pi, start, _, ok := r.placeNote(n)
		if !ok {
			return
		}
		bi := r.idx.paraBlock[pi]
		r.view.highlight = -1
		r.view.sel.caret, r.view.sel.caretOff, r.view.sel.anchor = bi, start, start
		r.view.scrollToBlock(bi)
		r.view.Refresh()
	}
	r.noteEd.show(n)
	r.updateSide()
}

// selectionCommands are the menu items and shortcuts of the selection in
// the text.
func (r *Reader) selectionCommands() []command {
	def := fyne.KeyModifierShortcutDefault
	return []command{
		{"Edit", "Highlight Selection", fyne.KeyH, def, func() { r.highlightSelection(defaultHighlight) }},
		{"Edit", "Add Note to Selection", fyne.KeyN, def | fyne.KeyModifierShift, r.noteOnSelection},
		{"Edit", "Copy Selection", "", 0, r.copySelection},
		{"Edit", "Select Next Sentence", fyne.KeyDown, def | fyne.KeyModifierShift, func() { r.extendSelection(fyne.KeyDown) }},
		{"Edit", "Select Previous Sentence", fyne.KeyUp, def | fyne.KeyModifierShift, func() { r.extendSelection(fyne.KeyUp) }},
	}
}
