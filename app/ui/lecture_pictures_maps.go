package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/cite"
	"github.com/glossa-app/glossa/app/principles"
	"github.com/glossa-app/glossa/assets"
)

// mapData is a map of the article: rows (authors, principles) against
// the sections that have paragraphs, each cell with the passages it
// counts.
type mapData struct {
	rowTitle string
	rows     []string
	keys     []string // for authors: the normalised name the row counts
	sections []int    // indexes in Document.Sections, one per column
	cells    [][]mapCell
	unit     string // what a cell counts: "citation", "paragraph"
}

type mapCell struct {
	count int
	paras []int  // paragraph indexes, in reading order, without repeats
	gloss string // what the section says (principles map), shown over its passages
}

// columnSections are the sections with paragraphs of their own; a part
// heading such as "2" whose text is all in 2.1 and 2.2 would be an empty
// column.
func columnSections(doc *article.Document) (cols []int, colOf map[string]int) {
	colOf = map[string]int{}
	for i, s := range doc.Sections {
		end := len(doc.Paragraphs)
		if i+1 < len(doc.Sections) {
			end = doc.Sections[i+1].First
		}
		if s.First < end {
			colOf[s.Number] = len(cols)
			cols = append(cols, i)
		}
	}
	return cols, colOf
}

func (c *mapCell) add(pi int) {
	c.count++
	if n := len(c.paras); n == 0 || c.paras[n-1] != pi {
		for _, p := range c.paras {
			if p == pi {
				return
			}
		}
		c.paras = append(c.paras, pi)
		sort.Ints(c.paras)
	}
}

// citedGrid counts, for the top most cited authors and institutions,
// the citations of their works in each section: a citation is in the
// section of the paragraph its footnote belongs to.
func citedGrid(doc *article.Document, top int) mapData {
	lib := cite.Extract(doc.Footnotes)
	cols, colOf := columnSections(doc)
	paraOf := map[string]int{}
	for i, p := range doc.Paragraphs {
		paraOf[p.ID] = i
	}
	noteP := map[int]int{}
	for _, f := range doc.Footnotes {
		if pi, ok := paraOf[f.Home()]; ok {
			noteP[f.N] = pi
		}
	}
	type author struct {
		key   string
		name  string
		total int
		cells []mapCell
	}
	byKey := map[string]*author{}
	for _, c := range lib.Citations {
		src, ok := lib.Source(c.Source)
		if !ok {
			continue
		}
		pi, ok := noteP[c.Footnote]
		if !ok {
			continue
		}
		col, ok := colOf[doc.Paragraphs[pi].Section]
		if !ok {
			continue
		}
		names := src.Authors
		if len(names) == 0 {
			names = src.Editors
		}
		seen := map[string]bool{}
		for i, name := range names {
			key := strings.ToLower(name)
			if i < len(src.AuthorKeys) && src.AuthorKeys[i] != "" {
				key = src.AuthorKeys[i]
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			a := byKey[key]
			if a == nil {
				a = &author{key: key, name: name, cells: make([]mapCell, len(cols))}
				byKey[key] = a
			}
			a.total++
			a.cells[col].add(pi)
		}
	}
	all := make([]*author, 0, len(byKey))
	for _, a := range byKey {
		all = append(all, a)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].total != all[j].total {
			return all[i].total > all[j].total
		}
		return all[i].name < all[j].name
	})
	if len(all) > top {
		all = all[:top]
	}
	g := mapData{rowTitle: "Author or institution", sections: cols, unit: "citation"}
	for _, a := range all {
		g.rows = append(g.rows, fmt.Sprintf("%s (%d)", openingWords(a.name, 44), a.total))
		g.keys = append(g.keys, a.key)
		g.cells = append(g.cells, a.cells)
	}
	return g
}

// principlesGrid lays the curated principles map (assets/principles.md)
// over the sections: a cell counts the paragraphs its passages are in and
// carries the map's gloss of what the section says about the principle.
// A passage whose quote no longer resolves is left out; the shipped map is
// checked by the principles package's tests.
func principlesGrid(doc *article.Document) mapData {
	cols, colOf := columnSections(doc)
	g := mapData{rowTitle: "Key principle", sections: cols, unit: "paragraph"}
	rows, _ := principles.Load(assets.Principles, doc)
	for _, r := range rows {
		cells := make([]mapCell, len(cols))
		for _, c := range r.Cells {
			col, ok := colOf[c.Section]
			if !ok {
				continue
			}
			cells[col].gloss = c.Gloss
			for _, pi := range c.Paragraphs() {
				cells[col].add(pi)
			}
		}
		g.rows = append(g.rows, r.Name)
		g.cells = append(g.cells, cells)
	}
	return g
}

