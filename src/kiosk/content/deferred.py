"""Parts of a remembered pack that are unpickled when first read rather than when the pack is.

The attract screen needs neither the timeline, nor the recognitions, nor the panels' paragraphs, and
with 10,000 of each, unpickling them takes most of a second (content/cache.py). A dataclass with this
base pickles the fields it names in `_later` (all of them when None) as one inner blob; an unpickled
instance holds that blob until one of those fields is read. `__getattr__` runs only for attributes an
instance lacks, so once the fields are in place reading them costs nothing extra. A field kept for
later must have no default: a default is a class attribute, found before `__getattr__` is asked.
A load result keeps its translation matrix (for the validator's report) pickled the same way; use
`replaced` rather than `dataclasses.replace`, which would read, and so unpickle, every field.
"""

from __future__ import annotations

import gc
import pickle
from dataclasses import fields


class UnpickledOnFirstRead:
    _later: tuple[str, ...] | None = None

    def __reduce__(self):
        names = [f.name for f in fields(self)]
        later = [n for n in names if self._later is None or n in self._later]
        for name in later:
            if hasattr(type(self), name):
                raise TypeError(f"{type(self).__name__}.{name} has a default, so it cannot be unpickled later")
        blob = pickle.dumps({n: getattr(self, n) for n in later}, protocol=pickle.HIGHEST_PROTOCOL)
        now = {n: getattr(self, n) for n in names if n not in later}
        # The other fields go with the call, not as pickle's "state": that would make pickle look
        # for `__setstate__` through `__getattr__`, raising an AttributeError per remembered panel.
        return (_waiting, (type(self), blob, now))

    def replaced(self, **changes):
        """`dataclasses.replace(self, **changes)`, leaving what is still pickled pickled (replace reads
        every field)."""
        later = [name for name in changes if self._later is None or name in self._later]
        if later and self.__dict__.get("_pickled") is not None:
            getattr(self, later[0])  # unpickled first, so that the change is not undone by it later
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def __getattr__(self, name: str):
        # Python's own probes (pickle's __setstate__, copy's __deepcopy__ ...) must not unpickle anything.
        blob = None if name.startswith("__") else self.__dict__.pop("_pickled", None)
        if blob is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        was_enabled = gc.isenabled()
        gc.disable()  # many small acyclic objects at once, as in content/load.py
        try:
            self.__dict__.update(pickle.loads(blob))
        finally:
            if was_enabled:
                gc.enable()
        return getattr(self, name)


def _waiting(cls: type, blob: bytes, now: dict):
    """Unpickling: an instance of `cls` with the fields in `now`, which unpickles the others when one
    of them is first read."""
    instance = object.__new__(cls)
    instance.__dict__.update(now)
    instance.__dict__["_pickled"] = blob
    return instance
