package ui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/glossa-app/glossa/app/startup"
)

// withFirstFrameProbe puts, when a start-up trace or profile was asked
// for, an invisible one-pixel raster over content to mark the first
// frame. Fyne calls a raster's generator while it paints, and a fyne.Do
// queued from there runs once that paint (and its buffer swap) is done:
// the lifecycle's OnStarted and a fyne.Do queued after Show both run
// before the driver's first paint tick, so they would mark too early.
func withFirstFrameProbe(content fyne.CanvasObject) fyne.CanvasObject {
	if !startup.Enabled() {
		return content
	}
	var once sync.Once
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() {
			fyne.Do(func() {
				startup.Mark("first frame")
				startup.Finish()
			})
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	probe.Resize(fyne.NewSize(1, 1))
	return container.NewStack(content, container.NewWithoutLayout(probe))
}
