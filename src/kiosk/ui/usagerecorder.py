"""Feeds the usage log from the visit's own signals: nothing in QML knows statistics exist."""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import Callable

from PySide6.QtCore import QObject

from kiosk.services.usage import UsageLog
from kiosk.ui.exhibit import ExhibitViewModel

log = logging.getLogger(__name__)


class UsageRecorder(QObject):
    def __init__(
        self, exhibit: ExhibitViewModel, usage: UsageLog, clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._session = exhibit.session
        self._usage = usage
        self._clock = clock
        self._screen = self._session.screen
        self._screen_since = clock()
        self._visit_since = clock()
        self._language = exhibit.language  # the visit's language, kept: the reset restores the default first
        self._session.visitStarted.connect(self._visit_started)
        self._session.screenChanged.connect(self._screen_changed)
        self._session.visitEnded.connect(self._visit_ended)
        exhibit.languageChanged.connect(self._language_changed)
        exhibit.idle.timedOut.connect(self._timed_out)

    def _safely(self, record: Callable[[], None]) -> None:
        """Statistics must never disturb a visit: a full disk or locked file is logged and ignored."""
        try:
            record()
        except sqlite3.Error as exc:
            log.error("usage statistics could not be recorded: %s", exc)

    def _visit_started(self) -> None:
        self._visit_since = self._clock()
        self._language = self._exhibit.language
        self._safely(lambda: self._usage.visit_started(self._language))

    def _screen_changed(self) -> None:
        now = self._clock()
        left, seconds = self._screen, now - self._screen_since
        self._screen, self._screen_since = self._session.screen, now
        if left != "attract":
            self._safely(lambda: self._usage.screen_left(left, seconds))

    def _language_changed(self) -> None:
        if self._session.screen != "attract":  # the reset back to the default language is not a choice
            self._language = self._exhibit.language
            self._safely(lambda: self._usage.language_chosen(self._language))

    def _timed_out(self) -> None:
        # The idle session's first listener resets the visit, so this comes just after its visit_end row.
        self._safely(self._usage.idle_reset)

    def _visit_ended(self) -> None:
        # visitEnded comes after the screen went back to attract, so the last screen is already recorded.
        seconds = self._clock() - self._visit_since
        self._safely(lambda: self._usage.visit_ended(self._language, seconds))
