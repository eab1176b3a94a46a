"""What a visitor can read right now: the text of every visible Text item inside the window."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow


def _walk(item: QQuickItem):
    yield item
    for child in item.childItems():
        yield from _walk(child)


def visible_texts(window: QQuickWindow) -> list[str]:
    frame = QRectF(0, 0, window.width(), window.height())
    texts = []
    for item in _walk(window.contentItem()):
        if not item.inherits("QQuickText") or not item.isVisible():
            continue
        if item.opacity() == 0 or _hidden_by_ancestor(item):
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if not rect.intersects(frame):
            continue
        text = item.property("text")
        if text:
            texts.append(text)
    return texts


def _hidden_by_ancestor(item: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent.opacity() == 0 or parent.property("clip") and not _inside(item, parent):
            return True
        parent = parent.parentItem()
    return False


def _inside(item: QQuickItem, clipper: QQuickItem) -> bool:
    rect = item.mapRectToItem(clipper, QRectF(0, 0, item.width(), item.height()))
    return rect.intersects(QRectF(0, 0, clipper.width(), clipper.height()))
