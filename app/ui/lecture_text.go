package ui

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/glossa-app/glossa/app/article"
	"github.com/glossa-app/glossa/app/ui/flowtext"
)

// bigText is one passage in projector-sized type: wrapped to the width it
// is given, shrunk step by step until it fits the height (down to a floor
// chosen for the back of a room), and scrolled only when even the floor
// is too big. It breaks lines itself over widths measured once per word
// at a reference size, because fitting tries many sizes and RichText
// would lay the paragraph out again for each (about 23 ms a try).
type bigText struct {
	text  string
	attrs []textAttr // one per byte of text
	refs  []article.Ref

	pref  float32 // the size wanted
	floor float32 // the smallest size fitting may choose
	fg    color.Color
	dim   color.Color // sentences shown for context
	mark  color.Color // default highlight colour
	ref   color.Color // footnote markers
	align fyne.TextAlign
	top   bool // keep a short text at the top instead of in the middle

	bigFit // what fitting chose

	content *fyne.Container // positioned text and highlight boxes
	scroll  *container.Scroll
	box     *fyne.Container // what goes in the window: fits and scrolls on resize
	laidAt  fyne.Size
	// spans is the text cut where its look changes, with the footnote
	// markers in place, as the one line breaker (flowtext) takes it
	spans []bigSpan
	ms    flowtext.Measurers
	dirty bool
}

// bigFit is what fitting a passage to its viewport chose.
type bigFit struct {
	size     float32
	height   float32 // of the text at size
	width    float32 // widest line
	overflow bool    // the text is taller than the viewport even at floor
	lineH    float32
	scrollH  float32 // height to scroll: the text's, padded to whole lines
	viewH    float32 // height shown: whole lines when the text scrolls
	lines    int
}

// bigSpan is a stretch of the passage with one look.
type bigSpan struct {
	flowtext.Span
	attr textAttr
}

// textAttr is the look of one byte of text.
type textAttr struct {
	style article.Style
	mark  int  // 0: none; n: the n-th highlight colour (1-based in bigText.marks)
	dim   bool // context, drawn in the dimmed colour
}

// bigMeasureRef is the size at which advances are measured while fitting;
// advances at other sizes are scaled from it (they scale almost linearly).
const bigMeasureRef = 100

// bigMarkerScale is the size of footnote markers relative to the text.
const bigMarkerScale = 0.6

// bigLineSpacing is the distance between baselines, in text sizes.
const bigLineSpacing = 1.32

// bigScrollBar is the room left at the right of a text that scrolls.
const bigScrollBar = 16

func newBigText() *bigText {
	t := &bigText{ms: flowtext.Measurers{}, align: fyne.TextAlignLeading}
	t.content = container.New(&bigTextLayout{t})
	t.scroll = container.NewVScroll(t.content)
	t.box = container.New(&bigFitLayout{t}, t.scroll)
	return t
}

// set replaces the passage. spans are the article's italics and bold;
// marks are highlighted byte ranges with their colours.
func (t *bigText) set(text string, spans []article.Span, refs []article.Ref, marks []lectureMark) {
	t.text = text
	t.refs = refs
	t.attrs = make([]textAttr, len(text))
	for _, s := range spans {
		for i := max(0, s.Start); i < min(len(text), s.End); i++ {
			t.attrs[i].style |= s.Style
		}
	}
	for _, m := range marks {
		for i := max(0, m.start); i < min(len(text), m.end); i++ {
			if m.dim {
				t.attrs[i].dim = true
			} else {
				t.attrs[i].mark = m.color
			}
		}
	}
	t.spans = t.cut()
	t.dirty = true
	t.relayout()
	t.scroll.ScrollToTop()
}

// cut splits the text where its look changes and puts each footnote
// marker after the word it follows ("," between markers that touch).
func (t *bigText) cut() []bigSpan {
	var out []bigSpan
	text, refAt, small := t.text, 0, false
	add := func(i, j int) {
		for k := i; k < j; {
			a := t.attrs[k]
			e := k + 1
			for e < j && t.attrs[e] == a {
				e++
			}
			out = append(out, bigSpan{Span: flowtext.Span{Text: text[k:e], Style: a.style}, attr: a})
			k = e
		}
	}
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) && !isBigSpace(text[j]) {
			j++
		}
		add(i, j)
		small = false
		for refAt < len(t.refs) && t.refs[refAt].Offset <= j {
			n := strconv.Itoa(t.refs[refAt].N)
			if small {
				n = "," + n
			}
			out = append(out, bigSpan{Span: flowtext.Span{Text: n, Style: article.Bold, Small: true, Glue: true}})
			small = true
			refAt++
		}
		k := j
		for k < len(text) && isBigSpace(text[k]) {
			k++
		}
		add(j, k)
		i = k
	}
	return out
}

func isBigSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// lectureMark is a highlighted range: the lecturer's highlights on a
// paragraph (color indexes lectureHighlightColors, 1-based), or with dim
// the sentences shown around the one discussed.
type lectureMark struct {
	start, end int
	color      int
	dim        bool
}

// lectureHighlightColors are the backgrounds of highlights by the colour a note
// was given; translucent so that text stays legible on light and dark.
var lectureHighlightColors = []struct {
	name string
	c    color.NRGBA
}{
	{"yellow", color.NRGBA{R: 255, G: 208, B: 0, A: 110}},
	{"green", color.NRGBA{R: 60, G: 200, B: 80, A: 100}},
	{"blue", color.NRGBA{R: 70, G: 150, B: 255, A: 110}},
	{"pink", color.NRGBA{R: 255, G: 90, B: 170, A: 100}},
	{"orange", color.NRGBA{R: 255, G: 140, B: 0, A: 110}},
}

func lectureHighlightIndex(name string) int {
	for i, h := range lectureHighlightColors {
		if strings.EqualFold(h.name, name) {
			return i + 1
		}
	}
	return 1
}

// relayout fits again at the size last laid out, if there was one.
func (t *bigText) relayout() {
	if t.laidAt.Width > 0 {
		t.fit(t.laidAt)
	}
}

// fit picks the size for a viewport: the preferred one, or smaller by
// steps of 7% until the text fits, but never below the floor.
func (t *bigText) fit(vp fyne.Size) {
	t.laidAt, t.dirty = vp, false
	s := t.pref
	floor := min(t.floor, t.pref)
	for {
		h, _, _ := t.breakLines(s, vp.Width, false, nil)
		if h <= vp.Height || s <= floor {
			break
		}
		s = max(floor, s*0.93)
	}
	// Advances scaled from the reference size are a little off at the size
	// chosen (hinting), which shows as words run together; the lines are
	// broken again over advances measured at that size.
	if len(t.ms) > 64 {
		t.ms = flowtext.Measurers{} // sizes of steps long gone
	}
	for {
		if h, _, _ := t.breakLines(s, vp.Width, true, nil); h <= vp.Height || s <= floor {
			break
		}
		s = max(floor, s*0.97)
	}
	t.size = s
	var objs []fyne.CanvasObject
	t.height, t.width, t.lines = t.breakLines(s, vp.Width, true, nil)
	t.overflow = t.height > vp.Height+0.5
	w := vp.Width
	if t.overflow {
		// keep the lines clear of the scroll bar
		w -= bigScrollBar
	}
	t.height, t.width, t.lines = t.breakLines(s, w, true, &objs)
	// A scrolled text stops only at line starts, so no page begins with
	// half a line: the scroll range is padded to whole lines.
	t.lineH = s * bigLineSpacing
	t.scrollH = t.height
	t.viewH = vp.Height
	if t.overflow {
		// the view shows whole lines: a line cut in half at the bottom
		// reads as a mistake from the back of the room
		t.viewH = max(t.lineH, float32(math.Floor(float64(vp.Height/t.lineH)))*t.lineH)
		k := float32(math.Ceil(float64((t.height - t.viewH) / t.lineH)))
		t.scrollH = t.viewH + k*t.lineH
	}
	// a passage that fits sits in the middle of the screen, as on a slide
	if dy := (vp.Height - t.height) / 2; dy > 0 && !t.top {
		for _, o := range objs {
			o.Move(o.Position().AddXY(0, dy))
		}
	}
	t.content.Objects = objs
	t.content.Refresh()
}

// bigStyle is how a run is drawn: footnote markers in bold.
func bigStyle(st article.Style, small bool) fyne.TextStyle {
	return fyne.TextStyle{Italic: st&article.Italic != 0, Bold: st&article.Bold != 0 || small}
}

// bigRun is a piece of one line, placed.
type bigRun struct {
	text  string
	attr  textAttr
	x, w  float32
	small bool // a footnote marker
}

