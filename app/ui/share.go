package ui

import (
	"context"
	"slices"
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/glossa-app/glossa/app/deck"
	"github.com/glossa-app/glossa/app/lecture"
	"github.com/glossa-app/glossa/app/share"
	"github.com/glossa-app/glossa/app/study"
	"github.com/glossa-app/glossa/store"
)

// sharing is the window's side of a shared class folder (issue 21): the
// folders watched, the publisher of the student's own file, and which
// publishers the student hides. The layers live in app/share's folders,
// in memory; nothing here writes another person's notes to the store.
type sharing struct {
	st      *store.Store
	article string // the article shown: layers of other articles wait
	// onChange is called on the UI goroutine after a layer, a problem or
	// a choice changed
	onChange func()
	// manual: the folders are read by rescan alone, never watched (tests,
	// where fyne.Do runs at once on the watching goroutine)
	manual bool

	mu      sync.Mutex
	folders []*share.Folder[*store.SharedLayer]
	cancel  context.CancelFunc
	running sync.WaitGroup
	pub     *share.Publisher
	pubErr  string // why the last publish failed, "" when it did not
	hidden  map[string]bool
}

// newSharing is the sharing of the store's current article, named by its
// library ID (stable across new versions of its text).
func newSharing(st *store.Store, articleHash string) *sharing {
	id := st.Current()
	if id == "" {
		id = store.ArticleID(articleHash)
	}
	return &sharing{st: st, article: id, hidden: map[string]bool{}}
}

// person is one publisher as the reader shows them: their files (one per
// computer) merged, each note at its latest version.
type person struct {
	ID, Name string
	Notes    []store.Note
	Cards    []store.ShareCard
	Plans    []lecture.Plan // by name, the latest of the person's computers
	Hidden   bool
}

// start watches the subscribed folders and publishes, as the settings
// say. Errors are shown in the Share dialog's status, never in the way of
// reading.
func (sh *sharing) start() {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.cancel != nil || sh.st.ReadOnly() {
		return
	}
	hidden, _ := sh.st.ShareHidden()
	sh.hidden = map[string]bool{}
	for _, p := range hidden {
		sh.hidden[p] = true
	}
	ctx, cancel := context.WithCancel(context.Background())
	sh.cancel = cancel
	dirs, _ := sh.st.ShareSubscriptions()
	sh.folders = nil
	for _, dir := range dirs {
		f, err := sh.st.ShareFolder(dir)
		if err != nil {
			fyne.LogError("sharing: "+dir, err)
			continue
		}
		f.Changed = sh.notify
		sh.folders = append(sh.folders, f)
		if sh.manual {
			continue
		}
		sh.running.Add(1)
		go func() { defer sh.running.Done(); f.Watch(ctx, share.Rescan) }()
	}
	sh.pub, sh.pubErr = nil, ""
	dir, _, _ := sh.st.Setting(store.SettingShareFolder)
	on, _, _ := sh.st.Setting(store.SettingSharePublish)
	id, err := sh.st.ShareIdentity()
	if dir == "" || on != "on" || err != nil || id.Name == "" {
		return
	}
	pub, err := sh.st.SharePublisher(dir, nil)
	if err != nil {
		sh.pubErr = err.Error()
		return
	}
	pub.Failed = func(err error) {
		sh.mu.Lock()
		sh.pubErr = err.Error()
		sh.mu.Unlock()
		sh.notify()
	}
	pub.Published = func() {
		sh.mu.Lock()
		sh.pubErr = ""
		sh.mu.Unlock()
		sh.notify()
	}
	sh.pub = pub
	pub.Changed() // what changed while Glossa was closed, once the window is up
	// notes and highlights say when they change (changed); cards, the
	// trash and colors are caught by this, Build's bytes unchanged
	// otherwise, so nothing is written
	sh.running.Add(1)
	go func() {
		defer sh.running.Done()
		tick := time.NewTicker(publishCheck)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				pub.Changed()
			}
		}
	}()
}

// publishCheck is how often the publisher looks for changes nobody told
// it of.
const publishCheck = time.Minute

