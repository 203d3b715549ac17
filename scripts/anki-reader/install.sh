#!/usr/bin/env bash
# Installs the npm package anki-reader, the independent reader the .apkg
# export is tested with, into a cache directory (never into the module:
# it is a test tool, not a dependency of Glossa). Does nothing when it is
# already there. Copies read.mjs next to it (Node resolves the import of
# a module from the script's own directory) and prints that directory.
#
# GLOSSA_TOOLS chooses the cache (default: ~/.cache/glossa-tools).
set -euo pipefail
version=0.3.0
dir="${GLOSSA_TOOLS:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/glossa-tools}/anki-reader-$version"
if [[ ! -f "$dir/node_modules/anki-reader/package.json" ]]; then
  command -v npm >/dev/null || { echo "anki-reader: npm is not installed (scripts/deps.sh installs it)" >&2; exit 1; }
  mkdir -p "$dir"
  # A package.json of its own keeps npm from climbing into a parent project.
  [[ -f "$dir/package.json" ]] || echo '{"name":"glossa-test-tools","private":true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --silent "anki-reader@$version" >&2
fi
cp "$(dirname "$0")/read.mjs" "$dir/read.mjs"
echo "$dir"
