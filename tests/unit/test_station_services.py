"""The station's services stay pure Python, and talk to systemd without any library."""

from __future__ import annotations

import socket
import subprocess
import sys

from kiosk.services.activation import pack_candidates
from kiosk.services.config import StationConfig
from kiosk.services.sdnotify import notify
from kiosk.resources import bundled_content

SERVICES = ["config", "pin", "contentstore", "activation", "logs", "usage", "instance", "exitcodes", "sdnotify"]


def test_services_never_import_qt():
    code = "import sys\n" + "".join(f"import kiosk.services.{name}\n" for name in SERVICES) + (
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_ready_and_watchdog_reach_systemd_through_notify_socket(tmp_path, monkeypatch):
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        assert notify("READY=1") and notify("WATCHDOG=1")
        assert server.recv(100) == b"READY=1" and server.recv(100) == b"WATCHDOG=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not notify("WATCHDOG=1")  # no systemd: nothing happens, nothing fails


def test_a_fixed_content_folder_comes_after_the_store_and_before_the_bundled_pack(tmp_path):
    config = StationConfig(content_folder=tmp_path / "exhibit")
    assert pack_candidates(config) == [tmp_path / "exhibit", bundled_content()]
