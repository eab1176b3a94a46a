"""Response: from an action to the first swapped frame that shows its result, per action.

Each action is timed from the call that a tap would make (the same slot the QML calls) to the next
`frameSwapped`; median and p95 over repeats, wall-clock and the GUI thread's CPU time. A screen fades
in from transparent, so its first frame shows little: the GUI thread's CPU time over the whole
transition (the action and every frame for the next 450 ms) is reported beside it. The baseline is a bare QML window whose one Text changes,
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


def time_to_frame(window, action: Callable[[], None], timeout_ms: int = 3000) -> tuple[float, float]:
    """Milliseconds from `action()` to the next swapped frame: wall-clock, and the GUI thread's CPU time
    (the software renderer draws on the GUI thread, so that is the app's own work, whatever else the
    shared machine is doing meanwhile)."""
    loop = QEventLoop()
    done: list[tuple[float, float]] = []

    def swapped() -> None:
        if not done:
            done.append((time.perf_counter(), time.thread_time()))
            loop.quit()

    window.frameSwapped.connect(swapped)
    QTimer.singleShot(timeout_ms, loop.quit)
    start, start_cpu = time.perf_counter(), time.thread_time()
    action()
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(swapped)
    end, end_cpu = done[0] if done else (time.perf_counter(), time.thread_time())
    return (end - start) * 1000, (end_cpu - start_cpu) * 1000


def _p95(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def summary(values: list[tuple[float, float]]) -> dict[str, float]:
    wall = sorted(w for w, _ in values)
    cpu = sorted(c for _, c in values)
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(wall), 2),
        "p95_ms": round(_p95(wall), 2),
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(_p95(cpu), 2),
    }


def bench_response(repeats: int = 15) -> dict:
    """Each action `repeats` times; "home -> panel" and "next panel" use the first panel not marked
    distressing (a distressing one shows its notice first)."""
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

    transitions: dict[int, list[float]] = {}
    longest: dict[int, list[float]] = {}

    def between(setup: Callable[[], None], action: Callable[[], None]) -> list[tuple[float, float]]:
        times, whole, worst = [], [], []
        for _ in range(repeats):
            setup()
            # A visitor's pace: the previous screen's fade is over and the screens likely next have
            # been made ahead (Main.qml), as they have after a second or so on a screen.
            _spin(1200)
            swaps: list[float] = []
            note = lambda: swaps.append(time.thread_time())  # noqa: E731
            kiosk.window.frameSwapped.connect(note)
            start_cpu = time.thread_time()
            times.append(time_to_frame(kiosk.window, action))
            _spin(450)  # the rest of the transition (a 320 ms fade), drawn frame by frame
            kiosk.window.frameSwapped.disconnect(note)
            whole.append((time.thread_time() - start_cpu) * 1000)
            # The GUI thread's time from one swapped frame to the next: the longest is the transition's
            # worst hitch (the first frame shows the new screen still transparent).
            marks = [start_cpu] + swaps
            worst.append(max((b - a) * 1000 for a, b in zip(marks, marks[1:])) if swaps else 0.0)
        transitions[id(times)] = whole
        longest[id(times)] = worst
        return times

    # The first panel not marked distressing, and the one after it: the panel itself, not the notice.
    plain = next((i for i in range(session.panelCount - 1) if not exhibit.panels.get(i).get("distressing")), 0)
    scenarios = {
        "home -> panel": between(session.goHome, lambda: session.showPanel(plain)),
        "next panel": between(lambda: session.showPanel(plain), session.nextPanel),
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
            lambda: (session.showPanel(plain), exhibit.setLanguage(languages[0])), lambda: exhibit.setLanguage(languages[1])
        )
    kiosk.close()
    app.processEvents()
    actions = {}
    for name, times in scenarios.items():
        whole = sorted(transitions[id(times)])
        actions[name] = {**summary(times), "transition_cpu_p50_ms": round(statistics.median(whole), 1),
                         "transition_cpu_p95_ms": round(_p95(whole), 1),
                         "transition_worst_frame_p95_ms": round(_p95(sorted(longest[id(times)])), 1)}
    return {"baseline": summary(baseline), "actions": actions}


if __name__ == "__main__":
    import json

    print(json.dumps(bench_response(), indent=2))
