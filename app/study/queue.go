package study

import (
	"sort"
	"time"

	"github.com/glossa-app/glossa/app/srs"
)

// Queue is what is left to review now: cards due (oldest first), then new
// cards in deck order up to today's limit; learning cards due within
// LearnAhead when nothing else is left.
type Queue struct {
	Due, Fresh, Ahead []*Card
	NewLeft           int // new cards still allowed today
}

// Today builds the queue at now from the cards, their schedules, the
// daily limit of new cards and how many were first seen today.
func Today(cards []*Card, states map[string]Schedule, now time.Time, limit, seenToday int) Queue {
	q := Queue{NewLeft: max(0, limit-seenToday)}
	for _, c := range cards {
		st, ok := states[c.ID]
		switch {
		case ok && st.Suspended:
		case IsNew(st, ok):
			if len(q.Fresh) < q.NewLeft {
				q.Fresh = append(q.Fresh, c)
			}
		case !st.Due.After(now):
			q.Due = append(q.Due, c)
		case st.State != srs.Review && !st.Due.After(now.Add(LearnAhead)):
			q.Ahead = append(q.Ahead, c)
		}
	}
	byDue := func(cs []*Card) {
		sort.SliceStable(cs, func(i, j int) bool { return states[cs[i].ID].Due.Before(states[cs[j].ID].Due) })
	}
	byDue(q.Due)
	byDue(q.Ahead)
	return q
}

// Next is the card to show now, nil when nothing is left.
func (q Queue) Next() *Card {
	for _, l := range [][]*Card{q.Due, q.Fresh, q.Ahead} {
		if len(l) > 0 {
			return l[0]
		}
	}
	return nil
}

// Has reports whether c is still to be reviewed now.
func (q Queue) Has(c *Card) bool {
	for _, l := range [][]*Card{q.Due, q.Fresh, q.Ahead} {
		for _, x := range l {
			if x == c {
				return true
			}
		}
	}
	return false
}

// NextDue is when the earliest scheduled card (neither new nor suspended)
// is due; zero when there is none.
func NextDue(cards []*Card, states map[string]Schedule) time.Time {
	var next time.Time
	for _, c := range cards {
		st, ok := states[c.ID]
		if ok && !st.Suspended && st.State != srs.New && (next.IsZero() || st.Due.Before(next)) {
			next = st.Due
		}
	}
	return next
}
