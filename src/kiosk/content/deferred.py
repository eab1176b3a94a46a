"""Parts of a remembered pack that are unpickled when first read rather than when the pack is.

The attract screen needs neither the timeline nor the recognitions, and with 10,000 events and as
many entries each takes about a quarter of a second to unpickle (content/cache.py). A dataclass with
this base pickles its fields as one inner blob; an unpickled instance holds only that blob until one
of its fields is read. `__getattr__` runs only for attributes an instance lacks, so once the fields
are in place reading them costs nothing extra.
"""

from __future__ import annotations

import gc
import pickle
from dataclasses import fields


class UnpickledOnFirstRead:
    def __reduce__(self):
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        return (_waiting, (type(self), pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)))

    def __getattr__(self, name: str):
        blob = self.__dict__.pop("_pickled", None)
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


def _waiting(cls: type, blob: bytes):
    """Unpickling: an instance of `cls` that unpickles its fields when one is first read."""
    instance = object.__new__(cls)
    instance.__dict__["_pickled"] = blob
    return instance
