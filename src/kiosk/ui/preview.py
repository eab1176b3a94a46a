"""Live preview for staff: in a window, the kiosk follows the pack's files as they are edited.

Every second it compares the files' sizes and times (cheap, no reading); when something
changed it validates the pack again. A pack that loads replaces what is shown, on the same screen, panel
and language the staff member was looking at. A pack with errors does not: the last good content stays
and a banner lists the problems as `file:line:col`, until the next save fixes them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.content import LoadResult
from kiosk.content.fingerprint import file_stats

log = logging.getLogger(__name__)
MAX_SHOWN_PROBLEMS = 6


class PreviewReloader(QObject):
    """Watches one pack folder for a window that previews it; `show` replaces what the window shows."""

    def __init__(
        self,
        folder: Path,
        load: Callable[[Path], LoadResult],
        show: Callable[[LoadResult], None],
        report: Callable[[list[str]], None],
        interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._load, self._show, self._report = load, show, report
        self._signature = file_stats(folder)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> bool:
        """Reload if the files changed since the last look. True when it tried."""
        signature = file_stats(self.folder)
        if signature == self._signature:
            return False
        self._signature = signature
        result = self._load(self.folder)
        if result.pack is None:
            problems = [str(p) for p in result.errors]
            log.error("preview: %d problems in %s; still showing the last good content", len(problems), self.folder)
            for line in problems:
                log.error("content: %s", line)
            shown = problems[:MAX_SHOWN_PROBLEMS]
            if len(problems) > len(shown):
                shown.append(f"... and {len(problems) - len(shown)} more: run `kiosk validate {self.folder}`")
            self._report(shown)
            return True
        log.info("preview: %s changed; showing it", self.folder)
        self._show(result)
        self._report([])
        return True
