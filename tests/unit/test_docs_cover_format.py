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
