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
	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/store"
)

// Settings of lecture mode.
const (
	// keyLectureScale remembers the lecturer's type size between lectures
	// given without a plan (a plan keeps its own).
	keyLectureScale = "lecture.scale"
	// keyLectureMarks is "1" when highlights and notes are shown on the
	// projector; they are private by default.
	keyLectureMarks = "lecture.marks"
	// keyLecturePlan (+ the article's ID) names the current plan.
	keyLecturePlan = "lecture.plan."
)

// lectureContextLines is the most lines a sentence shown dimmed beside
// the one discussed may take.
const lectureContextLines = 3

// lectureOpenMax is the largest type size a lecture opens at, whatever
// was saved: "+" pressed for the back row last time must not make the
// next lecture open with three words a line.
const lectureOpenMax = 1.6

// lectureMode presents the article on a projector: a full-screen window
// of its own, one step (a section title, a paragraph or a sentence of a
// long one, a key-principle card, a footnote, a picture) at a time, in
// type sized for the back of a room. It answers the keys presentation
// clickers send (arrows, Page Up/Down, Space), so the lecturer never
// needs the mouse. The steps come from the lecturer's current plan, or
// from the article itself.
type lectureMode struct {
	svc     *services
	nav     navigation
	reading readingPlace // where the reader is: lecture starts there
	steps   []lectureStep
	cur     int
	// revealed is set when the answer of the card shown is revealed.
	revealed bool
	scale    float32 // the lecturer's size factor, 1 by default

	plan    *lecture.Plan // the plan played; nil for the article
	sents   map[int][]lecture.Sentence
	cards   []deck.ResolvedCard // key-principle cards, parsed on the first lecture
	cardsOK bool
	// lastPara is the paragraph of the last text step shown: Esc leaves
	// the reader there
	lastPara int
	// showMarks puts the lecturer's highlights on the projector
	showMarks bool

	lectureWindow

	pageSize fyne.Size // of the lecture window's content, once laid out
	cutAt    fyne.Size // the page size the steps were cut for
	cutScale float32
	cutting  bool     // the steps are being cut again from the layout
	measure  *bigText // counts lines without drawing

	calloutShown bool // one footnote enlarged over the text
	calloutN     int
	bandShown    bool // the step's footnotes in a band beside the text
	blanked      bool
	// swallowRune drops the character of the key that woke the screen up
	// from blank, so that "+" does not also change the size.
	swallowRune bool
	// picture is the picture shown full screen (picturesTimeline...), -1
	// for none; pictureOver is set when a key put it over the text
	// rather than a step of the plan
	picture     int
	pictureOver bool

	started   time.Time
	now       func() time.Time
	presenter *presenterView
	pictures  *picturesWindow // the Pictures window of the main window
	views     *picturesWindow // the pictures drawn in the lecture window
	editor    *planEditor     // the plan editor last opened
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
	calloutV *canvas.Rectangle
	band     *fyne.Container
	bandT    *bigText
	bandB    *canvas.Rectangle
	picHold  *fyne.Container // the picture shown, full screen
	picBg    *canvas.Rectangle
	blank    *canvas.Rectangle
}

type stepKind int

const (
	stepTitle    stepKind = iota // a section heading
	stepPara                     // a paragraph of the article, or sentences of it
	stepCard                     // a key-principle card anchored in the paragraph before it
	stepFootnote                 // one footnote, large (a plan's step)
	stepPicture                  // the timeline or a map, full screen (a plan's step)
)

type lectureStep struct {
	kind    stepKind
	section int // index in Document.Sections; -1 before the first heading
	para    int // index in Document.Paragraphs (for a card: its anchor's paragraph)
	// sentences first..last of para are the step's; whole for a paragraph
	// shown at once
	first, last int
	whole       bool
	card        *deck.ResolvedCard
	footnote    int
	picture     int
}

// readingPlace is the reader as lecture mode asks of it: what it shows
// at its top, where to leave it, and the passage selected.
type readingPlace interface {
	Position() int
	lectureTop() (section, para int)
	selectedPassage() (para, start, end int, ok bool)
}

