"""Frame times while the timeline is flicked, against a plain Flickable flicked the same way.

Offscreen, Qt Quick's software renderer draws as fast as it can, so the gap between two swapped frames
is the cost of producing one frame. The baseline is a bare QML Flickable holding as many rectangles and
texts as the timeline shows, in the same process, flicked with the same velocity.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl  # noqa: E402
from PySide6.QtQml import QQmlApplicationEngine  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402

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


def measure_flick(
    window, flick: QQuickItem, velocity: float = -6000.0, timeout_s: float = 6.0
) -> tuple[list[float], list[float]]:
    """From the start of a flick until it comes to rest: frame intervals (ms), and each frame's own
    work (ms), from the start of synchronising the scene to the swapped frame."""
    stamps: list[float] = []
    work: list[float] = []
    began: list[float] = []
    window.beforeSynchronizing.connect(lambda: began.append(time.perf_counter()))

    def swapped() -> None:
        now = time.perf_counter()
        stamps.append(now)
        if began:
            work.append((now - began[-1]) * 1000)

    window.frameSwapped.connect(swapped)
    _spin(300)
    flick.setProperty("contentX", 0)
    _spin(100)
    stamps.clear()
    work.clear()
    flick.flick(velocity, 0)  # Flickable.flick(xVelocity, yVelocity), a finger's fling
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        _spin(50)
        if not flick.property("moving") and len(stamps) > 2:
            break
    return [(b - a) * 1000 for a, b in zip(stamps, stamps[1:])], work


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


def bench_timeline_flick(size: QSize = QSize(1920, 1080)) -> dict:
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path, bundled_content
    from kiosk.ui.app import KioskWindow, application

    app = application()
    baseline_engine = QQmlApplicationEngine()
    baseline_engine.loadData((BASELINE_QML % {"w": size.width(), "h": size.height()}).encode(), QUrl())
    baseline_window = baseline_engine.rootObjects()[0]
    baseline, baseline_work = measure_flick(baseline_window, _find(baseline_window.contentItem(), "flick"))
    baseline_window.close()

    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    kiosk = KioskWindow(load_pack(bundled_content(), places), places)
    kiosk.show_windowed(size)
    kiosk.exhibit.session.start()
    kiosk.exhibit.session.openSection("timeline")
    _spin(500)
    timeline = kiosk.exhibit.timeline
    for _ in range(3):  # a zoom where the years 1988-1994 span several screens
        timeline.zoomIn(timeline.centreDay, size.width() / 2)
        _spin(500)
    track = _find(kiosk.window.contentItem(), "timelineTrack")
    measured, measured_work = measure_flick(kiosk.window, track)
    kiosk.close()
    app.processEvents()
    result = {
        "timeline_interval": percentiles(measured),
        "baseline_interval": percentiles(baseline),
        "timeline_work": percentiles(measured_work),
        "baseline_work": percentiles(baseline_work),
    }
    if measured_work and baseline_work:
        result["work_ratio_p95"] = round(result["timeline_work"]["p95_ms"] / max(0.01, result["baseline_work"]["p95_ms"]), 2)
    return result


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
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    print(json.dumps(bench_timeline_flick(), indent=2))
