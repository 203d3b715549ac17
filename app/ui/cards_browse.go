package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
)

// Filters of the card browser.
var browseFilters = []string{"All cards", "Due now", "New", "Learning", "Review", "Suspended", "My cards", "Edited"}

// cardBrowser lists every card, filtered by a search and a kind, with the
// selected card's details and actions beside the list.
type cardBrowser struct {
	s       *cardsScreen
	content fyne.CanvasObject

	search   *widget.Entry
	filter   *widget.Select
	count    *widget.Label
	list     *widget.List
	shown    []*studyCard
	selected *studyCard

	detail    *fyne.Container
	pane      *fyne.Container // holds none or detail; laid out again when they swap
	none      *widget.Label
	question  *widget.Label
	answer    *widget.Label
	source    *widget.Label
	state     *widget.Label
	tags      *widget.Label
	edit      *widget.Button
	suspend   *widget.Button
	inArticle *widget.Button
	revert    *widget.Button
}

func newCardBrowser(s *cardsScreen) *cardBrowser {
	b := &cardBrowser{s: s}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder("Search the cards (words of the question, answer, passage or tags)")
	b.search.OnChanged = func(string) { b.refresh() }
	b.filter = widget.NewSelect(browseFilters, func(string) { b.refresh() })
	b.filter.SetSelected(browseFilters[0])
	b.count = widget.NewLabel("")
	b.list = widget.NewList(
		func() int { return len(b.shown) },
		func() fyne.CanvasObject {
			q := widget.NewLabel("")
			q.Truncation = fyne.TextTruncateEllipsis
			st := widget.NewLabel("")
			st.Alignment = fyne.TextAlignTrailing
			return container.NewBorder(nil, nil, nil, container.New(&minWidth{w: 130}, st), q)
		},
		b.updateRow,
	)
	b.list.OnSelected = b.onCardSelected

	b.none = widget.NewLabel("Choose a card to see it whole, edit it, suspend it or find its passage.")
	b.none.Wrapping = fyne.TextWrapWord
	b.question = widget.NewLabel("")
	b.question.Wrapping = fyne.TextWrapWord
	b.question.TextStyle.Bold = true
	b.answer = widget.NewLabel("")
	b.answer.Wrapping = fyne.TextWrapWord
	b.source = widget.NewLabel("")
	b.source.Wrapping = fyne.TextWrapWord
	b.state = widget.NewLabel("")
	b.state.Wrapping = fyne.TextWrapWord
	b.tags = widget.NewLabel("")
	b.tags.Wrapping = fyne.TextWrapWord
	b.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), b.onEditTapped)
	b.suspend = widget.NewButtonWithIcon("Suspend", theme.MediaPauseIcon(), b.onSuspendTapped)
	b.inArticle = widget.NewButtonWithIcon("Show in article", theme.DocumentIcon(), b.onShowInArticleTapped)
	b.revert = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), b.onRevertTapped)
	actions := container.NewGridWithColumns(2, b.edit, b.suspend, b.inArticle, b.revert)
	b.detail = container.NewVBox(b.question, widget.NewSeparator(), b.answer, b.source, b.state, b.tags, actions)
	b.detail.Hide()
	b.pane = container.NewVBox(b.none, b.detail)
	right := container.NewVScroll(container.NewPadded(b.pane))

	top := container.NewBorder(nil, nil, nil, b.filter, b.search)
	left := container.NewBorder(container.NewVBox(top, b.withAnkiExport(b.count)), nil, nil, nil, b.list)
	// The details keep a readable width however the divider is dragged.
	split := container.NewHSplit(left, container.New(&minWidth{w: 320}, right))
	split.SetOffset(0.55)
	b.content = split
	return b
}

func (b *cardBrowser) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(b.shown) {
		return
	}
	c := b.shown[i]
	row := o.(*fyne.Container)
	q := row.Objects[0].(*widget.Label)
	st := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	q.SetText(oneLine(c.Question()))
	st.SetText(b.s.shortState(c))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shortState is a card's standing in a few words: "new", "due now",
// "in 3 d", "suspended".
func (s *cardsScreen) shortState(c *studyCard) string {
	st, ok := s.states[c.ID]
	switch {
	case ok && st.Suspended:
		return "suspended"
	case s.isNew(c):
		return "new"
	case !st.Due.After(s.now()):
		return "due now"
	}
	return "in " + formatInterval(st.Due.Sub(s.now()))
}

// matches reports whether c passes the filter and holds every word of the
// search, ignoring case.
func (b *cardBrowser) matches(c *studyCard, words []string, filter string) bool {
	s := b.s
	st, ok := s.states[c.ID]
	switch filter {
	case "Due now":
		if !ok || st.Suspended || s.isNew(c) || st.Due.After(s.now()) {
			return false
		}
	case "New":
		if !s.isNew(c) {
			return false
		}
	case "Learning":
		if !ok || st.Suspended || (st.State != int(srs.Learning) && st.State != int(srs.Relearning)) {
			return false
		}
	case "Review":
		if !ok || st.Suspended || st.State != int(srs.Review) {
			return false
		}
	case "Suspended":
		if !st.Suspended {
			return false
		}
	case "My cards":
		if !c.UserMade {
			return false
		}
	case "Edited":
		if !c.Edited {
			return false
		}
	}
	if len(words) == 0 {
		return true
	}
	hay := haystack(c)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// haystack is the text a search looks in, lower case, runs of space as one.
func haystack(c *studyCard) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.Join(
		[]string{c.ID, c.Question(), c.Answer(), c.Anchor, strings.Join(c.Tags, " ")}, " ")), " "))
}

