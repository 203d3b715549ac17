package ui

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The flows draw their lines themselves (inkLine), one raster per line,
// from glyphs rasterized once and kept (glyphCache). Fyne 2.7.1 draws a
// canvas.Text by rasterizing every glyph of it again into a texture of
// its own, with no glyph cache, through image.NRGBA.Set pixel by pixel:
// the first screen of the article, about 3,400 glyphs in 200 runs, cost
// it 100–120 ms on the UI goroutine between the window appearing and its
// first frame. Compositing cached glyphs costs a few ms; the glyphs are
// shaped as Fyne shapes them (HarfbuzzShaper, the same faces and size)
// and placed to a quarter of a pixel.

// inkFaces are the shipped faces the flows draw in, parsed once.
var inkFaces struct {
	once  [4]sync.Once
	fonts [4]*font.Font
}

// inkFont is the parsed shipped font of style st (bold, italic), or nil.
func inkFont(st fyne.TextStyle) *font.Font {
	if st.Monospace || st.Symbol {
		return nil
	}
	i := styleIndex(st)
	inkFaces.once[i].Do(func() {
		f, err := font.ParseTTF(bytes.NewReader(shippedFont(st).Content()))
		if err != nil {
			fyne.LogError("glossa: the shipped font for "+shippedFont(st).Name()+" does not load", err)
			return
		}
		inkFaces.fonts[i] = f.Font
	})
	return inkFaces.fonts[i]
}

// styleIndex numbers the four styles of the shipped faces.
func styleIndex(st fyne.TextStyle) int {
	i := 0
	if st.Bold {
		i |= 1
	}
	if st.Italic {
		i |= 2
	}
	return i
}

// phases is how many horizontal positions within a pixel a glyph is
// rasterized at.
const phases = 4

type glyphKey struct {
	font  *font.Font
	gid   font.GID
	ppem  int32 // pixels per em, 26.6
	phase uint8
}

// glyphMask is a glyph's coverage, its top left at (dx, dy) pixels from
// the pen position on the baseline.
type glyphMask struct {
	a      *image.Alpha
	dx, dy int
}

// glyphCache holds the masks of the glyphs drawn so far: a few hundred
// for an article (its runes, three styles, four phases, a few sizes),
// each some hundred bytes.
type glyphCache struct {
	mu sync.Mutex
	m  map[glyphKey]*glyphMask
	r  vector.Rasterizer
}

// maxGlyphs bounds the cache; a student who zooms through every size
// fills it, and it starts again.
const maxGlyphs = 20000

var glyphs = &glyphCache{m: map[glyphKey]*glyphMask{}}

// mask is the coverage of glyph gid of face at ppem (26.6 pixels per em),
// its outline moved right by phase/phases of a pixel.
func (c *glyphCache) mask(face *font.Face, gid font.GID, ppem int32, phase uint8) *glyphMask {
	k := glyphKey{face.Font, gid, ppem, phase}
	c.mu.Lock()
	defer c.mu.Unlock()
	if g, ok := c.m[k]; ok {
		return g
	}
	g := c.rasterize(face, gid, float32(ppem)/64, float32(phase)/phases)
	if len(c.m) >= maxGlyphs {
		c.m = map[glyphKey]*glyphMask{}
	}
	c.m[k] = g
	return g
}

