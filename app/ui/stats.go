package ui

import (
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/study"
)

// statsDays is how far the charts look back and ahead.
const statsDays = study.StatsDays

// startOfDay is the student's day (app/study decides).
func startOfDay(t time.Time) time.Time { return study.StartOfDay(t) }

// statsView is the Stats tab: three charts and the figures they show.
type statsView struct {
	s       *cardsScreen
	content fyne.CanvasObject
	data    study.Stats

	summary   *widget.Label
	reviews   *statsChart
	retention *statsChart
	forecast  *statsChart
	retLabel  *widget.Label
}

func newStatsView(s *cardsScreen) *statsView {
	v := &statsView{s: s}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.retLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.reviews = newStatsChart(false, countLabel)
	v.retention = newStatsChart(true, func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) })
	v.retention.maxY = 1
	v.forecast = newStatsChart(false, countLabel)
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// Each chart gets a third of the height there is, and scrolls below
	// its minimum.
	charts := container.NewGridWithRows(3,
		container.NewBorder(heading("Reviews per day, last 30 days"), nil, nil, nil, v.reviews),
		container.NewBorder(v.retLabel, nil, nil, nil, v.retention),
		container.NewBorder(heading("Cards due, next 30 days"), nil, nil, nil, v.forecast),
	)
	v.content = container.NewVScroll(container.NewPadded(container.NewBorder(v.summary, nil, nil, nil, charts)))
	return v
}

func countLabel(f float64) string { return fmt.Sprintf("%.0f", f) }

// refresh reads the review log and the schedules again.
func (v *statsView) refresh() {
	if v == nil || v.summary == nil {
		return
	}
	s := v.s
	now := s.now()
	reviews, err := s.svc.st.Reviews(startOfDay(now).AddDate(0, 0, -(statsDays - 1)))
	if err != nil {
		v.summary.SetText("The review log could not be read: " + err.Error())
		return
	}
	v.data = study.ComputeStats(studyReviews(reviews), s.schedules(), now)
	d := v.data
	v.summary.SetText(fmt.Sprintf("%d reviews in the last 30 days, %d today. %d cards due today, %d in the next 7 days.\n"+
		"Retention is the share of reviews of learnt cards (past their learning steps) answered Hard, Good or Easy; FSRS aims at 90%%.",
		d.Total, d.Reviews[statsDays-1], d.Due[0], sum(d.Due[:7])))
	if d.Graduated == 0 {
		v.retLabel.SetText("Retention, last 30 days: no reviews of learnt cards yet")
	} else {
		v.retLabel.SetText(fmt.Sprintf("Retention, last 30 days: %.0f%% (%d of %d)",
			100*float64(d.Passed)/float64(d.Graduated), d.Passed, d.Graduated))
	}
	past := dayLabels(d.Past)
	v.reviews.set(past, ints(d.Reviews))
	v.retention.set(past, d.Retention)
	v.forecast.set(dayLabels(d.Ahead), ints(d.Due))
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func ints(xs []int) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(x)
	}
	return out
}

func dayLabels(days []time.Time) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = d.Format("2 Jan")
	}
	return out
}

// statsChart draws a bar or line chart with its axes, a few grid lines with
// their values, the day under every fifth point, and each bar's value
// above it when there is room.
type statsChart struct {
	widget.BaseWidget
	line   bool
	labels []string
	values []float64 // NaN: no value (a gap in a line)
	maxY   float64   // fixed top of the axis; 0 picks one from the values
	format func(float64) string
}

func newStatsChart(line bool, format func(float64) string) *statsChart {
	c := &statsChart{line: line, format: format}
	c.ExtendBaseWidget(c)
	return c
}

func (c *statsChart) set(labels []string, values []float64) {
	c.labels, c.values = labels, values
	c.Refresh()
}

func (c *statsChart) CreateRenderer() fyne.WidgetRenderer { return &statsChartRenderer{c: c} }

type statsChartRenderer struct {
	c    *statsChart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *statsChartRenderer) MinSize() fyne.Size { return fyne.NewSize(420, 150) }
