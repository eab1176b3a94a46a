"""The list models QML reads, checked by Qt's model tester and for their language behaviour."""

import pytest

from kiosk.content import load_pack
from kiosk.geo.asset import load_map_asset
from kiosk.resources import asset_path
from kiosk.ui.exhibit import ExhibitViewModel
from kiosk.ui.session import IdleSession, ManualClock, ManualTicker


@pytest.fixture
def exhibit(pack, qapp):
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    return ExhibitViewModel(load_pack(pack).pack, places, IdleSession(clock=ManualClock(), ticker=ManualTicker()))


@pytest.mark.parametrize("name", ["panels", "events", "sources", "panelSources", "recognitions"])
def test_models_pass_the_model_tester(exhibit, qtmodeltester, name):
    qtmodeltester.check(getattr(exhibit, name), force_py=True)


def test_switching_language_reports_every_row_changed(exhibit, qtbot):
    model = exhibit.panels
    with qtbot.waitSignal(model.dataChanged) as blocker:
        exhibit.setLanguage("fr")
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (0, model.rowCount() - 1)
    assert model.get(0)["title"] == "First panel (fr)"
    assert exhibit.strings.value("home") == "Home [fr]"


def test_unknown_language_is_ignored(exhibit):
    exhibit.setLanguage("xx")
    assert exhibit.language == "en"


def test_recognitions_show_dates_with_their_kind_in_the_visitors_language(exhibit):
    row = exhibit.recognitions.get(0)
    assert row["place"] == "Mexico"
    assert row["dateText"] == "Adopted {date} [en]".replace("{date}", "December 8, 2011")
    exhibit.setLanguage("fr")
    assert exhibit.recognitions.get(0)["dateText"] == "Adopted {date} [fr]".replace("{date}", "8 décembre 2011")


def test_panel_sources_follow_the_current_panel(exhibit):
    titles = {exhibit.panelSources.get(i)["title"] for i in range(exhibit.panelSources.rowCount())}
    assert titles == {"A report", "A news item"}
