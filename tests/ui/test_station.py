"""The running station: new content is picked up at the idle reset and never mid-visit, a pack that
cannot be shown falls back to the last good one, staff can reload, and visits are counted."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from kiosk.content import load_pack
from kiosk.services.config import StationConfig
from kiosk.services.contentstore import ContentStore
from kiosk.services.usage import UsageLog
from tests.packs import edit, write_minimal_pack
from tests.ui.station_harness import open_station  # noqa: F401 - a fixture
from tests.ui.touch import find_item


def installed(tmp_path, pack):
    store = ContentStore(tmp_path / "store")
    store.install(pack, load_pack)
    return store, StationConfig(content_store=store.root, idle_seconds=90, countdown_seconds=20)


def version_2(tmp_path):
    root = write_minimal_pack(tmp_path / "v2")
    edit(root / "exhibit.yaml", "test-exhibit", "test-exhibit-v2")
    return root


def test_new_content_waits_for_the_idle_reset(open_station, qtbot, tmp_path, pack):
    store, config = installed(tmp_path, pack)
    k = open_station(config)
    assert k.station.result.exhibit_id == "test-exhibit"
    k.finger.tap(QPoint(640, 360))
    qtbot.waitUntil(lambda: k.session.screen == "home")
    first_window = k.window
    store.install(version_2(tmp_path), load_pack)
    assert not k.station.pick_up_new_content()  # mid-visit: nothing changes
    k.session.openSection("story")
    qtbot.waitUntil(lambda: k.session.screen == "story")
    assert k.station.result.exhibit_id == "test-exhibit" and k.window is first_window
    k.pass_time(90)
    k.pass_time(20)  # "still there?" unanswered: the visit ends
    qtbot.waitUntil(lambda: k.station.result.exhibit_id == "test-exhibit-v2")
    assert k.window is not first_window and k.session.screen == "attract"
    k.wait_frame(qtbot)


def test_an_unchanged_store_keeps_the_window_between_visits(open_station, qtbot, tmp_path, pack):
    _, config = installed(tmp_path, pack)
    k = open_station(config)
    window = k.window
    k.session.start()
    k.session.reset()
    qtbot.waitUntil(lambda: k.session.screen == "attract")
    assert not k.station.pick_up_new_content() and k.window is window


def test_a_damaged_current_pack_falls_back_to_the_last_good_one(open_station, tmp_path, pack):
    store, config = installed(tmp_path, pack)
    newer = store.install(version_2(tmp_path), load_pack)
    (newer.path / "exhibit.yaml").write_text("id: [cut off by a power failure\n", encoding="utf-8")
    k = open_station(config)
    assert k.station.result.exhibit_id == "test-exhibit"
    assert k.station.kiosk.exhibit is not None  # the exhibit, not the "unavailable" notice


def test_staff_reload_shows_a_newly_installed_pack_at_once(open_station, qtbot, tmp_path, pack):
    store, config = installed(tmp_path, pack)
    k = open_station(config)
    store.install(version_2(tmp_path), load_pack)
    k.staff.open()
    k.staff.digit("2"), k.staff.digit("4"), k.staff.digit("6"), k.staff.digit("8")
    k.staff.submit()
    assert k.staff.stage == "menu"
    k.staff.reloadContent()
    qtbot.waitUntil(lambda: k.station.result.exhibit_id == "test-exhibit-v2")
    assert k.staff.stage == ""
    k.wait_frame(qtbot)


def test_station_languages_and_idle_timing_come_from_the_config(open_station, qtbot, pack):
    k = open_station(StationConfig(default_language="fr", languages_offered=("fr",), idle_seconds=30), content=pack)
    exhibit = k.station.kiosk.exhibit
    assert exhibit.language == "fr" and [lang["code"] for lang in exhibit.languages] == ["fr"]
    assert k.station.kiosk.idle.idle_seconds == 30


def test_visits_are_recorded_from_the_session_signals(open_station, qtbot, tmp_path, pack):
    usage = UsageLog(tmp_path / "usage.sqlite")
    k = open_station(content=pack, usage=usage)
    k.finger.tap(QPoint(640, 360))
    qtbot.waitUntil(lambda: k.session.screen == "home")
    k.pass_time(5)
    k.station.kiosk.exhibit.setLanguage("fr")
    k.session.openSection("story")
    k.pass_time(90)  # no touch since the tap: "still there?"
    k.pass_time(20)  # unanswered: the idle timeout ends the visit
    qtbot.waitUntil(lambda: k.session.screen == "attract")
    rows = [(kind, screen, language, seconds) for _, _, kind, screen, language, seconds in usage.rows()]
    assert rows == [
        ("visit_start", "", "en", 0.0),
        ("language", "", "fr", 0.0),
        ("screen", "home", "", 5.0),
        ("screen", "story", "", 110.0),
        ("visit_end", "", "fr", 115.0),
        ("idle_reset", "", "", 0.0),
    ]
    usage.close()


def test_a_failed_graphics_context_is_remembered_and_the_next_start_uses_software(
    open_station, tmp_path, pack, monkeypatch
):
    from PySide6.QtQuick import QQuickWindow

    from kiosk.ui.app import choose_renderer

    logs = tmp_path / "logs"
    logs.mkdir()
    assert choose_renderer("opengl", logs) == "opengl" and choose_renderer("auto", logs) == "software"
    codes = []
    monkeypatch.setattr("kiosk.ui.station.QCoreApplication.exit", codes.append)
    k = open_station(StationConfig(renderer="opengl", log_folder=logs), content=pack)
    k.window.sceneGraphError.emit(QQuickWindow.SceneGraphError.ContextNotAvailable, "no OpenGL 2.0 context")
    assert codes == [7]  # exitcodes.RENDERER_FAILED: the supervisor restarts the kiosk
    assert "no OpenGL 2.0 context" in (logs / "renderer-failed").read_text(encoding="utf-8")
    assert choose_renderer("opengl", logs) == "software"
    assert any("delete" in line and "renderer-failed" in line for line in k.station.diagnostics())


def test_a_pack_whose_interface_fails_to_build_falls_back_too(open_station, tmp_path, pack, monkeypatch):
    """A pack that validates but breaks the interface when loaded (the QML refuses it) is skipped."""
    import kiosk.ui.station as station_module

    store, config = installed(tmp_path, pack)
    newer = store.install(version_2(tmp_path), load_pack)
    real_window = station_module.KioskWindow

    def failing_for_the_new_pack(result, *args, **kwargs):
        if result.root == newer.path:
            raise RuntimeError("the interface could not be loaded")
        return real_window(result, *args, **kwargs)

    monkeypatch.setattr(station_module, "KioskWindow", failing_for_the_new_pack)
    k = open_station(config)
    assert k.station.result.exhibit_id == "test-exhibit" and k.station.kiosk.exhibit is not None


def test_the_unavailable_notice_gives_way_once_the_pack_is_fixed(open_station, qtbot, pack):
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    k = open_station(content=pack)
    assert k.station.result.pack is None and k.station.kiosk.exhibit is None  # the calm notice
    assert not k.station.retry_unavailable()  # still broken: the notice stays, no new window
    edit(pack / "recognitions.yaml", "place: XY", "place: MX")  # staff fix the folder
    assert k.station.retry_unavailable()
    assert k.station.kiosk.exhibit is not None and k.station.result.exhibit_id == "test-exhibit"
    k.wait_frame(qtbot)


def test_a_remembered_pack_shows_the_attract_screen_before_reading_its_timeline_and_map(open_station, qtbot, pack):
    open_station(content=pack)  # the terminal's first start validates the pack and remembers it
    k = open_station(content=pack)
    shown = k.station.result.pack
    assert k.session.screen == "attract"
    assert "_pickled" in vars(shown.timeline) and "_pickled" in vars(shown.recognitions)  # not needed yet

    k.session.start()
    k.session.openSection("timeline")
    qtbot.waitUntil(lambda: find_item(k.window, "cluster_0") is not None and find_item(k.window, "cluster_0").isVisible())
    k.session.openSection("map")
    qtbot.waitUntil(lambda: find_item(k.window, "shape_MX") is not None and find_item(k.window, "shape_MX").isVisible())
    assert "_pickled" not in vars(shown.timeline) and "_pickled" not in vars(shown.recognitions)
