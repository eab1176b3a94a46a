"""The content pack: reading, validating and modelling it. Pure Python; never imports Qt."""

from __future__ import annotations

from kiosk.content.problems import Position, Problem, Severity
from kiosk.content.result import LoadResult


def load_pack(root, places=None, names=None, helper=None) -> LoadResult:
    """Read and check a pack folder (`kiosk.content.load.load_pack`).

    The validator is imported on first use: a kiosk that starts from a remembered pack
    (`kiosk.content.cache`) never needs it, and importing it is a fifth of the start-up.
    """
    from kiosk.content.load import load_pack as load

    return load(root, places, names, helper)


__all__ = ["LoadResult", "Position", "Problem", "Severity", "load_pack"]
