"""The content pack: reading, validating and modelling it. Pure Python; never imports Qt."""

from kiosk.content.load import LoadResult, load_pack
from kiosk.content.problems import Position, Problem, Severity

__all__ = ["LoadResult", "Position", "Problem", "Severity", "load_pack"]
