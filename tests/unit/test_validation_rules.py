"""Each class of mistake staff can make gives an error at the right file, line and column."""

import os
from pathlib import Path

import pytest

from kiosk.content import Severity, load_pack
from tests.packs import edit, line_of, png_bytes


def problems(pack: Path, severity=Severity.ERROR) -> list[str]:
    return [str(p) for p in load_pack(pack).problems if p.severity is severity]


def only_error(pack: Path) -> str:
    errors = problems(pack)
    assert len(errors) == 1, errors
    return errors[0]


def test_minimal_pack_is_valid(pack):
    result = load_pack(pack)
    assert result.errors == []
    assert result.pack is not None
    assert result.pack.panels[0].title.get("fr") == "First panel (fr)"


def test_unknown_key_suggests_the_right_one(pack):
    panel = pack / "panels" / "01-first.yaml"
    edit(panel, "    caption:", "    captoin:")
    line = line_of(panel, "captoin")
    errors = problems(pack)
    assert f"panels/01-first.yaml:{line}:5: error: `captoin` is not a known field of an image (did you mean `caption`?)" in errors
    assert any("an image needs `caption`" in e for e in errors)


def test_missing_required_key(pack):
    panel = pack / "panels" / "01-first.yaml"
    edit(panel, "sources: [src-a, src-b]\n", "")
    assert only_error(pack).startswith("panels/01-first.yaml:1:1: error: a panel needs `sources`")


def test_wrong_type(pack):
    panel = pack / "panels" / "01-first.yaml"
    edit(panel, "events: [first-event]", "events: first-event")
    line = line_of(panel, "events:")
    assert only_error(pack).startswith(f"panels/01-first.yaml:{line}:9: error: expected a list")


def test_plain_text_instead_of_languages_gets_an_example(pack):
    edit(pack / "panels" / "01-first.yaml", 'title:\n  en: "First panel (en)"\n  fr: "First panel (fr)"', 'title: "First"')
    assert only_error(pack) == (
        'panels/01-first.yaml:2:8: error: expected text for each language, found `First` '
        '(write it on its own line as `en: "First"`)'
    )


def test_duplicate_key(pack):
    edit(pack / "sources.yaml", '    kind: news\n', '    kind: news\n    kind: blog\n')
    line = line_of(pack / "sources.yaml", "kind: blog")
    assert only_error(pack).startswith(f"sources.yaml:{line}:5: error: `kind` appears twice")


