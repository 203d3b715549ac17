package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/cite"
)

// Primary sources on the Sources screen: treaties, resolutions, UN
// documents, laws, cases and official statements each show the fields
// that identify them (parties, organ, court, number, State, series), the
// overview lists them apart, and any source copies as an OSCOLA footnote.

// primaryKinds are the kinds of primary source, in the order the
// overview lists them.
var primaryKinds = []cite.Kind{cite.KindTreaty, cite.KindResolution, cite.KindLegislation, cite.KindCase, cite.KindUNDocument, cite.KindOfficial}

// identifyingFields are the fields that identify a source of its kind,
// beyond authors, title, date and UN symbol (which every detail shows),
// as label and value; empty values are left out.
func identifyingFields(src *cite.Source) [][2]string {
	var out [][2]string
	add := func(name, value string) {
		if value != "" {
			out = append(out, [2]string{name, value})
		}
	}
	switch src.Kind {
	case cite.KindTreaty:
		add("Parties", strings.Join(src.Parties, "; "))
		add("Published in", src.Published)
	case cite.KindResolution, cite.KindUNDocument:
		add("UN organ", body(src))
	case cite.KindLegislation:
		add("State", src.State)
		add("Law no.", src.Number)
	case cite.KindCase:
		add("Court", src.Court)
		add("Parties", strings.Join(src.Parties, " v. "))
		no := "Case no."
		if src.Court == "European Court of Human Rights" {
			no = "Application no."
		}
		add(no, src.Number)
		add("Report", src.Published)
	case cite.KindOfficial:
		add("Issued by", body(src))
	}
	add("Translators", strings.Join(src.Translators, "; "))
	return out
}

// addIdentifying appends the identifying fields to the detail's form.
func addIdentifying(src *cite.Source, add func(name, value string)) {
	for _, f := range identifyingFields(src) {
		add(f[0], f[1])
	}
}

// identifyingLine is the fields that identify a primary source on one
// line: "Council of Europe · signed 23 November 2001 · ETS No. 185".
func identifyingLine(src *cite.Source) string {
	var parts []string
	add := func(v string) {
		if v != "" && !contains(parts, v) {
			parts = append(parts, v)
		}
	}
	switch src.Kind {
	case cite.KindTreaty:
		add(strings.Join(src.Parties, ", "))
		if src.Date != "" {
			add("signed " + src.Date)
		}
		add(src.Published)
	case cite.KindResolution, cite.KindUNDocument:
		add(body(src))
		add(src.Symbol)
		add(src.Date)
	case cite.KindLegislation:
		add(src.State)
		if src.Number != "" {
			add("no. " + src.Number)
		}
		add(src.Date)
	case cite.KindCase:
		add(src.Court)
		if src.Number != "" {
			add("no. " + src.Number)
		}
		add(src.Date)
		add(src.Published)
	case cite.KindOfficial:
		add(body(src))
		add(src.Date)
	}
	return strings.Join(parts, " · ")
}

// body is the issuing organ when the author line does not already name
// it ("UNGA" is shown as "UN General Assembly"; a ministry that is the
// author is not repeated).
func body(src *cite.Source) string {
	if len(src.Authors) > 0 && src.Authors[0] == src.Body {
		return ""
	}
	return src.Body
}

// identifyingSegments are the list row's muted text for identifyingLine.
func identifyingSegments(src *cite.Source) []widget.RichTextSegment {
	l := identifyingLine(src)
	if l == "" {
		return nil
	}
	return []widget.RichTextSegment{&widget.TextSegment{Text: " · " + l, Style: rowMuted}}
}

// primaryOverview lists, in the overview, each kind of primary source the
// article cites: how many, a button that filters the list to them, and
// the first cited of them with its identifying fields.
func (s *sourcesScreen) primaryOverview() []fyne.CanvasObject {
	lib := s.library()
	first := map[cite.Kind]*cite.Source{}
	count := map[cite.Kind]int{}
	for i := range lib.Sources {
		src := &lib.Sources[i]
		count[src.Kind]++
		if f, ok := first[src.Kind]; !ok || firstCited(src) < firstCited(f) {
			first[src.Kind] = src
		}
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), heading("Primary sources")}
	for _, k := range primaryKinds {
		src, ok := first[k]
		if !ok {
			continue
		}
		k := k
		filter := widget.NewButton(fmt.Sprintf("%s (%d)", kindName(k), count[k]), func() { s.filterKind(k) })
		filter.Importance = widget.LowImportance
		filter.Alignment = widget.ButtonAlignLeading
		id := src.ID
		// a link that truncates: a button as wide as its text would widen
		// the window
		open := widget.NewHyperlink(shortRef(src, 80), nil)
		open.OnTapped = func() { s.Select(id) }
		open.Truncation = fyne.TextTruncateEllipsis
		line := widget.NewLabel(identifyingLine(src))
		line.Wrapping = fyne.TextWrapWord
		line.SizeName = theme.SizeNameCaptionText
		// the kind (a filter) and its first source on one line, the
		// identifying fields under them
		objs = append(objs, container.NewBorder(nil, line, filter, nil, open))
	}
	if len(objs) == 2 {
		return nil
	}
	return objs
}

// filterKind sets the kind filter to k, as choosing it in the Select would.
func (s *sourcesScreen) filterKind(k cite.Kind) {
	for i, kk := range s.kinds {
		if kk == k {
			s.kindSel.SetSelectedIndex(i)
			return
		}
	}
}

// oscolaButton copies the source as an OSCOLA footnote citation.
func (s *sourcesScreen) oscolaButton(src *cite.Source) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("Copy OSCOLA citation", theme.ContentCopyIcon(), func() {
		s.svc.app.Clipboard().SetContent(src.OSCOLA(""))
		b.SetText("Copied OSCOLA")
		b.SetIcon(theme.ConfirmIcon())
	})
	return b
}
