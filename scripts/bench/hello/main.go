// Command hello is the yardstick of scripts/bench-launch.sh: the smallest
// Fyne program that shows a window, a window titled "Hello" with one
// label, opened at the size Glossa's window opens at on a first start
// (ui.defaultWindowSize, 1000x700). Glossa's launch is measured against
// it in turn, so that the ratio holds however busy the machine is. The
// size is Glossa's so that what is compared is the program, not the
// pixels: the GL driver's buffers grow with the window (under Xvfb,
// Mesa's llvmpipe keeps them in the process, about 6 MB more resident at
// 1000x700 than at hello-world's own 200x100 or so).
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello, Fyne!"))
	w.Resize(fyne.NewSize(1000, 700))
	w.ShowAndRun()
}
