package store_test

import (
	"path/filepath"
	"testing"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/assets"
	"github.com/glossa-app/glossa/store"
	"github.com/glossa-app/glossa/store/storetest"
)

// bigStore is a closed database file holding 20,000 notes and 5,000
// reviews on the real article (about 35 MB), opened once since.
func bigStore(b *testing.B) string {
	b.Helper()
	doc, err := article.Parse(assets.Article)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "glossa.db")
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.ImportArticle(doc); err != nil {
		b.Fatal(err)
	}
	storetest.Fill(b, s, doc, 20000, 5000)
	s.Close()
	// the first open after the fill runs the day's integrity check
	if s, err = store.Open(path); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkOpen20000 opens and closes a database of 20,000 notes and
// 5,000 reviews on a day its check and backup are done (target: < 150 ms;
// a full quick_check on every open cost about 1.2 s).
func BenchmarkOpen20000(b *testing.B) {
	path := bigStore(b)
	storetest.LoopCPU(b, func() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if s.Recovered() != "" {
			b.Fatal(s.Recovered())
		}
		s.Close()
	})
}

// BenchmarkNotes20000 opens the database and lists every note, what
// "glossa notes list --json" asks of the store (its own benchmark, in
// cmd/glossa, adds the article and the JSON).
func BenchmarkNotes20000(b *testing.B) {
	path := bigStore(b)
	storetest.LoopCPU(b, func() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		notes, err := s.Notes(store.NoteFilter{})
		if err != nil || len(notes) != 20000 {
			b.Fatalf("%d notes, %v", len(notes), err)
		}
		s.Close()
	})
}

// BenchmarkIntegrityCheck20000 is SQLite's full integrity check of the same
// file: what every open paid before (as quick_check), and what the first
// open of a day pays now.
func BenchmarkIntegrityCheck20000(b *testing.B) {
	s, err := store.Open(bigStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, pragma := range []string{"quick_check", "integrity_check"} {
		b.Run(pragma, func(b *testing.B) {
			storetest.LoopCPU(b, func() {
				var ok string
				if err := s.DB().QueryRow(`PRAGMA ` + pragma).Scan(&ok); err != nil || ok != "ok" {
					b.Fatalf("%s = %q, %v", pragma, ok, err)
				}
			})
		})
	}
}
