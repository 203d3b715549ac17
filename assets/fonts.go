package assets

import _ "embed"

// The text faces of the window's theme: Noto Sans cut to the scripts and
// symbols the article, the study content and the interface draw (and
// what a student of them is likely to type), with arrows and shapes
// copied in from Noto Sans Symbols, so drawing them never sends Fyne
// searching the system's fonts. Made by scripts/make-fonts.sh; SIL OFL 1.1, see
// fonts/LICENSE-OFL.txt.
var (
	//go:embed fonts/GlossaNotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/GlossaNotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/GlossaNotoSans-Italic.ttf
	FontItalic []byte
	//go:embed fonts/GlossaNotoSans-BoldItalic.ttf
	FontBoldItalic []byte
)
