#!/usr/bin/env bash
# npm-test-tool.sh PACKAGE VERSION SCRIPT: installs the npm package
# PACKAGE@VERSION into a cache directory of its own (never into the
# module: it is a test tool that reads what Glossa writes, not a
# dependency of Glossa), unless it is already there; copies SCRIPT (the
# Node program that drives it) next to it, since Node resolves a module's
# imports from the script's own directory; prints that directory.
#
# GLOSSA_TOOLS chooses the cache (default: ~/.cache/glossa-tools).
set -euo pipefail
pkg=${1:?usage: npm-test-tool.sh PACKAGE VERSION SCRIPT}
version=${2:?version}
script=${3:?script}
dir="${GLOSSA_TOOLS:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/glossa-tools}/$pkg-$version"
if [[ ! -f "$dir/node_modules/$pkg/package.json" ]]; then
  command -v npm >/dev/null || { echo "$pkg: npm is not installed (scripts/deps.sh installs it)" >&2; exit 1; }
  mkdir -p "$dir"
  # A package.json of its own keeps npm from climbing into a parent project.
  [[ -f "$dir/package.json" ]] || echo '{"name":"glossa-test-tools","private":true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --silent "$pkg@$version" >&2
fi
cp "$script" "$dir/"
echo "$dir"
