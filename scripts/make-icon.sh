#!/usr/bin/env bash
# Draws assets/icon.png (512x512): a serif "G" on navy with an amber
# footnote dot. Kept as a script so the icon can be redrawn, not edited.
# Needs ImageMagick and the DejaVu fonts (Debian: imagemagick fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
convert -size 512x512 xc:none \
  -fill '#1d3557' -draw 'roundrectangle 16,16 495,495 96,96' \
  -font DejaVu-Serif-Bold -pointsize 370 -fill '#f1faee' -gravity center -annotate -14+26 'G' \
  -fill '#f4a261' -draw 'circle 410,112 410,62' \
  -define png:exclude-chunks=date,time -strip assets/icon.png
