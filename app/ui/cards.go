package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/app/study"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// keyNewLimit is the setting with the number of new cards a day.
const keyNewLimit = "cards.new_per_day"

// newLimitChoices are the values offered for the daily limit of new cards.
var newLimitChoices = []string{"0", "5", "10", "15", "20", "30", "50", "100"}

// studyCard is a card as the student sees it (app/study decides which).
type studyCard = study.Card

// cardsScreen is the Cards screen: the review, the card browser and the
// statistics, on tabs of their own.
type cardsScreen struct {
	u       *UI
	content fyne.CanvasObject
	tabs    *container.AppTabs

	// sched schedules the reviews; fuzz is on in the app, and tests swap
	// in a scheduler without it. now is the clock, for the same reason.
	sched *srs.Scheduler
	now   func() time.Time

	cards   []*studyCard
	byID    map[string]*studyCard
	states  map[string]store.CardState
	loadErr string // why the store could not be read, shown on the screen

	// review
	current    *studyCard
	revealed   bool
	shownAt    time.Time
	counts     *widget.Label
	limit      *widget.Select
	status     *widget.Label
	front      *widget.Label
	answer     *flowView // the one text engine: RichText broke a cloze answer one letter a line
	source     *widget.Label
	answerBox  *fyne.Container
	showButton *widget.Button
	rateBox    *fyne.Container
	rateButton [4]*widget.Button
	inArticle  *widget.Button
	undoButton *widget.Button
	emptyLabel *widget.Label
	cardBox    *fyne.Container
	// reviewBox is laid out again whenever parts of the review appear or
	// disappear: a container does not do it by itself on Show and Hide.
	reviewBox *fyne.Container

	editor *cardEditor // the editor opened last
	browse *cardBrowser
	stats  *statsView
}

func newCardsScreen(u *UI) *cardsScreen {
	s := &cardsScreen{
		u:     u,
		sched: srs.NewScheduler().WithFuzz(uint64(time.Now().UnixNano())),
		now:   time.Now,
	}
	s.loadDeck()
	review := s.buildReview()
	s.browse = newCardBrowser(s)
	s.stats = newStatsView(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Review", theme.MediaPlayIcon(), review),
		container.NewTabItemWithIcon("Browse", theme.ListIcon(), s.browse.content),
		container.NewTabItemWithIcon("Stats", theme.InfoIcon(), s.stats.content),
	)
	s.tabs.OnSelected = s.onTabSelected
	s.content = s.tabs
	s.reload()
	// The desktop driver turns Ctrl+Z into Fyne's own ShortcutUndo, never
	// into the CustomShortcut the Edit menu item is registered with, so
	// that one never fires from the keyboard. An entry with the focus still
	// gets Ctrl+Z first and undoes its typing, as it should.
	u.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { s.onUndoShortcut() })
	return s
}

// onTabSelected gives the keyboard back to the review: the focus left in
// the browser's search field would take Space, 1-4 and Ctrl+Z.
func (s *cardsScreen) onTabSelected(*container.TabItem) {
	s.u.win.Canvas().Unfocus()
	s.onShown()
}

func (s *cardsScreen) screen() screen {
	return screen{name: "Cards", icon: theme.GridIcon(), content: s.content, keys: s, shown: s.onShown}
}

// commands are the Cards screen's menu items and shortcuts.
func (s *cardsScreen) commands() []command {
	return []command{
		{"Edit", "Undo Last Rating", fyne.KeyZ, fyne.KeyModifierShortcutDefault, s.onUndoShortcut},
	}
}

// loadDeck reads the shipped deck and ties its cards to the article. A
// card whose anchor no longer resolves is kept, without its passage.
func (s *cardsScreen) loadDeck() {
	s.setCards(study.Merge(shippedCards(s.u.doc), nil, deckArticle{s.u.doc}))
}

// shippedCards is the shipped deck with the paragraph each card resolves
// to in doc.
func shippedCards(doc *article.Document) []study.Card {
	parsed := shippedDeck()
	resolved, _ := deck.Resolve(parsed, doc)
	para := map[string]string{}
	for _, rc := range resolved {
		para[rc.ID] = rc.ParagraphID
	}
	out := make([]study.Card, len(parsed))
	for i, c := range parsed {
		out[i] = study.Card{Card: c, ParagraphID: para[c.ID]}
	}
	return out
}

