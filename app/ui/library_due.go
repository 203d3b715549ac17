package ui

import (
	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/study"
	"github.com/glossa-app/glossa/store"
)

// dueCounts are the cards due in every article of the library: the open
// one as its Cards screen counts them (shared cards and cards not yet
// saved included); every other from the student's own cards of it (and
// the shipped deck for the shipped article) and the schedules, the same
// rule (study.Today) deciding. An article whose cards cannot be read has
// no count rather than a wrong one.
func (u *UI) dueCounts() map[string]int {
	cards := u.ensureCards()
	out := map[string]int{u.articleID: len(cards.queue().due)}
	st := u.st
	states, err := st.CardStates()
	if err != nil {
		fyne.LogError("library: cards due", err)
		return out
	}
	schedules := make(map[string]study.Schedule, len(states))
	for _, c := range states {
		schedules[c.CardID] = schedule(c)
	}
	now := cards.now()
	for _, a := range u.shelfScreen.items {
		if a.ID == u.articleID {
			continue
		}
		cards, err := ownStudyCards(st, a)
		if err != nil {
			fyne.LogError("library: cards due in "+a.ID, err)
			continue
		}
		// new cards are not due: the limit of new ones does not matter
		out[a.ID] = len(study.Today(cards, schedules, now, 0, 0).Due)
	}
	return out
}

// ownStudyCards are the cards of article a as far as due counts go: the
// shipped deck's when it is the shipped article, and those the student
// made (an edit of a shipped card is the same card).
func ownStudyCards(st *store.Store, a store.ArticleInfo) ([]*study.Card, error) {
	var cards []*study.Card
	if a.Shipped {
		for _, c := range shippedDeck() {
			cards = append(cards, &study.Card{Card: c})
		}
	}
	own, err := st.UserCardsOf(a.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range own {
		if c.UserMade {
			cards = append(cards, &study.Card{Card: deck.Card{ID: c.CardID}, UserMade: true})
		}
	}
	return cards, nil
}
