"""The `Theme` singleton: the one place QML takes colours, type sizes, spacing and touch sizes from."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui.accessibility import TEXT_SCALE
from kiosk.ui.metrics import metrics_for
from kiosk.ui.palette import GROUP_COLOURS, HIGH_CONTRAST, HIGH_CONTRAST_GROUP_COLOURS, STANDARD

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1



@QmlElement
@QmlSingleton
class Theme(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewport = QSize(1920, 1080)
        self._accessible = False  # larger text, high contrast, reduced motion, controls within reach
        self._metrics = metrics_for(1920, 1080)

    def _get_viewport(self) -> QSize:
        return self._viewport

    def _set_viewport(self, size: QSize) -> None:
        if size == self._viewport or size.isEmpty():
            return
        self._viewport = QSize(size)
        self._update()

    viewport = Property(QSize, _get_viewport, _set_viewport, notify=changed)

    def _get_accessible(self) -> bool:
        return self._accessible

    def _set_accessible(self, value: bool) -> None:
        if value != self._accessible:
            self._accessible = value
            self._update()

    accessible = Property(bool, _get_accessible, _set_accessible, notify=changed)

    def _update(self) -> None:
        scale = TEXT_SCALE if self._accessible else 1.0
        self._metrics = metrics_for(self._viewport.width(), self._viewport.height(), text_scale=scale)
        self.changed.emit()

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

    def _colour(name: str, notify=changed):  # noqa: N805
        return Property(
            QColor, lambda self: QColor((HIGH_CONTRAST if self._accessible else STANDARD)[name]), notify=notify
        )

    background = _colour("background")
    surface = _colour("surface")
    surfaceRaised = _colour("surfaceRaised")
    text = _colour("text")
    textMuted = _colour("textMuted")
    accent = _colour("accent")
    accentText = _colour("accentText")
    divider = _colour("divider")
    scrim = _colour("scrim")

    focus = _colour("focus")
    land = _colour("land")
    memberLand = _colour("memberLand")
    groupColours = Property(
        list, lambda self: HIGH_CONTRAST_GROUP_COLOURS if self._accessible else GROUP_COLOURS, notify=changed
    )

    fontSans = Property(str, lambda self: "Noto Sans", constant=True)
    fontSerif = Property(str, lambda self: "Noto Serif", constant=True)
    # Motion: slow enough to be calm, fast enough never to keep a visitor waiting. Scaled by
    # `motion_scale`: 0 makes every change immediate (the proof sheet, which must be deterministic).
    motion_scale = 1.0

    def _motion(self) -> float:
        return 0.0 if self._accessible else Theme.motion_scale  # accessibility mode reduces motion

    durationShort = Property(int, lambda self: round(180 * self._motion()), notify=changed)
    durationMedium = Property(int, lambda self: round(320 * self._motion()), notify=changed)
    durationAttract = Property(int, lambda self: round(1600 * self._motion()), notify=changed)

    del _metric, _colour
