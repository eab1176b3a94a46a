"""Soak: thousands of navigations across every screen, at a visitor's pace and at an impatient one.

    python benchmarks/soak.py --pace visitor|impatient --navigations 10000   (prints JSON)

The real QML runs offscreen at 1920x1080. Each navigation is the slot a tap calls (the same
`screen_steps` the self-test and proof sheet walk, thorough: every panel, its sources, notices, timeline
zooms, cards and list, map years, cards, organisations and list, the sources screen, the idle countdown
and the reset), and every round of them runs in the next language.
- visitor: after each action, wait for the frame that shows it, then until the window stops drawing
  (no frame for 25 ms) or the transition's time has passed (100 ms from that frame), whichever is first.
  (The timeline's hidden list builds its delegates a few per frame for ~3.5 s after the screen opens;
  a visitor does not wait for that.)
  Motion is scaled to 1/8 (`Theme.motion_scale`) so 10,000 navigations fit the 30-minute budget: the
  same fades and moves run to their end, only shorter.
- impatient: a tap every 100 ms, whatever is on screen, so taps land inside transitions; motion at full
  length (a 320 ms fade is always interrupted). When the machine falls behind, the next tap comes as
  soon as the last one has been handled.
It all runs inside the application's own event loop (`app.exec()`), driven by a 2 ms timer, so deleted
screens go away as they do in the kiosk. Nothing in the harness uses QTimer.singleShot with a delay or a
nested QEventLoop: in PySide6 6.11 every QTimer.singleShot(ms > 0, ...) adds three references to None
that are never released, which would hide the app's own count.
Resident memory is sampled along the way; after warm-up, at each further quarter and at the end the
kiosk is reset to the attract screen and left idle for a second, QML's and Python's collectors run, and
resident memory, `sys.getrefcount(None)` and the number of items in the window are read, at the same
state. Between readings, `None`'s count before each action is compared with the same action's a round
earlier, so a change is placed to within one action (`none_refcount_moves`).
Qt and QML warnings (and worse) printed during the run are still printed, and counted: `qt_warnings`, and
`qt_warning_texts`, each distinct text with its count.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QtMsgType, QTimer, qInstallMessageHandler  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE


def slope(points: list[tuple[int, int]]) -> float:
    """Least-squares slope of (navigation, bytes): bytes per navigation."""
    n = len(points)
    if n < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else 0.0


def envelope_slopes(points: list[tuple[int, int]], window: int = 1000) -> tuple[float, float]:
    """Least-squares slopes of the lowest and of the highest sample in each `window` navigations.

    Resident memory mid-visit is two-valued (a screen's ~9 MiB of images and textures is held or has
    just been given back), and which value a sample catches shifts from one stretch to another, which
    tilts a fit through every sample. A leak lifts both the floor and the peaks; that shift moves neither.
    """
    windows: dict[int, list[tuple[int, int]]] = {}
    start = points[0][0] if points else 0
    for x, y in points:
        windows.setdefault((x - start) // window, []).append((x, y))
    # Each full window as its middle navigation and its readings (a last stub of a window says little).
    spans = [(sum(x for x, _ in group) / len(group), [y for _, y in group]) for group in windows.values() if len(group) >= 5]
    return slope([(x, min(ys)) for x, ys in spans]), slope([(x, max(ys)) for x, ys in spans])


def _rounds(kiosk, clock, ticker, languages: list[str]):
    """Endless navigations: one thorough walk of every screen per round, each round in the next language."""
    from kiosk.ui.selftest import screen_steps

    exhibit = kiosk.exhibit
    steps = screen_steps(kiosk, clock, ticker, thorough=True)
    round_number = 0
    while True:
        language = languages[round_number % len(languages)]
        for name, action in steps:
            yield name, action
            if name == "home":  # the language buttons live on every screen after the attract screen
                yield "language", lambda lang=language: exhibit.setLanguage(lang)
        round_number += 1
        yield "round end", None


def none_holders() -> dict[str, int]:
    """References to `None` held by Python objects, summed by a short description of the holder (a
    dict by its keys that hold None, a function by name ...). Containers the collector has stopped
    tracking (a dict or tuple of plain values) are found through the tracked objects that hold them.
    Only a diagnostic: references held from C++ are not seen, so this does not add up to
    `sys.getrefcount(None)`; but when that count moves between two readings, the difference here
    usually names the holder."""
    import types

    def describe(holder, owner=None) -> tuple[int, str]:
        prefix = f"{type(owner).__qualname__}." if owner is not None else ""
        if isinstance(holder, dict):
            keys = sorted(str(key) for key, value in holder.items() if value is None)
            return len(keys) + (None in holder), prefix + "dict " + ",".join(keys[:6])
        if isinstance(holder, (list, tuple)):
            label = f"{type(holder).__name__} of {len(holder)}: " + ",".join(type(i).__name__ for i in holder[:4])
            return sum(1 for item in holder if item is None), prefix + label
        if isinstance(holder, types.FunctionType):
            return 1, "function " + holder.__qualname__
        if isinstance(holder, types.FrameType):
            return 1, "frame " + holder.f_code.co_name
        return 1, type(holder).__qualname__

    held: dict[str, int] = {}

    def add(count: int, label: str) -> None:
        if count:
            held[label] = held.get(label, 0) + count

    for holder in gc.get_referrers(None):
        add(*describe(holder))
    for owner in gc.get_objects():
        for inner in gc.get_referents(owner):
            if type(inner) in (dict, tuple, list) and not gc.is_tracked(inner):
                add(*describe(inner, owner))
    return held


def _changed(before: dict[str, int], after: dict[str, int], most: int = 12) -> dict[str, int]:
    change = {k: after.get(k, 0) - before.get(k, 0) for k in before.keys() | after.keys()}
    return dict(sorted(((k, v) for k, v in change.items() if v), key=lambda kv: -abs(kv[1]))[:most])


def run(pace: str, navigations: int, warmup: int, size: QSize = QSize(1920, 1080)) -> dict:
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path, bundled_content
    from kiosk.ui.app import KioskWindow, application
    from kiosk.ui.audit import count_items
    from kiosk.ui.session import IdleSession, ManualClock, ManualTicker
    from kiosk.ui.theme import Theme

    if pace == "visitor":
        Theme.motion_scale = 0.125
    warnings: dict[str, int] = {}

    def on_message(kind: QtMsgType, context, text: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            warnings[text] = warnings.get(text, 0) + 1
        if previous is not None:
            previous(kind, context, text)
        else:
            print(text, file=sys.stderr)

    previous = qInstallMessageHandler(on_message)
    app = application()
    clock, ticker = ManualClock(), ManualTicker()
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    kiosk = KioskWindow(load_pack(bundled_content(), places), places, IdleSession(clock=clock, ticker=ticker))
    kiosk.show_windowed(size)
    window = kiosk.window
    languages = [language["code"] for language in kiosk.exhibit.languages]
    rounds = _rounds(kiosk, clock, ticker, languages)
    samples: list[tuple[int, int]] = []
    sample_every = max(10, navigations // 200)
    # Settled readings at round ends: after warm-up, then at each further quarter of the run.
    checkpoints = [warmup + (navigations - warmup) * q // 4 for q in range(4)]
    settled: list[dict] = []
    holders: list[dict[str, int]] = []  # none_holders() at each settled reading
    by_step: list[int] = []  # sys.getrefcount(None) before each action of the last round
    moves: list[dict] = []  # where that count moved after warm-up (at most one per round)
    state = {"done": 0, "next": time.perf_counter() + 0.5, "settling": 0.0, "last_frame": 0.0, "first_frame": 0.0, "acted": 0.0,
             "step": 0, "moved": False}

    def swapped() -> None:
        state["last_frame"] = time.perf_counter()
        if not state["first_frame"]:
            state["first_frame"] = state["last_frame"]

    def read_settled() -> None:
        """On the attract screen, idle for a second, collected: the same state at every reading."""
        # Items are counted first: the first walk over the window makes Python types for item classes
        # no Python code had touched yet (each holds a few references to None), and read after the
        # count those would show up as a change at the next reading.
        items = count_items(window)
        gc.collect()
        before_js = sys.getrefcount(None)
        # JavaScript garbage (wrappers QML has let go of, screens awaiting deletion) goes whenever QML's
        # own collector happens to run; collected here, it cannot fall between two readings.
        kiosk.engine.collectGarbage()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        rss = rss_bytes()
        none_count = sys.getrefcount(None)
        holders.append(none_holders())
        settled.append({"navigation": state["done"], "rss_mib": round(rss / 2**20, 2),
                        "none_refcount": none_count, "none_released_by_qml_collection": before_js - none_count,
                        "items": items})
        samples.append((state["done"], rss))
        by_step.clear()  # the next round sets the baseline afresh (reading the window makes Python types)

    def tick() -> None:
        """Every 2 ms inside the application's own event loop (deferred deletions happen as in the
        kiosk, and no nested loops)."""
        now = time.perf_counter()
        if state["settling"]:
            if now < state["settling"]:
                return
            state["settling"] = 0.0
            read_settled()
            if state["done"] >= navigations:
                app.quit()
                return
        if pace == "visitor":
            # The frame showing the last action has been swapped, then nothing has been drawn for 25 ms or
            # the transition's time has passed (a 40 ms fade at 1/8 motion, and a few frames' slack).
            first = state["first_frame"]
            if not first and now - state["acted"] < 3:
                return
            if first and now - state["last_frame"] < 0.025 and now - first < 0.1:
                return
        elif now < state["next"]:
            return
        name, action = next(rounds)
        # `None`'s count before each action, against the same action a round earlier: the first action
        # of a round whose count moved comes right after the one that moved it.
        none_now, step = sys.getrefcount(None), state["step"]
        state["step"] = 0 if action is None else step + 1
        if step < len(by_step):
            if none_now != by_step[step] and not state["moved"] and settled and len(moves) < 100:
                moves.append({"navigation": state["done"], "before": name, "change": none_now - by_step[step]})
                state["moved"] = True
            by_step[step] = none_now
        else:
            by_step.append(none_now)
        if action is None:
            state["moved"] = False
            if (checkpoints and state["done"] >= checkpoints[0]) or state["done"] >= navigations:
                while checkpoints and state["done"] >= checkpoints[0]:
                    checkpoints.pop(0)
                kiosk.exhibit.session.reset()
                state["settling"] = now + 1.0
            return
        state["first_frame"] = 0.0
        action()
        state["acted"] = time.perf_counter()
        state["next"] = max(state["next"] + 0.1, now)  # a tap every 100 ms; when behind, no burst to catch up
        window.update()
        state["done"] += 1
        if state["done"] % sample_every == 0:
            samples.append((state["done"], rss_bytes()))

    window.frameSwapped.connect(swapped)
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    started = time.perf_counter()
    timer.start()
    app.exec()
    timer.stop()
    elapsed = time.perf_counter() - started
    window.frameSwapped.disconnect(swapped)
    first, last = settled[0], settled[-1]
    warm = (int(first["rss_mib"] * 2**20), first["none_refcount"], first["items"])
    end = (int(last["rss_mib"] * 2**20), last["none_refcount"], last["items"])
    warmup = first["navigation"]
    done = [state["done"]]
    measured = [(x, y) for x, y in samples if x >= warmup]
    per_nav = slope(measured)
    floor_per_nav, peak_per_nav = envelope_slopes(measured)
    half = len(measured) // 2
    kiosk.close()
    qInstallMessageHandler(previous)
    return {
        "pace": pace,
        "size": f"{size.width()}x{size.height()}",
        "navigations": done[0],
        "warmup_navigations": warmup,
        "seconds": round(elapsed, 1),
        "rss_start_mib": round(samples[0][1] / 2**20, 1) if samples else None,
        "rss_after_warmup_mib": round(warm[0] / 2**20, 1),
        "rss_end_mib": round(end[0] / 2**20, 1),
        "growth_mib": round((end[0] - warm[0]) / 2**20, 2),
        "rss_max_mib": round(max(y for _, y in samples) / 2**20, 1),
        "slope_kib_per_nav": round(per_nav / 1024, 4),
        "fitted_growth_mib": round(per_nav * (done[0] - warmup) / 2**20, 2),
        "slope_second_half_kib_per_nav": round(slope(measured[half:]) / 1024, 4),
        "floor_fitted_growth_mib": round(floor_per_nav * (done[0] - warmup) / 2**20, 2),
        "peak_fitted_growth_mib": round(peak_per_nav * (done[0] - warmup) / 2**20, 2),
        "none_refcount_change": end[1] - warm[1],
        # When the count moved: whose references to None changed, between the readings where it moved.
        "none_holders_change": {
            f"{a['navigation']}->{b['navigation']}": _changed(holders[i], holders[i + 1])
            for i, (a, b) in enumerate(zip(settled, settled[1:])) if a["none_refcount"] != b["none_refcount"]
        },
        "none_refcount_moves": moves,
        "items_after_warmup": warm[2],
        "items_end": end[2],
        "qt_warnings": sum(warnings.values()),
        "qt_warning_texts": dict(sorted(warnings.items(), key=lambda item: -item[1])),
        "settled": settled,
        "samples": [[x, round(y / 2**20, 2)] for x, y in samples],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pace", choices=("visitor", "impatient"), required=True)
    parser.add_argument("--navigations", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=0, help="default: a tenth of the navigations, at least 150")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    warmup = args.warmup or max(150, args.navigations // 10)  # at least four rounds: every language twice
    width, _, height = args.size.partition("x")
    print(json.dumps(run(args.pace, args.navigations, warmup, QSize(int(width), int(height)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
