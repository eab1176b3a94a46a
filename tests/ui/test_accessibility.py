"""Accessibility mode by touch, and the whole exhibit by keyboard or keypad alone (docs/accessibility.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui import audit
from kiosk.ui.accessibility import AccessibilityOptions
from kiosk.ui.metrics import metrics_for
from kiosk.ui.palette import HIGH_CONTRAST, STANDARD
from tests.packs import write_minimal_pack
from tests.ui.touch import find_item

SCREENS = ("home", "story", "timeline", "map", "sources")


@pytest.fixture
def pack(tmp_path):
    return write_minimal_pack(tmp_path / "pack")


def theme(k):
    return k.kiosk.engine.singletonInstance("KioskCore", "Theme")


def go_to(k, qtbot, screen):
    if screen == "story":
        k.session.showPanel(0)
    elif screen == "home":
        k.session.goHome()
    else:
        k.session.openSection(screen)
    k.wait_screen(qtbot, screen)


def test_accessibility_mode_is_one_touch_away_on_every_screen_and_the_idle_reset_ends_it(open_kiosk, pack, qtbot):
    k = open_kiosk(pack, size=(1920, 1080))
    k.session.start()
    usual = metrics_for(1920, 1080)
    for screen in SCREENS:
        go_to(k, qtbot, screen)
        k.finger.tap(find_item(k.window, "accessibilityButton"))
        qtbot.waitUntil(lambda: k.session.accessible)
        k.wait_frame(qtbot)
        assert theme(k).property("fontBody") >= 1.5 * usual.font_body
        assert theme(k).property("background").name() == HIGH_CONTRAST["background"]
        assert theme(k).property("durationMedium") == 0  # no motion
        bar = find_item(k.window, "topBar")
        assert bar.mapToScene(bar.boundingRect().bottomLeft()).y() == pytest.approx(1080, abs=1)  # within reach
        k.finger.tap(find_item(k.window, "accessibilityButton"))
        qtbot.waitUntil(lambda: not k.session.accessible)
        assert theme(k).property("background").name() == STANDARD["background"]
    k.session.setAccessible(True)
    k.pass_time(2 * 90 + 20 + 1)  # twice the usual patience, then the countdown
    qtbot.waitUntil(lambda: k.session.screen == "attract")
    assert not k.session.accessible and not theme(k).property("accessible")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_in_a_stations_reach_zone_every_control_is_within_reach(open_kiosk, pack, qtbot, size):
    k = open_kiosk(pack, size=size, accessibility=AccessibilityOptions(reach_zone=0.6))
    k.session.start()
    for screen in SCREENS:
        go_to(k, qtbot, screen)
        k.session.setAccessible(True)
        k.wait_frame(qtbot)
        out_of_reach = [
            audit.accessible_name(c) for c in audit.controls(k.window)
            if audit.visible_rect(c).top() < size[1] * 0.4 - 0.5
        ]
        assert out_of_reach == [], screen
        assert audit.crowded_controls(k.window) == [], screen
        k.session.setAccessible(False)


def test_every_screen_passes_the_accessibility_checks_in_both_modes(open_kiosk, pack, qtbot):
    k = open_kiosk(pack, size=(1080, 1920))
    k.session.start()
    target = metrics_for(1080, 1920).touch_target
    for accessible in (False, True):
        for screen in SCREENS:
            go_to(k, qtbot, screen)
            k.session.setAccessible(accessible)
            k.wait_frame(qtbot)
            assert audit.unnamed_controls(k.window) == []
            assert audit.small_controls(k.window, target) == []
            assert audit.silent_texts(k.window) == []
            assert audit.low_contrast_texts(k.window, 7.0 if accessible else 4.5) == []
            assert audit.crowded_controls(k.window) == []


# Keyboard and keypad ------------------------------------------------------------------------------

def press(k, key):
    QTest.keyClick(k.window, key)


def focus_on(k, qtbot, name, key=Qt.Key.Key_Right):
    """Moves the ring with arrow presses until the named control has it, as a keypad user would."""
    for _ in range(80):
        item = k.window.activeFocusItem()
        if item is not None and item.objectName() == name:
            ring = next(c for c in item.childItems() if c.metaObject().className().startswith("FocusRing"))
            assert ring.isVisible()
            return item
        press(k, key)
    raise AssertionError(f"the focus never reached {name!r}")


def test_the_whole_exhibit_can_be_visited_by_keyboard_alone(open_kiosk, pack, qtbot):
    k = open_kiosk(pack)
    press(k, Qt.Key.Key_Space)  # any key leaves the attract screen
    k.wait_screen(qtbot, "home")

    focus_on(k, qtbot, "tile_story")
    press(k, Qt.Key.Key_Return)
    k.wait_screen(qtbot, "story")
    focus_on(k, qtbot, "sourcesButton")
    press(k, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: k.session.sourcesOpen)
    focus_on(k, qtbot, "closeSources")
    press(k, Qt.Key.Key_Escape)  # back closes the drawer first
    qtbot.waitUntil(lambda: not k.session.sourcesOpen)
    press(k, Qt.Key.Key_Backspace)  # then leaves the screen
    k.wait_screen(qtbot, "home")

    focus_on(k, qtbot, "tile_timeline")
    press(k, Qt.Key.Key_Enter)
    k.wait_screen(qtbot, "timeline")
    focus_on(k, qtbot, "nextEvent")
    press(k, Qt.Key.Key_Select)
    qtbot.waitUntil(lambda: k.exhibit.timeline.cardOpen)
    press(k, Qt.Key.Key_Back)
    qtbot.waitUntil(lambda: not k.exhibit.timeline.cardOpen)
    focus_on(k, qtbot, "listToggle")
    press(k, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: k.session.listView)
    press(k, Qt.Key.Key_Escape)
    k.wait_screen(qtbot, "home")

    focus_on(k, qtbot, "tile_map")
    press(k, Qt.Key.Key_Return)
    k.wait_screen(qtbot, "map")
    focus_on(k, qtbot, "mapListToggle", key=Qt.Key.Key_Left)  # the ring goes both ways
    press(k, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: k.session.listView)
    focus_on(k, qtbot, "sortByPlace")
    press(k, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: k.exhibit.recognitions.sortOrder == "place")
    press(k, Qt.Key.Key_Escape)
    k.wait_screen(qtbot, "home")

    focus_on(k, qtbot, "tile_sources")
    press(k, Qt.Key.Key_Return)
    k.wait_screen(qtbot, "sources")
    focus_on(k, qtbot, "language_fr")
    press(k, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: k.exhibit.language == "fr")
    focus_on(k, qtbot, "accessibilityButton")
    press(k, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: k.session.accessible)


def test_up_and_down_scroll_a_long_panel_before_moving_on(open_kiosk, pack, qtbot):
    panel = pack / "panels" / "01-first.yaml"
    text = panel.read_text(encoding="utf-8")
    long_paragraph = " ".join(["A sentence long enough to need its own line on a kiosk screen."] * 10)
    panel.write_text(text.replace("A paragraph (en)", long_paragraph), encoding="utf-8")
    k = open_kiosk(pack, size=(1280, 600))
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    page = find_item(k.window, "panelPages").property("currentItem")
    assert page.property("contentHeight") > page.height()
    bottom = page.property("contentHeight") - page.height()
    scrolled = []
    for _ in range(20):  # Down reads on while there is more, then moves the ring to the next control
        press(k, Qt.Key.Key_Down)
        if k.window.activeFocusItem().objectName() != "keyboard":
            break
        scrolled.append(page.property("contentY"))
    assert scrolled == sorted(scrolled) and len(scrolled) >= 2
    assert scrolled[-1] == pytest.approx(bottom, abs=1)
    press(k, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: page.property("contentY") < bottom)


def test_keys_are_activity_so_a_keypad_user_is_not_timed_out(open_kiosk, pack, qtbot):
    k = open_kiosk(pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.pass_time(89)
    press(k, Qt.Key.Key_Right)
    k.pass_time(89)
    assert not k.idle.warning
