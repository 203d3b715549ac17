package ui

import (
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/store"
)

// keyLectureScale remembers the lecturer's type size between lectures.
const keyLectureScale = "lecture.scale"

// lectureMode presents the article on a projector: a full-screen window
// of its own, one step (a section title, a paragraph or a key-principle
// card) at a time, in type sized for the back of a room. It answers the
// keys presentation clickers send (arrows, Page Up/Down, Space), so the
// lecturer never needs the mouse.
type lectureMode struct {
	svc        *services
	nav        navigation
	reading    readingPlace // where the reader is: lecture starts there
	steps      []lectureStep
	stepsBuilt bool // steps are made on the first start
	cur        int
	// revealed is set when the answer of the card shown is revealed.
	revealed bool
	scale    float32 // the lecturer's size factor, 1 by default

	lectureWindow

	pageSize fyne.Size // of the lecture window's content, once laid out

	calloutShown bool
	blanked      bool
	// swallowRune drops the character of the key that woke the screen up
	// from blank, so that "+" does not also change the size.
	swallowRune bool

	started   time.Time
	now       func() time.Time
	presenter *presenterView
	pictures  *picturesWindow
}

// lectureWindow is the projector window and what it draws.
type lectureWindow struct {
	win      fyne.Window // nil when not lecturing
	bg       *canvas.Rectangle
	kicker   *canvas.Text // above the text: what kind of step this is
	pos      *canvas.Text // below it: where in the article
	more     *canvas.Text // "more below" when the text scrolls
	body     *bigText
	callout  *fyne.Container
	calloutT *bigText
	calloutH *canvas.Text
	calloutB *canvas.Rectangle
	blank    *canvas.Rectangle
}

type stepKind int

const (
	stepTitle stepKind = iota // a section heading
	stepPara                  // a paragraph of the article
	stepCard                  // a key-principle card anchored in the paragraph before it
)

type lectureStep struct {
	kind    stepKind
	section int // index in Document.Sections; -1 before the first heading
	para    int // index in Document.Paragraphs (for a card: its anchor's paragraph)
	card    *deck.ResolvedCard
}

// readingPlace is the reader's position, as lecture mode asks for it.
type readingPlace interface{ Position() int }

func newLectureMode(svc *services, nav navigation, reading readingPlace) *lectureMode {
	l := &lectureMode{svc: svc, nav: nav, reading: reading, scale: 1, now: time.Now}
	if s := float32(svc.settingFloat(keyLectureScale, 1)); s >= lectureScales[0] && s <= lectureScales[len(lectureScales)-1] {
		l.scale = s
	}
	return l
}

// onMainKeyDown starts lecture mode on F5. F5 has no modifier, and Fyne
// only turns keys with a modifier into shortcuts; key-down events reach
// the canvas whatever the reader does with typed keys.
func (l *lectureMode) onMainKeyDown(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF5 {
		l.start(-1)
	}
}

// commands are lecture mode's menu items and shortcuts.
func (l *lectureMode) commands() []command {
	return []command{
		{"View", "Lecture Mode (F5)", "", 0, func() { l.start(-1) }},
		{"View", "Presenter View", "", 0, l.showPresenter},
		{"View", "Timeline", fyne.KeyT, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, func() { l.showPictures(picturesTimeline) }},
		{"View", "Maps: Who Is Cited Where, Principles", fyne.KeyM, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, func() { l.showPictures(picturesCited) }},
	}
}

// principleCards are the deck's key-principle cards that resolve to a
// paragraph; a deck that does not parse simply adds no cards.
func principleCards(doc *article.Document) []deck.ResolvedCard {
	if !curated(doc) {
		return nil
	}
	var keep []deck.Card
	for _, c := range shippedDeck() {
		for _, t := range c.Tags {
			if t == "principles" {
				keep = append(keep, c)
				break
			}
		}
	}
	resolved, _ := deck.Resolve(keep, doc)
	return resolved
}