// mapView draws a mapData as a table of shaded cells: the darker, the
// more. Tapping a cell lists its passages; tapping one opens the reader.
type mapView struct {
	p       *picturesWindow
	data    mapData
	content fyne.CanvasObject
	cells   [][]*heatCell
	scroll  *container.Scroll
	list    dialog.Dialog // the open list of passages, if any
}

func newMapView(p *picturesWindow, g mapData, caption string) *mapView {
	v := &mapView{p: p, data: g}
	doc := p.svc.doc
	maxCount := 1
	for _, row := range g.cells {
		for _, c := range row {
			maxCount = max(maxCount, c.count)
		}
	}
	ncol := len(g.sections) + 1
	grid := container.New(&mapGridLayout{cols: ncol, first: 160 * p.scale})
	grid.Add(pictureText(g.rowTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, si := range g.sections {
		grid.Add(pictureText(doc.Sections[si].Number, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	for r, name := range g.rows {
		lab := pictureText(name, fyne.TextAlignLeading, fyne.TextStyle{})
		lab.Truncation = fyne.TextTruncateEllipsis
		grid.Add(lab)
		var row []*heatCell
		for c := range g.sections {
			r, c := r, c
			hc := newHeatCell(g.cells[r][c].count, maxCount, p.scale, func() { v.onCellTapped(r, c) })
			row = append(row, hc)
			grid.Add(hc)
		}
		v.cells = append(v.cells, row)
	}
	var legend strings.Builder
	legend.WriteString("Sections: ")
	for i, si := range g.sections {
		if i > 0 {
			legend.WriteString(";  ")
		}
		s := doc.Sections[si]
		legend.WriteString(s.Number + " " + openingWords(s.Title, 60))
	}
	cap := wrappedPictureText(caption)
	leg := wrappedPictureText(legend.String())
	// both ways: on a small screen the columns scroll rather than being cut off
	v.scroll = container.NewScroll(container.NewVBox(grid, widget.NewSeparator(), leg))
	v.content = container.NewBorder(cap, nil, nil, nil, v.scroll)
	return v
}

// onCellTapped lists the passages a cell counts.
func (v *mapView) onCellTapped(r, c int) {
	cell := v.data.cells[r][c]
	if len(cell.paras) == 0 {
		return
	}
	doc := v.p.svc.doc
	sec := doc.Sections[v.data.sections[c]]
	items := make([]string, len(cell.paras))
	for i, pi := range cell.paras {
		p := doc.Paragraphs[pi]
		items[i] = fmt.Sprintf("¶%d  %s", pi-sec.First+1, openingWords(p.Text, 110))
	}
	list := widget.NewList(
		func() int { return len(items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(items[i]) })
	name := v.data.rows[r]
	if i := strings.LastIndex(name, " ("); i > 0 {
		name = name[:i]
	}
	what := picturesPlural(cell.count, v.data.unit)
	title := fmt.Sprintf("%s in section %s: %s", name, sec.Number, what)
	hint := widget.NewLabel("Tap a passage to read it in the reader.")
	if cell.gloss != "" {
		hint.SetText(cell.gloss + "\n" + hint.Text)
		hint.Wrapping = fyne.TextWrapWord
	}
	body := container.NewThemeOverride(container.NewBorder(hint, nil, nil, nil, list), largeType{scale: v.p.scale})
	d := dialog.NewCustom(title, "Close", body, v.p.win)
	list.OnSelected = func(i widget.ListItemID) { v.onPassageChosen(r, c, i) }
	d.Resize(fyne.NewSize(900, 520))
	v.list = d
	d.Show()
}

// onPassageChosen opens passage i of cell (r, c) in the reader.
func (v *mapView) onPassageChosen(r, c, i int) {
	if v.list != nil {
		v.list.Hide()
		v.list = nil
	}
	v.p.openParagraph(v.data.cells[r][c].paras[i])
}

func picturesPlural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// heatCell is a count on a background as dark as the count is high.
type heatCell struct {
	widget.BaseWidget
	count, max int
	scale      float32 // of the pictures' type
	onTap      func()
}

func newHeatCell(count, max int, scale float32, onTap func()) *heatCell {
	h := &heatCell{count: count, max: max, scale: scale, onTap: onTap}
	h.ExtendBaseWidget(h)
	return h
}

func (h *heatCell) Tapped(*fyne.PointEvent) {
	if h.count > 0 && h.onTap != nil {
		h.onTap()
	}
}

func (h *heatCell) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 4
	txt := canvas.NewText("", color.Black)
	txt.Alignment = fyne.TextAlignCenter
	txt.TextStyle.Bold = true
	r := &heatRenderer{h: h, bg: bg, txt: txt}
	r.Refresh()
	return r
}

type heatRenderer struct {
	h   *heatCell
	bg  *canvas.Rectangle
	txt *canvas.Text
}

func (r *heatRenderer) Destroy() {}
func (r *heatRenderer) Layout(s fyne.Size) {
	r.bg.Resize(fyne.NewSize(s.Width-4, s.Height-4))
	r.bg.Move(fyne.NewPos(2, 2))
	ts := r.txt.MinSize()
	r.txt.Move(fyne.NewPos(0, (s.Height-ts.Height)/2))
	r.txt.Resize(fyne.NewSize(s.Width, ts.Height))
}
func (r *heatRenderer) MinSize() fyne.Size {
	ts := theme.TextSize() * r.h.scale
	return fyne.NewSize(ts*2.6, ts*1.9)
}
func (r *heatRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.txt} }

func (r *heatRenderer) Refresh() {
	h := r.h
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	// the cell is drawn before it knows the window's theme override, so
	// the pictures' size is applied here
	r.txt.TextSize = theme.TextSize() * h.scale * 1.1
	if h.count == 0 {
		r.txt.Text = "·"
		r.txt.Color = th.Color(theme.ColorNameDisabled, v)
		r.bg.FillColor = color.Transparent
	} else {
		r.txt.Text = strconv.Itoa(h.count)
		// the square root keeps the small counts visible beside the large
		f := float32(h.count) / float32(h.max)
		a := 0.18 + 0.82*float32(math.Sqrt(float64(f)))
		pc := color.NRGBAModel.Convert(th.Color(theme.ColorNamePrimary, v)).(color.NRGBA)
		r.bg.FillColor = color.NRGBA{R: pc.R, G: pc.G, B: pc.B, A: uint8(255 * a)}
		if a > 0.55 {
			r.txt.Color = color.White
		} else {
			r.txt.Color = th.Color(theme.ColorNameForeground, v)
		}
	}
	r.bg.Refresh()
	r.txt.Refresh()
}

// mapGridLayout is a table: a wide first column for the row names and equal
// columns for the counts, every row as tall as its tallest cell.
type mapGridLayout struct {
	cols  int
	first float32
}

func (g *mapGridLayout) rowsOf(objs []fyne.CanvasObject) (rowH []float32, cellW float32) {
	for i := 0; i < len(objs); i += g.cols {
		var h float32
		for j := i; j < min(i+g.cols, len(objs)); j++ {
			h = max(h, objs[j].MinSize().Height)
		}
		rowH = append(rowH, h)
	}
	for i, o := range objs {
		if i%g.cols != 0 {
			cellW = max(cellW, o.MinSize().Width)
		}
	}
	return rowH, cellW
}

func (g *mapGridLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	rowH, minW := g.rowsOf(objs)
	// names get the room the counts do not need, up to 40% of the width
	first := max(g.first, min(s.Width-minW*float32(g.cols-1), s.Width*0.4))
	cellW := (s.Width - first) / float32(g.cols-1)
	y := float32(0)
	for i, o := range objs {
		r, c := i/g.cols, i%g.cols
		if c == 0 && r > 0 {
			y += rowH[r-1]
		}
		x, w := first+float32(c-1)*cellW, cellW
		if c == 0 {
			x, w = 0, first
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, rowH[r]))
	}
}

func (g *mapGridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	rowH, cellW := g.rowsOf(objs)
	var h float32
	for _, r := range rowH {
		h += r
	}
	return fyne.NewSize(g.first+cellW*float32(g.cols-1), h)
}
