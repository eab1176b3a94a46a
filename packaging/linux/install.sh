#!/usr/bin/env bash
# Installs (or updates) the kiosk on a Debian terminal so it starts full screen at boot.
# Run it from the kiosk folder you copied onto the terminal:
#
#     sudo ./setup/install.sh                       # the bundled exhibit
#     sudo ./setup/install.sh --content /srv/kiosk/content
#
# Each install goes to /opt/kiosk/releases/<date>-<version>/ and only becomes /opt/kiosk/current after its
# self-test passes, so a bad copy never replaces a working kiosk; setup/rollback.sh goes back.
# For tests only: --root DIR installs under DIR and leaves users and systemd alone.
set -euo pipefail

usage() { echo "usage: sudo $0 [--content DIR] [--no-start]" >&2; exit 2; }
say() { echo "kiosk install: $*"; }
fail() { echo "kiosk install: $*" >&2; exit 1; }

root="" content="" start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --content) [ $# -ge 2 ] || usage; content="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --root) [ $# -ge 2 ] || usage; root="$2"; shift 2 ;;
    *) usage ;;
  esac
done

source_dir="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$source_dir/kiosk" ] || fail "run this from the kiosk folder: $source_dir/kiosk is missing"
if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || fail "run it with sudo"
  command -v cage >/dev/null || fail "cage is not installed: sudo apt-get install cage xwayland"
fi
if [ -n "$content" ]; then
  [ -d "$content" ] || fail "the content folder $content does not exist"
  "$source_dir/kiosk" validate "$content" >/dev/null || fail "the content in $content has errors: run '$source_dir/kiosk validate $content' to list them"
fi

version="$("$source_dir/kiosk" --version | sed -n '1s/^kiosk //p')"  # sed reads it all: no SIGPIPE
releases="$root/opt/kiosk/releases"
# Named date first, so sorting the names sorts the releases in the order they were installed.
release="$releases/$(date +%Y%m%d-%H%M%S)-$version"
n=1; base="$release"
while [ -e "$release" ]; do n=$((n + 1)); release="$base.$n"; done
say "copying $source_dir to $release"
mkdir -p "$releases"
cp -a "$source_dir" "$release.partial"
mv "$release.partial" "$release"

# The copy must render every screen before it is allowed to replace the running kiosk.
say "self-test of the copy (about a minute)"
if ! QT_QPA_PLATFORM=offscreen "$release/kiosk" self-test --sizes 1920x1080 ${content:+--content "$content"} >"$release.self-test.log" 2>&1; then
  rm -rf "$release"
  fail "the self-test failed, nothing was changed; see $release.self-test.log"
fi
rm -f "$release.self-test.log"

ln -sfn "releases/$(basename "$release")" "$root/opt/kiosk/current.new"
mv -T "$root/opt/kiosk/current.new" "$root/opt/kiosk/current"
say "$root/opt/kiosk/current is now $(basename "$release")"

install -D -m 644 "$source_dir/setup/kiosk.service" "$root/etc/systemd/system/kiosk.service"
install -D -m 644 "$source_dir/setup/pam-kiosk" "$root/etc/pam.d/kiosk"
if [ ! -e "$root/etc/kiosk/kiosk.env" ]; then  # the station's own choices survive updates
  install -D -m 644 "$source_dir/setup/kiosk.env" "$root/etc/kiosk/kiosk.env"
fi
if [ -n "$content" ]; then
  sed -i "s|^KIOSK_ARGS=.*|KIOSK_ARGS=--content $content|" "$root/etc/kiosk/kiosk.env"
fi
# Logs kept across reboots (journald keeps them on disk when this folder exists).
mkdir -p "$root/var/log/journal"

# Keep the three newest releases (and always the current one) for rolling back.
current="$(readlink "$root/opt/kiosk/current")"
ls -1d "$releases"/*/ | sed 's|/$||' | sort -r | tail -n +4 | while read -r old; do
  [ "releases/$(basename "$old")" = "$current" ] || { say "removing old release $(basename "$old")"; rm -rf "$old"; }
done

if [ -n "$root" ]; then
  say "installed under $root (test mode: no user, no systemd)"
  exit 0
fi

if ! id kiosk >/dev/null 2>&1; then
  say "creating the user 'kiosk'"
  useradd --system --create-home --home-dir /var/lib/kiosk --shell /usr/sbin/nologin kiosk
fi
for group in video input render; do  # the screen, the touch panel, the GPU
  getent group "$group" >/dev/null && usermod -a -G "$group" kiosk
done

systemctl daemon-reload
systemctl enable kiosk.service
systemctl set-default graphical.target
if [ "$start" -eq 1 ]; then
  systemctl restart kiosk.service
  say "started; 'journalctl -u kiosk' shows its log"
else
  say "installed; it starts at the next boot (or: sudo systemctl start kiosk)"
fi
