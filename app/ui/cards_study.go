package ui

import (
	"strconv"
	"sync"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/app/study"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
)

// shippedCards is the shipped deck with the paragraph each card resolves
// to in doc.
func shippedCards(doc *article.Document) []study.Card {
	if !curated(doc) {
		return nil // the deck was written for the shipped article only
	}
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
	if v, ok := s.svc.setting(keyNewLimit); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return n
		}
	}
	return study.DefaultNewLimit
}

// newToday counts the cards first seen today.
func (s *cardsScreen) newToday() int {
	// ratings not yet written count too (NewSeen counts a card once). They
	// are taken before the store is read: a rating leaves this list only
	// after it is written, so it is in one or the other, never in neither
	// (the other way round, one written between the two reads was missed
	// and a sixth new card slipped past a limit of 5)
	pending := append([]store.Review(nil), s.saving.reviews...)
	rs, err := s.svc.st.Reviews(study.StartOfDay(s.now()))
	if err != nil {
		return 0
	}
	return study.NewSeen(studyReviews(append(rs, pending...)))
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
