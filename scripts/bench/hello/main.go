// Command hello is the yardstick of scripts/bench-launch.sh: the smallest
// Fyne program that shows a window, a window titled "Hello" with one
// label. Glossa's launch is measured against it in turn, so that the ratio
// holds however busy the machine is.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello, Fyne!"))
	w.ShowAndRun()
}
