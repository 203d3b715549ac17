package study

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/srs"
)

var now = time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)

func cards(ids ...string) []*Card {
	var out []*Card
	for _, id := range ids {
		out = append(out, &Card{Card: deck.Card{ID: id}})
	}
	return out
}

func ids(cs []*Card) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.ID)
	}
	return strings.Join(s, ",")
}

func TestToday(t *testing.T) {
	review := func(due time.Duration) Schedule { return Schedule{State: srs.Review, Due: now.Add(due)} }
	learning := func(due time.Duration) Schedule { return Schedule{State: srs.Learning, Due: now.Add(due)} }
	for _, tc := range []struct {
		name                   string
		states                 map[string]Schedule
		limit, seen            int
		due, fresh, ahead, nxt string
		newLeft                int
	}{
		{name: "all new, limit 2", limit: 2, fresh: "a,b", nxt: "a", newLeft: 2},
		{name: "limit used up today", limit: 2, seen: 2, nxt: "", newLeft: 0},
		{name: "seen more than the limit", limit: 1, seen: 3, newLeft: 0},
		{name: "due oldest first, before new", limit: 5,
			states: map[string]Schedule{"a": review(-time.Hour), "b": review(-2 * time.Hour)},
			due:    "b,a", fresh: "c,d", nxt: "b", newLeft: 5},
		{name: "suspended neither due nor new", limit: 5,
			states: map[string]Schedule{"a": {State: srs.Review, Due: now.Add(-time.Hour), Suspended: true}, "b": {Suspended: true}},
			fresh:  "c,d", nxt: "c", newLeft: 5},
		{name: "learning within learn-ahead comes last", limit: 0,
			states: map[string]Schedule{"a": learning(10 * time.Minute), "b": learning(5 * time.Minute), "c": learning(LearnAhead + time.Minute), "d": review(10 * time.Minute)},
			ahead:  "b,a", nxt: "b"},
		{name: "due exactly now is due", limit: 0, states: map[string]Schedule{"a": review(0)}, due: "a", nxt: "a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := Today(cards("a", "b", "c", "d"), tc.states, now, tc.limit, tc.seen)
			if ids(q.Due) != tc.due || ids(q.Fresh) != tc.fresh || ids(q.Ahead) != tc.ahead || q.NewLeft != tc.newLeft {
				t.Errorf("due %q fresh %q ahead %q left %d; want %q %q %q %d", ids(q.Due), ids(q.Fresh), ids(q.Ahead), q.NewLeft, tc.due, tc.fresh, tc.ahead, tc.newLeft)
			}
			got := ""
			if c := q.Next(); c != nil {
				got = c.ID
				if !q.Has(c) {
					t.Error("the next card is not in the queue")
				}
			}
			if got != tc.nxt {
				t.Errorf("next %q, want %q", got, tc.nxt)
			}
		})
	}
}