func (c *glyphCache) rasterize(face *font.Face, gid font.GID, ppem, shift float32) *glyphMask {
	out, ok := face.GlyphData(gid).(font.GlyphOutline)
	if !ok || len(out.Segments) == 0 {
		return &glyphMask{}
	}
	s := ppem / float32(face.Upem())
	minX, minY := float32(math.Inf(1)), float32(math.Inf(1))
	maxX, maxY := float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, seg := range out.Segments {
		for _, p := range seg.ArgsSlice() {
			x, y := p.X*s+shift, -p.Y*s
			minX, maxX = min(minX, x), max(maxX, x)
			minY, maxY = min(minY, y), max(maxY, y)
		}
	}
	x0, y0 := int(math.Floor(float64(minX))), int(math.Floor(float64(minY)))
	w, h := int(math.Ceil(float64(maxX)))-x0, int(math.Ceil(float64(maxY)))-y0
	if w <= 0 || h <= 0 {
		return &glyphMask{}
	}
	ox, oy := shift-float32(x0), -float32(y0)
	c.r.Reset(w, h) // drawing over
	pt := func(p ot.SegmentPoint) (float32, float32) { return p.X*s + ox, -p.Y*s + oy }
	open := false
	for _, seg := range out.Segments {
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			if open {
				c.r.ClosePath()
			}
			c.r.MoveTo(pt(seg.Args[0]))
			open = true
		case ot.SegmentOpLineTo:
			c.r.LineTo(pt(seg.Args[0]))
		case ot.SegmentOpQuadTo:
			ax, ay := pt(seg.Args[0])
			bx, by := pt(seg.Args[1])
			c.r.QuadTo(ax, ay, bx, by)
		case ot.SegmentOpCubeTo:
			ax, ay := pt(seg.Args[0])
			bx, by := pt(seg.Args[1])
			cx, cy := pt(seg.Args[2])
			c.r.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	if open {
		c.r.ClosePath()
	}
	a := image.NewAlpha(image.Rect(0, 0, w, h))
	c.r.Draw(a, a.Rect, image.Opaque, image.Point{})
	return &glyphMask{a: a, dx: x0, dy: y0}
}

// inkRun is a run of text as a line raster draws it, in Fyne units from
// the raster's top left.
type inkRun struct {
	text string
	st   fyne.TextStyle
	size float32
	c    color.Color
	x    float32
	top  float32 // top of the run's text box; its baseline is an ascent below
	run  int32   // the run's index in its line
}

// inkShaper shapes runs as Fyne does (painter.walkString); one per
// goroutine.
type inkShaper struct {
	sh  shaping.HarfbuzzShaper
	seg shaping.Segmenter
}

// shaped calls fn with each shaped piece of r's text, in order, from
// the cache of shaped runs when it has them.
func (s *inkShaper) shaped(face *font.Face, r *inkRun, fn func(out *shaping.Output)) {
	size := fixed.Int26_6(float64(r.size) * 64)
	k := shapedKey{r.text, face.Font, size}
	if outs, ok := shapes.get(k); ok {
		for i := range outs {
			fn(&outs[i])
		}
		return
	}
	text := []rune(r.text)
	in := shaping.Input{
		Text: text, RunStart: 0, RunEnd: len(text),
		Direction: di.DirectionLTR, Face: face, Size: size,
	}
	var outs []shaping.Output
	for _, in := range s.seg.Split(in, singleFace{face}) {
		out := s.sh.Shape(in)
		// what drawRuns reads, and nothing that holds the face
		out = shaping.Output{Glyphs: append([]shaping.Glyph(nil), out.Glyphs...), LineBounds: out.LineBounds}
		outs = append(outs, out)
		fn(&outs[len(outs)-1])
	}
	shapes.put(k, outs)
}

// shapedKey names a run of text shaped in a font at a size.
type shapedKey struct {
	text string
	font *font.Font
	size fixed.Int26_6
}

// shapeCache keeps runs as shaped, so that a line drawn again (scrolled
// back to, in a new theme, after a resize that kept its breaks) is not
// shaped again, nor a run measured (Drawn) and then drawn. Bounded: it
// starts again when full.
type shapeCache struct {
	mu sync.Mutex
	m  map[shapedKey][]shaping.Output
}

const maxShapes = 4096

var shapes = &shapeCache{m: map[shapedKey][]shaping.Output{}}

func (c *shapeCache) get(k shapedKey) ([]shaping.Output, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.m[k]
	return o, ok
}

func (c *shapeCache) put(k shapedKey, o []shaping.Output) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxShapes {
		c.m = make(map[shapedKey][]shaping.Output, maxShapes/4)
	}
	c.m[k] = o
}

// measuring is the shaper and faces inkMeasure measures with, for any
// goroutine.
var measuring struct {
	sync.Mutex
	sh    inkShaper
	faces inkFaceSet
}

