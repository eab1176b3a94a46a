"""Every screen in every language: after switching, nothing of the previous language is left on screen."""

import re

from tests.ui.screen_text import visible_texts
from kiosk.ui.selftest import screen_steps

MARKER = re.compile(r"[\(\[](en|fr)[\)\]]")  # the test pack tags every text with its language


def test_every_screen_shows_only_the_chosen_language(open_kiosk, pack, qtbot):
    k = open_kiosk(pack, (1280, 720))
    for language in ("en", "fr", "en"):
        for name, go in screen_steps(k.kiosk, k.clock, k.ticker):
            if name == "attract":
                go()
                k.wait_screen(qtbot, "attract")
                # The attract screen invites in every language at once, by design; the rest follows
                # the language (normally the default: a visit's end resets it).
                qtbot.waitUntil(lambda: {"Touch the screen to begin [en]", "Touch the screen to begin [fr]"}
                                <= set(visible_texts(k.window)))
                k.exhibit.setLanguage(language)
                qtbot.waitUntil(lambda: f"Attract ({language})" in visible_texts(k.window))
                # The quiet loop's first item (a panel title here) follows the language too.
                qtbot.waitUntil(lambda: f"First panel ({language})" in visible_texts(k.window))
                invites = {f"Touch the screen to begin [{code}]" for code in ("en", "fr")}
                others = [t for t in visible_texts(k.window) if t not in invites and MARKER.search(t)]
                assert {m.group(1) for t in others for m in MARKER.finditer(t)} == {language}, others
                continue
            go()
            k.exhibit.setLanguage(language)
            k.wait_frame(qtbot)
            qtbot.waitUntil(lambda: any(MARKER.search(t) for t in visible_texts(k.window)))
            found = {m.group(1) for t in visible_texts(k.window) for m in MARKER.finditer(t)}
            assert found == {language}, f"{name} in {language}: {visible_texts(k.window)}"
