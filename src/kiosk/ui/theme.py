"""The `Theme` singleton: the one place QML takes colours, type sizes, spacing and touch sizes from."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui.metrics import metrics_for

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

# A calm, dark palette for a memorial: warm off-white on charcoal, one muted accent.
_COLOURS = {
    "background": "#141517",
    "surface": "#1f2124",
    "surfaceRaised": "#2a2d31",
    "text": "#f1ece4",
    "textMuted": "#b9b2a7",
    "accent": "#c9a66b",
    "accentText": "#141517",
    "divider": "#3a3d42",
    "scrim": "#cc0b0c0d",
}


@QmlElement
@QmlSingleton
class Theme(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewport = QSize(1920, 1080)
        self._metrics = metrics_for(1920, 1080)

    def _get_viewport(self) -> QSize:
        return self._viewport

    def _set_viewport(self, size: QSize) -> None:
        if size == self._viewport or size.isEmpty():
            return
        self._viewport = QSize(size)
        self._metrics = metrics_for(size.width(), size.height())
        self.changed.emit()

    viewport = Property(QSize, _get_viewport, _set_viewport, notify=changed)

    def _metric(name: str, notify=changed):  # noqa: N805 - a property factory used in the class body
        return Property(float, lambda self: float(getattr(self._metrics, name)), notify=notify)

    scale = _metric("scale")
    touchTarget = _metric("touch_target")
    margin = _metric("margin")
    gap = _metric("gap")
    readingWidth = _metric("reading_width")
    fontBody = _metric("font_body")
    fontSmall = _metric("font_small")
    fontLabel = _metric("font_label")
    fontTitle = _metric("font_title")
    fontDisplay = _metric("font_display")
    fontFigure = _metric("font_figure")
    barHeight = _metric("bar_height")
    portrait = Property(bool, lambda self: self._metrics.portrait, notify=changed)  # noqa: F821

    def _colour(name: str):  # noqa: N805
        value = QColor(_COLOURS[name])
        return Property(QColor, lambda self: value, constant=True)

    background = _colour("background")
    surface = _colour("surface")
    surfaceRaised = _colour("surfaceRaised")
    text = _colour("text")
    textMuted = _colour("textMuted")
    accent = _colour("accent")
    accentText = _colour("accentText")
    divider = _colour("divider")
    scrim = _colour("scrim")

    # The map: land, and one colour per recognition group (in the pack's order), told apart by lightness
    # as well as hue so they stay distinct for colour-blind visitors.
    land = Property(QColor, lambda self: QColor("#33363b"), constant=True)
    memberLand = Property(QColor, lambda self: QColor("#5d6673"), constant=True)
    groupColours = Property(list, lambda self: ["#d9b574", "#6fa39a", "#a597d6", "#e08e6d"], constant=True)

    fontSans = Property(str, lambda self: "Noto Sans", constant=True)
    fontSerif = Property(str, lambda self: "Noto Serif", constant=True)
    # Motion: slow enough to be calm, fast enough never to keep a visitor waiting. Scaled by
    # `motion_scale`: 0 makes every change immediate (the proof sheet, which must be deterministic).
    motion_scale = 1.0

    durationShort = Property(int, lambda self: round(180 * Theme.motion_scale), constant=True)
    durationMedium = Property(int, lambda self: round(320 * Theme.motion_scale), constant=True)
    durationAttract = Property(int, lambda self: round(1600 * Theme.motion_scale), constant=True)

    del _metric, _colour
