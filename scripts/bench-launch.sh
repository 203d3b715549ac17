#!/usr/bin/env bash
# bench-launch.sh [RUNS]: measures, from outside, how long the real Glossa
# binary takes from exec to a visible window showing the article, and its
# resident memory 2 s later, against a hello-world Fyne window
# (scripts/bench/hello, a window titled "Hello" with one label) measured
# in turn, run for run, so that the ratio holds when the machine's load
# drifts. Both are measured first with a fresh HOME for every run (the
# first launch, Glossa imports the article into a new database) and then
# with a warm HOME (one earlier launch, unmeasured). RUNS defaults to 7.
# Runs under its own Xvfb (scripts/deps.sh --display installs it); prints
# each run, the medians, the ratios and the load average. Two moments are
# timed, by scripts/bench/mapwatch, which listens to the X server without
# taking processor time from the program measured (polling with xdotool
# every 10 ms did, on a 2-core machine, and saw the window up to a poll
# late): "shown", when a window of that name maps (what xdotool's
# --onlyvisible saw, the issue's "visible window"), and "painted", when
# its content first changes after that to something that is not one flat
# colour: a Fyne window maps before its first paint, so the window stands
# empty between the two, and Glossa's shows its background while its
# screens are built.
#
# GLOSSA_BIN=path uses an existing binary, HELLO_BIN=path an existing
# yardstick; DISPLAY_NUM picks the display.
set -euo pipefail
runs=${1:-7}
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
hello=${HELLO_BIN:-}
if [ -z "$hello" ]; then
	hello=$work/hello
	(cd "$root" && go build -o "$hello" ./scripts/bench/hello)
fi
watch=$work/mapwatch
(cd "$root" && go build -o "$watch" ./scripts/bench/mapwatch)
export LANG=en_US.UTF-8
export DISPLAY=":${DISPLAY_NUM:-98}"
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# launch NAME HOME: starts one program with HOME, waits for its window,
# sets secs (exec to visible window) and mb (RSS 2 s after it). A program
# that exits before its window shows is started once more, saying so:
# under heavy load Xvfb now and then refuses GLFW a cursor and GLFW
# panics (glfw.CreateStandardCursor), the hello-world window as often as
# Glossa.
launch() {
	local tries=0
	until launch_once "$@"; do
		tries=$((tries + 1))
		if [ "$tries" -ge 2 ]; then
			echo "$1 exited before its window showed, twice:" >&2
			grep -v "^\s" "$work/$1.log" | tail -n 12 >&2
			exit 1
		fi
		echo "($1 exited before its window showed, or its first paint was not seen: $(grep -m1 "^panic\|error" "$work/$1.log" | tail -c 160); started again)" >&2
		: >"$work/$1.log"
		case $2 in */fresh-*) rm -rf "$2" ;; esac # a first launch again
	done
}

launch_once() {
	local name=$1 home=$2 title t0 t1 t2 kb
	mkdir -p "$home"
	title=Hello
	[ "$name" = glossa ] && title=Glossa
	coproc WATCH { "$watch" "$title"; }
	local wpid=$WATCH_PID ready=""
	read -r ready <&"${WATCH[0]}"
	[ "$ready" = ready ] || { echo "mapwatch did not start" >&2; exit 1; }
	t0=$(date +%s%N)
	if [ "$name" = glossa ]; then
		HOME=$home "$bin" --db "$home/glossa.db" >>"$work/$name.log" 2>&1 &
	else
		HOME=$home "$hello" >>"$work/$name.log" 2>&1 &
	fi
	apid=$!
	# the watcher answers when the window maps; if the program exits
	# first, the watcher is stopped and the run fails
	( while kill -0 "$apid" 2>/dev/null; do sleep 0.05; done; kill "$wpid" 2>/dev/null ) &
	local guard=$!
	# a first paint not seen within 5 s (the watcher, kept from the
	# processor, saw the map late and the paint with it) fails the run,
	# which is started once more
	if ! read -r t1 <&"${WATCH[0]}" || ! read -r -t 5 t2 <&"${WATCH[0]}"; then
		kill "$guard" "$wpid" 2>/dev/null || true
		kill "$apid" 2>/dev/null || true
		wait "$apid" 2>/dev/null || true
		apid=""
		return 1
	fi
	kill "$guard" 2>/dev/null || true
	wait "$wpid" 2>/dev/null || true
	# the window maps just before its first paint; memory is read once
	# the frame has settled
	sleep 2
	kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$apid/status")
	kill "$apid"
	wait "$apid" 2>/dev/null || true
	apid=""
	secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
	painted=$(echo "($t2 - $t0) / 1000000000" | bc -l)
	mb=$((kb / 1024))
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# bench MODE: RUNS launches of each program in turn, HOME fresh or warm.
bench() {
	local mode=$1 i gt=() gp=() gm=() ht=() hp=() hm=() pr=() pp=() last lastp
	if [ "$mode" = warm ]; then
		launch glossa "$work/warm-glossa"
		launch hello "$work/warm-hello"
	fi
	for i in $(seq "$runs"); do
		for name in glossa hello; do
			home=$work/warm-$name
			[ "$mode" = fresh ] && home=$work/fresh-$name-$i
			launch "$name" "$home"
			printf '%s run %d: %-6s window shown after %.3f s, painted after %.3f s, RSS %d MB\n' "$mode" "$i" "$name" "$secs" "$painted" "$mb"
			if [ "$name" = glossa ]; then
				gt+=("$secs") gp+=("$painted") gm+=("$mb") last=$secs lastp=$painted
			else
				ht+=("$secs") hp+=("$painted") hm+=("$mb")
				pr+=("$(echo "$last / $secs" | bc -l)") pp+=("$(echo "$lastp / $painted" | bc -l)")
			fi
		done
	done
	local g h gpm hpm gr hr
	g=$(median "${gt[@]}") h=$(median "${ht[@]}") gpm=$(median "${gp[@]}") hpm=$(median "${hp[@]}")
	gr=$(printf '%.0f' "$(median "${gm[@]}")") hr=$(printf '%.0f' "$(median "${hm[@]}")")
	printf '%s HOME, median of %d: window shown: Glossa %.3f s, hello %.3f s, time ratio %.2f (median of the run-by-run ratios %.2f); first frame painted: Glossa %.3f s, hello %.3f s, ratio %.2f (run by run %.2f); RSS Glossa %s MB, hello %s MB, +%d MB\n' \
		"$mode" "$runs" "$g" "$h" "$(echo "$g / $h" | bc -l)" "$(median "${pr[@]}")" \
		"$gpm" "$hpm" "$(echo "$gpm / $hpm" | bc -l)" "$(median "${pp[@]}")" "$gr" "$hr" "$((gr - hr))"
}

bench fresh
bench warm
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
