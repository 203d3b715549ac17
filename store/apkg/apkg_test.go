package apkg

import (
	"archive/zip"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glossa-app/glossa/store"
)

func readCollection(t *testing.T, apkgPath string) *sql.DB {
	t.Helper()
	zr, err := zip.OpenReader(apkgPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(CollectionFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	path := filepath.Join(t.TempDir(), CollectionFile)
	out, _ := os.Create(path)
	io.Copy(out, f)
	out.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Two exports give every note and card the same ids and GUIDs, so Anki
// updates instead of duplicating; two reviews in one millisecond get two
// revlog rows; a suspended learning card stays a learning card.
func TestWriteStableAndExact(t *testing.T) {
	now := time.Date(2026, 12, 5, 15, 0, 0, 0, time.Local)
	at := now.Add(-time.Hour)
	learning := store.CardState{CardID: "b", State: 1, Step: 1, Stability: 2.3, Difficulty: 5.1,
		Due: now.Add(5 * time.Minute), LastReview: at, Suspended: true}
	p := Package{Now: now, LearningSteps: 2, RelearningSteps: 1, Notes: []Note{
		{GUID: "glossa-a", Fields: [4]string{"Q", "A", "passage", "§1"}, Deck: "Glossa::X"},
		{GUID: "glossa-b", Cloze: true, Fields: [4]string{"{{c1::x}} and {{c2::y}}", "", "", ""}, Deck: "Glossa::X",
			State: learning, Reviews: []store.Review{
				{CardID: "b", Rating: 3, ReviewedAt: at, Prev: store.CardState{CardID: "b"}},
				{CardID: "b", Rating: 3, ReviewedAt: at, Prev: store.CardState{CardID: "b", State: 1, Stability: 2.3, Difficulty: 5.1, Due: at, LastReview: at}},
			}},
	}}
	ids := func() map[string]int64 {
		path := filepath.Join(t.TempDir(), "x.apkg")
		if err := Write(path, p); err != nil {
			t.Fatal(err)
		}
		db := readCollection(t, path)
		m := map[string]int64{}
		rows, err := db.Query(`SELECT n.guid, n.id, c.id, c.type, c.queue, c.left, n.flds FROM notes n JOIN cards c ON c.nid = n.id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var guid, flds string
			var nid, cid int64
			var ctype, queue, left int
			rows.Scan(&guid, &nid, &cid, &ctype, &queue, &left, &flds)
			m[guid] = nid*10 + cid%10
			if guid == "glossa-b" && (ctype != 1 || queue != -1 || left != 1001 || flds != "{{c1::x}} and {{c1::y}}\x1f\x1f\x1f") {
				t.Errorf("suspended learning cloze card: type %d queue %d left %d fields %q", ctype, queue, left, flds)
			}
		}
		var n int
		db.QueryRow(`SELECT count(DISTINCT id) FROM revlog`).Scan(&n)
		if n != 2 {
			t.Errorf("%d revlog rows for 2 reviews in one millisecond", n)
		}
		return m
	}
	first, second := ids(), ids()
	if len(first) != 2 || first["glossa-a"] != second["glossa-a"] || first["glossa-b"] != second["glossa-b"] {
		t.Errorf("ids differ between exports: %v, %v", first, second)
	}
}

// Days are counted as Anki counts them: from the rollover at 4 a.m.
func TestAnkiDay(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	for _, tc := range []struct {
		a, b time.Time
		diff int64
	}{
		{time.Date(2026, 1, 1, 4, 0, 0, 0, loc), time.Date(2026, 1, 2, 3, 59, 0, 0, loc), 0},
		{time.Date(2026, 1, 1, 4, 0, 0, 0, loc), time.Date(2026, 1, 2, 4, 0, 0, 0, loc), 1},
		{time.Date(2026, 1, 1, 3, 0, 0, 0, loc), time.Date(2026, 1, 1, 5, 0, 0, 0, loc), 1},
		{time.Date(2026, 3, 28, 12, 0, 0, 0, loc), time.Date(2026, 4, 2, 12, 0, 0, 0, loc), 5},
	} {
		if got := ankiDay(tc.b) - ankiDay(tc.a); got != tc.diff {
			t.Errorf("days from %v to %v = %d, want %d", tc.a, tc.b, got, tc.diff)
		}
	}
}
