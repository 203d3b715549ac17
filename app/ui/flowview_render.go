package ui

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/glossa-app/glossa/app/ui/flowtext"
)

func (f *flowView) CreateRenderer() fyne.WidgetRenderer {
	r := &flowRenderer{f: f, hl: canvas.NewRectangle(color.Transparent)}
	r.hl.CornerRadius = 4
	return r
}

type flowRenderer struct {
	f     *flowView
	hl    *canvas.Rectangle
	rects []*canvas.Rectangle // highlights, selection, caret, margin marks
	objs  []fyne.CanvasObject
	// texts draw the runs the shipped faces lack a rune of (another
	// script), which Fyne draws from a system font; inks below draw
	// all the others
	texts kept[runKey, *canvas.Text] // by the run they show
	need  []placed
	line  flowtext.Line // a line being settled (drawnX)
	xs    []float32
	// boxes holds each text in a container of its own, placed on a
	// whole pixel, the text inside it just short of half a pixel in
	// (textBox says why)
	boxes map[*canvas.Text]*fyne.Container
	// inks draws the lines in the shipped faces, a raster each
	// (glyphs.go), by line, as texts are kept by run
	inks     kept[lineKey, *lineInk]
	needInks []lineNeed
	inkOf    map[*canvas.Raster]*lineInk
	scratch  *image.RGBA
}

// lineKey names one line of one block.
type lineKey struct{ b, l int32 }

// lineNeed is a line to draw as a raster: its runs, where and how big.
type lineNeed struct {
	key  lineKey
	runs []inkRun
	pos  fyne.Position
	sz   fyne.Size
}

// lineInk is the raster of one line and the runs it draws.
type lineInk struct {
	r     *canvas.Raster
	runs  []inkRun
	scale float32
}

// runKey names one run of one line: a line keeps its canvas.Text while it
// scrolls, so the GL driver does not rasterize it again every frame.
type runKey struct{ b, l, r int32 }

type placed struct {
	key  runKey
	text string
	size float32
	st   fyne.TextStyle
	c    color.Color
	pos  fyne.Position
	sz   fyne.Size
}

func (r *flowRenderer) Destroy() {}

func (r *flowRenderer) Layout(s fyne.Size) {
	r.f.ensure(s.Width)
	r.place()
}

func (r *flowRenderer) MinSize() fyne.Size { return r.f.MinSize() }

func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *flowRenderer) Refresh() {
	r.place()
	canvas.Refresh(r.f)
}

// overscan is how far beyond the viewport lines are prepared, so that a
// wheel step shows text that is already there.
const overscan = 300

