"""A running station for UI tests: the real Station (window, staff menu, gesture, usage) with time
under the test's control. Import `open_station` into a test module to use it as a fixture."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QSize

from kiosk.geo.asset import load_map_asset
from kiosk.resources import asset_path
from kiosk.services.config import StationConfig
from kiosk.services.pin import hash_pin
from kiosk.ui.app import load_fonts
from kiosk.ui.session import ManualClock, ManualTicker
from kiosk.ui.station import Station
from tests.ui.touch import Finger

PIN = "2468"
PIN_HASH = hash_pin(PIN, iterations=1000)  # the stored format, with few iterations to keep tests quick


class StationHarness:
    def __init__(self, station: Station, clock: ManualClock) -> None:
        self.station = station
        self.clock = clock
        self.staff = station.staff

    @property
    def window(self):
        return self.station.kiosk.window

    @property
    def session(self):
        return self.station.kiosk.exhibit.session

    @property
    def finger(self) -> Finger:
        return Finger(self.window)

    def pass_time(self, seconds: float) -> None:
        """Move the clock and let every timer of the station notice."""
        self.clock.advance(seconds)
        kiosk = self.station.kiosk
        if kiosk.exhibit is not None:
            kiosk.idle.tick()
        if self.station.gesture is not None:
            self.station.gesture.tick()
        self.staff.tick()

    def wait_frame(self, qtbot) -> None:
        with qtbot.waitSignal(self.window.frameSwapped, timeout=5000):
            self.window.update()


@pytest.fixture
def open_station(qapp, qtbot):
    load_fonts(qapp)
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    opened: list[Station] = []

    def open_(
        config: StationConfig | None = None,
        content=None,
        usage=None,
        size=(1280, 720),
        with_pin: bool = True,
        windowed: bool = True,
    ) -> StationHarness:
        config = config or StationConfig()
        if with_pin and not config.pin_hash:
            config = dataclasses.replace(config, pin_hash=PIN_HASH)
        clock = ManualClock()
        station = Station(
            config, places, content, windowed=windowed, size=QSize(*size), usage=usage, clock=clock, make_ticker=ManualTicker
        )
        station.build()
        opened.append(station)
        harness = StationHarness(station, clock)
        qtbot.waitExposed(station.kiosk.window)
        harness.wait_frame(qtbot)
        return harness

    yield open_
    for station in opened:
        station.close()
