#!/usr/bin/env bash
# make-fonts.sh: rebuilds the fonts Glossa's theme ships (assets/fonts/*.ttf)
# from Debian's Noto fonts. A build-time tool: its output is committed, and
# nothing runs it when Glossa is built or started.
#
# Why: Fyne's embedded Noto Sans lacks arrows and geometric shapes the
# interface draws (↑ ↓ → ■ ▼); drawing one makes Fyne search the
# system's fonts for a face that has it (parsing each candidate). Each shipped face is Noto
# Sans cut to the blocks a student of a European-language law article meets
# (Latin and its extensions, Greek, punctuation, super- and subscripts,
# currency, letterlike and number forms, some maths), with the arrows from
# Noto Sans Symbols and the shapes and check marks from Noto Sans Symbols 2
# copied in. TestShippedFontsCoverEverythingDrawn (app/ui) fails when the
# article, the study content or the interface draws a rune they lack: add
# its block below and run this again.
#
# Polytonic Greek, IPA and the rarer Latin extensions are left to the
# system's fonts (Fyne falls back to them when a student types one).
#
# Needs: pyftsubset and Python's fontTools, and the Noto fonts:
# apt-get install fonttools fonts-noto-core
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/assets/fonts
noto=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
py=/usr/bin/python3
command -v pyftsubset >/dev/null || { echo "make-fonts: pyftsubset missing: apt-get install fonttools" >&2; exit 1; }
for f in NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic NotoSansSymbols-Regular NotoSansSymbols-Bold NotoSansSymbols2-Regular; do
	[ -f "$noto/$f.ttf" ] || { echo "make-fonts: $noto/$f.ttf missing: apt-get install fonts-noto-core fonts-noto-core" >&2; exit 1; }
done

# Blocks kept from Noto Sans (pyftsubset keeps only what the font has).
text_blocks=(
	U+0020-007E   # Basic Latin
	U+00A0-00FF   # Latin-1 Supplement
	U+0100-017F   # Latin Extended-A
	U+0180-024F   # Latin Extended-B
	U+02B0-02FF   # Spacing Modifier Letters
	U+0300-036F   # Combining Diacritical Marks
	U+0370-03FF   # Greek and Coptic
	U+1E00-1EFF   # Latin Extended Additional
	U+2000-206F   # General Punctuation
	U+2070-209F   # Superscripts and Subscripts
	U+20A0-20CF   # Currency Symbols
	U+2100-214F   # Letterlike Symbols
	U+2150-218F   # Number Forms
	U+2200-22FF   # Mathematical Operators (what Noto Sans has)
	U+FB00-FB06   # Latin ligatures
	U+FFFD        # the replacement character Fyne draws for a missing glyph
)
# Blocks copied in from the symbol faces.
arrows=U+2190-21FF            # Arrows (Noto Sans Symbols, regular and bold)
shapes=U+25A0-25FF,U+2713-2717 # Geometric Shapes, check marks (Noto Sans Symbols 2, regular only)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sub() { # sub IN OUT UNICODES
	pyftsubset "$1" --output-file="$2" --unicodes="$3" --no-hinting --layout-features='kern,liga,mark,mkmk,ccmp,locl' --name-IDs='0,1,2,3,4,5,6,13,14' --notdef-outline
}
sub "$noto/NotoSansSymbols-Regular.ttf" "$tmp/arrows-regular.ttf" "$arrows"
sub "$noto/NotoSansSymbols-Bold.ttf" "$tmp/arrows-bold.ttf" "$arrows"
sub "$noto/NotoSansSymbols2-Regular.ttf" "$tmp/shapes.ttf" "$shapes"
blocks=$(IFS=,; echo "${text_blocks[*]}")
for style in Regular Bold Italic BoldItalic; do
	sub "$noto/NotoSans-$style.ttf" "$tmp/NotoSans-$style.ttf" "$blocks"
	arrowsrc=$tmp/arrows-regular.ttf
	[[ $style == Bold* ]] && arrowsrc=$tmp/arrows-bold.ttf
	"$py" - "$tmp/NotoSans-$style.ttf" "$out/GlossaNotoSans-$style.ttf" "$arrowsrc" "$tmp/shapes.ttf" <<'PY'
# Copies every mapped glyph of the donor fonts into the base font (same
# units per em, TrueType outlines; the symbols are simple glyphs, so no
# components to chase) and maps its code points, then names the result so
# it is not mistaken for the full Noto Sans.
import sys
from fontTools.ttLib import TTFont
base = TTFont(sys.argv[1])
glyf, hmtx = base["glyf"], base["hmtx"]
cmap = base.getBestCmap()
order = base.getGlyphOrder()
for path in sys.argv[3:]:
    donor = TTFont(path)
    assert donor["head"].unitsPerEm == base["head"].unitsPerEm, path
    for cp, name in sorted(donor.getBestCmap().items()):
        if cp in cmap:
            continue
        g = donor["glyf"][name]
        assert not g.isComposite(), (path, name)
        new = "u%04X" % cp
        glyf.glyphs[new] = g
        hmtx.metrics[new] = donor["hmtx"][name]
        order.append(new)
        for t in base["cmap"].tables:
            if t.isUnicode():
                t.cmap[cp] = new
base.setGlyphOrder(order)
glyf.glyphOrder = order
base["maxp"].numGlyphs = len(order)
name = base["name"]
for rec in name.names:
    if rec.nameID in (1, 3, 4, 6):
        s = rec.toUnicode()
        rec.string = s.replace("Noto Sans", "Glossa Noto Sans").replace("NotoSans", "GlossaNotoSans")
base.save(sys.argv[2])
PY
done
# the licence travels with the fonts (SIL OFL 1.1, from Debian's copyright file)
{
	echo "The fonts in this folder are subsets of Noto Sans, Noto Sans Symbols and"
	echo "Noto Sans Symbols 2 (Debian packages fonts-noto-core $(dpkg-query -W -f='${Version}' fonts-noto-core 2>/dev/null || echo '?'),"
	echo "upstream https://github.com/notofonts), made by scripts/make-fonts.sh."
	echo "Copyright 2010-2020 Google Inc. and Google LLC."
	echo "They are licensed under the SIL Open Font License, Version 1.1:"
	echo
	# the stanza whose body is the licence text: indented lines after the
	# "License: OFL-1.1" that is followed by the preamble
	awk '/^License: OFL-1.1$/ {hold=1; next} hold && /^ PREAMBLE/ {on=1} {hold=0} on && !/^ / {exit} on' \
		/usr/share/doc/fonts-noto-core/copyright | sed 's/^ //; s/^\.$//'
} >"$out/LICENSE-OFL.txt"
ls -l "$out"
