"""The processed map asset: pre-projected SVG paths for countries, US states and a few extra regions.

`tools/build_map.py` writes it; this module only reads it and answers which place codes exist.
"""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from pathlib import Path

from kiosk.records import Record, record


@record
class Shape(Record):
    """One place on the map: its outline, bounds, label point and name."""

    code: str
    path: str  # SVG path data in the layer's viewBox
    bbox: tuple[float, float, float, float]
    label: tuple[float, float]
    name: str  # English name from the map data


@record
class Layer(Record):
    """A set of shapes drawn in one coordinate system (the world, or the US inset)."""

    view_box: tuple[float, float, float, float]
    shapes: dict[str, Shape]


@record
class _Contents(Record):
    """The parsed map file."""

    world: Layer
    us: Layer  # US states, keyed by ISO 3166-2 code (US-TX)
    extra: dict[str, Shape]  # sub-national regions drawn over the world layer (GB-SCT)
    credits: tuple[str, ...]


class MapAsset:
    """The map file, read when first asked for: a kiosk shows its attract screen before anyone opens
    the map, and parsing the file is ~10 ms of a half-second start."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @cached_property
    def _contents(self) -> _Contents:
        raw = json.loads(self.path.read_text(encoding="utf-8"))
        extra = {code: _shape(code, feature) for code, feature in raw.get("extra", {}).items()}
        credits = tuple(str(c) if not isinstance(c, dict) else c.get("text", json.dumps(c)) for c in raw.get("credits", []))
        return _Contents(_layer(raw["world"]), _layer(raw["us"], "US-"), extra, credits)

    world = property(lambda self: self._contents.world)
    us = property(lambda self: self._contents.us)
    extra = property(lambda self: self._contents.extra)
    credits = property(lambda self: self._contents.credits)

    def countries(self) -> frozenset[str]:
        return frozenset(code for code in self.world.shapes if not code.startswith("_"))

    def subdivisions(self) -> frozenset[str]:
        return frozenset(self.us.shapes) | frozenset(self.extra)

    def name(self, code: str) -> str:
        for table in (self.world.shapes, self.us.shapes, self.extra):
            if code in table:
                return table[code].name
        return code


def _shape(code: str, raw: dict) -> Shape:
    return Shape(code, raw["d"], tuple(raw["bbox"]), tuple(raw["label"]), raw.get("ne_name") or raw.get("name") or code)


def _layer(raw: dict, prefix: str = "") -> Layer:
    # Features without an ISO code (`_Siachen Glacier`) are drawn as land but are never a place.
    shapes = {prefix + code: _shape(prefix + code, feature) for code, feature in raw["features"].items()}
    return Layer(tuple(raw["viewBox"]), shapes)


@cache
def load_map_asset(path: Path) -> MapAsset:
    """The map asset at `path` (one per path; its file is read on first use)."""
    return MapAsset(path)


@cache
def load_place_names(path: Path) -> dict[str, dict[str, str]]:
    """The curated name table: place code -> language -> name (ISO 3166 codes, `US-TX`, `GB-SCT`)."""
    path = Path(path)
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {code: dict(names) for code, names in raw.items()}


_FIRST_MOVE = re.compile(r"^\s*m\s*(-?\d*\.?\d+(?:e-?\d+)?)[\s,]*(-?\d*\.?\d+(?:e-?\d+)?)")


def absolute_start(path: str) -> str:
    """The same path, starting with an absolute move, so that paths can be joined into one.

    A path's first `m` counts as absolute only at the very start of a path string; joined after another
    path it would move relative to where that one ended. The coordinate pairs that follow a move are
    line-tos of the same kind, so a relative `l` is inserted to keep them relative.
    """
    match = _FIRST_MOVE.match(path)
    if match is None:
        return path
    rest = path[match.end():].lstrip(" ,")
    implicit_lines = bool(rest) and not rest[0].isalpha()
    return f"M{match.group(1)} {match.group(2)}" + (f"l{rest}" if implicit_lines else rest)


def joined_path(paths) -> str:
    """Several shapes' SVG paths as one path (one ShapePath draws them all)."""
    return " ".join(absolute_start(p) for p in paths)
