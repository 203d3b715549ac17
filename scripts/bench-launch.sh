#!/usr/bin/env bash
# bench-launch.sh [RUNS]: measures, from outside, how long the real Glossa
# binary takes from exec to a visible window showing the article, and its
# resident memory once the article is drawn. Each run gets a fresh HOME and
# database (the first launch, the slowest: the article is imported). Runs
# under its own Xvfb; prints each run and the medians.
#
# GLOSSA_BIN=path uses an existing binary; DISPLAY_NUM picks the display.
set -euo pipefail
runs=${1:-5}
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
	(cd "$root" && go build -o "$bin" ./cmd/glossa)
fi
export LANG=en_US.UTF-8
export DISPLAY=":${DISPLAY_NUM:-98}"
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

times=()
rss=()
for i in $(seq "$runs"); do
	home=$work/home-$i
	mkdir -p "$home"
	t0=$(date +%s.%N)
	HOME=$home "$bin" --db "$home/glossa.db" >"$work/run-$i.log" 2>&1 &
	apid=$!
	# xdotool's own --sync polls every half second; poll every 10 ms
	until xdotool search --onlyvisible --name '^Glossa$' >/dev/null 2>&1; do sleep 0.01; done
	t1=$(date +%s.%N)
	# the window maps after its first frame is drawn; give the frame a
	# moment to settle before reading memory
	sleep 1
	kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$apid/status")
	kill "$apid"
	wait "$apid" 2>/dev/null || true
	apid=""
	s=$(echo "$t1 - $t0" | bc -l)
	mb=$((kb / 1024))
	printf 'run %d: window after %.3f s, RSS %d MB\n' "$i" "$s" "$mb"
	times+=("$s")
	rss+=("$mb")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf 'median of %d: window after %.3f s, RSS %s MB\n' "$runs" "$(median "${times[@]}")" "$(median "${rss[@]}")"