func (s *cardsScreen) setCards(cs []*studyCard) {
	s.cards = cs
	s.byID = make(map[string]*studyCard, len(cs))
	for _, c := range cs {
		s.byID[c.ID] = c
	}
}

var (
	deckOnce   sync.Once
	deckParsed []deck.Card
)

// shippedDeck is the deck that ships in assets, parsed once; a deck that
// does not parse gives no cards (tests in app/deck keep it parsing).
func shippedDeck() []deck.Card {
	deckOnce.Do(func() { deckParsed, _ = deck.Parse(assets.Deck) })
	return deckParsed
}

// deckArticle answers app/study's questions about the article.
type deckArticle struct{ doc *article.Document }

func (a deckArticle) HasParagraph(id string) bool { return id != "" && paragraphIndex(a.doc, id) >= 0 }

func (a deckArticle) Find(c deck.Card) string {
	if rc, _ := deck.Resolve([]deck.Card{c}, a.doc); len(rc) == 1 {
		return rc[0].ParagraphID
	}
	return ""
}

// reload reads the student's cards, edits and schedules from the store
// and refreshes everything shown.
func (s *cardsScreen) reload() {
	s.loadErr = ""
	s.states = map[string]store.CardState{}
	if st := s.u.st; st != nil {
		if err := s.loadUserCards(st); err != nil {
			s.loadErr = err.Error()
		}
		states, err := st.CardStates()
		if err != nil {
			s.loadErr = err.Error()
		}
		for _, c := range states {
			s.states[c.CardID] = c
		}
	}
	if s.current != nil {
		s.current = s.byID[s.current.ID]
	}
	if s.current == nil || !s.isQueued(s.current) {
		s.nextCard()
	} else {
		s.showCurrent()
	}
	s.browse.refresh()
	s.stats.refresh()
}

// loadUserCards lays the student's edits over the shipped deck (reloaded
// first, so that a reverted edit shows the shipped text) and appends the
// cards they made.
func (s *cardsScreen) loadUserCards(st *store.Store) error {
	ucs, err := st.UserCards()
	if err != nil {
		s.loadDeck()
		return err
	}
	edits := make([]study.Edit, len(ucs))
	for i, uc := range ucs {
		edits[i] = study.Edit{CardID: uc.CardID, UserMade: uc.UserMade, Type: deck.Type(uc.Type), Front: uc.Front, Back: uc.Back,
			Tags: uc.Tags, ParagraphID: uc.ParagraphID, Quote: uc.Quote}
	}
	s.setCards(study.Merge(shippedCards(s.u.doc), edits, deckArticle{s.u.doc}))
	return nil
}

func (s *cardsScreen) onShown() {
	if s.tabs.SelectedIndex() == 2 {
		s.stats.refresh()
	}
	if s.current == nil {
		s.nextCard()
	}
	s.updateCounts()
}

// srsCard is the scheduler's view of a card's stored state.
func srsCard(st store.CardState) srs.Card {
	return srs.Card{State: srs.State(st.State), Step: st.Step, Stability: st.Stability, Difficulty: st.Difficulty,
		Due: st.Due, LastReview: st.LastReview}
}

func storeState(id string, c srs.Card) store.CardState {
	return store.CardState{CardID: id, State: int(c.State), Step: c.Step, Stability: c.Stability, Difficulty: c.Difficulty,
		Due: c.Due, LastReview: c.LastReview}
}

// isNew reports whether c has never been reviewed (and is not suspended).
func (s *cardsScreen) isNew(c *studyCard) bool {
	st, ok := s.states[c.ID]
	return study.IsNew(schedule(st), ok)
}

func (s *cardsScreen) suspended(c *studyCard) bool { return s.states[c.ID].Suspended }

// schedule is app/study's view of a card's stored state.
func schedule(st store.CardState) study.Schedule {
	return study.Schedule{State: srs.State(st.State), Due: st.Due, LastReview: st.LastReview, Suspended: st.Suspended}
}

func (s *cardsScreen) schedules() map[string]study.Schedule {
	out := make(map[string]study.Schedule, len(s.states))
	for id, st := range s.states {
		out[id] = schedule(st)
	}
	return out
}

