package startup

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMarksAreSilentUntilSomeoneListens(t *testing.T) {
	reset()
	Mark("parse")
	Span("cite library")()
	Finish()
	var b strings.Builder
	Report(&b)
	if strings.Contains(b.String(), "parse") || strings.Contains(b.String(), "cite") {
		t.Errorf("marks made with nobody listening were kept:\n%s", b.String())
	}
}

func TestReportListsPhasesInOrderOnceAndFinishesOnce(t *testing.T) {
	reset()
	t.Cleanup(reset)
	var finishes int
	AtFinish(func() { finishes++ })
	if !Enabled() {
		t.Fatal("AtFinish did not switch the clock on")
	}
	end := Span("cite library")
	Mark("parse")
	Mark("store open")
	Mark("first layout")
	Mark("first layout") // a layout runs again: only the first counts
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { end(); wg.Done() }()
	wg.Wait()
	Mark("first frame")
	Finish()
	Finish()
	Mark("too late")
	if Enabled() {
		t.Error("the clock still runs after the first frame")
	}
	if finishes != 1 {
		t.Errorf("AtFinish ran %d times, want once", finishes)
	}
	var b strings.Builder
	Report(&b)
	out := b.String()
	var names []string
	for _, line := range strings.Split(out, "\n")[1:] {
		if f := strings.Fields(line); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	want := []string{"parse", "store", "first", "cite", "first", "total"}
	if _, ok := ProcessCPU(); ok {
		want = append(want, "cpu") // the processor time, where the system tells it
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("phases %q, want %q in:\n%s", names, want, out)
	}
	if !strings.Contains(out, "in the background") {
		t.Errorf("the span is not reported as background work:\n%s", out)
	}
}

// TestTrackPhasesFollowEachOther: a track's phases run beside the main
// ones, each from the end of the track's phase before it, whatever the
// main phases marked meanwhile.
func TestTrackPhasesFollowEachOther(t *testing.T) {
	reset()
	t.Cleanup(reset)
	AtFinish(func() {})
	t0 := time.Since(start)
	tr := NewTrack("the window")
	t1 := time.Since(start)
	Mark("window")
	tr.Mark("screens")
	Mark("shown")
	tr.Mark("glyphs")
	Finish()
	mu.Lock()
	byName := map[string]event{}
	for _, e := range events {
		byName[e.name] = e
	}
	mu.Unlock()
	if g, s := byName["glyphs"], byName["screens"]; g.begin != s.end || s.begin < t0 || s.begin > t1 {
		t.Errorf("track phases: screens %v-%v, glyphs %v-%v: glyphs must begin where screens ended, screens where the track began", s.begin, s.end, g.begin, g.end)
	}
	if sh := byName["shown"]; sh.begin != byName["window"].end {
		t.Errorf("the main phase after a track's mark began at %v, not at the main phase before it (%v)", sh.begin, byName["window"].end)
	}
	var b strings.Builder
	Report(&b)
	if !strings.Contains(b.String(), "(beside the window, from") {
		t.Errorf("track phases not reported as beside the window:\n%s", b.String())
	}
}
