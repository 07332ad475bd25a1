#!/usr/bin/env bash
# Make sure the system libraries Qt (PySide6) needs are on this machine; run by every `make` target.
#
# Linux only (elsewhere it does nothing). Checks, with `ldconfig -p`, the shared libraries that
# PySide6's QtCore/QtGui/QtWidgets/QtDBus and its offscreen and xcb platform plugins link against
# (EGL/GL, X11, xkbcommon, fontconfig, freetype, D-Bus, GLib, the xcb libraries) and that at least
# one font is installed. When something is missing it installs the Debian packages, as root with
# apt-get; otherwise it prints the exact command to run and exits 1. Prints nothing and makes no
# apt call when everything is there. DIFFVIEWER_SKIP_QT_LIBS=1 skips the check.
# To try it, put a fake `ldconfig` that leaves a library out first on PATH.
set -euo pipefail

[[ "$(uname -s)" == Linux ]] || exit 0
[[ "${DIFFVIEWER_SKIP_QT_LIBS:-}" == 1 ]] && exit 0

# "library Debian-package", from `readelf -d` of PySide6 6.11's Qt libraries and platform plugins
# (glibc, libstdc++, zlib and zstd are on every Debian; ICU ships inside the wheel).
REQUIRED=(
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libX11.so.6 libx11-6"
  "libxkbcommon.so.0 libxkbcommon0"
  "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  "libfontconfig.so.1 libfontconfig1"
  "libfreetype.so.6 libfreetype6"
  "libdbus-1.so.3 libdbus-1-3"
  "libglib-2.0.so.0 libglib2.0-0"
  "libgthread-2.0.so.0 libglib2.0-0"
  "libX11-xcb.so.1 libx11-xcb1"
  "libxcb.so.1 libxcb1"
  "libxcb-cursor.so.0 libxcb-cursor0"
  "libxcb-icccm.so.4 libxcb-icccm4"
  "libxcb-image.so.0 libxcb-image0"
  "libxcb-keysyms.so.1 libxcb-keysyms1"
  "libxcb-randr.so.0 libxcb-randr0"
  "libxcb-render.so.0 libxcb-render0"
  "libxcb-render-util.so.0 libxcb-render-util0"
  "libxcb-shape.so.0 libxcb-shape0"
  "libxcb-shm.so.0 libxcb-shm0"
  "libxcb-sync.so.1 libxcb-sync1"
  "libxcb-util.so.1 libxcb-util1"
  "libxcb-xfixes.so.0 libxcb-xfixes0"
  "libxcb-xkb.so.1 libxcb-xkb1"
  "libxcb-glx.so.0 libxcb-glx0"
)
FONT_PACKAGE=fonts-dejavu-core

declare -A KNOWN=()  # sonames in the ldconfig cache, for this machine's architecture
load_ldconfig_cache() {
  KNOWN=()
  local ldconfig_cmd cache tag="" name rest
  ldconfig_cmd=$(command -v ldconfig || true)  # a user's PATH often lacks /sbin
  for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do
    [[ -z "$ldconfig_cmd" && -x "$candidate" ]] && ldconfig_cmd=$candidate
  done
  [[ -n "$ldconfig_cmd" ]] || return 0
  cache=$("$ldconfig_cmd" -p 2>/dev/null) || return 0
  # Lines read "\tlibEGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libEGL.so.1": on a multiarch
  # machine only this architecture's copy counts (when the cache tags its own libc that way).
  case "$(uname -m)" in
    x86_64) tag="x86-64" ;;
    aarch64) tag="AArch64" ;;
  esac
  [[ -n "$tag" && "$cache" == *"libc.so.6 (libc6,$tag"* ]] || tag=""
  while read -r name rest; do
    [[ "$name" == *.so* ]] || continue  # the "N libs found in cache" heading
    if [[ -z "$tag" || "$rest" == *",$tag"* ]]; then KNOWN[$name]=1; fi
  done <<<"$cache"
  return 0
}

have_library() {
  if ((${#KNOWN[@]} > 0)); then
    [[ -n "${KNOWN[$1]:-}" ]]
    return
  fi
  # No ldconfig (or an empty cache): look where Debian and most distributions keep libraries.
  local dir
  for dir in /usr/lib/*-linux-gnu /lib/*-linux-gnu /usr/lib64 /lib64 /usr/lib /lib; do
    [[ -e "$dir/$1" ]] && return 0
  done
  return 1
}

have_font() {
  if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list 2>/dev/null | head -n 1)" ]]; then
    return 0
  fi
  [[ -n "$(find /usr/share/fonts /usr/local/share/fonts -type f \
    \( -iname '*.ttf' -o -iname '*.otf' -o -iname '*.ttc' \) -print -quit 2>/dev/null)" ]]
}

# Fills MISSING_LIBRARIES and MISSING_PACKAGES (each package once, in order).
find_missing() {
  MISSING_LIBRARIES=()
  MISSING_PACKAGES=()
  load_ldconfig_cache
  local pair library package
  for pair in "${REQUIRED[@]}"; do
    read -r library package <<<"$pair"
    have_library "$library" && continue
    MISSING_LIBRARIES+=("$library")
    [[ " ${MISSING_PACKAGES[*]} " == *" $package "* ]] || MISSING_PACKAGES+=("$package")
  done
  if ! have_font; then
    MISSING_LIBRARIES+=("a font (none is installed)")
    MISSING_PACKAGES+=("$FONT_PACKAGE")
  fi
}

explain_and_fail() {  # $1: what happened; $2: the command prefix to show
  local libraries
  libraries=$(printf '%s, ' "${MISSING_LIBRARIES[@]}")
  {
    echo "diffviewer: $1: ${libraries%, }."
    echo "Install them (Debian/Ubuntu) with:"
    echo "    $2apt-get install -y ${MISSING_PACKAGES[*]}"
    echo "then run the command again (if apt cannot find the packages, run '$2apt-get update' first;"
    echo "elsewhere install your distribution's packages for these libraries)."
  } >&2
  exit 1
}

find_missing
((${#MISSING_PACKAGES[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  explain_and_fail "Qt cannot start here; missing" "sudo "
fi
if ! command -v apt-get >/dev/null 2>&1; then
  explain_and_fail "Qt cannot start here (and apt-get is not here to install them); missing" ""
fi

echo "diffviewer: installing the system libraries Qt needs: ${MISSING_PACKAGES[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt_log=$(mktemp)
trap 'rm -f "$apt_log"' EXIT
install_packages() {  # apt's chatter goes to the log, shown only if it fails
  apt-get install -y -qq --no-install-recommends "${MISSING_PACKAGES[@]}" >"$apt_log" 2>&1
}
updated=0
# Refresh the package lists only when apt does not know a package (a fresh image has no lists)...
if ! apt-cache show --no-all-versions "${MISSING_PACKAGES[@]}" >/dev/null 2>&1; then
  apt-get update -qq >"$apt_log" 2>&1 || cat "$apt_log" >&2
  updated=1
fi
# ...or when installing fails (stale lists point at files the mirror no longer has).
if ! install_packages; then
  if ((updated == 1)) || ! apt-get update -qq >"$apt_log" 2>&1 || ! install_packages; then
    cat "$apt_log" >&2
  fi
fi

find_missing
if ((${#MISSING_PACKAGES[@]} > 0)); then
  explain_and_fail "apt-get could not install all the system libraries Qt needs; still missing" ""
fi
echo "diffviewer: system libraries installed." >&2