// lectureSteps orders the article for presenting: each section's title,
// then its paragraphs, each followed by the key-principle cards it
// supports.
func lectureSteps(doc *article.Document, cards []deck.ResolvedCard) []lectureStep {
	byPara := map[int][]*deck.ResolvedCard{}
	index := map[string]int{}
	for i, p := range doc.Paragraphs {
		index[p.ID] = i
	}
	for i := range cards {
		if pi, ok := index[cards[i].ParagraphID]; ok {
			byPara[pi] = append(byPara[pi], &cards[i])
		}
	}
	var steps []lectureStep
	sec := -1
	for pi := range doc.Paragraphs {
		for sec+1 < len(doc.Sections) && doc.Sections[sec+1].First <= pi {
			sec++
			steps = append(steps, lectureStep{kind: stepTitle, section: sec, para: pi})
		}
		steps = append(steps, lectureStep{kind: stepPara, section: sec, para: pi})
		for _, c := range byPara[pi] {
			steps = append(steps, lectureStep{kind: stepCard, section: sec, para: pi, card: c})
		}
	}
	for sec+1 < len(doc.Sections) {
		sec++
		steps = append(steps, lectureStep{kind: stepTitle, section: sec, para: len(doc.Paragraphs)})
	}
	return steps
}

// StartLecture opens lecture mode at the section numbered section ("3.3"),
// or where the reader is when section is "". It reports false for a
// section the article does not have (lecture mode then opens where the
// reader is).
func (u *UI) StartLecture(section string) bool {
	if section == "" {
		u.lecture.start(-1)
		return true
	}
	i := sectionNumbered(u.doc, section)
	u.lecture.start(i)
	return i >= 0
}

// start opens the lecture window at section sec, or at the reader's
// paragraph when sec < 0. A lecture already running is brought forward.
func (l *lectureMode) start(sec int) {
	// the steps (and the deck parse behind them) wait for the first
	// lecture: most sessions never start one, and the window opens faster
	if !l.stepsBuilt {
		l.steps = lectureSteps(l.svc.doc, principleCards(l.svc.doc))
		l.stepsBuilt = true
	}
	if len(l.steps) == 0 {
		dialog.ShowInformation("Lecture mode", "The article has no paragraphs to present.", l.svc.win)
		return
	}
	at := l.stepOfPara(l.reading.Position())
	if sec >= 0 {
		for i, s := range l.steps {
			if s.kind == stepTitle && s.section == sec {
				at = i
				break
			}
		}
	}
	if l.win != nil {
		l.goTo(at)
		l.win.RequestFocus()
		return
	}
	l.build()
	l.started = l.now()
	l.goTo(at)
	l.win.Show()
	l.win.RequestFocus()
}

func (l *lectureMode) stepOfPara(pi int) int {
	for i, s := range l.steps {
		if s.kind == stepPara && s.para >= pi {
			return i
		}
	}
	return 0
}

// build makes the lecture window: the text, the footnote callout and the
// blank screen stacked on one background.
func (l *lectureMode) build() {
	w := l.svc.app.NewWindow("Glossa lecture")
	l.win = w
	l.bg = canvas.NewRectangle(color.Black)
	l.kicker = canvas.NewText("", color.White)
	l.kicker.TextStyle.Bold = true
	l.pos = canvas.NewText("", color.White)
	l.pos.Alignment = fyne.TextAlignTrailing
	l.more = canvas.NewText("▼ more below: Down or Space scrolls", color.White)
	l.body = newBigText()
	page := container.New(&lectureLayout{l}, l.kicker, l.body.box, l.pos, l.more)

	l.calloutB = canvas.NewRectangle(color.Black)
	l.calloutB.StrokeWidth = 3
	l.calloutB.CornerRadius = 18
	l.calloutH = canvas.NewText("", color.White)
	l.calloutH.TextStyle.Bold = true
	l.calloutT = newBigText()
	l.calloutT.top = true
	l.callout = container.New(&calloutLayout{l}, l.calloutB, l.calloutH, l.calloutT.box)
	l.callout.Hide()

	l.blank = canvas.NewRectangle(color.Black)
	l.blank.Hide()
	l.calloutShown, l.blanked, l.revealed = false, false, false

	l.applyColors()
	w.SetContent(container.NewStack(l.bg, page, l.callout, l.blank))
	w.Canvas().SetOnTypedKey(l.onKey)
	w.Canvas().SetOnTypedRune(l.onRune)
	w.SetOnClosed(l.onWindowClosed)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1024, 768))
	w.SetFullScreen(true)
}

