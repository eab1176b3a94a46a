"""Lockdown in full-screen mode: the keys that close, switch or leave an app do nothing, the window
stays full-screen and on top, and the pointer is hidden.

Only what reaches the application can be swallowed here. Keys the window system handles before the
app sees them (Ctrl+Alt+Del, Ctrl+Alt+F1..F12 on Linux, Win+L, the Windows key on its own under a
Windows shell, edge swipes) are blocked by the session the kiosk runs in; docs/install.md lists them
and where packaging/ configures each.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickWindow

Key = Qt.Key
_ALT, _CTRL, _META = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.MetaModifier

# Keys blocked whatever the modifiers: leaving full screen, the Windows/Super and menu keys.
_ALWAYS = {Key.Key_F11, Key.Key_Meta, Key.Key_Super_L, Key.Key_Super_R, Key.Key_Menu}
# Keys blocked with a modifier: Alt+F4 and Alt+Tab (close, switch), Ctrl+Q/W (quit, close window),
# Ctrl+Esc and Alt+Esc (Windows' Start menu and window cycling), Alt+Space (the window menu).
# A plain Escape is let through: nothing in the kiosk leaves full screen on it, and the accessible
# keypad uses it as "Back" (Main.qml); the window is put back to full screen whatever happens.
_WITH = {_ALT: {Key.Key_F4, Key.Key_Tab, Key.Key_Backtab, Key.Key_Escape, Key.Key_Space},
         _CTRL: {Key.Key_Q, Key.Key_W, Key.Key_Escape, Key.Key_Tab, Key.Key_F4}}


def is_blocked(event: QKeyEvent) -> bool:
    key, modifiers = Key(event.key()), event.modifiers()
    if key in _ALWAYS or modifiers & _META:
        return True
    return any(modifiers & modifier and key in keys for modifier, keys in _WITH.items())


class Lockdown(QObject):
    """An event filter on the kiosk window; install it once the window is full-screen.

    On the window rather than the application: every key reaches the window before Qt Quick hands it
    to an item, so blocking it there keeps it from the exhibit, and the filter is not called (nor are
    Python wrappers made) for every event of every object in the application. The kiosk registers no
    shortcuts, so the ShortcutOverride Qt sends to the focused item first has nothing to trigger.
    """

    _KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}

    def __init__(self, window: QQuickWindow, hide_cursor: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.hide_cursor = hide_cursor
        self.blocked = 0  # how many key events were swallowed, for diagnostics

    def install(self) -> None:
        self.window.setFlags(
            self.window.flags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.window.windowStateChanged.connect(self._stay_full_screen)
        self.window.installEventFilter(self)
        if self.hide_cursor:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def uninstall(self) -> None:
        self.window.removeEventFilter(self)
        try:
            self.window.windowStateChanged.disconnect(self._stay_full_screen)
        except (RuntimeError, TypeError):
            pass
        if self.hide_cursor:
            QGuiApplication.restoreOverrideCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self._KEY_EVENTS and is_blocked(event):
            self.blocked += 1
            return True
        if event.type() == QEvent.Type.Close:
            return self._refuse_close(event)
        return False

    def _refuse_close(self, event: QEvent) -> bool:
        """A close request from the window system (a window manager's Alt+F4) is ignored; the staff menu
        quits the application directly, not through a close event."""
        event.ignore()
        self.blocked += 1
        return True

    def _stay_full_screen(self, state) -> None:
        if not state & Qt.WindowState.WindowFullScreen:
            # Deferred: changing the state from inside its own change notification is ignored by some platforms.
            QTimer.singleShot(0, self.window.showFullScreen)