// stop ends the watching and writes what is pending: on quit, and before
// the settings change.
func (sh *sharing) stop() {
	sh.mu.Lock()
	cancel, pub := sh.cancel, sh.pub
	sh.cancel, sh.pub = nil, nil
	sh.mu.Unlock()
	if cancel != nil {
		cancel()
		sh.running.Wait()
	}
	if pub != nil {
		if err := pub.Flush(); err != nil {
			fyne.LogError("sharing: publish on quit", err)
		}
	}
}

// restart applies new settings.
func (sh *sharing) restart() {
	sh.stop()
	sh.start()
	sh.rescan()
}

// changed says the student's notes or cards changed: published after a
// pause.
func (sh *sharing) changed() {
	sh.mu.Lock()
	pub := sh.pub
	sh.mu.Unlock()
	if pub != nil {
		pub.Changed()
	}
}

func (sh *sharing) notify() {
	if sh.onChange != nil {
		fyne.Do(sh.onChange)
	}
}

// rescan reads every folder now (the Share dialog's Refresh, and tests).
func (sh *sharing) rescan() {
	for _, f := range sh.watched() {
		f.Scan(nil)
	}
	if sh.onChange != nil {
		sh.onChange()
	}
}

func (sh *sharing) watched() []*share.Folder[*store.SharedLayer] {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return slices.Clone(sh.folders)
}

// people are the publishers of the article shown, hidden ones included
// (marked), by name; the student's own computers are not among them:
// their notes are merged into the student's own.
func (sh *sharing) people() []person {
	byID := map[string]*person{}
	notes := map[string]map[string]store.Note{}
	for _, f := range sh.watched() {
		for _, l := range f.Layers() {
			if l.Own || l.Article != sh.article {
				continue
			}
			p := byID[l.Person]
			if p == nil {
				p = &person{ID: l.Person, Name: l.Name}
				byID[l.Person] = p
				notes[l.Person] = map[string]store.Note{}
			}
			for _, n := range l.Content.Notes {
				if old, ok := notes[l.Person][n.ID]; !ok || n.Updated.After(old.Updated) {
					notes[l.Person][n.ID] = n
				}
			}
			p.Cards = append(p.Cards, l.Content.File.Cards...)
			p.Plans = mergePlans(p.Plans, l.Content.Plans)
		}
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	out := make([]person, 0, len(byID))
	for id, p := range byID {
		for _, n := range notes[id] {
			p.Notes = append(p.Notes, n)
		}
		sort.Slice(p.Notes, func(i, j int) bool { return p.Notes[i].Created.Before(p.Notes[j].Created) })
		p.Hidden = sh.hidden[id]
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// shown are the publishers the student has not hidden.
func (sh *sharing) shown() []person {
	return slices.DeleteFunc(sh.people(), func(p person) bool { return p.Hidden })
}

// setHidden hides or shows one publisher's layer, and remembers it.
func (sh *sharing) setHidden(id string, hidden bool) {
	sh.mu.Lock()
	sh.hidden[id] = hidden
	var list []string
	for p, h := range sh.hidden {
		if h {
			list = append(list, p)
		}
	}
	sh.mu.Unlock()
	sort.Strings(list)
	if err := sh.st.SetShareHidden(list); err != nil {
		fyne.LogError("sharing: hide", err)
	}
	if sh.onChange != nil {
		sh.onChange()
	}
}

// status is every file of every folder, and the publisher's trouble.
func (sh *sharing) status() ([]share.Status, string) {
	var out []share.Status
	for _, f := range sh.watched() {
		out = append(out, f.Status()...)
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return out, sh.pubErr
}

// cardEdits are the shown publishers' cards as cards of the student's
// deck: scheduled by the student's own reviews under an id of their own
// (store.SharedCardID), tagged with the publisher's name.
func (sh *sharing) cardEdits() []study.Edit {
	var out []study.Edit
	for _, p := range sh.shown() {
		for _, c := range p.Cards {
			out = append(out, study.Edit{CardID: store.SharedCardID(p.ID, c.ID), UserMade: true, Type: deck.Type(c.Type),
				Front: c.Front, Back: c.Back, Tags: append(slices.Clone(c.Tags), p.Name), ParagraphID: c.ParagraphID, Quote: c.Quote})
		}
	}
	return out
}
