// Package storetest builds big study databases for the benchmarks of the
// store, the commands and the window: the size a student reaches after
// years of notes, written in one transaction so a fixture takes seconds.
// It also holds a database locked, or makes its writes fail, from a
// connection of its own, for the tests of what the window does meanwhile.
package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/anchor"
	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/store"
)

// Fill adds notes notes on passages of doc (the current article of s),
// with Markdown bodies of about 1,700 bytes (20,000 of them make a file of
// some 35 MB, as in issue 12), and reviews reviews of 500 cards. It leaves
// a backup and a passed integrity check behind, so that opening the file
// afterwards costs what a normal day's start does.
func Fill(tb testing.TB, s *store.Store, doc *article.Document, notes, reviews int) {
	tb.Helper()
	tx, err := s.DB().Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	rng := rand.New(rand.NewPCG(20000, uint64(notes)))
	now := time.Now().Add(-time.Hour)
	para := strings.Repeat("Reading notes on the convention, its negotiation and the positions of the States. ", 20)
	for i := range notes {
		pi := rng.IntN(len(doc.Paragraphs))
		text := doc.Paragraphs[pi].Text
		start := rng.IntN(max(1, len(text)-80))
		a := anchor.At(doc.Paragraphs, pi, start, min(len(text), start+20+rng.IntN(60)))
		if strings.TrimSpace(a.Exact) == "" {
			a = anchor.At(doc.Paragraphs, pi, 0, min(len(text), 40))
		}
		at := now.Add(time.Duration(i) * time.Millisecond).UnixNano()
		if _, err := tx.Exec(`INSERT INTO notes (id, target_kind, target_id, exact, prefix, suffix, para_index, start,
				body, tags, color, orphan, created_at, updated_at, article)
			VALUES (?, 'passage', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
			fmt.Sprintf("n%011d", i), doc.Paragraphs[pi].ID, a.Exact, a.Prefix, a.Suffix, a.Index, a.Start,
			fmt.Sprintf("**Note %d**: %s", i, para), fmt.Sprintf(`["tag%d","exam"]`, i%9),
			[]string{"", "yellow", "green", "blue"}[i%4], at, at, s.Current()); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range reviews {
		card := fmt.Sprintf("card-%d", i%500)
		at := now.Add(-time.Duration(reviews-i) * time.Minute).UnixNano()
		if _, err := tx.Exec(`INSERT INTO reviews (card_id, rating, reviewed_at, elapsed_ms, prev_state, prev_step,
				prev_stability, prev_difficulty, prev_due, prev_last_review, prev_suspended)
			VALUES (?, ?, ?, 4000, 2, 0, 3.5, 5.1, ?, ?, 0)`, card, 1+i%4, at, at, at); err != nil {
			tb.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO cards (card_id, state, step, stability, difficulty, due, last_review, suspended)
			VALUES (?, 2, 0, 3.5, 5.1, ?, ?, 0)
			ON CONFLICT (card_id) DO UPDATE SET last_review = excluded.last_review`, card, at+int64(24*time.Hour), at); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.BackupNow(time.Now()); err != nil {
		tb.Fatal(err)
	}
}

// LoopCPU runs f in b.Loop and reports, beside the wall time, the CPU
// time per run as cpu-ns/op.
func LoopCPU(b *testing.B, f func()) {
	b.Helper()
	c0, ok := startup.ProcessCPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if c1, _ := startup.ProcessCPU(); ok && n > 0 {
		b.ReportMetric(float64((c1-c0).Nanoseconds())/float64(n), "cpu-ns/op")
	}
}
