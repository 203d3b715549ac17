package apkg

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/glossa-app/glossa/store"
)

// BenchmarkWrite writes a package of 500 cards, each reviewed ten times:
// more than a student makes from one article in a term.
func BenchmarkWrite(b *testing.B) {
	now := time.Now()
	p := Package{Now: now, LearningSteps: 2, RelearningSteps: 1}
	for i := range 500 {
		n := Note{GUID: fmt.Sprintf("glossa-card-%d", i), Fields: [4]string{"Question", "Answer", "A passage of the article", "§3.3, fn 126"},
			Tags: []string{"sovereignty"}, Deck: "Glossa::UN Cybercrime Convention",
			State: store.CardState{CardID: "x", State: 2, Stability: 12, Difficulty: 5, Due: now.Add(72 * time.Hour), LastReview: now.Add(-time.Hour)}}
		for r := range 10 {
			at := now.Add(-time.Duration(10-r) * 24 * time.Hour).Add(time.Duration(i) * time.Second)
			n.Reviews = append(n.Reviews, store.Review{Rating: 3, ReviewedAt: at,
				Prev: store.CardState{State: 2, Stability: 10, Difficulty: 5, Due: at, LastReview: at.Add(-48 * time.Hour)}})
		}
		p.Notes = append(p.Notes, n)
	}
	path := filepath.Join(b.TempDir(), "bench.apkg")
	b.ResetTimer()
	for b.Loop() {
		if err := Write(path, p); err != nil {
			b.Fatal(err)
		}
	}
}