// studyReviews is app/study's view of stored reviews.
func studyReviews(rs []store.Review) []study.Review {
	out := make([]study.Review, len(rs))
	for i, r := range rs {
		out[i] = study.Review{CardID: r.CardID, Rating: srs.Rating(r.Rating), At: r.ReviewedAt,
			PrevState: srs.State(r.Prev.State), PrevLastReview: r.Prev.LastReview}
	}
	return out
}

// newLimit is the daily limit of new cards from the settings.
func (s *cardsScreen) newLimit() int {
	if v, ok := s.u.setting(keyNewLimit); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return n
		}
	}
	return study.DefaultNewLimit
}

// newToday counts the cards first seen today.
func (s *cardsScreen) newToday() int {
	if s.u.st == nil {
		return 0
	}
	rs, err := s.u.st.Reviews(study.StartOfDay(s.now()))
	if err != nil {
		return 0
	}
	return study.NewSeen(studyReviews(rs))
}

// queue is what is left to review now (study.Today decides).
func (s *cardsScreen) queue() queue {
	q := study.Today(s.cards, s.schedules(), s.now(), s.newLimit(), s.newToday())
	return queue{due: q.Due, fresh: q.Fresh, ahead: q.Ahead, newLeft: q.NewLeft, q: q}
}

// queue keeps the names the screen and its tests use for study.Queue.
type queue struct {
	due, fresh, ahead []*studyCard
	newLeft           int
	q                 study.Queue
}

func (q queue) next() *studyCard { return q.q.Next() }

func (s *cardsScreen) isQueued(c *studyCard) bool { return s.queue().q.Has(c) }

func (s *cardsScreen) buildReview() fyne.CanvasObject {
	s.counts = widget.NewLabel("")
	s.counts.TextStyle.Bold = true
	s.limit = widget.NewSelect(newLimitChoices, s.onLimitChanged)
	s.limit.SetSelected(strconv.Itoa(s.newLimit()))
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.front = widget.NewLabel("")
	s.front.Wrapping = fyne.TextWrapWord
	s.front.TextStyle.Bold = true
	s.front.SizeName = theme.SizeNameSubHeadingText
	s.answer = newFlowView(nil, theme.Size(theme.SizeNameSubHeadingText))
	s.answer.margin = theme.InnerPadding()
	s.answer.onLaidOut = func() { s.reviewBox.Refresh() }
	s.source = widget.NewLabel("")
	s.source.Wrapping = fyne.TextWrapWord
	s.source.TextStyle.Italic = true
	s.inArticle = widget.NewButtonWithIcon("Show in article (O)", theme.DocumentIcon(), s.onShowInArticleTapped)
	s.answerBox = container.NewVBox(widget.NewSeparator(), s.answer, s.source, container.NewHBox(s.inArticle))
	s.showButton = widget.NewButton("Show answer (Space)", s.onShowAnswerTapped)
	s.showButton.Importance = widget.HighImportance
	names := [4]string{"Again", "Hard", "Good", "Easy"}
	for i := range s.rateButton {
		r := srs.Ratings[i]
		s.rateButton[i] = widget.NewButton(names[i], func() { s.rate(r) })
	}
	s.rateButton[2].Importance = widget.HighImportance
	s.rateBox = container.NewGridWithColumns(4, s.rateButton[0], s.rateButton[1], s.rateButton[2], s.rateButton[3])
	s.undoButton = widget.NewButtonWithIcon("Undo last rating", theme.ContentUndoIcon(), s.onUndoTapped)
	s.emptyLabel = widget.NewLabel("")
	s.emptyLabel.Wrapping = fyne.TextWrapWord
	s.emptyLabel.Alignment = fyne.TextAlignCenter

	s.cardBox = container.NewVBox(s.front, s.answerBox)
	header := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("New cards a day"), s.limit), s.counts)
	buttons := container.NewStack(s.showButton, s.rateBox)
	footer := container.NewVBox(buttons, container.NewBorder(nil, nil, nil, s.undoButton, s.status))
	body := container.NewStack(container.NewVScroll(container.NewPadded(s.cardBox)), container.NewCenter(container.New(&fixedWidth{w: emptyWidth}, s.emptyLabel)))
	s.reviewBox = container.NewBorder(container.NewVBox(header, widget.NewSeparator()), footer, nil, nil, body)
	return container.New(&readingColumn{max: 860}, s.reviewBox)
}

