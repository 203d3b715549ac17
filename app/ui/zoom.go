package ui

import (
	"fmt"
	"strconv"
)

// zoomLevels are the steps of Ctrl +/-.
var zoomLevels = []float32{0.75, 0.85, 1, 1.15, 1.3, 1.5, 1.75, 2, 2.5, 3}

// savedZoom is the zoom remembered from the last session, 1 if none.
func (u *UI) savedZoom() float32 {
	if z := float32(u.settingFloat(keyZoom, 1)); z >= zoomLevels[0] && z <= zoomLevels[len(zoomLevels)-1] {
		return z
	}
	return 1
}

// setZoom scales the whole window through its theme (every screen, the
// footnote panel, popovers and dialogs) and remembers it; lecture mode
// sizes its type from the window and keeps it.
func (u *UI) setZoom(z float32) {
	z = max(zoomLevels[0], min(z, zoomLevels[len(zoomLevels)-1]))
	u.zoom = z
	u.applyTheme()
	u.reader.onZoom(z)
	if u.cards != nil {
		u.cards.onZoom()
	}
	u.setSetting(keyZoom, strconv.FormatFloat(float64(z), 'g', 4, 32))
}

func (u *UI) zoomIn() {
	for _, z := range zoomLevels {
		if z > u.zoom+0.001 {
			u.setZoom(z)
			return
		}
	}
}

func (u *UI) zoomOut() {
	for i := len(zoomLevels) - 1; i >= 0; i-- {
		if zoomLevels[i] < u.zoom-0.001 {
			u.setZoom(zoomLevels[i])
			return
		}
	}
}

// onZoom follows the window's zoom: the reading text, the footnote
// panel, the search results and the contents' measured rows.
func (r *Reader) onZoom(z float32) {
	r.zoom = z
	r.closePopover() // it points at where the marker was
	r.view.setSize(baseTextSize * z)
	r.notes.setSize(panelTextSize * z)
	r.search.results.setSize(panelTextSize * z)
	r.measureContents()
	r.updateZoomLabel()
}

// Zoom is the window's scale (1 is 100 %).
func (r *Reader) Zoom() float32 { return r.zoom }

func (r *Reader) updateZoomLabel() {
	if r.zoomLabel != nil {
		r.zoomLabel.SetText(fmt.Sprintf("%d%%", int(r.zoom*100+0.5)))
	}
}

func (r *Reader) zoomIn() { r.ctl.zoomIn() }

func (r *Reader) zoomOut() { r.ctl.zoomOut() }

func (r *Reader) zoomReset() { r.ctl.setZoom(1) }