func (r *flowRenderer) place() {
	f := r.f
	th := f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	link := th.Color(theme.ColorNameHyperlink, v)
	hit := th.Color(theme.ColorNamePrimary, v)
	if r.boxes == nil {
		r.boxes = map[*canvas.Text]*fyne.Container{}
		r.inkOf = map[*canvas.Raster]*lineInk{}
	}

	top, bottom := float32(0), f.lay.total
	if f.scroll != nil {
		over := float32(overscan)
		if f.notScrolled {
			over = 0
		}
		top = f.scroll.Offset.Y - over
		bottom = f.scroll.Offset.Y + f.scroll.Size().Height + over
	}
	r.objs = r.objs[:0]
	r.hl.Hide()
	if f.highlight >= 0 && f.highlight < len(f.lay.blocks) {
		lb := f.lay.blocks[f.highlight]
		if lb.y+lb.h >= top && lb.y <= bottom {
			pad := f.size * 0.5
			r.hl.FillColor = th.Color(theme.ColorNameSelection, v)
			r.hl.Move(fyne.NewPos(f.colX-pad, lb.y+lb.gap-pad/2))
			r.hl.Resize(fyne.NewSize(f.colW+2*pad, lb.h-lb.gap+pad))
			r.hl.Show()
			r.hl.Refresh()
		}
	}
	r.objs = append(r.objs, r.hl)
	r.placeMarks(top, bottom)
	r.need = r.need[:0]
	r.needInks = r.needInks[:0]
	snap, scale := pixelSnapper(f)
	in := textInset(scale)
	if len(f.lay.blocks) > 0 {
		for bi := f.lay.blockAt(top); bi < len(f.lay.blocks); bi++ {
			lb := &f.lay.blocks[bi]
			if lb.y > bottom {
				break
			}
			b := &f.blocks[bi]
			for li := range lb.lines {
				l := &lb.lines[li]
				y := lb.y + lb.gap + l.y
				if y+l.h < top || y > bottom {
					continue
				}
				xs := r.drawnX(b, l)
				var ink []inkRun
				left, right := float32(math.Inf(1)), float32(math.Inf(-1))
				for ri, ru := range l.runs {
					p := &b.pieces[ru.piece]
					size := l.size
					if p.sup {
						size *= supScale
					}
					m := f.ms.At(size)
					ty := y + (l.h-m.Height())/2
					if p.sup {
						ty = y + (l.h-f.ms.At(l.size).Height())/2 - m.Height()*0.12
					}
					c := fg
					switch {
					case p.tone == toneMuted:
						c = muted
					case p.tone == toneHit:
						c = hit
					case p.kind == runMarker || p.kind == runLink || p.tone == toneLink:
						c = link
					}
					st := flowtext.TextStyle(p.style)
					text := p.text[ru.start:ru.end]
					if inkable(st, text) {
						x := f.colX + xs[ri]
						left, right = min(left, x), max(right, x+ru.w)
						ink = append(ink, inkRun{text: text, st: st, size: size, c: c, x: x, top: ty, run: int32(ri)})
						continue
					}
					r.need = append(r.need, placed{
						key: runKey{int32(bi), int32(li), int32(ri)}, text: text,
						size: size, st: st, c: c,
						pos: snap(fyne.NewPos(f.colX+xs[ri], ty)), sz: fyne.NewSize(ru.w+2, m.Height()),
					})
				}
				if len(ink) > 0 {
					r.needInks = append(r.needInks, inkLine(lineKey{int32(bi), int32(li)}, ink, left, right, y, l.h, l.size, snap, scale))
				}
			}
		}
	}
	// keep the texts of runs still on screen; recycle the others
	r.texts.start(len(r.need), func(i int) runKey { return r.need[i].key })
	for _, n := range r.need {
		t := r.texts.get(n.key, func() *canvas.Text { return canvas.NewText("", color.Black) })
		if t.Text != n.text || t.TextSize != n.size || t.TextStyle != n.st || t.Color != n.c {
			t.Text, t.TextSize, t.TextStyle, t.Color = n.text, n.size, n.st, n.c
			t.Refresh()
		}
		box := r.textBox(t)
		box.Move(n.pos)
		t.Move(in)
		t.Resize(n.sz)
		r.objs = append(r.objs, box)
	}
	r.texts.done()
	r.placeInks(scale)
}

// inkable: text in style st is drawn from the shipped faces, which have
// every rune of it.
func inkable(st fyne.TextStyle, text string) bool { return fontSource(st, text) != nil }

// inkLine is the raster that draws runs, a line's runs in the shipped
// faces (x and top in flow coordinates): from the first run's start to
// the last one's end, with room around for what leans or hangs out of
// the text box (an italic's lean, a j's tail, a raised marker), its top
// left on a whole pixel and its size whole pixels, so that its texture
// is drawn pixel for pixel.
func inkLine(key lineKey, runs []inkRun, left, right, y, h, size float32, snap func(fyne.Position) fyne.Position, scale float32) lineNeed {
	padX, padY := size*0.3, size*0.15
	at := snap(fyne.NewPos(left-padX, y-padY))
	whole := func(v float32) float32 { return float32(math.Ceil(float64(v*scale))) / scale }
	sz := fyne.NewSize(whole(right+padX-at.X), whole(y+h+padY-at.Y))
	for i := range runs {
		runs[i].x -= at.X
		runs[i].top -= at.Y
	}
	return lineNeed{key: key, runs: runs, pos: at, sz: sz}
}