func TestNewSeen(t *testing.T) {
	first := func(id string) Review { return Review{CardID: id, PrevState: srs.New} }
	for _, tc := range []struct {
		name string
		rs   []Review
		want int
	}{
		{"none", nil, 0},
		{"one card rated twice", []Review{first("a"), {CardID: "a", PrevState: srs.Learning, PrevLastReview: now}}, 1},
		{"two cards", []Review{first("a"), first("b")}, 2},
		{"reset to new after a review is not new", []Review{{CardID: "a", PrevState: srs.New, PrevLastReview: now}}, 0},
	} {
		if got := NewSeen(tc.rs); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestStartOfDay(t *testing.T) {
	for _, tc := range []struct{ at, want time.Time }{
		{time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local), time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local)},
		{time.Date(2026, 3, 2, 23, 59, 59, 0, time.Local), time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local)},
		{time.Date(2026, 3, 1, 12, 0, 0, 0, time.Local), time.Date(2026, 3, 1, 0, 0, 0, 0, time.Local)},
	} {
		if got := StartOfDay(tc.at); !got.Equal(tc.want) {
			t.Errorf("StartOfDay(%v) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

// article is the part of the article merging asks about: two paragraphs,
// and a quote found again in p2.
type article struct{}

func (article) HasParagraph(id string) bool { return id == "p1" || id == "p2" }
func (article) Find(c deck.Card) string {
	if c.Anchor == "moved quote" {
		return "p2"
	}
	return ""
}

func TestMerge(t *testing.T) {
	shipped := []Card{
		{Card: deck.Card{ID: "s1", Type: deck.Basic, Front: "Q1", Back: "A1", Anchor: "quote one", Line: 3}, ParagraphID: "p1"},
		{Card: deck.Card{ID: "s2", Type: deck.Basic, Front: "Q2", Back: "A2"}, ParagraphID: "p2"},
	}
	edits := []Edit{
		{CardID: "s2", Type: deck.Basic, Front: "my Q2", Back: "my A2", Quote: "ignored"},
		{CardID: "gone", Type: deck.Basic, Front: "edit of a card no longer shipped"},
		{CardID: "u1", UserMade: true, Type: deck.Basic, Front: "mine", ParagraphID: "p1", Quote: "q"},
		{CardID: "u2", UserMade: true, Type: deck.Basic, Front: "moved", ParagraphID: "old", Quote: "moved quote"},
		{CardID: "u3", UserMade: true, Type: deck.Basic, Front: "lost", ParagraphID: "old", Quote: "lost quote"},
	}
	got := Merge(shipped, edits, article{})
	var rows []string
	for _, c := range got {
		rows = append(rows, strings.Join([]string{c.ID, c.Front, c.Anchor, c.ParagraphID, flag(c.Edited, "edited"), flag(c.UserMade, "mine")}, "|"))
	}
	want := []string{
		"s1|Q1|quote one|p1||",
		"s2|my Q2||p2|edited|",
		"u1|mine|q|p1||mine",
		"u2|moved|moved quote|p2||mine",
		"u3|lost|lost quote|||mine",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("merged:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if shipped[1].Front != "Q2" {
		t.Error("Merge changed the shipped deck it was given")
	}
}

func flag(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

func TestComputeStats(t *testing.T) {
	today := StartOfDay(now)
	d2 := today.AddDate(0, 0, -2).Add(9 * time.Hour)
	rs := []Review{
		{CardID: "a", At: d2, Rating: srs.Again, PrevState: srs.Review},
		{CardID: "b", At: d2.Add(time.Minute), Rating: srs.Good, PrevState: srs.Review},
		{CardID: "c", At: d2.Add(2 * time.Minute), Rating: srs.Good, PrevState: srs.Learning},
		{CardID: "d", At: now.Add(-time.Hour), Rating: srs.Easy, PrevState: srs.Review},
		{CardID: "e", At: today.AddDate(0, 0, -40), Rating: srs.Good, PrevState: srs.Review},
	}
	states := map[string]Schedule{
		"a": {State: srs.Relearning, Due: now.Add(-time.Hour)},
		"b": {State: srs.Review, Due: today.AddDate(0, 0, 3).Add(9 * time.Hour)},
		"c": {State: srs.Review, Due: today.AddDate(0, 0, 3).Add(20 * time.Hour)},
		"d": {State: srs.Review, Due: today.AddDate(0, 0, 29).Add(time.Hour)},
		"e": {State: srs.Review, Due: today.AddDate(0, 0, 45)},
		"n": {State: srs.New},
		"s": {State: srs.Review, Due: now, Suspended: true},
	}
	st := ComputeStats(rs, states, now)
	if st.Total != 4 || st.Reviews[StatsDays-3] != 3 || st.Reviews[StatsDays-1] != 1 || !st.Past[StatsDays-1].Equal(today) {
		t.Errorf("reviews %v total %d", st.Reviews, st.Total)
	}
	if st.Retention[StatsDays-3] != 0.5 || st.Retention[StatsDays-1] != 1 || !math.IsNaN(st.Retention[0]) {
		t.Errorf("retention %v", st.Retention)
	}
	if st.Passed != 2 || st.Graduated != 3 {
		t.Errorf("passed %d of %d, want 2 of 3", st.Passed, st.Graduated)
	}
	if st.Due[0] != 1 || st.Due[3] != 2 || st.Due[29] != 1 {
		t.Errorf("due %v", st.Due)
	}
}
