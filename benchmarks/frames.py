"""Frame times during a panel swipe, a timeline flick and a map pan, against a bare Flickable moved the
same way in the same process.

Offscreen, Qt paces frames at 60 Hz, so the *interval* between swapped frames shows whether frames keep
that pace, and *work* (synchronising the scene to the swapped frame) what each frame costs. The swipe
and the pan are simulated touch (the UI tests' finger); the flick is Flickable.flick(), a finger's fling.
The baseline holds 60 columns of a circle and two texts, about what the timeline shows.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QEventLoop, QPoint, QSize, QTimer, QUrl  # noqa: E402
from PySide6.QtQml import QQmlApplicationEngine  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.ui.touch import Finger  # noqa: E402  (the UI tests' simulated finger)

BASELINE_QML = """
import QtQuick
Window {
    width: %(w)d; height: %(h)d; visible: true; color: "#141517"
    Flickable {
        objectName: "flick"
        anchors.fill: parent
        contentWidth: width * 8
        flickableDirection: Flickable.HorizontalFlick
        Repeater {
            model: 60
            delegate: Column {
                required property int index
                x: index * 210; y: 300
                Rectangle { width: 40; height: 40; radius: 20; color: "#c9a66b" }
                Text { text: "Event number " + parent.index; color: "#f1ece4"; font.pixelSize: 26 }
                Text { text: "February 26, 1992"; color: "#b9b2a7"; font.pixelSize: 22 }
            }
        }
    }
}
"""


def _spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def record_frames(
    window, start: Callable[[], None], moving: Callable[[], bool], timeout_s: float = 6.0
) -> tuple[list[float], list[float]]:
    """From `start()` (a fling, a swipe, a drag) until nothing moves any more: frame intervals (ms), and
    each frame's own work (ms), from the start of synchronising the scene to the swapped frame."""
    stamps: list[float] = []
    work: list[float] = []
    began: list[float] = []

    def synchronising() -> None:
        began.append(time.perf_counter())

    def swapped() -> None:
        now = time.perf_counter()
        stamps.append(now)
        if began:
            work.append((now - began[-1]) * 1000)

    window.beforeSynchronizing.connect(synchronising)
    window.frameSwapped.connect(swapped)
    _spin(100)
    stamps.clear()
    work.clear()
    start()
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        _spin(50)
        if not moving() and len(stamps) > 2:
            break
    window.beforeSynchronizing.disconnect(synchronising)
    window.frameSwapped.disconnect(swapped)
    return [(b - a) * 1000 for a, b in zip(stamps, stamps[1:])], work


def measure_flick(
    window, flick: QQuickItem, velocity: float = -6000.0, timeout_s: float = 6.0
) -> tuple[list[float], list[float]]:
    """A finger's fling of `velocity` px/s on a Flickable, from rest at its start until it stops."""
    _spin(300)
    flick.setProperty("contentX", 0)
    return record_frames(window, lambda: flick.flick(velocity, 0), lambda: flick.property("moving"), timeout_s)


def measure_drag(window, flick: QQuickItem, start: QPoint, end: QPoint, steps: int) -> tuple[list[float], list[float]]:
    """A simulated finger dragging across `flick` (touch events at a finger's pace), until it rests."""
    finger = Finger(window)
    return record_frames(window, lambda: finger.swipe(start, end, steps), lambda: flick.property("moving"))


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"frames": 0}
    ordered = sorted(values)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return {
        "frames": len(values),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(pct(95), 2),
        "p99_ms": round(pct(99), 2),
        "worst_ms": round(ordered[-1], 2),
    }


def _summary(frames: tuple[list[float], list[float]], baseline: tuple[list[float], list[float]]) -> dict:
    result = {
        "interval": percentiles(frames[0]),
        "work": percentiles(frames[1]),
        "baseline_interval": percentiles(baseline[0]),
        "baseline_work": percentiles(baseline[1]),
    }
    if frames[1] and baseline[1]:
        result["work_ratio_p95"] = round(result["work"]["p95_ms"] / max(0.01, result["baseline_work"]["p95_ms"]), 2)
    return result


SWIPE = (QPoint(1500, 600), QPoint(400, 600), 10)  # a quick swipe to the next panel: ~80 ms of finger
PAN = (QPoint(1000, 650), QPoint(400, 450), 30)  # a slower drag across the map: ~250 ms of finger


def bench_smoothness(size: QSize = QSize(1920, 1080)) -> dict:
    """Frame times during a panel swipe, a timeline flick and a map pan, each against the bare Flickable
    moved by the same gesture in the same process."""
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path, bundled_content
    from kiosk.ui.app import KioskWindow, application

    app = application()
    baseline_engine = QQmlApplicationEngine()
    baseline_engine.loadData((BASELINE_QML % {"w": size.width(), "h": size.height()}).encode(), QUrl())
    bare = baseline_engine.rootObjects()[0]
    bare_flick = _find(bare.contentItem(), "flick")
    _spin(300)
    baseline_fling = measure_flick(bare, bare_flick)

    def bare_drag(gesture) -> tuple[list[float], list[float]]:
        bare_flick.setProperty("contentX", 0)
        _spin(200)
        return measure_drag(bare, bare_flick, *gesture)

    baseline_swipe, baseline_pan = bare_drag(SWIPE), bare_drag(PAN)
    bare.close()

    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    kiosk = KioskWindow(load_pack(bundled_content(), places), places)
    kiosk.show_windowed(size)
    session, root = kiosk.exhibit.session, kiosk.window.contentItem()
    session.start()
    session.showPanel(0)
    session.acceptNotice()  # a panel marked distressing shows its notice first
    _spin(600)
    pages = _find(root, "panelPages")
    swipe = measure_drag(kiosk.window, pages, *SWIPE)
    swiped_to = session.panelIndex

    session.openSection("timeline")
    _spin(500)
    timeline = kiosk.exhibit.timeline
    for _ in range(3):  # a zoom where the years 1988-1994 span several screens
        timeline.zoomIn(timeline.centreDay, size.width() / 2)
        _spin(500)
    flick = measure_flick(kiosk.window, _find(root, "timelineTrack"))

    session.openSection("map")
    _spin(600)
    world = _find(root, "worldMap")
    world.setProperty("zoom", 3.0)  # zoomed in, so there is somewhere to pan to
    _spin(400)
    pan = measure_drag(kiosk.window, _find(root, "mapFlick"), *PAN)
    kiosk.close()
    app.processEvents()
    return {
        "panel swipe": {**_summary(swipe, baseline_swipe), "moved_to_panel": swiped_to},
        "timeline flick": _summary(flick, baseline_fling),
        "map pan": _summary(pan, baseline_pan),
    }


def _find(item: QQuickItem, name: str) -> QQuickItem:
    pending = [item]
    while pending:
        current = pending.pop()
        if current.objectName() == name:
            return current
        pending.extend(current.childItems())
    raise LookupError(name)


if __name__ == "__main__":
    import json

    print(json.dumps(bench_smoothness(), indent=2))
