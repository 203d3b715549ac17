#!/usr/bin/env bash
# screenshots.sh DIR: opens the real Glossa binary under its own Xvfb at
# several places (start, a footnote open, search results, dark theme,
# 200 % zoom, a deep link with the footnote panel, Sources, a card with
# its answer shown, the timeline) at 1280x800 and
# 1920x1080, and the Library with four real documents imported at
# 1000x700, and writes PNGs into DIR.
#
# Needs Xvfb, xdotool and ImageMagick's import. GLOSSA_BIN=path uses an
# existing binary instead of building one (the cgo build takes minutes the
# first time). DISPLAY_NUM picks the X display (default 99).
set -euo pipefail

out=${1:?usage: scripts/screenshots.sh DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
xpid=""
apid=""
cleanup() {
	[ -n "$apid" ] && kill "$apid" 2>/dev/null || true
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

bin=${GLOSSA_BIN:-}
if [ -z "$bin" ]; then
	bin=$work/glossa
	. "$root/scripts/build-tags.sh"
	(cd "$root" && go build -tags "$GLOSSA_TAGS" -o "$bin" ./cmd/glossa)
fi

export LANG=en_US.UTF-8
disp=":${DISPLAY_NUM:-99}"

start_x() { # WxH
	[ -n "$xpid" ] && { kill "$xpid" 2>/dev/null || true; wait "$xpid" 2>/dev/null || true; }
	Xvfb "$disp" -screen 0 "$1x24" -nolisten tcp >/dev/null 2>&1 &
	xpid=$!
	export DISPLAY=$disp
	for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return; sleep 0.1; done
	echo "Xvfb did not start on $disp" >&2
	exit 1
}

# preimport: files put in the library (glossa import) before the window
# opens, for the Library's shot
preimport=()

# shot NAME THEME KEYS [ARGS...]: a fresh HOME and database each time, the
# window sized to the screen, KEYS (xdotool key names, "type:TEXT" to
# type, "wait" to pause) sent in order, then the screen captured.
shot() {
	local name=$1 theme=$2 keys=$3
	shift 3
	local home=$work/home-$name
	mkdir -p "$home"
	if [ ${#preimport[@]} -gt 0 ]; then
		HOME=$home "$bin" --db "$home/glossa.db" import "${preimport[@]}" >"$work/$name-import.log"
	fi
	HOME=$home FYNE_THEME=$theme "$bin" --db "$home/glossa.db" "$@" >"$work/$name.log" 2>&1 &
	apid=$!
	local wid
	wid=$(xdotool search --sync --onlyvisible --name '^Glossa$' | head -1)
	read -r sw sh < <(xdpyinfo | awk '/dimensions:/ {split($2, d, "x"); print d[1], d[2]}')
	xdotool windowmove "$wid" 0 0 windowsize "$wid" "$sw" "$sh"
	sleep 1.5
	xdotool windowfocus --sync "$wid" 2>/dev/null || true
	local k
	for k in $keys; do
		case $k in
		wait) sleep 1 ;;
		type:*) xdotool type --delay 40 "${k#type:}"; sleep 0.6 ;;
		*) xdotool key --clearmodifiers "$k"; sleep 0.4 ;;
		esac
	done
	sleep 1
	import -window root "$out/$name.png"
	kill "$apid" 2>/dev/null || true
	wait "$apid" 2>/dev/null || true
	apid=""
	echo "$out/$name.png"
}

for size in 1280x800 1920x1080; do
	start_x "$size"
	shot "start-$size-light" light ""
	shot "start-$size-dark" dark ""
	shot "footnote-$size" light "" --footnote 17
	shot "search-$size" light "ctrl+f type:sovereign wait Down Return"
	shot "zoom200-$size" light "ctrl+equal ctrl+equal ctrl+equal ctrl+equal ctrl+equal" --section 2.1
	shot "zoom200-$size-dark" dark "ctrl+equal ctrl+equal ctrl+equal ctrl+equal ctrl+equal" --section 3.3
	shot "section-panel-$size-dark" dark "f" --section 3.3
	shot "sources-$size" light "ctrl+2"
	shot "cards-$size" light "ctrl+3 space"
	shot "timeline-$size" light "ctrl+shift+t"
done

# the Library, with four real documents by other authors imported
start_x 1000x700
real=$root/app/article/formats/testdata/real
preimport=("$real/free-culture-piracy.docx" "$real/free-culture-introduction.hugo.html" "$real/openlegaldata-stellungnahme-egovg.md" "$real/openlegaldata-research.md")
shot "library-1000x700-dark" dark "ctrl+shift+l"
shot "library-1000x700-light" light "ctrl+shift+l"
preimport=()
