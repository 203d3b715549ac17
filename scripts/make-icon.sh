#!/usr/bin/env bash
# Draws assets/icon.png (512x512, 8-bit RGBA): a serif "G" on navy with
# an amber footnote dot. Kept as a script so the icon can be redrawn, not
# edited. The G is stroked a little heavier than the font and the dot sits
# clear of it, so that at 16 px (taskbar, window list) the letter still
# reads and the dot does not merge into its top terminal.
# Needs ImageMagick and the DejaVu fonts (Debian: imagemagick fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
convert -size 512x512 xc:none \
  -fill '#1d3557' -draw 'roundrectangle 16,16 495,495 96,96' \
  -font DejaVu-Serif-Bold -pointsize 360 -fill '#f1faee' -stroke '#f1faee' -strokewidth 8 \
  -gravity center -annotate -22+34 'G' \
  -stroke none -fill '#f4a261' -draw 'circle 414,104 414,60' \
  -define png:exclude-chunks=date,time -strip PNG32:assets/icon.png
# The windows' icon (assets/icon-256.png, assets.Icon): the same icon at 256 px, for
# the window manager's title bars, task bars and window lists, which show
# it at 16-128 px. A window hands its icon to the window system as
# uncompressed pixels when it opens: at 512 px, 1 MB decoded and sent
# cost every launch some 15-20 ms before the window showed.
convert assets/icon.png -filter Lanczos -resize 256x256 \
  -define png:exclude-chunks=date,time -strip PNG32:assets/icon-256.png
