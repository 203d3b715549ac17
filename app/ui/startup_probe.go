package ui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/glossa-app/glossa/app/startup"
)

// withFirstFrameProbe puts an invisible one-pixel raster over content to
// mark the first frame, for the start-up trace and profile and for
// then (Options.AfterFirstFrame): Fyne calls a raster's generator only
// while it paints. The
// lifecycle's OnStarted and a fyne.Do queued after Show would mark too
// early once the app runs (both come before the driver's first paint
// tick) and not at all for a window painted before it runs. From the
// generator, fyne.Do runs once that paint and its buffer swap are done
// when the app runs; the GLFW driver of Fyne 2.7 paints a window shown
// before Run (as main does) inside Show, where fyne.Do runs at once: the
// mark then falls at the end of that paint (the probe is drawn last),
// just before its swap.
func withFirstFrameProbe(content fyne.CanvasObject, then func()) fyne.CanvasObject {
	if !startup.Enabled() && then == nil {
		return content
	}
	var once sync.Once
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() {
			fyne.Do(func() {
				startup.Mark("first frame")
				startup.Finish()
				if then != nil {
					then()
				}
			})
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	return container.NewStack(content, container.NewWithoutLayout(probe))
}
