// Package srs schedules flashcard reviews with FSRS-6, the Free Spaced
// Repetition Scheduler, written from the published algorithm so that it
// computes what the reference implementation (py-fsrs 6.3) computes.
//
// Everything here is a pure function of a card's memory state, a rating and
// a time: no storage, no clock, no GUI. The only state a Scheduler carries
// besides its settings is the optional random source for interval fuzz.
package srs

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// State is where a card stands in its learning cycle. The numbers are the
// ones the store keeps, so conversion is a plain type conversion.
type State int

const (
	New        State = 0 // never reviewed; scheduled like Learning at step 0
	Learning   State = 1 // working through the learning steps (minutes)
	Review     State = 2 // graduated: intervals in whole days
	Relearning State = 3 // forgotten in Review, working through relearning steps
)

var stateNames = [...]string{"new", "learning", "review", "relearning"}

func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Rating is the learner's answer to one review.
type Rating int

const (
	Again Rating = 1 // forgot
	Hard  Rating = 2 // recalled with serious difficulty
	Good  Rating = 3 // recalled after some hesitation
	Easy  Rating = 4 // recalled at once
)

// Ratings lists the four ratings in button order.
var Ratings = [...]Rating{Again, Hard, Good, Easy}

var ratingNames = [...]string{"", "again", "hard", "good", "easy"}

func (r Rating) String() string {
	if r.Valid() {
		return ratingNames[r]
	}
	return fmt.Sprintf("Rating(%d)", int(r))
}

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// ParseRating reads a rating from its name ("good"), its number ("3") or
// its initial letter ("G"), case-insensitively.
func ParseRating(s string) (Rating, error) {
	switch s {
	case "1", "a", "A", "again", "Again", "AGAIN":
		return Again, nil
	case "2", "h", "H", "hard", "Hard", "HARD":
		return Hard, nil
	case "3", "g", "G", "good", "Good", "GOOD":
		return Good, nil
	case "4", "e", "E", "easy", "Easy", "EASY":
		return Easy, nil
	}
	return 0, fmt.Errorf("srs: unknown rating %q (want again, hard, good or easy)", s)
}

// Card is the memory state of one card. The zero Card is a new card due at
// once. Stability is in days; 0 means "not yet known" (a new card).
type Card struct {
	State      State
	Step       int // index into the (re)learning steps; 0 in Review
	Stability  float64
	Difficulty float64
	Due        time.Time
	LastReview time.Time // zero when never reviewed
}

// ReviewLog records one review: what the card was before and what was
// decided.
type ReviewLog struct {
	Rating     Rating
	ReviewedAt time.Time
	Prev       Card          // the card before the review
	Interval   time.Duration // from ReviewedAt to the new due time
}

// Params are the 21 FSRS-6 model weights w0..w20.
type Params [21]float64

// DefaultParams are the FSRS-6 defaults.
var DefaultParams = Params{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
}

// Bounds of each weight as the reference implementation enforces them.
var (
	paramsLower = Params{0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
		0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1}
	paramsUpper = Params{100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
		5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8}
)

const (
	minStability  = 0.001
	minDifficulty = 1.0
	maxDifficulty = 10.0
	day           = 24 * time.Hour
)

// Scheduler holds the settings of FSRS. Build one with NewScheduler; the
// fields may be changed before use. A Scheduler with Fuzz set is not safe
// for concurrent use (the random source is shared).
type Scheduler struct {
	Params           Params
	DesiredRetention float64         // probability of recall aimed for at the due time
	LearningSteps    []time.Duration // for new cards
	RelearningSteps  []time.Duration // for cards forgotten in Review
	MaxInterval      int             // days
	// Fuzz spreads Review intervals of 3 days and more a little, so cards
	// learnt together do not stay together. nil turns fuzz off.
	Fuzz *rand.Rand
}

// NewScheduler returns the default scheduler of py-fsrs 6.3 with fuzz off:
// default weights, retention 0.9, learning steps 1m and 10m, one relearning
// step of 10m, maximum interval 36500 days.
func NewScheduler() *Scheduler {
	return &Scheduler{
		Params:           DefaultParams,
		DesiredRetention: 0.9,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		MaxInterval:      36500,
	}
}

// WithFuzz turns fuzz on with a random source seeded from seed, so that a
// run can be repeated; it returns s.
func (s *Scheduler) WithFuzz(seed uint64) *Scheduler {
	s.Fuzz = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return s
}

