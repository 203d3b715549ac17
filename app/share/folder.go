package share

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Meta is what a decoder reports of a file, for the status list and the
// checks against its name.
type Meta struct {
	Person, Machine, Name, Article string
	Updated                        time.Time
	Notes, Cards, Plans            int
	// Problems are parts of a file read well that were skipped (a bad
	// lecture plan, say): listed with the file, the rest of it shown.
	Problems []string
}

// Decoder reads one file's bytes into what the caller keeps of a layer.
// It applies every limit: the bytes come from anyone who can write to the
// folder.
type Decoder[T any] func(data []byte) (T, Meta, error)

// Layer is one publisher as last read without fault.
type Layer[T any] struct {
	File string // base name in the folder
	Meta
	Content T
	Own     bool // the reader's own person, from another computer
}

// Status is one line of "glossa share status": a publisher's file, or a
// file skipped, or the folder itself when it cannot be read (File "").
// The JSON names are a contract.
type Status struct {
	Folder   string   `json:"folder"`
	File     string   `json:"file"`
	Person   string   `json:"person"`
	Machine  string   `json:"machine"`
	Name     string   `json:"name"`
	Article  string   `json:"article"`
	Notes    int      `json:"notes"`
	Cards    int      `json:"cards"`
	Plans    int      `json:"plans"`
	Updated  string   `json:"updated"` // RFC 3339, "" when not known
	Self     bool     `json:"self"`    // this computer's own file
	Own      bool     `json:"own"`     // the same person on another computer: merged into the own notes
	Problems []string `json:"problems"`
}

// Folder is one subscribed folder: every other publisher's layer, kept in
// memory, and what was skipped and why. Its methods are safe to call from
// several goroutines.
type Folder[T any] struct {
	Dir     string
	Person  string // the reader's person id
	Machine string // the reader's machine id: its own file is listed, never read as a layer
	Decode  Decoder[T]
	// MergeOwn takes a file of the reader's own person written by another
	// computer; nil leaves such files as layers.
	MergeOwn func(file string, data []byte) error
	MaxBytes int64 // larger files are refused unread (0: 64 MB)
	// Changed is called after a scan changed a layer or a problem (from
	// the watching goroutine when watched).
	Changed func()

	scanMu  sync.Mutex // one scan at a time
	mu      sync.Mutex // guards entries and gone
	entries map[string]*entry[T]
	gone    string // why the folder cannot be read, "" when it can
}

type entry[T any] struct {
	size     int64
	mod      time.Time
	read     bool // size and mod are of a file read (well or not)
	self     bool
	layer    *Layer[T] // the last version read without fault
	meta     Meta      // of the self file, or what the name says
	problems []string
}

func (f *Folder[T]) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return 64 << 20
}

