package share_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// TestWatch: a change to a file in a watched folder reaches the layers
// without a scan asked for, and so does one after the folder was away.
func TestWatch(t *testing.T) {
	lecturer := openGlossa(t, "Prof. Ada Lee")
	student := openGlossa(t, "Sam")
	dir := t.TempDir()
	n := passageNote(t, lecturer, 3, "before class")
	publish(t, lecturer, dir, nil)

	folder, err := student.ShareFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	changed := make(chan struct{}, 100)
	folder.Changed = func() { changed <- struct{}{} }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { folder.Watch(ctx, 100*time.Millisecond); close(done) }()
	defer func() { cancel(); <-done }()

	// waitFor waits for the layer to hold body: each Changed is one scan
	waitFor := func(body string) {
		t.Helper()
		deadline := time.After(20 * time.Second)
		for {
			if l := folder.Layers(); len(l) == 1 && layerBodies(l[0])[n.ID] == body {
				return
			}
			select {
			case <-changed:
			case <-deadline:
				t.Fatalf("the layer never showed %q: %+v", body, folder.Status())
			}
		}
	}
	waitFor("before class")

	n.Body = "after class"
	if _, err := lecturer.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	publish(t, lecturer, dir, []json.RawMessage{})
	waitFor("after class")

	// the folder goes away and a new one comes in its place (the sync
	// engine made it again): its watch went with the old one
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n.Body = "the next week"
	if _, err := lecturer.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	publish(t, lecturer, dir, nil)
	waitFor("the next week")
}
