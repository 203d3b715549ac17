#!/usr/bin/env bash
# Installs what `make dist` needs on Debian or Ubuntu, and nothing that is
# already there: everything scripts/deps.sh installs for a native build,
# plus the mingw-w64 cross compiler for the Windows build and the tools
# that pack and inspect the archives. With --wine it adds Debian's wine,
# so that `make dist-check` can also run glossa.exe's commands (without
# wine that part of the check is skipped and says so). Safe to run again.
#
# The Fyne packaging tool itself is not a system package: the Makefile
# installs a pinned version with `go install` (see FYNE_TOOLS there).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

want=(make mingw-w64 xz-utils zip unzip file)
if [[ "${1:-}" == "--wine" ]]; then
  want+=(wine wine64)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0

if ! command -v apt-get >/dev/null; then
  echo "dist-deps: missing ${missing[*]}; install them with your system's package manager (see README, Release builds)" >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "dist-deps: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "dist-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
