"""Recognition over time: which places count, in which group, as of a year. Pure Python.

A place counts once it has at least one shown decision dated in or before the year. Decisions without
a date count only "today" (`year=None`), never on the year slider, so the slider never claims a year
the research could not find.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from kiosk.content.model import Recognition
from kiosk.records import Record, record


@record
class PlaceStatus(Record):
    """Where a place stands as of a year: its group and the year of its first dated decision."""

    place: str
    group: str
    first_year: int | None  # None: no dated decision


def counts_by_place(entries: Iterable[Recognition], year: int | None) -> dict[str, str]:
    """place -> group, for the places that count as of `year` (None = today, everything shown)."""
    result: dict[str, str] = {}
    for entry in entries:
        if not entry.show:
            continue
        if year is not None and (entry.date is None or entry.date.year > year):
            continue
        result.setdefault(entry.place, entry.group)
    return result


def counts_as_of(entries: Sequence[Recognition], groups: Sequence[str], year: int | None) -> dict[str, int]:
    places = counts_by_place(entries, year)
    return {group: sum(1 for g in places.values() if g == group) for group in groups}


def year_range(entries: Iterable[Recognition]) -> tuple[int, int] | None:
    years = [e.date.year for e in entries if e.show and e.date is not None]
    return (min(years), max(years)) if years else None


def decisions_for(entries: Iterable[Recognition], place: str, year: int | None) -> list[Recognition]:
    """A place's shown decisions as of `year`, oldest first (undated last)."""
    chosen = [
        e for e in entries
        if e.show and e.place == place and (year is None or (e.date is not None and e.date.year <= year))
    ]
    return sorted(chosen, key=lambda e: (e.date is None, e.date.first_day() if e.date else (0, 0, 0), e.id))


def is_small(bbox: Sequence[float], scale: float, min_px: float) -> bool:
    """Too small to touch at this scale: the shape's larger side is under `min_px` on screen."""
    width, height = bbox[2] - bbox[0], bbox[3] - bbox[1]
    return max(width, height) * scale < min_px
