package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/cite"
)

// citedChart is a horizontal bar chart of the most cited authors and
// institutions. It is a widget of its own because bars must be sized to
// the width they get and recoloured when the theme changes, which
// containers of labels cannot do.
type citedChart struct {
	widget.BaseWidget
	rows  []cite.AuthorCount
	onTap func(cite.AuthorCount)
}

func newCitedChart(onTap func(cite.AuthorCount)) *citedChart {
	c := &citedChart{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *citedChart) setRows(rows []cite.AuthorCount) {
	c.rows = rows
	c.Refresh()
}

// rowHeight is the height of one bar's line.
func (c *citedChart) rowHeight() float32 {
	return theme.TextSize()*1.25 + theme.InnerPadding()/2
}

// Tapped searches for the author of the tapped bar.
func (c *citedChart) Tapped(ev *fyne.PointEvent) {
	i := int(ev.Position.Y / c.rowHeight())
	if i >= 0 && i < len(c.rows) && c.onTap != nil {
		c.onTap(c.rows[i])
	}
}

func (c *citedChart) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *citedChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.Refresh()
	return r
}

type chartRenderer struct {
	c      *citedChart
	names  []*canvas.Text
	bars   []*canvas.Rectangle
	counts []*canvas.Text
	legend [4]*canvas.Text // swatch and label for persons, then institutions
	objs   []fyne.CanvasObject
	fitted float32 // name column width the names were shortened for
}

// barColor tells persons from institutions: the primary colour, and a
// grey from the text colour, which differ in both themes.
func barColor(person bool) color.Color {
	if person {
		return theme.Color(theme.ColorNamePrimary)
	}
	r, g, b, _ := theme.Color(theme.ColorNameForeground).RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x78}
}

func (r *chartRenderer) Refresh() {
	rows := r.c.rows
	size := theme.TextSize()
	fg := theme.Color(theme.ColorNameForeground)
	for len(r.names) < len(rows) {
		r.names = append(r.names, canvas.NewText("", fg))
		r.bars = append(r.bars, canvas.NewRectangle(color.Transparent))
		r.counts = append(r.counts, canvas.NewText("", fg))
	}
	r.names, r.bars, r.counts = r.names[:len(rows)], r.bars[:len(rows)], r.counts[:len(rows)]
	for i, row := range rows {
		r.names[i].Text = row.Name
		r.names[i].Color = fg
		r.names[i].TextSize = size
		r.bars[i].FillColor = barColor(row.Person)
		r.counts[i].Text = strconv.Itoa(row.Citations)
		r.counts[i].Color = fg
		r.counts[i].TextSize = size
		r.counts[i].TextStyle.Bold = true
	}
	muted := theme.Color(theme.ColorNamePlaceHolder)
	for k, t := range []string{"■", "persons", "■", "institutions"} {
		if r.legend[k] == nil {
			r.legend[k] = canvas.NewText("", muted)
		}
		r.legend[k].Text = t
		r.legend[k].TextSize = size * 0.85
		r.legend[k].Color = muted
	}
	r.legend[0].Color, r.legend[2].Color = barColor(true), barColor(false)
	r.objs = r.objs[:0]
	for i := range rows {
		r.objs = append(r.objs, r.bars[i], r.names[i], r.counts[i])
	}
	for _, t := range r.legend {
		r.objs = append(r.objs, t)
	}
	r.fitted = -1
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// nameWidth is the column the names get: up to 45 % of the width.
func (r *chartRenderer) nameWidth(w float32) float32 {
	return fyne.Max(80, w*0.45)
}

func (r *chartRenderer) Layout(s fyne.Size) {
	rh := r.c.rowHeight()
	pad := theme.InnerPadding()
	nameW := r.nameWidth(s.Width)
	countW := fyne.MeasureText("000", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	if nameW != r.fitted {
		r.fitted = nameW
		for i, row := range r.c.rows {
			r.names[i].Text = fitText(row.Name, nameW-pad, r.names[i].TextSize, r.names[i].TextStyle)
		}
	}
	maxCount := 1
	for _, row := range r.c.rows {
		maxCount = max(maxCount, row.Citations)
	}
	barX := nameW + pad
	avail := fyne.Max(0, s.Width-barX-countW-pad)
	for i, row := range r.c.rows {
		y := float32(i) * rh
		th := r.names[i].MinSize().Height
		r.names[i].Move(fyne.NewPos(0, y+(rh-th)/2))
		r.names[i].Resize(fyne.NewSize(nameW-pad, th))
		bw := fyne.Max(2, avail*float32(row.Citations)/float32(maxCount))
		r.bars[i].Move(fyne.NewPos(barX, y+rh*0.2))
		r.bars[i].Resize(fyne.NewSize(bw, rh*0.6))
		r.counts[i].Move(fyne.NewPos(barX+bw+pad/2, y+(rh-th)/2))
		r.counts[i].Resize(fyne.NewSize(countW, th))
	}
	x := barX
	y := float32(len(r.c.rows))*rh + pad/2
	for _, t := range r.legend {
		m := t.MinSize()
		t.Move(fyne.NewPos(x, y))
		t.Resize(m)
		x += m.Width + pad/2
	}
}

func (r *chartRenderer) MinSize() fyne.Size {
	rh := r.c.rowHeight()
	return fyne.NewSize(240, float32(len(r.c.rows))*rh+theme.InnerPadding()/2+theme.TextSize()*1.2)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}

// fitText shortens s with an ellipsis to fit width.
func fitText(s string, width, size float32, st fyne.TextStyle) string {
	if fyne.MeasureText(s, size, st).Width <= width {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, st).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}
