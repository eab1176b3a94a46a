"""Response: from an action to the first swapped frame that shows its result, per action.

Each action is timed from the call that a tap would make (the same slot the QML calls) to the next
`frameSwapped`; median and p95 over repeats. The baseline is a bare QML window whose one Text changes,
measured the same way in the same process: the floor for "something changed, show it".
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl  # noqa: E402
from PySide6.QtQml import QQmlApplicationEngine  # noqa: E402

BASELINE_QML = b"""
import QtQuick
Window {
    property int n: 0
    width: 1920; height: 1080; visible: true; color: "#141517"
    Text { anchors.centerIn: parent; text: "Frame " + parent.n; color: "white"; font.pixelSize: 40 }
}
"""


def _spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def time_to_frame(window, action: Callable[[], None], timeout_ms: int = 3000) -> float:
    """Milliseconds from `action()` to the next swapped frame."""
    loop = QEventLoop()
    done: list[float] = []

    def swapped() -> None:
        if not done:
            done.append(time.perf_counter())
            loop.quit()

    window.frameSwapped.connect(swapped)
    QTimer.singleShot(timeout_ms, loop.quit)
    start = time.perf_counter()
    action()
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(swapped)
    return ((done[0] if done else time.perf_counter()) - start) * 1000


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))], 2),
    }


def bench_response(repeats: int = 15) -> dict:
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path, bundled_content
    from kiosk.ui.app import KioskWindow, application

    app = application()
    engine = QQmlApplicationEngine()
    engine.loadData(BASELINE_QML, QUrl())
    bare = engine.rootObjects()[0]
    _spin(300)
    baseline = [time_to_frame(bare, lambda i=i: bare.setProperty("n", i + 1)) for i in range(repeats)]
    bare.close()

    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    kiosk = KioskWindow(load_pack(bundled_content(), places), places)
    kiosk.show_windowed(QSize(1920, 1080))
    exhibit = kiosk.exhibit
    session, timeline, recognition_map = exhibit.session, exhibit.timeline, exhibit.recognitionMap
    languages = [language["code"] for language in exhibit.languages]
    first_place = exhibit.recognitions.items()[0].place if exhibit.recognitions.rowCount() else ""
    _spin(300)
    session.start()
    _spin(300)

    def between(setup: Callable[[], None], action: Callable[[], None]) -> list[float]:
        times = []
        for _ in range(repeats):
            setup()
            _spin(400)  # let the previous screen's fade finish, as a visitor's pace would
            times.append(time_to_frame(kiosk.window, action))
        return times

    scenarios = {
        "home -> panel": between(session.goHome, lambda: session.showPanel(0)),
        "next panel": between(lambda: session.showPanel(0), session.nextPanel),
        "open timeline": between(session.goHome, lambda: session.openSection("timeline")),
        "open map": between(session.goHome, lambda: session.openSection("map")),
        "open a map card": between(
            lambda: (session.openSection("map"), recognition_map.closeCard()), lambda: recognition_map.openPlace(first_place)
        ),
        "open a timeline card": between(
            lambda: (session.openSection("timeline"), timeline.closeCard()), lambda: timeline.selectEvent(0)
        ),
    }
    if len(languages) > 1:
        scenarios["language switch"] = between(
            lambda: (session.showPanel(0), exhibit.setLanguage(languages[0])), lambda: exhibit.setLanguage(languages[1])
        )
    kiosk.close()
    app.processEvents()
    return {"baseline": summary(baseline), "actions": {name: summary(times) for name, times in scenarios.items()}}


if __name__ == "__main__":
    import json

    print(json.dumps(bench_response(), indent=2))
