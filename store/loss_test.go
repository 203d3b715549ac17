package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The four ways of losing notes of issue 12, one test each. They use only
// the store's API and plain SQL, so that each also runs (and fails) on the
// code before the fix.

// Loss 1: a database file that is gone or empty while backups with notes
// exist must not start silently empty.
func TestLoss1MissingOrEmptyFileRestoresBackup(t *testing.T) {
	for _, c := range []struct {
		name  string
		spoil func(path string)
	}{
		{"deleted", func(path string) { os.Remove(path) }},
		{"emptied", func(path string) { os.WriteFile(path, nil, 0o600) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, path := openTemp(t)
			mustImport(t, s, docV1)
			n, err := s.AddQuoteNote("cornerstone", "kept in a backup", nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.BackupNow(time.Now().Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			s.Close()
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
			c.spoil(path)
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got, err := s.Note(n.ID); err != nil || got.Body != "kept in a backup" {
				t.Fatalf("database file %s, backup with the note beside it: note %s = %+v, %v; Recovered() = %q",
					c.name, n.ID, got, err, s.Recovered())
			}
			if msg := s.Recovered(); !strings.Contains(msg, "backup") {
				t.Fatalf("Recovered() = %q, want it to say the backup was restored", msg)
			}
		})
	}
}

// Loss 1, second half: pruning old backups must never delete the newest
// one that holds notes, even when every later backup is of an empty file.
func TestLoss1PruningKeepsBackupWithNotes(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	if _, err := s.AddQuoteNote("cornerstone", "only in the first backup", nil); err != nil {
		t.Fatal(err)
	}
	first, err := s.BackupNow(time.Now().Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	// the notes are lost (say the file was replaced by an empty one), and
	// ten days of backups follow
	if _, err := s.DB().Exec(`DELETE FROM notes`); err != nil {
		t.Fatal(err)
	}
	for d := 1; d <= 10; d++ {
		if _, err := s.BackupNow(time.Now().Add(time.Duration(d) * 25 * time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := pruneBackups(path); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("the only backup holding notes was pruned: %v", err)
	}
}

// Loss 2: the first backup must hold the first note, not the empty file
// of the first start.
func TestLoss2FirstBackupHoldsFirstNote(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	n, err := s.AddQuoteNote("cornerstone", "day one", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.WriteFile(path, bytes.Repeat([]byte("not a database \x00\xff"), 4096), 0o600)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Note(n.ID); err != nil {
		t.Fatalf("the note of day one is not in the backup restored: %v; Recovered() = %q", err, s.Recovered())
	}
}

// integrityDue makes the next Open run the full integrity check, as it
// does on its schedule; on the code before the fix every Open did.
func integrityDue(t *testing.T, s *Store) {
	t.Helper()
	if err := s.SetSetting("store.integrity_checked", "2000-01-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
}

// spoilPage overwrites one page of the file with random bytes, as
// dd if=/dev/urandom of=glossa.db bs=4096 seek=PAGE-1 count=1 does.
func spoilPage(t *testing.T, path string, page int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(uint64(page), 12))
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	if _, err := f.WriteAt(junk, (page-1)*4096); err != nil {
		t.Fatal(err)
	}
}

// reopenDamaged closes s with its integrity check due, spoils the last
// leaf page of table in the file and opens it again.
func reopenDamaged(t *testing.T, s *Store, path, table string) *Store {
	t.Helper()
	integrityDue(t, s)
	var page int64
	if err := s.DB().QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'`, table).Scan(&page); err != nil || page == 0 {
		t.Fatalf("no leaf page of %s: %v", table, err)
	}
	s.Close()
	spoilPage(t, path, page)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Loss 2, second half: when only the full-text index is hit, every note
// in the damaged file is still readable and must be kept, also the ten
// made after the newest backup.
func TestLoss2SalvageNotesFromDamagedFile(t *testing.T) {
	doc := realArticle(t)
	s, path := openTemp(t)
	mustImport(t, s, doc)
	before, err := s.AddQuoteNote(doc.Paragraphs[3].Text[:30], "before the backup", []string{"salvage"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	var after []string
	for i := range 10 {
		n, err := s.AddQuoteNote(doc.Paragraphs[10+i].Text[:30], fmt.Sprintf("after the backup %d", i), []string{"salvage"})
		if err != nil {
			t.Fatal(err)
		}
		after = append(after, n.ID)
	}
	s = reopenDamaged(t, s, path, "search_data")
	msg := s.Recovered()
	if msg == "" {
		t.Fatal("the damaged file was not noticed")
	}
	t.Log(msg)
	for _, id := range append([]string{before.ID}, after...) {
		if _, err := s.Note(id); err != nil {
			t.Fatalf("note %s readable in the damaged file is gone: %v; Recovered() = %q", id, err, msg)
		}
	}
	if hits, err := s.Search("after backup", 20); err != nil || len(hits) < 10 {
		t.Fatalf("search after the index was rebuilt: %d hits, %v", len(hits), err)
	}
	if m, _ := filepath.Glob(path + ".damaged-*"); len(m) == 0 {
		t.Fatal("the damaged file was not kept aside")
	}
}

// Loss 3: restore racing writers. Every note whose add returned must be in
// the restored database or in the safety copy Restore made first.
func TestLoss3RestoreRacingAdds(t *testing.T) {
	if testing.Short() {
		t.Skip("races restore against adds 50 times")
	}
	for round := range 50 {
		raceRestoreOnce(t, round)
		if t.Failed() {
			return
		}
	}
}

func raceRestoreOnce(t *testing.T, round int) {
	dir := t.TempDir()
	path := filepath.Join(dir, "glossa.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustImport(t, s, docV1)
	if _, err := s.AddQuoteNote("cornerstone", "in the file restored", nil); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "mine.glossa")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	other, err := Open(path) // another process adding notes
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	acks := make(chan string, 1<<16) // ids whose add returned
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				n, err := other.AddQuoteNote("vague offences", fmt.Sprintf("writer %d note %d", w, i), []string{"race"})
				if err != nil {
					t.Errorf("add: %v", err)
					return
				}
				acks <- n.ID
			}
		}()
	}
	var acked []string
	take := func(k int) { // waits for k more acknowledged adds
		for range k {
			acked = append(acked, <-acks)
		}
	}
	take(3) // the writers are going: restore under them
	saved, err := s.Restore(backup)
	if err != nil {
		close(stop)
		wg.Wait()
		t.Fatal(err)
	}
	take(3)
	close(stop)
	wg.Wait()
	close(acks)
	for id := range acks {
		acked = append(acked, id)
	}
	// read the safety copy through a copy, so that it stays as it was
	tmp := filepath.Join(dir, "safety-copy.db")
	if err := copyFile(saved, tmp); err != nil {
		t.Fatal(err)
	}
	sc, err := Open(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	have := map[string]bool{}
	for _, st := range []*Store{s, sc} {
		notes, err := st.Notes(NoteFilter{Tag: "race"})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			have[n.ID] = true
		}
	}
	for _, id := range acked {
		if !have[id] {
			t.Errorf("round %d: note %s was acknowledged but is neither in the restored database nor in the safety copy %s (%d acknowledged)",
				round, id, saved, len(acked))
			return
		}
	}
}

// Loss 4: a bundle whose note has a later (even future) time must not
// erase the local text: the local version is kept, and the 2099 time is
// not taken over.
func TestLoss4ImportKeepsLocalVersion(t *testing.T) {
	s, _ := openTemp(t)
	mustImport(t, s, docV1)
	local, err := s.AddQuoteNote("cornerstone", "my own careful work", []string{"mine"})
	if err != nil {
		t.Fatal(err)
	}
	bn := toBundleNote(local)
	bn.Body, bn.Tags, bn.Updated = "a classmate's text", []string{"theirs"}, "2099-01-01T00:00:00Z"
	data, _ := json.Marshal(Bundle{Format: BundleFormat, Version: BundleVersion, Exported: bn.Updated, Notes: []BundleNote{bn}})
	res, err := s.ImportBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.String(), "1 note updated, earlier version kept") {
		t.Errorf("summary %q does not say the earlier version was kept", res)
	}
	var kept int
	if err := s.DB().QueryRow(`SELECT count(*) FROM note_revisions WHERE note_id = ? AND body = ?`, local.ID, local.Body).Scan(&kept); err != nil || kept != 1 {
		t.Fatalf("the local text of note %s is kept nowhere after the import: %d revisions, %v", local.ID, kept, err)
	}
	n, err := s.Note(local.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n.Updated.After(time.Now()) {
		t.Fatalf("note %s took over the bundle's future time %v", n.ID, n.Updated)
	}
}

// TestSalvageMergesWithBackup: damage in the notes themselves. The backup
// is restored and every note still readable in the damaged file is copied
// in, the newer version winning (the backup's is kept in the history);
// the message says what came from where.
func TestSalvageMergesWithBackup(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	a, err := s.AddQuoteNote("cornerstone", "version in the backup", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	a.Body = "newer version, after the backup"
	if a, err = s.UpdateNote(a); err != nil {
		t.Fatal(err)
	}
	var later []string
	for i := range 12 {
		n, err := s.AddQuoteNote("vague offences", fmt.Sprintf("later %d %s", i, strings.Repeat("long text ", 300)), nil)
		if err != nil {
			t.Fatal(err)
		}
		later = append(later, n.ID)
	}
	s = reopenDamaged(t, s, path, "notes")
	msg := s.Recovered()
	t.Log(msg)
	if !strings.Contains(msg, "restored from the backup") || !strings.Contains(msg, "recovered") || !strings.Contains(msg, "notes") {
		t.Fatalf("Recovered() = %q", msg)
	}
	if n, err := s.Note(a.ID); err != nil || n.Body != "newer version, after the backup" {
		t.Fatalf("note changed after the backup: %+v, %v", n, err)
	}
	hist, err := s.NoteHistory(a.ID)
	if err != nil || len(hist) == 0 || hist[0].Body != "version in the backup" || hist[0].Source != RevisionRecovery {
		t.Fatalf("history of the merged note: %+v, %v", hist, err)
	}
	found := 0
	for _, id := range later {
		if _, err := s.Note(id); err == nil {
			found++
		}
	}
	if found == 0 || found == len(later) {
		t.Fatalf("%d of %d later notes found: the damaged page should cost some, not all", found, len(later))
	}
	if err := s.check(); err != nil {
		t.Fatal(err)
	}
}

// TestTwoOpensOfAMissingFile: two Glossa processes that start at once on a
// deleted file both end up on the one restored copy, undamaged.
func TestTwoOpensOfAMissingFile(t *testing.T) {
	s, path := openTemp(t)
	mustImport(t, s, docV1)
	n, err := s.AddQuoteNote("cornerstone", "kept in a backup", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for round := range 10 {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		var wg sync.WaitGroup
		stores := make([]*Store, 2)
		errs := make([]error, 2)
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = Open(path)
			}()
		}
		wg.Wait()
		for i, st := range stores {
			if errs[i] != nil {
				t.Fatalf("round %d, open %d: %v", round, i, errs[i])
			}
			if got, err := st.Note(n.ID); err != nil || got.Body != "kept in a backup" {
				t.Fatalf("round %d, open %d: note %v, %v", round, i, got, err)
			}
		}
		if err := stores[0].check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		stores[0].Close()
		stores[1].Close()
		if m, _ := filepath.Glob(path + ".restoring-*"); len(m) > 0 {
			t.Fatalf("round %d: left behind %v", round, m)
		}
	}
}
