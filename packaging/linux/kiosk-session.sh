#!/bin/sh
# The kiosk under cage, as kiosk.service starts it:  kiosk-session.sh [kiosk options...]
# Exits with the kiosk's own exit code. cage 0.1.4 (Debian 12) always exits 0 whatever its client did,
# and systemd needs the kiosk's code to tell "restart me" (a crash, a hang) from "stay down" (staff
# chose Exit, a broken station config): RestartPreventExitStatus= in kiosk.service.
here="$(cd "$(dirname "$0")" && pwd)"
KIOSK_STATUS_FILE="${RUNTIME_DIRECTORY:-${XDG_RUNTIME_DIR:-/tmp}}/kiosk-exit-status"
export KIOSK_STATUS_FILE
rm -f "$KIOSK_STATUS_FILE"
# -d: no window decorations. cage exits when the kiosk exits.
cage -d -- /bin/sh -c '"$@"; echo $? > "$KIOSK_STATUS_FILE"' kiosk-session "$here/../kiosk" "$@"
cage_status=$?
if [ -s "$KIOSK_STATUS_FILE" ]; then
  exit "$(cat "$KIOSK_STATUS_FILE")"
fi
echo "kiosk-session: cage ended (status $cage_status) before the kiosk could start" >&2
exit 70
