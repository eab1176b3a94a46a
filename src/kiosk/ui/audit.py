"""Checks on what is on the glass, shared by `self-test` and the proof sheet: walking the live items of a
window, a screen reader's view of them (QAccessible), touch-target sizes and the contrast of every text.

They look at the rendered interface, not at the QML source, so a colour or a size set anywhere (a binding,
the theme, a component's default) is judged as the visitor meets it.
"""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui.palette import contrast

# Handlers and items that make their item respond to a finger.
_INPUT_HANDLERS = {"QQuickTapHandler"}
_INPUT_ITEM = "QQuickMouseArea"


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def count_items(window: QQuickWindow) -> int:
    """Every item in the window: the soak and the tests watch it for screens left behind."""
    return sum(1 for _ in walk(window.contentItem()))


def screen_slots(window: QQuickWindow) -> list[QQuickItem]:
    """The Loaders that hold the screens (Main.qml), found without walking into the screens."""
    slots, pending = [], [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName().startswith("screen_") and item.inherits("QQuickLoader"):
            slots.append(item)
        else:
            pending.extend(item.childItems())
    return slots


def screens_settled(window: QQuickWindow) -> bool:
    """No screen is waiting to be made ahead or to be tidied away (ScreenSlot.qml): the item count holds
    still."""
    return not any(slot.property("lingering") or slot.property("waiting") for slot in screen_slots(window))


def is_shown(item: QQuickItem) -> bool:
    """Visible and not faded out, up the whole chain of parents."""
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def _opacity(item: QQuickItem) -> float:
    value = 1.0
    while item is not None:
        value *= item.opacity()
        item = item.parentItem()
    return value


def _on_screen(item: QQuickItem, window: QQuickWindow) -> bool:
    """At least partly inside the window and inside every view that clips it (pages waiting beside a
    swipe view, or a button scrolled out of a list, are not on screen)."""
    rect = visible_rect(item)
    return rect.right() > 0 and rect.bottom() > 0 and rect.left() < window.width() and rect.top() < window.height()


def visible_rect(item: QQuickItem) -> QRectF:
    """The part of an item, in scene coordinates, that its clipping ancestors let through."""
    rect = item.mapRectToScene(item.boundingRect())
    parent = item.parentItem()
    while parent is not None and not rect.isEmpty():
        if parent.clip():
            rect = rect.intersected(parent.mapRectToScene(parent.boundingRect()))
        parent = parent.parentItem()
    return rect


def controls(window: QQuickWindow) -> Iterator[QQuickItem]:
    """Every shown item on screen that answers a tap."""
    for item in walk(window.contentItem()):
        if _takes_taps(item) and is_shown(item) and item.isEnabled() and _on_screen(item, window):
            yield item


def _takes_taps(item: QQuickItem) -> bool:
    return item.inherits(_INPUT_ITEM) or any(
        child.metaObject().className() in _INPUT_HANDLERS and child.property("enabled") for child in item.children()
    )


def accessible_name(item: QQuickItem) -> str:
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(window: QQuickWindow) -> list[str]:
    """Controls a screen reader could only call "button": each needs a name."""
    return [_describe(item) for item in controls(window) if not accessible_name(item)]


def small_controls(window: QQuickWindow, minimum: float) -> list[str]:
    """Controls smaller than a fingertip target on either side."""
    return [
        f"{_describe(item)} is {item.width():.0f}x{item.height():.0f} px"
        for item in controls(window)
        if min(item.width(), item.height()) < minimum - 0.5
    ]


def silent_texts(window: QQuickWindow) -> list[str]:
    """Shown texts a screen reader cannot reach: neither accessible themselves nor inside a control that
    speaks for them (a button's label is read as the button's name)."""
    found = []
    for item in walk(window.contentItem()):
        if item.inherits("QQuickText") and item.property("text") and is_shown(item) and _on_screen(item, window):
            interface = QAccessible.queryAccessibleInterface(item)
            if interface is None and not _inside_named_control(item):
                found.append(str(item.property("text"))[:60])
    return found


def _inside_named_control(item: QQuickItem) -> bool:
    """Inside something a screen reader reads as one whole (a button, a list row, a figure): its name
    carries the text. A pane or a document is read child by child, so it does not count."""
    parent = item.parentItem()
    while parent is not None:
        interface = QAccessible.queryAccessibleInterface(parent)
        if interface is not None and interface.role() not in _CONTAINER_ROLES and accessible_name(parent):
            return True
        parent = parent.parentItem()
    return False


_CONTAINER_ROLES = {
    QAccessible.Role.Pane, QAccessible.Role.Document, QAccessible.Role.AlertMessage, QAccessible.Role.Dialog,
    QAccessible.Role.NoRole,
}


def low_contrast_texts(window: QQuickWindow, minimum: float) -> list[str]:
    """Shown, fully opaque texts whose colour against what lies behind them is under `minimum`:1.
    (A disabled control fades its text on purpose and is exempt, as the WCAG rule exempts it.)"""
    found = []
    for item in walk(window.contentItem()):
        if not (item.inherits("QQuickText") and item.property("text") and is_shown(item) and _on_screen(item, window)):
            continue
        if _opacity(item) < 0.99:
            continue
        colour = QColor(item.property("color"))
        if colour.alpha() < 255:
            continue
        behind = backdrop(item, window)
        ratio = contrast(colour.name(), behind.name())
        if ratio < minimum:
            found.append(f"{str(item.property('text'))[:40]!r} {colour.name()} on {behind.name()} ({ratio:.1f}:1)")
    return found


def backdrop(item: QQuickItem, window: QQuickWindow) -> QColor:
    """The colour behind an item: its rectangles' fills, nearest last, blended over the window's colour."""
    layers: list[QColor] = []
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickRectangle") and parent.isVisible():
            fill = QColor(parent.property("color"))
            if fill.alpha() > 0:
                layers.append(fill)
                if fill.alpha() == 255 and parent.opacity() >= 0.99:
                    break
        parent = parent.parentItem()
    result = QColor(window.color())
    for fill in reversed(layers):
        a = fill.alphaF()
        result = QColor.fromRgbF(
            fill.redF() * a + result.redF() * (1 - a),
            fill.greenF() * a + result.greenF() * (1 - a),
            fill.blueF() * a + result.blueF() * (1 - a),
        )
    return result


def _describe(item: QQuickItem) -> str:
    name = item.objectName() or item.metaObject().className().split("_QML")[0]
    label = accessible_name(item)
    return f"{name} {label!r}" if label else name


def crowded_controls(window: QQuickWindow) -> list[str]:
    """Controls a finger cannot reach cleanly: one drawn over another (the lower one loses the tap), two
    reachable ones overlapping, or one running off the screen.

    What lies under an overlay on purpose (the bar under the sources drawer's shade, the track under
    the event card) is not crowded: overlays are the large surfaces and the panes that take taps."""
    found, reachable = [], []
    for item in controls(window):
        if _is_outline_shape(item):
            continue  # a map place answers inside its outline only; outlines do not overlap
        rect = visible_rect(item)
        on_top = _top_control_at(window, rect.center())
        if on_top is not None and on_top is not item and not _related(item, on_top):
            if _layer(on_top, window) is None:
                found.append(f"{_describe(item)} is covered by {_describe(on_top)}")
            continue  # under an overlay: out of play until the overlay closes
        layer = _layer(item, window)
        if layer is item:
            continue  # an overlay is the ground its own controls stand on
        if rect.left() < -0.5 or rect.top() < -0.5 or rect.right() > window.width() + 0.5 or rect.bottom() > window.height() + 0.5:
            if not _inside_scrolling_view(item):
                found.append(f"{_describe(item)} runs off the screen")
        for other, other_rect, other_layer in reachable:
            overlap = rect.intersected(other_rect)
            if other_layer is layer and overlap.width() > 2 and overlap.height() > 2 and not _related(item, other):
                found.append(f"{_describe(item)} overlaps {_describe(other)}")
        reachable.append((item, rect, layer))
    return found


def _is_outline_shape(item: QQuickItem) -> bool:
    # The kiosk's shapes that take taps all use Shape.FillContains (a property PySide cannot read).
    return item.inherits("QQuickShape")


def _layer(item: QQuickItem, window: QQuickWindow) -> QQuickItem | None:
    """The overlay an item belongs to (itself, if it is one), or None on the screen's ground."""
    while item is not None:
        if _takes_taps(item) and _is_overlay(item, window):
            return item
        item = item.parentItem()
    return None


def _is_overlay(item: QQuickItem, window: QQuickWindow) -> bool:
    rect = item.mapRectToScene(item.boundingRect())
    if rect.width() * rect.height() >= window.width() * window.height() / 4:
        return True
    interface = QAccessible.queryAccessibleInterface(item)
    return interface is not None and interface.role() in _OVERLAY_ROLES


_OVERLAY_ROLES = {QAccessible.Role.Pane, QAccessible.Role.AlertMessage, QAccessible.Role.Dialog}


def _top_control_at(window: QQuickWindow, point) -> QQuickItem | None:
    """The item a tap at this point of the scene reaches first: the topmost shown item under it that
    takes taps."""
    return _top_at(window.contentItem(), point)


def _top_at(item: QQuickItem, point) -> QQuickItem | None:
    if not item.isVisible() or item.opacity() == 0 or not item.isEnabled():
        return None
    if item.clip() and not item.contains(item.mapFromScene(point)):
        return None  # nothing of a clipping item shows, or takes a tap, outside it
    children = sorted(item.childItems(), key=lambda child: child.z())  # stable: paint order within a z
    for child in reversed(children):
        hit = _top_at(child, point)
        if hit is not None:
            return hit
    if _takes_taps(item) and item.contains(item.mapFromScene(point)):
        return item
    return None


def _related(a: QQuickItem, b: QQuickItem) -> bool:
    return _is_ancestor(a, b) or _is_ancestor(b, a)


def _is_ancestor(ancestor: QQuickItem, item: QQuickItem) -> bool:
    item = item.parentItem()
    while item is not None:
        if item is ancestor:
            return True
        item = item.parentItem()
    return False


def _inside_scrolling_view(item: QQuickItem) -> bool:
    """Inside a view that scrolls, a control may lie partly beyond the edge until scrolled to."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            return True
        parent = parent.parentItem()
    return False