func (r *statsChartRenderer) Objects() []fyne.CanvasObject {
	return r.objs
}
func (r *statsChartRenderer) Destroy() {}
func (r *statsChartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}
func (r *statsChartRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

// axisTop is the top of the value axis and the step of its grid lines: a
// round number at or above the largest value.
func axisTop(maxV float64) (top, step float64) {
	if maxV <= 0 {
		return 1, 1
	}
	for mag := 1.0; ; mag *= 10 {
		for _, m := range []float64{1, 2, 5} {
			step = m * mag
			if maxV/step <= 4 {
				return math.Ceil(maxV/step) * step, step
			}
		}
	}
}

func (r *statsChartRenderer) build() {
	c := r.c
	s := r.size
	r.objs = r.objs[:0]
	if s.Width <= 0 || s.Height <= 0 || len(c.values) == 0 {
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	accent := theme.Color(theme.ColorNamePrimary)
	textSize := theme.CaptionTextSize() + 1

	top, step := c.maxY, c.maxY/4
	if top == 0 {
		maxV := 0.0
		for _, v := range c.values {
			if !math.IsNaN(v) {
				maxV = math.Max(maxV, v)
			}
		}
		top, step = axisTop(maxV)
	}
	labelW := fyne.MeasureText(c.format(top), textSize, fyne.TextStyle{}).Width
	textH := fyne.MeasureText("0", textSize, fyne.TextStyle{}).Height
	left := labelW + 8
	plotTop := textH + 2
	bottom := s.Height - textH - 6
	plotH := bottom - plotTop
	plotW := s.Width - left - 4
	n := len(c.values)
	slot := plotW / float32(n)
	y := func(v float64) float32 { return bottom - float32(v/top)*plotH }

	for v := 0.0; v <= top+step/1000; v += step {
		gy := y(v)
		l := canvas.NewLine(grid)
		l.Position1, l.Position2 = fyne.NewPos(left, gy), fyne.NewPos(left+plotW, gy)
		r.objs = append(r.objs, l)
		t := canvas.NewText(c.format(v), fg)
		t.TextSize = textSize
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, gy-textH/2))
		t.Resize(fyne.NewSize(labelW, textH))
		r.objs = append(r.objs, t)
	}
	axis := canvas.NewLine(fg)
	axis.Position1, axis.Position2 = fyne.NewPos(left, plotTop), fyne.NewPos(left, bottom)
	r.objs = append(r.objs, axis)

	var prev fyne.Position
	havePrev := false
	for i, v := range c.values {
		cx := left + slot*(float32(i)+0.5)
		if i%5 == 0 || i == n-1 {
			t := canvas.NewText(c.labels[i], fg)
			t.TextSize = textSize
			t.Alignment = fyne.TextAlignCenter
			t.Move(fyne.NewPos(cx-slot*2, bottom+4))
			t.Resize(fyne.NewSize(slot*4, textH))
			r.objs = append(r.objs, t)
		}
		if math.IsNaN(v) {
			havePrev = false
			continue
		}
		if c.line {
			p := fyne.NewPos(cx, y(v))
			if havePrev {
				l := canvas.NewLine(accent)
				l.StrokeWidth = 2
				l.Position1, l.Position2 = prev, p
				r.objs = append(r.objs, l)
			}
			dot := canvas.NewCircle(accent)
			dot.Move(p.SubtractXY(3, 3))
			dot.Resize(fyne.NewSize(6, 6))
			r.objs = append(r.objs, dot)
			prev, havePrev = p, true
			continue
		}
		if v <= 0 {
			continue
		}
		bw := slot * 0.7
		bar := canvas.NewRectangle(accent)
		bar.Move(fyne.NewPos(cx-bw/2, y(v)))
		bar.Resize(fyne.NewSize(bw, bottom-y(v)))
		r.objs = append(r.objs, bar)
		label := c.format(v)
		if w := fyne.MeasureText(label, textSize, fyne.TextStyle{}).Width; w <= slot {
			t := canvas.NewText(label, fg)
			t.TextSize = textSize
			t.Alignment = fyne.TextAlignCenter
			t.Move(fyne.NewPos(cx-slot/2, y(v)-textH))
			t.Resize(fyne.NewSize(slot, textH))
			r.objs = append(r.objs, t)
		}
	}
}
