"""Dates in each visitor language's own conventions, at the precision the content has.

Qt's locale data decides the order, the month names and their grammatical form; a pack may name the
locale of a language (`locale: en-GB` for "25 February 1992" rather than "February 25, 1992").
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

from kiosk.content.model import Language, PartialDate

_WEEKDAY = re.compile(r"[,\s]*dddd[,\s]*")
_YEAR_SUFFIX = re.compile(r"yyyy(.*)$")  # what follows the year in a long date: " г." in Russian
_locales: dict[str, str] = {}


def use_locales(languages: tuple[Language, ...] | list[Language]) -> None:
    """The pack's own choice of locale per language code (set when an exhibit opens)."""
    _locales.clear()
    _locales.update({lang.code: lang.locale for lang in languages if lang.locale})


def locale_for(language: str) -> QLocale:
    return QLocale(_locales.get(language, language).replace("-", "_"))


def _day_pattern(locale: QLocale) -> str:
    """The locale's long date format without the weekday (a memorial date needs no weekday)."""
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    return _WEEKDAY.sub(" ", pattern).strip(" ,")


def _year_suffix(locale: QLocale) -> str:
    match = _YEAR_SUFFIX.search(_day_pattern(locale))
    return match.group(1).replace("'", "") if match else ""


def format_date(date: PartialDate, language: str) -> str:
    locale = locale_for(language)
    if date.day:
        return locale.toString(QDate(date.year, date.month, date.day), _day_pattern(locale))
    year = f"{date.year}{_year_suffix(locale)}"
    if date.month:
        # The standalone (nominative) name, as the language writes it inside a sentence: "June 2011",
        # "iyun 2011", "июнь 2011 г." (capitalising it would also turn Azerbaijani "i" into a dotless "I").
        return f"{locale.standaloneMonthName(date.month, QLocale.FormatType.LongFormat)} {year}"
    return year


def format_span(start: PartialDate, end: PartialDate | None, language: str) -> str:
    """A span at the coarser of its two precisions: "1993", not "1993 – 12 November 1993"."""
    if end is not None:
        start, end = _coarsen(start, end.precision), _coarsen(end, start.precision)
    if end is None or end == start:
        return format_date(start, language)
    if start.day and end.day and (start.year, start.month) == (end.year, end.month):
        return _days_of_one_month(start, end, locale_for(language))
    return f"{format_date(start, language)} – {format_date(end, language)}"


def _days_of_one_month(start: PartialDate, end: PartialDate, locale: QLocale) -> str:
    """"25–26 February 1992", "February 25–26, 1992", "25–26 февраля 1992 г.": the first day goes just
    before the day in the locale's own pattern."""
    pattern = _day_pattern(locale)
    day = re.search(r"d+", pattern)
    if day is None:
        return f"{start.day}–{locale.toString(QDate(*end.first_day()), pattern)}"
    pattern = f"{pattern[:day.start()]}'{start.day}–'{pattern[day.start():]}"
    return locale.toString(QDate(*end.first_day()), pattern)


_ORDER = ("year", "month", "day")


def _coarsen(date: PartialDate, precision: str) -> PartialDate:
    if _ORDER.index(precision) >= _ORDER.index(date.precision):
        return date
    return PartialDate(date.year, date.month if precision == "month" else None)
