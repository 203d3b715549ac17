package ui

import (
	"image"
	"image/color"
)

// firstInks gathers, while Open builds the screens beside the window being
// made, the line rasters and labels drawn from cached glyphs (glyphs.go),
// so that the same goroutine then shapes their runs and rasterizes their
// glyphs (prepareFirstInks) instead of the window's first paint. It
// gathers only between gather and prepareFirstInks, on the building
// goroutine; what it gathered is handed to the UI goroutine with the
// screens.
var firstInks inkGather

type inkGather struct {
	on     bool
	lines  []*lineInk
	labels []*inkLabelRenderer
}

func (g *inkGather) gather() { g.on = true }

func (g *inkGather) addLine(li *lineInk) {
	if g.on {
		g.lines = append(g.lines, li)
	}
}

func (g *inkGather) addLabel(r *inkLabelRenderer) {
	if g.on {
		g.labels = append(g.labels, r)
	}
}

// prepareFirstInks shapes and rasterizes the runs of what was gathered,
// at the scale each line was placed for (the screen's scale may prove
// another once the window is made: its glyphs are then made as it is
// painted), with the UI goroutine's shaper: the UI goroutine takes it
// over with the screens.
func prepareFirstInks(mark func(string)) {
	g := &firstInks
	defer mark("glyphs")
	dst := image.NewRGBA(image.Rect(0, 0, 1, 1))
	for _, li := range g.lines {
		if len(li.runs) > 0 && li.scale > 0 {
			drawRuns(dst, li.runs, li.scale, &uiInk.sh, &uiInk.faces)
		}
	}
	var runs []inkRun
	for _, r := range g.labels {
		if r.inkable() {
			runs = r.l.inkRuns(runs[:0], color.Black)
			drawRuns(dst, runs, 1, &uiInk.sh, &uiInk.faces)
		}
	}
	*g = inkGather{}
}
