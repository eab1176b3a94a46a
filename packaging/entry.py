"""The frozen kiosk's entry point (kiosk.spec): the command line, with three duties only a frozen build has.

- An unhandled error ends the process with exit code 1 and its traceback in the log. Left to PyInstaller,
  a Windows build without a console shows a dialog and waits for a click, so Shell Launcher or the
  scheduled task could never restart the kiosk.
- A Windows build without a console has no stdout/stderr: the log would vanish. Then it goes to
  %ProgramData%\\Kiosk\\logs\\kiosk.log (the previous run's log is kept as kiosk.previous.log).
- The validator may start the kiosk again as its helper for large packs (kiosk/content/readhelper.py),
  with `HELPER_ARGUMENT`: that process only reads panels, and must not touch the log.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

# kiosk.content.readhelper.HELPER_ARGUMENT, written out: importing the validator would slow every start.
HELPER_ARGUMENT = "--read-for-validator"


def log_folder() -> Path:
    return Path(os.environ.get("PROGRAMDATA", Path.home())) / "Kiosk" / "logs"


def give_output_somewhere(folder: Path) -> None:
    """Point missing stdout/stderr at a log file (only when there are none, as in a windowed .exe)."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "kiosk.log"
    if log.exists():
        log.replace(folder / "kiosk.previous.log")
    stream = open(log, "a", encoding="utf-8", buffering=1)  # line-buffered: a crash loses nothing written
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream


def run() -> int:
    from kiosk.cli import main

    try:
        return main()
    except Exception:
        traceback.print_exc()
        return 1


if __name__ == "__main__":
    if sys.argv[1:2] == [HELPER_ARGUMENT]:
        try:
            from kiosk.content.readhelper import main as help_the_validator
        except Exception:  # the validator reads the panels itself; no dialog may wait for a click
            traceback.print_exc()
            os._exit(1)
        help_the_validator(sys.argv[2] if len(sys.argv) > 2 else "")  # ends the process, never raises
    give_output_somewhere(log_folder())
    sys.exit(run())