func newLectureMode(svc *services, nav navigation, reading readingPlace) *lectureMode {
	l := &lectureMode{svc: svc, nav: nav, reading: reading, scale: 1, now: time.Now, picture: -1, sents: map[int][]lecture.Sentence{}}
	l.scale = openScale(svc.settingFloat(keyLectureScale, 1))
	v, _ := svc.setting(keyLectureMarks)
	l.showMarks = v == "1"
	return l
}

// openScale is the size a lecture opens at for a saved one: a step of
// lectureScales, never above lectureOpenMax.
func openScale(saved float64) float32 {
	s := float32(saved)
	if s < lectureScales[0] || s > lectureScales[len(lectureScales)-1] {
		return 1
	}
	return min(s, lectureOpenMax)
}

// onMainKeyDown starts lecture mode on F5. F5 has no modifier, and Fyne
// only turns keys with a modifier into shortcuts; key-down events reach
// the canvas whatever the reader does with typed keys.
func (l *lectureMode) onMainKeyDown(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF5 {
		l.play()
	}
}

// commands are lecture mode's menu items and shortcuts.
func (l *lectureMode) commands() []command {
	return []command{
		{"View", "Lecture Mode (F5)", "", 0, l.play},
		{"View", "Presenter View", "", 0, l.showPresenter},
		{"View", "Timeline", fyne.KeyT, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, func() { l.showPictures(picturesTimeline) }},
		{"View", "Maps: Who Is Cited Where, Principles", fyne.KeyM, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, func() { l.showPictures(picturesCited) }},
		{"Lecture", "Add to Lecture", fyne.KeyL, fyne.KeyModifierShortcutDefault, l.addFromReader},
		{"Lecture", "Lecture Plans…", "", 0, l.showPlans},
		{"Lecture", "Show Highlights on the Projector", "", 0, l.toggleMarks},
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

// StartLecture opens lecture mode on the article at the section numbered
// section ("3.3"), or as F5 does when section is "". It reports false for
// a section the article does not have (lecture mode then opens where the
// reader is).
func (u *UI) StartLecture(section string) bool {
	if section == "" {
		u.lecture.play()
		return true
	}
	i := sectionNumbered(u.doc, section)
	if i < 0 {
		u.lecture.startArticle(-1, -1)
		return false
	}
	u.lecture.startArticle(i, -1)
	return true
}

// play is F5: the current plan from its beginning, or the article from
// what the reader shows at its top.
func (l *lectureMode) play() {
	if p, ok := l.currentPlan(); ok && len(p.Items) > 0 {
		l.startPlan(p)
		return
	}
	sec, para := l.reading.lectureTop()
	l.startArticle(sec, para)
}

// startArticle lectures on the article from section sec's title, or from
// paragraph para when sec < 0.
func (l *lectureMode) startArticle(sec, para int) {
	if para < 0 && sec < 0 {
		para = l.reading.Position()
	}
	l.plan = nil
	l.scale = openScale(l.svc.settingFloat(keyLectureScale, 1))
	l.open(func() int {
		for i, s := range l.steps {
			if sec >= 0 && s.kind == stepTitle && s.section == sec {
				return i
			}
			if sec < 0 && s.kind == stepPara && s.para >= para {
				return i
			}
		}
		return 0
	})
}

// startPlan plays plan p from its first step.
func (l *lectureMode) startPlan(p lecture.Plan) {
	l.plan = &p
	saved := p.Scale
	if saved == 0 {
		saved = l.svc.settingFloat(keyLectureScale, 1)
	}
	l.scale = openScale(saved)
	l.open(func() int { return 0 })
}

// open makes the steps and shows the one at() picks; a lecture already
// running is brought forward.
func (l *lectureMode) open(at func() int) {
	if !l.cardsOK {
		// the deck parse waits for the first lecture: most sessions never
		// start one
		l.cards = principleCards(l.svc.doc)
		l.cardsOK = true
	}
	running := l.win != nil
	if !running {
		l.build()
	} else {
		l.applyColors() // the theme may have changed since
	}
	l.cutSteps()
	if len(l.steps) == 0 {
		l.leave()
		dialog.ShowInformation("Lecture mode", "There is nothing to present: the plan has no steps this article has.", l.svc.win)
		return
	}
	if !running {
		l.started = l.now()
	}
	l.cur = -1
	l.goTo(at())
	if !running {
		l.win.Show()
	}
	l.win.RequestFocus()
}

// build makes the lecture window: the text, the footnote band, the
// enlarged footnote, the pictures and the blank screen on one background.
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
	l.measure = newBigText()

	l.bandB = canvas.NewRectangle(color.Black)
	l.bandT = newBigText()
	l.bandT.top = true
	l.band = container.NewWithoutLayout(l.bandB, l.bandT.box)
	l.band.Hide()
	// the pictures are drawn in the app's colours, on its background
	l.picBg = canvas.NewRectangle(color.Black)
	l.picBg.CornerRadius = 12
	l.picHold = container.NewStack()
	l.picHold.Hide()
	page := container.New(&lectureLayout{l}, l.kicker, l.body.box, l.pos, l.more, l.band, l.picHold)

	l.calloutB = canvas.NewRectangle(color.Black)
	l.calloutB.StrokeWidth = 3
	l.calloutB.CornerRadius = 18
	l.calloutH = canvas.NewText("", color.White)
	l.calloutH.TextStyle.Bold = true
	l.calloutT = newBigText()
	l.calloutT.top = true
	// the text behind an enlarged footnote is veiled, so that the two do
	// not read as one
	l.calloutV = canvas.NewRectangle(color.Black)
	l.callout = container.New(&calloutLayout{l}, l.calloutV, l.calloutB, l.calloutH, l.calloutT.box)
	l.callout.Hide()

	l.blank = canvas.NewRectangle(color.Black)
	l.blank.Hide()
	l.calloutShown, l.bandShown, l.blanked, l.revealed = false, false, false, false
	l.picture, l.pictureOver, l.views = -1, false, nil

	l.applyColors()
	w.SetContent(container.NewStack(l.bg, page, l.callout, l.blank))
	w.Canvas().SetOnTypedKey(l.onKey)
	w.Canvas().SetOnTypedRune(l.onRune)
	l.addShortcuts(w.Canvas())
	w.SetOnClosed(l.onWindowClosed)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1024, 768))
	w.SetFullScreen(true)
}

