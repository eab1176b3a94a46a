"""docs/content-format.md is the staff's only manual: it must name every field the format declares."""

from pathlib import Path

from kiosk.content import format as fmt
from kiosk.content.schema import ListOf, MapOf, Record
from kiosk.content.uistrings import UI_STRINGS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "content-format.md").read_text(encoding="utf-8")


def _records(record: Record, seen: set[int]):
    if id(record) in seen:
        return
    seen.add(id(record))
    yield record
    for field in record.fields.values():
        inner = field.type
        while isinstance(inner, (ListOf, MapOf)):
            inner = inner.item if isinstance(inner, ListOf) else inner.value
        if isinstance(inner, Record):
            yield from _records(inner, seen)


def test_every_field_is_documented():
    seen: set[int] = set()
    roots = [fmt.EXHIBIT, fmt.PANEL, fmt.TIMELINE, fmt.SOURCES, fmt.RECOGNITIONS]
    missing = [
        f"{record.name}: {name}"
        for root in roots
        for record in _records(root, seen)
        for name in record.fields
        if f"`{name}`" not in DOC
    ]
    assert missing == []


def test_every_interface_text_is_documented():
    assert [key for key in UI_STRINGS if f"`{key}`" not in DOC] == []


def test_every_allowed_value_is_documented():
    values = [*fmt.CONFIDENCE, *fmt.SECTION_KINDS, *fmt.SOURCE_KINDS, *fmt.RECOGNITION_KINDS, *fmt.DATE_IS]
    assert [v for v in values if f"`{v}`" not in DOC] == []


def test_the_safety_limits_staff_read_are_the_ones_the_reader_applies():
    from kiosk.content.yamlread import MAX_DEPTH, MAX_FILE_BYTES

    assert f"at most {MAX_FILE_BYTES // 1_000_000} MB ({MAX_FILE_BYTES:,} bytes)" in DOC
    assert f"nested at most {MAX_DEPTH} levels deep" in DOC


def test_every_json_key_is_documented(pack, capsys):
    import json

    from kiosk.cli import main

    from tests.packs import edit

    edit(pack / "timeline.yaml", '"1992-02-26"', '"1992-02-30"')  # one problem, so a problem's keys show
    main(["validate", "--json", str(pack)])
    report = json.loads(capsys.readouterr().out)
    keys = {*report, *report["problems"][0], *report["translations"][0]}
    assert [k for k in sorted(keys) if f"`{k}`" not in DOC] == []
