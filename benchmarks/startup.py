"""Start-up: process start to the first frame, for the kiosk and for a minimal Qt Quick window.

Each run is a fresh process; the parent notes the time just before starting it and the child prints
the wall-clock time of its first swapped frame and its resident memory then. Median of several runs.
The floor is a window with one rectangle and one text, on the same PySide6, renderer and platform.
"""

from __future__ import annotations

import os
import resource
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


RESULTS = Path(__file__).resolve().parent / "results"


def _environment(cache: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_QUICK_BACKEND", "software")
    env["KIOSK_REPORT_FIRST_FRAME"] = "1"
    # As installed: Python's compiled bytecode is kept (an installed wheel and the frozen build have
    # it; a shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(RESULTS / "pycache"))
    # The benchmark's own store of validated packs (kiosk.content.cache), apart from the user's.
    env["KIOSK_CACHE_DIR"] = str(cache or RESULTS / "pack-cache")
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _one(command: list[str], cache: Path | None = None) -> tuple[float, int, float]:
    """Seconds to the first frame, resident bytes then, and the CPU seconds the whole run used (it quits
    at the first frame): on a shared machine the CPU time moves less than the wall clock."""
    cpu = _children_cpu()
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True, env=_environment(cache), timeout=600)
    cpu = _children_cpu() - cpu
    for line in run.stdout.splitlines():
        if line.startswith("first-frame "):
            _, stamp, _, rss = line.split()
            return float(stamp) - started, int(rss), cpu
    raise RuntimeError(f"no first frame reported by {command}: {run.stdout[-500:]} {run.stderr[-2000:]}")


def _stats(samples: list[tuple[float, int, float]]) -> dict:
    seconds = [s for s, _, _ in samples]
    return {
        "median_s": round(statistics.median(seconds), 3),
        "min_s": round(min(seconds), 3),
        "cpu_s": round(statistics.median(c for _, _, c in samples), 3),
        "rss_mib": round(statistics.median(r for _, r, _ in samples) / 2**20, 1),
        "runs": len(samples),
    }


def measure(command: list[str], runs: int) -> dict:
    _one(command)  # warm the file cache
    return _stats([_one(command) for _ in range(runs)])


def measure_interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Several commands taking turns, run after run, so a burst of load on the shared machine hits
    each alike."""
    for command in commands.values():
        _one(command)  # warm the file cache
    samples: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(_one(command))
    return {name: _stats(values) for name, values in samples.items()}


REPO = Path(__file__).resolve().parents[1]
FROZEN = REPO / "dist" / "kiosk" / "kiosk"  # the packaging build (onedir), when one has been made


def kiosk_command(content: Path | None = None, executable: list[str] | None = None) -> list[str]:
    command = (executable or [sys.executable, "-m", "kiosk"]) + ["--windowed", "--size", "1920x1080"]
    return command + (["--content", str(content)] if content is not None else [])


def bench_startup(runs: int = 7, content: Path | None = None) -> dict:
    """The kiosk from the virtual environment, and the frozen build if `dist/kiosk/kiosk` exists, against
    the minimal window, interleaved so a burst of load on the shared machine hits all alike."""
    commands = {"minimal_window": [sys.executable, "-c", MINIMAL], "kiosk": kiosk_command(content)}
    if FROZEN.exists():
        commands["frozen"] = kiosk_command(content, [str(FROZEN)])
    out = measure_interleaved(commands, runs)
    floor = out["minimal_window"]["median_s"]
    out["ratio"] = round(out["kiosk"]["median_s"] / floor, 2)
    if "frozen" in out:
        out["frozen_ratio"] = round(out["frozen"]["median_s"] / floor, 2)
    return out


def bench_scale(sizes: list[int], runs: int, workdir: Path) -> list[dict]:
    """Start-up to the attract screen and memory then, for synthetic packs of each size (interleaved).

    A terminal validates a pack once (at `kiosk install-content`, or at its first start) and starts
    from the remembered result afterwards: those starts are the median. The first start of a pack
    nobody has validated on this terminal yet is measured once per size, with an empty cache."""
    from synthetic import write_pack

    commands = {size: kiosk_command(write_pack(workdir / f"startup-{size}", size)) for size in sizes}
    first = {size: _one(command, cache=workdir / f"empty-cache-{size}")[0] for size, command in commands.items()}
    measured = measure_interleaved(commands, runs)
    smallest = measured[sizes[0]]["median_s"]
    rows = [{"panels": size, **row, "ratio_to_smallest": round(row["median_s"] / smallest, 2), "first_start_s": round(first[size], 3)}
            for size, row in measured.items()]
    for row in rows:
        print(f"start-up {row['panels']:>6} panels: {row['median_s']:.2f} s, {row['rss_mib']} MiB, x{row['ratio_to_smallest']}"
              f" (first start, validating: {row['first_start_s']:.2f} s)")
    return rows


if __name__ == "__main__":
    import json

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(json.dumps(bench_startup(), indent=2))
