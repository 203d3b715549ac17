package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/startup"
)

// TestFirstFrameProbeFinishesTheStartUpClock: painting the window's first
// frame ends the start-up trace (and the CPU profile) once.
func TestFirstFrameProbeFinishesTheStartUpClock(t *testing.T) {
	a := test.NewTempApp(t)
	finished := make(chan struct{})
	startup.AtFinish(func() { close(finished) })
	w := a.NewWindow("probe")
	w.SetContent(withFirstFrameProbe(widget.NewLabel("text"), nil))
	w.Show()
	w.Canvas().Capture()
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("the first frame was painted but the start-up clock did not finish")
	}
	if startup.Enabled() {
		t.Error("the clock still runs after the first frame")
	}
	w.Canvas().Capture() // a second paint must not finish again (close would panic)
}
