package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestReaderWordSpacing: at 200% the runs of a line sit as far apart as
// the line breaker spaced them, measured on the texts drawn. The breaker
// adds up per-letter advances, which ignore kerning, so a run came out up
// to a space wider than drawn, and the footnote marker or italic word
// after it stood apart: the gap lecture mode had on the projector, fixed
// once in flowtext for every screen.
func TestReaderWordSpacing(t *testing.T) {
	u, _ := newTestUI(t, tempStore(t), Options{Size: fyne.NewSize(1280, 800)})
	u.setZoom(2)
	v := u.reader.view
	rd := test.WidgetRenderer(v).(*flowRenderer)
	checked, worst := 0, float32(0)
	for v.scrollTo(0); ; v.scrollTo(v.offset() + v.viewport()) {
		for _, n := range rd.needInks {
			for i := 0; i+1 < len(n.runs); i++ {
				a, b := n.runs[i], n.runs[i+1]
				if a.run+1 != b.run {
					continue
				}
				runs := v.lay.blocks[n.key.b].lines[n.key.l].runs
				planned := runs[b.run].x - (runs[a.run].x + runs[a.run].w)
				drawn := b.x - (a.x + fyne.MeasureText(a.text, a.size, a.st).Width)
				off := drawn - planned
				if off < 0 {
					off = -off
				}
				worst = max(worst, off)
				if off > 1.5 {
					t.Errorf("%q then %q: %.1f px apart as drawn, %.1f as laid out", a.text, b.text, drawn, planned)
				}
				checked++
			}
		}
		if v.offset()+v.viewport() >= v.lay.total {
			break
		}
	}
	if checked < 100 {
		t.Fatalf("only %d pairs of runs checked", checked)
	}
	t.Logf("%d pairs of runs checked; worst %.1f px off", checked, worst)
}