// placeInks keeps the rasters of lines still on screen, drawn again only
// when what they draw changed, and recycles the others.
func (r *flowRenderer) placeInks(scale float32) {
	r.inks.start(len(r.needInks), func(i int) lineKey { return r.needInks[i].key })
	for _, n := range r.needInks {
		li := r.inks.get(n.key, func() *lineInk {
			li := &lineInk{}
			firstInks.addLine(li)
			li.r = canvas.NewRaster(r.generator(li))
			li.r.ScaleMode = canvas.ImageScalePixels
			r.inkOf[li.r] = li
			return li
		})
		li.r.Move(n.pos)
		if li.scale != scale || !slices.Equal(li.runs, n.runs) || li.r.Size() != n.sz {
			li.runs = append(li.runs[:0], n.runs...)
			li.scale = scale
			li.r.Resize(n.sz)
			li.r.Refresh()
		}
		r.objs = append(r.objs, li.r)
	}
	r.inks.done()
}

// kept holds what a renderer drew by key, so that what stays on screen
// keeps its object (and the texture the painter made for it) and what
// leaves the screen is reused for what comes in.
type kept[K comparable, V any] struct {
	live, next map[K]V
	spare      []V
}

// start keeps, of what was drawn, the objects of the n keys wanted now
// and puts the others aside for reuse.
func (k *kept[K, V]) start(n int, key func(i int) K) {
	if k.live == nil {
		k.live, k.next = map[K]V{}, map[K]V{}
	}
	for i := range n {
		if v, ok := k.live[key(i)]; ok {
			k.next[key(i)] = v
			delete(k.live, key(i))
		}
	}
	for key, v := range k.live {
		k.spare = append(k.spare, v)
		delete(k.live, key)
	}
}

// get is key's object: the one it had, one put aside, or a new one.
func (k *kept[K, V]) get(key K, mk func() V) V {
	v, ok := k.next[key]
	if !ok {
		if n := len(k.spare); n > 0 {
			v, k.spare = k.spare[n-1], k.spare[:n-1]
		} else {
			v = mk()
		}
		k.next[key] = v
	}
	return v
}

// done ends a round: what was got is what is drawn.
func (k *kept[K, V]) done() { k.live, k.next = k.next, k.live }

// generator draws li's runs into a w by h pixel image. The painter copies
// the image into a texture at once, so one buffer serves every line.
func (r *flowRenderer) generator(li *lineInk) func(w, h int) image.Image {
	return func(w, h int) image.Image {
		n := w * h * 4
		if r.scratch == nil || cap(r.scratch.Pix) < n {
			r.scratch = &image.RGBA{Pix: make([]uint8, n)}
		}
		img := r.scratch
		img.Pix = img.Pix[:n]
		clear(img.Pix)
		img.Stride, img.Rect = w*4, image.Rect(0, 0, w, h)
		scale := li.scale
		if sw := li.r.Size().Width; sw > 0 {
			scale = float32(w) / sw
		}
		drawRuns(img, li.runs, scale, &uiInk.sh, &uiInk.faces)
		return img
	}
}

// drawnX is where each run of l is drawn: after the run before it as
// that run is drawn, kerning included (flowtext's Settle), so a footnote
// marker or an italic word does not stand apart from the word before it
// at large sizes. A line of one run, most lines, is drawn where it was
// laid out; a last run's width moves nothing, so it is not measured.
func (r *flowRenderer) drawnX(b *block, l *line) []float32 {
	r.xs = r.xs[:0]
	if len(l.runs) < 2 {
		for _, ru := range l.runs {
			r.xs = append(r.xs, ru.x)
		}
		return r.xs
	}
	r.line = r.line[:0]
	for _, ru := range l.runs {
		r.line = append(r.line, flowtext.Run{Span: ru.piece, Start: ru.start, End: ru.end, X: ru.x, W: ru.w})
	}
	last := len(r.line) - 1
	r.line.Settle(func(i int) float32 {
		ru := r.line[i]
		if i == last {
			return ru.W
		}
		p := &b.pieces[ru.Span]
		size := l.size
		if p.sup {
			size *= supScale
		}
		return r.f.ms.At(size).Drawn(p.text[ru.Start:ru.End], flowtext.TextStyle(p.style))
	})
	for _, ru := range r.line {
		r.xs = append(r.xs, ru.X)
	}
	return r.xs
}

