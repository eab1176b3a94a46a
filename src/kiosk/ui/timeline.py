"""`TimelineViewModel`: what the interactive timeline shows at the current zoom, and what a tap opens.

QML draws and scrolls; this decides. Positions are days from the timeline's origin, so QML places a
marker at `day * pxPerDay`. Zoom moves between fixed levels (pinch, double tap, buttons); clusters,
label lanes and ticks are computed once per level, never per frame.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import Property, QDate, QLocale, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Event, Pack
from kiosk.layout.timeline import (
    Span,
    clusters,
    end_ordinal,
    label_lanes,
    level_for_width,
    ordinal,
    overall_span,
    separating_level,
    ticks,
    zoom_levels,
)
from kiosk.ui.formatting import format_span, locale_for
from kiosk.ui.listmodels import RowListModel

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

LANES = 3
TICK_SPACING = 1.6  # tick labels at least this many touch targets apart


class ClusterListModel(RowListModel):
    ROLES = ("day", "startDay", "endDay", "count", "eventIndex", "dateText", "title", "lane", "focused")

    def __init__(self, owner: "TimelineViewModel") -> None:
        self._owner = owner
        super().__init__((), owner.language, owner)

    def row(self, item: tuple, language: str) -> dict[str, Any]:
        cluster, lane = item
        owner = self._owner
        event = owner.events[cluster.first]
        last = owner.events[cluster.first + cluster.count - 1]
        origin = owner.span.start
        if cluster.count == 1:
            date_text = format_span(event.date, event.end, language)
        else:
            date_text = format_span(event.date, last.end or last.date, language)
        return {
            "day": cluster.centre - origin,
            "startDay": cluster.start_day - origin,
            "endDay": max(cluster.end_day, end_ordinal(last.end or last.date)) - origin,
            "count": cluster.count,
            "eventIndex": cluster.first,
            "dateText": date_text,
            "title": event.title.get(language) if cluster.count == 1 else "",
            "lane": lane,
            "focused": any(i in owner.focus for i in range(cluster.first, cluster.first + cluster.count)),
        }


@QmlElement
@QmlUncreatable("The exhibit view model owns the timeline")
class TimelineViewModel(QObject):
    zoomChanged = Signal()
    layoutChanged = Signal()
    ticksChanged = Signal()
    selectionChanged = Signal()
    languageChanged = Signal()

    def __init__(self, pack: Pack, language: str, ui_text: Callable[[str, str], str], parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self._ui_text = ui_text
        self._pack = pack
        self.events: list[Event] = list(pack.timeline.events)  # sorted by date by the loader
        self._days = [ordinal(e.date) for e in self.events]
        era_days = [ordinal(e.start) for e in pack.timeline.eras] + [end_ordinal(e.end) for e in pack.timeline.eras]
        self.span: Span = overall_span(
            self._days + era_days, [end_ordinal(e.end or e.date) for e in self.events] + era_days
        )
        self._panel_index = {panel.id: i for i, panel in enumerate(pack.panels)}
        self._viewport = 1920.0
        self._marker_px = 88.0
        self._label_px = 380.0
        self._lanes = LANES
        self._label_margin = 0.0
        self._levels = zoom_levels(self.span.days, self._viewport)
        self._level = 0
        self._centre = self.span.days / 2  # days from the origin at the centre of the view
        self._anchor_day = self._centre
        self._anchor_x = self._viewport / 2
        self._selected = -1
        self._card_events: list[int] = []
        self.focus: set[int] = set()
        self._clusters = ClusterListModel(self)
        self._ticks: list[dict[str, Any]] = []
        self._tick_window = (0.0, 0.0)
        self._relayout()

    # Geometry -------------------------------------------------------------------------------
    @Slot(float, float, float, int, float)
    def setViewport(
        self, width: float, marker_px: float, label_px: float, lanes: int = LANES, label_margin_px: float = 0.0
    ) -> None:
        """The track's width, the sizes of markers and labels, how many lanes of labels fit above the axis
        (fewer with larger text), and the room labels keep from the track's ends and from each other, from
        the Theme."""
        lanes = max(1, min(LANES, lanes))
        geometry = (width, marker_px, label_px, lanes, label_margin_px)
        if width <= 0 or geometry == (self._viewport, self._marker_px, self._label_px, self._lanes, self._label_margin):
            return
        ratio = self._levels[self._level] / self._levels[0]
        self._viewport, self._marker_px, self._label_px, self._lanes, self._label_margin = geometry
        self._levels = zoom_levels(self.span.days, width)
        self._level = min(range(len(self._levels)), key=lambda i: abs(self._levels[i] / self._levels[0] - ratio))
        self._anchor_day, self._anchor_x = self._centre, width / 2
        self._relayout()
        self.zoomChanged.emit()

    def _relayout(self) -> None:
        px_per_day = self._levels[self._level]
        groups = clusters(self._days, px_per_day, self._marker_px)
        origin = self.span.start
        content = max(self._viewport, self.span.days * px_per_day)
        positions = [(g.centre - origin) * px_per_day for g in groups]
        lanes = label_lanes(positions, self._label_px, self._lanes, content, self._label_margin)
        self._clusters.set_items(list(zip(groups, lanes)))
        self._tick_window = (0.0, 0.0)
        self._update_ticks(self._centre)
        self.layoutChanged.emit()

    def _update_ticks(self, centre: float) -> None:
        """Ticks for three screens around `centre`; QML asks again only when it scrolls out of them."""
        px_per_day = self._levels[self._level]
        half = 1.5 * self._viewport / px_per_day
        start, end = max(0.0, centre - half), min(self.span.days, centre + half)
        if self._tick_window[0] <= start and end <= self._tick_window[1] and self._ticks:
            return
        self._tick_window = (start, end)
        origin = self.span.start
        found = ticks(Span(origin + start, origin + end), px_per_day, TICK_SPACING * self._marker_px)
        self._ticks = [{"day": t.day - origin, "label": self._tick_label(t), "major": t.major} for t in found]
        self.ticksChanged.emit()

    def _tick_label(self, tick) -> str:
        locale = locale_for(self.language)
        if tick.unit == "year":
            return str(tick.year)
        if tick.unit == "month":
            month = locale.standaloneMonthName(tick.month, QLocale.FormatType.ShortFormat)
            return f"{month} {tick.year}" if tick.month == 1 else month
        return locale.toString(QDate(tick.year, tick.month, tick.day_of_month), "d MMM")

    # Properties -----------------------------------------------------------------------------
    totalDays = Property(float, lambda self: self.span.days, constant=True)
    levelCount = Property(int, lambda self: len(self._levels), notify=zoomChanged)
    level = Property(int, lambda self: self._level, notify=zoomChanged)
    pxPerDay = Property(float, lambda self: self._levels[self._level], notify=zoomChanged)
    minPxPerDay = Property(float, lambda self: self._levels[0], notify=zoomChanged)
    maxPxPerDay = Property(float, lambda self: self._levels[-1], notify=zoomChanged)
    anchorDay = Property(float, lambda self: self._anchor_day, notify=zoomChanged)
    anchorX = Property(float, lambda self: self._anchor_x, notify=zoomChanged)
    centreDay = Property(float, lambda self: self._centre, notify=zoomChanged)
    clusters = Property(QObject, lambda self: self._clusters, constant=True)
    ticks = Property(list, lambda self: self._ticks, notify=ticksChanged)
    selectedIndex = Property(int, lambda self: self._selected, notify=selectionChanged)
    eventCount = Property(int, lambda self: len(self.events), constant=True)

    @Property(list, notify=languageChanged)
    def eras(self) -> list[dict[str, Any]]:
        origin = self.span.start
        return [
            {
                "startDay": ordinal(era.start) - origin,
                "endDay": end_ordinal(era.end) - origin,
                "label": era.label.get(self.language),
                "shade": index % 2,
            }
            for index, era in enumerate(self._pack.timeline.eras)
        ]

    @Property(float, notify=selectionChanged)
    def selectedDay(self) -> float:
        if self._selected < 0:
            return -1.0
        return self._days[self._selected] - self.span.start

    # The open card ----------------------------------------------------------------------------
    @Property(bool, notify=selectionChanged)
    def cardOpen(self) -> bool:
        return self._selected >= 0 or bool(self._card_events)

    @Property("QVariantMap", notify=selectionChanged)
    def card(self) -> dict[str, Any]:
        if self._selected < 0:
            return {}
        event = self.events[self._selected]
        lang = self.language
        sources = [self._pack.sources[s] for s in event.sources if s in self._pack.sources]
        return {
            "dateText": format_span(event.date, event.end, lang),
            "title": event.title.get(lang),
            "text": event.text.get(lang),
            "panelIndex": self._panel_index.get(event.panel, -1),
            "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url} for s in sources],
        }

    @Property(list, notify=selectionChanged)
    def cardEvents(self) -> list[dict[str, Any]]:
        """Several events on one day, which no zoom can separate: the card lists them to choose from."""
        lang = self.language
        return [
            {"eventIndex": i, "dateText": format_span(self.events[i].date, self.events[i].end, lang),
             "title": self.events[i].title.get(lang)}
            for i in self._card_events
        ]

    # Actions ----------------------------------------------------------------------------------
    def _zoom(self, level: int, anchor_day: float, anchor_x: float) -> None:
        level = max(0, min(len(self._levels) - 1, level))
        self._anchor_day, self._anchor_x = anchor_day, anchor_x
        px_per_day = self._levels[level]
        self._centre = anchor_day - (anchor_x - self._viewport / 2) / px_per_day
        changed = level != self._level
        self._level = level
        if changed:
            self._relayout()
        self.zoomChanged.emit()

    @Slot(float, float)
    def zoomIn(self, anchor_day: float, anchor_x: float) -> None:
        self._zoom(self._level + 1, anchor_day, anchor_x)

    @Slot(float, float)
    def zoomOut(self, anchor_day: float, anchor_x: float) -> None:
        self._zoom(self._level - 1, anchor_day, anchor_x)

    @Slot(float, float, float)
    def pinchFinished(self, scale: float, anchor_day: float, anchor_x: float) -> None:
        """Snap a pinch to the nearest level in its direction; a small pinch still moves one level."""
        if scale <= 0:
            return
        target = self._levels[self._level] * scale
        nearest = min(range(len(self._levels)), key=lambda i: abs(math.log(self._levels[i] / target)))
        if nearest == self._level and abs(math.log(scale)) > 0.15:
            nearest += 1 if scale > 1 else -1
        self._zoom(nearest, anchor_day, anchor_x)

    @Slot(float)
    def setCentre(self, centre_day: float) -> None:
        """Where a flick came to rest; refreshes the ticks if it left the window they cover."""
        self._centre = max(0.0, min(self.span.days, centre_day))
        self._update_ticks(self._centre)

    @Slot(int)
    def openCluster(self, row: int) -> None:
        if not 0 <= row < self._clusters.rowCount():
            return
        cluster, _lane = self._clusters.items()[row]
        if cluster.count == 1:
            self.selectEvent(cluster.first)
            return
        days = self._days[cluster.first : cluster.first + cluster.count]
        level = separating_level(self._levels, days, self._marker_px)
        if level is not None and level > self._level:
            self._zoom(level, cluster.centre - self.span.start, self._viewport / 2)
            return
        self._selected = -1
        self._card_events = list(range(cluster.first, cluster.first + cluster.count))
        self.selectionChanged.emit()

    @Slot(int)
    def selectEvent(self, index: int) -> None:
        if not 0 <= index < len(self.events):
            return
        self._selected = index
        self._card_events = []
        self.selectionChanged.emit()

    @Slot()
    def selectNext(self) -> None:
        if self._selected >= 0:
            self.selectEvent(min(len(self.events) - 1, self._selected + 1))
        elif self.events:
            centre = self.span.start + self._centre
            self.selectEvent(next((i for i, d in enumerate(self._days) if d >= centre), len(self.events) - 1))

    @Slot()
    def selectPrevious(self) -> None:
        if self._selected >= 0:
            self.selectEvent(max(0, self._selected - 1))
        elif self.events:
            centre = self.span.start + self._centre
            self.selectEvent(max((i for i, d in enumerate(self._days) if d <= centre), default=0))

    @Slot()
    def closeCard(self) -> None:
        if self._selected >= 0 or self._card_events:
            self._selected = -1
            self._card_events = []
            self.selectionChanged.emit()

    def focus_panel(self, panel_id: str) -> None:
        """Frame the events of one panel and open the first of them."""
        indexes = [i for i, e in enumerate(self.events) if e.panel == panel_id]
        panel = self._pack.panel(panel_id)
        if panel is not None:
            indexes += [i for i, e in enumerate(self.events) if e.id in panel.events and i not in indexes]
        indexes.sort()
        self.focus = set(indexes)
        if not indexes:
            return
        first, last = self._days[indexes[0]], end_ordinal(self.events[indexes[-1]].end or self.events[indexes[-1]].date)
        level = level_for_width(self._levels, last - first, self._viewport)
        centre = (first + last) / 2 - self.span.start
        self._level = -1  # force a relayout so the focus shows
        self._zoom(level, centre, self._viewport / 2)
        self.selectEvent(indexes[0])

    def set_language(self, language: str) -> None:
        self.language = language
        self._clusters.set_language(language)
        self._tick_window = (0.0, 0.0)
        self._update_ticks(self._centre)
        self.languageChanged.emit()
        self.selectionChanged.emit()

    def reset(self) -> None:
        self.focus = set()
        self._selected = -1
        self._card_events = []
        self._level = -1
        self._zoom(0, self.span.days / 2, self._viewport / 2)
        self.selectionChanged.emit()
