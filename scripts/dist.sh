#!/usr/bin/env bash
# Builds Glossa's release archives into dist/, or checks them.
#
#   scripts/dist.sh [linux] [windows]   build (both when none is named)
#   scripts/dist.sh darwin              build the macOS .app (on a Mac only)
#   scripts/dist.sh --check [linux] [windows]   verify what is in dist/
#
# The Makefile is the front door (`make dist`, `make dist-check`): it
# installs the pinned Fyne packaging tool and passes it in FYNE.
#
# Both builds run on a copy of the source in dist/.stage/src, not in the
# work tree, for two reasons: `fyne package` reads FyneApp.toml only from
# the main package's directory (cmd/glossa, while ours lives at the top of
# the repository), and after packaging it writes FyneApp.toml back with
# Build incremented, and it drops fyne_metadata_init.go and fyne.syso next
# to main.go while it builds. None of that should touch the checkout.
# The copy is a commit, HEAD unless DIST_REV names another (git archive):
# what a fresh clone would build, and not whatever half-saved work sits
# in the tree. DIST_REV=worktree copies the work tree's tracked and
# untracked-but-not-ignored files instead; outside git the whole tree is
# copied.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/build-tags.sh
dist=${DIST:-$root/dist}
stage=$dist/.stage
fyne=${FYNE:-fyne}
main_pkg=cmd/glossa
export LANG=${LANG:-C.UTF-8}

die() { echo "dist: $*" >&2; exit 1; }

# meta FILE KEY prints a value of FILE's [Details] (Version, ID, Name).
meta() {
  sed -n "/^\[Details\]/,/^\[/s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" "$1" | head -n1
}

# names FILE sets the archive names from FyneApp.toml FILE: the staged
# copy when building (it may be another commit's), the work tree's when
# checking.
names() {
  version=$(meta "$1" Version)
  app_id=$(meta "$1" ID)
  build=$(meta "$1" Build)
  [[ -n $version && -n $app_id && -n $build ]] || die "$1 has no [Details] Version, ID or Build"
  linux_arch=$(go env GOARCH)
  linux_tar=$dist/glossa-$version-linux-$linux_arch.tar.xz
  windows_zip=$dist/glossa-$version-windows-amd64.zip
  darwin_zip=$dist/glossa-$version-macos-$linux_arch.zip
}
mingw_cc=${MINGW_CC:-x86_64-w64-mingw32-gcc}

stage_source() {
  local src=$stage/src
  rm -rf "$src"
  mkdir -p "$src"
  local rev=${DIST_REV:-HEAD}
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "dist: not a git checkout, building the whole tree"
    tar --exclude=./dist -cf - . | tar -x -C "$src"
  elif [[ $rev != worktree ]]; then
    local commit
    commit=$(git rev-parse --verify --quiet "$rev^{commit}") || die "DIST_REV=$rev is not a commit"
    echo "dist: building $rev ($(git log -1 --format='%h %s' "$commit"))"
    if [[ -z ${DIST_REV:-} ]] && ! git diff --quiet HEAD -- 2>/dev/null; then
      echo "dist: uncommitted changes are not in it (DIST_REV=worktree builds them)"
    fi
    git archive --format=tar "$commit" | tar -x -C "$src"
  else
    echo "dist: building the work tree"
    # A tracked file deleted in the work tree is still listed by
    # ls-files; the copy should simply not have it.
    git ls-files -z -co --exclude-standard |
      while IFS= read -r -d '' f; do if [[ -e $f ]]; then printf '%s\0' "$f"; fi; done |
      tar --null -T - -cf - | tar -x -C "$src"
  fi
}

# stage_metadata puts FyneApp.toml next to main.go, its icon path made
# relative to it. Again before every target: fyne package increments Build
# in the copy it read, and each archive must carry the number in the
# repository's FyneApp.toml.
stage_metadata() {
  local src=$stage/src up
  up=$(sed 's|[^/]*|..|g' <<<"$main_pkg")
  sed "s|^\([[:space:]]*Icon[[:space:]]*=[[:space:]]*\"\)|\1$up/|" "$src/FyneApp.toml" >"$src/$main_pkg/FyneApp.toml"
}

