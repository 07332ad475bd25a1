#!/usr/bin/env bash
# Make sure the shared libraries Qt (PySide6) needs are on this machine.
#
# On Linux: checks for EGL/GL, xkbcommon, fontconfig, freetype, D-Bus, the xcb cursor library
# and at least one font. When something is missing it installs the Debian packages as root with
# apt-get, or prints the exact command to run and fails. Elsewhere it does nothing.
# DIFFVIEWER_SKIP_QT_LIBS=1 skips the check.
set -euo pipefail

[[ "$(uname -s)" == "Linux" ]] || exit 0
[[ "${DIFFVIEWER_SKIP_QT_LIBS:-0}" == "1" ]] && exit 0

# library soname -> Debian package
declare -A PACKAGE_OF=(
  [libEGL.so.1]=libegl1
  [libGL.so.1]=libgl1
  [libOpenGL.so.0]=libopengl0
  [libxkbcommon.so.0]=libxkbcommon0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6
  [libdbus-1.so.3]=libdbus-1-3
  [libxcb-cursor.so.0]=libxcb-cursor0
  [libX11-xcb.so.1]=libx11-xcb1
  [libglib-2.0.so.0]=libglib2.0-0
)

ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig)
known_libraries=$("$ldconfig_bin" -p 2>/dev/null || true)

have_library() {
  if [[ -n "$known_libraries" ]]; then
    grep -q "$1 " <<<"$known_libraries"
    return
  fi
  # Without an ldconfig cache, look where Debian and most distributions keep libraries.
  compgen -G "/usr/lib/*/$1" >/dev/null || compgen -G "/lib/*/$1" >/dev/null || compgen -G "/usr/lib/$1" >/dev/null
}

have_font() {
  if command -v fc-list >/dev/null && [[ -n "$(fc-list 2>/dev/null | head -n 1)" ]]; then
    return 0
  fi
  compgen -G "/usr/share/fonts/**/*.[to]tf" >/dev/null 2>&1 || find /usr/share/fonts -name '*.[ot]tf' -print -quit 2>/dev/null | grep -q .
}

missing_packages=()
for library in "${!PACKAGE_OF[@]}"; do
  have_library "$library" || missing_packages+=("${PACKAGE_OF[$library]}")
done
have_font || missing_packages+=(fonts-dejavu-core fontconfig)

((${#missing_packages[@]} == 0)) && exit 0

mapfile -t missing_packages < <(printf '%s\n' "${missing_packages[@]}" | sort -u)
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing the system libraries Qt needs: ${missing_packages[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
  fi
  exit 0
fi
echo "diffviewer: Qt needs system libraries that are missing: ${missing_packages[*]}" >&2
echo "Install them with:  sudo apt-get install -y ${missing_packages[*]}" >&2
exit 1
