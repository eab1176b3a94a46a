"""systemd's notification protocol (sd_notify), in the standard library: one datagram to $NOTIFY_SOCKET.

With `Type=notify` and `WatchdogSec=` in the unit, the kiosk says READY=1 once its window is up and
WATCHDOG=1 from a timer on the GUI thread; systemd restarts it when the beats stop. Without systemd
(no NOTIFY_SOCKET: Windows, a terminal) every call does nothing.
"""

from __future__ import annotations

import os


def notify(message: str) -> bool:
    """Send `message` (e.g. "READY=1"); False when there is no systemd to tell or it cannot be reached."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    import socket  # only under systemd: a start without it need not wait for the import (~10 ms)

    if not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):  # an abstract socket (Linux)
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
        return True
    except OSError:
        return False
