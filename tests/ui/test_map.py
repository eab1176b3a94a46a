"""The recognition map by touch: places, the US inset, micro-state markers, organisations, zoom and pan
limits, the year slider and the list alternative."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF

from tests.packs import write_minimal_pack
from tests.ui.screen_text import visible_texts
from tests.ui.touch import centre_of, find_item

ENTRIES = [
    ("mx", "country", "MX", "countries", "2011-12-08"),
    ("pk", "country", "PK", "countries", "2012-02-01"),
    ("mt", "country", "MT", "countries", "2013-05"),
    ("tx", "subdivision", "US-TX", "us-states", "2011"),
    ("ri", "subdivision", "US-RI", "us-states", "2015-03-02"),
    ("oic", "organisation", "org", "organisations", "2013-02-07"),
]


@pytest.fixture
def map_pack(tmp_path):
    root = write_minimal_pack(tmp_path / "pack")

    def text(value, indent):
        pad = " " * indent
        return f'\n{pad}en: "{value} (en)"\n{pad}fr: "{value} (fr)"'

    lines = ["groups:"]
    for group in ("countries", "us-states", "organisations"):
        lines += [f"  - id: {group}", f"    label:{text(group, 6)}"]
    lines += ["organisations:", "  - id: org", f"    name:{text('Org', 6)}", "    members: [PK, MT]", "place_names:"]
    for code, en, fr in (("MX", "Mexico", "Mexique"), ("PK", "Pakistan", "Pakistan"), ("MT", "Malta", "Malte"),
                         ("US-TX", "Texas", "Texas"), ("US-RI", "Rhode Island", "Rhode Island")):
        lines += [f"  {code}:", f'    en: "{en}"', f'    fr: "{fr}"']
    lines.append("entries:")
    for entry_id, kind, place, group, date in ENTRIES:
        lines += [
            f"  - id: {entry_id}", f"    kind: {kind}", f"    place: {place}", f"    group: {group}",
            f"    body:{text('Body ' + entry_id, 6)}", f'    date: "{date}"', "    document: resolution",
            f"    description:{text('About ' + entry_id, 6)}", "    sources: [src-a]",
        ]
    (root / "recognitions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel = root / "panels" / "01-first.yaml"
    panel.write_text(panel.read_text(encoding="utf-8").replace('value: "2"', 'value: "3"'), encoding="utf-8")
    return root


def open_map(open_kiosk, pack, qtbot, size=(1600, 900)):
    k = open_kiosk(pack, size)
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.finger.tap(find_item(k.window, "tile_map"))
    k.wait_screen(qtbot, "map")
    qtbot.waitUntil(lambda: _shown(k, "usInset"))  # the inset is made over the first frames
    return k


def _shown(k, name) -> bool:
    try:
        find_item(k.window, name)
        return True
    except AssertionError:
        return False


def shape_row(model, code):
    return next(model.get(r) for r in range(model.rowCount()) if model.get(r)["code"] == code)


def highlighted(model) -> set[str]:
    return {model.get(r)["code"] for r in range(model.rowCount())}


def world_point(k, code) -> QPoint:
    """Where a country's label point is on the glass, at the current zoom and pan."""
    view, flick = find_item(k.window, "worldMap"), find_item(k.window, "mapFlick")
    row = _label(k.exhibit.places.world.shapes[code])
    scale = view.property("scaleNow")
    # With margins, a Flickable at rest has contentX = -leftMargin, so the margins are already in there.
    x = row["labelX"] * scale - flick.property("contentX")
    y = row["labelY"] * scale - flick.property("contentY")
    return view.mapToScene(QPointF(x, y)).toPoint()


def inset_point(k, code) -> QPoint:
    inset = find_item(k.window, "usInset")
    row = _label(k.exhibit.places.us.shapes[code])
    scale, pad = inset.property("insetScale"), inset.property("radius")  # shapes start half a gap in
    return inset.mapToScene(QPointF(row["labelX"] * scale, row["labelY"] * scale)).toPoint() + QPoint(int(pad * 1.5), int(pad * 1.5))


def _label(shape) -> dict:
    return {"labelX": shape.label[0], "labelY": shape.label[1]}


