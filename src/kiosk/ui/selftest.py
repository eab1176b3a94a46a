"""`kiosk self-test`: every screen in every language, rendered offscreen, with any QML warning a failure.

It runs the real interface the visitor sees (same QML, same fonts, same content pack) and also runs
inside the frozen executable, so a missing QML plugin, font or asset shows up before a terminal does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QEventLoop, QSize, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontDatabase, QImage, QRawFont
from PySide6.QtQuick import QQuickItem

from kiosk.content import LoadResult
from kiosk.geo.asset import MapAsset
from kiosk.resources import asset_path
from kiosk.ui import audit
from kiosk.ui.app import KioskWindow, application
from kiosk.ui.audit import is_shown, walk
from kiosk.ui.metrics import metrics_for
from kiosk.ui.session import IdleSession, ManualClock, ManualTicker

REQUIRED_FAMILIES = ("Noto Sans", "Noto Serif")
FRAME_TIMEOUT_MS = 5000


@dataclass
class SelfTestReport:
    checked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _wait_for_frame(window, settle_ms: int) -> bool:
    """Let animations settle, then wait for a freshly swapped frame."""
    loop = QEventLoop()
    if settle_ms:
        QTimer.singleShot(settle_ms, loop.quit)
        loop.exec()
    swapped = []
    window.frameSwapped.connect(lambda: (swapped.append(True), loop.quit()))
    QTimer.singleShot(FRAME_TIMEOUT_MS, loop.quit)
    window.update()  # forces a frame even when nothing has changed
    loop.exec()
    return bool(swapped)


def _broken_images(window) -> list[str]:
    broken = []
    for item in walk(window.contentItem()):
        if item.inherits("QQuickImage") and item.property("failed"):
            broken.append(item.property("source").toString())
    return broken


def overflowing_texts(window) -> list[str]:
    """Visible texts that do not fit their box: elided, cut at a line limit, or wider than their width."""
    found = []
    frame_width = window.width()
    for item in walk(window.contentItem()):
        if not item.inherits("QQuickText") or not item.isVisible() or not item.property("text"):
            continue
        if not is_shown(item):
            continue
        text = str(item.property("text"))
        too_wide = item.property("contentWidth") > item.width() + 1.5
        if item.property("truncated") or too_wide:
            found.append(text[:60])
            continue
        left = item.mapToScene(QPointF(0, 0)).x()
        if left + item.property("contentWidth") > frame_width + 1.5 and _fully_on_screen_parent(item):
            found.append(text[:60])  # runs off the right edge of the screen
    return found


def _fully_on_screen_parent(item: QQuickItem) -> bool:
    """Texts inside a horizontally scrolling view (the timeline) may run off screen by design."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable") and parent.property("contentWidth") > parent.width() + 1:
            return False
        parent = parent.parentItem()
    return True


def missing_glyphs(pack) -> dict[str, list[str]]:
    """Characters the exhibit uses that a bundled font cannot draw, per font file."""
    characters: set[str] = set()
    for text in visitor_texts(pack):
        characters.update(text)
    missing: dict[str, list[str]] = {}
    for name in ("NotoSans-Regular.ttf", "NotoSerif-Regular.ttf"):
        font = QRawFont(str(asset_path("fonts", name)), 24)
        gaps = sorted(c for c in characters if c.isprintable() and not c.isspace() and not font.supportsCharacter(ord(c)))
        if gaps:
            missing[name] = gaps
    return missing


def visitor_texts(pack):
    """Every string a visitor can see, in every language (the content model walked generically)."""
    from kiosk.content.model import LocalisedText

    seen: set[int] = set()

    def walk(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, LocalisedText):
            yield from value.texts.values()
        elif isinstance(value, str):
            return
        elif isinstance(value, dict) or hasattr(value, "items"):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                yield from walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                if name != "staff":
                    yield from walk(getattr(value, name))

    yield from walk(pack)
    for language in pack.exhibit.languages:
        yield language.name


def _looks_rendered(image: QImage) -> bool:
    """More than one colour on the glass: something was drawn, not an empty window."""
    if image.isNull():
        return False
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    first = image.pixel(0, 0)
    return any(image.pixel(x, y) != first for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y))


def screen_steps(
    kiosk: KioskWindow, clock: ManualClock, ticker: ManualTicker, thorough: bool = False
) -> list[tuple[str, Callable[[], None]]]:
    """Every screen and state a visitor can reach, as (name, how to get there), in a visitor's order.

    `thorough` adds the states a curator signs off (several zoom levels and years, several cards, the
    list alternatives); the self-test keeps to one of each so it stays quick.
    """
    exhibit = kiosk.exhibit
    session, idle = exhibit.session, kiosk.idle
    sections = exhibit.sectionTitles
    steps: list[tuple[str, Callable[[], None]]] = [("attract", session.reset), ("home", session.start)]
    for index in range(session.panelCount):
        if exhibit.panels.get(index).get("distressing") and (thorough or not any(n.endswith("notice") for n, _ in steps)):
            steps.append((f"panel {index + 1} notice", lambda i=index: (session.reset(), session.start(), session.showPanel(i))))
            steps.append((f"panel {index + 1}", session.acceptNotice))
        else:
            steps.append((f"panel {index + 1}", lambda i=index: session.showPanel(i)))
        if thorough or index == session.panelCount - 1:
            steps.append((f"panel {index + 1} sources", lambda: session.setSourcesOpen(True)))
    if "timeline" in sections:
        steps += _timeline_steps(exhibit, thorough)
    if "map" in sections:
        steps += _map_steps(exhibit, thorough)
    if "sources" in sections:
        steps.append(("sources", lambda: session.openSection("sources")))

    def countdown() -> None:
        clock.advance(idle.idle_seconds + 1)
        ticker.timeout.emit()

    steps.append(("idle countdown", countdown))
    return steps


