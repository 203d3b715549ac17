package ui

// The popover's links to the works a footnote cites: the full reference
// under each short form and Ibid., and the Sources button.

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
)

// resolvedFor is what the popover adds under footnote n: for
// each short form and Ibid., the full reference it resolves to, and the
// short forms that could not be settled, said as such.
func (r *Reader) resolvedFor(n int) []string {
	lines, _ := r.resolved(n)
	return lines
}

// resolved is resolvedFor with the ID of the source each line opens ("" for
// none).
func (r *Reader) resolved(n int) (lines, ids []string) {
	return resolvedCitations(r.svc.library(), n)
}

// resolvedCitations are footnote n's short forms and Ibid. with the full
// reference each resolves to, and the ID of its source ("" for one that
// is ambiguous): the reader's popover and lecture mode's footnotes say
// the same.
func resolvedCitations(lib *cite.Library, n int) (lines, ids []string) {
	for _, c := range lib.CitationsIn(n) {
		switch {
		case c.Form == cite.FormFull:
			continue
		case c.Source != "":
			src, ok := lib.Source(c.Source)
			if !ok {
				continue
			}
			lines = append(lines, "→ "+shortLabel(c)+src.Reference())
			ids = append(ids, src.ID)
		default:
			lines = append(lines, "→ “"+strings.TrimSpace(c.Text)+"” is ambiguous, not guessed: "+c.Note)
			ids = append(ids, "")
		}
	}
	return lines, ids
}

// shortLabel names a short form in the popover when the reference alone
// would not show which it is: "Ibid." and short titles ("2016 Joint
// Declaration = …"); "AUTHOR, Title, cit." already reads as its reference.
func shortLabel(c cite.Citation) string {
	if c.Form == cite.FormIbid {
		return "Ibid. = "
	}
	t := strings.TrimSpace(c.Text)
	if strings.Contains(t, "cit.") {
		return ""
	}
	if i := strings.IndexAny(t, ",("); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	if utf8.RuneCountInString(t) > 60 {
		t = string([]rune(t)[:59]) + "…"
	}
	return t + " = "
}

// resolvedBlocks are resolvedFor's lines as blocks of the popover's flow,
// each a link to its source; they also set up the popover's Sources
// button for footnote n.
func (r *Reader) resolvedBlocks(n int) []block {
	lines, ids := r.resolved(n)
	r.popTargets = ids
	if r.popButton != nil {
		if len(r.svc.library().CitationsIn(n)) > 0 {
			r.popButton.Show()
		} else {
			r.popButton.Hide()
		}
	}
	var bs []block
	for i, l := range lines {
		p := piece{text: l, kind: runAction, target: i, tone: toneLink}
		if ids[i] == "" {
			p = piece{text: l, style: article.Italic, tone: toneMuted}
		}
		bs = append(bs, block{kind: blockNote, pieces: []piece{p}, scale: 0.9, gap: 0.5, para: -1, section: -1})
	}
	return bs
}

// onResolvedTapped opens the source of the popover's resolved line i.
func (r *Reader) onResolvedTapped(i int) {
	if i < 0 || i >= len(r.popTargets) || r.popTargets[i] == "" {
		return
	}
	r.nav.openSource(r.popTargets[i])
}

// popoverButton is the popover's "Sources" button: it opens the first
// work the footnote shown cites (a resolved short form first).
func (r *Reader) popoverButton() *widget.Button {
	r.popButton = widget.NewButtonWithIcon("Sources", theme.StorageIcon(), func() {
		for i, id := range r.popTargets {
			if id != "" {
				r.onResolvedTapped(i)
				return
			}
		}
		if cs := r.svc.library().CitationsIn(r.popNote); len(cs) > 0 && cs[0].Source != "" {
			r.nav.openSource(cs[0].Source)
		}
	})
	return r.popButton
}
