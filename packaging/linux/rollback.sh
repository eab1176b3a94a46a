#!/usr/bin/env bash
# Goes back to an earlier installed kiosk (kept by install.sh under /opt/kiosk/releases/).
#
#     sudo /opt/kiosk/current/setup/rollback.sh            # the release installed before the current one
#     sudo /opt/kiosk/current/setup/rollback.sh --list     # what is installed
#     sudo /opt/kiosk/current/setup/rollback.sh 20261201-120000-0.1.0
#
# For tests only: --root DIR works under DIR and leaves systemd alone.
set -euo pipefail

fail() { echo "kiosk rollback: $*" >&2; exit 1; }

root="" target="" list=0
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$2"; shift 2 ;;
    --list) list=1; shift ;;
    -*) fail "usage: sudo $0 [--list | RELEASE]" ;;
    *) target="$1"; shift ;;
  esac
done

releases="$root/opt/kiosk/releases"
[ -d "$releases" ] || fail "no kiosk is installed in $releases"
current="$(basename "$(readlink "$root/opt/kiosk/current")")"
if [ "$list" -eq 1 ]; then
  for dir in $(ls -1 "$releases" | sort -r); do
    [ -d "$releases/$dir" ] || continue
    if [ "$dir" = "$current" ]; then echo "$dir  (current)"; else echo "$dir"; fi
  done
  exit 0
fi

if [ -z "$target" ]; then
  # The newest release older than the current one.
  target="$(ls -1 "$releases" | sort -r | while read -r dir; do [ -d "$releases/$dir" ] && echo "$dir"; done \
            | awk -v current="$current" 'found && !done { print; done = 1 } $0 == current { found = 1 }')"
  [ -n "$target" ] || fail "there is no release older than $current to go back to"
fi
[ -x "$releases/$target/kiosk" ] || fail "$target is not an installed release (see --list)"

ln -sfn "releases/$target" "$root/opt/kiosk/current.new"
mv -T "$root/opt/kiosk/current.new" "$root/opt/kiosk/current"
echo "kiosk rollback: now running $target (was $current)"
[ -n "$root" ] || systemctl restart kiosk.service