// lecturePalette is the projector's colours: the app's light or dark
// choice, at full contrast.
type lecturePalette struct {
	bg, fg, dim, ref, calloutBg, calloutLine color.Color
	ctx                                      color.Color // sentences around the one discussed
}

func (l *lectureMode) palette() lecturePalette {
	if drawnVariant() == theme.VariantLight {
		return lecturePalette{
			bg: color.White, fg: color.NRGBA{R: 0x14, G: 0x14, B: 0x14, A: 0xff},
			dim: color.NRGBA{R: 0x5f, G: 0x63, B: 0x68, A: 0xff}, ref: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
			calloutBg: color.NRGBA{R: 0xf4, G: 0xf1, B: 0xe8, A: 0xff}, calloutLine: color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff},
			ctx: color.NRGBA{R: 0x9a, G: 0x9e, B: 0xa3, A: 0xff},
		}
	}
	return lecturePalette{
		bg: color.NRGBA{R: 0x10, G: 0x12, B: 0x14, A: 0xff}, fg: color.NRGBA{R: 0xf2, G: 0xf2, B: 0xf2, A: 0xff},
		dim: color.NRGBA{R: 0xa0, G: 0xa6, B: 0xad, A: 0xff}, ref: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
		calloutBg: color.NRGBA{R: 0x1f, G: 0x24, B: 0x2b, A: 0xff}, calloutLine: color.NRGBA{R: 0x8a, G: 0xb8, B: 0xff, A: 0xff},
		ctx: color.NRGBA{R: 0x6e, G: 0x74, B: 0x7a, A: 0xff},
	}
}

func (l *lectureMode) applyColors() {
	p := l.palette()
	l.bg.FillColor = p.bg
	l.kicker.Color, l.pos.Color, l.more.Color = p.ref, p.dim, p.dim
	l.body.fg, l.body.ref, l.body.dim = p.fg, p.ref, p.ctx
	l.calloutB.FillColor, l.calloutB.StrokeColor = p.calloutBg, p.calloutLine
	if bg, ok := p.bg.(color.NRGBA); ok {
		bg.A = 0xe6
		l.calloutV.FillColor = bg
	} else {
		l.calloutV.FillColor = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xe6}
	}
	l.calloutH.Color = p.ref
	l.calloutT.fg, l.calloutT.ref, l.calloutT.dim = p.fg, p.ref, p.dim
	l.bandB.FillColor = p.calloutBg
	l.bandT.fg, l.bandT.ref, l.bandT.dim = p.fg, p.ref, p.dim
	l.picBg.FillColor = theme.Color(theme.ColorNameBackground)
}

