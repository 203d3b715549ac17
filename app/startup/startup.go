// Package startup is the clock of Glossa's start-up: the window's code
// marks each phase as it ends, and once the first frame is on screen the
// phases are reported with their durations (GLOSSA_TRACE=1 or --trace)
// and a CPU profile of the start-up is closed (GLOSSA_CPUPROFILE). It has
// no Fyne, so the command and the UI mark the same clock; when nothing
// asked for it, a mark costs one atomic load.
package startup

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// start is as near to exec as Go code gets: this package is initialised
// before main runs (the runtime's own set-up, a few ms, is not counted).
var start = time.Now()

var (
	on       atomic.Bool
	mu       sync.Mutex
	events   []event
	seen     = map[string]bool{}
	atFinish []func()
	finished bool
	// the processor time used up to Finish
	cpu      time.Duration
	cpuKnown bool
)

// event is a phase: sequential phases end at a Mark and began at the
// previous one; a Span ran alongside them, from begin to end.
type event struct {
	name       string
	begin, end time.Duration
	background bool
	track      *Track // a phase of a track; background is then true
}

// Enabled says whether anyone is listening: the UI adds its first-frame
// probe only then.
func Enabled() bool { return on.Load() }

// AtFinish has f run once the first frame is drawn (see Finish), and
// switches the clock on.
func AtFinish(f func()) {
	mu.Lock()
	defer mu.Unlock()
	atFinish = append(atFinish, f)
	on.Store(true)
}

// Mark ends the phase called name, which began at the previous mark. Only
// the first mark of a name counts, so a mark may sit in code that runs
// again and again (a layout).
func Mark(name string) {
	if !on.Load() {
		return
	}
	add(event{name: name, end: time.Since(start)})
}

// Span starts a phase that runs alongside the others (on its own
// goroutine); calling the function it returns ends it.
func Span(name string) (end func()) {
	if !on.Load() {
		return func() {}
	}
	begin := time.Since(start)
	return func() { add(event{name: name, begin: begin, end: time.Since(start), background: true}) }
}

// Track is a sequence of phases that runs alongside the main one, on a
// goroutine of its own: each phase begins where the track's previous one
// ended, the first where NewTrack was called. Use it from one goroutine.
type Track struct {
	name string
	last time.Duration
}

// NewTrack starts a track; its phases are reported as run beside what.
func NewTrack(what string) *Track { return &Track{name: what, last: time.Since(start)} }

// Mark ends the track's phase called name.
func (t *Track) Mark(name string) {
	if t == nil || !on.Load() {
		return
	}
	now := time.Since(start)
	add(event{name: name, begin: t.last, end: now, background: true, track: t})
	t.last = now
}

// add records e unless a phase of its name was recorded or the clock has
// stopped; a sequential phase begins where the last one ended.
func add(e event) {
	mu.Lock()
	defer mu.Unlock()
	if seen[e.name] || finished {
		return
	}
	seen[e.name] = true
	for i := len(events) - 1; i >= 0 && !e.background; i-- {
		if !events[i].background {
			e.begin = events[i].end
			break
		}
	}
	events = append(events, e)
}

// Finish is called when the first frame is on screen: it runs what
// AtFinish registered, once, and stops the clock (later marks are
// ignored, Enabled says false).
func Finish() {
	if !on.Load() {
		return
	}
	mu.Lock()
	if finished {
		mu.Unlock()
		return
	}
	finished = true
	on.Store(false)
	cpu, cpuKnown = ProcessCPU()
	fs := atFinish
	mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// Report writes the phases marked so far, in the order they ended, with
// their durations and when they ended.
func Report(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Fprintln(w, "glossa: start-up trace (ms; \"at\" counts from the program's start)")
	var last time.Duration
	for _, e := range events {
		if e.track != nil {
			fmt.Fprintf(w, "  %-20s %8.1f   at %8.1f   (beside %s, from %.1f)\n", e.name, ms(e.end-e.begin), ms(e.end), e.track.name, ms(e.begin))
			continue
		}
		if e.background {
			fmt.Fprintf(w, "  %-20s %8.1f   at %8.1f   (in the background, from %.1f)\n", e.name, ms(e.end-e.begin), ms(e.end), ms(e.begin))
			continue
		}
		fmt.Fprintf(w, "  %-20s %8.1f   at %8.1f\n", e.name, ms(e.end-e.begin), ms(e.end))
		last = e.end
	}
	fmt.Fprintf(w, "  %-20s %8.1f\n", "total", ms(last))
	if cpuKnown {
		fmt.Fprintf(w, "  %-20s %8.1f   (processor time of all threads, user and system, up to the first frame)\n", "cpu", ms(cpu))
	}
}

// reset forgets every mark and finisher (tests).
func reset() {
	mu.Lock()
	defer mu.Unlock()
	events, seen, atFinish, finished, cpuKnown = nil, map[string]bool{}, nil, false, false
	on.Store(false)
}