// inkMeasure measures text as drawRuns draws it, as Fyne measures a text
// (painter.MeasureString: the advance of the shaped text, the line
// height of a space in the face), when the shipped face of style st has
// every rune of it. It spares Fyne a face of its own for each shipped
// font (1-2 MB and 10-30 ms each): what the flows draw, Fyne neither
// measures nor draws.
func inkMeasure(text string, size float32, st fyne.TextStyle) (fyne.Size, bool) {
	if !inkable(st, text) || strings.ContainsAny(text, "\t\r") {
		return fyne.Size{}, false
	}
	measuring.Lock()
	defer measuring.Unlock()
	face := measuring.faces.face(st)
	var height fixed.Int26_6
	measuring.sh.shaped(face, &inkRun{text: " ", size: size}, func(out *shaping.Output) {
		height = out.LineBounds.LineThickness()
	})
	var adv fixed.Int26_6
	measuring.sh.shaped(face, &inkRun{text: text, size: size}, func(out *shaping.Output) {
		for _, g := range out.Glyphs {
			adv += g.XAdvance
		}
	})
	return fyne.NewSize(float32(adv)/64, float32(height)/64), true
}

type singleFace struct{ f *font.Face }

func (s singleFace) ResolveFace(rune) *font.Face { return s.f }

// drawRuns composites runs into dst, whose pixels are scale times Fyne
// units, over what dst holds. faces gives the face a run is drawn in
// (one goroutine's faces: a face caches glyph extents as it shapes).
func drawRuns(dst *image.RGBA, runs []inkRun, scale float32, sh *inkShaper, faces *inkFaceSet) {
	for i := range runs {
		r := &runs[i]
		face := faces.face(r.st)
		if face == nil || r.text == "" {
			continue
		}
		cr, cg, cb, ca := r.c.RGBA()
		pen := r.x * scale
		top := float32(math.Round(float64(r.top * scale)))
		ppem := int32(math.Round(float64(r.size * scale * 64)))
		sh.shaped(face, r, func(out *shaping.Output) {
			base := int(top) + int(math.Ceil(float64(float32(out.LineBounds.Ascent)/64*scale)))
			for _, g := range out.Glyphs {
				gx := pen + float32(g.XOffset)/64*scale
				gy := base - int(math.Round(float64(float32(g.YOffset)/64*scale)))
				ix := float32(math.Floor(float64(gx)))
				ph := int(math.Round(float64((gx - ix) * phases)))
				if ph == phases {
					ph, ix = 0, ix+1
				}
				m := glyphs.mask(face, g.GlyphID, ppem, uint8(ph))
				if m.a != nil {
					blendMask(dst, m.a, int(ix)+m.dx, gy+m.dy, cr, cg, cb, ca)
				}
				pen += float32(g.XAdvance) / 64 * scale
			}
		})
	}
}

// blendMask draws colour (r, g, b, a: premultiplied, 16 bits) through
// mask m at (x, y) of dst, over its pixels.
func blendMask(dst *image.RGBA, m *image.Alpha, x, y int, r, g, b, a uint32) {
	rect := m.Rect.Add(image.Pt(x, y)).Intersect(dst.Rect)
	if rect.Empty() {
		return
	}
	r8, g8, b8, a8 := r>>8, g>>8, b>>8, a>>8
	for py := rect.Min.Y; py < rect.Max.Y; py++ {
		mi := m.PixOffset(rect.Min.X-x, py-y)
		di := dst.PixOffset(rect.Min.X, py)
		for px := rect.Min.X; px < rect.Max.X; px, mi, di = px+1, mi+1, di+4 {
			cov := uint32(m.Pix[mi])
			if cov == 0 {
				continue
			}
			sa := a8 * cov / 255
			inv := 255 - sa
			d := dst.Pix[di : di+4 : di+4]
			d[0] = uint8((r8*cov + uint32(d[0])*inv) / 255)
			d[1] = uint8((g8*cov + uint32(d[1])*inv) / 255)
			d[2] = uint8((b8*cov + uint32(d[2])*inv) / 255)
			d[3] = uint8((a8*cov + uint32(d[3])*inv) / 255)
		}
	}
}

// uiInk is the shaper and faces of the UI goroutine, where the painter
// asks the rasters for their pixels: one for every flow and label, since
// a shaper prepares each face it meets (harfbuzz.NewFont) and a face
// caches the extents of the glyphs it shaped.
var uiInk struct {
	sh    inkShaper
	faces inkFaceSet
}

// inkFaceSet is one goroutine's faces over the shared fonts.
type inkFaceSet struct{ f [4]*font.Face }

func (s *inkFaceSet) face(st fyne.TextStyle) *font.Face {
	fn := inkFont(st)
	if fn == nil {
		return nil
	}
	i := styleIndex(st)
	if s.f[i] == nil || s.f[i].Font != fn {
		s.f[i] = font.NewFace(fn)
	}
	return s.f[i]
}
