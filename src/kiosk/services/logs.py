"""Logs for an unattended terminal: rotating files, crash tracebacks, and a watchdog for hangs.

    LOGS/kiosk.log (+ .1 ... .5)   everything at INFO and above, 1 MB per file
    LOGS/crash.log                 native crashes (faulthandler writes it even when Python cannot)
    LOGS/hang.log                  every thread's traceback when the interface stopped responding

Nothing is written to stdout or stderr unless they exist: a frozen windowed build has none
(`sys.stdout is None`).
"""

from __future__ import annotations

import collections
import faulthandler
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Callable, TextIO

from kiosk.services import exitcodes

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
log = logging.getLogger(__name__)


class RecentErrors(logging.Handler):
    """The last few errors, for the staff menu's diagnostics."""

    def __init__(self, keep: int = 20) -> None:
        super().__init__(logging.ERROR)
        self.lines: collections.deque[str] = collections.deque(maxlen=keep)
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record).splitlines()[0])


recent_errors = RecentErrors()
_crash_file: TextIO | None = None


def setup_logging(folder: Path | None, level: int = logging.INFO) -> None:
    """Root logger to rotating files in `folder` (if given) and to stderr (if there is one)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    if sys.stderr is not None:
        root.addHandler(_formatted(logging.StreamHandler(sys.stderr)))
    root.addHandler(recent_errors)
    if folder is not None:
        from logging.handlers import RotatingFileHandler  # with a log folder only (it brings socket ...)

        folder.mkdir(parents=True, exist_ok=True)
        files = RotatingFileHandler(
            folder / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        root.addHandler(_formatted(files))
        _enable_faulthandler(folder / "crash.log")
    elif sys.stderr is not None:
        faulthandler.enable()
    sys.excepthook = _log_exception
    threading.excepthook = lambda args: _log_exception(args.exc_type, args.exc_value, args.exc_traceback)


def _formatted(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def _enable_faulthandler(path: Path) -> None:
    global _crash_file
    # Kept open for the life of the process: faulthandler writes with a raw fd when Python is dying.
    _crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115
    _crash_file.write(f"--- kiosk started {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}\n")
    _crash_file.flush()
    faulthandler.enable(_crash_file, all_threads=True)


def _log_exception(kind, value, traceback) -> None:
    """Qt calls Python slots from its event loop; an exception there is logged, not lost."""
    if issubclass(kind, KeyboardInterrupt):
        return
    logging.getLogger("kiosk").critical("unexpected error", exc_info=(kind, value, traceback))


class Watchdog:
    """Notices when the interface thread stops beating.

    The GUI thread calls `beat()` from a timer; a thread of its own checks that beats keep coming.
    After `timeout` seconds without one it calls `on_hang` (by default: every thread's traceback to
    hang.log, then exit with `exitcodes.HUNG` so the supervisor restarts the kiosk).
    """

    def __init__(
        self,
        timeout: float,
        hang_log: Path | None,
        on_hang: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout = timeout
        self.hang_log = hang_log
        self._on_hang = on_hang or self._report_and_exit
        self._clock = clock
        self._last = clock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="kiosk-watchdog", daemon=True)

    def start(self) -> None:
        self._last = self._clock()
        self._thread.start()

    def beat(self) -> None:
        self._last = self._clock()

    def stop(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        interval = max(0.05, self.timeout / 4)
        while not self._stop.wait(interval):
            if self._clock() - self._last > self.timeout:
                self._on_hang()
                return

    def _report_and_exit(self) -> None:
        log.critical("the interface has not responded for %.0f s; restarting", self.timeout)
        if self.hang_log is not None:
            with open(self.hang_log, "a", encoding="utf-8") as stream:
                stream.write(f"--- hang detected {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}\n")
                stream.flush()
                faulthandler.dump_traceback(stream, all_threads=True)
        elif sys.stderr is not None:
            faulthandler.dump_traceback(sys.stderr, all_threads=True)
        os._exit(exitcodes.HUNG)  # the GUI thread is stuck: a normal exit would wait for it forever