// lecturePalette is the projector's colours: the app's light or dark
// choice, at full contrast.
type lecturePalette struct {
	bg, fg, dim, ref, calloutBg, calloutLine color.Color
}

func (l *lectureMode) palette() lecturePalette {
	if drawnVariant() == theme.VariantLight {
		return lecturePalette{
			bg: color.White, fg: color.NRGBA{R: 0x14, G: 0x14, B: 0x14, A: 0xff},
			dim: color.NRGBA{R: 0x5f, G: 0x63, B: 0x68, A: 0xff}, ref: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
			calloutBg: color.NRGBA{R: 0xf4, G: 0xf1, B: 0xe8, A: 0xff}, calloutLine: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
		}
	}
	return lecturePalette{
		bg: color.NRGBA{R: 0x10, G: 0x12, B: 0x14, A: 0xff}, fg: color.NRGBA{R: 0xf2, G: 0xf2, B: 0xf2, A: 0xff},
		dim: color.NRGBA{R: 0xa0, G: 0xa6, B: 0xad, A: 0xff}, ref: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
		calloutBg: color.NRGBA{R: 0x1f, G: 0x24, B: 0x2b, A: 0xff}, calloutLine: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
	}
}

func (l *lectureMode) applyColors() {
	p := l.palette()
	l.bg.FillColor = p.bg
	l.kicker.Color, l.pos.Color, l.more.Color = p.ref, p.dim, p.dim
	l.body.fg, l.body.ref = p.fg, p.ref
	l.calloutB.FillColor, l.calloutB.StrokeColor = p.calloutBg, p.calloutLine
	l.calloutH.Color = p.ref
	l.calloutT.fg, l.calloutT.ref = p.fg, p.ref
}

func (l *lectureMode) onWindowClosed() {
	l.win = nil
	if l.presenter != nil {
		l.presenter.close()
	}
	l.svc.win.RequestFocus()
}

// leave ends the lecture; the reader stays where it was.
func (l *lectureMode) leave() {
	if w := l.win; w != nil {
		w.Close()
	}
}

// goTo shows step i from its beginning.
func (l *lectureMode) goTo(i int) {
	if i < 0 || i >= len(l.steps) || l.win == nil {
		return
	}
	l.cur, l.revealed = i, false
	l.showCallout(false)
	l.render()
}

// render puts the current step on the screen.
func (l *lectureMode) render() {
	st := l.steps[l.cur]
	l.applySizes()
	doc := l.svc.doc
	l.body.align = fyne.TextAlignLeading
	switch st.kind {
	case stepTitle:
		s := doc.Sections[st.section]
		text := s.Number + "\n" + s.Title
		l.body.align = fyne.TextAlignCenter
		l.body.set(text, []article.Span{{Start: 0, End: len(text), Style: article.Bold}}, nil, nil)
		l.kicker.Text = ""
	case stepPara:
		p := doc.Paragraphs[st.para]
		l.body.set(p.Text, p.Spans, p.Refs, l.highlights(p))
		l.kicker.Text = ""
		if fns := l.footnotes(); len(fns) > 0 {
			l.kicker.Text = "F: footnotes " + footnoteList(fns)
		}
	case stepCard:
		c := st.card
		q := c.Question()
		text := q
		spans := []article.Span{{Start: 0, End: len(q), Style: article.Bold}}
		if l.revealed {
			text += "\n\n" + c.Answer()
		}
		l.body.set(text, spans, nil, nil)
		l.kicker.Text = "Key principle"
		if !l.revealed {
			l.kicker.Text += " (next: the answer)"
		}
	}
	l.pos.Text = l.position()
	l.kicker.Refresh()
	l.pos.Refresh()
	l.updateMore()
	if l.presenter != nil {
		l.presenter.update()
	}
}

