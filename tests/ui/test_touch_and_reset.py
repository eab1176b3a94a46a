"""Touch as visitors really use it: slow presses, taps on a dimmed backdrop, swipes on the attract screen,
a swipe that starts on a link, rapid navigation; and a scrolled panel forgotten when a visit ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.ui.audit import count_items, screens_settled
from tests.packs import write_minimal_pack
from tests.ui.screen_text import visible_texts
from tests.ui.test_timeline import timeline_pack  # noqa: F401 - the timeline fixture
from tests.ui.touch import centre_of, find_item

PARAGRAPH = ('  - en: "Paragraph {n}: ' + "words to read slowly " * 12 + '(en)"\n'
             '    fr: "Paragraph {n}: ' + "des mots a lire lentement " * 12 + '(fr)"\n')


@pytest.fixture
def long_pack(tmp_path):
    """Two panels, each far taller than the screen."""
    root = write_minimal_pack(tmp_path / "pack")
    panel = root / "panels" / "01-first.yaml"
    text = panel.read_text(encoding="utf-8")
    extra = "".join(PARAGRAPH.format(n=n) for n in range(12))
    text = text.replace('    fr: "A paragraph (fr)"\n', '    fr: "A paragraph (fr)"\n' + extra, 1)
    panel.write_text(text, encoding="utf-8")
    second = text.replace("first-panel", "second-panel").replace("First panel", "Second panel")
    (root / "panels" / "02-second.yaml").write_text(second.replace("    counts: countries\n", ""), encoding="utf-8")
    return root


def current_page(k):
    return find_item(k.window, "panelPages").property("currentItem")


def at_rest(item, qtbot):
    qtbot.waitUntil(lambda: not item.property("moving"), timeout=10000)


def inside(root, name: str):
    pending = [root]
    while pending:
        item = pending.pop()
        if item.objectName() == name:
            return item
        pending.extend(item.childItems())
    raise AssertionError(f"no {name!r} on this page")


def test_a_scrolled_panel_starts_at_the_top_after_an_idle_reset(open_kiosk, long_pack, qtbot):
    k = open_kiosk(long_pack, (1280, 720))
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    page = current_page(k)
    assert page.property("contentHeight") > 2 * page.height()
    middle = centre_of(find_item(k.window, "panelPages"))
    k.finger.swipe(middle + QPoint(0, 200), middle - QPoint(0, 200))
    at_rest(page, qtbot)
    assert page.property("contentY") > 100

    k.pass_time(91)
    k.pass_time(20)
    k.wait_screen(qtbot, "attract")
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    assert abs(current_page(k).property("contentY")) < 1


def test_a_swipe_that_starts_on_a_link_turns_the_page_without_following_it(open_kiosk, pack, qtbot):
    first = pack / "panels" / "01-first.yaml"
    second = first.read_text(encoding="utf-8").replace("first-panel", "second-panel").replace("First panel", "Second panel")
    (pack / "panels" / "02-second.yaml").write_text(second.replace("    counts: countries\n", ""), encoding="utf-8")
    k = open_kiosk(pack, (1280, 720))
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    pages = find_item(k.window, "panelPages")
    link = inside(current_page(k), "panelTimelineLink_0")
    start = centre_of(link)
    assert 0 < start.y() < k.window.height()  # the link is on the glass
    k.finger.swipe(start + QPoint(100, 0), start - QPoint(500, 0))
    at_rest(pages, qtbot)
    qtbot.waitUntil(lambda: k.session.panelIndex == 1)
    assert k.session.screen == "story"


@pytest.mark.parametrize("last", ["home", "story", "timeline", "map"])
def test_a_visit_can_end_while_screens_are_made_ahead_or_left_behind(open_kiosk, pack, qtbot, last):
    """The end of a visit resets the map's and the timeline's models: screens made ahead, and the one
    just left, must be gone or intact by then (a reset reaching a half-destroyed map view crashed Qt)."""
    k = open_kiosk(pack, (1280, 720))
    for _ in range(3):
        k.session.start()
        k.wait_screen(qtbot, "home")
        qtbot.waitUntil(lambda: screens_settled(k.window))  # the sections are made ahead
        if last != "home":
            k.session.openSection(last) if last != "story" else k.session.showPanel(0)
            k.wait_screen(qtbot, last)
            k.session.goHome()  # the section waits to be tidied away: the visit ends meanwhile
            k.wait_screen(qtbot, "home")
        k.session.reset()
        k.wait_screen(qtbot, "attract")
        qtbot.waitUntil(lambda: screens_settled(k.window))


def test_rapid_navigation_leaves_no_screens_behind(open_kiosk, long_pack, qtbot):
    k = open_kiosk(long_pack, (1280, 720))
    k.session.start()
    k.wait_screen(qtbot, "home")
    qtbot.waitUntil(lambda: screens_settled(k.window))  # the sections made ahead are there too
    before = count_items(k.window)
    for _ in range(20):
        k.finger.tap(find_item(k.window, "tile_story"))
        qtbot.wait(5)  # lands inside the fade-in
        k.finger.tap(find_item(k.window, "nextButton"))
        k.finger.tap(find_item(k.window, "homeButton"))
        k.wait_screen(qtbot, "home")
    # Back to the first panel, as at the start: the story screen made ahead shows it, so its page
    # items match the first count only if nothing else was left behind.
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    k.session.goHome()
    k.wait_screen(qtbot, "home")
    qtbot.waitUntil(lambda: screens_settled(k.window) and count_items(k.window) == before)


def test_previous_and_next_buttons_step_through_the_events(open_kiosk, timeline_pack, qtbot):
    k = open_kiosk(timeline_pack, (1600, 900))
    k.session.start()
    k.wait_screen(qtbot, "home")
    k.finger.tap(find_item(k.window, "tile_timeline"))
    k.wait_screen(qtbot, "timeline")
    timeline = k.exhibit.timeline
    ids = [e.id for e in timeline.events]
    k.finger.tap(find_item(k.window, "nextEvent"))  # nothing selected: the first event after the centre
    qtbot.waitUntil(lambda: timeline.cardOpen and timeline.selectedIndex >= 0)
    first = timeline.selectedIndex
    assert timeline.events[first].date.year >= 2005  # the view opens on 1988-2023, centred near 2005
    k.finger.tap(find_item(k.window, "previousEvent"))
    qtbot.waitUntil(lambda: timeline.selectedIndex == first - 1)
    qtbot.waitUntil(lambda: f"{ids[first - 1]} title (en)" in visible_texts(k.window))
    k.finger.tap(find_item(k.window, "nextEvent"))
    qtbot.waitUntil(lambda: timeline.selectedIndex == first)
    qtbot.waitUntil(lambda: f"{ids[first]} title (en)" in visible_texts(k.window))
    assert find_item(k.window, "timelineCursor").isVisible()


def test_a_slow_press_is_still_a_press(open_kiosk, long_pack, qtbot):
    k = open_kiosk(long_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    button = centre_of(find_item(k.window, "nextButton"))
    k.finger.press(button)
    qtbot.wait(1200)  # the finger rests on the button for over a second: this is the behaviour under test
    k.finger.release(button)
    qtbot.waitUntil(lambda: k.session.panelIndex == 1)


def test_a_tap_on_the_dimmed_countdown_keeps_the_visit_and_presses_nothing_beneath(open_kiosk, long_pack, qtbot):
    k = open_kiosk(long_pack)
    k.session.start()
    k.wait_screen(qtbot, "home")
    tile = centre_of(find_item(k.window, "tile_timeline"))
    k.pass_time(91)
    qtbot.waitUntil(lambda: find_item(k.window, "countdown").isVisible())
    k.finger.tap(tile)
    qtbot.waitUntil(lambda: not k.idle.warning)
    k.wait_frame(qtbot)
    assert k.session.screen == "home"


def test_a_tap_beside_the_sources_drawer_closes_it_and_presses_nothing_beneath(open_kiosk, long_pack, qtbot):
    k = open_kiosk(long_pack)
    k.session.start()
    k.session.showPanel(0)
    k.wait_screen(qtbot, "story")
    home = centre_of(find_item(k.window, "homeButton"))
    k.session.setSourcesOpen(True)
    sheet = find_item(k.window, "sourcesSheet")
    qtbot.waitUntil(lambda: sheet.x() + sheet.width() <= k.window.width() + 0.5)
    k.finger.tap(home)
    qtbot.waitUntil(lambda: not k.session.sourcesOpen)
    k.wait_frame(qtbot)
    assert k.session.screen == "story"


@pytest.mark.parametrize("gesture", ["swipe", "long press"])
def test_any_touch_on_the_attract_screen_begins_a_visit(open_kiosk, long_pack, qtbot, gesture):
    k = open_kiosk(long_pack)
    middle = QPoint(k.window.width() // 2, k.window.height() // 2)
    if gesture == "swipe":
        k.finger.swipe(middle, middle + QPoint(-400, 0))
    else:
        k.finger.press(middle)
        qtbot.wait(1200)  # a visitor resting a hand on the screen
        k.finger.release(middle)
    k.wait_screen(qtbot, "home")