// breakLines lays the text out at size s in width w with the one line
// breaker and returns its height, its widest line and its number of
// lines; exact measures at s rather than scaling the reference advances;
// with objs it also makes the canvas objects.
func (t *bigText) breakLines(s, w float32, exact bool, objs *[]fyne.CanvasObject) (height, widest float32, lines int) {
	lineH := s * bigLineSpacing
	p := flowtext.Params{Size: s, Width: w, SmallScale: bigMarkerScale, HardBreaks: true}
	if !exact {
		p.Measure = func(size float32) *flowtext.Measurer { return t.ms.Scaled(bigMeasureRef, size) }
	}
	broken := flowtext.Break(t.ms, p, len(t.spans), func(i int) flowtext.Span { return t.spans[i].Span })
	var line []bigRun
	for i, l := range broken {
		widest = max(widest, l.Width())
		if objs == nil {
			continue
		}
		// runs are placed by their drawn widths, kerning included
		// (flowtext's Settle): at projector sizes "user," came out 10 to
		// 16 px wider than drawn, and the gap after it showed
		l.Settle(func(i int) float32 {
			sp := t.spans[l[i].Span]
			size := s
			if sp.Small {
				size = s * bigMarkerScale
			}
			return t.ms.At(size).Drawn(sp.Text[l[i].Start:l[i].End], bigStyle(sp.attr.style, sp.Small))
		})
		line = line[:0]
		for _, r := range l {
			sp := t.spans[r.Span]
			line = append(line, bigRun{text: sp.Text[r.Start:r.End], attr: sp.attr, x: r.X, w: r.W, small: sp.Small})
		}
		t.emit(line, l.Width(), w, float32(i)*lineH, s, lineH, objs)
	}
	return float32(len(broken)) * lineH, widest, len(broken)
}

// emit makes the text objects of one line, with highlight boxes behind
// the highlighted runs (joined across the spaces between them).
func (t *bigText) emit(line []bigRun, lineW, w, y, s, lineH float32, objs *[]fyne.CanvasObject) {
	dx := float32(0)
	if t.align == fyne.TextAlignCenter {
		dx = (w - lineW) / 2
	}
	var boxStart, boxEnd float32
	boxMark := 0
	endBox := func() {
		if boxMark == 0 {
			return
		}
		r := canvas.NewRectangle(lectureHighlightColors[boxMark-1].c)
		r.CornerRadius = s * 0.12
		r.Move(fyne.NewPos(dx+boxStart-s*0.08, y+lineH*0.04))
		r.Resize(fyne.NewSize(boxEnd-boxStart+s*0.16, lineH*0.96))
		*objs = append(*objs, r)
		boxMark = 0
	}
	for _, r := range line {
		if r.attr.mark != boxMark && !r.small {
			endBox()
			if r.attr.mark != 0 {
				boxMark, boxStart = r.attr.mark, r.x
			}
		}
		if boxMark != 0 && !r.small {
			boxEnd = r.x + r.w
		}
	}
	endBox()
	for _, r := range line {
		c := t.fg
		size := s
		if r.attr.dim && t.dim != nil {
			c = t.dim
		}
		if r.small {
			c, size = t.ref, s*bigMarkerScale
		}
		tx := canvas.NewText(r.text, c)
		tx.TextSize = size
		tx.TextStyle = bigStyle(r.attr.style, r.small)
		// whole pixels: glyphs drawn at fractions of a pixel look blurred
		tx.Move(fyne.NewPos(float32(math.Round(float64(dx+r.x))), float32(math.Round(float64(y+(lineH-s*1.2)/2)))))
		*objs = append(*objs, tx)
	}
}

// atEnd reports whether the scrolled text shows its last line.
func (t *bigText) atEnd() bool {
	return !t.overflow || t.scroll.Offset.Y+t.scroll.Size().Height >= t.content.MinSize().Height-1
}

func (t *bigText) atStart() bool { return t.scroll.Offset.Y <= 0 }

// page scrolls by most of a screen in whole lines, keeping two lines
// for context.
func (t *bigText) page(dir int) {
	vh := t.scroll.Size().Height
	n := max(1, float32(math.Floor(float64((vh-2*t.lineH)/t.lineH))))
	y := t.scroll.Offset.Y + float32(dir)*n*t.lineH
	y = max(0, min(y, t.scrollH-vh))
	t.scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// bigTextLayout leaves the objects where fit put them and asks for the
// text's height, so that the scroll container knows what to scroll.
type bigTextLayout struct{ t *bigText }

func (l *bigTextLayout) Layout([]fyne.CanvasObject, fyne.Size) {}
func (l *bigTextLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.t.width, max(l.t.height, l.t.scrollH))
}

// bigFitLayout fits the text to the space the window gives it.
type bigFitLayout struct{ t *bigText }

func (l *bigFitLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	if s != l.t.laidAt || l.t.dirty {
		l.t.fit(s)
	}
	for _, o := range objs {
		o.Resize(fyne.NewSize(s.Width, l.t.viewH))
		o.Move(fyne.Position{})
	}
}

func (l *bigFitLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(40, 40) }

// openingWords is the opening of s, at most n runes, cut at a space.
func openingWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			break
		}
		n--
		cut = i
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > 0 {
		cut = sp
	}
	return s[:cut] + "…"
}
