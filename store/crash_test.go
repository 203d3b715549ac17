package store

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

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
			s := openAfterKill(t, path, round)
			defer s.Close()
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

// openAfterKill opens the file a crash-test child was killed on: it must
// open undamaged and pass the full integrity check.
func openAfterKill(t testing.TB, path string, round int) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: Open after kill: %v", round, err)
	}
	if s.Recovered() != "" {
		s.Close()
		t.Fatalf("round %d: the file was damaged: %s", round, s.Recovered())
	}
	var ok string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		s.Close()
		t.Fatalf("round %d: integrity_check = %q, %v", round, ok, err)
	}
	return s
}

// TestCrashWhileImporting kills a process importing bundles, 100 times:
// every import it reported done must be there whole, and the note every
// import replaces must have each earlier version in its history, so a
// kill never loses a note or a version of one.
func TestCrashWhileImporting(t *testing.T) {
	crashtest.Child("import", func(out io.Writer) error {
		s, err := Open(os.Getenv("GLOSSA_CRASHTEST_DB"))
		if err != nil {
			return err
		}
		if _, err := s.ImportArticle(docV1); err != nil {
			return err
		}
		run := fmt.Sprint(time.Now().UnixNano())
		for i := 0; ; i++ {
			now := time.Now().UTC().Format(time.RFC3339Nano)
			b := Bundle{Format: BundleFormat, Version: BundleVersion, Exported: now}
			b.Notes = append(b.Notes, BundleNote{ID: "shared", TargetKind: TargetSource, TargetID: "src",
				Body: "version " + run + "-" + fmt.Sprint(i), Tags: []string{}, Created: now, Updated: now})
			for k := range 3 {
				b.Notes = append(b.Notes, BundleNote{ID: fmt.Sprintf("n%s-%d-%d", run, i, k), TargetKind: TargetPassage,
					Quote: "vague offences", Body: strings.Repeat("imported ", 1+i%40), Tags: []string{"crash"}, Created: now, Updated: now})
			}
			data, _ := json.Marshal(b)
			if _, err := s.ImportBundle(data); err != nil {
				return err
			}
			// printed only after the import's commit returned
			if _, err := fmt.Fprintf(out, "%s-%d\n", run, i); err != nil {
				return err
			}
		}
	})
	if testing.Short() {
		t.Skip("crash test starts 100 processes")
	}
	path := t.TempDir() + "/glossa.db"
	var all []string
	crashtest.Run(t, crashtest.Options{
		Child: "import", Test: t.Name(), Rounds: 100, MaxLines: 15, KillAfterStart: true,
		Env: []string{"GLOSSA_CRASHTEST_DB=" + path},
		Check: func(t testing.TB, round int, printed []string) {
			all = append(all, printed...)
			s := openAfterKill(t, path, round)
			defer s.Close()
			for _, p := range all {
				for k := range 3 {
					if _, err := s.Note(fmt.Sprintf("n%s-%d", p, k)); err != nil {
						t.Fatalf("round %d: import %s was reported done but its note %d is gone: %v", round, p, k, err)
					}
				}
			}
			if len(all) == 0 {
				return
			}
			shared, err := s.Note("shared")
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			versions := map[string]bool{shared.Body: true}
			hist, err := s.NoteHistory("shared")
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range hist {
				versions[r.Body] = true
			}
			for _, p := range all {
				if !versions["version "+p] {
					t.Fatalf("round %d: version %s of the shared note is neither current nor in its history (%d kept)", round, p, len(hist))
				}
			}
		},
	})
	if len(all) < 100 {
		t.Fatalf("only %d imports reported in 100 rounds", len(all))
	}
	t.Logf("%d imports reported and found whole after 100 kills", len(all))
}