func (s *cardsScreen) onLimitChanged(v string) {
	n, err := strconv.Atoi(v)
	if err != nil || s.u == nil || s.counts == nil {
		return
	}
	if n == s.newLimit() {
		return
	}
	s.u.setSetting(keyNewLimit, strconv.Itoa(n))
	if s.current == nil || !s.isQueued(s.current) {
		s.nextCard()
	}
	s.updateCounts()
}

// nextCard picks the next card of the queue and shows its front.
func (s *cardsScreen) nextCard() {
	s.current = s.queue().next()
	s.showCurrent()
}

func (s *cardsScreen) showCurrent() {
	s.revealed = false
	s.shownAt = s.now()
	s.updateCounts()
	if s.u.st == nil {
		s.current = nil
		s.showEmpty("Your study database could not be opened, so reviews cannot be saved. " +
			"Browse the cards on the Browse tab; restart Glossa to review.")
		return
	}
	c := s.current
	if c == nil {
		s.showEmpty(s.emptyMessage())
		return
	}
	s.emptyLabel.Hide()
	s.cardBox.Show()
	s.front.SetText(c.Question())
	s.answer.setBlocks(segmentBlocks(answerSegments(c)))
	s.source.SetText(s.sourceText(c))
	s.inArticle.Show()
	if c.ParagraphID == "" {
		s.inArticle.Hide()
	}
	s.answerBox.Hide()
	s.rateBox.Hide()
	s.showButton.Show()
	s.reviewBox.Refresh()
}

func (s *cardsScreen) showEmpty(msg string) {
	s.cardBox.Hide()
	s.showButton.Hide()
	s.rateBox.Hide()
	s.emptyLabel.SetText(msg)
	// A wrapping label measures its height at its current width; at the
	// zero width it has before its first layout it stood one word a line,
	// 2,600 px tall, and made the whole window that tall.
	s.emptyLabel.Resize(fyne.NewSize(emptyWidth, s.emptyLabel.Size().Height))
	s.emptyLabel.Show()
	s.reviewBox.Refresh()
}

// emptyWidth is the measure of the message shown when there is nothing
// to review.
const emptyWidth = 460

// answerSegments is the answer as shown after Space: a cloze card's
// sentence with the recalled words in bold and accent colour, so the eye
// finds them at once, then its extra note; a basic card's answer as is.
// Inline text goes in one segment per word: RichText moves a segment that
// does not fit the rest of a line to the next line whole.
func answerSegments(c *studyCard) []widget.RichTextSegment {
	style := func(bold bool, color fyne.ThemeColorName) widget.RichTextStyle {
		return widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Bold: bold}, ColorName: color}
	}
	plain := style(false, theme.ColorNameForeground)
	gaps, err := deck.ParseCloze(c.Front)
	if c.Type != deck.Cloze || err != nil {
		plain.Inline = false
		return []widget.RichTextSegment{&widget.TextSegment{Style: plain, Text: c.Answer()}}
	}
	var segs []widget.RichTextSegment
	words := func(text string, st widget.RichTextStyle) {
		for _, w := range strings.SplitAfter(text, " ") {
			if w != "" {
				segs = append(segs, &widget.TextSegment{Style: st, Text: w})
			}
		}
	}
	last := 0
	for _, g := range gaps {
		words(c.Front[last:g.Start], plain)
		words(g.Answer, style(true, theme.ColorNamePrimary))
		last = g.End
	}
	words(c.Front[last:], plain)
	if n := len(segs); n > 0 {
		segs[n-1].(*widget.TextSegment).Style.Inline = false // ends the paragraph
	}
	if c.Back != "" {
		extra := plain
		extra.Inline, extra.SizeName = false, theme.SizeNameText
		segs = append(segs, &widget.TextSegment{Style: extra, Text: c.Back})
	}
	return segs
}

// onZoom lays the card's answer out at the window's new text size.
func (s *cardsScreen) onZoom() {
	s.answer.setSize(theme.Size(theme.SizeNameSubHeadingText))
	s.reviewBox.Refresh()
}

