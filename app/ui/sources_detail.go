package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/cite"
)

// showSource fills the detail pane with a source's full reference, its
// fields, and every footnote that cites it.
func (s *sourcesScreen) showSource(id string) {
	lib := s.library()
	src, ok := lib.Source(id)
	if !ok {
		return
	}
	s.selected = id
	kind := widget.NewLabel(strings.ToUpper(kindName(src.Kind)))
	kind.SizeName = theme.SizeNameCaptionText
	kind.TextStyle.Bold = true
	kind.Importance = widget.HighImportance

	before, title, after := src.ReferenceParts()
	ref := widget.NewRichText(
		&widget.TextSegment{Text: before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: title, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}},
		&widget.TextSegment{Text: after, Style: widget.RichTextStyleInline},
	)
	ref.Wrapping = fyne.TextWrapWord

	s.copyB = widget.NewButtonWithIcon("Copy reference", theme.ContentCopyIcon(), s.onCopyTapped)
	objs := []fyne.CanvasObject{kind, ref, container.NewHBox(s.copyB, s.oscolaButton(src)), sourceFields(src)}

	objs = append(objs, widget.NewSeparator(), heading(citedInTitle(src)))
	cites := s.citationsOf(src)
	for k, p := range src.CitedIn {
		text := ""
		if k < len(cites) {
			text = cites[k].Text
		}
		objs = append(objs, s.placeRow(p.Footnote, placeSummary(p), text))
	}
	// Short forms that could point here but were not settled: shown, not
	// counted.
	var maybe []fyne.CanvasObject
	for _, c := range lib.Citations {
		if c.Source != "" || !contains(c.Candidates, id) {
			continue
		}
		maybe = append(maybe, s.placeRow(c.Footnote, "ambiguous short form · "+c.Note, c.Text))
	}
	if len(maybe) > 0 {
		objs = append(objs, widget.NewSeparator(), heading("Possibly cited (ambiguous short forms, not counted)"))
		objs = append(objs, maybe...)
	}
	s.setDetail(objs)
}

// citationsOf returns the citations of src in the order of src.CitedIn.
func (s *sourcesScreen) citationsOf(src *cite.Source) []cite.Citation {
	var out []cite.Citation
	lib := s.library()
	last := 0
	for _, p := range src.CitedIn {
		if p.Footnote == last {
			continue
		}
		last = p.Footnote
		for _, c := range lib.CitationsIn(p.Footnote) {
			if c.Source == src.ID {
				out = append(out, c)
			}
		}
	}
	return out
}

func (s *sourcesScreen) setDetail(objs []fyne.CanvasObject) {
	s.detail.Content = container.NewVBox(objs...)
	s.detail.Offset = fyne.Position{}
	s.detail.Refresh()
}

func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func citedInTitle(src *cite.Source) string {
	notes := map[int]bool{}
	for _, p := range src.CitedIn {
		notes[p.Footnote] = true
	}
	times := "once"
	if n := len(src.CitedIn); n > 1 {
		times = fmt.Sprintf("%d times", n)
	}
	fns := "1 footnote"
	if len(notes) > 1 {
		fns = fmt.Sprintf("%d footnotes", len(notes))
	}
	return "Cited " + times + " in " + fns
}

func formName(f cite.Form) string {
	switch f {
	case cite.FormShort:
		return "short form"
	case cite.FormIbid:
		return "Ibid."
	}
	return "full reference"
}

func placeSummary(p cite.Place) string {
	s := formName(p.Form)
	if p.Pinpoint != "" {
		s += " · " + p.Pinpoint
	}
	return s
}

// placeRow is one citing footnote: a button that opens it in the reader,
// what kind of citation it is, and what the footnote says.
func (s *sourcesScreen) placeRow(n int, summary, text string) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(fmt.Sprintf("Footnote %d", n), theme.NavigateNextIcon(), func() { s.onCitationTapped(n) })
	b.Alignment = widget.ButtonAlignLeading
	b.IconPlacement = widget.ButtonIconTrailingText
	info := widget.NewLabel(summary)
	info.TextStyle.Bold = true
	info.Wrapping = fyne.TextWrapWord
	info.SizeName = theme.SizeNameCaptionText
	quote := widget.NewLabel(text)
	quote.Wrapping = fyne.TextWrapWord
	quote.Truncation = fyne.TextTruncateOff
	right := container.NewVBox(info)
	if text != "" {
		right.Add(quote)
	}
	return container.NewBorder(nil, nil, container.NewVBox(b), nil, right)
}

