"""A staff member edits the pack while a preview window shows it: the edit appears where they were
looking, and a broken edit leaves the last good content on screen with its problems listed."""

from __future__ import annotations

from tests.packs import edit, write_minimal_pack
from tests.ui.screen_text import visible_texts
from tests.ui.station_harness import open_station  # noqa: F401 - the fixture
from tests.ui.touch import find_item


def test_a_saved_sentence_appears_on_the_screen_the_staff_member_was_on(open_station, tmp_path, qtbot):
    pack = write_minimal_pack(tmp_path / "pack")
    s = open_station(content=pack)
    preview = s.station.watch_for_edits(interval_ms=60_000)  # the test calls check() itself
    s.session.start()
    s.station.kiosk.exhibit.setLanguage("fr")
    s.session.showPanel(0)
    qtbot.waitUntil(lambda: "A paragraph (fr)" in visible_texts(s.window))

    assert not preview.check()  # nothing saved yet: nothing reloaded
    edit(pack / "panels" / "01-first.yaml", '"A paragraph (fr)"', '"Un paragraphe corrigé (fr)"')
    assert preview.check()
    s.wait_frame(qtbot)
    qtbot.waitUntil(lambda: "Un paragraphe corrigé (fr)" in visible_texts(s.window))
    assert (s.session.screen, s.station.kiosk.exhibit.language) == ("story", "fr")


def test_a_broken_edit_keeps_the_last_good_content_and_lists_the_problem(open_station, tmp_path, qtbot):
    pack = write_minimal_pack(tmp_path / "pack")
    s = open_station(content=pack)
    preview = s.station.watch_for_edits(interval_ms=60_000)
    s.session.start()
    s.session.showPanel(0)
    window = s.window
    edit(pack / "panels" / "01-first.yaml", '"A paragraph (fr)"', '"A paragraph (fr)')  # a quote left open
    assert preview.check()
    assert s.window is window  # the same window, the same content
    banner = find_item(s.window, "previewProblems")
    problems = s.window.property("previewProblems")
    assert banner.isVisible() and problems and problems[0].startswith("panels/01-first.yaml:")
    assert any(p in visible_texts(s.window) for p in problems)
    assert "A paragraph (en)" in visible_texts(s.window)

    edit(pack / "panels" / "01-first.yaml", '"A paragraph (fr)', '"A paragraph (fr)"')
    assert preview.check()
    s.wait_frame(qtbot)
    assert s.window.property("previewProblems") == []
