"""A visitor's finger for UI tests: taps and swipes as real touch events on the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest


def find_item(window: QQuickWindow, name: str) -> QQuickItem:
    """The visible item with this objectName (delegates of views and repeaters included)."""
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == name and item.isVisible():
            return item
        pending.extend(item.childItems())
    raise AssertionError(f"no visible item called {name!r}")


def centre_of(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


class Finger:
    def __init__(self, window: QQuickWindow) -> None:
        self.window = window
        self.device = QTest.createTouchDevice()

    def _send(self, action: str, point: QPoint, touch_id: int = 0) -> None:
        sequence = QTest.touchEvent(self.window, self.device)
        getattr(sequence, action)(touch_id, point, self.window)
        sequence.commit()

    def press(self, point: QPoint, touch_id: int = 0) -> None:
        self._send("press", point, touch_id)

    def move(self, point: QPoint, touch_id: int = 0) -> None:
        self._send("move", point, touch_id)

    def release(self, point: QPoint, touch_id: int = 0) -> None:
        self._send("release", point, touch_id)

    def tap(self, target: QPoint | QQuickItem) -> None:
        point = centre_of(target) if isinstance(target, QObject) else target
        self.press(point)
        self.release(point)

    def swipe(self, start: QPoint, end: QPoint, steps: int = 10) -> None:
        """A deliberate swipe: press, move in steps at a finger's pace, release."""
        self.press(start)
        for i in range(1, steps + 1):
            QTest.qWait(8)  # finger speed: the flick velocity comes from event timestamps
            self.move(QPoint(start.x() + (end.x() - start.x()) * i // steps, start.y() + (end.y() - start.y()) * i // steps))
        self.release(end)

    def pinch(self, centre: QPoint, start_gap: int, end_gap: int, steps: int = 10) -> None:
        """Two fingers moving apart (zoom in) or together (zoom out) around `centre`."""

        def points(gap: int) -> tuple[QPoint, QPoint]:
            return centre - QPoint(gap // 2, 0), centre + QPoint(gap // 2, 0)

        a, b = points(start_gap)
        sequence = QTest.touchEvent(self.window, self.device)
        sequence.press(0, a, self.window).press(1, b, self.window)
        sequence.commit()
        for i in range(1, steps + 1):
            QTest.qWait(8)
            a, b = points(start_gap + (end_gap - start_gap) * i // steps)
            sequence = QTest.touchEvent(self.window, self.device)
            sequence.move(0, a, self.window).move(1, b, self.window)
            sequence.commit()
        sequence = QTest.touchEvent(self.window, self.device)
        sequence.release(0, a, self.window).release(1, b, self.window)
        sequence.commit()

    def palm(self, points: list[QPoint]) -> None:
        """Many fingers at once, as when a visitor leans a hand on the screen."""
        sequence = QTest.touchEvent(self.window, self.device)
        for i, point in enumerate(points):
            sequence.press(i, point, self.window)
        sequence.commit()
        sequence = QTest.touchEvent(self.window, self.device)
        for i, point in enumerate(points):
            sequence.release(i, point, self.window)
        sequence.commit()
