#!/usr/bin/env bash
# Builds Glossa (installing what is missing) and opens it. Arguments are
# passed to glossa: scripts/run.sh --section 3.3
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export LANG="${LANG:-en_US.UTF-8}"
[[ "$LANG" == C* || "$LANG" == POSIX ]] && export LANG=en_US.UTF-8
mkdir -p bin
echo "building (the first build compiles Fyne and takes a few minutes)..."
go build -o bin/glossa ./cmd/glossa
exec bin/glossa "$@"
