"""The timeline's geometry: time to x, zoom levels, clusters, label lanes and ticks.

Everything is in *days*: an event's position is its first day counted from the timeline's origin (an
ordinal day), and a zoom level is a number of pixels per day. The view multiplies; this module decides.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Sequence

from kiosk.content.model import PartialDate
from kiosk.records import Record, record


def ordinal(date: PartialDate) -> int:
    return dt.date(*date.first_day()).toordinal()


def end_ordinal(date: PartialDate) -> int:
    """The day after the last day the date covers (1992-02 ends on 1992-03-01)."""
    return dt.date(*date.last_day()).toordinal() + 1


@record
class Span(Record):
    """The days the timeline covers, as ordinal days (end exclusive)."""

    start: float  # ordinal day
    end: float  # exclusive

    @property
    def days(self) -> float:
        return self.end - self.start


def overall_span(starts: Sequence[int], ends: Sequence[int], pad_fraction: float = 0.02) -> Span:
    """The span the timeline shows at its widest: everything, with a little air at both ends."""
    if not starts:
        today = dt.date.today().toordinal()
        return Span(today - 365, today + 365)
    start, end = min(starts), max(ends)
    pad = max(15.0, (end - start) * pad_fraction)
    return Span(start - pad, end + pad)


def zoom_levels(span_days: float, viewport_px: float, closest_days: float = 14.0, ratio: float = 2.0) -> list[float]:
    """Pixels per day for each zoom level, from "everything fits" to about `closest_days` on screen."""
    widest = viewport_px / max(span_days, 1.0)
    closest = viewport_px / closest_days
    if closest <= widest:
        return [widest]
    steps = max(1, math.ceil(math.log(closest / widest, ratio)))
    factor = (closest / widest) ** (1 / steps)
    return [widest * factor**i for i in range(steps + 1)]


def level_for_width(levels: Sequence[float], days: float, viewport_px: float, fill: float = 0.8) -> int:
    """The closest zoom at which `days` still fits in `fill` of the viewport."""
    best = 0
    for index, px_per_day in enumerate(levels):
        if days * px_per_day <= viewport_px * fill:
            best = index
    return best


@record
class Cluster(Record):
    """Events close enough at one zoom level to share a marker."""

    first: int  # index into the sorted days
    count: int
    start_day: float
    end_day: float

    @property
    def centre(self) -> float:
        return (self.start_day + self.end_day) / 2


def clusters(days: Sequence[float], px_per_day: float, min_gap_px: float) -> list[Cluster]:
    """Group sorted days whose markers would overlap at this zoom; one pass, so 10,000 events are cheap."""
    result: list[Cluster] = []
    if not days:
        return result
    first, start = 0, days[0]
    last = start
    for index in range(1, len(days)):
        day = days[index]
        if (day - last) * px_per_day < min_gap_px:
            last = day
            continue
        result.append(Cluster(first, index - first, start, last))
        first, start, last = index, day, day
    result.append(Cluster(first, len(days) - first, start, last))
    return result


def separating_level(levels: Sequence[float], cluster_days: Sequence[float], min_gap_px: float) -> int | None:
    """The first zoom level at which the cluster's days no longer all share one marker, if any."""
    for index, px_per_day in enumerate(levels):
        if len(clusters(cluster_days, px_per_day, min_gap_px)) > 1:
            return index
    return None


def label_left(x: float, label_px: float, content_px: float, margin_px: float = 0.0) -> float:
    """A label's left edge: centred on its marker, but kept `margin_px` inside the track at both ends."""
    return max(margin_px, min(content_px - margin_px - label_px, x - label_px / 2))


def label_lanes(
    positions_px: Sequence[float], label_px: float, lanes: int, content_px: float = math.inf, margin_px: float = 0.0
) -> list[int]:
    """A lane (row above the axis) for each label, or -1 where no lane has room: labels never overlap, and
    labels in one lane stay at least `margin_px` apart (the view places them with the same margin)."""
    lane_ends = [-math.inf] * lanes
    assigned = []
    for x in positions_px:
        left = label_left(x, label_px, content_px, margin_px)
        for lane in range(lanes):
            if left >= lane_ends[lane] + margin_px:
                lane_ends[lane] = left + label_px
                assigned.append(lane)
                break
        else:
            assigned.append(-1)
    return assigned


@record
class Tick(Record):
    """A date mark on the time axis at one zoom level."""

    day: int  # ordinal
    year: int
    month: int
    day_of_month: int
    unit: str  # year | month | day
    major: bool  # a year boundary when months or days are shown; a decade when years are


_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
_MONTH_STEPS = (1, 3, 6)
_DAY_STEPS = (1, 2, 7)


def tick_step(px_per_day: float, min_spacing_px: float) -> tuple[str, int]:
    """The finest unit and step whose labels stay `min_spacing_px` apart: labels thin as you zoom out."""
    for step in _DAY_STEPS:
        if step * px_per_day >= min_spacing_px:
            return "day", step
    for step in _MONTH_STEPS:
        if step * 30.4 * px_per_day >= min_spacing_px:
            return "month", step
    for step in _YEAR_STEPS:
        if step * 365.25 * px_per_day >= min_spacing_px:
            return "year", step
    return "year", _YEAR_STEPS[-1] * max(1, math.ceil(min_spacing_px / (_YEAR_STEPS[-1] * 365.25 * px_per_day)))


def ticks(span: Span, px_per_day: float, min_spacing_px: float, limit: int = 400) -> list[Tick]:
    """Ticks inside `span`, at the step that keeps labels readable; never more than `limit`."""
    unit, step = tick_step(px_per_day, min_spacing_px)
    first = dt.date.fromordinal(max(1, int(math.floor(span.start))))
    last_ordinal = span.end
    result: list[Tick] = []
    if unit == "year":
        year = first.year - first.year % step
        while len(result) < limit:
            date = dt.date(max(1, year), 1, 1)
            if date.toordinal() > last_ordinal:
                break
            if date.toordinal() >= span.start:
                result.append(Tick(date.toordinal(), year, 1, 1, "year", year % (step * 5) == 0))
            year += step
    elif unit == "month":
        month_index = first.year * 12 + (first.month - 1)
        month_index -= month_index % step
        while len(result) < limit:
            year, month = divmod(month_index, 12)
            date = dt.date(year, month + 1, 1)
            if date.toordinal() > last_ordinal:
                break
            if date.toordinal() >= span.start:
                result.append(Tick(date.toordinal(), year, month + 1, 1, "month", month == 0))
            month_index += step
    else:
        ordinal_day = first.toordinal()
        if step == 7:
            ordinal_day -= first.weekday()
        while ordinal_day <= last_ordinal and len(result) < limit:
            date = dt.date.fromordinal(ordinal_day)
            if ordinal_day >= span.start:
                result.append(Tick(ordinal_day, date.year, date.month, date.day, "day", date.day == 1))
            ordinal_day += step
    return result
