package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// HoldWriteLock takes the write lock of the study database at path from a
// connection of its own (BEGIN IMMEDIATE), as a second Glossa or a backup
// tool in the middle of a write would, and keeps it until release is
// called or the test ends. Readers go on (the store runs in WAL mode);
// writers wait.
func HoldWriteLock(tb testing.TB, path string) (release func()) {
	tb.Helper()
	db, conn := open(tb, path)
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		db.Close()
		tb.Fatalf("storetest: lock %s: %v", path, err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			conn.ExecContext(context.Background(), "ROLLBACK")
			conn.Close()
			db.Close()
		})
	}
	tb.Cleanup(release)
	return release
}

// RefuseInserts makes every insert into table of the database at path
// fail with SQLite's error msg (a trigger), as a full disk or a damaged
// file would make a real write fail, until allow is called.
func RefuseInserts(tb testing.TB, path, table, msg string) (allow func()) {
	tb.Helper()
	db, conn := open(tb, path)
	defer conn.Close()
	ctx := context.Background()
	name := "storetest_refuse_" + table
	q := fmt.Sprintf(`CREATE TRIGGER %s BEFORE INSERT ON %s BEGIN SELECT RAISE(ABORT, '%s'); END`, name, table, strings.ReplaceAll(msg, "'", "''"))
	if _, err := conn.ExecContext(ctx, q); err != nil {
		db.Close()
		tb.Fatalf("storetest: refuse inserts into %s: %v", table, err)
	}
	return func() {
		defer db.Close()
		if _, err := db.Exec("DROP TRIGGER " + name); err != nil {
			tb.Fatalf("storetest: allow inserts into %s: %v", table, err)
		}
	}
}

// BusyError is the error a write meets while the database at path is held
// locked (HoldWriteLock): SQLite's own, from a connection that does not
// wait.
func BusyError(tb testing.TB, path string) error {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		tb.Fatalf("storetest: open %s: %v", path, err)
	}
	defer db.Close()
	_, err = db.Exec("BEGIN IMMEDIATE")
	if err == nil {
		db.Exec("ROLLBACK")
		tb.Fatalf("storetest: %s is not locked", path)
	}
	return err
}

func open(tb testing.TB, path string) (*sql.DB, *sql.Conn) {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		tb.Fatalf("storetest: open %s: %v", path, err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		tb.Fatalf("storetest: open %s: %v", path, err)
	}
	return db, conn
}