build_linux() {
  local out=$stage/linux
  rm -rf "$out" && mkdir -p "$out"
  echo "dist: linux: fyne package --target linux --release"
  (cd "$out" && "$fyne" package --target linux --tags "$GLOSSA_TAGS" --src "$stage/src/$main_pkg" --release)
  local tarball=("$out"/*.tar.xz)
  [[ -f ${tarball[0]} ]] || die "linux: fyne package made no .tar.xz in $out"
  mv "${tarball[0]}" "$linux_tar"
  echo "dist: wrote ${linux_tar#"$root"/}"
}

build_windows() {
  command -v "$mingw_cc" >/dev/null || die "windows: $mingw_cc not found; run scripts/dist-deps.sh (Debian package mingw-w64)"
  local out=$stage/windows
  rm -rf "$out" && mkdir -p "$out"
  echo "dist: windows: fyne package --target windows --release (cgo with $mingw_cc)"
  # fyne package writes fyne.syso (icon, version info, manifest) into the
  # source directory and builds there, leaving <Name>.exe beside main.go.
  (cd "$out" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$mingw_cc" CXX="${mingw_cc%gcc}g++" \
    "$fyne" package --target windows --tags "$GLOSSA_TAGS" --src "$stage/src/$main_pkg" --release)
  local exe=("$stage/src/$main_pkg"/*.exe)
  [[ -f ${exe[0]} ]] || die "windows: fyne package made no .exe in $stage/src/$main_pkg"
  # Users type `glossa.exe check`; the packager names the file after the
  # display name ("Glossa.exe"). Windows does not care, zip listings do.
  mkdir -p "$out/glossa"
  mv "${exe[0]}" "$out/glossa/glossa.exe"
  sed 's/$/\r/' "$stage/src/LICENSE" >"$out/glossa/LICENSE.txt"
  rm -f "$windows_zip"
  (cd "$out" && zip -q -X -r "$windows_zip" glossa)
  echo "dist: wrote ${windows_zip#"$root"/}"
}

build_darwin() {
  [[ $(uname -s) == Darwin ]] || die "darwin: the .app needs macOS and Xcode's command line tools (see .github/workflows/macos.yml)"
  local out=$stage/darwin
  rm -rf "$out" && mkdir -p "$out"
  echo "dist: darwin: fyne package --target darwin --release ($linux_arch)"
  (cd "$out" && "$fyne" package --target darwin --tags "$GLOSSA_TAGS" --src "$stage/src/$main_pkg" --release)
  local app=("$out"/*.app)
  [[ -d ${app[0]} ]] || die "darwin: fyne package made no .app in $out"
  rm -f "$darwin_zip"
  # ditto is how macOS itself zips a bundle (Finder's Compress): it keeps
  # permissions, symlinks and extended attributes that zip may drop.
  ditto -c -k --sequesterRsrc --keepParent "${app[0]}" "$darwin_zip"
  echo "dist: wrote ${darwin_zip#"$root"/}"
}

# ---- checks -------------------------------------------------------------

fails=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; fails=$((fails + 1)); }
skip() { echo "  skip  $*"; }
expect() { # expect DESCRIPTION COMMAND...: passes when COMMAND succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}

# no_net runs a command without network access when the system lets us
# make a network namespace (root, or unprivileged user namespaces).
no_net=()
if unshare -n true 2>/dev/null; then
  no_net=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  no_net=(unshare -rn)
fi

check_linux() {
  echo "dist: checking ${linux_tar#"$root"/}"
  [[ -f $linux_tar ]] || { bad "missing (run make dist)"; return; }
  local list
  list=$(tar -tJf "$linux_tar")
  local id=$app_id
  for want in "usr/local/bin/glossa" "usr/local/share/applications/$id.desktop" \
    "usr/local/share/pixmaps/$id.png" "Makefile"; do
    if grep -q "/$want\$" <<<"$list"; then ok "tar has */$want"; else bad "tar lacks */$want"; fi
  done

  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/glossa-dist-check.XXXXXX")
  tar -xJf "$linux_tar" -C "$tmp"
  local pkg=("$tmp"/*/)
  pkg=${pkg[0]%/}
  local desktop=$pkg/usr/local/share/applications/$id.desktop
  for line in "Name=Glossa" "Exec=glossa" "Icon=$id" "Categories=Education;" "GenericName=Article study tool"; do
    expect "desktop file: $line" grep -qx "$line" "$desktop"
  done
  local size
  size=$(identify -format '%wx%h' "$pkg/usr/local/share/pixmaps/$id.png" 2>/dev/null || echo "?")
  if [[ $size == 512x512 ]]; then ok "icon is 512x512"; else skip "icon size $size (ImageMagick's identify needed to check)"; fi
  expect "binary is a 64-bit ELF" sh -c "file -b '$pkg/usr/local/bin/glossa' | grep -q '^ELF 64-bit'"

  # Install with the package's own Makefile into a throwaway prefix, then
  # run the installed binary as a new user would: empty HOME, no network.
  local prefix=$tmp/prefix home=$tmp/home
  mkdir -p "$home"
  if make -s -C "$pkg" install PREFIX="$prefix" >/dev/null; then
    ok "make install PREFIX=<tmp> (the package's Makefile)"
  else
    bad "make install PREFIX=<tmp>"
  fi
  for f in "bin/glossa" "share/applications/$id.desktop" "share/pixmaps/$id.png"; do
    expect "installed $f" test -e "$prefix/$f"
  done
  local net="no network namespace available, network not cut"
  ((${#no_net[@]})) && net="no network (${no_net[*]})"
  if env -i PATH="$PATH" HOME="$home" "${no_net[@]}" "$prefix/bin/glossa" check >"$tmp/check.out" 2>&1; then
    ok "installed glossa check: $(grep -m1 -o 'footnotes:.*' "$tmp/check.out" | tr -s ' '), $net"
  else
    bad "installed glossa check: $(head -n3 "$tmp/check.out")"
  fi
  check_first_window "$prefix/bin/glossa" "$tmp"
  rm -rf "$tmp"
}

# check_first_window opens the installed app once with a fresh HOME on a
# private Xvfb display and waits for its window and its database: the
# first run a student gets. Skipped without Xvfb and xdotool.
check_first_window() {
  local bin=$1 tmp=$2
  if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    skip "first window (needs Xvfb and xdotool: scripts/deps.sh --display)"
    return
  fi
  # DISPLAY_NUM, or the first display from :96 up that no X server holds.
  local n=${DISPLAY_NUM:-96} home=$tmp/firstrun
  if [[ -z ${DISPLAY_NUM:-} ]]; then
    while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
  fi
  mkdir -p "$home"
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  local xvfb=$!
  local app=""
  # Wait until the server answers (or has died: display taken); then
  # xdotool --sync waits for the window itself, timeout bounding it.
  if timeout 20 sh -c "until DISPLAY=:$n xdotool getdisplaygeometry >/dev/null 2>&1; do kill -0 $xvfb 2>/dev/null || exit 1; sleep 0.2; done"; then
    env -i PATH="$PATH" HOME="$home" DISPLAY=":$n" "${no_net[@]}" "$bin" >"$tmp/gui.log" 2>&1 &
    app=$!
    if DISPLAY=":$n" timeout 60 xdotool search --sync --onlyvisible --name '^Glossa$' >/dev/null 2>&1; then
      ok "first run: the window opens (fresh HOME${no_net:+, no network})"
    else
      bad "first run: no Glossa window within 60 s: $(head -n3 "$tmp/gui.log")"
    fi
    local db
    db=$(find "$home" -name glossa.db 2>/dev/null | head -n1)
    if [[ -n $db ]]; then ok "first run: database created at ~/${db#"$home"/}"; else bad "first run: no glossa.db under the fresh HOME"; fi
    if [[ -n ${DIST_SCREENSHOT:-} ]] && command -v import >/dev/null; then
      DISPLAY=":$n" import -window root "$DIST_SCREENSHOT" && ok "screenshot: $DIST_SCREENSHOT"
    fi
  else
    bad "Xvfb :$n did not start: $(head -n2 "$tmp/xvfb.log") (set DISPLAY_NUM to a free display)"
  fi
  if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
}

# wine_shim PREFIX WINE...: Go 1.22 and later need ProcessPrng from
# bcryptprimitives.dll at start-up, which Wine only has from version 9;
# Debian 12's Wine 8 stops every Go program with "bcryptprimitives.dll not
# found". For this check only, a stand-in DLL built with mingw (ProcessPrng
# over RtlGenRandom) goes into the test prefix. Nothing shipped uses it:
# every Windows since 8 has the real DLL.
wine_shim() {
  local wp=$1
  shift
  local sys=$wp/drive_c/windows/system32
  [[ -d $sys ]] || "$@" cmd /c exit >/dev/null 2>&1 || true # creates the prefix
  [[ -e $sys/bcryptprimitives.dll ]] && return
  local d=$wp/glossa-shim
  mkdir -p "$d"
  cat >"$d/bcryptprimitives.c" <<'C'
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
C
  printf 'LIBRARY bcryptprimitives\nEXPORTS\n  ProcessPrng\n' >"$d/bcryptprimitives.def"
  if "$mingw_cc" -O2 -shared -o "$sys/bcryptprimitives.dll" "$d/bcryptprimitives.c" "$d/bcryptprimitives.def" -ladvapi32; then
    echo "  note  $(wine --version 2>/dev/null) has no bcryptprimitives.dll; the test prefix gets a stand-in (ProcessPrng over RtlGenRandom)"
  fi
}

check_windows() {
  echo "dist: checking ${windows_zip#"$root"/}"
  [[ -f $windows_zip ]] || { bad "missing (run make dist)"; return; }
  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/glossa-dist-check.XXXXXX")
  unzip -q "$windows_zip" -d "$tmp"
  local exe=$tmp/glossa/glossa.exe
  local kind
  kind=$(file -b "$exe" 2>/dev/null || true)
  if [[ $kind == "PE32+ executable (GUI) x86-64"* ]]; then ok "file: $kind"; else bad "file: $kind (want PE32+ GUI x86-64)"; fi
  # The version resource is UTF-16; strings -el reads it.
  local vs
  vs=$(strings -el "$exe" 2>/dev/null)
  local combined=$version
  while [[ $(tr -cd . <<<"$combined" | wc -c) -lt 2 ]]; do combined+=.0; done
  expect "version resource: ProductName Glossa" grep -qx "Glossa" <<<"$vs"
  expect "version resource: ProductVersion $combined.$build" grep -qx "$combined\.$build" <<<"$vs"
  local objdump=${mingw_cc%gcc}objdump
  if command -v "$objdump" >/dev/null; then
    # Top level of the resource tree: one entry per resource type.
    local types
    types=$("$objdump" -p "$exe" | sed -n '/The .rsrc Resource Directory/,$p' |
      grep -E '^[0-9a-f]{3}   Entry: ID:' | awk '{sub(/,$/, "", $4); print $4}' | tr '\n' ' ')
    for t in "0x000003 icon" "0x00000e icon group" "0x000010 version" "0x000018 manifest"; do
      if [[ " $types" == *" ${t%% *} "* ]]; then ok "resource: ${t#* }"; else bad "resource: ${t#* } missing (types: $types)"; fi
    done
  else
    skip "resources not inspected ($objdump missing: Debian package binutils-mingw-w64-x86-64)"
  fi
  if command -v wine >/dev/null; then
    # Its own prefix (about 700 MB, so kept in the cache, not in dist/),
    # so the check neither needs nor changes ~/.wine.
    local wp=${DIST_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/glossa/wineprefix}
    mkdir -p "$wp"
    local w=(env WINEPREFIX="$wp" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b" GLOSSA_DB="$tmp/wine.db" wine)
    wine_shim "$wp" "${w[@]}"
    if "${w[@]}" "$exe" check >"$tmp/wcheck.out" 2>"$tmp/wcheck.err"; then
      ok "wine glossa.exe check: $(tr -d '\r' <"$tmp/wcheck.out" | grep -m1 -o 'footnotes:.*' | tr -s ' ')"
    else
      bad "wine glossa.exe check: $(head -n3 "$tmp/wcheck.err")"
    fi
    if "${w[@]}" "$exe" cards --json >"$tmp/wcards.out" 2>"$tmp/wcards.err" && grep -q '"' "$tmp/wcards.out"; then
      ok "wine glossa.exe cards --json: $(wc -c <"$tmp/wcards.out") bytes of JSON"
    else
      bad "wine glossa.exe cards --json: $(head -n3 "$tmp/wcards.err")"
    fi
  else
    skip "wine not installed: glossa.exe was not run (scripts/dist-deps.sh --wine)"
  fi
  rm -rf "$tmp"
}

if [[ ${1:-} == --check ]]; then
  shift
  names FyneApp.toml
  targets=("${@:-linux windows}")
  for t in ${targets[*]}; do "check_$t"; done
  if ((fails)); then
    echo "dist: $fails check(s) failed" >&2
    exit 1
  fi
  echo "dist: all checks passed"
  exit 0
fi

targets=("${@:-linux windows}")
for t in ${targets[*]}; do
  case $t in
  linux | windows | darwin) ;;
  *) die "unknown target $t (linux, windows or darwin)" ;;
  esac
done
mkdir -p "$dist"
stage_source
names "$stage/src/FyneApp.toml"
for t in ${targets[*]}; do
  stage_metadata
  "build_$t"
done