// Scan reads the folder: files new or changed since the last scan (by
// size and time), and the files named in force whatever their stamps (a
// watcher names what it saw change). A file that cannot be read keeps the
// layer read before; a file gone takes its layer with it; a folder that
// cannot be read keeps every layer and is reported. It reports whether
// any layer or problem changed.
func (f *Folder[T]) Scan(force map[string]bool) bool {
	f.scanMu.Lock()
	defer f.scanMu.Unlock()
	f.mu.Lock()
	old := f.entries
	oldGone := f.gone
	f.mu.Unlock()

	list, err := os.ReadDir(f.Dir)
	if err != nil {
		gone := fmt.Sprintf("the folder %s cannot be read (%s): a drive unplugged or a network share away? The layers read before are kept and Glossa tries again", f.Dir, pathErr(err))
		f.mu.Lock()
		f.gone = gone
		f.mu.Unlock()
		return gone != oldGone
	}
	changed := oldGone != ""
	next := make(map[string]*entry[T], len(list))
	type job struct {
		base string
		info os.FileInfo
		prev *entry[T]
	}
	var jobs []job
	for _, de := range list {
		base := de.Name()
		kind, why := Classify(base)
		if kind == Ignored || de.IsDir() {
			continue
		}
		if kind != Readable {
			e := &entry[T]{problems: []string{why}}
			if p := old[base]; p == nil || !sameProblems(p.problems, e.problems) {
				changed = true
			}
			next[base] = e
			continue
		}
		prev := old[base]
		info, err := de.Info()
		if err != nil {
			// gone between the listing and now: its layer goes with it
			changed = changed || prev != nil
			continue
		}
		if prev != nil && prev.read && !force[base] && prev.size == info.Size() && prev.mod.Equal(info.ModTime()) {
			next[base] = prev
			continue
		}
		jobs = append(jobs, job{base, info, prev})
	}
	// decoding is most of a full scan's time: on every core
	read := make([]*entry[T], len(jobs))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(len(jobs), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				read[i] = f.read(jobs[i].base, jobs[i].info, jobs[i].prev)
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, j := range jobs {
		e, prev := read[i], j.prev
		if prev == nil || e.layer != prev.layer || !sameProblems(e.problems, prev.problems) || e.self != prev.self {
			changed = true
		}
		next[j.base] = e
	}
	for base := range old {
		if _, ok := next[base]; !ok {
			changed = true
		}
	}
	f.mu.Lock()
	f.entries, f.gone = next, ""
	f.mu.Unlock()
	return changed
}

// read reads one share file; prev is what was read of it before.
func (f *Folder[T]) read(base string, info os.FileInfo, prev *entry[T]) *entry[T] {
	name, _ := ParseName(base)
	e := &entry[T]{size: info.Size(), mod: info.ModTime(), read: true,
		meta: Meta{Person: name.Person, Machine: name.Machine, Article: name.Article}}
	if prev != nil {
		e.layer = prev.layer
	}
	e.self = name.Person == f.Person && name.Machine == f.Machine
	fail := func(format string, args ...any) *entry[T] {
		why := fmt.Sprintf(format, args...)
		if e.layer != nil {
			why += fmt.Sprintf("; the version read before (%s) is still shown", when(e.layer.Updated))
		}
		e.problems = []string{why}
		return e
	}
	switch {
	case !info.Mode().IsRegular():
		return fail("not an ordinary file: skipped")
	case info.Size() == 0:
		return fail("empty: a placeholder the sync engine has not downloaded yet (OneDrive Files On-Demand, say) or a copy cut short; it is read once it has its content")
	case info.Size() > f.maxBytes():
		return fail("%d MB, more than the %d MB a share file may have: refused unread", info.Size()>>20, f.maxBytes()>>20)
	}
	data, err := readLimited(filepath.Join(f.Dir, base), f.maxBytes())
	if err != nil {
		return fail("cannot be read (%s)", pathErr(err))
	}
	content, meta, err := f.Decode(data)
	if err != nil {
		return fail("%s", decodeProblem(err))
	}
	switch {
	case meta.Person != name.Person || meta.Machine != name.Machine:
		return fail("its name says person %s on computer %s, but it holds %s-%s's: skipped", name.Person, name.Machine, meta.Person, meta.Machine)
	case meta.Article != name.Article:
		return fail("its name says article %s, but it holds notes on article %s: skipped", name.Article, meta.Article)
	}
	e.meta = meta
	e.problems = meta.Problems
	if e.self {
		e.layer = nil // the reader's own notes are not a layer over themselves
		return e
	}
	own := meta.Person == f.Person
	if own && f.MergeOwn != nil {
		if err := f.MergeOwn(base, data); err != nil {
			return fail("your notes from your other computer could not be merged (%s); Glossa tries again when it changes", err)
		}
	}
	e.layer = &Layer[T]{File: base, Meta: meta, Content: content, Own: own}
	return e
}

func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d MB", limit>>20)
	}
	return data, nil
}

// decodeProblem says why a file was refused, without the decoder's
// package prefixes.
func decodeProblem(err error) string {
	s := err.Error()
	for _, p := range []string{"store: "} {
		s = strings.TrimPrefix(s, p)
	}
	if strings.Contains(s, "unexpected end of JSON input") {
		s = "cut short (still being synced, or a copy that stopped half way): " + s
	}
	return s + "; skipped"
}

// pathErr is an *os.PathError without the path the message already names.
func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "at an unknown time"
	}
	return "published " + t.Local().Format("2 Jan 15:04")
}

func sameProblems(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Layers returns every layer read, sorted by publisher name then file.
func (f *Folder[T]) Layers() []Layer[T] {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Layer[T], 0, len(f.entries))
	for _, e := range f.entries {
		if e.layer != nil {
			out = append(out, *e.layer)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].File < out[j].File
	})
	return out
}

// Status lists every publisher's file and every file skipped, with the
// folder's own problem first when it cannot be read.
func (f *Folder[T]) Status() []Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Status
	for base, e := range f.entries {
		st := Status{Folder: f.Dir, File: base, Self: e.self, Problems: e.problems}
		m := e.meta
		if e.layer != nil {
			m = e.layer.Meta
			st.Own = e.layer.Own
		}
		st.Person, st.Machine, st.Name, st.Article = m.Person, m.Machine, m.Name, m.Article
		st.Notes, st.Cards, st.Plans = m.Notes, m.Cards, m.Plans
		if !m.Updated.IsZero() {
			st.Updated = m.Updated.UTC().Format(time.RFC3339)
		}
		if st.Problems == nil {
			st.Problems = []string{}
		}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].File < out[j].File
	})
	if f.gone != "" {
		out = append([]Status{{Folder: f.Dir, Problems: []string{f.gone}}}, out...)
	}
	return out
}
