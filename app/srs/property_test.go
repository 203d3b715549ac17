package srs

import (
	"math/rand/v2"
	"testing"
	"time"
)

// randomHistory walks a card through n random reviews at random times
// around its due time and calls check before and after each one.
func randomHistory(t *testing.T, s *Scheduler, rng *rand.Rand, n int, check func(prev, next Card, r Rating, now time.Time)) {
	t.Helper()
	var c Card
	now := start
	for range n {
		r := Ratings[rng.IntN(4)]
		next := review(t, s, c, r, now)
		check(c, next, r, now)
		c = next
		// Review early, on time or late: from a minute to three times the
		// scheduled interval after the review.
		ivl := c.Due.Sub(now)
		now = now.Add(time.Minute + time.Duration(rng.Float64()*3*float64(ivl)))
	}
}

func TestPropertyDueAfterReview(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 1))
		for _, s := range []*Scheduler{NewScheduler(), NewScheduler().WithFuzz(seed)} {
			randomHistory(t, s, rng, 30, func(prev, next Card, r Rating, now time.Time) {
				if !next.Due.After(now) {
					t.Fatalf("seed %d: %v on %+v at %v: due %v is not after the review", seed, r, prev, now, next.Due)
				}
				if !next.LastReview.Equal(now) {
					t.Fatalf("seed %d: last review %v, want %v", seed, next.LastReview, now)
				}
				if next.Difficulty < 1 || next.Difficulty > 10 || next.Stability < minStability {
					t.Fatalf("seed %d: memory out of range: S=%v D=%v", seed, next.Stability, next.Difficulty)
				}
			})
		}
	}
}

func TestPropertyMaxInterval(t *testing.T) {
	for _, maxIvl := range []int{1, 3, 30, 36500} {
		for seed := range uint64(50) {
			rng := rand.New(rand.NewPCG(seed, 2))
			s := NewScheduler().WithFuzz(seed)
			s.MaxInterval = maxIvl
			// Mostly Easy, so stability climbs to the cap.
			var c Card
			now := start
			for range 40 {
				r := Easy
				if rng.IntN(6) == 0 {
					r = Ratings[rng.IntN(4)]
				}
				c = review(t, s, c, r, now)
				if got := c.Due.Sub(now); got > time.Duration(maxIvl)*day {
					t.Fatalf("max %d, seed %d: interval %v", maxIvl, seed, got)
				}
				now = c.Due
			}
		}
	}
	// Stability alone can exceed any cap; the interval still may not.
	s := NewScheduler()
	c := Card{State: Review, Stability: 1e6, Difficulty: 1, LastReview: start, Due: start}
	c = review(t, s, c, Easy, start.AddDate(100, 0, 0))
	if got := c.Due.Sub(c.LastReview); got != 36500*day {
		t.Errorf("huge stability: interval %v, want 36500 days", got)
	}
}

func TestPropertyEasyNotSoonerThanGood(t *testing.T) {
	s := NewScheduler()
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 3))
		randomHistory(t, s, rng, 25, func(prev, _ Card, _ Rating, now time.Time) {
			p := s.Preview(prev, now)
			if p[Easy].Due.Before(p[Good].Due) {
				t.Fatalf("seed %d: from %+v at %v easy is due %v, good %v", seed, prev, now, p[Easy].Due, p[Good].Due)
			}
			if p[Good].Stability < p[Hard].Stability || p[Easy].Stability < p[Good].Stability {
				t.Fatalf("seed %d: stability not ordered by rating: hard %v good %v easy %v",
					seed, p[Hard].Stability, p[Good].Stability, p[Easy].Stability)
			}
		})
	}
}
