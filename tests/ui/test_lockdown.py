"""Lockdown in full-screen mode: each blocked key is swallowed before the exhibit sees it, the window
stays full-screen and refuses to be closed, and the pointer is hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.content import load_pack
from kiosk.ui.app import KioskWindow, load_fonts
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.session import IdleSession, ManualClock, ManualTicker
from tests.ui.station_harness import open_station  # noqa: F401 - a fixture

Key, Mod = Qt.Key, Qt.KeyboardModifier
MODIFIER_KEYS = {Key.Key_Alt, Key.Key_Control, Key.Key_Shift}


class KeyProbe(QObject):
    """Installed on the item with the keyboard focus: sees what got past the lockdown to the exhibit."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # QTest presses the modifier keys themselves first; Alt, Ctrl or Shift alone do nothing.
        if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS:
            self.keys.append(event.key())
        return False


@pytest.fixture
def locked(qapp, qtbot, pack):
    load_fonts(qapp)
    kiosk = KioskWindow(load_pack(pack), None, IdleSession(clock=ManualClock(), ticker=ManualTicker()))
    kiosk.show_full_screen()
    qtbot.waitExposed(kiosk.window)
    lockdown = Lockdown(kiosk.window, hide_cursor=True)
    lockdown.install()
    probe = KeyProbe()
    qtbot.waitUntil(lambda: kiosk.window.activeFocusItem() is not None)
    focused = kiosk.window.activeFocusItem()
    focused.installEventFilter(probe)
    yield kiosk, lockdown, probe
    focused.removeEventFilter(probe)
    lockdown.uninstall()
    kiosk.close()


BLOCKED = [
    ("Alt+F4", Key.Key_F4, Mod.AltModifier),
    ("Alt+Tab", Key.Key_Tab, Mod.AltModifier),
    ("Alt+Shift+Tab", Key.Key_Backtab, Mod.AltModifier | Mod.ShiftModifier),
    ("Ctrl+Q", Key.Key_Q, Mod.ControlModifier),
    ("Ctrl+W", Key.Key_W, Mod.ControlModifier),
    ("Ctrl+F4", Key.Key_F4, Mod.ControlModifier),
    ("Ctrl+Tab", Key.Key_Tab, Mod.ControlModifier),
    ("Ctrl+Esc", Key.Key_Escape, Mod.ControlModifier),
    ("Alt+Esc", Key.Key_Escape, Mod.AltModifier),
    ("Alt+Space", Key.Key_Space, Mod.AltModifier),
    ("F11", Key.Key_F11, Mod.NoModifier),
    ("Meta", Key.Key_Meta, Mod.NoModifier),
    ("Super", Key.Key_Super_L, Mod.NoModifier),
    ("Meta+D", Key.Key_D, Mod.MetaModifier),
    ("Menu", Key.Key_Menu, Mod.NoModifier),
]


@pytest.mark.parametrize(("name", "key", "modifiers"), BLOCKED, ids=[b[0] for b in BLOCKED])
def test_each_blocked_key_never_reaches_the_window(locked, name, key, modifiers):
    kiosk, lockdown, probe = locked
    QTest.keyClick(kiosk.window, key, modifiers)
    assert probe.keys == [] and lockdown.blocked >= 1
    assert kiosk.window.visibility() == kiosk.window.Visibility.FullScreen


@pytest.mark.parametrize("key", [Key.Key_Right, Key.Key_Return, Key.Key_Escape, Key.Key_A])
def test_keypad_keys_and_plain_escape_still_work(locked, key):
    """The accessible keypad (arrows, Enter, Escape as Back) must keep working under lockdown."""
    kiosk, _, probe = locked
    QTest.keyClick(kiosk.window, key)
    assert probe.keys == [key]
    assert kiosk.window.visibility() == kiosk.window.Visibility.FullScreen


def test_the_window_returns_to_full_screen_and_refuses_to_close(locked, qtbot):
    kiosk, _, _ = locked
    kiosk.window.showNormal()
    qtbot.waitUntil(lambda: kiosk.window.visibility() == kiosk.window.Visibility.FullScreen)
    kiosk.window.close()  # what a window manager's close button or Alt+F4 would ask
    assert kiosk.window.isVisible()
    assert kiosk.window.flags() & Qt.WindowType.WindowStaysOnTopHint
    assert kiosk.window.flags() & Qt.WindowType.FramelessWindowHint


def test_the_pointer_is_hidden_and_comes_back_when_lockdown_ends(locked):
    _, lockdown, _ = locked
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    lockdown.uninstall()
    assert QGuiApplication.overrideCursor() is None
    lockdown.install()  # the fixture uninstalls it again


def test_a_full_screen_station_is_frameless_and_locks_down_once_shown(open_station, qtbot):
    # The window is frameless from its first frame (Main.qml); the lockdown follows that frame, so the
    # first frame need not wait for PySide's `Qt` namespace.
    harness = open_station(windowed=False)
    window = harness.window
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    qtbot.waitUntil(lambda: harness.station.lockdown is not None)
    assert window.flags() & Qt.WindowType.WindowStaysOnTopHint
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    probe = KeyProbe()
    focused = window.activeFocusItem()
    focused.installEventFilter(probe)
    QTest.keyClick(window, Key.Key_F4, Mod.AltModifier)
    QTest.keyClick(window, Key.Key_Right)
    focused.removeEventFilter(probe)
    assert probe.keys == [Key.Key_Right]
