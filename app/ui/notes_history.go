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

// revisionReason says, for a student, why an earlier version was kept.
var revisionReason = map[string]string{
	store.RevisionImport:   "replaced by an import",
	store.RevisionEdit:     "before you edited it again",
	store.RevisionRestore:  "replaced when an older version was restored",
	store.RevisionRecovery: "replaced by a newer version found in a damaged file",
}

// noteHistory is the dialog of a note's earlier versions: when each was
// written and why it was kept, its text, and a button that brings it back
// (the version it replaces is kept in turn, so nothing is lost by trying).
type noteHistory struct {
	ed      *noteEditor
	note    store.Note
	revs    []store.NoteRevision
	picked  int
	list    *widget.List
	text    *widget.RichText
	tags    *widget.Label
	restore *widget.Button
	dlg     *dialog.CustomDialog
}

// historyButton is the editor's way into the history of its note.
func (e *noteEditor) historyButton() *widget.Button {
	return widget.NewButtonWithIcon("History", theme.HistoryIcon(), e.onHistoryTapped)
}

// onHistoryTapped opens the history once what was just typed is written:
// it is the current version.
func (e *noteEditor) onHistoryTapped() { e.svc.afterTyped(func() { e.showHistory() }) }

// showHistory opens the history of the note in the editor; nil when it
// could not be read (the student was told why).
func (e *noteEditor) showHistory() *noteHistory {
	st := e.svc.st
	if e.note.ID == "" {
		return nil
	}
	revs, err := st.NoteHistory(e.note.ID)
	if err != nil {
		e.notes.showError("The note's history could not be read", err)
		return nil
	}
	h := &noteHistory{ed: e, note: e.note, revs: revs, picked: -1}
	h.dlg = dialog.NewCustom("Earlier versions of this note", "Close", h.build(), e.svc.win)
	h.dlg.Resize(fyne.NewSize(720, 480))
	h.dlg.Show()
	if len(revs) > 0 {
		h.list.Select(0)
	}
	return h
}

func (h *noteHistory) build() fyne.CanvasObject {
	if len(h.revs) == 0 {
		l := widget.NewLabel("This note has no earlier versions yet.\n\n" +
			"Glossa keeps the text a note had when an import replaces it, when you edit it again after a break of an hour or more, " +
			"and before an older version is brought back.")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	h.list = widget.NewList(func() int { return len(h.revs) },
		func() fyne.CanvasObject {
			when := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			why := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			return container.NewVBox(when, why)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := h.revs[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(r.Updated.Local().Format("2 Jan 2006, 15:04"))
			c.Objects[1].(*widget.Label).SetText(revisionReason[r.Source])
		})
	h.list.OnSelected = h.onVersionSelected
	h.text = widget.NewRichTextFromMarkdown("")
	h.text.Wrapping = fyne.TextWrapWord
	h.tags = widget.NewLabel("")
	h.tags.Importance = widget.LowImportance
	h.tags.Wrapping = fyne.TextWrapWord
	h.restore = widget.NewButtonWithIcon("Restore this version", theme.ContentUndoIcon(), h.onRestoreTapped)
	h.restore.Importance = widget.HighImportance
	h.restore.Disable()
	note := widget.NewLabel("The text the note has now is kept in this list when you restore, so nothing is lost by trying.")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	right := container.NewBorder(nil, container.NewVBox(h.tags, note, h.restore), nil, nil, container.NewVScroll(h.text))
	split := container.NewHSplit(h.list, container.NewPadded(right))
	split.Offset = 0.32
	return split
}

func (h *noteHistory) onVersionSelected(i widget.ListItemID) {
	if i < 0 || i >= len(h.revs) {
		return
	}
	h.picked = i
	r := h.revs[i]
	body := r.Body
	if strings.TrimSpace(body) == "" {
		body = "(no text)"
	}
	h.text.ParseMarkdown(body)
	tags := "No tags"
	if len(r.Tags) > 0 {
		tags = "Tags: #" + strings.Join(r.Tags, " #")
	}
	if r.Color != "" {
		tags += " · " + colorLabel(r.Color)
	}
	h.tags.SetText(tags)
	if h.note.Deleted.IsZero() {
		h.restore.Enable()
	} else {
		h.restore.Disable() // a note in the trash is restored from the trash first
	}
}

func (h *noteHistory) onRestoreTapped() {
	if h.picked < 0 {
		return
	}
	e, r := h.ed, h.revs[h.picked]
	st, id := e.svc.st, h.note.ID
	var n store.Note
	e.svc.storeWrite(func() (err error) {
		n, err = st.RestoreRevision(id, r.ID)
		return err
	}, func(err error) {
		if err != nil {
			e.notes.showError("The earlier version could not be restored", err)
			return
		}
		h.dlg.Hide()
		e.show(n)
		e.status.SetText(fmt.Sprintf("Restored the version of %s; the text it replaced is in the history", r.Updated.Local().Format("2 Jan 15:04")))
		if e.onChanged != nil {
			e.onChanged(n)
		}
		e.notes.noteChanged(n)
	})
}