// pixelSnapper returns a function that moves a position in f to the
// nearest whole device pixel on screen. The GL painter draws each text as
// a texture; at a fractional pixel it is filtered, and the run looks paler
// and blurred next to its neighbours on the same line.
//
// Where f is on screen is what was last learnt (learnOrigin, noteOrigin);
// place never asks the driver itself: AbsolutePositionForObject walks the
// window's tree and creates every missing renderer on the way, and place
// runs inside Refresh, which Fyne calls while it creates a renderer.
// AppTabs.CreateRenderer refreshes every tab's content, so once Fyne's
// cache had dropped the main window's tabs (a minute unseen), switching
// the theme recreated the tabs, which refreshed the reader, whose walk
// recreated the tabs again, without end.
func pixelSnapper(f *flowView) (snap func(fyne.Position) fyne.Position, scale float32) {
	scale = 1
	if d := fyne.CurrentApp().Driver(); d != nil {
		if c := d.CanvasForObject(f); c != nil {
			scale = c.Scale() // a lookup, no walk
		}
	}
	f.learnOrigin()
	abs := f.origin.at.Add(f.placedAt())
	round := func(v, origin float32) float32 {
		return float32(math.Round(float64((origin+v)*scale)))/scale - origin
	}
	return func(p fyne.Position) fyne.Position {
		return fyne.NewPos(round(p.X, abs.X), round(p.Y, abs.Y))
	}, scale
}

// textBox is t's container, made on first use. Fyne 2.7.1's GL painter
// makes a text's texture ceil(w) pixels wide and high for a text
// measured w (newGlTextTexture) but draws it into a rectangle whose
// edges it rounds to the nearest pixel (roundToPixelCoords, in drawText
// with the text's position in its parent and in rectCoords with its
// position in the window): a run whose width or height had a fraction
// under a half was drawn a pixel narrower or lower than its texture,
// resampled, and looked a shade paler than the runs beside it. Inside a
// container of its own on a whole pixel, a text set in by just under half
// a pixel (textInset) is drawn from that pixel and ceil(w) wide: its
// start still rounds down, its end now rounds up.
func (r *flowRenderer) textBox(t *canvas.Text) *fyne.Container {
	box := r.boxes[t]
	if box == nil {
		box = container.NewWithoutLayout(t)
		r.boxes[t] = box
	}
	return box
}

// textInset is just under half a device pixel at scale, in each axis.
func textInset(scale float32) fyne.Position {
	d := 0.499 / scale
	return fyne.NewPos(d, d)
}

// screenOrigin is where a flow's parent is on screen, as last learnt.
type screenOrigin struct {
	at     fyne.Position
	asking bool // learnOrigin has a question queued
}

// learnOrigin asks the driver where f is once the refresh or layout that
// placed it is over: fyne.Do queues the question while the app runs. A
// driver that runs it at once (the test driver, or before the app runs)
// is inside that refresh, so it is not asked; the pointer tells instead.
func (f *flowView) learnOrigin() {
	if f.origin.asking {
		return
	}
	f.origin.asking = true
	now := true
	fyne.Do(func() {
		f.origin.asking = false
		if now {
			return
		}
		d := fyne.CurrentApp().Driver()
		if d.CanvasForObject(f) == nil {
			return
		}
		f.setOrigin(d.AbsolutePositionForObject(f).Subtract(f.Position()))
	})
	now = false
}

// placedAt is where f sits in its parent: inside its scroll, at minus the
// offset, which the scroll has set before it calls OnScrolled but moves
// the content to only afterwards.
func (f *flowView) placedAt() fyne.Position {
	if f.scroll != nil {
		return fyne.NewPos(0, -f.scroll.Offset.Y)
	}
	return f.Position()
}

// noteOrigin learns where f's parent is on screen from a pointer event
// over f.
func (f *flowView) noteOrigin(ev *fyne.PointEvent) {
	f.setOrigin(ev.AbsolutePosition.Subtract(ev.Position).Subtract(f.Position()))
}

// setOrigin draws the runs again when f's parent moved on screen, by a
// fraction of a pixel or more.
func (f *flowView) setOrigin(o fyne.Position) {
	if o == f.origin.at {
		return
	}
	f.origin.at = o
	f.Refresh()
}

// pos is where run ru of block bi ends on the left, below its line, in
// view coordinates (for tests and popovers).
func (ru run) pos(f *flowView, bi int) fyne.Position {
	lb := f.lay.blocks[bi]
	return fyne.NewPos(f.colX+ru.x, lb.y+lb.gap+lb.lines[0].h)
}
