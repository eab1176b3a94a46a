"""Dates as each language writes them, at the precision the content gives (Qt's locale data)."""

from __future__ import annotations

import pytest

from kiosk.content.model import Language, PartialDate
from kiosk.ui.formatting import format_date, format_span, use_locales


@pytest.fixture(autouse=True)
def no_pack_locales():
    use_locales([])
    yield
    use_locales([])


@pytest.mark.parametrize(
    "language, day, month, year",
    [
        ("en", "February 25, 1992", "June 2011", "1993"),
        ("az", "25 fevral 1992", "iyun 2011", "1993"),  # a dotted i: "Iyun" would be a different letter
        # Russian: the month in the nominative and lower case; a narrow no-break space before "г."
        ("ru", "25 февраля 1992\u202fг.", "июнь 2011\u202fг.", "1993\u202fг."),
    ],
)
def test_each_language_writes_dates_its_own_way(language, day, month, year):
    assert format_date(PartialDate(1992, 2, 25), language) == day
    assert format_date(PartialDate(2011, 6), language) == month
    assert format_date(PartialDate(1993), language) == year


def test_a_pack_can_choose_the_conventions_of_a_language():
    use_locales([Language("en", "English", locale="en-GB")])
    assert format_date(PartialDate(1992, 2, 25), "en") == "25 February 1992"


@pytest.mark.parametrize(
    "language, expected",
    [("en", "February 25–26, 1992"), ("az", "25–26 fevral 1992"), ("ru", "25–26 февраля 1992\u202fг.")],
)
def test_two_days_of_one_month_read_as_one_span(language, expected):
    assert format_span(PartialDate(1992, 2, 25), PartialDate(1992, 2, 26), language) == expected


def test_a_span_is_shown_at_the_coarser_of_its_precisions():
    assert format_span(PartialDate(1993), PartialDate(1993, 11, 12), "en") == "1993"
    assert format_span(PartialDate(2017, 7, 10), PartialDate(2019), "en") == "2017 – 2019"
    assert format_span(PartialDate(1991, 10, 30), PartialDate(1993, 11, 12), "en") == "October 30, 1991 – November 12, 1993"