// Validate checks the settings: weights within the bounds the reference
// implementation enforces, retention strictly between 0 and 1, a positive
// maximum interval and positive steps.
func (s *Scheduler) Validate() error {
	for i, w := range s.Params {
		if !(w >= paramsLower[i] && w <= paramsUpper[i]) {
			return fmt.Errorf("srs: weight w%d = %v is out of bounds [%v, %v]", i, w, paramsLower[i], paramsUpper[i])
		}
	}
	if !(s.DesiredRetention > 0 && s.DesiredRetention < 1) {
		return fmt.Errorf("srs: desired retention %v is not between 0 and 1", s.DesiredRetention)
	}
	if s.MaxInterval < 1 {
		return fmt.Errorf("srs: maximum interval %d days is less than 1", s.MaxInterval)
	}
	for _, st := range append(append([]time.Duration(nil), s.LearningSteps...), s.RelearningSteps...) {
		if st <= 0 {
			return fmt.Errorf("srs: step %v is not positive", st)
		}
	}
	return nil
}

func (s *Scheduler) decay() float64 { return -s.Params[20] }

// factor makes retrievability exactly 0.9 when elapsed days equal stability.
func (s *Scheduler) factor() float64 { return math.Pow(0.9, 1/s.decay()) - 1 }

// Retrievability is the predicted probability of recalling c at now. Like
// the reference it counts elapsed time in whole days; a card never
// reviewed has retrievability 0.
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.LastReview.IsZero() || c.Stability <= 0 {
		return 0
	}
	elapsed := max(0, wholeDays(now.Sub(c.LastReview)))
	return math.Pow(1+s.factor()*float64(elapsed)/c.Stability, s.decay())
}

// wholeDays floors d to whole days, as Python's timedelta.days does
// (towards minus infinity, not towards zero).
func wholeDays(d time.Duration) int {
	n := d / day
	if d%day < 0 {
		n--
	}
	return int(n)
}

// Review applies rating r to card c at time now and returns the new card
// and a log of the review. It rejects an invalid rating or card state
// (returning c unchanged) rather than guessing.
func (s *Scheduler) Review(c Card, r Rating, now time.Time) (Card, ReviewLog, error) {
	if !r.Valid() {
		return c, ReviewLog{}, fmt.Errorf("srs: invalid rating %d", int(r))
	}
	if c.State < New || c.State > Relearning {
		return c, ReviewLog{}, fmt.Errorf("srs: invalid card state %d", int(c.State))
	}
	prev := c
	sinceLast, reviewedBefore := 0, !c.LastReview.IsZero()
	if reviewedBefore {
		sinceLast = wholeDays(now.Sub(c.LastReview))
	}
	sameDay := reviewedBefore && sinceLast < 1

	var interval time.Duration
	switch c.State {
	case New, Learning:
		if c.State == New || c.Stability <= 0 {
			c.Stability = s.initialStability(r)
			c.Difficulty = clampDifficulty(s.initialDifficulty(r))
		} else {
			c.Stability, c.Difficulty = s.nextMemory(c, r, now, sameDay)
		}
		c.State = Learning
		interval = s.stepInterval(&c, r, s.LearningSteps)

	case Review:
		c.Stability, c.Difficulty = s.nextMemory(c, r, now, sameDay)
		if r == Again && len(s.RelearningSteps) > 0 {
			c.State, c.Step = Relearning, 0
			interval = s.RelearningSteps[0]
		} else {
			interval = s.daysInterval(c.Stability)
		}

	case Relearning:
		c.Stability, c.Difficulty = s.nextMemory(c, r, now, sameDay)
		interval = s.stepInterval(&c, r, s.RelearningSteps)
	}

	if s.Fuzz != nil && c.State == Review {
		interval = s.fuzz(interval)
	}
	c.Due = now.Add(interval)
	c.LastReview = now
	return c, ReviewLog{Rating: r, ReviewedAt: now, Prev: prev, Interval: interval}, nil
}

// Preview returns the card each rating would give at now, for showing the
// next interval on the rating buttons. It never applies fuzz, so it leaves
// the random source untouched and shows the interval before fuzzing.
func (s *Scheduler) Preview(c Card, now time.Time) map[Rating]Card {
	plain := *s
	plain.Fuzz = nil
	out := make(map[Rating]Card, len(Ratings))
	for _, r := range Ratings {
		out[r], _, _ = plain.Review(c, r, now)
	}
	return out
}

// nextMemory is the stability and difficulty after a review of a card that
// already has them: the same-day formula when reviewed again within a day,
// the long-term one otherwise.
func (s *Scheduler) nextMemory(c Card, r Rating, now time.Time, sameDay bool) (stability, difficulty float64) {
	if sameDay {
		stability = s.shortTermStability(c.Stability, r)
	} else {
		stability = s.nextStability(c.Difficulty, c.Stability, s.Retrievability(c, now), r)
	}
	return stability, s.nextDifficulty(c.Difficulty, r)
}

