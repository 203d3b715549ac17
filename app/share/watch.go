package share

import (
	"context"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Settle is how long a watcher waits after the last event before it
// reads: a sync engine's rename and an editor's several writes come as
// a burst, read once.
const Settle = 50 * time.Millisecond

// Rescan is how often a watched folder is read in full as well: network
// drives and some sync engines send no notification at all, and a folder
// that came back (a drive plugged in again) must be watched again.
const Rescan = 10 * time.Second

// Watch scans the folder, then again whenever the file system reports a
// change in it (after Settle) and every rescan, until ctx ends. Changed
// is called after every scan that changed something. A folder that cannot
// be watched (gone, or a file system without notifications) is still
// rescanned, and watched again once it can be.
func (f *Folder[T]) Watch(ctx context.Context, rescan time.Duration) {
	if rescan <= 0 {
		rescan = Rescan
	}
	notify := func(changed bool) {
		if changed && f.Changed != nil {
			f.Changed()
		}
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		w = nil // no notifications on this system: the rescans alone
	} else {
		defer w.Close()
	}
	watching := false
	watch := func() {
		if w != nil && !watching {
			watching = w.Add(f.Dir) == nil
		}
	}
	watch()
	notify(f.Scan(nil))

	var events <-chan fsnotify.Event
	var errs <-chan error
	if w != nil {
		events, errs = w.Events, w.Errors
	}
	ticker := time.NewTicker(rescan)
	defer ticker.Stop()
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	dirty := map[string]bool{}
	pending := false
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-events:
			if filepath.Clean(ev.Name) == filepath.Clean(f.Dir) && ev.Has(fsnotify.Remove|fsnotify.Rename) {
				watching = false // the folder itself went: its watch is gone with it
			}
			dirty[filepath.Base(ev.Name)] = true
			if !pending {
				pending = true
				settle.Reset(Settle)
			}
		case <-errs:
			// an overflowed queue loses events: read everything
			watching = false
			notify(f.Scan(nil))
			watch()
		case <-settle.C:
			pending = false
			force := dirty
			dirty = map[string]bool{}
			notify(f.Scan(force))
		case <-ticker.C:
			watch()
			notify(f.Scan(nil))
		}
	}
}
