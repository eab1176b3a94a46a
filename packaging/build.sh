#!/usr/bin/env bash
# Builds the kiosk as one folder, dist/kiosk/, on Debian or Ubuntu, from a checkout:
#
#     bash packaging/build.sh
#
# then checks it: the frozen `kiosk self-test` renders every screen in every language offscreen
# (any problem fails the build).
# Run as root (or with sudo) the first time so the system libraries below can be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt's Wayland and X11 plugins link against. PyInstaller copies them into the folder only if
# they are on the build machine; without them the kiosk would not start under cage on a terminal that
# lacks them either (tests/packaging/frozen checks every library in the folder resolves).
needed=(libwayland-client0 libwayland-cursor0 libwayland-egl1 libxcb-keysyms1 libxcb-cursor0 libxcb-icccm4
        libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
        libegl1 libgl1 libfontconfig1 libdbus-1-3)
missing=()
for pkg in "${needed[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing system packages the build bundles: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e ".[build]"
.venv/bin/pyinstaller packaging/kiosk.spec --noconfirm --clean --log-level WARN

echo "built dist/kiosk: $(du -sm dist/kiosk | cut -f1) MB"
dist/kiosk/kiosk --version
# The frozen self-test: every screen in every language, offscreen. On failure, every problem is shown.
if ! QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk self-test > build/self-test.log 2>&1; then
  grep -v '^ok ' build/self-test.log
  echo "the frozen self-test FAILED (full report: build/self-test.log)"
  exit 1
fi
tail -n 1 build/self-test.log
