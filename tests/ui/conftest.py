"""UI fixtures: the real QML module offscreen, driven by touch, with time under the test's control."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from kiosk.content import load_pack
from kiosk.geo.asset import load_map_asset
from kiosk.resources import asset_path
from kiosk.ui.app import KioskWindow, load_fonts
from kiosk.ui.session import IdleSession, ManualClock, ManualTicker
from tests.ui.touch import Finger


@pytest.fixture(scope="session")
def qapp_cls():
    return QGuiApplication


class Harness:
    def __init__(self, kiosk: KioskWindow, clock: ManualClock, ticker: ManualTicker) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.exhibit = kiosk.exhibit
        self.session = kiosk.exhibit.session if kiosk.exhibit else None
        self.idle = kiosk.idle if kiosk.exhibit else None
        self.clock = clock
        self.ticker = ticker
        self.finger = Finger(kiosk.window)
        self.qml_warnings: list[str] = []
        kiosk.engine.warnings.connect(lambda ws: self.qml_warnings.extend(w.toString() for w in ws))

    def wait_screen(self, qtbot, name: str) -> None:
        """Until the screen is current and drawn: a visitor cannot touch what is not on the glass yet."""
        qtbot.waitUntil(lambda: self.session.screen == name)
        self.wait_frame(qtbot)

    def wait_frame(self, qtbot) -> None:
        with qtbot.waitSignal(self.window.frameSwapped, timeout=5000):
            self.window.update()  # forces a frame even when nothing is animating

    def pass_time(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.ticker.timeout.emit()


@pytest.fixture
def open_kiosk(qapp, qtbot):
    """Opens a pack in a window of the given size; fails the test on any QML warning."""
    load_fonts(qapp)
    harnesses: list[Harness] = []
    places = load_map_asset(asset_path("geo", "recognition_map.json"))

    def open_(folder, size=(1280, 720), **options) -> Harness:
        clock, ticker = ManualClock(), ManualTicker()
        idle = IdleSession(idle_seconds=90, countdown_seconds=20, clock=clock, ticker=ticker)
        result = load_pack(folder, places)
        assert result.pack is not None, [str(p) for p in result.errors]
        kiosk = KioskWindow(result, places, idle, **options)
        harness = Harness(kiosk, clock, ticker)
        kiosk.show_windowed(QSize(*size))
        qtbot.waitExposed(kiosk.window)
        harness.wait_frame(qtbot)
        harnesses.append(harness)
        return harness

    yield open_
    for harness in harnesses:
        harness.kiosk.close()
        assert harness.qml_warnings == []
