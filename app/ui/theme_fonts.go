package ui

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"github.com/glossa-app/glossa/app/startup"
	"github.com/glossa-app/glossa/app/ui/flowtext"
	"github.com/glossa-app/glossa/assets"
)

// The shipped text faces (see assets/fonts.go): Fyne's own Noto Sans lacks
// the arrows and shapes the interface draws, and a glyph no loaded face
// has makes Fyne search the system's fonts for one.
var (
	fontRegular    = fyne.NewStaticResource("GlossaNotoSans-Regular.ttf", assets.FontRegular)
	fontBold       = fyne.NewStaticResource("GlossaNotoSans-Bold.ttf", assets.FontBold)
	fontItalic     = fyne.NewStaticResource("GlossaNotoSans-Italic.ttf", assets.FontItalic)
	fontBoldItalic = fyne.NewStaticResource("GlossaNotoSans-BoldItalic.ttf", assets.FontBoldItalic)
)

// shippedFont is the face for a text style. Monospace (only the presenter's
// clock: digits) and symbols (Fyne's own key glyphs) keep Fyne's faces,
// which have them.
func shippedFont(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace:
		return theme.DefaultTextMonospaceFont()
	case s.Symbol:
		return theme.DefaultSymbolFont()
	case s.Bold && s.Italic:
		return fontBoldItalic
	case s.Bold:
		return fontBold
	case s.Italic:
		return fontItalic
	}
	return fontRegular
}

// withShippedFonts draws t's text in the shipped faces.
type withShippedFonts struct{ fyne.Theme }

func (withShippedFonts) Font(s fyne.TextStyle) fyne.Resource {
	themeStyles.Store(s, true)
	return shippedFont(s)
}

// themeStyles holds every text style Fyne asked the theme for a face:
// Fyne asks once per style, when it loads that style's faces.
var themeStyles sync.Map // fyne.TextStyle → true

// Why the flows name their face (fontSource) instead of taking the
// theme's: Fyne 2.7.1 makes, the first time it draws or measures a text
// style through the theme (internal/painter/font.go, CachedFontFace and
// lookupFaces, lines 110-170 and 80-107), a face list of the theme's face,
// Fyne's own Noto Sans of that style, its 4 MB emoji font and a system
// face it looks up by language (lookupLangFont, line 101: the system font
// index is read and rewritten, and a file such as DejaVuSans-Oblique.ttf
// parsed) whether or not a rune is missing: 60-190 ms and 8-10 MB for each
// style (Glossa is built with the no_emoji tag, which leaves the emoji
// font out: 4.7 MB and 25 ms less per style; see the README). A text with a FontSource is measured and drawn in that one face
// (CachedFontFace, lines 111-123: 10-30 ms, 1-2 MB), and Fyne still looks
// in the system's fonts for a rune the face lacks. The window's widgets
// draw in two styles through the theme (regular and bold, which Warm
// loads beside the start-up); the reader, the footnotes and every other
// flow draw all four through fontSource, so the article's italics and
// bold italics load no system face at all. An italic widget (a source
// line, a quoted passage) loads the italic faces when it is first drawn
// on a screen the student opens: none is measured before the first
// frame, and TestNoItalicThroughThemeAtStart keeps it so.

func init() { flowtext.Measure = inkMeasure }

// coverage is the set of runes one shipped face has, read from its cmap
// only (a few hundred µs) when first asked.
type coverage struct {
	once sync.Once
	res  fyne.Resource
	cmap font.Cmap
}

var coverages = map[fyne.Resource]*coverage{
	fontRegular:    {res: fontRegular},
	fontBold:       {res: fontBold},
	fontItalic:     {res: fontItalic},
	fontBoldItalic: {res: fontBoldItalic},
}

func (c *coverage) has(text string) bool {
	c.once.Do(func() {
		ld, err := ot.NewLoader(bytes.NewReader(c.res.Content()))
		if err != nil {
			return
		}
		raw, err := ld.RawTable(ot.MustNewTag("cmap"))
		if err != nil {
			return
		}
		t, _, err := tables.ParseCmap(raw)
		if err != nil {
			return
		}
		c.cmap, _, _ = font.ProcessCmap(t, 0)
	})
	if c.cmap == nil {
		return false
	}
	for _, r := range text {
		if r == '\t' || r == '\n' {
			continue
		}
		if _, ok := c.cmap.Lookup(r); !ok {
			return false
		}
	}
	return true
}

// fontSource is the shipped face text in style s is drawn and measured in
// when that face has every rune of text; nil otherwise, so that Fyne's
// theme path, with its emoji and system faces, draws what a student typed
// that the shipped faces lack.
func fontSource(s fyne.TextStyle, text string) fyne.Resource {
	res := shippedFont(s)
	c := coverages[res]
	if c == nil || !c.has(text) {
		return nil
	}
	return res
}

// warm holds, once Warm was called, a channel closed when each group of
// faces is loaded: New waits for a group before it builds what draws in
// it, since Fyne does not share a face being loaded (a second caller
// loads it all again).
var warm struct{ regular, bold, text <-chan struct{} }

// Warm loads the faces the window's widgets draw in through the theme,
// regular and bold, each on a goroutine of its own (each costs Fyne a
// system font lookup, see above), while the article is parsed and the
// store opened; WarmText loads the shipped faces the reader draws in
// through fontSource.
// Call it as soon as the app exists; the theme it sets draws in the same
// faces as the window's (New sets that), so what it loads stays valid.
func Warm(a fyne.App) {
	a.Settings().SetTheme(withShippedFonts{theme.DefaultTheme()})
	load := func(name string, style fyne.TextStyle) <-chan struct{} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer startup.Span(name)()
			fyne.MeasureText("M", theme.TextSize(), style)
		}()
		return done
	}
	warm.regular = load("fonts: regular", fyne.TextStyle{})
	warm.bold = load("fonts: bold", fyne.TextStyle{Bold: true})
}

// waitWarm waits for a group of faces Warm is loading, if it was called.
func waitWarm(c <-chan struct{}, phase string) {
	if c != nil {
		<-c
		startup.Mark(phase)
	}
}
