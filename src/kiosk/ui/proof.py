"""`kiosk proof`: every screen and state in every language and size, as PNGs, with the curator's sheet.

Rendering is offscreen and deterministic: motion is switched off (every animation takes no time), the
idle clock is the test clock, and each screen is grabbed after its frame has settled, so the same pack
gives the same images and two proofs can be compared file by file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize

from kiosk.content import LoadResult
from kiosk.geo.asset import MapAsset
from kiosk.services.proofsheet import ProofSheet, Shot
from kiosk.ui.app import KioskWindow, application
from kiosk.ui.selftest import _looks_rendered, _wait_for_frame, overflowing_texts, screen_steps
from kiosk.ui.session import IdleSession, ManualClock, ManualTicker
from kiosk.ui.theme import Theme


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def render_proof(
    result: LoadResult,
    places: MapAsset | None,
    out: Path,
    sizes: list[QSize],
    compare: Path | None = None,
    say: Callable[[str], None] = print,
) -> ProofSheet:
    sheet = ProofSheet(result, compared_with=str(compare) if compare else "")
    out.mkdir(parents=True, exist_ok=True)
    if result.pack is None:
        sheet.write(out)
        return sheet
    application()
    previous_motion = Theme.motion_scale
    Theme.motion_scale = 0.0
    try:
        for size in sizes:
            label = f"{size.width()}x{size.height()}"
            clock, ticker = ManualClock(), ManualTicker()
            kiosk = KioskWindow(result, places, IdleSession(clock=clock, ticker=ticker))
            kiosk.show_windowed(size)
            try:
                for language in (lang["code"] for lang in kiosk.exhibit.languages):
                    folder = out / label / language
                    if folder.exists():
                        shutil.rmtree(folder)
                    folder.mkdir(parents=True)
                    # Every state, then one of each screen again in accessibility mode.
                    steps = [(name, go, False) for name, go in screen_steps(kiosk, clock, ticker, thorough=True)]
                    # (A visit starts from the attract screen, so the mode's home is reached from there.)
                    session = kiosk.exhibit.session
                    steps += [
                        (f"{name} (accessibility mode)", (lambda: (session.reset(), session.start())) if name == "home" else go, True)
                        for name, go in screen_steps(kiosk, clock, ticker) if name != "attract"
                    ]
                    for index, (name, go, accessible) in enumerate(steps):
                        go()
                        kiosk.exhibit.setLanguage(language)
                        kiosk.exhibit.session.setAccessible(accessible)
                        # Three frames, no fixed pause: a language or mode change can take two layout
                        # passes (a wrapping bar measures its buttons first), the third shows the result.
                        for _ in range(3):
                            _wait_for_frame(kiosk.window, settle_ms=0)
                        file = f"{label}/{language}/{index:02d}-{_slug(name)}.png"
                        image = kiosk.window.grabWindow()
                        image.save(str(out / file), "PNG")
                        if not _looks_rendered(image):
                            say(f"EMPTY   {file}")
                            sheet.empty.append(file)
                        changed = _changed(out / file, compare / file) if compare else None
                        shot = Shot(name, language, label, file, tuple(overflowing_texts(kiosk.window)), changed)
                        sheet.shots.append(shot)
                        say(("changed " if changed else "        ") + file)
            finally:
                kiosk.close()
    finally:
        Theme.motion_scale = previous_motion
    sheet.write(out)
    return sheet


def _changed(new: Path, old: Path) -> bool:
    return not old.is_file() or old.read_bytes() != new.read_bytes()
