#!/usr/bin/env bash
# syncthing-demo.sh: a lecturer's Glossa and a student's Glossa, each with
# a Syncthing of its own (Debian's syncthing package), on loopback, share
# one class folder (issue 21). It shows:
#   1. the lecturer's notes reaching the student's layer, timed (publish ->
#      file landed in the student's folder -> layer shown by
#      "glossa share subscribe --watch");
#   2. a Syncthing temporary file left by a cut transfer, reported and skipped;
#   3. a real conflict copy, forced by changing the lecturer's file on both
#      sides while the two are disconnected, reported and skipped while the
#      lecturer's layer stays.
# Not run in CI (it starts two daemons and takes about a minute):
#   scripts/syncthing-demo.sh            (KEEP=1 keeps the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v syncthing >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y syncthing >/dev/null
	else
		echo "syncthing-demo: install Debian's syncthing first (apt-get install syncthing)" >&2
		exit 1
	fi
fi
for tool in curl python3; do
	command -v "$tool" >/dev/null || { echo "syncthing-demo: needs $tool" >&2; exit 1; }
done

W=$(mktemp -d /tmp/glossa-syncthing.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [ -z "${KEEP:-}" ]; then rm -rf "$W"; else echo "kept $W"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
ms() { python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$1" "$2"; }
say() { printf '\n== %s\n' "$*"; }

. scripts/build-tags.sh
go build -tags "$GLOSSA_TAGS" -o "$W/glossa" ./cmd/glossa
G="$W/glossa"

# --- two Syncthings: own homes, loopback only, no discovery, relays or reporting
declare -A gui=([lee]=18391 [sam]=18392) listen=([lee]=22191 [sam]=22192) id key
for who in lee sam; do
	home="$W/$who-syncthing"
	syncthing generate --home="$home" --no-default-folder --skip-port-probing >/dev/null 2>&1
	id[$who]=$(syncthing serve --home="$home" --device-id)
	key[$who]=$who-demo-key
	sed -i \
		-e "s#<listenAddress>default</listenAddress>#<listenAddress>tcp://127.0.0.1:${listen[$who]}</listenAddress>#" \
		-e 's#<globalAnnounceEnabled>true#<globalAnnounceEnabled>false#' \
		-e 's#<localAnnounceEnabled>true#<localAnnounceEnabled>false#' \
		-e 's#<relaysEnabled>true#<relaysEnabled>false#' \
		-e 's#<natEnabled>true#<natEnabled>false#' \
		-e 's#<startBrowser>true#<startBrowser>false#' \
		-e 's#<urAccepted>0#<urAccepted>-1#' \
		-e 's#<autoUpgradeIntervalH>12#<autoUpgradeIntervalH>0#' \
		-e 's#<crashReportingEnabled>true#<crashReportingEnabled>false#' \
		"$home/config.xml"
	mkdir -p "$W/$who-class"
	syncthing serve --home="$home" --no-browser --no-restart --no-upgrade \
		--gui-address="127.0.0.1:${gui[$who]}" --gui-apikey="${key[$who]}" >"$W/$who-syncthing.log" 2>&1 &
	pids+=($!)
done

api() { # api WHO METHOD PATH [JSON]
	local who=$1 method=$2 path=$3
	curl -fsS -X "$method" -H "X-API-Key: ${key[$who]}" ${4:+-H 'Content-Type: application/json' -d "$4"} \
		"http://127.0.0.1:${gui[$who]}$path"
}
for who in lee sam; do
	for _ in $(seq 100); do api "$who" GET /rest/system/ping >/dev/null 2>&1 && break; sleep 0.2; done
done
other() { [ "$1" = lee ] && echo sam || echo lee; }
for who in lee sam; do
	o=$(other $who)
	api $who POST /rest/config/devices "{\"deviceID\":\"${id[$o]}\",\"name\":\"$o\",\"addresses\":[\"tcp://127.0.0.1:${listen[$o]}\"]}" >/dev/null
	api $who POST /rest/config/folders "{\"id\":\"class\",\"label\":\"class\",\"path\":\"$W/$who-class\",\"type\":\"sendreceive\",
		\"fsWatcherEnabled\":true,\"fsWatcherDelayS\":1,\"rescanIntervalS\":3600,
		\"devices\":[{\"deviceID\":\"${id[$who]}\"},{\"deviceID\":\"${id[$o]}\"}]}" >/dev/null
done
connected() { # connected WHO: the other device is connected
	api "$1" GET /rest/system/connections | python3 -c \
		"import json,sys; c=json.load(sys.stdin)['connections'].get(sys.argv[1],{}); sys.exit(0 if c.get('connected') else 1)" "${id[$(other "$1")]}"
}
say "two Syncthings on loopback: lee ${id[lee]:0:7}, sam ${id[sam]:0:7}"
t=$(now)
for _ in $(seq 300); do connected lee && connected sam && break; sleep 0.2; done
connected lee || { echo "syncthing-demo: the two Syncthings never connected; see $W/*-syncthing.log" >&2; exit 1; }
echo "connected after $(ms "$t" "$(now)") ms"

# --- the lecturer publishes, the student watches
export GLOSSA_DB="$W/lee.db"
"$G" notes add --quote "centrality of State sovereignty" --body "Key point for Monday" >/dev/null
"$G" share publish "$W/lee-class" --name "Prof. Ada Lee"
lee_file=$(cd "$W/lee-class" && ls ./*.glossa.json | head -1)
lee_file=${lee_file#./}

GLOSSA_DB="$W/sam.db" "$G" notes add --quote "Five Principles of Peaceful Coexistence" --body "my own note" >/dev/null
GLOSSA_DB="$W/sam.db" "$G" share subscribe "$W/sam-class" --watch --for 10m >"$W/sam-watch.log" 2>&1 &
pids+=($!)

# wait_line PATTERN: the time (epoch seconds) of the student's first watch
# line matching PATTERN
wait_line() {
	for _ in $(seq 600); do
		if line=$(grep -s -m1 -- "$1" "$W/sam-watch.log"); then
			python3 -c "
import sys, datetime
h, m, s = sys.argv[1].split(':')
d = datetime.datetime.now().replace(hour=int(h), minute=int(m), second=0, microsecond=0)
print(d.timestamp() + float(s))" "${line%% *}"
			return 0
		fi
		sleep 0.05
	done
	echo "syncthing-demo: the student never saw: $1" >&2
	cat "$W/sam-watch.log" >&2
	exit 1
}
landed() { # landed FILE: when Syncthing renamed it into the student's folder (its ctime)
	for _ in $(seq 600); do [ -e "$W/sam-class/$1" ] && break; sleep 0.05; done
	stat -c %Z.%z "$W/sam-class/$1" | python3 -c "
import sys, datetime
s = sys.stdin.read().split('.', 1)[1].strip()
day, clock, zone = s.split(' ')
print(datetime.datetime.strptime(day + ' ' + clock[:15] + ' ' + zone, '%Y-%m-%d %H:%M:%S.%f %z').timestamp())"
}

say "first publish reaches the student"
published=$(now)
seen=$(wait_line "Prof. Ada Lee: 1 note")
echo "publish -> student's layer: $(ms "$published" "$seen") ms (Syncthing's delay included)"

for n in 2 3 4; do
	say "the lecturer adds note $n"
	GLOSSA_DB="$W/lee.db" "$G" notes add --quote "Bandung Conference" --body "note $n" >/dev/null
	published=$(now)
	GLOSSA_DB="$W/lee.db" "$G" share publish "$W/lee-class" >/dev/null
	seen=$(wait_line "Prof. Ada Lee: $n notes")
	arrived=$(landed "$lee_file")
	echo "publish -> landed in the student's folder: $(ms "$published" "$arrived") ms (Syncthing)"
	echo "landed -> student's layer shows it:       $(ms "$arrived" "$seen") ms (Glossa)"
done

say "a forced conflict copy: both sides change the lecturer's file while disconnected"
api sam POST "/rest/system/pause?device=${id[lee]}" >/dev/null
api lee POST "/rest/system/pause?device=${id[sam]}" >/dev/null
sleep 1
# the student's computer writes over the lecturer's file (a wrongly set up
# second computer does that); then the lecturer publishes a newer version
sed 's/note 4/note 4, changed on the wrong computer/' "$W/sam-class/$lee_file" >"$W/wrong-computer.json"
mv "$W/wrong-computer.json" "$W/sam-class/$lee_file"
sleep 1.5
GLOSSA_DB="$W/lee.db" "$G" notes add --quote "Non-Aligned Movement" --body "note 5" >/dev/null
GLOSSA_DB="$W/lee.db" "$G" share publish "$W/lee-class" >/dev/null
sleep 2 # both Syncthings must have scanned their change before they meet
api sam POST "/rest/system/resume?device=${id[lee]}" >/dev/null
api lee POST "/rest/system/resume?device=${id[sam]}" >/dev/null
for _ in $(seq 600); do
	ls "$W/sam-class" | grep -q 'sync-conflict' && break
	sleep 0.1
done
wait_line "Prof. Ada Lee: 5 notes" >/dev/null

say "a Syncthing temporary file of a transfer cut short"
head -c 300 "$W/sam-class/$lee_file" >"$W/sam-class/.syncthing.$lee_file.tmp"
wait_line "Syncthing is still copying" >/dev/null

say "the student's folder"
ls -A "$W/sam-class"
say "glossa share status (student)"
GLOSSA_DB="$W/sam.db" "$G" share status
say "the student's own notes (unchanged: one)"
GLOSSA_DB="$W/sam.db" "$G" notes list
say "the student's watch log"
cat "$W/sam-watch.log"
