#!/usr/bin/env bash
# Installs the Debian libraries Qt needs (and, for the tests, GNU patch), only when some are missing.
# Why a script: a fresh machine (CI, a newcomer's box) has Python but may lack the
# shared libraries PySide6 loads; installing by hand would hide that from CI.
# Usage: system-deps.sh test|run
set -euo pipefail
mode="${1:-test}"
pkgs=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 fonts-dejavu-core)
if [ "$mode" = run ]; then
  pkgs+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
         libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xinerama0)
fi
if [ "$mode" = test ]; then
  pkgs+=(patch)   # the --diff tests apply its output with GNU patch (priority optional in Debian)
  pkgs+=(appstream)   # appstreamcli validates the AppStream file (tests/test_packaging.py)
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: the user's Qt setup is theirs
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
