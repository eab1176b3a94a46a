"""The interactive timeline by touch: flick, pinch, double tap, events, clusters, links and idle reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor

from kiosk.ui.audit import visible_rect, walk
from tests.packs import write_minimal_pack
from tests.ui.screen_text import visible_texts
from tests.ui.touch import centre_of, find_item

EVENTS = [
    ("baghanis", "1990-03-24", None, ""),
    ("night-a", "1992-02-26", None, "first-panel"),
    ("night-b", "1992-02-26", None, "first-panel"),
    ("night-c", "1992-02-26", None, "first-panel"),
    ("kalbajar", "1993-04-02", None, ""),
    ("campaign", "2008-05", None, ""),
    ("war", "2020-09-27", "2020-11-10", ""),
]


@pytest.fixture
def timeline_pack(tmp_path):
    root = write_minimal_pack(tmp_path / "pack")
    lines = ["eras:", "  - id: all", '    start: "1988"', '    end: "2023"', "    label:",
             '      en: "All years (en)"', '      fr: "All years (fr)"', "events:"]
    for event_id, date, end, panel in EVENTS:
        lines += [f"  - id: {event_id}", f'    date: "{date}"']
        if end:
            lines.append(f'    end: "{end}"')
        for field in ("title", "text"):
            lines += [f"    {field}:", f'      en: "{event_id} {field} (en)"', f'      fr: "{event_id} {field} (fr)"']
        if panel:
            lines.append(f"    panel: {panel}")
        lines.append("    sources: [src-a]")
    (root / "timeline.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel = root / "panels" / "01-first.yaml"
    panel.write_text(panel.read_text(encoding="utf-8").replace("events: [first-event]", "events: [night-a]"), encoding="utf-8")
    return root


def open_timeline(open_kiosk, pack, qtbot, size=(1600, 900)):
    k = open_kiosk(pack, size)
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.finger.tap(find_item(k.window, "tile_timeline"))
    k.wait_screen(qtbot, "timeline")
    return k


def track_of(k):
    return find_item(k.window, "timelineTrack")


def cluster_with(k, count: int):
    model = k.exhibit.timeline.clusters
    for row in range(model.rowCount()):
        if model.get(row)["count"] == count:
            return find_item(k.window, f"cluster_{row}")
    raise AssertionError(f"no cluster of {count}")


def settled(k, qtbot):
    track, view = track_of(k), find_item(k.window, "timelineView")
    qtbot.waitUntil(lambda: not track.property("moving") and not view.property("zooming"))
    k.wait_frame(qtbot)


def test_pinch_zooms_in_and_out(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    assert timeline.level == 0
    centre = centre_of(track_of(k))
    k.finger.pinch(centre, 200, 700)
    qtbot.waitUntil(lambda: timeline.level >= 1)
    zoomed = timeline.level
    settled(k, qtbot)
    k.finger.pinch(centre, 700, 150)
    qtbot.waitUntil(lambda: timeline.level < zoomed)


def test_double_tap_and_buttons_zoom(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    point = centre_of(track_of(k)) - QPoint(0, 250)  # empty track, away from markers
    k.finger.tap(point)
    k.finger.tap(point)
    qtbot.waitUntil(lambda: timeline.level == 1)
    k.finger.tap(find_item(k.window, "zoomIn"))
    qtbot.waitUntil(lambda: timeline.level == 2)
    k.finger.tap(find_item(k.window, "zoomOut"))
    qtbot.waitUntil(lambda: timeline.level == 1)


def test_flick_moves_through_time(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    for _ in range(3):
        k.finger.tap(find_item(k.window, "zoomIn"))
    qtbot.waitUntil(lambda: timeline.level == 3)
    settled(k, qtbot)
    track = track_of(k)
    before_x, before_day = track.property("contentX"), timeline.centreDay
    middle = centre_of(track) + QPoint(0, 150)
    k.finger.swipe(middle + QPoint(400, 0), middle - QPoint(400, 0))
    settled(k, qtbot)
    assert track.property("contentX") > before_x
    assert timeline.centreDay > before_day  # later in time


def test_tapping_a_cluster_zooms_until_it_separates_then_an_event_opens_its_card(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    biggest = max(range(timeline.clusters.rowCount()), key=lambda r: timeline.clusters.get(r)["count"])
    assert timeline.clusters.get(biggest)["count"] >= 4  # 1992-93 events together at the widest zoom
    k.finger.tap(find_item(k.window, f"cluster_{biggest}"))
    qtbot.waitUntil(lambda: timeline.level > 0)
    settled(k, qtbot)
    # Keep opening until a single event is under the finger.
    for _ in range(10):
        singles = [r for r in range(timeline.clusters.rowCount()) if timeline.clusters.get(r)["count"] == 1]
        visible = [r for r in singles if _on_screen(k, f"cluster_{r}")]
        if visible:
            break
        k.finger.tap(find_item(k.window, "zoomIn"))
        settled(k, qtbot)
    k.finger.tap(find_item(k.window, f"cluster_{visible[0]}"))
    qtbot.waitUntil(lambda: timeline.cardOpen and timeline.selectedIndex >= 0)
    assert find_item(k.window, "timelineCursor").isVisible()
    qtbot.waitUntil(lambda: any("title (en)" in t for t in visible_texts(k.window)))


def _on_screen(k, name):
    try:
        item = find_item(k.window, name)
    except AssertionError:
        return False
    point = centre_of(item)
    return 0 < point.x() < k.window.width() and 0 < point.y() < k.window.height()


def test_events_on_one_day_open_as_a_list_to_choose_from(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    timeline.focus_panel("first-panel")  # frames 26 February 1992 at the closest zoom
    settled(k, qtbot)
    k.finger.tap(cluster_with(k, 3))
    qtbot.waitUntil(lambda: len(timeline.cardEvents) == 3)
    qtbot.waitUntil(lambda: "night-b title (en)" in visible_texts(k.window))
    assert "February 26, 1992" in visible_texts(k.window)


def test_date_shows_at_the_precision_the_data_has(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    campaign = [e.id for e in timeline.events].index("campaign")
    timeline.selectEvent(campaign)
    qtbot.waitUntil(lambda: "May 2008" in visible_texts(k.window))
    k.exhibit.setLanguage("fr")
    qtbot.waitUntil(lambda: "mai 2008" in visible_texts(k.window))  # French writes months in lower case
    war = [e.id for e in timeline.events].index("war")
    timeline.selectEvent(war)
    qtbot.waitUntil(lambda: "27 septembre 2020 – 10 novembre 2020" in visible_texts(k.window))


def test_related_panel_and_back_keeps_the_timeline_as_it_was(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    night = [e.id for e in timeline.events].index("night-a")
    timeline.selectEvent(night)
    k.wait_frame(qtbot)
    level = timeline.level
    k.finger.tap(find_item(k.window, "eventPanelLink"))
    k.wait_screen(qtbot, "story")
    assert k.session.panelIndex == 0
    k.finger.tap(find_item(k.window, "backButton"))
    k.wait_screen(qtbot, "timeline")
    assert (timeline.selectedIndex, timeline.level) == (night, level)
    assert find_item(k.window, "eventCard").isVisible()


def test_entering_from_a_panel_focuses_its_events(open_kiosk, timeline_pack, qtbot):
    k = open_kiosk(timeline_pack, (1600, 900))
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    k.finger.tap(find_item(k.window, "panelTimelineLink_0"))
    k.wait_screen(qtbot, "timeline")
    timeline = k.exhibit.timeline
    assert timeline.level == timeline.levelCount - 1  # one day fills the view at the closest zoom
    assert timeline.events[timeline.selectedIndex].panel == "first-panel"
    assert k.session.backTo == "story"


def test_idle_reset_returns_the_timeline_to_its_start(open_kiosk, timeline_pack, qtbot):
    k = open_timeline(open_kiosk, timeline_pack, qtbot)
    timeline = k.exhibit.timeline
    k.finger.tap(find_item(k.window, "zoomIn"))
    timeline.selectEvent(2)
    qtbot.waitUntil(lambda: timeline.level == 1)
    k.pass_time(91)
    k.pass_time(20)
    k.wait_screen(qtbot, "attract")
    assert (timeline.level, timeline.selectedIndex, timeline.cardOpen) == (0, -1, False)


def _drawn(image, rect, colour, tolerance: int = 40) -> bool:
    """Whether any pixel inside `rect` (scene coordinates) is close to `colour`: it reached the glass."""
    ratio = image.devicePixelRatio()
    left, top = max(0, int(rect.left() * ratio)), max(0, int(rect.top() * ratio))
    right, bottom = min(image.width(), int(rect.right() * ratio) + 1), min(image.height(), int(rect.bottom() * ratio) + 1)
    for y in range(top, bottom):
        for x in range(left, right):
            pixel = image.pixelColor(x, y)
            if max(abs(pixel.red() - colour.red()), abs(pixel.green() - colour.green()),
                   abs(pixel.blue() - colour.blue())) <= tolerance:
                return True
    return False


def _hidden_markers_and_labels(k) -> list[str]:
    """Every marker whose dot, or whose label in its lane, is not on the glass (drawn under something)."""
    image = k.window.grabWindow()
    model = k.exhibit.timeline.clusters
    hidden = []
    for row in range(model.rowCount()):
        cluster = model.get(row)
        marker = find_item(k.window, f"cluster_{row}")
        dot = next(c for c in walk(marker) if c is not marker and c.inherits("QQuickRectangle")
                   and c.width() < marker.width() and c.width() == c.height())
        # The upper half of the dot, above the axis, where the era bands are drawn.
        upper = dot.mapRectToScene(QRectF(dot.width() * 0.4, dot.height() * 0.2, dot.width() * 0.2, dot.height() * 0.2))
        if not _drawn(image, upper, QColor(dot.property("color"))):
            hidden.append(f"the dot of cluster {row} ({cluster['dateText']})")
        if cluster["lane"] < 0:
            continue
        date = next(t for t in walk(marker) if t.inherits("QQuickText") and t.property("text") == cluster["dateText"])
        if not _drawn(image, visible_rect(date), QColor(date.property("color"))):
            hidden.append(f"the label of cluster {row} ({cluster['dateText']}) in lane {cluster['lane']}")
    return hidden


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_every_marker_and_label_is_drawn_over_the_era_bands(open_kiosk, timeline_pack, qtbot, size):
    k = open_timeline(open_kiosk, timeline_pack, qtbot, size)
    settled(k, qtbot)
    model = k.exhibit.timeline.clusters
    lanes = [model.get(r)["lane"] for r in range(model.rowCount())]
    assert max(lanes) >= 1  # a label stacked above another, in an era band: the case that was hidden
    # Waiting on the pixels themselves: the screen fades in before anything is fully drawn.
    qtbot.waitUntil(lambda: _hidden_markers_and_labels(k) == [], timeout=3000)
