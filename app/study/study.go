// Package study holds the rules of studying the cards, apart from any
// window or database: the shipped deck merged with the student's edits and
// own cards, today's queue with its limit of new cards and learn-ahead,
// the statistics and the student's "day". The Cards screen shows what
// these functions decide; the tests here check them as plain tables.
package study

import (
	"time"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
)

// DefaultNewLimit is the number of new cards a day Anki and most FSRS
// front ends start with.
const DefaultNewLimit = 20

// LearnAhead lets a learning card due within this time come back early
// when nothing else is left, so a session does not stop for a 10-minute
// step.
const LearnAhead = 20 * time.Minute

// Card is a card as the student sees it: the shipped text or their own
// wording of it, or a card they made from a passage.
type Card struct {
	deck.Card
	ParagraphID string
	UserMade    bool
	Edited      bool // a shipped card with the student's own wording
}

// Schedule is what the scheduler last decided for a card.
type Schedule struct {
	State      srs.State
	Due        time.Time
	LastReview time.Time
	Suspended  bool
}

// Review is one rating as the rules need it: which card, when, how, and
// what the card was before.
type Review struct {
	CardID         string
	Rating         srs.Rating
	At             time.Time
	PrevState      srs.State
	PrevLastReview time.Time
}

// Edit is a card the student wrote: their own wording of a shipped card,
// or (UserMade) a card of their own.
type Edit struct {
	CardID      string
	UserMade    bool
	Type        deck.Type
	Front, Back string
	Tags        []string
	ParagraphID string
	Quote       string
}

// Article is what merging needs of the article: whether a paragraph is
// still there, and where a quote is now.
type Article interface {
	HasParagraph(id string) bool
	// Find is the paragraph holding quote, "" when it is gone.
	Find(c deck.Card) string
}

// Merge lays the student's edits over the shipped deck (whose cards carry
// the paragraphs they resolved to) and appends the cards they made, in
// the order written. An edit of a card no longer shipped is dropped; a
// card whose paragraph is gone finds its quote again.
func Merge(shipped []Card, edits []Edit, a Article) []*Card {
	out := make([]*Card, 0, len(shipped)+len(edits))
	byID := make(map[string]*Card, len(shipped))
	for _, c := range shipped {
		c := c
		out = append(out, &c)
		byID[c.ID] = &c
	}
	for _, e := range edits {
		c := deck.Card{ID: e.CardID, Type: e.Type, Front: e.Front, Back: e.Back, Tags: e.Tags, Anchor: e.Quote}
		if sc, ok := byID[e.CardID]; ok && !e.UserMade {
			c.Anchor, c.Line = sc.Anchor, sc.Line
			sc.Card, sc.Edited = c, true
			continue
		}
		if !e.UserMade {
			continue
		}
		pid := e.ParagraphID
		if !a.HasParagraph(pid) && e.Quote != "" {
			pid = a.Find(c) // the article changed under the card
		}
		sc := &Card{Card: c, ParagraphID: pid, UserMade: true}
		out = append(out, sc)
		byID[sc.ID] = sc
	}
	return out
}

// StartOfDay is local midnight of the day of t: counts and limits are per
// day as the student lives it.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Local().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// IsNew reports whether a card with this schedule (ok: it has one) was
// never reviewed and is not suspended.
func IsNew(s Schedule, ok bool) bool { return !ok || (s.State == srs.New && !s.Suspended) }

// NewSeen counts the cards first seen in reviews: those whose state
// before the rating was new and never reviewed.
func NewSeen(reviews []Review) int {
	seen := map[string]bool{}
	for _, r := range reviews {
		if r.PrevState == srs.New && r.PrevLastReview.IsZero() {
			seen[r.CardID] = true
		}
	}
	return len(seen)
}
