package share_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/store"
)

// TestPublisher: nothing is written when nothing changed; a run of
// changes is written once; a folder away is reported, not made; what is
// pending is written on quit.
func TestPublisher(t *testing.T) {
	s := openGlossa(t, "Sam")
	dir := t.TempDir()
	p, err := s.SharePublisher(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, p.File)
	if wrote, err := p.Publish(); !wrote || err != nil {
		t.Fatalf("first publish: wrote %v, %v", wrote, err)
	}
	if wrote, err := p.Publish(); wrote || err != nil {
		t.Errorf("publish without a change: wrote %v, %v; want nothing written", wrote, err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if wrote, _ := p.Publish(); !wrote {
		t.Error("a file removed from the folder was not written again")
	}

	published := make(chan struct{}, 4)
	p.Published = func() { published <- struct{}{} }
	p.Delay = 20 * time.Millisecond
	for i := range 5 {
		passageNote(t, s, 10+i, "typed")
	}
	for range 5 {
		p.Changed() // a save at every pause in the typing
	}
	select {
	case <-published:
	case <-time.After(10 * time.Second):
		t.Fatal("a run of changes was never published")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if l, err := store.ParseShare(data); err != nil || len(l.Notes) != 5 {
		t.Fatalf("the debounced publish wrote a file that reads as %v (%d notes)", err, len(l.Notes))
	}
	select {
	case <-published:
		t.Error("a run of five changes was published more than once")
	default:
	}

	// the drive is unplugged
	away := dir + "-away"
	if err := os.Rename(dir, away); err != nil {
		t.Fatal(err)
	}
	passageNote(t, s, 20, "on the train")
	p.Delay = time.Hour
	p.Changed()
	if err := p.Flush(); !errors.Is(err, share.ErrFolderGone) {
		t.Errorf("flush to a folder away = %v, want ErrFolderGone", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("publishing made the folder of an unplugged drive: %v", err)
	}
	if err := os.Rename(away, dir); err != nil {
		t.Fatal(err)
	}
	if err := p.Flush(); err != nil {
		t.Errorf("flush with the folder back: %v", err)
	}
	if wrote, _ := p.Publish(); wrote {
		t.Error("the flush on quit did not write what was pending")
	}
}
