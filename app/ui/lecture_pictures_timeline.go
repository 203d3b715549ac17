package ui

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/timeline"
	"github.com/glossa-app/glossa/assets"
)

// timelineView draws the dated events the article discusses: a year axis
// with a marker per event across the top, and below it the events in
// order, each with a button that opens its passage in the reader.
type timelineView struct {
	p       *picturesWindow
	events  []timeline.Placed
	axis    *timelineAxis
	rows    []*fyne.Container
	marks   []*canvas.Rectangle // row backgrounds, coloured when selected
	scroll  *container.Scroll
	chosen  *widget.RichText
	content fyne.CanvasObject
	sel     int
}

func newTimelineView(p *picturesWindow) *timelineView {
	v := &timelineView{p: p, sel: -1}
	events, err := timeline.Load(assets.Timeline, p.svc.doc)
	v.events = events
	v.axis = newTimelineAxis(events, v.onMarkerTapped)
	v.chosen = wrappedPictureText("Tap a marker, or an event below, to see where the article tells of it.")
	list := container.NewVBox()
	for i, ev := range events {
		list.Add(v.row(i, ev))
	}
	v.scroll = container.NewVScroll(list)
	top := container.NewVBox(v.axis, v.chosen, widget.NewSeparator())
	if err != nil {
		// the events that resolved are still drawn; the problem is said once
		warn := widget.NewLabel("Some events of the timeline file could not be placed and are left out:\n" + err.Error())
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.DangerImportance
		top.Add(warn)
	}
	v.content = container.NewBorder(top, nil, nil, nil, v.scroll)
	return v
}

