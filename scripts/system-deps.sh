#!/usr/bin/env bash
# Installs the system libraries Village Station needs on Debian/Ubuntu: zbar for
# pyzbar, CJK fonts so Chinese renders, the X/xcb libraries Qt needs for a real window,
# and the tools the tests use (xvfb for screenshots, poppler for looking at PDFs).
# Skips apt entirely when everything is already there, so it is cheap to run every time.
set -euo pipefail

packages=(
  libzbar0 fonts-noto-cjk
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  xvfb xauth poppler-utils
)
if [ "${1:-}" = "--test" ]; then
  packages+=(socat)
fi
# Debian's python3 needs python3-venv before "python3 -m venv" works.
if ! "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv python3-pip)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "缺少系统库 / missing system packages: ${missing[*]}" >&2
  echo "This is not a Debian/Ubuntu system: install the equivalents by hand." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
elif command -v sudo >/dev/null 2>&1; then
  echo "Installing system packages with sudo: ${missing[*]}" >&2
  sudo=(sudo)
else
  echo "缺少系统库 / missing system packages, and neither root nor sudo is available." >&2
  echo "Ask an administrator to run:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
