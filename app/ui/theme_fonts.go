package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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

func (withShippedFonts) Font(s fyne.TextStyle) fyne.Resource { return shippedFont(s) }
