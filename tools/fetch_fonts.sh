#!/usr/bin/env bash
# Re-fetch the bundled fonts from Debian's fonts-noto-core package into assets/fonts/.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core
dpkg-deb -x fonts-noto-core_*.deb x
src=x/usr/share/fonts/truetype/noto
for f in NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSerif-Regular NotoSerif-Bold; do
  cp "$src/$f.ttf" "$here/assets/fonts/"
done
echo "fonts copied to $here/assets/fonts (licence: assets/fonts/OFL.txt)"
