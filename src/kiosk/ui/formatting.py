"""Dates in each visitor language's own conventions, at the precision the content has."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

from kiosk.content.model import PartialDate

_WEEKDAY = re.compile(r"[,\s]*dddd[,\s]*")


def locale_for(language: str) -> QLocale:
    return QLocale(language)


def _day_pattern(locale: QLocale) -> str:
    """The locale's long date format without the weekday (a memorial date needs no weekday)."""
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    return _WEEKDAY.sub(" ", pattern).strip(" ,")


def format_date(date: PartialDate, language: str) -> str:
    locale = locale_for(language)
    if date.day:
        return locale.toString(QDate(date.year, date.month, date.day), _day_pattern(locale))
    if date.month:
        month = locale.standaloneMonthName(date.month, QLocale.FormatType.LongFormat)
        return f"{month[:1].upper()}{month[1:]} {date.year}"
    return str(date.year)


def format_span(start: PartialDate, end: PartialDate | None, language: str) -> str:
    if end is None or end == start:
        return format_date(start, language)
    return f"{format_date(start, language)} – {format_date(end, language)}"
