package ui

import (
	"hash/fnv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store"
)

// The reader's half of a shared folder: the highlights and notes of the
// people the student follows, drawn under the text in a style of their
// own (an underline in the publisher's color, an outlined margin mark),
// never as the student's own highlights; a tap opens the note, which can
// be copied into the student's own notes.

// sharedMarkPrefix starts the mark id of a shared note: "shared:<person>:<note id>".
const sharedMarkPrefix = "shared:"

// personColor gives each publisher one of the highlight colors, the same
// on every start.
func personColor(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	return highlightColors[int(h.Sum32()%uint32(len(highlightColors)))].name
}

// sharedMarks are the passages of the shown publishers' notes.
func (r *Reader) sharedMarks() []textMark {
	if r.svc.sharing == nil {
		return nil
	}
	var out []textMark
	for _, p := range r.svc.sharing.shown() {
		c := personColor(p.ID)
		for _, n := range p.Notes {
			if n.TargetKind != store.TargetPassage {
				continue
			}
			pi, start, end, ok := r.placeNote(n)
			if !ok {
				continue
			}
			out = append(out, textMark{textRange: textRange{r.idx.paraBlock[pi], start, end},
				id: sharedMarkPrefix + p.ID + ":" + n.ID, color: c, note: strings.TrimSpace(n.Body) != "", shared: true})
		}
	}
	return out
}

// sharedNote finds the note of a shared mark id.
func (r *Reader) sharedNote(markID string) (person, store.Note, bool) {
	pid, nid, ok := strings.Cut(strings.TrimPrefix(markID, sharedMarkPrefix), ":")
	if !ok || r.svc.sharing == nil {
		return person{}, store.Note{}, false
	}
	for _, p := range r.svc.sharing.people() {
		if p.ID != pid {
			continue
		}
		for _, n := range p.Notes {
			if n.ID == nid {
				return p, n, true
			}
		}
	}
	return person{}, store.Note{}, false
}

// openSharedNote shows a publisher's note: its passage, its text, and
// what the student can do with it.
func (r *Reader) openSharedNote(markID string) {
	p, n, ok := r.sharedNote(markID)
	if !ok {
		return // the layer changed under the tap
	}
	who := widget.NewLabelWithStyle(p.Name+"'s note", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quote := widget.NewLabelWithStyle("“"+n.Anchor.Exact+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	quote.Wrapping = fyne.TextWrapWord
	body := widget.NewRichTextFromMarkdown(n.Body)
	body.Wrapping = fyne.TextWrapWord
	if strings.TrimSpace(n.Body) == "" {
		body = widget.NewRichTextFromMarkdown("_A highlight without a note._")
	}
	var d dialog.Dialog
	copyBtn := widget.NewButtonWithIcon("Copy to my notes", theme.ContentCopyIcon(), func() {
		d.Hide()
		r.copySharedNote(p, n)
	})
	copyBtn.Importance = widget.HighImportance
	hide := widget.NewButton("Hide "+p.Name+"'s notes", func() {
		d.Hide()
		r.svc.sharing.setHidden(p.ID, true)
	})
	tags := widget.NewLabel("")
	if len(n.Tags) > 0 {
		tags.SetText("Tags: " + strings.Join(n.Tags, ", "))
	}
	content := container.NewBorder(container.NewVBox(who, quote, widget.NewSeparator()),
		container.NewVBox(tags, container.NewHBox(copyBtn, hide)), nil, nil, container.NewVScroll(body))
	d = dialog.NewCustom("Shared note", "Close", content, r.svc.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}

// copySharedNote makes a note of the student's own from a publisher's:
// a new id, so the publisher's later edits never touch it.
func (r *Reader) copySharedNote(p person, n store.Note) {
	own := store.Note{TargetKind: n.TargetKind, TargetID: n.TargetID, Anchor: n.Anchor, Body: n.Body,
		Tags: append(append([]string{}, n.Tags...), "from "+p.Name), Color: n.Color}
	r.svc.storeWrite(func() error {
		_, err := r.svc.st.AddNote(own)
		return err
	}, func(err error) {
		if err != nil {
			r.noteService.showError("The note could not be copied to yours", err)
			return
		}
		r.refreshMarks()
		r.noteService.reload()
		r.svc.sharing.changed()
	})
}