// segmentBlocks lays rich text segments out as flow blocks: inline
// segments run on in one block, a segment that is not inline ends it;
// bold words in the primary colour are drawn as the flow marks a hit.
func segmentBlocks(segs []widget.RichTextSegment) []block {
	var out []block
	var cur []piece
	sub := theme.Size(theme.SizeNameSubHeadingText)
	scale := float32(1)
	for _, sg := range segs {
		ts, ok := sg.(*widget.TextSegment)
		if !ok {
			continue
		}
		p := piece{text: ts.Text}
		if ts.Style.TextStyle.Bold {
			p.style |= article.Bold
		}
		if ts.Style.TextStyle.Italic {
			p.style |= article.Italic
		}
		if ts.Style.ColorName == theme.ColorNamePrimary {
			p.tone = toneHit
		}
		cur = append(cur, p)
		if ts.Style.SizeName != "" {
			scale = theme.Size(ts.Style.SizeName) / sub
		}
		if !ts.Style.Inline {
			out = append(out, block{kind: blockPara, pieces: cur, scale: scale, gap: 0.4, para: -1, section: -1})
			cur, scale = nil, 1
		}
	}
	if len(cur) > 0 {
		out = append(out, block{kind: blockPara, pieces: cur, scale: scale, gap: 0.4, para: -1, section: -1})
	}
	return out
}

// emptyMessage says why there is nothing to review and when there will be.
func (s *cardsScreen) emptyMessage() string {
	if s.loadErr != "" {
		return "Your cards could not be read from the study database (" + s.loadErr + "). Restart Glossa; if it happens again, restore a backup."
	}
	now := s.now()
	next := study.NextDue(s.cards, s.schedules())
	msg := "Nothing left to review now. Well done."
	if !next.IsZero() {
		msg += "\nThe next card is due in " + formatInterval(next.Sub(now)) + "."
	}
	if q := s.queue(); q.newLeft == 0 && s.countNew() > 0 {
		msg += "\nYou have seen today's new cards; raise \"New cards a day\" for more."
	}
	return msg
}

func (s *cardsScreen) countNew() int {
	n := 0
	for _, c := range s.cards {
		if s.isNew(c) {
			n++
		}
	}
	return n
}

// sourceText names the passage a card comes from.
func (s *cardsScreen) sourceText(c *studyCard) string {
	if c.ParagraphID == "" {
		return "The passage this card came from is no longer in the article."
	}
	where := ""
	if p := s.paragraph(c.ParagraphID); p >= 0 {
		if sec := s.u.doc.Paragraphs[p].Section; sec != "" {
			where = " (§" + strings.TrimSuffix(sec, ".") + ")"
		}
	}
	return "From the article" + where + ": “" + c.Anchor + "”"
}

func (s *cardsScreen) paragraph(id string) int { return paragraphIndex(s.u.doc, id) }