// row is one event: its date, a dot on the rail, what happened, and the
// way to its passage.
func (v *timelineView) row(i int, ev timeline.Placed) fyne.CanvasObject {
	date := pictureText(ev.Date, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	rail := newTimelineRail(theme.TextSize() * v.p.scale)
	left := container.NewHBox(container.New(&fixedWidth{w: 200 * v.p.scale}, date), rail)
	var body fyne.CanvasObject
	if v.p.projector() {
		// a class reads where the event is told; nobody taps the projector
		body = wrappedPictureText(ev.Text + "  (§" + ev.Section + ")")
	} else {
		open := widget.NewButtonWithIcon("Read it: section "+ev.Section, theme.DocumentIcon(), func() { v.onEventOpen(i) })
		open.Importance = widget.LowImportance
		body = container.NewVBox(wrappedPictureText(ev.Text), container.NewHBox(open))
	}
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 6
	r := container.NewStack(bg, container.NewBorder(nil, nil, left, nil, body))
	v.rows = append(v.rows, r)
	v.marks = append(v.marks, bg)
	return r
}

func (v *timelineView) onMarkerTapped(i int) {
	v.selectEvent(i)
	v.scroll.ScrollToOffset(fyne.NewPos(0, v.rows[i].Position().Y))
}

// selectEvent marks event i on the axis and in the list.
func (v *timelineView) selectEvent(i int) {
	if i < 0 || i >= len(v.events) {
		return
	}
	if v.sel >= 0 {
		v.marks[v.sel].FillColor = color.Transparent
		v.marks[v.sel].Refresh()
	}
	v.sel = i
	v.marks[i].FillColor = theme.Color(theme.ColorNameSelection)
	v.marks[i].Refresh()
	ev := v.events[i]
	setPictureText(v.chosen, fmt.Sprintf("%s: %s (section %s)", ev.Date, ev.Text, ev.Section))
	v.axis.sel = i
	v.axis.Refresh()
}

// onEventOpen shows the event's paragraph in the reader.
func (v *timelineView) onEventOpen(i int) {
	v.selectEvent(i)
	v.p.openParagraph(v.events[i].Paragraph)
}

// timelineRail is the vertical line of the list with the event's dot.
func newTimelineRail(textSize float32) fyne.CanvasObject {
	line := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	return container.New(&railLayout{ts: textSize}, line, dot)
}

// railLayout draws the rail through the whole row and the dot level with
// the date.
type railLayout struct{ ts float32 }

func (l *railLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	d := l.ts * 0.9
	objs[0].Move(fyne.NewPos(s.Width/2-1.5, 0))
	objs[0].Resize(fyne.NewSize(3, s.Height))
	objs[1].Move(fyne.NewPos(s.Width/2-d/2, l.ts*0.75))
	objs[1].Resize(fyne.NewSize(d, d))
}

func (l *railLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(l.ts*2, 10) }

// timelineAxis is the years from the first event to the last on a line,
// with a marker per event; markers of events close in time stack up.
type timelineAxis struct {
	widget.BaseWidget
	events []timeline.Placed
	onTap  func(int)
	sel    int
	// marker centres from the last layout, for taps
	centres []fyne.Position
	radius  float32
}

func newTimelineAxis(events []timeline.Placed, onTap func(int)) *timelineAxis {
	a := &timelineAxis{events: events, onTap: onTap, sel: -1}
	a.ExtendBaseWidget(a)
	return a
}

// span is the axis's first and last year: whole decades around the
// events.
func (a *timelineAxis) span() (float64, float64) {
	lo, hi := 1950.0, 2030.0
	if len(a.events) > 0 {
		lo = math.Floor(a.events[0].When.Value()/10) * 10
		hi = math.Ceil((a.events[len(a.events)-1].When.Value()+0.01)/10) * 10
	}
	return lo, hi
}

func (a *timelineAxis) Tapped(ev *fyne.PointEvent) {
	best, bestD := -1, float32(a.radius*2.2)
	for i, c := range a.centres {
		d := float32(math.Hypot(float64(c.X-ev.Position.X), float64(c.Y-ev.Position.Y)))
		if d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 && a.onTap != nil {
		a.onTap(best)
	}
}

func (a *timelineAxis) MinSize() fyne.Size {
	ts := a.Theme().Size(theme.SizeNameText)
	return fyne.NewSize(600, ts*12.5)
}

func (a *timelineAxis) CreateRenderer() fyne.WidgetRenderer {
	r := &axisRenderer{a: a}
	return r
}

type axisRenderer struct {
	a    *timelineAxis
	objs []fyne.CanvasObject
	size fyne.Size
}

// overMarker reports whether the box (x0,y0)-(x1,y1) touches a marker.
func overMarker(centres []fyne.Position, rad, x0, y0, x1, y1 float32) bool {
	for _, c := range centres {
		if c.X+rad > x0 && c.X-rad < x1 && c.Y+rad > y0 && c.Y-rad < y1 {
			return true
		}
	}
	return false
}

func (r *axisRenderer) Destroy()                     {}
func (r *axisRenderer) MinSize() fyne.Size           { return r.a.MinSize() }
func (r *axisRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *axisRenderer) Refresh()                     { r.Layout(r.size) }

// Layout draws the axis again for a size: cheap, a few dozen objects.
func (r *axisRenderer) Layout(s fyne.Size) {
	r.size = s
	a := r.a
	ts := a.Theme().Size(theme.SizeNameText)
	fg := theme.Color(theme.ColorNameForeground)
	accent := theme.Color(theme.ColorNamePrimary)
	pad := ts * 2.5
	baseY := s.Height - ts*2.6
	lo, hi := a.span()
	x := func(v float64) float32 { return pad + float32((v-lo)/(hi-lo))*(s.Width-2*pad) }
	var objs []fyne.CanvasObject
	line := canvas.NewRectangle(fg)
	line.Move(fyne.NewPos(pad-ts*0.5, baseY-1.5))
	line.Resize(fyne.NewSize(s.Width-2*pad+ts, 3))
	objs = append(objs, line)
	for y := lo; y <= hi; y += 5 {
		major := int(y)%10 == 0
		tick := canvas.NewRectangle(fg)
		h := ts * 0.5
		if major {
			h = ts
		}
		tick.Move(fyne.NewPos(x(y)-1, baseY))
		tick.Resize(fyne.NewSize(2, h))
		objs = append(objs, tick)
		if major {
			lab := canvas.NewText(strconv.Itoa(int(y)), fg)
			lab.TextSize = ts
			w := fyne.MeasureText(lab.Text, ts, fyne.TextStyle{}).Width
			lab.Move(fyne.NewPos(x(y)-w/2, baseY+ts*1.1))
			objs = append(objs, lab)
		}
	}
	rad := ts * 0.55
	a.radius = rad
	a.centres = a.centres[:0]
	var lastX float32 = -1000
	level := 0
	// each stack of markers is dated above its top where there is room
	type stack struct {
		x, top float32
		year   string
	}
	var stacks []stack
	for i, ev := range a.events {
		cx := x(ev.When.Value())
		if cx-lastX < rad*2.1 {
			level++
		} else {
			level = 0
			lastX = cx
			year := strconv.Itoa(ev.When.Year)
			if ev.When.Decade {
				year = strconv.Itoa(ev.When.Year/10*10) + "s"
			}
			stacks = append(stacks, stack{x: cx, year: year})
		}
		cy := baseY - rad*1.6 - float32(level)*rad*2.3
		stacks[len(stacks)-1].top = cy - rad
		c := canvas.NewCircle(accent)
		rr := rad
		if i == a.sel {
			c.FillColor = theme.Color(theme.ColorNameError)
			rr = rad * 1.35
		}
		c.StrokeColor = theme.Color(theme.ColorNameBackground)
		c.StrokeWidth = 1.5
		c.Move(fyne.NewPos(cx-rr, cy-rr))
		c.Resize(fyne.NewSize(2*rr, 2*rr))
		objs = append(objs, c)
		a.centres = append(a.centres, fyne.NewPos(cx, cy))
	}
	small := ts * 0.8
	lastRight := float32(-1000)
	for _, st := range stacks {
		w := fyne.MeasureText(st.year, small, fyne.TextStyle{Bold: true}).Width
		x0, x1 := st.x-w/2, st.x+w/2
		y0, y1 := st.top-small*1.6, st.top-small*0.3
		if x0 < lastRight+small*0.6 || overMarker(a.centres, rad*1.05, x0, y0, x1, y1) {
			continue
		}
		lab := canvas.NewText(st.year, accent)
		lab.TextSize = small
		lab.TextStyle.Bold = true
		lab.Move(fyne.NewPos(x0, y0))
		objs = append(objs, lab)
		lastRight = st.x + w/2
	}
	r.objs = objs
}
