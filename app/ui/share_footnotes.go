package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/store"
)

// The shown publishers' notes on a footnote, under the footnote in its
// popover: one block per publisher, tinted and striped in their color and
// named, so a lecturer's word is never mistaken for the student's own.
// They are read only; "Copy to my notes" makes an own note of one.

// sharedFootnoteNotes are the shown publishers' notes on footnote n, each
// with its publisher, in the order the publishers are listed.
func (r *Reader) sharedFootnoteNotes(n int) ([]person, []store.Note) {
	if r.svc.sharing == nil {
		return nil, nil
	}
	target := strconv.Itoa(n)
	var who []person
	var notes []store.Note
	for _, p := range r.svc.sharing.shown() {
		for _, note := range p.Notes {
			if note.TargetKind == store.TargetFootnote && note.TargetID == target && strings.TrimSpace(note.Body) != "" {
				who = append(who, p)
				notes = append(notes, note)
			}
		}
	}
	return who, notes
}

// fillSharedFootnote puts the shared notes on the popover's footnote
// under it; the popover keeps its size otherwise.
func (r *Reader) fillSharedFootnote() {
	if r.popShared == nil {
		return
	}
	who, notes := r.sharedFootnoteNotes(r.popNote)
	objs := make([]fyne.CanvasObject, 0, len(notes)+1)
	if len(notes) > 0 {
		objs = append(objs, widget.NewSeparator())
	}
	for i := range notes {
		objs = append(objs, r.sharedFootnoteBlock(who[i], notes[i]))
	}
	r.popShared.Objects = objs
	r.popShared.Refresh()
}

// sharedFootnoteBlock is one publisher's note: their name over the text,
// on a tint of their color with a solid stripe at its left edge.
func (r *Reader) sharedFootnoteBlock(p person, n store.Note) fyne.CanvasObject {
	v := drawnVariant()
	tint := highlightColor(personColor(p.ID), v)
	c := tint.(color.NRGBA)
	c.A = 0xff
	stripe := canvas.NewRectangle(c)
	stripe.SetMinSize(fyne.NewSize(4, 4))
	bg := canvas.NewRectangle(tint)
	bg.CornerRadius = 4
	c.A = 0x30
	bg.FillColor = c
	who := widget.NewLabelWithStyle(p.Name+"'s note", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewRichTextFromMarkdown(n.Body)
	body.Wrapping = fyne.TextWrapWord
	var copyBtn *widget.Button
	copyBtn = widget.NewButtonWithIcon("Copy to my notes", theme.ContentCopyIcon(), func() {
		r.copySharedNote(p, n)
		copyBtn.SetText("Copied to your notes")
		copyBtn.Disable()
	})
	copyBtn.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, copyBtn, who)
	inner := container.NewBorder(nil, nil, stripe, nil,
		container.NewBorder(head, nil, nil, nil, container.New(&fixedWidth{w: 470}, body)))
	return container.NewStack(bg, inner)
}

// refreshSharedFootnote follows the layers into an open popover: a
// publisher hidden or a note changed while it is open.
func (r *Reader) refreshSharedFootnote() {
	if r.pop == nil || !r.pop.Visible() {
		return
	}
	r.fillSharedFootnote()
	r.pop.Resize(r.pop.Content.MinSize())
}
