package store

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/glossa-app/glossa/store/crashtest"
)

// TestCrashWhileAddingNotes kills a process adding notes, 50 times, at
// random moments: every note whose id it printed must be there, and the
// file must pass the full integrity check.
func TestCrashWhileAddingNotes(t *testing.T) {
	crashtest.Child("add-notes", func(out io.Writer) error {
		s, err := Open(os.Getenv("GLOSSA_CRASHTEST_DB"))
		if err != nil {
			return err
		}
		if _, err := s.ImportArticle(docV1); err != nil {
			return err
		}
		for i := 0; ; i++ {
			body := strings.Repeat(fmt.Sprintf("note %d ", i), 1+i%50)
			n, err := s.AddQuoteNote("vague offences", body, []string{"crash"})
			if err != nil {
				return err
			}
			// The id is printed only after AddNote's commit returned.
			if _, err := fmt.Fprintln(out, n.ID); err != nil {
				return err
			}
		}
	})
	if testing.Short() {
		t.Skip("crash test starts 50 processes")
	}
	path := t.TempDir() + "/glossa.db"
	var all []string
	crashtest.Run(t, crashtest.Options{
		Child: "add-notes", Test: t.Name(), Rounds: 50, MaxLines: 30, KillAfterStart: true,
		Env: []string{"GLOSSA_CRASHTEST_DB=" + path},
		Check: func(t testing.TB, round int, printed []string) {
			all = append(all, printed...)
			s, err := Open(path)
			if err != nil {
				t.Fatalf("round %d: Open after kill: %v", round, err)
			}
			defer s.Close()
			if s.Recovered() != "" {
				t.Fatalf("round %d: the file was damaged: %s", round, s.Recovered())
			}
			var ok string
			if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Fatalf("round %d: integrity_check = %q, %v", round, ok, err)
			}
			have := map[string]bool{}
			notes, err := s.Notes(NoteFilter{Tag: "crash"})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range notes {
				have[n.ID] = true
			}
			for _, id := range all {
				if !have[id] {
					t.Fatalf("round %d: note %s was printed but is gone", round, id)
				}
			}
			if len(notes) < len(all) {
				t.Fatalf("round %d: %d notes for %d printed ids", round, len(notes), len(all))
			}
			if hits, err := s.Search("crash", 1); err != nil || len(all) > 0 && len(hits) == 0 {
				t.Fatalf("round %d: search index after kill: %v %v", round, hits, err)
			}
		},
	})
	if len(all) < 50 {
		t.Fatalf("only %d notes printed in 50 rounds", len(all))
	}
	t.Logf("%d notes printed and found after 50 kills", len(all))
}
