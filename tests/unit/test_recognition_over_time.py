"""Counts as of a year, computed from the data: what the map's legend and slider show."""

from kiosk.content.model import LocalisedText, PartialDate, Recognition
from kiosk.layout.recognition import counts_as_of, counts_by_place, decisions_for, is_small, year_range

TEXT = LocalisedText({"en": "x"}, "en")


def entry(id_, place, group, date=None, show=True):
    return Recognition(
        id=id_, kind="country", place=place, group=group, body=TEXT, date=date, date_is="adopted",
        document="resolution", wording=(), quote=None, description=TEXT, sources=("s",), show=show,
    )


ENTRIES = [
    entry("mx", "MX", "countries", PartialDate(2011, 12, 8)),
    entry("pk", "PK", "countries", PartialDate(2012, 2, 1)),
    entry("pk-again", "PK", "countries", PartialDate(2022, 5)),
    entry("tx", "US-TX", "us-states", PartialDate(2011)),
    entry("nv", "US-NV", "us-states"),  # no date found
    entry("ro", "RO", "countries", PartialDate(2013, 2, 12), show=False),
    entry("oic-2012", "oic", "organisations", PartialDate(2012, 11)),
    entry("oic-2013", "oic", "organisations", PartialDate(2013, 2)),
]
GROUPS = ["countries", "us-states", "organisations"]


def test_counts_grow_with_the_years():
    assert counts_as_of(ENTRIES, GROUPS, 2010) == {"countries": 0, "us-states": 0, "organisations": 0}
    assert counts_as_of(ENTRIES, GROUPS, 2011) == {"countries": 1, "us-states": 1, "organisations": 0}
    assert counts_as_of(ENTRIES, GROUPS, 2013) == {"countries": 2, "us-states": 1, "organisations": 1}


def test_a_place_counts_once_however_many_decisions():
    assert counts_as_of(ENTRIES, GROUPS, 2023)["countries"] == 2
    assert counts_as_of(ENTRIES, GROUPS, 2023)["organisations"] == 1


def test_undated_decisions_count_only_today():
    assert "US-NV" not in counts_by_place(ENTRIES, 2030)
    assert counts_by_place(ENTRIES, None)["US-NV"] == "us-states"
    assert counts_as_of(ENTRIES, GROUPS, None) == {"countries": 2, "us-states": 2, "organisations": 1}


def test_staff_only_entries_never_count():
    assert "RO" not in counts_by_place(ENTRIES, None)


def test_year_range_spans_shown_dated_decisions():
    assert year_range(ENTRIES) == (2011, 2022)
    assert year_range([]) is None


def test_decisions_of_a_place_as_of_a_year():
    assert [d.id for d in decisions_for(ENTRIES, "PK", 2015)] == ["pk"]
    assert [d.id for d in decisions_for(ENTRIES, "PK", None)] == ["pk", "pk-again"]


def test_small_shapes_get_markers():
    assert is_small((10, 10, 13, 12), scale=1.8, min_px=12)  # Malta-sized
    assert not is_small((10, 10, 40, 30), scale=1.8, min_px=12)


def test_joined_paths_keep_every_shape_where_it_was():
    from kiosk.geo.asset import absolute_start, joined_path

    assert absolute_start("m10 20-1-2 3 4z") == "M10 20l-1-2 3 4z"
    assert absolute_start("m10.5,20.25 1 1z") == "M10.5 20.25l1 1z"
    assert absolute_start("m10 20h5v5z") == "M10 20h5v5z"
    assert absolute_start("M1 2L3 4z") == "M1 2L3 4z"  # already absolute: untouched
    assert joined_path(["m10 20 1 1z", "m30 40 1 1z"]) == "M10 20l1 1z M30 40l1 1z"