def test_duplicate_id_across_files(pack):
    second = pack / "panels" / "02-second.yaml"
    second.write_text((pack / "panels" / "01-first.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert only_error(pack).startswith(
        "panels/02-second.yaml:1:5: error: another panel already has the id `first-panel` (panels/01-first.yaml:1:5)"
    )


@pytest.mark.parametrize(
    "file,old,new,message",
    [
        ("panels/01-first.yaml", "events: [first-event]", "events: [frist-event]",
         "there is no event with the id `frist-event` in timeline.yaml (did you mean `first-event`?)"),
        ("timeline.yaml", "panel: first-panel", "panel: last-panel", "there is no panel with the id `last-panel`"),
        ("timeline.yaml", "sources: [src-a]", "sources: [src-z]", "there is no source with the id `src-z`"),
        ("recognitions.yaml", "group: countries", "group: states", "there is no group with the id `states`"),
    ],
)
def test_dangling_references(pack, file, old, new, message):
    edit(pack / file, old, new)
    line = line_of(pack / file, new)
    assert any(e.startswith(f"{file}:{line}:") and message in e for e in problems(pack))


def test_unknown_country_code(pack):
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    line = line_of(pack / "recognitions.yaml", "place: XY")
    assert only_error(pack).startswith(f"recognitions.yaml:{line}:12: error: `XY` is not a country code the map knows")


def test_kind_and_code_must_agree(pack):
    edit(pack / "recognitions.yaml", "place: MX", "place: US-TX")
    assert "a country needs a two-letter ISO 3166-1 country code" in only_error(pack)


def test_missing_image(pack):
    os.remove(pack / "images" / "photo.png")
    (pack / "images" / "photo.jpg").write_bytes(b"")
    line = line_of(pack / "panels" / "01-first.yaml", "file:")
    assert only_error(pack) == (
        f"panels/01-first.yaml:{line}:11: error: the image `images/photo.png` does not exist (did you mean `photo.jpg`?)"
    )


def test_image_outside_the_pack(pack):
    (pack.parent / "secret.png").write_bytes(png_bytes())
    edit(pack / "panels" / "01-first.yaml", "file: images/photo.png", "file: images/../../secret.png")
    assert "points outside the content folder" in only_error(pack)


def test_image_link_leading_outside_the_pack(pack):
    (pack.parent / "secret.png").write_bytes(png_bytes())
    os.remove(pack / "images" / "photo.png")
    os.symlink(pack.parent / "secret.png", pack / "images" / "photo.png")
    assert "points outside the content folder" in only_error(pack)


def test_yaml_file_linked_from_outside_is_refused(pack):
    outside = pack.parent / "elsewhere.yaml"
    outside.write_text((pack / "panels" / "01-first.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.remove(pack / "panels" / "01-first.yaml")
    os.symlink(outside, pack / "panels" / "01-first.yaml")
    assert any("outside the content folder" in e for e in problems(pack))


def test_not_an_image(pack):
    (pack / "images" / "photo.png").write_text("not an image")
    assert "cannot be shown: the file is not a PNG or JPEG image" in only_error(pack)


def test_truncated_image(pack):
    (pack / "images" / "photo.png").write_bytes(png_bytes()[:-12])
    assert "cut short" in only_error(pack)


def test_image_far_larger_than_the_screen(pack):
    (pack / "images" / "photo.png").write_bytes(png_bytes(9000, 2))
    assert "9000x2 pixels, far larger than any screen" in only_error(pack)


def test_large_image_is_a_warning(pack):
    (pack / "images" / "photo.png").write_bytes(png_bytes(5000, 2))
    assert problems(pack) == []
    assert any("5000x2 pixels" in w for w in problems(pack, Severity.WARNING))


@pytest.mark.parametrize("date", ["1992-02-30", "1992-13", "26.02.1992", "92"])
def test_invalid_dates(pack, date):
    edit(pack / "timeline.yaml", '"1992-02-26"', f'"{date}"')
    line = line_of(pack / "timeline.yaml", date)
    assert only_error(pack).startswith(f"timeline.yaml:{line}:11: error: `{date}` is not a valid date")


def test_end_before_start(pack):
    edit(pack / "timeline.yaml", '    date: "1992-02-26"\n', '    date: "1992-02-26"\n    end: "1992-02-25"\n')
    assert "`end` (1992-02-25) is before `date` (1992-02-26)" in only_error(pack)


def test_missing_translation_is_an_error_by_default(pack):
    edit(pack / "timeline.yaml", '      fr: "Event title (fr)"\n', "")
    line = line_of(pack / "timeline.yaml", "Event title (en)")  # the text's first line
    assert only_error(pack) == (
        f"timeline.yaml:{line}:7: error: the fr text is missing (add it, or mark fr `missing: warning` in exhibit.yaml)"
    )


def test_missing_translation_is_a_warning_when_the_pack_says_so(pack):
    edit(pack / "exhibit.yaml", '    name: "Français"', '    name: "Français"\n    missing: warning')
    edit(pack / "timeline.yaml", '      fr: "Event title (fr)"\n', "")
    result = load_pack(pack)
    assert result.errors == [] and result.pack is not None
    assert any("the fr text is missing" in str(w) for w in result.warnings)
    assert result.pack.timeline.events[0].title.get("fr") == "Event title (en)"  # the fallback rule


def test_text_in_an_undeclared_language(pack):
    edit(pack / "timeline.yaml", '      fr: "Event title (fr)"', '      fr: "Event title (fr)"\n      de: "Titel"')
    assert "`de` is not one of the exhibit's languages" in only_error(pack)


def test_text_longer_than_fits(pack):
    edit(pack / "panels" / "01-first.yaml", '"First panel (en)"', '"' + "Very long title " * 6 + '"')
    assert "characters long; at most 70 fit here" in only_error(pack)


def test_entry_without_a_source(pack):
    edit(pack / "recognitions.yaml", "    sources: [src-b]", "    sources: []")
    line = line_of(pack / "recognitions.yaml", "sources: []")
    assert only_error(pack) == f"recognitions.yaml:{line}:14: error: at least 1 source needed here, found 0"


def test_stated_count_must_match_the_data(pack):
    edit(pack / "panels" / "01-first.yaml", 'value: "2"', 'value: "17"')
    line = line_of(pack / "panels" / "01-first.yaml", 'value: "17"')
    assert only_error(pack) == (
        f"panels/01-first.yaml:{line}:12: error: this figure says 17, but recognitions.yaml shows 2 places in the "
        "group `countries` (change the figure, or which entries have `show: yes`)"
    )


def test_hidden_entries_are_not_counted(pack):
    edit(pack / "recognitions.yaml", "    sources: [src-a]\n", "    sources: [src-a]\n    show: no\n")
    assert "this figure says 2, but recognitions.yaml shows 1 place in the group" in only_error(pack)


def test_counted_figures_must_be_whole_numbers(pack):
    edit(pack / "panels" / "01-first.yaml", 'value: "2"', 'value: "1.5"')
    assert "a figure tied to a count must be a whole number" in only_error(pack)


def test_unreadable_show_value_does_not_cascade_into_a_count_error(pack):
    edit(pack / "recognitions.yaml", "    sources: [src-a]\n", "    sources: [src-a]\n    show: maybe\n")
    assert "expected `yes` or `no`, found `maybe`" in only_error(pack)


def test_text_cut_by_a_comment_is_pointed_out(pack):
    edit(pack / "timeline.yaml", '      en: "Event text (en)"', "      en: Event #2 of 5")
    result = load_pack(pack)
    assert result.pack.timeline.events[0].text.get("en") == "Event"
    assert any("the text stops before `#2 of 5`" in str(w) for w in result.warnings)


def test_a_language_typo_is_reported_once_per_file(pack):
    edit(pack / "timeline.yaml", '"Nineties (fr)"', '"Nineties (fr)"\n      de: "x"')
    edit(pack / "timeline.yaml", '"Event title (fr)"', '"Event title (fr)"\n      de: "x"')
    assert len([e for e in problems(pack) if "`de` is not one of" in e]) == 1


def test_ui_placeholder_must_survive_translation(pack):
    edit(pack / "ui.yaml", '  fr: "{current} of {total} [fr]"', '  fr: "{courant} sur {total}"')
    assert "the fr text of `panel_position` must contain the placeholders {current}, {total}" in only_error(pack)


def test_missing_ui_text(pack):
    edit(pack / "ui.yaml", 'home:\n  en: "Home [en]"\n  fr: "Home [fr]"\n', "")
    assert only_error(pack).startswith("ui.yaml:1:1: error: ui.yaml lacks the interface text `home`")


def test_a_broken_file_does_not_cascade_into_reference_errors(pack):
    edit(pack / "sources.yaml", '  - id: src-a', '  - id: src-a\n   bad: [')
    errors = problems(pack)
    assert len(errors) == 1 and errors[0].startswith("sources.yaml:")


def test_missing_file(pack):
    os.remove(pack / "sources.yaml")
    assert "sources.yaml: error: this file is missing from the content folder" in problems(pack)


def test_misnamed_file_is_pointed_out(pack):
    os.rename(pack / "timeline.yaml", pack / "timline.yaml")
    result = load_pack(pack)
    assert "timeline.yaml: error: this file is missing from the content folder" in map(str, result.errors)
    assert any(str(w).startswith("timline.yaml: warning:") and "timeline.yaml" in str(w) for w in result.warnings)


def test_all_problems_are_reported_in_one_pass(pack):
    edit(pack / "timeline.yaml", '"1992-02-26"', '"1992-02-31"')
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    edit(pack / "panels" / "01-first.yaml", "    caption:", "    captoin:")
    files = {p.position.file for p in load_pack(pack).errors}
    assert files == {"timeline.yaml", "recognitions.yaml", "panels/01-first.yaml"}


def test_disputes_and_unchecked_sources_are_warnings_for_staff(pack):
    edit(pack / "sources.yaml", "    checked: yes\n", "    checked: no\n")
    edit(pack / "timeline.yaml", "    sources: [src-a]", '    sources: [src-a]\n    disputes:\n      - "B says 25 Feb"')
    warnings = problems(pack, Severity.WARNING)
    assert "sources.yaml: warning: 1 of 2 sources have not been checked live: src-a (open each link, then set `checked: yes`)" in warnings
    line = line_of(pack / "timeline.yaml", "disputes:")
    assert f"timeline.yaml:{line + 1}:7: warning: sources disagree about this event (`first-event`): B says 25 Feb" in warnings
    assert load_pack(pack).pack is not None


def test_every_shown_place_needs_a_name_in_every_language(pack):
    edit(pack / "recognitions.yaml", '    fr: "Pakistan"\n', "")  # the pack's own name for PK in fr
    names = {"MX": {"en": "Mexico", "fr": "Mexique"}, "PK": {"en": "Pakistan"}}
    errors = [str(p) for p in load_pack(pack, names=names).errors]
    line = line_of(pack / "recognitions.yaml", "place: PK")
    assert errors == [
        f"recognitions.yaml:{line}:12: error: there is no fr name for `PK` "
        '(add it under place_names in recognitions.yaml, e.g. PK: {fr: "…"})'
    ]
    edit(pack / "recognitions.yaml", '  PK:\n    en: "Pakistan"\n', '  PK:\n    en: "Pakistan"\n    fr: "Pakistan"\n')
    assert load_pack(pack, names=names).errors == []


def test_draft_translations_are_counted_per_file_and_language(pack, capsys):
    from kiosk.cli import main

    edit(pack / "timeline.yaml", '      fr: "Event title (fr)"', '      fr (draft): "Event title (fr)"')
    result = load_pack(pack)
    assert result.errors == []
    assert result.pack.timeline.events[0].title.is_draft("fr")
    assert not result.pack.timeline.events[0].text.is_draft("fr")
    assert result.coverage[("timeline.yaml", "fr")] == (2, 1, 0)
    assert result.coverage[("timeline.yaml", "en")] == (3, 0, 0)
    main(["validate", str(pack)])
    out = capsys.readouterr().out
    assert "  timeline.yaml" in out and "2/1/0" in out
    assert "fr: 100% translated, 99% reviewed" in out


def test_a_text_given_twice_once_as_draft_is_an_error(pack):
    edit(pack / "timeline.yaml", '      fr: "Event title (fr)"', '      fr: "Event title (fr)"\n      fr (draft): "Autre"')
    assert "the fr text is given twice (once as a draft)" in only_error(pack)


def test_findings_on_entries_name_the_entry(pack):
    """The proof's report lists findings away from the file, so each says which decision it is about."""
    edit(pack / "recognitions.yaml", '    date: "2012-02-01"\n', "    confidence: low\n")
    warnings = problems(pack, Severity.WARNING)
    at_confidence = line_of(pack / "recognitions.yaml", "confidence: low")
    at_entry = line_of(pack / "recognitions.yaml", "- id: pk-2012")
    assert f"recognitions.yaml:{at_confidence}:17: warning: this entry (`pk-2012`) is shown to visitors, but its confidence is low" in warnings
    assert f"recognitions.yaml:{at_entry}:5: warning: this entry (`pk-2012`) has no date; the map shows it only for today" in warnings
    assert load_pack(pack).pack is not None


def test_a_place_is_counted_in_one_group_as_on_the_map(pack):
    """The map colours and counts a place by its first shown entry; the validator counts the same way."""
    recognitions = pack / "recognitions.yaml"
    edit(recognitions, "organisations:",
         '  - id: parliaments\n    label:\n      en: "Parliaments"\n      fr: "Parlements"\norganisations:')
    edit(recognitions, "  - id: pk-2012", (
        "  - id: mx-2013\n    kind: country\n    place: MX\n    group: parliaments\n"
        '    body:\n      en: "Senate"\n      fr: "Sénat"\n    date: "2013"\n    document: statement\n'
        '    description:\n      en: "A statement"\n      fr: "Une déclaration"\n    sources: [src-a]\n\n'
        "  - id: pk-2012"))
    result = load_pack(pack)
    warnings = [str(p) for p in result.warnings]
    first = line_of(recognitions, "group: countries", 1)
    second = line_of(recognitions, "group: parliaments")
    assert (
        f"recognitions.yaml:{second}:12: warning: `MX` is already in the group `countries` (recognitions.yaml:{first}:12); "
        "the map colours and counts each place in one group, the group of its first entry "
        "(put every shown entry of this place in the same group, or hide this one with `show: no`)"
    ) in warnings
    assert result.errors == []  # the panel's "2 countries" still holds: MX counts once, as a country

    edit(pack / "panels" / "01-first.yaml", "counts: countries", "counts: parliaments")
    edit(pack / "panels" / "01-first.yaml", 'value: "2"', 'value: "1"')
    assert "this figure says 1, but recognitions.yaml shows 0 places in the group `parliaments`" in only_error(pack)
