#!/usr/bin/env bash
# Installs what building Glossa needs on Debian or Ubuntu, and nothing
# that is already there: a C compiler and the X11/OpenGL headers for
# Fyne's desktop driver, plus (with --display) Xvfb and the tools the
# screenshot script uses. Safe to run again and again.
set -euo pipefail

want=(gcc pkg-config libgl1-mesa-dev xorg-dev)
# Independent readers the export tests run: pandoc (biblatex, CSL-JSON,
# citeproc) and bibutils (ris2xml, xml2bib). Tests only, never runtime.
want+=(pandoc bibutils)
# Node and npm run anki-reader, the independent reader the .apkg export
# is tested with (scripts/anki-reader); a Node from elsewhere will do.
command -v npm >/dev/null || want+=(nodejs npm)
if [[ "${1:-}" == "--display" ]]; then
  want+=(xvfb xdotool imagemagick xauth)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "deps: missing ${missing[*]}; install them with your system's package manager (see README)" >&2
    exit 1
  fi
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "deps: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Go: the module asks for 1.26. A newer go command fetches the exact
# toolchain from the module proxy by itself (GOTOOLCHAIN=auto).
if ! command -v go >/dev/null; then
  if [[ -x /usr/local/go/bin/go ]]; then
    echo "deps: Go is in /usr/local/go/bin but not on PATH; add it: export PATH=\$PATH:/usr/local/go/bin" >&2
  else
    echo "deps: Go is not installed. Install Go 1.26 or newer from your package manager or https://go.dev/dl/ and run this again." >&2
  fi
  exit 1
fi

# The test tool itself, into a cache directory (the test installs it too
# when missing; doing it here fetches it before the tests start).
"$(dirname "$0")/anki-reader/install.sh" >/dev/null ||
  echo "deps: could not install anki-reader from npm; the .apkg read-back test will say why" >&2
"$(dirname "$0")/pandoc-wasm/install.sh" >/dev/null ||
  echo "deps: could not install pandoc-wasm from npm; the RIS rendering test will say why" >&2
