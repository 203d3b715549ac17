#!/usr/bin/env bash
# Installs the npm package pandoc-wasm (pandoc 3, the Pandoc project's own
# WebAssembly build) into a cache directory, for the test that renders the
# RIS export: Debian's pandoc 2.17 reads BibTeX and CSL-JSON but not RIS.
# A test tool, never a dependency of Glossa. Does nothing when it is
# already there; copies run.mjs next to it and prints that directory.
#
# GLOSSA_TOOLS chooses the cache (default: ~/.cache/glossa-tools).
set -euo pipefail
version=1.1.0
dir="${GLOSSA_TOOLS:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/glossa-tools}/pandoc-wasm-$version"
if [[ ! -f "$dir/node_modules/pandoc-wasm/package.json" ]]; then
  command -v npm >/dev/null || { echo "pandoc-wasm: npm is not installed (scripts/deps.sh installs it)" >&2; exit 1; }
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"name":"glossa-test-tools","private":true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --silent "pandoc-wasm@$version" >&2
fi
cp "$(dirname "$0")/run.mjs" "$dir/run.mjs"
echo "$dir"
