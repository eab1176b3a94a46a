"""The kiosk's records (kiosk.records) behave as frozen dataclasses: compared and hashed by value, immutable."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from kiosk.content.model import Event, Language, LocalisedText, PartialDate, StaffNotes
from kiosk.records import Record, record


def _event(title: str = "Siege", **changes) -> Event:
    fields = dict(id="e1", date=PartialDate(1992, 2, 25), end=None, title=LocalisedText({"en": title}, "en"),
                  text=LocalisedText({"en": "..."}, "en"), sources=("s1",))
    return Event(**{**fields, **changes})


def test_records_with_the_same_fields_are_equal_and_hash_alike():
    assert _event() == _event()
    assert hash(_event()) == hash(_event())
    assert len({_event(), _event()}) == 1
    assert _event() != _event("Other")
    assert _event() != _event(staff=StaffNotes(notes="checked"))


def test_records_of_different_kinds_are_never_equal():
    assert Language("en", "English") != StaffNotes()
    assert (Language("en", "English") == "en") is False


def test_records_cannot_be_changed_but_can_be_copied_with_changes():
    event = _event()
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.id = "e2"  # type: ignore[misc]
    assert dataclasses.replace(event, id="e2").id == "e2"
    assert event.id == "e1"


def test_a_records_repr_names_its_fields():
    assert repr(Language("en", "English")) == "Language(code='en', name='English', missing='error', locale='')"


def test_records_survive_pickling_unchanged():
    assert pickle.loads(pickle.dumps(_event())) == _event()


def test_a_record_must_extend_record_so_its_methods_are_not_lost():
    from kiosk.records import record

    with pytest.raises(TypeError, match="must extend Record"):
        @record
        class Loose:
            name: str


@record
class _Unused(Record):
    """Made a dataclass only when first used (module-level so it pickles)."""

    size: int
    label: str = "plain"


@record
class _Wider(_Unused):
    colour: str = "grey"


def test_a_record_becomes_a_dataclass_only_when_first_used_as_one():
    # A remembered pack is unpickled at start: that must not make its classes dataclasses.
    assert "__dataclass_params__" not in _Unused.__dict__
    restored = pickle.loads(pickle.dumps(object.__new__(_Unused)))
    restored.__dict__.update(size=3, label="plain")
    assert "__dataclass_params__" not in _Unused.__dict__
    # Any use as a dataclass finishes it, and the unpickled record then behaves like a made one.
    assert dataclasses.replace(restored, size=4) == _Unused(4)
    assert [f.name for f in dataclasses.fields(_Unused)] == ["size", "label"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        restored.size = 5  # type: ignore[misc]


def test_a_record_extending_another_has_the_fields_of_both_whichever_is_used_first():
    wide = _Wider(2, colour="red")
    assert (wide.size, wide.label, wide.colour) == (2, "plain", "red")
    assert repr(wide) == "_Wider(size=2, label='plain', colour='red')"
    assert _Unused(2) != _Wider(2)
