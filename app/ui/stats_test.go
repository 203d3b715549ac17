package ui

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
)

// The charts show what is in the store: reviews per day counted by local
// day, retention from reviews of cards in Review, and the due forecast
// from the schedules, with overdue cards on today.
func TestStatsFromStore(t *testing.T) {
	st := tempStore(t)
	now := time.Date(2026, 3, 20, 15, 0, 0, 0, time.Local)
	today := startOfDay(now)
	save := func(id string, at time.Time, rating int, prevState int, next store.CardState) {
		t.Helper()
		next.CardID = id
		if err := st.SaveReview(store.Review{CardID: id, Rating: rating, ReviewedAt: at,
			Prev: store.CardState{CardID: id, State: prevState, LastReview: at.Add(-time.Hour)}}, next); err != nil {
			t.Fatal(err)
		}
	}
	// 3 reviews 2 days ago (2 of graduated cards, 1 passed), 1 today (a
	// graduated card, passed), 1 of 40 days ago that is out of range.
	d2 := today.AddDate(0, 0, -2).Add(10 * time.Hour)
	save("a", d2, 1, int(srs.Review), store.CardState{State: int(srs.Relearning), Due: now.Add(-time.Hour)}) // overdue: today
	save("b", d2.Add(time.Minute), 3, int(srs.Review), store.CardState{State: int(srs.Review), Due: today.AddDate(0, 0, 3).Add(9 * time.Hour)})
	save("c", d2.Add(2*time.Minute), 3, int(srs.Learning), store.CardState{State: int(srs.Review), Due: today.AddDate(0, 0, 3).Add(20 * time.Hour)})
	save("d", now.Add(-time.Hour), 4, int(srs.Review), store.CardState{State: int(srs.Review), Due: today.AddDate(0, 0, 29).Add(time.Hour)})
	save("e", today.AddDate(0, 0, -40), 3, int(srs.Review), store.CardState{State: int(srs.Review), Due: today.AddDate(0, 0, 45)}) // beyond the forecast
	if err := st.SetCardSuspended("b", true); err != nil {
		t.Fatal(err)
	}
	_, s := cardsUI(t, st, &now)
	s.tabs.SelectIndex(2)
	d := s.stats.data

	wantReviews := make([]int, statsDays)
	wantReviews[statsDays-3], wantReviews[statsDays-1] = 3, 1
	for i := range wantReviews {
		if d.Reviews[i] != wantReviews[i] {
			t.Errorf("reviews on %s = %d, want %d", d.Past[i].Format("2 Jan"), d.Reviews[i], wantReviews[i])
		}
		if got := s.stats.reviews.values[i]; got != float64(wantReviews[i]) {
			t.Errorf("reviews chart bar %d = %v, want %d", i, got, wantReviews[i])
		}
	}
	if !d.Past[statsDays-1].Equal(today) || d.Total != 4 {
		t.Fatalf("last day %v, total %d", d.Past[statsDays-1], d.Total)
	}
	if r := d.Retention[statsDays-3]; r != 0.5 {
		t.Errorf("retention 2 days ago = %v, want 0.5", r)
	}
	if r := d.Retention[statsDays-1]; r != 1 {
		t.Errorf("retention today = %v, want 1", r)
	}
	if !math.IsNaN(d.Retention[0]) {
		t.Errorf("retention on a day without reviews = %v, want none", d.Retention[0])
	}
	if d.Passed != 2 || d.Graduated != 3 {
		t.Errorf("retention totals %d of %d, want 2 of 3", d.Passed, d.Graduated)
	}
	if !strings.Contains(s.stats.retLabel.Text, "67% (2 of 3)") {
		t.Errorf("retention label %q", s.stats.retLabel.Text)
	}
	wantDue := make([]int, statsDays)
	wantDue[0], wantDue[3], wantDue[29] = 1, 1, 1 // a overdue, c in 3 days (b suspended), d in 29
	for i := range wantDue {
		if d.Due[i] != wantDue[i] {
			t.Errorf("due on %s = %d, want %d", d.Ahead[i].Format("2 Jan"), d.Due[i], wantDue[i])
		}
	}
	if got := s.stats.summary.Text; !strings.Contains(got, "4 reviews in the last 30 days, 1 today. 1 cards due today, 2 in the next 7 days.") {
		t.Errorf("summary %q", got)
	}
}

func TestAxisTop(t *testing.T) {
	for _, tc := range []struct{ max, top, step float64 }{
		{0, 1, 1}, {1, 1, 1}, {3, 3, 1}, {4, 4, 1}, {5, 6, 2}, {7, 8, 2}, {9, 10, 5}, {17, 20, 5}, {21, 30, 10}, {84, 100, 50},
	} {
		top, step := axisTop(tc.max)
		if top != tc.top || step != tc.step {
			t.Errorf("axisTop(%v) = %v, %v; want %v, %v", tc.max, top, step, tc.top, tc.step)
		}
	}
}
