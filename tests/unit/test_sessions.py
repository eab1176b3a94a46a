"""Navigation and idle rules, without a window: what the visitor's screen follows."""

import pytest

from kiosk.ui.session import IdleSession, ManualClock, ManualTicker, VisitorSession


@pytest.fixture
def session(qapp):
    return VisitorSession(panel_count=3, sections=("story", "timeline", "sources"))


def test_a_visit_starts_only_from_the_attract_screen(session):
    session.openSection("timeline")
    assert session.screen == "attract"
    session.start()
    assert session.screen == "home"


def test_sections_not_in_the_pack_cannot_be_opened(session):
    session.start()
    session.openSection("map")
    assert session.screen == "home"


def test_panel_navigation_is_clamped_at_both_ends(session):
    session.start()
    session.showPanel(99)
    assert (session.screen, session.panelIndex) == ("story", 2)
    session.nextPanel()
    assert session.panelIndex == 2
    session.showPanel(-5)
    session.previousPanel()
    assert session.panelIndex == 0


def test_leaving_a_screen_closes_the_sources_drawer(session):
    session.start()
    session.showPanel(1)
    session.setSourcesOpen(True)
    session.goHome()
    assert not session.sourcesOpen


def test_reset_forgets_the_visit(session, qtbot):
    session.start()
    session.showPanel(2)
    session.setSourcesOpen(True)
    with qtbot.waitSignal(session.visitEnded):
        session.reset()
    assert (session.screen, session.panelIndex, session.sourcesOpen) == ("attract", 0, False)


@pytest.fixture
def idle(qapp):
    clock, ticker = ManualClock(), ManualTicker()
    idle = IdleSession(idle_seconds=90, countdown_seconds=20, clock=clock, ticker=ticker)
    idle.set_active(True)
    return idle, clock, ticker


def step(idle_parts, seconds):
    idle, clock, ticker = idle_parts
    clock.advance(seconds)
    ticker.timeout.emit()
    return idle


def test_countdown_counts_whole_seconds_then_times_out(idle, qtbot):
    session = step(idle, 90.5)
    assert session.warning and session.secondsLeft == 20
    step(idle, 10)
    assert session.secondsLeft == 10
    with qtbot.waitSignal(session.timedOut):
        step(idle, 10)
    assert not session.warning


def test_activity_cancels_the_countdown(idle):
    session = step(idle, 95)
    session.activity()
    assert not session.warning
    step(idle, 89)
    assert not session.warning


def test_no_idle_time_counts_on_the_attract_screen(idle, qtbot):
    session, clock, ticker = idle
    session.set_active(False)
    with qtbot.assertNotEmitted(session.timedOut):
        step(idle, 10_000)


def test_changing_panel_closes_the_sources_drawer(session):
    session.start()
    session.showPanel(0)
    session.setSourcesOpen(True)
    session.nextPanel()
    assert not session.sourcesOpen


@pytest.fixture
def memorial(qapp):
    return VisitorSession(panel_count=4, sections=("story",), distressing=(False, True, True, False))


def test_a_distressing_panel_is_preceded_by_a_notice_until_the_visitor_reads_on(memorial):
    memorial.start()
    memorial.showPanel(0)
    assert not memorial.noticeShown
    memorial.nextPanel()
    assert memorial.noticeShown
    memorial.acceptNotice()
    assert not memorial.noticeShown
    memorial.nextPanel()  # another distressing panel in the same visit: no second notice
    assert not memorial.noticeShown
    memorial.reset()
    memorial.start()
    memorial.showPanel(2)
    assert memorial.noticeShown  # a new visit asks again


def test_skipping_leads_past_every_distressing_panel(memorial):
    memorial.start()
    memorial.showPanel(1)
    memorial.skipNotice()
    assert (memorial.screen, memorial.panelIndex, memorial.noticeShown) == ("story", 3, False)
    memorial.showPanel(2)
    memorial.showPanel(2)
    memorial.goHome()
    memorial.showPanel(2)
    memorial.skipNotice()
    assert memorial.panelIndex == 3


def test_accessibility_mode_is_part_of_the_visit_and_the_next_visitor_starts_without_it(session, qtbot):
    session.setAccessible(True)
    assert not session.accessible  # nothing to switch on the attract screen: a stray touch there starts a visit
    session.start()
    with qtbot.waitSignal(session.accessibleChanged):
        session.setAccessible(True)
    assert session.accessible
    session.reset()
    assert not session.accessible


def test_accessibility_mode_gives_more_time_before_asking(idle):
    session = idle[0]
    session.set_patience(2.0)
    step(idle, 179)
    assert not session.warning
    step(idle, 1.5)
    assert session.warning and session.secondsLeft == 20
    session.set_patience(1.0)  # back to the usual time, and the question is not sprung at once
    assert not session.warning
    step(idle, 89)
    assert not session.warning


def test_accessibility_options_refuse_a_reach_zone_with_no_room_left():
    from kiosk.ui.accessibility import AccessibilityOptions

    assert AccessibilityOptions(reach_zone=0.6).reach_zone == 0.6
    with pytest.raises(ValueError, match="reach_zone"):
        AccessibilityOptions(reach_zone=0.1)
    with pytest.raises(ValueError, match="patience"):
        AccessibilityOptions(patience=0.5)


def test_the_screens_made_ahead_are_those_a_visitor_can_open_next(session):
    assert session.readyAhead == ["home"]  # the attract screen: a touch leads home
    session.start()
    assert session.readyAhead == ["story", "timeline"]  # this exhibit has no map
    session.openSection("timeline")
    assert session.readyAhead == []  # nothing hidden elsewhere: a language change stays quick