// refresh filters the cards again and keeps the selection when it is
// still in the list.
func (b *cardBrowser) refresh() {
	if b == nil || b.list == nil {
		return
	}
	words := strings.Fields(strings.ToLower(b.search.Text))
	phrase := strings.Join(words, " ")
	b.shown = b.shown[:0]
	var loose []*studyCard
	for _, c := range b.s.cards {
		if !b.matches(c, words, b.filter.Selected) {
			continue
		}
		// Cards holding the words as typed come first: "article 2" should
		// find Article 2 before every card that says "article" and "2".
		if len(words) > 1 && !strings.Contains(haystack(c), phrase) {
			loose = append(loose, c)
			continue
		}
		b.shown = append(b.shown, c)
	}
	b.shown = append(b.shown, loose...)
	b.count.SetText(fmt.Sprintf("%d of %d cards", len(b.shown), len(b.s.cards)))
	b.list.Refresh()
	if b.selected != nil {
		b.selected = b.s.byID[b.selected.ID]
	}
	found := false
	for i, c := range b.shown {
		if c == b.selected {
			b.list.Select(i)
			found = true
		}
	}
	if !found {
		b.list.UnselectAll()
		b.selected = nil
	}
	b.showDetail()
}

func (b *cardBrowser) onCardSelected(i widget.ListItemID) {
	if i < 0 || i >= len(b.shown) {
		return
	}
	b.selected = b.shown[i]
	b.showDetail()
}

func (b *cardBrowser) showDetail() {
	c := b.selected
	defer b.pane.Refresh()
	if c == nil {
		b.detail.Hide()
		b.none.Show()
		return
	}
	s := b.s
	b.none.Hide()
	b.detail.Show()
	b.question.SetText(c.Question())
	b.answer.SetText(c.Answer())
	// italic from the first card shown, not before: refreshed while
	// still hidden, at the window's start, an italic label would have
	// Fyne load the italic faces (theme_fonts.go) for a screen not seen
	b.source.TextStyle.Italic = true
	b.source.SetText(s.sourceText(c))
	b.state.SetText(s.longState(c))
	kind := "Shipped card"
	switch {
	case c.UserMade:
		kind = "Your card"
	case c.Edited:
		kind = "Shipped card, in your wording"
	}
	tags := "no tags"
	if len(c.Tags) > 0 {
		tags = "tags: " + strings.Join(c.Tags, ", ")
	}
	b.tags.SetText(fmt.Sprintf("%s · %s · %s", kind, c.Type, tags))
	if s.suspended(c) {
		b.suspend.SetText("Unsuspend")
		b.suspend.SetIcon(theme.MediaPlayIcon())
	} else {
		b.suspend.SetText("Suspend")
		b.suspend.SetIcon(theme.MediaPauseIcon())
	}
	b.inArticle.Enable()
	if c.ParagraphID == "" {
		b.inArticle.Disable()
	}
	switch {
	case c.UserMade:
		b.revert.SetText("Delete card")
		b.revert.SetIcon(theme.DeleteIcon())
		b.revert.Show()
	case c.Edited:
		b.revert.SetText("Shipped wording")
		b.revert.SetIcon(theme.ContentUndoIcon())
		b.revert.Show()
	default:
		b.revert.Hide()
	}
}

// longState describes a card's schedule in a sentence.
func (s *cardsScreen) longState(c *studyCard) string {
	st, ok := s.states[c.ID]
	if !ok || (st.State == int(srs.New) && st.LastReview.IsZero()) {
		if st.Suspended {
			return "Suspended; never reviewed."
		}
		return "New: not reviewed yet."
	}
	when := "due now"
	if st.Due.After(s.now()) {
		when = "due in " + formatInterval(st.Due.Sub(s.now()))
	}
	text := fmt.Sprintf("%s, %s (%s). Memory stability %.1f days, difficulty %.1f of 10.",
		strings.ToUpper(srs.State(st.State).String()[:1])+srs.State(st.State).String()[1:], when,
		st.Due.Local().Format("2 Jan 2006 15:04"), st.Stability, st.Difficulty)
	if st.Suspended {
		text = "Suspended: it will not come up for review. " + text
	}
	return text
}

func (b *cardBrowser) onEditTapped() {
	if b.selected != nil {
		b.s.editCard(b.selected)
	}
}

func (b *cardBrowser) onShowInArticleTapped() {
	if b.selected != nil {
		b.s.showInArticle(b.selected)
	}
}

func (b *cardBrowser) onSuspendTapped() {
	c := b.selected
	if c == nil {
		return
	}
	b.s.setSuspended(c, !b.s.suspended(c))
}

// setSuspended suspends or restores c and shows the change everywhere
// once it is written.
func (s *cardsScreen) setSuspended(c *studyCard, on bool) {
	s.writeCards(func(st *store.Store) error { return st.SetCardSuspended(c.ID, on) }, "Could not change the card", func() {
		if on && s.current == c {
			s.current = nil
		}
	})
}

func (b *cardBrowser) onRevertTapped() {
	c := b.selected
	if c == nil {
		return
	}
	s := b.s
	if c.UserMade {
		dialog.ShowConfirm("Delete this card?",
			"The card and its review history will be removed. This cannot be undone.\n\n“"+clipText(oneLine(c.Question()), 120)+"”",
			func(ok bool) {
				if !ok {
					return
				}
				s.writeCards(func(st *store.Store) error { return st.DeleteUserCard(c.ID, true) }, "Could not delete the card", func() {
					if s.current == c {
						s.current = nil
					}
					b.selected = nil
				})
			}, s.svc.win)
		return
	}
	s.writeCards(func(st *store.Store) error { return st.DeleteUserCard(c.ID, false) }, "Could not restore the shipped wording", nil)
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