def test_tapping_a_highlighted_country_opens_its_card(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    k.finger.tap(world_point(k, "MX"))
    qtbot.waitUntil(lambda: k.exhibit.recognitionMap.cardOpen)
    qtbot.waitUntil(lambda: "Mexico" in visible_texts(k.window))
    texts = visible_texts(k.window)
    assert "Body mx (en)" in texts and "About mx (en)" in texts and "Adopted {date} [en]".replace("{date}", "December 8, 2011") in texts


def test_tapping_a_country_without_a_decision_opens_nothing(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    k.finger.tap(world_point(k, "BR"))
    k.wait_frame(qtbot)
    assert not k.exhibit.recognitionMap.cardOpen


def test_a_us_state_in_the_inset(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    k.finger.tap(inset_point(k, "US-TX"))
    qtbot.waitUntil(lambda: k.exhibit.recognitionMap.card.get("code") == "US-TX")
    qtbot.waitUntil(lambda: "Texas" in visible_texts(k.window))


def test_micro_states_get_a_touchable_marker(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    marker = find_item(k.window, "marker_MT")
    assert marker.width() >= 80 * 900 / 1080 - 1  # a full touch target at this window size
    k.finger.tap(marker)
    qtbot.waitUntil(lambda: k.exhibit.recognitionMap.card.get("code") == "MT")
    assert "Malta" in k.exhibit.recognitionMap.card["name"]
    find_item(k.window, "marker_US-RI")  # Rhode Island in the inset has one too


def test_an_organisation_lights_its_members(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    k.finger.tap(find_item(k.window, "organisation_org"))
    qtbot.waitUntil(lambda: k.exhibit.recognitionMap.organisation == "org")
    recognition_map = k.exhibit.recognitionMap
    assert recognition_map.memberCodes == ["MT", "PK"]
    qtbot.waitUntil(lambda: "Org (en)" in visible_texts(k.window))
    k.finger.tap(find_item(k.window, "closePlaceCard"))
    qtbot.waitUntil(lambda: recognition_map.memberCodes == [])


def test_zoom_and_pan_stay_within_limits_and_reset(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    view, flick = find_item(k.window, "worldMap"), find_item(k.window, "mapFlick")
    centre = centre_of(view)
    for _ in range(4):
        k.finger.pinch(centre, 100, 600)
    qtbot.waitUntil(lambda: view.property("zoom") > 4)
    assert view.property("zoom") <= view.property("maxZoom")
    k.finger.swipe(centre + QPoint(300, 200), centre - QPoint(300, 200))
    qtbot.waitUntil(lambda: not flick.property("moving"))
    for axis, size, extent, low in (("contentX", flick.width(), "contentWidth", "leftMargin"),
                                    ("contentY", flick.height(), "contentHeight", "topMargin")):
        assert -flick.property(low) - 0.5 <= flick.property(axis) <= flick.property(extent) + flick.property(low) - size + 0.5
    for _ in range(4):
        k.finger.pinch(centre, 600, 100)
    qtbot.waitUntil(lambda: view.property("zoom") == 1.0)
    k.finger.pinch(centre, 100, 600)
    qtbot.waitUntil(lambda: view.property("zoom") > 1)
    k.finger.tap(find_item(k.window, "resetView"))
    qtbot.waitUntil(lambda: view.property("zoom") == 1.0)
    assert flick.property("contentX") == -flick.property("leftMargin")  # the whole world, centred again


def test_year_slider_changes_highlights_and_counts(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    recognition_map = k.exhibit.recognitionMap
    assert recognition_map.years == [2011, 2012, 2013, 2014, 2015]
    assert find_item(k.window, "count_countries").property("text") == "3"
    track = find_item(k.window, "yearTrack")
    k.finger.tap(track.mapToScene(QPointF(1, track.height() / 2)).toPoint())  # the first stop
    qtbot.waitUntil(lambda: recognition_map.year == 2011)
    qtbot.waitUntil(lambda: find_item(k.window, "count_countries").property("text") == "1")
    assert find_item(k.window, "count_us-states").property("text") == "1"
    assert highlighted(recognition_map.worldShapes) == {"MX"}
    assert highlighted(recognition_map.usShapes) == {"US-TX"}
    assert find_item(k.window, "yearLabel").property("text") == "2011"
    k.finger.tap(find_item(k.window, "playYears"))
    qtbot.waitUntil(lambda: recognition_map.year == 2012, timeout=5000)
    assert find_item(k.window, "count_countries").property("text") == "2"


def test_the_list_alternative_filters_and_sorts(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    k.finger.tap(find_item(k.window, "mapListToggle"))
    k.wait_frame(qtbot)
    entries = k.exhibit.recognitions
    assert [entries.get(r)["place"] for r in range(entries.rowCount())][:2] == ["Texas", "Mexico"]  # by date
    k.finger.tap(find_item(k.window, "filter_us-states"))
    qtbot.waitUntil(lambda: entries.rowCount() == 2)
    k.finger.tap(find_item(k.window, "sortByPlace"))
    qtbot.waitUntil(lambda: entries.sortOrder == "place")
    assert [entries.get(r)["place"] for r in range(entries.rowCount())] == ["Rhode Island", "Texas"]
    qtbot.waitUntil(lambda: "Rhode Island" in visible_texts(k.window))
    k.finger.tap(find_item(k.window, "filter_all"))
    qtbot.waitUntil(lambda: entries.rowCount() == 6)


def test_idle_reset_returns_the_map_to_today(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    recognition_map = k.exhibit.recognitionMap
    recognition_map.setYear(2012)
    recognition_map.openOrganisation("org")
    k.exhibit.recognitions.setGroupFilter("countries")
    k.pass_time(91)
    k.pass_time(20)
    k.wait_screen(qtbot, "attract")
    assert (recognition_map.year, recognition_map.cardOpen, recognition_map.organisation) == (0, False, "")
    assert k.exhibit.recognitions.rowCount() == 6


def _colour_at(k, point: QPoint) -> str:
    image = k.window.grabWindow()
    return image.pixelColor(point.x(), point.y()).name()


def test_land_without_a_decision_and_members_are_drawn_where_they_belong(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    # Waiting on the colours themselves: the screen fades in before anything is fully drawn.
    qtbot.waitUntil(lambda: _colour_at(k, world_point(k, "BR")) == "#33363b")  # Theme.land, in place
    qtbot.waitUntil(lambda: _colour_at(k, world_point(k, "MX")) == "#d9b574")  # the first group's colour
    k.exhibit.recognitionMap.openOrganisation("org")
    k.exhibit.recognitionMap.setYear(2011)  # PK not yet counted: shown as a member
    qtbot.waitUntil(lambda: _colour_at(k, world_point(k, "PK")) == "#5d6673")  # Theme.memberLand


def test_the_list_is_made_when_first_shown(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    assert not _shown(k, "recognitionList")  # not made while hidden
    k.finger.tap(find_item(k.window, "mapListToggle"))
    qtbot.waitUntil(lambda: _shown(k, "recognitionList"))
    k.finger.tap(find_item(k.window, "mapListToggle"))
    qtbot.waitUntil(lambda: not k.session.listView and not _shown(k, "recognitionList"))
    k.finger.tap(find_item(k.window, "mapListToggle"))
    qtbot.waitUntil(lambda: _shown(k, "recognitionList"))


def test_a_pan_moves_the_drawn_map_without_drawing_it_again(open_kiosk, map_pack, qtbot):
    k = open_map(open_kiosk, map_pack, qtbot)
    view, flick = find_item(k.window, "worldMap"), find_item(k.window, "mapFlick")
    view.setProperty("zoom", 2.0)
    # At rest, the texture holds the map at the new scale, around the view and beyond it.
    qtbot.waitUntil(lambda: _drawn(view)["scale"] == view.property("scaleNow")
                    and _drawn(view)["width"] >= min(flick.property("contentWidth") - 1, 2 * flick.width()))
    before = _drawn(view)
    centre = centre_of(view)
    k.finger.swipe(centre + QPoint(150, 60), centre - QPoint(150, 60))
    qtbot.waitUntil(lambda: not flick.property("moving"))
    assert flick.property("contentX") > 0
    assert _drawn(view) == before  # moved as a texture, not drawn again
    k.finger.tap(find_item(k.window, "resetView"))
    qtbot.waitUntil(lambda: _drawn(view)["scale"] == view.property("scaleNow") and view.property("zoom") == 1.0)
    k.finger.tap(world_point(k, "MX"))  # the shapes still answer inside their outlines
    qtbot.waitUntil(lambda: k.exhibit.recognitionMap.card.get("code") == "MX")


def _drawn(view) -> dict:
    return view.property("drawn").toVariant()
