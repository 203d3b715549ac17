package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/app/study"
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
	svc     *services
	nav     navigation
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
	current  *studyCard
	revealed bool
	shownAt  time.Time
	saving   ratingsSaving
	reviewView

	editor *cardEditor // the editor opened last
	browse *cardBrowser
	stats  *statsView
}

func newCardsScreen(svc *services, nav navigation) *cardsScreen {
	s := &cardsScreen{
		svc:   svc,
		nav:   nav,
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
	svc.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { s.onUndoShortcut() })
	return s
}

// onTabSelected gives the keyboard back to the review: the focus left in
// the browser's search field would take Space, 1-4 and Ctrl+Z.
func (s *cardsScreen) onTabSelected(*container.TabItem) {
	s.svc.win.Canvas().Unfocus()
	s.onShown()
}

func (s *cardsScreen) screen() screen {
	return screen{name: "Cards", icon: theme.GridIcon(), content: s.content, keys: s, shown: s.onShown}
}

// cardsCommands are the Cards screen's menu items and shortcuts; the
// menus exist before the screen (ensureCards), so each gets it first.
func cardsCommands(cards func() *cardsScreen) []command {
	return []command{
		{"Edit", "Undo Last Rating", fyne.KeyZ, fyne.KeyModifierShortcutDefault, func() { cards().onUndoShortcut() }},
		{"File", "Export Cards to Anki…", "", 0, func() { cards().onExportAnkiTapped() }},
	}
}

// loadDeck reads the shipped deck and ties its cards to the article. A
// card whose anchor no longer resolves is kept, without its passage.
func (s *cardsScreen) loadDeck() {
	s.setCards(study.Merge(shippedCards(s.svc.doc), nil, deckArticle{s.svc.doc}))
}

// reload reads the student's cards, edits and schedules from the store
// and refreshes everything shown.
func (s *cardsScreen) reload() {
	s.loadErr = ""
	s.states = map[string]store.CardState{}
	st := s.svc.st
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
	edits = append(edits, s.svc.sharing.cardEdits()...)
	s.setCards(study.Merge(shippedCards(s.svc.doc), edits, deckArticle{s.svc.doc}))
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

func (s *cardsScreen) paragraph(id string) int { return paragraphIndex(s.svc.doc, id) }

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
