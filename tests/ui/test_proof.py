"""`kiosk proof`: every screen in every language, a sheet that marks what changed, and a full report."""

import re

import pytest
from PySide6.QtCore import QSize

from kiosk.content import load_pack
from kiosk.ui.proof import render_proof
from tests.packs import edit

SIZE = [QSize(800, 450)]
EXPECTED = {
    "attract", "home", "panel 1", "panel 1 sources", "timeline", "timeline zoom 2", "timeline zoom 3",
    "timeline event card", "timeline focused on panel 1", "timeline list", "map", "map 2011", "map card MX",
    "map card PK", "map list", "sources", "idle countdown",
}
IN_ACCESSIBILITY_MODE = {
    f"{screen} (accessibility mode)" for screen in (
        "home", "panel 1", "panel 1 sources", "timeline", "timeline zoom 2", "timeline event card", "map",
        "map card MX", "sources", "idle countdown",
    )
}


@pytest.fixture
def first_proof(pack, tmp_path, qapp):
    out = tmp_path / "proof-1"
    sheet = render_proof(load_pack(pack), None, out, SIZE, say=lambda _: None)
    return out, sheet


def test_proof_covers_every_screen_in_every_language(first_proof):
    out, sheet = first_proof
    for language in ("en", "fr"):
        screens = {shot.screen for shot in sheet.shots if shot.language == language}
        assert EXPECTED | IN_ACCESSIBILITY_MODE <= screens, (EXPECTED | IN_ACCESSIBILITY_MODE) - screens
    assert all((out / shot.file).is_file() for shot in sheet.shots)
    assert sheet.empty == []
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"src='{shot.file}'" in index for shot in sheet.shots)


def test_same_pack_same_images(first_proof, pack, tmp_path):
    _, first = first_proof
    second = render_proof(load_pack(pack), None, tmp_path / "proof-2", SIZE, compare=tmp_path / "proof-1", say=lambda _: None)
    assert [shot.screen for shot in second.shots if shot.changed] == []


def test_a_changed_string_marks_exactly_the_screens_that_show_it(first_proof, pack, tmp_path):
    edit(pack / "panels" / "01-first.yaml", '"A paragraph (fr)"', '"Un autre paragraphe (fr)"')
    second = render_proof(load_pack(pack), None, tmp_path / "proof-2", SIZE, compare=tmp_path / "proof-1", say=lambda _: None)
    changed = {(shot.screen, shot.language) for shot in second.shots if shot.changed}
    # The panel itself, and the same panel dimmed behind its sources drawer, in both modes.
    assert changed == {
        ("panel 1", "fr"), ("panel 1 sources", "fr"),
        ("panel 1 (accessibility mode)", "fr"), ("panel 1 sources (accessibility mode)", "fr"),
    }
    index = (tmp_path / "proof-2" / "index.html").read_text(encoding="utf-8")
    assert index.count("<span class='changed'>changed</span></figcaption>") == 4


def test_the_report_lists_every_fact_with_its_sources(first_proof, pack):
    out, _ = first_proof
    index = (out / "index.html").read_text(encoding="utf-8")
    model = load_pack(pack).pack
    facts = re.findall(r"<div class='fact[^']*' id='([^']+)'>(.*?)(?=<div class='fact|<h[34])", index, re.S)
    found = dict(facts)
    for event in model.timeline.events:
        assert all(model.sources[s].title in found[f"event-{event.id}"] for s in event.sources)
    for entry in model.recognitions.entries:
        assert all(model.sources[s].title in found[f"entry-{entry.id}"] for s in entry.sources)
    for panel in model.panels:
        assert all(model.sources[s].title in found[f"panel-{panel.id}"] for s in panel.sources)
    assert model.content_hash in index
    assert "Stated and computed counts" in index and "agrees" in index
    assert "Translations (reviewed / draft / missing)" in index
