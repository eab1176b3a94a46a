"""Timeline geometry: time to x, zoom levels, clustering, label lanes and tick thinning."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.model import PartialDate
from kiosk.layout.timeline import (
    Span,
    clusters,
    end_ordinal,
    label_lanes,
    label_left,
    level_for_width,
    ordinal,
    overall_span,
    separating_level,
    tick_step,
    ticks,
    zoom_levels,
)


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def test_dates_at_every_precision_cover_their_whole_period():
    assert ordinal(PartialDate(1992)) == day("1992-01-01")
    assert end_ordinal(PartialDate(1992)) == day("1993-01-01")
    assert end_ordinal(PartialDate(1992, 2)) == day("1992-03-01")  # a leap February
    assert end_ordinal(PartialDate(1992, 2, 26)) == day("1992-02-27")


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_known_date_ends_on_the_calendars_last_day_of_that_month(year, month):
    following = dt.date(year + month // 12, month % 12 + 1, 1) if (year, month) != (9999, 12) else dt.date(9999, 12, 31)
    last = following - dt.timedelta(days=1) if (year, month) != (9999, 12) else following
    assert PartialDate(year, month).last_day() == (last.year, last.month, last.day)


def test_the_widest_level_fits_everything_and_the_closest_shows_about_two_weeks():
    span = overall_span([day("1988-02-20")], [day("2023-03-17")])
    levels = zoom_levels(span.days, 1920)
    assert span.days * levels[0] == pytest.approx(1920)
    assert 1920 / levels[-1] == pytest.approx(14)
    assert all(b > a for a, b in zip(levels, levels[1:]))
    assert all(b / a <= 2.0001 for a, b in zip(levels, levels[1:]))  # no jarring jumps


def test_one_event_still_gives_a_usable_timeline():
    span = overall_span([day("1992-02-26")], [day("1992-02-27")])
    assert span.days >= 30
    levels = zoom_levels(span.days, 1920)
    assert len(levels) >= 1
    assert [c.count for c in clusters([day("1992-02-26")], levels[0], 40)] == [1]


def test_a_thousand_events_on_one_day_make_one_cluster_at_every_zoom():
    days = [day("1992-02-26")] * 1000
    levels = zoom_levels(overall_span(days, [d + 1 for d in days]).days, 1920)
    for px_per_day in levels:
        assert [(c.first, c.count) for c in clusters(days, px_per_day, 40)] == [(0, 1000)]
    assert separating_level(levels, days, 40) is None  # the view lists them instead of zooming


def test_clusters_split_as_you_zoom_in():
    days = [day("1992-02-25"), day("1992-02-26"), day("1992-05-08"), day("2020-09-27")]
    levels = zoom_levels(overall_span(days, days).days, 1920)
    widest = clusters(days, levels[0], 40)
    closest = clusters(days, levels[-1], 40)
    assert [c.count for c in widest] == [3, 1]
    assert [c.count for c in closest] == [1, 1, 1, 1]
    level = separating_level(levels, days[:2], 40)
    assert level is not None and len(clusters(days[:2], levels[level], 40)) == 2


@given(st.lists(st.integers(0, 40_000), min_size=1, max_size=300), st.floats(0.01, 200), st.floats(1, 100))
def test_clusters_keep_every_event_once_and_never_overlap(raw, px_per_day, gap):
    days = sorted(raw)
    result = clusters(days, px_per_day, gap)
    assert sum(c.count for c in result) == len(days)
    assert [c.first for c in result] == sorted({c.first for c in result})
    for a, b in zip(result, result[1:]):
        assert (b.start_day - a.end_day) * px_per_day >= gap


def test_events_spanning_a_century_get_decade_ticks_at_the_widest_zoom():
    span = Span(day("1900-01-01"), day("2001-01-01"))
    levels = zoom_levels(span.days, 1920)
    unit, step = tick_step(levels[0], 140)
    assert unit == "year" and step >= 10
    found = ticks(span, levels[0], 140)
    assert 5 <= len(found) <= 14
    spacing = min((b.day - a.day) * levels[0] for a, b in zip(found, found[1:]))
    assert spacing >= 140


@pytest.mark.parametrize("px_per_day,unit", [(0.05, "year"), (0.6, "year"), (3, "month"), (40, "day")])
def test_ticks_thin_out_so_labels_never_crowd(px_per_day, unit):
    span = Span(day("1980-01-01"), day("2010-01-01")) if unit == "year" else Span(day("1991-06-01"), day("1992-03-01"))
    found = ticks(span, px_per_day, 140)
    assert found and found[0].unit == unit
    assert all((b.day - a.day) * px_per_day >= 140 * 0.9 for a, b in zip(found, found[1:]))  # months vary


def test_ticks_are_bounded_even_at_the_closest_zoom_over_decades():
    assert len(ticks(Span(day("1900-01-01"), day("2000-01-01")), 200, 140)) == 400


def test_label_lanes_never_overlap_and_give_up_when_full():
    lanes = label_lanes([0, 100, 200, 300, 1000], label_px=250, lanes=2)
    assert lanes == [0, 1, -1, -1, 0]


def test_labels_at_the_ends_stay_inside_the_track():
    assert label_left(10, 300, 1920) == 0
    assert label_left(1910, 300, 1920) == 1620
    assert label_left(960, 300, 1920) == 810
    # Kept inside, the first two labels now overlap, so they take different lanes.
    assert label_lanes([10, 200], 300, 3, content_px=1920) == [0, 1]


def test_labels_keep_the_views_margin_from_the_edges_and_from_each_other():
    # The view keeps a label a gap off the glass's edges: the lanes are decided where it is drawn.
    assert label_left(10, 300, 1920, margin_px=24) == 24
    assert label_left(1910, 300, 1920, margin_px=24) == 1596
    # Pushed in from the edge, the first label would run into the second: another lane.
    assert label_lanes([10, 480], 300, 3, content_px=1920, margin_px=24) == [0, 1]
    # Centred, these two would be 10 px apart and read as one line: too close for one lane.
    assert label_lanes([500, 810], 300, 3, content_px=1920, margin_px=24) == [0, 1]
    assert label_lanes([500, 824], 300, 3, content_px=1920, margin_px=24) == [0, 0]


@given(st.lists(st.floats(0, 5000), max_size=60), st.floats(50, 600), st.integers(1, 3), st.floats(0, 40))
def test_labels_in_a_lane_are_a_margin_apart_and_inside_the_track(raw, label_px, lanes, margin):
    positions = sorted(raw)
    content = 5000.0
    assigned = label_lanes(positions, label_px, lanes, content, margin)
    lefts = [label_left(x, label_px, content, margin) for x in positions]
    for lane in range(lanes):
        row = [left for left, got in zip(lefts, assigned) if got == lane]
        assert all(b - (a + label_px) >= margin - 1e-6 for a, b in zip(row, row[1:]))
        assert all(margin - 1e-6 <= left <= content - margin - label_px + 1e-6 for left in row)


def test_level_for_width_frames_a_panels_events():
    levels = zoom_levels(12_000, 1920)
    feb_1992 = 2  # two days
    index = level_for_width(levels, feb_1992, 1920)
    assert index == len(levels) - 1
    assert level_for_width(levels, 12_000, 1920) == 0
