package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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

// Why the flows draw in the shipped faces themselves (fontSource,
// glyphs.go) instead of through the theme: Fyne 2.7.1 makes, the first time it draws or measures a text
// style through the theme (internal/painter/font.go, CachedFontFace and
// lookupFaces, lines 110-170 and 80-107), a face list of the theme's face,
// Fyne's own Noto Sans of that style, its 4 MB emoji font and a system
// face it looks up by language (lookupLangFont, line 101: the system font
// index is read and rewritten, and a file such as DejaVuSans-Oblique.ttf
// parsed) whether or not a rune is missing: 60-190 ms and 8-10 MB for each
// style (Glossa is built with the no_emoji tag, which leaves the emoji
// font out: 4.7 MB and 25 ms less per style; see the README). The window's
// widgets draw in two styles through the theme (regular and bold, which
// Warm loads beside the start-up); the reader, the footnotes and every
// other flow measure and draw all four shipped faces themselves, each
// parsed once (inkFont), so the article's italics and bold italics load
// no system face at all, and Fyne parses none of them. A run the shipped
// face lacks a rune of is left to Fyne, which looks in the system's fonts. An italic widget (a source
// line, a quoted passage) loads the italic faces when it is first drawn
// on a screen the student opens: none is measured before the first
// frame, and TestNoItalicThroughThemeAtStart keeps it so.

func init() { flowtext.Measure = inkMeasure }

// fontSource is the shipped face text in style s is drawn and measured in
// when that face has every rune of text; nil otherwise, so that Fyne's
// theme path, with its emoji and system faces, draws what a student typed
// that the shipped faces lack.
func fontSource(s fyne.TextStyle, text string) fyne.Resource {
	f := inkFont(s)
	if f == nil {
		return nil
	}
	for _, r := range text {
		if r == '\t' || r == '\n' {
			continue
		}
		if _, ok := f.Cmap.Lookup(r); !ok {
			return nil
		}
	}
	return shippedFont(s)
}

// warm holds, once Warm was called, a channel closed when each group of
// faces is loaded: the screens wait for a group before they build what draws in
// it, since Fyne does not share a face being loaded (a second caller
// loads it all again).
var warm struct{ regular, bold <-chan struct{} }

// Warm loads the faces the window's widgets draw in through the theme,
// regular and bold, each on a goroutine of its own (each costs Fyne a
// system font lookup, see above), while the article is parsed and the
// store opened; WarmText loads the shipped faces the flows draw in
// themselves (glyphs.go).
// Call it as soon as the app exists. The theme it sets is the one the
// window draws in from then on (a liveTheme: New and Open set the
// student's choice of light, dark and zoom inside it, without writing
// the app's settings, which Warm's goroutines and the window being made
// read meanwhile), so what it loads stays valid.
func Warm(a fyne.App) {
	a.Settings().SetTheme(withShippedFonts{newLiveTheme()})
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

// waitWarm waits for a group of faces Warm is loading, if it was called,
// and marks phase with mark.
func waitWarm(c <-chan struct{}, phase string, mark func(string)) {
	if c != nil {
		<-c
		mark(phase)
	}
}
