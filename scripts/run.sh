#!/usr/bin/env bash
# Builds Glossa (installing what is missing) and opens it. Arguments are
# passed to glossa: scripts/run.sh --section 3.3
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
. scripts/build-tags.sh
export LANG="${LANG:-en_US.UTF-8}"
[[ "$LANG" == C* || "$LANG" == POSIX ]] && export LANG=en_US.UTF-8
mkdir -p bin
# Rebuild only when a source, the module files, the Go version or the
# build tags changed since bin/glossa was made: relinking alone costs
# seconds on every start.
stamp=bin/.glossa.go-version
built_with="$(go version) tags=$GLOSSA_TAGS"
if [[ ! -x bin/glossa || ! -f $stamp || "$built_with" != "$(cat "$stamp")" ]] ||
  [[ -n "$(find cmd app store assets go.mod go.sum FyneApp.toml -newer bin/glossa -print -quit)" ]]; then
  echo "building bin/glossa (the first build downloads the Go modules and compiles Fyne: a few minutes)..."
  go build -tags "$GLOSSA_TAGS" -o bin/glossa ./cmd/glossa
  echo "$built_with" >"$stamp"
fi
exec bin/glossa "$@"
