#!/usr/bin/env bash
# capture.sh [DIR]: writes PNGs of the screens (reader, sources, cards,
# notes; both themes, several window sizes) drawn by Fyne's software
# painter into DIR (default /tmp/glossa-capture), for looking at a layout
# without a display. These are viewing tools, not tests: they assert
# nothing, so they sit behind the "capture" build tag, out of `go test`.
#
#   scripts/capture.sh                 every capture
#   scripts/capture.sh DIR Notes       only TestNotesCapture (a -run pattern)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/glossa-capture}
mkdir -p "$out"
export GLOSSA_CAPTURE
GLOSSA_CAPTURE=$(cd "$out" && pwd)
CGO_ENABLED=0 LANG=en_US.UTF-8 go test -tags capture -count=1 -run "Capture${2:+.*$2|$2.*Capture}" ./app/ui/
echo "captures in $GLOSSA_CAPTURE:"
ls "$GLOSSA_CAPTURE"
