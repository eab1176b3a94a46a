"""The staff menu, driven by a finger: the hidden corner press, the PIN pad (right, wrong, backoff),
the menu's pages and actions, and closing itself when nobody uses it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.services.config import StationConfig
from tests.ui.screen_text import visible_texts
from tests.ui.station_harness import PIN, open_station  # noqa: F401 - a fixture
from tests.ui.touch import find_item


def hold_corner(k, point=QPoint(8, 712), seconds=3.0):
    """A finger resting in the corner for `seconds` (the clock is moved by hand)."""
    finger = k.finger
    finger.press(point)
    k.pass_time(seconds)
    finger.release(point)


def open_pin_pad(k, qtbot):
    hold_corner(k)
    qtbot.waitUntil(lambda: k.staff.stage == "pin")
    k.wait_frame(qtbot)


def type_pin(k, qtbot, pin: str) -> None:
    finger = k.finger
    for digit in pin:
        finger.tap(find_item(k.window, f"pinKey{digit}"))
    qtbot.waitUntil(lambda: k.staff.digitsEntered == len(pin))
    finger.tap(find_item(k.window, "pinOk"))


def test_a_three_second_press_in_the_corner_opens_the_pin_pad(open_station, qtbot, pack):
    k = open_station(content=pack)
    hold_corner(k, seconds=2.5)  # too short
    assert k.staff.stage == ""
    hold_corner(k, point=QPoint(640, 360))  # not in the corner
    assert k.staff.stage == ""
    hold_corner(k, point=QPoint(1272, 8))  # another corner
    assert k.staff.stage == ""
    open_pin_pad(k, qtbot)
    assert "Staff PIN" in visible_texts(k.window)


def test_the_right_pin_opens_the_menu(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_pin_pad(k, qtbot)
    type_pin(k, qtbot, PIN)
    qtbot.waitUntil(lambda: k.staff.stage == "menu")
    k.wait_frame(qtbot)
    texts = visible_texts(k.window)
    assert {"Diagnostics", "Usage statistics", "Touch test", "Reload content", "Exit the kiosk"} <= set(texts)


def test_wrong_pins_back_off_exponentially(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_pin_pad(k, qtbot)
    type_pin(k, qtbot, "1111")
    qtbot.waitUntil(lambda: k.staff.lockedSeconds == 1)
    k.wait_frame(qtbot)
    assert "Wrong PIN. Try again in 1 s" in visible_texts(k.window)
    k.finger.tap(find_item(k.window, "pinKey2"))  # locked: the keys do nothing
    k.wait_frame(qtbot)
    assert k.staff.digitsEntered == 0
    k.pass_time(1)
    qtbot.waitUntil(lambda: k.staff.lockedSeconds == 0)
    k.wait_frame(qtbot)
    type_pin(k, qtbot, "2222")
    qtbot.waitUntil(lambda: k.staff.lockedSeconds == 2)  # twice as long
    k.pass_time(2)
    k.wait_frame(qtbot)
    type_pin(k, qtbot, "3333")
    qtbot.waitUntil(lambda: k.staff.lockedSeconds == 4)
    k.pass_time(4)
    k.wait_frame(qtbot)
    type_pin(k, qtbot, PIN)  # the right PIN still works once the wait is over
    qtbot.waitUntil(lambda: k.staff.stage == "menu")
    assert k.staff.failures == 0


def test_erase_and_cancel(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_pin_pad(k, qtbot)
    finger = k.finger
    finger.tap(find_item(k.window, "pinKey9"))
    finger.tap(find_item(k.window, "pinErase"))
    type_pin(k, qtbot, PIN)  # the 9 was erased, so this is exactly the PIN
    qtbot.waitUntil(lambda: k.staff.stage == "menu")
    k.staff.close()
    open_pin_pad(k, qtbot)
    finger.tap(find_item(k.window, "pinCancel"))
    qtbot.waitUntil(lambda: k.staff.stage == "")


def open_menu(k, qtbot):
    open_pin_pad(k, qtbot)
    type_pin(k, qtbot, PIN)
    qtbot.waitUntil(lambda: k.staff.stage == "menu")
    k.wait_frame(qtbot)


def test_diagnostics_show_versions_content_and_errors(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_menu(k, qtbot)
    k.finger.tap(find_item(k.window, "staffDiagnostics"))
    qtbot.waitUntil(lambda: k.staff.stage == "diagnostics")
    k.wait_frame(qtbot)
    texts = "\n".join(visible_texts(k.window))
    assert "kiosk 0.1.0" in texts and "Qt 6." in texts and "uptime 0 h 0 min" in texts and "MiB" in texts
    assert f"content hash {k.station.result.content_hash}" in texts
    assert "test-exhibit: 0 errors, 0 warnings; usable" in texts
    assert "last errors:" in texts
    k.finger.tap(find_item(k.window, "staffInfoBack"))
    qtbot.waitUntil(lambda: k.staff.stage == "menu")


def test_usage_page_says_when_statistics_are_off(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_menu(k, qtbot)
    k.finger.tap(find_item(k.window, "staffUsage"))
    qtbot.waitUntil(lambda: k.staff.stage == "usage")
    k.wait_frame(qtbot)
    assert "usage statistics are off in the station config" in visible_texts(k.window)


def test_touch_test_pattern_and_back(open_station, qtbot, pack):
    k = open_station(content=pack)
    open_menu(k, qtbot)
    k.finger.tap(find_item(k.window, "staffTouchTest"))
    qtbot.waitUntil(lambda: k.staff.stage == "touch")
    k.wait_frame(qtbot)
    k.finger.tap(find_item(k.window, "touchTestDone"))
    qtbot.waitUntil(lambda: k.staff.stage == "menu")


def test_the_menu_closes_itself_when_idle(open_station, qtbot, pack):
    k = open_station(StationConfig(staff_menu_timeout=60), content=pack)
    open_menu(k, qtbot)
    k.pass_time(59)
    assert k.staff.stage == "menu"
    k.finger.tap(find_item(k.window, "staffTouchTest"))  # using it restarts the count
    k.pass_time(59)
    assert k.staff.stage == "touch"
    k.pass_time(1)
    qtbot.waitUntil(lambda: k.staff.stage == "")


def test_exit_leaves_the_event_loop_with_code_0(open_station, qtbot, pack, monkeypatch):
    k = open_station(content=pack)
    open_menu(k, qtbot)
    codes = []
    monkeypatch.setattr("kiosk.ui.station.QCoreApplication.exit", codes.append)
    k.finger.tap(find_item(k.window, "staffExit"))
    qtbot.waitUntil(lambda: codes == [0])


def test_without_a_pin_set_the_gesture_opens_nothing(open_station, qtbot, pack):
    k = open_station(content=pack, with_pin=False)  # a station whose config has no `staff: pin:`
    hold_corner(k)
    assert k.staff.stage == ""


@pytest.mark.parametrize("corner,point", [("top-right", QPoint(1272, 8)), ("bottom-right", QPoint(1272, 712))])
def test_the_corner_comes_from_the_config(open_station, qtbot, pack, corner, point):
    k = open_station(StationConfig(staff_corner=corner), content=pack)
    hold_corner(k, point=point)
    qtbot.waitUntil(lambda: k.staff.stage == "pin")


def test_usage_page_summarises_the_recorded_visits(open_station, qtbot, pack, tmp_path):
    from kiosk.services.usage import UsageLog

    usage = UsageLog(tmp_path / "usage.sqlite")
    k = open_station(content=pack, usage=usage)
    k.session.start()
    k.pass_time(30)
    k.session.reset()
    open_menu(k, qtbot)
    k.finger.tap(find_item(k.window, "staffUsage"))
    qtbot.waitUntil(lambda: k.staff.stage == "usage")
    k.wait_frame(qtbot)
    texts = visible_texts(k.window)
    assert any(t.startswith("1 visits from ") for t in texts)
    assert "average visit 30 s; 0 ended by the idle timeout" in texts
    assert "screen home: seen 1 times, 30 s on average" in texts
    usage.close()
