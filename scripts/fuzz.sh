#!/usr/bin/env bash
# Fuzzes every Fuzz* target of the module in turn, FUZZTIME each (default
# 5m), and keeps the corpus entries the fuzzer found interesting in the
# package's testdata/fuzz/<Target>, where plain `go test` replays them as
# seeds. A failing input lands there too (the go tool writes it) and the
# script stops with the go tool's report.
#
#   scripts/fuzz.sh                       every target, 5 minutes each
#   FUZZTIME=30s scripts/fuzz.sh ./store  the targets of one package
#
# Slow by design; not part of scripts/test.sh or CI. Runs niced on one
# worker so it can share a machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=en_US.UTF-8
FUZZTIME=${FUZZTIME:-5m}
PARALLEL=${PARALLEL:-1}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)

cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

for dir in $(go list -f '{{.Dir}}' "${pkgs[@]}"); do
	targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' || true)
	for target in $targets; do
		rel=./${dir#"$PWD"/}
		echo "== $rel $target ($FUZZTIME)"
		# The go tool keeps the fuzzer's corpus in its build cache, shared
		# by every checkout of the module; a cache directory of our own
		# (the later flag wins) tells this run's finds from anyone else's.
		nice -n 15 go test "$rel" -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" \
			-parallel "$PARALLEL" -args -test.fuzzcachedir="$cache/$rel"
		found="$cache/$rel/$target"
		if [ -d "$found" ]; then
			mkdir -p "$dir/testdata/fuzz/$target"
			before=$(ls "$dir/testdata/fuzz/$target" | wc -l)
			cp -n "$found"/* "$dir/testdata/fuzz/$target/" 2>/dev/null || true
			after=$(ls "$dir/testdata/fuzz/$target" | wc -l)
			echo "   kept $((after - before)) new corpus entries in $rel/testdata/fuzz/$target"
		fi
	done
done