func footnoteList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// position is the discreet line at the bottom: section and step.
func (l *lectureMode) position() string {
	st := l.steps[l.cur]
	k, n := l.sectionStep()
	if st.section < 0 {
		return strconv.Itoa(k) + " / " + strconv.Itoa(n)
	}
	s := l.svc.doc.Sections[st.section]
	return s.Number + "  " + openingWords(s.Title, 48) + "    " + strconv.Itoa(k) + " / " + strconv.Itoa(n)
}

// sectionStep is the current step's place in its section: k of n.
func (l *lectureMode) sectionStep() (k, n int) {
	sec := l.steps[l.cur].section
	for i, s := range l.steps {
		if s.section == sec {
			n++
			if i <= l.cur {
				k++
			}
		}
	}
	return k, n
}

func (l *lectureMode) updateMore() {
	l.setShown(l.more, l.body.overflow && !l.body.atEnd())
}

// setShown shows or hides o and repaints it. Show and Hide alone repaint
// nothing, and an object hidden since the window opened is not yet known
// to the canvas, so the repaint is asked of the window's canvas itself.
func (l *lectureMode) setShown(o fyne.CanvasObject, on bool) {
	if on == o.Visible() {
		return
	}
	if on {
		o.Show()
	} else {
		o.Hide()
	}
	if l.win != nil {
		l.win.Canvas().Refresh(o)
		l.win.Canvas().Refresh(l.win.Content())
	}
}

// footnotes are the footnotes of the current step's paragraph: those it
// references, then those whose marker was lost beside it.
func (l *lectureMode) footnotes() []int {
	st := l.steps[l.cur]
	if st.kind != stepPara {
		return nil
	}
	p := l.svc.doc.Paragraphs[st.para]
	var ns []int
	seen := map[int]bool{}
	for _, r := range p.Refs {
		if !seen[r.N] {
			seen[r.N] = true
			ns = append(ns, r.N)
		}
	}
	for _, f := range l.svc.doc.Footnotes {
		if f.Home() == p.ID && !seen[f.N] {
			seen[f.N] = true
			ns = append(ns, f.N)
		}
	}
	return ns
}

// highlights are the lecturer's highlights and notes on passages of p,
// found again with their anchors.
func (l *lectureMode) highlights(p article.Paragraph) []lectureMark {
	st := l.svc.st
	notes, err := st.Notes(store.NoteFilter{TargetKind: store.TargetPassage, TargetID: p.ID})
	if err != nil {
		fyne.LogError("lecture: highlights of "+p.ID, err)
		return nil
	}
	var marks []lectureMark
	for _, n := range notes {
		if n.Orphan || n.Anchor.Exact == "" {
			continue
		}
		m, ok := anchor.Locate(l.svc.doc.Paragraphs, n.Anchor)
		if !ok || m.Index != p.Index {
			continue
		}
		marks = append(marks, lectureMark{start: m.Start, end: m.End, color: lectureHighlightIndex(n.Color)})
	}
	return marks
}

// next goes forward: through a passage too long for the screen, to a
// card's answer, then to the next step.
func (l *lectureMode) next() {
	switch {
	case l.calloutShown && !l.calloutT.atEnd():
		l.calloutT.page(1)
		return
	case l.calloutShown:
		l.showCallout(false)
	}
	if !l.body.atEnd() {
		l.body.page(1)
		l.updateMore()
		return
	}
	if st := l.steps[l.cur]; st.kind == stepCard && !l.revealed {
		l.revealed = true
		l.render()
		return
	}
	l.goTo(l.cur + 1)
}

// prev goes back the same way next came.
func (l *lectureMode) prev() {
	switch {
	case l.calloutShown && !l.calloutT.atStart():
		l.calloutT.page(-1)
		return
	case l.calloutShown:
		l.showCallout(false)
		return
	}
	if !l.body.atStart() {
		l.body.page(-1)
		l.updateMore()
		return
	}
	if l.revealed {
		l.revealed = false
		l.render()
		return
	}
	l.goTo(l.cur - 1)
}
