package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/lecture"
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

	lecturePlay    // the plan played and the step shown
	lectureWindow  // the projector window and what it draws
	lectureSize    // the type size and the page it is set on
	lectureOverlay // what is over the text: footnotes, a picture, blank
	lectureClock   // the presenter view and the time it shows

	sents   map[int][]lecture.Sentence
	cards   []deck.ResolvedCard // key-principle cards, parsed on the first lecture
	cardsOK bool
	// showMarks puts the lecturer's highlights on the projector
	showMarks bool

	pictures *picturesWindow // the Pictures window of the main window
	views    *picturesWindow // the pictures drawn in the lecture window
	editor   *planEditor     // the plan editor last opened
}

// lecturePlay is what is being played: the plan (or the article), cut
// into steps, and where in them the lecture is.
type lecturePlay struct {
	plan  *lecture.Plan // the plan played; nil for the article
	steps []lectureStep
	cur   int
	// revealed is set when the answer of the card shown is revealed.
	revealed bool
	// lastPara is the paragraph of the last text step shown: Esc leaves
	// the reader there
	lastPara int
}

// lectureSize is the type-size state: the lecturer's factor, the page,
// and what the steps were last cut for.
type lectureSize struct {
	scale    float32   // the lecturer's size factor, 1 by default
	pageSize fyne.Size // of the lecture window's content, once laid out
	cutAt    fyne.Size // the page size the steps were cut for
	cutScale float32
	cutting  bool     // the steps are being cut again from the layout
	measure  *bigText // counts lines without drawing
}

// lectureOverlay is what is shown over or beside the step's text.
type lectureOverlay struct {
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
}

// lectureClock is the presenter view and the clock it shows.
type lectureClock struct {
	started   time.Time
	now       func() time.Time
	presenter *presenterView
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

// readingPlace is the reader as lecture mode asks of it: what it shows
// at its top, where to leave it, and the passage selected.
type readingPlace interface {
	Position() int
	lectureTop() (section, para int)
	selectedPassage() (para, start, end int, ok bool)
}

func newLectureMode(svc *services, nav navigation, reading readingPlace) *lectureMode {
	l := &lectureMode{svc: svc, nav: nav, reading: reading, sents: map[int][]lecture.Sentence{}}
	l.now, l.picture = time.Now, -1
	l.scale = openScale(svc.settingFloat(keyLectureScale, 1))
	v, _ := svc.setting(keyLectureMarks)
	l.showMarks = v == "1"
	return l
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
