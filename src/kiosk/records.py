"""Immutable value types: frozen dataclasses that share their equality, hash and repr, and that are made
dataclasses when first used rather than when imported."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import dataclass_transform


class Record:
    """Equality, hashing and a readable repr from a dataclass's fields, as `@dataclass` would write them.

    Shared rather than generated: `@dataclass` compiles each method it writes for each class, and the
    content model and the station config are imported before a kiosk's first frame. Generating only
    `__init__` and the frozen guards halves that (importing the model: 58 ms -> 33 ms on a busy
    machine), and even those are written when a class is first used (below). The kiosk's immutable
    value types are `@record`: frozen dataclasses with these methods.
    """

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{self.__class__.__qualname__}({fields})"


# Making a class a dataclass writes and compiles three methods (~0.4 ms a class), and a kiosk imports
# 35 record classes before its first frame, but uses only a few of them as dataclasses then: the
# pack it shows is unpickled, which needs neither `__init__` nor the fields. So `@record` leaves two
# stand-ins that finish the job on first use: an `__init__`, and `__dataclass_fields__` (which
# `dataclasses.fields`, `replace`, `is_dataclass` and the methods above read).
_finishing = threading.RLock()


def _finish(cls: type) -> None:
    with _finishing:
        if not isinstance(cls.__dict__.get("__dataclass_fields__"), _FieldsOnFirstUse):
            return  # finished already (by another thread, or as the base of a class finished first)
        # dataclass() keeps an `__init__` the class defines, so the stand-in goes; it sets the fields
        # over theirs, which stays until then (another thread reading it waits here, not misses it).
        if cls.__dict__.get("__init__") is _init_on_first_use:
            del cls.__init__
        dataclass(frozen=True, eq=False, repr=False)(cls)


class _FieldsOnFirstUse:
    """Stands in for a record class's `__dataclass_fields__` until the class is made a dataclass."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __get__(self, instance: object, owner: type | None = None) -> dict:
        _finish(self.cls)
        return self.cls.__dataclass_fields__


def _init_on_first_use(self, *args, **kwargs) -> None:
    cls = next(c for c in type(self).__mro__ if c.__dict__.get("__init__") is _init_on_first_use)
    _finish(cls)
    cls.__init__(self, *args, **kwargs)


@dataclass_transform(frozen_default=True)
def record(cls):
    """A frozen dataclass whose equality, hash and repr come from `Record` (which it must extend)."""
    if not issubclass(cls, Record):
        raise TypeError(f"@record class {cls.__name__} must extend Record")
    if "__init__" not in cls.__dict__:
        cls.__init__ = _init_on_first_use
    cls.__dataclass_fields__ = _FieldsOnFirstUse(cls)
    return cls
