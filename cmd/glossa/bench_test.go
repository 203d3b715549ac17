package main

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/storetest"
)

// BenchmarkNotesListJSON20000 runs "glossa notes list --json" on a
// database of 20,000 notes and 5,000 reviews (about 35 MB): open, article
// check, list, 35 MB of JSON (target: < 500 ms; it took 3.5 s).
func BenchmarkNotesListJSON20000(b *testing.B) {
	db := filepath.Join(b.TempDir(), "glossa.db")
	s, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	doc := parsedArticle(b)
	if _, err := s.ImportArticle(doc); err != nil {
		b.Fatal(err)
	}
	storetest.Fill(b, s, doc, 20000, 5000)
	s.Close()
	args := []string{"--db", db, "notes", "list", "--json"}
	if code := run(args, io.Discard, io.Discard); code != 0 { // the day's check
		b.Fatalf("exit %d", code)
	}
	storetest.LoopCPU(b, func() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	})
}