// paragraphIndex is the index of the paragraph with this ID in doc, -1
// when it is gone.
func paragraphIndex(doc *article.Document, id string) int {
	for i, p := range doc.Paragraphs {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func (s *cardsScreen) updateCounts() {
	if s.counts == nil {
		return
	}
	q := s.queue()
	learning := len(q.ahead)
	text := fmt.Sprintf("%d due · %d new today", len(q.due), len(q.fresh))
	if learning > 0 {
		text += fmt.Sprintf(" · %d learning soon", learning)
	}
	s.counts.SetText(text)
	s.limit.SetSelected(strconv.Itoa(s.newLimit()))
}

func (s *cardsScreen) onShowAnswerTapped() { s.reveal() }

// reveal shows the answer and the rating buttons, each with the interval
// it would give.
func (s *cardsScreen) reveal() {
	c := s.current
	if c == nil || s.revealed {
		return
	}
	s.revealed = true
	s.answerBox.Show()
	s.showButton.Hide()
	// one reading of the clock: a second one, a moment later, made the
	// 1-minute step of Again 59.99 s and showed it as "now"
	now := s.now()
	preview := s.sched.Preview(srsCard(s.states[c.ID]), now)
	names := [4]string{"Again", "Hard", "Good", "Easy"}
	for i, r := range srs.Ratings {
		ivl := preview[r].Due.Sub(now)
		s.rateButton[i].SetText(fmt.Sprintf("%d  %s · %s", i+1, names[i], formatInterval(ivl)))
	}
	s.rateBox.Show()
	s.reviewBox.Refresh()
}

// rate schedules the current card and writes the review to the log, in
// one transaction, before the next card is shown. When the write fails the
// card stays on screen so the rating can be given again. It reports
// whether a rating was saved.
func (s *cardsScreen) rate(r srs.Rating) bool {
	c := s.current
	if c == nil || !s.revealed || s.u.st == nil {
		return false
	}
	now := s.now()
	prev := s.states[c.ID]
	prev.CardID = c.ID
	next, _, err := s.sched.Review(srsCard(prev), r, now)
	if err != nil {
		s.showError("Could not schedule this card", err)
		return false
	}
	rv := store.Review{CardID: c.ID, Rating: int(r), ReviewedAt: now, Prev: prev,
		ElapsedMS: now.Sub(s.shownAt).Milliseconds()}
	if err := s.u.st.SaveReview(rv, storeState(c.ID, next)); err != nil {
		s.showError("Your rating was not saved", err)
		return false
	}
	s.states[c.ID] = storeState(c.ID, next)
	s.status.SetText(fmt.Sprintf("Rated %s; back in %s.", r, formatInterval(next.Due.Sub(now))))
	s.nextCard()
	s.browse.refresh()
	return true
}

func (s *cardsScreen) onUndoShortcut() {
	if s.u.current().name == "Cards" {
		s.onUndoTapped()
	}
}

// onUndoTapped takes back the newest rating and shows that card again.
func (s *cardsScreen) onUndoTapped() {
	if s.u.st == nil {
		return
	}
	r, ok, err := s.u.st.UndoLastReview()
	if err != nil {
		s.showError("Could not undo the last rating", err)
		return
	}
	if !ok {
		s.status.SetText("There is no rating to undo.")
		return
	}
	s.reload()
	if c, ok := s.byID[r.CardID]; ok {
		s.current = c
		s.tabs.SelectIndex(0)
		s.showCurrent()
	}
	s.status.SetText(fmt.Sprintf("Took back your %s rating; the card is shown again.", srs.Rating(r.Rating)))
}

func (s *cardsScreen) onShowInArticleTapped() {
	if s.current != nil {
		s.showInArticle(s.current)
	}
}

// showInArticle opens the reader at the card's passage.
func (s *cardsScreen) showInArticle(c *studyCard) {
	if c.ParagraphID == "" || !s.u.openParagraph(c.ParagraphID) {
		dialog.ShowInformation("Passage not found",
			"The passage this card was made from is no longer in the article, so Glossa cannot show it. The card itself is kept.", s.u.win)
	}
}

// showError tells the student what failed, in words, with what to do.
func (s *cardsScreen) showError(what string, err error) {
	fyne.LogError(what, err)
	dialog.ShowInformation(what,
		what+". Nothing else was changed; try again. If this keeps happening, close Glossa and open it again.\n\nDetails: "+err.Error(), s.u.win)
}

// onKey and onRune make a whole review work from the keyboard: Space or
// Return shows the answer, 1-4 rate it, O opens its passage.
func (s *cardsScreen) onKey(ev *fyne.KeyEvent) bool {
	if s.tabs.SelectedIndex() != 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.reveal()
		return true
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4:
		return true // the rune that follows rates
	}
	return false
}

func (s *cardsScreen) onRune(r rune) bool {
	if s.tabs.SelectedIndex() != 0 {
		return false
	}
	switch r {
	case ' ':
		return true // the Space key already showed the answer
	case '1', '2', '3', '4':
		s.rate(srs.Rating(r - '0'))
		return true
	case 'o', 'O':
		if s.revealed && s.current != nil && s.current.ParagraphID != "" {
			s.showInArticle(s.current)
			return true
		}
	}
	return false
}

// formatInterval is a short human interval: "1 min", "10 min", "3 h",
// "3 d", "4.2 mo", "1.5 y".
func formatInterval(d time.Duration) string {
	d = d.Round(time.Second) // the clock's drift between two readings is no interval
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(math.Round(d.Minutes())))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h", int(math.Round(d.Hours())))
	}
	days := d.Hours() / 24
	switch {
	case days < 31:
		return fmt.Sprintf("%d d", int(math.Round(days)))
	case days < 365:
		return trimZero(fmt.Sprintf("%.1f mo", days/30.4375))
	}
	return trimZero(fmt.Sprintf("%.1f y", days/365.25))
}

func trimZero(s string) string { return strings.Replace(s, ".0 ", " ", 1) }

// readingColumn centres its children in a column at most max wide, so a
// card stays readable on a wide window.
type readingColumn struct{ max float32 }

func (l *readingColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

func (l *readingColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, l.max)
	for _, o := range objs {
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}
