package apkg

import (
	"fmt"
	"time"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
)

// Collect makes a package of cards (the shipped deck with the student's
// own and edited cards laid over it) filed under deckName, each with its
// schedule and review log from st. Every note is stamped with now, so a
// second import of a newer export updates the notes the first one made.
func Collect(st *store.Store, cards []deck.ResolvedCard, deckName string, now time.Time) (Package, error) {
	states, err := st.CardStates()
	if err != nil {
		return Package{}, fmt.Errorf("apkg: %w", err)
	}
	stateOf := map[string]store.CardState{}
	for _, s := range states {
		stateOf[s.CardID] = s
	}
	reviews, err := st.Reviews(time.Time{})
	if err != nil {
		return Package{}, fmt.Errorf("apkg: %w", err)
	}
	reviewsOf := map[string][]store.Review{}
	for _, r := range reviews {
		reviewsOf[r.CardID] = append(reviewsOf[r.CardID], r)
	}
	sched := srs.NewScheduler()
	p := Package{Now: now, LearningSteps: len(sched.LearningSteps), RelearningSteps: len(sched.RelearningSteps)}
	for _, c := range cards {
		n := Note{GUID: deck.GUID(c.ID), Cloze: c.Type == deck.Cloze, Tags: deck.AnkiTags(c.Tags), Deck: deckName,
			Modified: now, State: stateOf[c.ID], Reviews: reviewsOf[c.ID]}
		copy(n.Fields[:], deck.AnkiFieldValues(c))
		p.Notes = append(p.Notes, n)
	}
	return p, nil
}

// StudentCards lays the student's own cards and their wording of shipped
// cards, read from st, over the shipped deck (see deck.WithStudentCards).
func StudentCards(st *store.Store, doc *article.Document, shipped []deck.ResolvedCard) ([]deck.ResolvedCard, error) {
	ucs, err := st.UserCards()
	if err != nil {
		return nil, err
	}
	student := make([]deck.StudentCard, len(ucs))
	for i, uc := range ucs {
		student[i] = deck.StudentCard{Card: deck.Card{ID: uc.CardID, Type: deck.Type(uc.Type), Front: uc.Front,
			Back: uc.Back, Tags: uc.Tags, Anchor: uc.Quote}, UserMade: uc.UserMade, ParagraphID: uc.ParagraphID}
	}
	return deck.WithStudentCards(shipped, student, doc), nil
}

// Export writes the package of one article's cards, the shipped deck
// with the student's cards over it, with their progress, at path. It is
// what the command line and the Cards screen both call.
func Export(st *store.Store, doc *article.Document, shipped []deck.ResolvedCard, path string, now time.Time) (Package, error) {
	cards, err := StudentCards(st, doc, shipped)
	if err != nil {
		return Package{}, fmt.Errorf("apkg: %w", err)
	}
	p, err := Collect(st, cards, deck.AnkiDeck, now)
	if err != nil {
		return Package{}, err
	}
	return p, Write(path, p)
}

// Reviewed counts the notes with a review history, and the reviews.
func (p Package) Reviewed() (cards, reviews int) {
	for _, n := range p.Notes {
		if len(n.Reviews) > 0 {
			cards++
		}
		reviews += len(n.Reviews)
	}
	return cards, reviews
}
