package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
)

// newSourceRowView is a list row: authors and year, title, then kind,
// container and the number of citations, in one RichText so the three
// lines sit close together.
func newSourceRowView() fyne.CanvasObject {
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapOff
	rt.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: "Authors", Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Title", Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: "Kind", Style: widget.RichTextStyleParagraph},
	}
	return rt
}

var (
	styleHit   = fyne.TextStyle{Bold: true}
	rowPlain   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground}
	rowMuted   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	rowHitName = theme.ColorNamePrimary
)

// highlightSegments splits text into runs of matched and unmatched
// characters; matched ones are bold in the primary colour.
func highlightSegments(text string, hits []int, base widget.RichTextStyle) []widget.RichTextSegment {
	if len(hits) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: base}}
	}
	hit := base
	hit.ColorName = rowHitName
	hit.TextStyle.Bold = styleHit.Bold || base.TextStyle.Bold
	var out []widget.RichTextSegment
	k, start, inHit := 0, 0, false
	flush := func(end int) {
		if end > start {
			st := base
			if inHit {
				st = hit
			}
			out = append(out, &widget.TextSegment{Text: text[start:end], Style: st})
		}
		start = end
	}
	for off := range text {
		isHit := k < len(hits) && hits[k] == off
		if isHit {
			k++
		}
		if isHit != inHit {
			flush(off)
			inHit = isHit
		}
	}
	flush(len(text))
	return out
}

// endLine makes the last segment of a line end its paragraph.
func endLine(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if n := len(segs); n > 0 {
		if t, ok := segs[n-1].(*widget.TextSegment); ok {
			t.Style.Inline = false
		}
	}
	return segs
}

func setSourceRowView(rt *widget.RichText, r sourceRow, width float32) {
	src := r.src
	var segs []widget.RichTextSegment
	authorStyle := rowPlain
	authorStyle.TextStyle.Bold = true
	if a := src.AuthorLine(); a != "" {
		segs = append(segs, highlightSegments(a, r.hits[cite.FieldAuthors], authorStyle)...)
		if len(src.Authors) == 0 {
			segs = append(segs, &widget.TextSegment{Text: " (eds.)", Style: rowPlain})
		}
	} else if who := issuer(src); who != "" {
		// a case, a law or a UN text has a court, a State or an organ
		// where a book has its author: a law student looks for that first
		segs = append(segs, &widget.TextSegment{Text: who, Style: authorStyle})
	} else {
		segs = append(segs, &widget.TextSegment{Text: "No author", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
	}
	if src.Year != "" {
		segs = append(segs, &widget.TextSegment{Text: "  ·  ", Style: rowPlain})
		segs = append(segs, highlightSegments(src.Year, r.hits[cite.FieldYear], rowPlain)...)
	}
	segs = endLine(fitLine(segs, width))

	titleStyle := rowPlain
	titleStyle.TextStyle.Italic = true
	title := src.Title
	if title == "" {
		title = "(untitled)"
	}
	segs = append(segs, endLine(fitLine(highlightSegments(title, r.hits[cite.FieldTitle], titleStyle), width))...)

	var meta []widget.RichTextSegment
	times := "cited once"
	if n := len(src.CitedIn); n > 1 {
		times = fmt.Sprintf("cited %d×", n)
	}
	meta = append(meta, &widget.TextSegment{Text: kindName(src.Kind) + " · " + times, Style: rowMuted})
	if src.Short != "" {
		meta = append(meta, &widget.TextSegment{Text: " · “" + src.Short + "”", Style: rowMuted})
	}
	if src.Container != "" {
		meta = append(meta, &widget.TextSegment{Text: " · in ", Style: rowMuted})
		meta = append(meta, highlightSegments(src.Container, r.hits[cite.FieldContainer], rowMuted)...)
	}
	meta = append(meta, identifyingSegments(src)...)
	segs = append(segs, endLine(fitLine(meta, width))...)
	rt.Segments = segs
	rt.Refresh()
}

// rowTextWidth is the width a list row's text may take: the list less the
// row's padding, the scroll bar and a margin for kerning, which cached
// advances do not see.
func (s *sourcesScreen) rowTextWidth() float32 {
	w := s.list.Size().Width
	if w <= 0 {
		return 1 << 20 // not laid out yet: bound again when it is
	}
	return w - 2*theme.InnerPadding() - 2*theme.Padding() - theme.ScrollBarSize()
}

// fitLine cuts a line of segments to width, ending it with an ellipsis.
// RichText's own truncation shapes the text again on every refresh (about
// a millisecond a row); cached rune advances make cutting nearly free.
func fitLine(segs []widget.RichTextSegment, width float32) []widget.RichTextSegment {
	type seg struct {
		t  *widget.TextSegment
		m  *measurer
		st article.Style
	}
	parts := make([]seg, 0, len(segs))
	var total float32
	for _, sg := range segs {
		t, ok := sg.(*widget.TextSegment)
		if !ok {
			continue
		}
		size := theme.TextSize()
		if t.Style.SizeName != "" {
			size = theme.Size(t.Style.SizeName)
		}
		var st article.Style
		if t.Style.TextStyle.Bold {
			st |= article.Bold
		}
		if t.Style.TextStyle.Italic {
			st |= article.Italic
		}
		p := seg{t, sharedMeasurers.At(size), st}
		total += p.m.Width(t.Text, st)
		parts = append(parts, p)
	}
	if total <= width {
		return segs
	}
	var out []widget.RichTextSegment
	var x float32
	for _, p := range parts {
		ell := p.m.Advance('…', p.st)
		for off, r := range p.t.Text {
			if x+p.m.Advance(r, p.st)+ell > width {
				cut := *p.t
				cut.Text = strings.TrimRight(p.t.Text[:off], " ·") + "…"
				return append(out, &cut)
			}
			x += p.m.Advance(r, p.st)
		}
		out = append(out, p.t)
	}
	return out
}

// issuer is who issued a primary source that names no author.
func issuer(src *cite.Source) string {
	for _, who := range []string{src.Court, src.Body, src.State} {
		if who != "" {
			return who
		}
	}
	return ""
}
