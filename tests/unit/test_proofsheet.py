"""The curator's report, without rendering: what a curator reads at a desk to sign the exhibit off."""

import re

from kiosk.content import load_pack
from kiosk.services.proofsheet import ProofSheet
from tests.packs import edit


def _fact(html: str, fact_id: str) -> str:
    found = re.search(rf"<div class='fact[^']*' id='{fact_id}'>(.*?)(?=<div class='fact|<h[34])", html, re.S)
    assert found, fact_id
    return found.group(1)


def test_organisation_membership_is_reported_with_its_sources(pack):
    edit(pack / "recognitions.yaml", "    members: [MX, PK]", "    members: [MX, PK]\n    sources: [src-a]")
    html = ProofSheet(load_pack(pack)).html()
    fact = _fact(html, "organisation-org")
    assert "Org (en)" in fact and "members: MX, PK" in fact
    assert "A report" in fact and "https://example.org/a" in fact
    assert "no source for the membership" not in fact


def test_membership_without_a_source_is_pointed_out(pack):
    html = ProofSheet(load_pack(pack)).html()
    assert "no source for the membership" in _fact(html, "organisation-org")


def test_findings_in_the_report_say_which_entry_they_concern(pack):
    edit(pack / "recognitions.yaml", '    date: "2012-02-01"\n', "    confidence: low\n")
    html = ProofSheet(load_pack(pack)).html()
    findings = html.split("Validator findings", 1)[1]
    assert "this entry (`pk-2012`) is shown to visitors, but its confidence is low" in findings
    assert "this entry (`pk-2012`) has no date" in findings


def test_each_disagreement_says_which_fact_it_concerns(pack):
    edit(pack / "recognitions.yaml", "    sources: [src-b]", '    sources: [src-b]\n    disputes:\n      - "C dates it 2011-12-20"')
    edit(pack / "panels" / "01-first.yaml", "    counts: countries", '    counts: countries\n    disputes:\n      - "D says 3"')
    html = ProofSheet(load_pack(pack)).html()
    section = html.split("Where sources disagree (2)", 1)[1].split("</ul>", 1)[0]
    assert "entry (`mx-2011`): C dates it 2011-12-20" in section
    assert "figure (`2`): D says 3" in section
