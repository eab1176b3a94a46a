"""Logs, crash and hang reports, exit codes, and one kiosk per station: checked in real processes."""

from __future__ import annotations

import subprocess
import sys
import threading

from kiosk.services import exitcodes
from kiosk.services.logs import Watchdog
from kiosk.ui.session import ManualClock


def run(code: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, **kwargs)


def test_errors_go_to_a_rotating_file_even_without_a_console(tmp_path):
    code = (
        "import sys, logging\n"
        "sys.stdout = sys.stderr = None  # a frozen windowed build has neither\n"
        "from pathlib import Path\n"
        "from kiosk.services.logs import setup_logging\n"
        "setup_logging(Path(sys.argv[1]))\n"
        "logging.getLogger('kiosk.test').error('the pack could not be read')\n"
        "raise ValueError('nobody caught this')\n"
    )
    result = run(code, str(tmp_path / "logs"))
    assert result.stdout == "" and result.stderr == ""
    text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "ERROR kiosk.test: the pack could not be read" in text
    assert "CRITICAL kiosk: unexpected error" in text and "ValueError: nobody caught this" in text


def test_a_native_crash_leaves_a_traceback_in_crash_log(tmp_path):
    code = (
        "import sys, faulthandler\nfrom pathlib import Path\n"
        "from kiosk.services.logs import setup_logging\n"
        "setup_logging(Path(sys.argv[1]))\n"
        "def crash_here():\n    faulthandler._sigsegv()\n"
        "crash_here()\n"
    )
    result = run(code, str(tmp_path / "logs"))
    assert result.returncode != 0
    text = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "crash_here" in text


def test_a_hung_interface_thread_is_reported_and_the_process_exits_for_a_restart(tmp_path):
    code = (
        "import sys, threading\nfrom pathlib import Path\n"
        "from kiosk.services.logs import Watchdog, setup_logging\n"
        "folder = Path(sys.argv[1])\n"
        "setup_logging(folder)\n"
        "Watchdog(0.5, folder / 'hang.log').start()\n"
        "def stuck_in_a_slot():\n    threading.Event().wait()  # the GUI thread never returns\n"
        "stuck_in_a_slot()\n"
    )
    result = run(code, str(tmp_path / "logs"))
    assert result.returncode == exitcodes.HUNG
    hang = (tmp_path / "logs" / "hang.log").read_text(encoding="utf-8")
    assert "hang detected" in hang and "stuck_in_a_slot" in hang and "kiosk-watchdog" not in hang.split("Current thread")[0]
    assert "the interface has not responded" in (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")


def test_a_beating_interface_is_left_alone():
    clock = ManualClock()
    hung = threading.Event()
    watchdog = Watchdog(10.0, None, on_hang=hung.set, clock=clock)
    watchdog.timeout = 10.0
    watchdog.start()
    for _ in range(5):
        clock.advance(9)
        watchdog.beat()
    assert not hung.is_set()
    clock.advance(11)  # no beat for longer than the timeout
    assert hung.wait(timeout=30)
    watchdog.stop()


def test_a_second_kiosk_on_the_same_station_exits_with_a_clear_message(tmp_path):
    config = tmp_path / "station.yaml"
    config.write_text("logs:\n  folder: logs\n", encoding="utf-8")
    holder_code = (
        "import sys\nfrom pathlib import Path\nfrom kiosk.services.instance import InstanceLock\n"
        "lock = InstanceLock(Path(sys.argv[1]))\nlock.acquire()\nprint('holding', flush=True)\nsys.stdin.read()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder_code, str(tmp_path / "logs" / "kiosk.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as holder:
        assert holder.stdout.readline().strip() == "holding"
        second = subprocess.run(
            [sys.executable, "-m", "kiosk", "--config", str(config), "--windowed"],
            capture_output=True, text=True, timeout=60,
        )
        holder.stdin.close()  # the holder exits
    assert second.returncode == exitcodes.ALREADY_RUNNING
    assert "another kiosk is already running on this station" in second.stderr
    # The lock dies with its process: a kiosk started now gets it (it exits right after its first frame).
    after = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "--windowed"],
        capture_output=True, text=True, timeout=120, env=_first_frame_env(),
    )
    assert after.returncode == exitcodes.OK, after.stderr
    assert after.stdout.startswith("first-frame ")


def _first_frame_env() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software", "KIOSK_REPORT_FIRST_FRAME": "1"}


def test_the_kiosk_runs_without_a_console_and_logs_to_its_folder(tmp_path):
    """A frozen windowed build has sys.stdout and sys.stderr set to None."""
    config = tmp_path / "station.yaml"
    config.write_text("logs:\n  folder: logs\n", encoding="utf-8")
    code = (
        "import sys\nsys.stdout = sys.stderr = None\n"
        "from kiosk.cli import main\n"
        "raise SystemExit(main(['--config', sys.argv[1], '--windowed']))\n"
    )
    result = run(code, str(config), env=_first_frame_env())
    assert (result.returncode, result.stdout, result.stderr) == (exitcodes.OK, "", "")
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "INFO kiosk.ui.station: showing content khojaly-memorial" in log


def test_the_qt_heartbeat_keeps_the_watchdog_quiet_until_the_event_loop_blocks(tmp_path):
    """The real wiring: a QTimer on the GUI thread beats the watchdog; a slot that never returns stops it."""
    code = (
        "import sys, threading\nfrom pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication, QObject, QTimer\n"
        "from kiosk.services.logs import Watchdog, setup_logging\n"
        "from kiosk.ui.station import start_heartbeat\n"
        "folder = Path(sys.argv[1])\nsetup_logging(folder)\n"
        "app = QCoreApplication([])\nowner = QObject()\n"
        "start_heartbeat(Watchdog(1.0, folder / 'hang.log'), owner, interval_ms=50)\n"
        "beats = []\n"
        "def count():\n    beats.append(1)\n    if len(beats) == 60:\n        frozen_slot()\n"
        "def frozen_slot():\n    print('froze after', len(beats), 'beats', flush=True)\n    threading.Event().wait()\n"
        "timer = QTimer(owner)\ntimer.setInterval(50)\ntimer.timeout.connect(count)\ntimer.start()\n"
        "app.exec()\n"
    )
    result = run(code, str(tmp_path / "logs"))
    assert result.stdout.strip() == "froze after 60 beats"  # ~3 s of beats: three times the timeout, no alarm
    assert result.returncode == exitcodes.HUNG
    assert "frozen_slot" in (tmp_path / "logs" / "hang.log").read_text(encoding="utf-8")