// onWindowClosed leaves the reader at the last passage shown.
func (l *lectureMode) onWindowClosed() {
	l.win = nil
	if l.presenter != nil {
		l.presenter.close()
	}
	if l.lastPara >= 0 && l.lastPara < len(l.svc.doc.Paragraphs) {
		l.nav.openParagraph(l.svc.doc.Paragraphs[l.lastPara].ID)
	}
	l.svc.win.RequestFocus()
}

// leave ends the lecture.
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
	l.pictureOver = false
	l.render()
}

// render puts the current step on the screen.
func (l *lectureMode) render() {
	st := l.steps[l.cur]
	l.applySizes()
	doc := l.svc.doc
	l.body.align = fyne.TextAlignLeading
	l.kicker.Text = ""
	switch st.kind {
	case stepTitle:
		s := doc.Sections[st.section]
		text := s.Number + "\n" + s.Title
		l.body.align = fyne.TextAlignCenter
		l.body.set(text, []article.Span{{Start: 0, End: len(text), Style: article.Bold}}, nil, nil)
		if s.First < len(doc.Paragraphs) {
			l.lastPara = s.First
		}
	case stepPara:
		l.renderPassage(st)
		l.lastPara = st.para
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
	case stepFootnote:
		text, spans := l.footnoteText([]int{st.footnote})
		l.body.set(text, spans, nil, nil)
		l.kicker.Text = "Footnote " + strconv.Itoa(st.footnote)
	}
	if st.kind == stepPicture {
		l.showPicture(st.picture, false)
	} else if !l.pictureOver {
		l.showPicture(-1, false)
	}
	if fns := l.footnotes(); l.kicker.Text == "" && len(fns) > 0 {
		l.kicker.Text = "F: footnotes " + footnoteList(fns)
		if l.bandShown {
			where := " below    1"
			if w, h := l.page(); w/h >= lectureWide {
				where = " beside    1"
			}
			l.kicker.Text = "Footnotes " + footnoteList(fns) + where
			if len(fns) > 1 {
				l.kicker.Text += "–" + strconv.Itoa(min(9, len(fns)))
			}
			l.kicker.Text += ": one enlarged  ·  F hides them"
		}
	}
	if l.bandShown {
		l.fillBand()
	}
	l.pos.Text = l.position()
	l.kicker.Refresh()
	l.pos.Refresh()
	l.updateMore()
	if l.presenter != nil {
		l.presenter.update()
	}
}

// renderPassage shows a paragraph, or the sentences of a step in full
// contrast with the sentences beside them dimmed, as many as fit.
func (l *lectureMode) renderPassage(st lectureStep) {
	p := l.svc.doc.Paragraphs[st.para]
	var marks []lectureMark
	if l.showMarks {
		marks = l.highlights(p)
	}
	if st.whole {
		l.body.set(p.Text, p.Spans, p.Refs, marks)
		return
	}
	ss := l.sentences(st.para)
	a, b := ss[st.first].Start, ss[st.last].End
	from, to := a, b
	// a neighbour is context only while it is short: a long one dimmed
	// would outweigh the sentence discussed
	fits := func(x, y int) bool { return l.countLines(st.para, x, y) <= l.fitLines() }
	short := func(s lecture.Sentence) bool { return l.countLines(st.para, s.Start, s.End) <= lectureContextLines }
	if st.last+1 < len(ss) && short(ss[st.last+1]) && fits(from, ss[st.last+1].End) {
		to = ss[st.last+1].End
	}
	if st.first > 0 && short(ss[st.first-1]) && fits(ss[st.first-1].Start, to) {
		from = ss[st.first-1].Start
	}
	text, spans, refs := paragraphSlice(p, from, to)
	var shifted []lectureMark
	for _, m := range marks {
		if m.end > from && m.start < to {
			shifted = append(shifted, lectureMark{start: max(0, m.start-from), end: min(to, m.end) - from, color: m.color})
		}
	}
	if from < a {
		shifted = append(shifted, lectureMark{start: 0, end: a - from, dim: true})
	}
	if to > b {
		shifted = append(shifted, lectureMark{start: b - from, end: to - from, dim: true})
	}
	l.body.set(text, spans, refs, shifted)
}