// stepInterval moves c through (re)learning steps and returns the time to
// its next review, graduating it to Review after the last step or on Easy.
func (s *Scheduler) stepInterval(c *Card, r Rating, steps []time.Duration) time.Duration {
	graduate := func() time.Duration {
		c.State, c.Step = Review, 0
		return s.daysInterval(c.Stability)
	}
	// A card scheduled under more steps than there are now graduates on
	// any pass, like in the reference.
	if len(steps) == 0 || (c.Step >= len(steps) && r != Again) {
		return graduate()
	}
	switch r {
	case Again:
		c.Step = 0
		return steps[0]
	case Hard:
		switch {
		case c.Step == 0 && len(steps) == 1:
			return steps[0] * 3 / 2
		case c.Step == 0:
			return (steps[0] + steps[1]) / 2
		default:
			return steps[c.Step]
		}
	case Good:
		if c.Step+1 >= len(steps) {
			return graduate()
		}
		c.Step++
		return steps[c.Step]
	default: // Easy
		return graduate()
	}
}

func (s *Scheduler) initialStability(r Rating) float64 {
	return max(s.Params[r-1], minStability)
}

func (s *Scheduler) initialDifficulty(r Rating) float64 {
	return s.Params[4] - math.Exp(s.Params[5]*float64(r-1)) + 1
}

func clampDifficulty(d float64) float64 { return min(max(d, minDifficulty), maxDifficulty) }

// nextDifficulty moves difficulty by the rating, damped linearly as it
// nears 10, then reverts it a little towards the initial difficulty of an
// Easy first answer.
func (s *Scheduler) nextDifficulty(d float64, r Rating) float64 {
	delta := -s.Params[6] * float64(r-3)
	damped := d + (10-d)*delta/9
	reverted := s.Params[7]*s.initialDifficulty(Easy) + (1-s.Params[7])*damped
	return clampDifficulty(reverted)
}

// shortTermStability is stability after a second review on the same day
// (w17..w19); a pass never lowers it.
func (s *Scheduler) shortTermStability(st float64, r Rating) float64 {
	inc := math.Exp(s.Params[17]*(float64(r)-3+s.Params[18])) * math.Pow(st, -s.Params[19])
	if r == Good || r == Easy {
		inc = max(inc, 1)
	}
	return max(st*inc, minStability)
}

func (s *Scheduler) nextStability(d, st, retr float64, r Rating) float64 {
	var next float64
	if r == Again {
		longTerm := s.Params[11] * math.Pow(d, -s.Params[12]) * (math.Pow(st+1, s.Params[13]) - 1) *
			math.Exp((1-retr)*s.Params[14])
		shortTerm := st / math.Exp(s.Params[17]*s.Params[18])
		next = min(longTerm, shortTerm)
	} else {
		hardPenalty, easyBonus := 1.0, 1.0
		if r == Hard {
			hardPenalty = s.Params[15]
		}
		if r == Easy {
			easyBonus = s.Params[16]
		}
		next = st * (1 + math.Exp(s.Params[8])*(11-d)*math.Pow(st, -s.Params[9])*
			(math.Exp((1-retr)*s.Params[10])-1)*hardPenalty*easyBonus)
	}
	return max(next, minStability)
}

// IntervalDays is the Review interval in whole days for a stability: the
// time until retrievability falls to the desired retention, rounded half
// to even as Python rounds, at least 1 day and at most MaxInterval.
func (s *Scheduler) IntervalDays(stability float64) int {
	ivl := stability / s.factor() * (math.Pow(s.DesiredRetention, 1/s.decay()) - 1)
	n := int(math.RoundToEven(ivl))
	return min(max(n, 1), s.MaxInterval)
}

func (s *Scheduler) daysInterval(stability float64) time.Duration {
	return time.Duration(s.IntervalDays(stability)) * day
}

// fuzzRanges widen the fuzz band by factor per day of interval between
// start and end.
var fuzzRanges = []struct{ start, end, factor float64 }{
	{2.5, 7, 0.15},
	{7, 20, 0.1},
	{20, math.Inf(1), 0.05},
}

// FuzzRange is the band [lo, hi] of whole days a Review interval of ivl
// days may be fuzzed to. Intervals under 2.5 days are not fuzzed.
func (s *Scheduler) FuzzRange(ivl int) (lo, hi int) {
	if float64(ivl) < 2.5 {
		return ivl, ivl
	}
	delta := 1.0
	for _, fr := range fuzzRanges {
		delta += fr.factor * max(min(float64(ivl), fr.end)-fr.start, 0)
	}
	lo = int(math.RoundToEven(float64(ivl) - delta))
	hi = int(math.RoundToEven(float64(ivl) + delta))
	lo = max(2, lo)
	hi = min(hi, s.MaxInterval)
	lo = min(lo, hi)
	return lo, hi
}

func (s *Scheduler) fuzz(interval time.Duration) time.Duration {
	ivl := wholeDays(interval)
	if float64(ivl) < 2.5 {
		return interval
	}
	lo, hi := s.FuzzRange(ivl)
	f := s.Fuzz.Float64()*float64(hi-lo+1) + float64(lo)
	days := min(int(math.RoundToEven(f)), s.MaxInterval)
	return time.Duration(days) * day
}
