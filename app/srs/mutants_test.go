package srs

import (
	"testing"
	"time"
)

// These tests state rules that mutation testing (scripts/mutate.sh)
// found no test stating: each failed to notice a one-line change of the
// code that breaks the rule.

// TestFuzzRangeByHand: the fuzz band of py-fsrs 6: delta = 1 + 0.15 per
// day between 2.5 and 7, + 0.1 per day between 7 and 20, + 0.05 per day
// beyond, rounded half to even either side, never under 2 days. Worked by
// hand: 5 days -> delta 1.375 -> [4, 6]; 10 -> 1.975 -> [8, 12];
// 30 -> 3.475 -> [27, 33]; 3 -> 1.075 -> [2, 4].
func TestFuzzRangeByHand(t *testing.T) {
	s := NewScheduler()
	for ivl, want := range map[int][2]int{2: {2, 2}, 3: {2, 4}, 5: {4, 6}, 10: {8, 12}, 30: {27, 33}} {
		if lo, hi := s.FuzzRange(ivl); lo != want[0] || hi != want[1] {
			t.Errorf("FuzzRange(%d) = [%d, %d], want [%d, %d]", ivl, lo, hi, want[0], want[1])
		}
	}
}

// TestFuzzSpreadsReviews: with fuzz on, a Review interval is spread over
// its band (seeds give different days), and the same seed gives the same
// day again. Like py-fsrs, which draws uniformly over hi-lo+1 days from lo
// and rounds, a draw may land one day past hi, never further.
func TestFuzzSpreadsReviews(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c := Card{State: Review, Stability: 30, Difficulty: 5, LastReview: now.Add(-30 * day), Due: now}
	plain, _, err := NewScheduler().Review(c, Good, now)
	if err != nil {
		t.Fatal(err)
	}
	ivl := wholeDays(plain.Due.Sub(now))
	lo, hi := NewScheduler().FuzzRange(ivl)
	days := map[int]bool{}
	for seed := range uint64(40) {
		got, _, err := NewScheduler().WithFuzz(seed).Review(c, Good, now)
		if err != nil {
			t.Fatal(err)
		}
		d := wholeDays(got.Due.Sub(now))
		if d < lo || d > hi+1 {
			t.Errorf("seed %d: %d days, outside the band [%d, %d] (+1 for rounding) of %d", seed, d, lo, hi, ivl)
		}
		days[d] = true
		again, _, _ := NewScheduler().WithFuzz(seed).Review(c, Good, now)
		if !again.Due.Equal(got.Due) {
			t.Errorf("seed %d gave %v, then %v", seed, got.Due, again.Due)
		}
	}
	if len(days) < 3 {
		t.Errorf("40 seeds gave %d different intervals (%v) for a %d-day interval: fuzz is not applied", len(days), days, ivl)
	}
}

// TestMoreStepsThanNowGraduates: a learning card at a step beyond the
// steps configured now graduates on any pass, and stays in learning on
// Again.
func TestMoreStepsThanNowGraduates(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := NewScheduler()
	c := Card{State: Learning, Step: len(s.LearningSteps) + 1, Stability: 2, Difficulty: 5, LastReview: now.Add(-10 * time.Minute), Due: now}
	for _, r := range []Rating{Hard, Good, Easy} {
		got, _, err := s.Review(c, r, now)
		if err != nil || got.State != Review {
			t.Errorf("rating %v: state %v, %v; want Review", r, got.State, err)
		}
	}
	if got, _, _ := s.Review(c, Again, now); got.State != Learning {
		t.Errorf("Again: state %v, want Learning", got.State)
	}
}

// TestValidateBounds: retention strictly between 0 and 1, a maximum
// interval of at least one day.
func TestValidateBounds(t *testing.T) {
	for _, tt := range []struct {
		retention float64
		max       int
		ok        bool
	}{{0, 100, false}, {1, 100, false}, {0.5, 100, true}, {0.9, 0, false}, {0.9, 1, true}} {
		s := NewScheduler()
		s.DesiredRetention, s.MaxInterval = tt.retention, tt.max
		if err := s.Validate(); (err == nil) != tt.ok {
			t.Errorf("retention %v, maximum %d days: Validate() = %v, want ok %v", tt.retention, tt.max, err, tt.ok)
		}
	}
}
