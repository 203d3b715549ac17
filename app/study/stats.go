package study

import (
	"math"
	"time"

	"github.com/glossa-app/glossa/app/srs"
)

// StatsDays is how far the statistics look back and ahead.
const StatsDays = 30

// Stats are the numbers behind the Stats charts, all by local day.
type Stats struct {
	Past      []time.Time // the last StatsDays days, oldest first; the last is today
	Reviews   []int       // reviews made on each of those days
	Retention []float64   // share of reviews of graduated cards passed that day; NaN without any
	Passed    int         // over the whole period
	Graduated int         // reviews of cards in Review state over the period
	Ahead     []time.Time // today and the StatsDays-1 days after it
	Due       []int       // cards due on each of those days; overdue ones count today
	Total     int         // reviews in the period
}

// ComputeStats counts reviews since the first of the past days, and the
// schedule of every card that is neither new nor suspended.
func ComputeStats(reviews []Review, states map[string]Schedule, now time.Time) Stats {
	today := StartOfDay(now)
	st := Stats{
		Past: make([]time.Time, StatsDays), Reviews: make([]int, StatsDays), Retention: make([]float64, StatsDays),
		Ahead: make([]time.Time, StatsDays), Due: make([]int, StatsDays),
	}
	for i := range StatsDays {
		st.Past[i] = today.AddDate(0, 0, i-(StatsDays-1))
		st.Ahead[i] = today.AddDate(0, 0, i)
	}
	passed := make([]int, StatsDays)
	graduated := make([]int, StatsDays)
	for _, r := range reviews {
		i := dayIndex(st.Past, r.At)
		if i < 0 {
			continue
		}
		st.Reviews[i]++
		st.Total++
		if r.PrevState == srs.Review {
			graduated[i]++
			if r.Rating > srs.Again {
				passed[i]++
			}
		}
	}
	for i := range StatsDays {
		st.Retention[i] = math.NaN()
		if graduated[i] > 0 {
			st.Retention[i] = float64(passed[i]) / float64(graduated[i])
		}
		st.Passed += passed[i]
		st.Graduated += graduated[i]
	}
	for _, c := range states {
		if c.Suspended || c.State == srs.New {
			continue
		}
		i := 0
		if c.Due.After(now) {
			i = dayIndex(st.Ahead, c.Due)
		}
		if i >= 0 {
			st.Due[i]++
		}
	}
	return st
}

// dayIndex is the index of the day in days (local midnights, one day
// apart) that t falls on, or -1.
func dayIndex(days []time.Time, t time.Time) int {
	d := StartOfDay(t)
	for i, day := range days {
		if d.Equal(day) {
			return i
		}
	}
	return -1
}
