package ui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/glossa-app/glossa/app/srs"
	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/crashtest"
)

// TestCrashWhileRating kills the app while it rates cards, 50 times, at
// random moments: each child builds the window as main does, rates cards
// through the Cards screen and prints a rating only once it has been
// written. Every printed rating must be in the review log afterwards,
// and the card's schedule must be at least that recent.
func TestCrashWhileRating(t *testing.T) {
	crashtest.Child("rate-cards", func(out io.Writer) error {
		doc, st, err := openCrashChildStore()
		if err != nil {
			return err
		}
		if err := st.SetSetting(keyNewLimit, "100"); err != nil {
			return err
		}
		// The clock goes on from the newest review, an hour a rating, so
		// learning cards come due and the session never runs dry.
		now := time.Now()
		if rs, err := st.Reviews(time.Time{}); err != nil {
			return err
		} else if len(rs) > 0 {
			now = rs[len(rs)-1].ReviewedAt.Add(time.Hour)
		}
		u := New(test.NewApp(), doc, st, Options{})
		s := u.ensureCards() // as the app's start does
		s.now = func() time.Time { return now }
		s.reload()
		for i := 0; ; i++ {
			if s.current == nil {
				return fmt.Errorf("nothing to review at %v", now)
			}
			id := s.current.ID
			r := srs.Ratings[i%4]
			s.reveal()
			if !s.rate(r) {
				return fmt.Errorf("rating %s of %s not given", r, id)
			}
			landed(u.services) // the rating is written off the UI goroutine
			if c, ok, err := st.CardState(id); err != nil || !ok || !c.LastReview.Equal(now) {
				return fmt.Errorf("rating %s of %s not saved: %+v %v", r, id, c, err)
			}
			if _, err := fmt.Fprintf(out, "%s %d %d\n", id, r, now.UnixNano()); err != nil {
				return err
			}
			now = now.Add(time.Hour)
		}
	})
	if testing.Short() {
		t.Skip("crash test starts 50 processes")
	}
	path := tempStorePath(t)
	var all []string
	crashtest.Run(t, crashtest.Options{
		Child: "rate-cards", Test: t.Name(), Rounds: 50, MaxLines: 30, KillAfterStart: true,
		Env: []string{"GLOSSA_CRASHTEST_DB=" + path},
		Check: func(t testing.TB, round int, printed []string) {
			all = append(all, printed...)
			st, err := store.Open(path)
			if err != nil {
				t.Fatalf("round %d: Open after kill: %v", round, err)
			}
			defer st.Close()
			if st.Recovered() != "" {
				t.Fatalf("round %d: the file was damaged: %s", round, st.Recovered())
			}
			rs, err := st.Reviews(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, r := range rs {
				have[fmt.Sprintf("%s %d %d", r.CardID, r.Rating, r.ReviewedAt.UnixNano())] = true
			}
			for _, line := range all {
				if !have[line] {
					t.Fatalf("round %d: rating %q was printed but is not in the review log", round, line)
				}
				var id string
				var rating int
				var at int64
				if _, err := fmt.Sscanf(line, "%s %d %d", &id, &rating, &at); err != nil {
					t.Fatalf("round %d: line %q: %v", round, line, err)
				}
				c, ok, err := st.CardState(id)
				if err != nil || !ok || c.LastReview.UnixNano() < at {
					t.Fatalf("round %d: card %s after its rating at %d: %+v %v %v", round, id, at, c, ok, err)
				}
			}
			if len(rs) < len(all) {
				t.Fatalf("round %d: %d reviews for %d printed ratings", round, len(rs), len(all))
			}
		},
	})
	if len(all) < 50 {
		t.Fatalf("only %d ratings printed in 50 rounds", len(all))
	}
	t.Logf("%d ratings printed and found in the review log after 50 kills (%s…)", len(all), strings.Fields(all[0])[0])
}