// sourceFields lists what the citation says about the work, field by field.
func sourceFields(src *cite.Source) fyne.CanvasObject {
	form := widget.NewForm()
	add := func(name, value string) {
		if value == "" {
			return
		}
		l := widget.NewLabel(value)
		l.Wrapping = fyne.TextWrapWord
		form.Append(name, l)
	}
	add("Authors", strings.Join(src.Authors, "; "))
	add("Editors", strings.Join(src.Editors, "; "))
	add("Title", src.Title)
	add("In", src.Container)
	add("Place", src.Place)
	if src.Date != "" {
		add("Date", src.Date)
	} else {
		add("Year", src.Year)
	}
	add("Volume", src.Volume)
	add("Pages", src.Pages)
	add("UN symbol", src.Symbol)
	addIdentifying(src, add)
	add("Site", src.URL)
	add("Short title", src.Short)
	add("Citation key", src.Key)
	return form
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// onCitationTapped opens footnote n where it is in the text.
func (s *sourcesScreen) onCitationTapped(n int) {
	s.nav.openFootnote(n)
}

func (s *sourcesScreen) onCopyTapped() {
	src, ok := s.library().Source(s.selected)
	if !ok {
		return
	}
	s.svc.app.Clipboard().SetContent(src.Reference())
	s.copyB.SetText("Copied")
	s.copyB.SetIcon(theme.ConfirmIcon())
}

func (s *sourcesScreen) onChartTapped(a cite.AuthorCount) {
	s.search.SetText(a.Name)
}

// showOverview is the detail pane before a source is chosen.
func (s *sourcesScreen) showOverview() {
	lib := s.library()
	short, ibid := 0, 0
	for _, c := range lib.Citations {
		switch c.Form {
		case cite.FormShort:
			short++
		case cite.FormIbid:
			ibid++
		}
	}
	text := widget.NewLabel(fmt.Sprintf("The footnotes cite %d works %d times: %d full references, %d short forms (“cit.”, short titles, cross references) and %d Ibid., each resolved to the work it points at.\n\nChoose a source to see its full reference and every footnote that cites it; each opens in the reader.",
		len(lib.Sources), len(lib.Citations), len(lib.Citations)-short-ibid, short, ibid))
	text.Wrapping = fyne.TextWrapWord
	objs := append([]fyne.CanvasObject{heading("Sources"), text}, s.primaryOverview()...)
	if len(lib.Problems) > 0 {
		objs = append(objs, widget.NewSeparator())
		objs = append(objs, s.problemRows()...)
	}
	s.setDetail(objs)
}

func (s *sourcesScreen) onIssuesTapped() {
	s.selected = ""
	s.selecting = true
	s.list.UnselectAll()
	s.selecting = false
	s.setDetail(append([]fyne.CanvasObject{heading("Short forms not resolved")}, s.problemRows()...))
}

// problemRows show the short forms the resolver would not guess, with the
// works they could point at.
func (s *sourcesScreen) problemRows() []fyne.CanvasObject {
	lib := s.library()
	var objs []fyne.CanvasObject
	for _, p := range lib.Problems {
		what := "Ambiguous"
		if p.Kind == cite.ProblemUnresolved {
			what = "Unresolved"
		}
		objs = append(objs, s.placeRow(p.Footnote, what+": "+p.Message, p.Text))
		if len(p.Candidates) > 0 {
			l := widget.NewLabel("It could mean any of these works; Glossa does not guess:")
			l.TextStyle.Italic = true
			l.Wrapping = fyne.TextWrapWord
			objs = append(objs, l)
		}
		for _, id := range p.Candidates {
			src, ok := lib.Source(id)
			if !ok {
				continue
			}
			id := id
			b := widget.NewButton(shortRef(src, 56), func() { s.Select(id) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			objs = append(objs, b)
		}
	}
	return objs
}

// shortRef is "AUTHOR, Title (year)", cut to n characters: buttons do not
// truncate, and a long one would widen the window.
func shortRef(src *cite.Source, n int) string {
	s := src.Title
	if a := src.AuthorLine(); a != "" {
		s = a + ", " + s
	}
	if src.Year != "" {
		s += " (" + src.Year + ")"
	}
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return s
}

// onExportTapped saves the listed sources in a format, through the save
// dialog.
func (s *sourcesScreen) onExportTapped(format string) {
	s.load()
	rows := s.rows
	if len(rows) == 0 {
		dialog.ShowInformation("Nothing to export", "No source is listed. Clear the search or choose “All kinds”, then export again.", s.svc.win)
		return
	}
	sources := make([]cite.Source, len(rows))
	for i, r := range rows {
		sources[i] = *r.src
	}
	name, ext := exportFormatName(format)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showExportError(name, "", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		s.exportTo(w, format, sources)
	}, s.svc.win)
	d.SetFileName("glossa-sources" + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if sz := s.svc.win.Canvas().Size(); sz.Width > 0 {
		d.Resize(fyne.NewSize(fyne.Min(900, sz.Width*0.9), fyne.Min(640, sz.Height*0.9)))
	}
	d.Show()
}

func exportFormatName(format string) (name, ext string) {
	switch format {
	case cite.FormatRIS:
		return "RIS", ".ris"
	case cite.FormatCSLJSON:
		return "CSL-JSON", ".json"
	}
	return "BibTeX", ".bib"
}

// exportTo writes sources to w and closes it; it tells what happened in
// a dialog and reports whether the file was written.
func (s *sourcesScreen) exportTo(w fyne.URIWriteCloser, format string, sources []cite.Source) bool {
	name, _ := exportFormatName(format)
	err := cite.Export(w, format, sources)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	where := w.URI().Path()
	if err != nil {
		s.showExportError(name, where, err)
		return false
	}
	n := "1 source"
	if len(sources) != 1 {
		n = fmt.Sprintf("%d sources", len(sources))
	}
	dialog.ShowInformation("Sources exported", fmt.Sprintf("Saved %s as %s to\n%s", n, name, where), s.svc.win)
	return true
}

func (s *sourcesScreen) showExportError(name, where string, err error) {
	msg := "The " + name + " file could not be saved"
	if where != "" {
		msg += " to\n" + where
	}
	msg += ".\n\nReason: " + err.Error() + "\n\nNothing in Glossa was changed. Choose another folder (one you can write to, with free space) and export again."
	dialog.ShowInformation("Export failed", msg, s.svc.win)
}
