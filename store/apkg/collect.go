package apkg

import (
	"fmt"
	"time"

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
