package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/app/study"
	"github.com/glossa-app/glossa/store"
)

// reviewView is the review tab's widgets.
type reviewView struct {
	counts     *widget.Label
	limit      *widget.Select
	status     *widget.Label
	front      *widget.Label
	answer     *flowView // the one text engine: RichText broke a cloze answer one letter a line
	source     *flowView
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
}

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
	// the source line is a flow, not an italic label: a label draws
	// through the theme, where italic costs Fyne a system font lookup
	// (theme_fonts.go) before the window's first frame
	s.source = newFlowView(nil, theme.TextSize())
	s.source.margin = theme.InnerPadding()
	s.source.onLaidOut = func() { s.reviewBox.Refresh() }
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
	if err != nil || s.svc == nil || s.counts == nil {
		return
	}
	if n == s.newLimit() {
		return
	}
	s.svc.setSetting(keyNewLimit, strconv.Itoa(n))
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
	c := s.current
	if c == nil {
		s.showEmpty(s.emptyMessage())
		return
	}
	s.emptyLabel.Hide()
	s.cardBox.Show()
	s.front.SetText(c.Question())
	s.answer.setBlocks(segmentBlocks(answerSegments(c)))
	s.source.setBlocks([]block{{kind: blockPara, pieces: []piece{{text: s.sourceText(c), style: article.Italic}}, para: -1, section: -1}})
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
	s.source.setSize(theme.TextSize())
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
		if sec := s.svc.doc.Paragraphs[p].Section; sec != "" {
			where = " (§" + strings.TrimSuffix(sec, ".") + ")"
		}
	}
	return "From the article" + where + ": “" + c.Anchor + "”"
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

// rate schedules the current card and shows the next one at once; the
// review and the card's new schedule are written in one transaction off
// the UI goroutine, after any rating given before. When the write fails
// the card comes back, as it was, so the rating can be given again. It
// reports whether the rating was given.
func (s *cardsScreen) rate(r srs.Rating) bool {
	c := s.current
	if c == nil || !s.revealed {
		return false
	}
	now := s.now()
	prev, had := s.states[c.ID]
	was := func() {
		if had {
			s.states[c.ID] = prev
		} else {
			delete(s.states, c.ID)
		}
	}
	prev.CardID = c.ID
	next, _, err := s.sched.Review(srsCard(prev), r, now)
	if err != nil {
		s.showError("Could not schedule this card", err)
		return false
	}
	rv := store.Review{CardID: c.ID, Rating: int(r), ReviewedAt: now, Prev: prev,
		ElapsedMS: now.Sub(s.shownAt).Milliseconds()}
	state := storeState(c.ID, next)
	s.states[c.ID] = state
	s.saving.reviews = append(s.saving.reviews, rv)
	s.saving.given++
	given := s.saving.given
	told := fmt.Sprintf("Rated %s; back in %s.", r, formatInterval(next.Due.Sub(now)))
	s.status.SetText(told + " Saving…")
	s.nextCard()
	s.browse.refresh()
	st := s.svc.st
	s.svc.storeWrite(func() error { return st.SaveReview(rv, state) }, func(err error) {
		s.saving.landed(rv)
		if err != nil {
			if s.states[c.ID] == state { // not rated again since
				was()
			}
			s.onRatingLost(c, err)
			return
		}
		if s.saving.given == given {
			s.status.SetText(told)
		}
		s.stats.refresh()
	})
	return true
}

// ratingsSaving are the ratings given and not yet written: the queue
// counts their new cards as seen, so that the daily limit holds while
// the store is busy.
type ratingsSaving struct {
	reviews []store.Review
	given   int // ratings given so far, to tell the last one
}

func (p *ratingsSaving) landed(rv store.Review) {
	for i, r := range p.reviews {
		if r.CardID == rv.CardID && r.ReviewedAt.Equal(rv.ReviewedAt) {
			p.reviews = append(p.reviews[:i], p.reviews[i+1:]...)
			return
		}
	}
}

// onRatingLost puts back the card whose rating could not be written and
// shows it again, saying so.
func (s *cardsScreen) onRatingLost(c *studyCard, err error) {
	s.current = c
	s.tabs.SelectIndex(0)
	s.showCurrent()
	s.browse.refresh()
	s.status.SetText("Your rating of this card was not saved; it is shown again so you can rate it again.")
	s.showError("Your rating was not saved", err)
}

func (s *cardsScreen) onUndoShortcut() {
	if s.svc.shownScreen() == "Cards" {
		s.onUndoTapped()
	}
}

// onUndoTapped takes back the newest rating (after any rating still
// being written) and shows that card again.
func (s *cardsScreen) onUndoTapped() {
	var r store.Review
	var ok bool
	st := s.svc.st
	s.svc.storeWrite(func() (err error) {
		r, ok, err = st.UndoLastReview()
		return err
	}, func(err error) {
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
	})
}

// writeCards writes a change to the student's cards off the UI
// goroutine; once it is written, then runs and everything shown is read
// again; when it fails the student is told what to do.
func (s *cardsScreen) writeCards(write func(st *store.Store) error, failed string, then func()) {
	st := s.svc.st
	s.svc.storeWrite(func() error { return write(st) }, func(err error) {
		if err != nil {
			s.showError(failed, err)
			return
		}
		if then != nil {
			then()
		}
		s.reload()
	})
}

func (s *cardsScreen) onShowInArticleTapped() {
	if s.current != nil {
		s.showInArticle(s.current)
	}
}

// showInArticle opens the reader at the card's passage.
func (s *cardsScreen) showInArticle(c *studyCard) {
	if c.ParagraphID == "" || !s.nav.openParagraph(c.ParagraphID) {
		dialog.ShowInformation("Passage not found",
			"The passage this card was made from is no longer in the article, so Glossa cannot show it. The card itself is kept.", s.svc.win)
	}
}

// showError tells the student what failed, in words, with what to do.
func (s *cardsScreen) showError(what string, err error) {
	fyne.LogError(what, err)
	advice, ok := whyNotWritten(err)
	if !ok {
		advice = "Nothing else was changed; try again. If this keeps happening, close Glossa and open it again."
	}
	dialog.ShowInformation(what, what+". "+advice+"\n\nDetails: "+err.Error(), s.svc.win)
}
