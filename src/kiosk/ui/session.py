"""One visit: where the visitor is, and when the kiosk decides nobody is there any more.

`VisitorSession` owns navigation (which screen, which panel, whether the sources drawer is open).
`IdleSession` owns time: after `idle_seconds` without input it asks "still there?" for
`countdown_seconds`, then resets the visit. Its clock and its ticker are injected, so tests move
time by hand instead of waiting for it.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

SCREENS = ("attract", "home", "story", "timeline", "map", "sources")


@QmlElement
@QmlUncreatable("The application creates the session")
class VisitorSession(QObject):
    screenChanged = Signal()
    backToChanged = Signal()
    panelIndexChanged = Signal()
    sourcesOpenChanged = Signal()
    listViewChanged = Signal()
    noticeChanged = Signal()
    accessibleChanged = Signal()
    # Sent just before the text size changes on every screen: screens made ahead and not on show
    # are made afresh rather than laid out again (Main.qml), so the change shows sooner.
    restyling = Signal()
    visitStarted = Signal()
    visitEnded = Signal()

    def __init__(
        self,
        panel_count: int,
        sections: tuple[str, ...],
        distressing: tuple[bool, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel_count = panel_count
        self._distressing = tuple(distressing) + (False,) * (panel_count - len(distressing))
        self._notice_accepted = False  # a visitor who chose to continue is not asked again this visit
        self._accessible = False
        self._sections = sections
        self._screen = "attract"
        self._back_to = ""  # the screen a "back" button returns to, after following a link
        self._panel_index = 0
        self._sources_open = False
        self._list_view = False  # the timeline or map shown as its list alternative

    # Properties ----------------------------------------------------------------------------
    def _get_screen(self) -> str:
        return self._screen

    screen = Property(str, _get_screen, notify=screenChanged)

    def _get_ready_ahead(self) -> list[str]:
        """The screens worth making before the visitor asks for them (ScreenSlot.qml): on the home
        screen, the story and the sections this exhibit has; on the attract screen, home. Nothing else
        is kept hidden: every screen that exists follows a change of language, and a hidden one would
        only make that change slower."""
        if self._screen == "home":
            return ["story"] + [kind for kind in ("timeline", "map") if kind in self._sections]
        return ["home"] if self._screen == "attract" else []

    readyAhead = Property(list, _get_ready_ahead, notify=screenChanged)

    def _get_panel_index(self) -> int:
        return self._panel_index

    panelIndex = Property(int, _get_panel_index, notify=panelIndexChanged)

    def _get_sources_open(self) -> bool:
        return self._sources_open

    sourcesOpen = Property(bool, _get_sources_open, notify=sourcesOpenChanged)

    panelCount = Property(int, lambda self: self._panel_count, constant=True)

    def _get_back_to(self) -> str:
        return self._back_to

    backTo = Property(str, _get_back_to, notify=backToChanged)

    def _set_back_to(self, screen: str) -> None:
        if screen != self._back_to:
            self._back_to = screen
            self.backToChanged.emit()

    # Navigation ----------------------------------------------------------------------------
    def _get_accessible(self) -> bool:
        return self._accessible

    accessible = Property(bool, _get_accessible, notify=accessibleChanged)

    @Slot(bool)
    def setAccessible(self, value: bool) -> None:
        """Accessibility mode: larger text, high contrast, reduced motion, controls within reach."""
        if value != self._accessible and self._screen != "attract":
            self.restyling.emit()
            self._accessible = value
            self.accessibleChanged.emit()

    def _get_notice(self) -> bool:
        return (
            self._screen == "story" and not self._notice_accepted and bool(self._panel_count)
            and self._distressing[self._panel_index]
        )

    noticeShown = Property(bool, _get_notice, notify=noticeChanged)

    @Slot()
    def acceptNotice(self) -> None:
        """The visitor chose to read on: no more notices during this visit."""
        if not self._notice_accepted:
            self._notice_accepted = True
            self.noticeChanged.emit()

    @Slot()
    def skipNotice(self) -> None:
        """Skip the distressing panel: on to the next panel that is not, or home if none is left."""
        for index in range(self._panel_index + 1, self._panel_count):
            if not self._distressing[index]:
                self.showPanel(index)
                return
        self.goHome()

    def _get_list_view(self) -> bool:
        return self._list_view

    listView = Property(bool, _get_list_view, notify=listViewChanged)

    @Slot(bool)
    def setListView(self, value: bool) -> None:
        if value != self._list_view:
            self._list_view = value
            self.listViewChanged.emit()

    def _go(self, screen: str, back_to: str = "") -> None:
        self._set_sources_open(False)
        self.setListView(False)
        self._set_back_to(back_to)
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()
            self.noticeChanged.emit()

    def _set_sources_open(self, value: bool) -> None:
        if value != self._sources_open:
            self._sources_open = value
            self.sourcesOpenChanged.emit()

    @Slot()
    def start(self) -> None:
        """A touch on the attract screen begins a visit."""
        if self._screen == "attract":
            self._go("home")
            self.visitStarted.emit()

    @Slot()
    def goHome(self) -> None:
        if self._screen != "attract":
            self._go("home")

    @Slot(str)
    def openSection(self, kind: str) -> None:
        # From the attract screen only start() leads on: a late tap from a closed screen does nothing.
        if self._screen != "attract" and kind in self._sections and kind in SCREENS:
            self._go(kind)

    @Slot(int)
    def showPanel(self, index: int) -> None:
        """Open the story at a panel; out-of-range indexes are clamped, never an error on screen."""
        if not self._panel_count or self._screen == "attract":
            return
        index = max(0, min(self._panel_count - 1, index))
        if index != self._panel_index:
            self._set_sources_open(False)  # the drawer lists the sources of the panel it was opened on
            self._panel_index = index
            self.panelIndexChanged.emit()
            self.noticeChanged.emit()
        if self._screen != "story":
            self._go("story")

    def follow_link(self, screen: str, panel_index: int = -1) -> None:
        """Go from one screen to a related one, keeping a way back to where the visitor was."""
        origin = self._screen
        if origin == "attract" or (screen != "story" and screen not in self._sections):
            return
        if panel_index >= 0:
            self.showPanel(panel_index)
        self._go(screen, back_to=origin)

    @Slot()
    def goBack(self) -> None:
        if self._back_to:
            self._go(self._back_to)

    @Slot()
    def nextPanel(self) -> None:
        if self._screen == "story" and self._panel_index + 1 < self._panel_count:
            self.showPanel(self._panel_index + 1)

    @Slot()
    def previousPanel(self) -> None:
        if self._screen == "story" and self._panel_index > 0:
            self.showPanel(self._panel_index - 1)

    @Slot(bool)
    def setSourcesOpen(self, value: bool) -> None:
        if self._screen != "attract":
            self._set_sources_open(value)

    @Slot()
    def reset(self) -> None:
        """Back to the attract screen with nothing of the last visit left."""
        was_visiting = self._screen != "attract"
        self._set_sources_open(False)
        self.setListView(False)
        self._notice_accepted = False
        if self._accessible:
            self._accessible = False
            self.accessibleChanged.emit()
        self._set_back_to("")
        if self._panel_index != 0:
            self._panel_index = 0
            self.panelIndexChanged.emit()
        self._go("attract")
        if was_visiting:
            self.visitEnded.emit()


class ManualTicker(QObject):
    """A timer that ticks only when told to: for tests and the self-test, which move time by hand."""

    timeout = Signal()

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class ManualClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def second_ticker(parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(250)  # fine enough for a countdown shown in whole seconds
    return timer


@QmlElement
@QmlUncreatable("The application creates the idle session")
class IdleSession(QObject):
    warningChanged = Signal()
    secondsLeftChanged = Signal()
    timedOut = Signal()

    def __init__(
        self,
        idle_seconds: float = 90.0,
        countdown_seconds: float = 20.0,
        clock: Callable[[], float] = time.monotonic,
        ticker: QObject | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self._clock = clock
        self._ticker = ticker if ticker is not None else second_ticker(self)
        self._ticker.timeout.connect(self.tick)
        self._last_input = clock()
        self._patience = 1.0  # accessibility mode gives visitors more time
        self._touching = False
        self._active = False
        self._warning = False
        self._seconds_left = int(countdown_seconds)

    def _get_warning(self) -> bool:
        return self._warning

    warning = Property(bool, _get_warning, notify=warningChanged)

    def _get_seconds_left(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _get_seconds_left, notify=secondsLeftChanged)

    def set_patience(self, factor: float) -> None:
        self._patience = max(1.0, factor)
        self.activity()

    def set_active(self, active: bool) -> None:
        """Idle time only counts during a visit (not on the attract screen)."""
        self._active = active
        self._last_input = self._clock()
        self._set_warning(False)
        if active:
            self._ticker.start()
        else:
            self._ticker.stop()

    @Slot()
    def activity(self) -> None:
        self._last_input = self._clock()
        self._set_warning(False)

    def set_touching(self, touching: bool) -> None:
        """A finger resting or dragging on the screen is a visitor, however long it stays."""
        self._touching = touching
        self.activity()

    @Slot()
    def tick(self) -> None:
        if not self._active:
            return
        if self._touching:
            self._last_input = self._clock()
        idle = self._clock() - self._last_input
        limit = self.idle_seconds * self._patience
        if idle < limit:
            self._set_warning(False)
            return
        left = limit + self.countdown_seconds - idle
        if left <= 0:
            self._set_warning(False)
            self.timedOut.emit()
            return
        self._set_seconds_left(int(left + 0.999))
        self._set_warning(True)

    def _set_warning(self, value: bool) -> None:
        if value != self._warning:
            self._warning = value
            self.warningChanged.emit()

    def _set_seconds_left(self, value: int) -> None:
        if value != self._seconds_left:
            self._seconds_left = value
            self.secondsLeftChanged.emit()


_INPUT_EVENTS = {
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchUpdate,
}


class ActivityWatcher(QObject):
    """An event filter on the kiosk window: any input is activity; a touch held down keeps the visit."""

    def __init__(self, idle: IdleSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = idle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            self._idle.set_touching(True)
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease):
            self._idle.set_touching(False)
        elif kind in _INPUT_EVENTS:
            self._idle.activity()
        return False
