"""A visit, driven by touch on the real QML offscreen: attract, home, panels, sources, languages, idle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.packs import edit, write_minimal_pack
from tests.ui.screen_text import visible_texts
from tests.ui.touch import centre_of, find_item


@pytest.fixture
def story_pack(tmp_path):
    """The minimal pack with three panels."""
    root = write_minimal_pack(tmp_path / "pack")
    first = (root / "panels" / "01-first.yaml").read_text(encoding="utf-8")
    for number, name in ((2, "second"), (3, "third")):
        text = first.replace("first-panel", f"{name}-panel").replace("First panel", f"{name.title()} panel")
        (root / "panels" / f"0{number}-{name}.yaml").write_text(text.replace("    counts: countries\n", ""), encoding="utf-8")
    edit(root / "timeline.yaml", "panel: first-panel", "panel: third-panel")
    return root


def screen_is(harness, name):
    return harness.session.screen == name


def test_a_touch_on_the_attract_screen_starts_a_visit(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    assert k.session.screen == "attract"
    qtbot.waitUntil(lambda: "Touch the screen to begin [en]" in visible_texts(k.window))
    assert "Touch the screen to begin [fr]" in visible_texts(k.window)  # every language at once
    k.finger.tap(QPoint(400, 300))
    k.wait_screen(qtbot, "home")
    qtbot.waitUntil(lambda: "Story (en)" in visible_texts(k.window))


def test_panels_by_swipe_arrows_and_dots(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.finger.tap(find_item(k.window, "tile_story"))
    k.wait_screen(qtbot, "story")
    assert k.session.panelIndex == 0
    pages = find_item(k.window, "panelPages")
    middle = centre_of(pages)

    k.finger.swipe(middle + QPoint(300, 0), middle - QPoint(300, 0))
    qtbot.waitUntil(lambda: k.session.panelIndex == 1)
    qtbot.waitUntil(lambda: "Second panel (en)" in visible_texts(k.window))
    k.finger.swipe(middle - QPoint(300, 0), middle + QPoint(300, 0))
    qtbot.waitUntil(lambda: k.session.panelIndex == 0)

    k.finger.tap(find_item(k.window, "nextButton"))
    qtbot.waitUntil(lambda: k.session.panelIndex == 1)
    k.finger.tap(find_item(k.window, "previousButton"))
    qtbot.waitUntil(lambda: k.session.panelIndex == 0)
    k.finger.tap(find_item(k.window, "dot_2"))
    qtbot.waitUntil(lambda: k.session.panelIndex == 2)
    qtbot.waitUntil(lambda: find_item(k.window, "panelPages").property("contentX") == 2 * pages.width())
    assert "Third panel (en)" in visible_texts(k.window)


def test_swiping_past_the_last_panel_stays_on_it(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(2)
    k.wait_screen(qtbot, "story")
    middle = centre_of(find_item(k.window, "panelPages"))
    k.finger.swipe(middle + QPoint(300, 0), middle - QPoint(300, 0))
    qtbot.wait(50)
    assert k.session.panelIndex == 2
    assert not find_item(k.window, "nextButton").isEnabled()


def test_sources_drawer_lists_the_sources_of_the_panel(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    k.finger.tap(find_item(k.window, "sourcesButton"))
    qtbot.waitUntil(lambda: k.session.sourcesOpen)
    sheet = find_item(k.window, "sourcesSheet")
    qtbot.waitUntil(lambda: sheet.x() + sheet.width() <= k.window.width() + 0.5)
    texts = visible_texts(k.window)
    assert "A report" in texts and "A news item" in texts
    k.finger.tap(find_item(k.window, "closeSources"))
    qtbot.waitUntil(lambda: not k.session.sourcesOpen)


def test_language_switch_changes_every_visible_text(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")  # on the glass, laid out: what a finger can touch
    qtbot.waitUntil(lambda: "First panel (en)" in visible_texts(k.window))
    before = visible_texts(k.window)
    assert any("(en)" in t or "[en]" in t for t in before)
    k.finger.tap(find_item(k.window, "language_fr"))
    qtbot.waitUntil(lambda: k.exhibit.language == "fr")
    after = visible_texts(k.window)
    leftovers = [t for t in after if "(en)" in t or "[en]" in t]
    assert leftovers == []
    assert "First panel (fr)" in after and "Sources [fr]" in after


def test_idle_countdown_then_reset_of_everything_a_visitor_changed(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.exhibit.setLanguage("fr")
    k.session.showPanel(2)
    k.session.setSourcesOpen(True)
    k.wait_screen(qtbot, "story")

    k.pass_time(89)
    assert not k.idle.warning
    k.pass_time(2)
    qtbot.waitUntil(lambda: find_item(k.window, "countdown").isVisible())
    assert k.idle.warning and k.idle.secondsLeft == 19
    assert "Are you still there? [fr]" in visible_texts(k.window)

    k.finger.tap(QPoint(50, 650))  # any touch keeps the visit
    qtbot.waitUntil(lambda: not k.idle.warning)
    assert k.session.screen == "story"

    k.pass_time(91)
    assert k.idle.warning
    k.pass_time(20)
    qtbot.waitUntil(lambda: screen_is(k, "attract"))
    assert (k.exhibit.language, k.session.panelIndex, k.session.sourcesOpen) == ("en", 0, False)
    assert not k.idle.warning


def test_a_finger_held_on_the_screen_is_not_idle(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.finger.press(QPoint(600, 700))
    k.pass_time(500)
    assert not k.idle.warning and k.session.screen == "home"
    k.finger.release(QPoint(600, 700))
    k.pass_time(111)
    qtbot.waitUntil(lambda: screen_is(k, "attract"))


def test_a_double_tap_on_a_tile_opens_it_once(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    tile = centre_of(find_item(k.window, "tile_story"))
    k.finger.tap(tile)
    k.finger.tap(tile)
    k.wait_screen(qtbot, "story")
    qtbot.wait(50)
    assert k.session.screen == "story" and k.session.panelIndex == 0


def test_a_palm_on_the_screen_does_not_jump_twice(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    nxt = centre_of(find_item(k.window, "nextButton"))
    k.finger.palm([nxt, nxt + QPoint(10, 5), nxt + QPoint(-12, 8), QPoint(300, 300), QPoint(500, 400)])
    qtbot.wait(50)
    assert k.session.panelIndex in (0, 1)
    assert k.session.screen == "story"


def test_rapid_taps_during_transitions_keep_navigation_sound(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    for _ in range(15):
        k.finger.tap(find_item(k.window, "tile_story"))
        qtbot.wait(5)  # lands inside the fade-in
        k.finger.tap(find_item(k.window, "nextButton"))
        k.finger.tap(find_item(k.window, "homeButton"))
        k.wait_screen(qtbot, "home")
    assert 0 <= k.session.panelIndex < 3


def test_a_vertical_drag_over_a_button_does_not_press_it(open_kiosk, story_pack, qtbot):
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.openSection("timeline")
    k.wait_screen(qtbot, "timeline")
    k.finger.tap(find_item(k.window, "listToggle"))
    k.wait_frame(qtbot)
    start = centre_of(find_item(k.window, "relatedPanel_0"))
    k.finger.swipe(start, start - QPoint(0, 300))
    qtbot.wait(50)
    assert k.session.screen == "timeline"
    events = find_item(k.window, "eventList")
    qtbot.waitUntil(lambda: not events.property("moving"))  # a tap on a moving list only stops it
    k.finger.tap(find_item(k.window, "relatedPanel_0"))  # while a plain tap does open the panel
    k.wait_screen(qtbot, "story")
    assert k.session.panelIndex == 2


def test_paging_back_and_forth_leaves_no_warnings(open_kiosk, story_pack, qtbot):
    # Each panel change replaces the sources drawer's list; done while delegates were still being
    # created, Qt used to warn about cancelled delegates (the fixture fails the test on any warning).
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    for _ in range(8):
        k.finger.tap(find_item(k.window, "nextButton"))
        qtbot.wait(30)
        k.finger.tap(find_item(k.window, "previousButton"))
        qtbot.wait(30)
    qtbot.waitUntil(lambda: k.session.panelIndex == 0)


def test_a_distressing_panel_waits_behind_a_calm_notice(open_kiosk, story_pack, qtbot):
    second = story_pack / "panels" / "02-second.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace("body:", "distressing: yes\nbody:", 1), encoding="utf-8")
    k = open_kiosk(story_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    k.finger.tap(find_item(k.window, "nextButton"))
    qtbot.waitUntil(lambda: find_item(k.window, "contentNotice").isVisible())
    assert "Before you continue [en]" in visible_texts(k.window)
    k.finger.tap(find_item(k.window, "noticeSkip"))
    qtbot.waitUntil(lambda: k.session.panelIndex == 2 and not k.session.noticeShown)
    k.finger.tap(find_item(k.window, "previousButton"))
    qtbot.waitUntil(lambda: k.session.noticeShown)
    k.finger.tap(find_item(k.window, "noticeContinue"))
    qtbot.waitUntil(lambda: "Second panel (en)" in visible_texts(k.window))
    assert k.session.panelIndex == 1
