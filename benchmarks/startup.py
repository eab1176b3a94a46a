"""Start-up: process start to the first frame, for the kiosk and for a minimal Qt Quick window.

Each run is a fresh process; the parent notes the time just before starting it and the child prints
the wall-clock time of its first swapped frame and its resident memory then. Median of several runs.
The floor is a window with one rectangle and one text, on the same PySide6, renderer and platform.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

MINIMAL = r'''
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
engine.loadData(b"""
import QtQuick
Window { width: 1920; height: 1080; visible: true; color: "#141517"
    Rectangle { x: 100; y: 100; width: 400; height: 200; color: "#c9a66b" }
    Text { x: 100; y: 400; text: "Khojaly, 25-26 February 1992"; color: "white"; font.pixelSize: 48 } }
""", QUrl())
window = engine.rootObjects()[0]
def swapped():
    window.frameSwapped.disconnect(swapped)
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    print(f"first-frame {time.time():.6f} rss {rss}", flush=True)
    app.quit()
window.frameSwapped.connect(swapped)
app.exec()
'''


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_QUICK_BACKEND", "software")
    env["KIOSK_REPORT_FIRST_FRAME"] = "1"
    return env


def _one(command: list[str]) -> tuple[float, int]:
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True, env=_environment(), timeout=120)
    for line in run.stdout.splitlines():
        if line.startswith("first-frame "):
            _, stamp, _, rss = line.split()
            return float(stamp) - started, int(rss)
    raise RuntimeError(f"no first frame reported by {command}: {run.stdout[-500:]} {run.stderr[-2000:]}")


def measure(command: list[str], runs: int) -> dict:
    _one(command)  # warm the file cache
    samples = [_one(command) for _ in range(runs)]
    seconds = [s for s, _ in samples]
    return {
        "median_s": round(statistics.median(seconds), 3),
        "min_s": round(min(seconds), 3),
        "rss_mib": round(statistics.median(r for _, r in samples) / 2**20, 1),
        "runs": runs,
    }


def bench_startup(runs: int = 7, content: Path | None = None) -> dict:
    kiosk = [sys.executable, "-m", "kiosk", "--windowed", "--size", "1920x1080"]
    if content is not None:
        kiosk += ["--content", str(content)]
    floor = measure([sys.executable, "-c", MINIMAL], runs)
    result = measure(kiosk, runs)
    return {"kiosk": result, "minimal_window": floor, "ratio": round(result["median_s"] / floor["median_s"], 2)}


if __name__ == "__main__":
    import json

    print(json.dumps(bench_startup(), indent=2))
