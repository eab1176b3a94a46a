"""The staff menu behind a hidden gesture and a PIN.

`StaffGesture` watches the window for a press held `hold_seconds` in one corner (visitors rarely
rest a finger in a corner that long, and it does not stop the touch reaching the exhibit).
`StaffMenu` is what QML shows: the PIN pad, then the menu, the diagnostics and the touch test. Its
clock and ticker are injected, like `IdleSession`'s, so tests move time by hand: wrong PINs lock
the pad for 1, 2, 4 ... seconds, and the menu closes itself after `timeout` seconds untouched.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Property, QEvent, QObject, QPointF, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable
from PySide6.QtQuick import QQuickWindow

from kiosk.services.pin import PinGate

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

MAX_DIGITS = 12
STAGES = ("", "pin", "menu", "diagnostics", "usage", "touch")


@QmlElement
@QmlUncreatable("The application creates the staff menu")
class StaffMenu(QObject):
    stageChanged = Signal()
    entryChanged = Signal()
    lockedChanged = Signal()
    infoChanged = Signal()
    exitRequested = Signal()
    reloadRequested = Signal()

    def __init__(
        self,
        gate: PinGate,
        diagnostics: Callable[[], list[str]] = list,
        usage: Callable[[], list[str]] = list,
        timeout: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        ticker: QObject | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self._diagnostics = diagnostics
        self._usage = usage
        self.timeout = timeout
        self._clock = clock
        self._ticker = ticker if ticker is not None else _second_ticker(self)
        self._ticker.timeout.connect(self.tick)
        self._stage = ""
        self._entry = ""
        self._locked = 0
        self._wrong = False
        self._info: list[str] = []
        self._last_activity = clock()

    # Properties ----------------------------------------------------------------------------
    stage = Property(str, lambda self: self._stage, notify=stageChanged)
    digitsEntered = Property(int, lambda self: len(self._entry), notify=entryChanged)
    wrongPin = Property(bool, lambda self: self._wrong, notify=entryChanged)
    lockedSeconds = Property(int, lambda self: self._locked, notify=lockedChanged)
    info = Property(list, lambda self: self._info, notify=infoChanged)
    failures = Property(int, lambda self: self._gate.failures, notify=entryChanged)

    # Actions -------------------------------------------------------------------------------
    @Slot()
    def open(self) -> None:
        """The hidden gesture: show the PIN pad (if a PIN was set; without one the menu stays shut)."""
        if self._stage or not self._gate.enabled:
            return
        self._entry, self._wrong = "", False
        self.entryChanged.emit()
        self._set_stage("pin")
        self._ticker.start()
        self._refresh_lock()

    @Slot(str)
    def digit(self, digit: str) -> None:
        self.activity()
        if self._stage != "pin" or self._locked or len(self._entry) >= MAX_DIGITS or not digit.isdigit():
            return
        self._entry += digit
        self._wrong = False
        self.entryChanged.emit()

    @Slot()
    def erase(self) -> None:
        self.activity()
        if self._entry:
            self._entry = self._entry[:-1]
            self.entryChanged.emit()

    @Slot()
    def submit(self) -> None:
        self.activity()
        if self._stage != "pin" or not self._entry or self._locked:
            return
        right = self._gate.try_pin(self._entry)
        self._entry, self._wrong = "", not right
        self.entryChanged.emit()
        self._refresh_lock()
        if right:
            self._set_stage("menu")

    @Slot(str)
    def show(self, stage: str) -> None:
        """Move between the menu's pages (only once the PIN was accepted)."""
        self.activity()
        if self._stage in ("", "pin") or stage not in STAGES[2:]:
            return
        if stage == "diagnostics":
            self._set_info(self._diagnostics())
        elif stage == "usage":
            self._set_info(self._usage())
        self._set_stage(stage)

    @Slot()
    def close(self) -> None:
        self._entry = ""
        self.entryChanged.emit()
        self._set_stage("")
        self._ticker.stop()

    @Slot()
    def exitKiosk(self) -> None:
        if self._stage not in ("", "pin"):
            self.exitRequested.emit()

    @Slot()
    def reloadContent(self) -> None:
        if self._stage not in ("", "pin"):
            self.close()
            self.reloadRequested.emit()

    @Slot()
    def activity(self) -> None:
        self._last_activity = self._clock()

    @Slot()
    def tick(self) -> None:
        if not self._stage:
            return
        self._refresh_lock()
        if self._clock() - self._last_activity >= self.timeout:
            self.close()

    # Helpers -------------------------------------------------------------------------------
    def _set_stage(self, stage: str) -> None:
        if stage != self._stage:
            self._stage = stage
            self.activity()
            self.stageChanged.emit()

    def _set_info(self, lines: list[str]) -> None:
        self._info = list(lines)
        self.infoChanged.emit()

    def _refresh_lock(self) -> None:
        seconds = int(self._gate.seconds_locked() + 0.999)
        if seconds != self._locked:
            self._locked = seconds
            self.lockedChanged.emit()


def _second_ticker(parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(250)
    return timer


class StaffGesture(QObject):
    """A press held in the configured corner of the window opens the staff menu.

    Installed on the application; it only watches (never swallows) presses on the window itself, so the
    exhibit underneath behaves as usual.
    """

    def __init__(
        self,
        window: QQuickWindow,
        menu: StaffMenu,
        corner: str = "bottom-left",
        hold_seconds: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
        ticker: QObject | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._menu = menu
        self._corner = corner
        self.hold_seconds = hold_seconds
        self._clock = clock
        self._ticker = ticker if ticker is not None else _second_ticker(self)
        self._ticker.timeout.connect(self.tick)
        self._pressed_at: float | None = None

    def corner_size(self) -> float:
        # About 1.5 cm on a 24" full HD screen; large enough to find, small enough that visitors miss it.
        return max(48.0, 0.06 * min(self._window.width(), self._window.height()))

    def in_corner(self, point: QPointF) -> bool:
        size = self.corner_size()
        left = point.x() <= size
        right = point.x() >= self._window.width() - size
        top = point.y() <= size
        bottom = point.y() >= self._window.height() - size
        vertical, horizontal = self._corner.split("-")
        return (top if vertical == "top" else bottom) and (left if horizontal == "left" else right)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self._window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            points = event.points()
            if len(points) == 1 and self.in_corner(points[0].position()):
                self._pressed_at = self._clock()
                self._ticker.start()
            else:
                self._cancel()
        elif kind in (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove):
            points = event.points()
            if self._pressed_at is not None and (len(points) != 1 or not self.in_corner(points[0].position())):
                self._cancel()
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease):
            self.tick()  # a release just after the hold time still counts
            self._cancel()
        return False

    @Slot()
    def tick(self) -> None:
        if self._pressed_at is not None and self._clock() - self._pressed_at >= self.hold_seconds:
            self._cancel()
            self._menu.open()

    def _cancel(self) -> None:
        self._pressed_at = None
        self._ticker.stop()