// paragraphSlice is the bytes [from, to) of p with their styles and
// footnote markers, trailing spaces dropped.
func paragraphSlice(p article.Paragraph, from, to int) (string, []article.Span, []article.Ref) {
	text := strings.TrimRight(p.Text[from:to], " \t\n")
	end := from + len(text)
	var spans []article.Span
	for _, s := range p.Spans {
		if s.End > from && s.Start < end {
			spans = append(spans, article.Span{Start: max(s.Start, from) - from, End: min(s.End, end) - from, Style: s.Style})
		}
	}
	var refs []article.Ref
	for _, r := range p.Refs {
		if r.Offset > from && r.Offset <= to {
			r.Offset = min(r.Offset, end) - from
			refs = append(refs, r)
		}
	}
	return text, spans, refs
}

func footnoteList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// position is the discreet line at the bottom: section and step, or the
// plan's name and step.
func (l *lectureMode) position() string {
	st := l.steps[l.cur]
	if l.plan != nil {
		return openingWords(l.plan.Name, 48) + "    " + strconv.Itoa(l.cur+1) + " / " + strconv.Itoa(len(l.steps))
	}
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
	l.setShown(l.more, l.picture < 0 && l.body.overflow && !l.body.atEnd())
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

// footnotes are the footnotes of the current step: those its text
// references, then, for a whole paragraph, those whose marker was lost
// beside it.
func (l *lectureMode) footnotes() []int {
	st := l.steps[l.cur]
	switch st.kind {
	case stepFootnote:
		return []int{st.footnote}
	case stepPara:
	default:
		return nil
	}
	p := l.svc.doc.Paragraphs[st.para]
	from, to := 0, len(p.Text)
	if !st.whole {
		ss := l.sentences(st.para)
		from, to = ss[st.first].Start, ss[st.last].End
	}
	var ns []int
	seen := map[int]bool{}
	for _, r := range p.Refs {
		if !seen[r.N] && r.Offset > from && r.Offset <= to {
			seen[r.N] = true
			ns = append(ns, r.N)
		}
	}
	if !st.whole {
		return ns
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
	var marks []lectureMark
	for _, n := range l.passageNotes(p) {
		m, ok := anchor.Locate(l.svc.doc.Paragraphs, n.Anchor)
		if !ok || m.Index != p.Index {
			continue
		}
		marks = append(marks, lectureMark{start: m.Start, end: m.End, color: lectureHighlightIndex(n.Color)})
	}
	return marks
}

// passageNotes are the lecturer's notes and highlights on p that are
// anchored in it.
func (l *lectureMode) passageNotes(p article.Paragraph) []store.Note {
	notes, err := l.svc.st.Notes(store.NoteFilter{TargetKind: store.TargetPassage, TargetID: p.ID})
	if err != nil {
		fyne.LogError("lecture: highlights of "+p.ID, err)
		return nil
	}
	keep := notes[:0]
	for _, n := range notes {
		if !n.Orphan && n.Anchor.Exact != "" {
			keep = append(keep, n)
		}
	}
	return keep
}

// next goes forward: through a passage or picture too long for the
// screen, to a card's answer, then to the next step.
func (l *lectureMode) next() {
	switch {
	case l.calloutShown && !l.calloutT.atEnd():
		l.calloutT.page(1)
		return
	case l.calloutShown:
		l.showCallout(false)
	}
	if l.picture >= 0 {
		if l.pagePicture(1) {
			return
		}
		if l.pictureOver {
			l.pictureOver = false
			l.showPicture(-1, false)
		}
	} else if !l.body.atEnd() {
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
	if l.picture >= 0 {
		if l.pagePicture(-1) {
			return
		}
		if l.pictureOver {
			l.pictureOver = false
			l.showPicture(-1, false)
			return
		}
	} else if !l.body.atStart() {
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
