package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tabs of the Pictures window.
const (
	picturesTimeline = iota
	picturesCited
	picturesPrinciples
)

// picturesWindow is the one place for what is better seen than read: the
// timeline, who is cited where, and the principles map. It is a window
// of its own so that it can sit beside the reader or go on the projector.
type picturesWindow struct {
	svc *services
	nav navigation
	// scale is how much larger than the app's type the pictures are
	// drawn: picturesScale in a window, more on the projector
	scale      float32
	win        fyne.Window // the window or, in lecture mode, the lecture's
	tabs       *container.AppTabs
	timeline   *timelineView
	cited      *mapView
	principles *mapView
}

// showPictures opens the Pictures window at a tab (or brings it forward).
func (l *lectureMode) showPictures(tab int) {
	if l.pictures == nil {
		l.pictures = newPicturesWindow(l.svc, l.nav)
		l.pictures.win.SetOnClosed(func() { l.pictures = nil })
		l.pictures.win.Show()
	}
	l.pictures.tabs.SelectIndex(tab)
	l.pictures.win.RequestFocus()
}

func newPicturesWindow(svc *services, nav navigation) *picturesWindow {
	p := newPictureViews(svc, nav, svc.app.NewWindow("Glossa pictures"), picturesScale)
	// pictures are shown to a class too: a third larger than the window's
	// type, so that the axis labels and counts carry across a room
	p.win.SetContent(container.NewThemeOverride(p.tabs, largeType{scale: picturesScale}))
	p.win.Resize(fyne.NewSize(1200, 800))
	// the main window's shortcuts to the tabs work here too
	def := fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	for key, tab := range map[fyne.KeyName]int{fyne.KeyT: picturesTimeline, fyne.KeyM: picturesCited} {
		tab := tab
		p.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: def}, func(fyne.Shortcut) { p.tabs.SelectIndex(tab) })
	}
	return p
}

// newPictureViews makes the three pictures, drawn scale times the app's
// type, as tabs; win is where their dialogs open.
func newPictureViews(svc *services, nav navigation, win fyne.Window, scale float32) *picturesWindow {
	p := &picturesWindow{svc: svc, nav: nav, win: win, scale: scale}
	p.timeline = newTimelineView(p)
	p.cited = newMapView(p, citedGrid(svc.doc, 20),
		"The most cited authors and institutions (rows) and the sections whose footnotes cite them (columns). "+
			"A cell counts the citations, Ibid. and short forms included; tap it for the passages.")
	p.principles = newMapView(p, principlesGrid(svc.doc),
		"Key principles (rows) and the sections that discuss them (columns), curated passage by passage. "+
			"A cell counts the paragraphs listed; tap it for the passages and what the section says of the principle.")
	timeline, principles := p.timeline.content, p.principles.content
	if !curated(svc.doc) { // the timeline and principles were curated for the shipped article
		timeline, principles = onlyShippedPicture("The timeline"), onlyShippedPicture("The principles map")
	}
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), timeline),
		container.NewTabItemWithIcon("Who is cited where", theme.AccountIcon(), p.cited.content),
		container.NewTabItemWithIcon("Principles map", theme.GridIcon(), principles),
	)
	return p
}

// projector reports whether the pictures are drawn in lecture mode.
func (p *picturesWindow) projector() bool { return p.scale > picturesScale }

// picturesScale is how much larger than the window's type the pictures
// are drawn.
const picturesScale = 1.35

// openParagraph shows paragraph pi in the reader, marked, in the main
// window.
func (p *picturesWindow) openParagraph(pi int) {
	doc := p.svc.doc
	if pi < 0 || pi >= len(doc.Paragraphs) {
		return
	}
	p.nav.openParagraph(doc.Paragraphs[pi].ID)
	p.svc.win.RequestFocus()
}

// largeType is the app's current theme with its sizes scaled. It asks
// the app for the theme each time, so a switch to dark or light while the
// window is open is followed.
type largeType struct{ scale float32 }

func (t largeType) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t largeType) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t largeType) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t largeType) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t largeType) Size(n fyne.ThemeSizeName) float32 {
	return scaledSize(t.base().Size(n), n, t.scale)
}

// pictureText is a label of the pictures. It is a RichText and not a
// Label because Fyne 2.7.1's Label keeps the app's text size inside a
// theme override, and the pictures are drawn larger than the app.
func pictureText(text string, align fyne.TextAlign, style fyne.TextStyle) *widget.RichText {
	st := widget.RichTextStyleInline
	st.Alignment, st.TextStyle = align, style
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: st})
}

// wrappedPictureText is a pictureText that wraps at words.
func wrappedPictureText(text string) *widget.RichText {
	t := pictureText(text, fyne.TextAlignLeading, fyne.TextStyle{})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// setPictureText replaces the text of a pictureText.
func setPictureText(t *widget.RichText, text string) {
	t.Segments[0].(*widget.TextSegment).Text = text
	t.Refresh()
}
