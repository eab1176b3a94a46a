"""What a visitor can read right now: the text of every visible Text item inside the window."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickWindow

from kiosk.ui.audit import is_shown, visible_rect, walk


def visible_texts(window: QQuickWindow) -> list[str]:
    """Shown texts, not faded out, at least partly inside the window and every view that clips them."""
    frame = QRectF(0, 0, window.width(), window.height())
    return [
        item.property("text")
        for item in walk(window.contentItem())
        if item.inherits("QQuickText") and item.property("text") and is_shown(item)
        and visible_rect(item).intersects(frame)
    ]
