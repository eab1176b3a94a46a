"""The exhibit that ships with the kiosk: it validates, and the map's counts agree with the museum's text."""

import re

import pytest

from kiosk.content import load_pack
from kiosk.layout.recognition import counts_as_of
from kiosk.resources import bundled_content


@pytest.fixture(scope="module")
def bundled():
    return load_pack(bundled_content())


def test_the_bundled_exhibit_validates(bundled):
    assert [str(p) for p in bundled.errors] == []
    assert bundled.pack is not None


def test_counts_computed_from_the_data_match_the_museums_text(bundled):
    pack = bundled.pack
    text = " ".join(p.get("en") for panel in pack.panels for p in panel.body)
    stated = re.search(r"(\d+) countries around the world, (\d+) states in the USA", text)
    assert stated, "the museum's sentence about recognitions is in the panels"
    counts = counts_as_of(pack.recognitions.entries, [g.id for g in pack.recognitions.groups], None)
    assert (counts["countries"], counts["us-states"], counts["organisations"]) == (
        int(stated.group(1)), int(stated.group(2)), 1,
    )


def test_every_fact_shown_to_visitors_has_a_source(bundled):
    pack = bundled.pack
    facts = [*pack.panels, *pack.timeline.events, *pack.recognitions.shown()]
    facts += [figure for panel in pack.panels for figure in panel.figures]
    assert all(fact.sources for fact in facts)
    assert all(source in pack.sources for fact in facts for source in fact.sources)


def test_disagreements_between_sources_stay_visible_to_staff(bundled):
    disputes = [p for p in bundled.warnings if "sources disagree" in p.message]
    assert any("132" in p.message and "130" in p.message for p in disputes)
    assert len(disputes) >= 50