def _timeline_steps(exhibit, thorough: bool) -> list[tuple[str, Callable[[], None]]]:
    session, timeline = exhibit.session, exhibit.timeline
    steps: list[tuple[str, Callable[[], None]]] = [("timeline", lambda: session.openSection("timeline"))]
    zooms = (1, 2) if thorough else (1,)
    for step in zooms:
        steps.append((f"timeline zoom {step + 1}", lambda: timeline.zoomIn(timeline.centreDay, 0.0)))
    if timeline.eventCount:
        steps.append(("timeline event card", lambda: timeline.selectEvent(0)))
        if thorough and exhibit.panels.rowCount():
            def panel_events() -> None:
                timeline.focus_panel(exhibit.panels.get(0)["panelId"])
            steps.append(("timeline focused on panel 1", panel_events))
    if thorough:
        steps.append(("timeline list", lambda: session.setListView(True)))
    return steps


def _map_steps(exhibit, thorough: bool) -> list[tuple[str, Callable[[], None]]]:
    session, recognition_map = exhibit.session, exhibit.recognitionMap
    steps: list[tuple[str, Callable[[], None]]] = [("map", lambda: session.openSection("map"))]
    years = recognition_map.years
    chosen = [years[0], years[len(years) // 2]] if thorough and len(years) > 1 else years[:1]
    for year in chosen:
        steps.append((f"map {year}", lambda y=year: recognition_map.setYear(y)))
    entries = exhibit.recognitions.items()
    places = list(dict.fromkeys(e.place for e in entries if e.kind != "organisation"))
    for place in places[: 3 if thorough else 1]:
        def open_card(p=place) -> None:
            recognition_map.setYear(0)
            recognition_map.openPlace(p)
        steps.append((f"map card {place}", open_card))
    organisations = recognition_map.organisations
    if organisations:
        steps.append(("map organisation", lambda: recognition_map.openOrganisation(organisations[0]["id"])))
    if thorough:
        steps.append(("map list", lambda: (recognition_map.closeCard(), session.setListView(True))))
    return steps


def run_self_test(
    result: LoadResult, places: MapAsset | None, sizes: list[QSize], out: Callable[[str], None] = print
) -> SelfTestReport:
    report = SelfTestReport()
    if result.pack is None:
        for problem in result.errors:
            report.failures.append(f"content: {problem}")
        return report

    messages: list[str] = []

    def on_message(kind: QtMsgType, context, text: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            messages.append(text)

    previous = qInstallMessageHandler(on_message)
    try:
        app = application()
        families = set(QFontDatabase.families())
        for family in REQUIRED_FAMILIES:
            if family not in families:
                report.failures.append(f"font: the bundled family {family!r} is not available")
        report.checked.append("fonts: " + ", ".join(REQUIRED_FAMILIES))
        for font, characters in missing_glyphs(result.pack).items():
            report.failures.append(f"font: {font} cannot draw {' '.join(characters)} used by the exhibit")
        report.checked.append("font coverage of every character the exhibit uses")
        for size in sizes:
            clock, ticker = ManualClock(), ManualTicker()
            idle = IdleSession(clock=clock, ticker=ticker)
            kiosk = KioskWindow(result, places, idle)
            kiosk.engine.warnings.connect(lambda ws: messages.extend(w.toString() for w in ws))
            kiosk.show_windowed(size)
            try:
                for accessible in (False, True):
                    for language in kiosk.exhibit.languages:
                        code = language["code"]
                        for name, go in screen_steps(kiosk, clock, ticker):
                            kiosk.exhibit.session.reset() if name == "attract" else None
                            go()
                            if name != "attract":
                                kiosk.exhibit.setLanguage(code)
                                kiosk.exhibit.session.setAccessible(accessible)
                            label = f"{size.width()}x{size.height()} {code} {name}" + (" (accessibility mode)" if accessible else "")
                            before = len(messages)
                            if not _wait_for_frame(kiosk.window, settle_ms=360):
                                report.failures.append(f"{label}: no frame was rendered")
                                continue
                            image = kiosk.window.grabWindow()
                            problems = messages[before:] + screen_problems(kiosk.window, accessible)
                            if not _looks_rendered(image):
                                problems.append("the screen is empty")
                            for problem in problems:
                                report.failures.append(f"{label}: {problem}")
                            report.checked.append(label)
                            out(("FAIL " if problems else "ok   ") + label)
            finally:
                kiosk.close()
        app.processEvents()
    finally:
        qInstallMessageHandler(previous)
    report.failures += [f"Qt: {m}" for m in messages if not any(m in f for f in report.failures)]
    return report


def screen_problems(window, accessible: bool) -> list[str]:
    """What is wrong with the screen on the glass now: images, text that does not fit, and what a visitor
    with a disability would meet (docs/accessibility.md)."""
    target = metrics_for(window.width(), window.height()).touch_target
    minimum_contrast = 7.0 if accessible else 4.5
    return (
        [f"image could not be shown: {src}" for src in _broken_images(window)]
        + [f"text does not fit: {text!r}" for text in overflowing_texts(window)]
        + [f"control without an accessible name: {c}" for c in audit.unnamed_controls(window)]
        + [f"control smaller than a fingertip ({target} px): {c}" for c in audit.small_controls(window, target)]
        + [f"text a screen reader cannot reach: {t!r}" for t in audit.silent_texts(window)]
        + [f"text contrast under {minimum_contrast:g}:1: {t}" for t in audit.low_contrast_texts(window, minimum_contrast)]
    )


def prepare_offscreen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
