"""Reading a station config file: its YAML blocks as `Record`s over the content pack's reader, so
problems are reported as `file:line:col: error: message`, like `kiosk validate` reports a pack.

Each top-level block is a `Record` in `SECTIONS`; a new block (e.g. `accessibility:`) is one more entry
there, one more field of `StationConfig` and one line in `_build`. Imported only when a file must be
read: a station whose config has not changed since its last start has it remembered (configmemo.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.problems import Position, ProblemLog
from kiosk.content.schema import (
    LANGUAGE_PATTERN,
    Context,
    Enum,
    Field,
    FieldType,
    Flag,
    ListOf,
    Plain,
    Record,
    Values,
    _wrong,
)
from kiosk.content.yamlnodes import Node, Scalar
from kiosk.content.yamlread import decode_text, parse_text, read_bytes
from kiosk.services.config import ConfigResult, StationConfig

RENDERERS = ("auto", "software", "opengl", "vulkan", "direct3d11", "direct3d12", "metal")
ORIENTATIONS = ("landscape", "portrait", "inverted-landscape", "inverted-portrait")
MAX_CONFIG_BYTES = 100_000  # a full config is ~2 KB
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


class Number(FieldType):
    """A number within bounds (seconds, counts); YAML keeps it as text, so it is parsed here."""

    def __init__(self, low: float, high: float, whole: bool = False, unit: str = "") -> None:
        self.low, self.high, self.whole, self.unit = low, high, whole, unit
        kind = "a whole number" if whole else "a number"
        self.describe = f"{kind} from {low:g} to {high:g}{' ' + unit if unit else ''}"

    def convert(self, node: Node, ctx: Context) -> float | int | None:
        text = node.value.strip() if isinstance(node, Scalar) else ""
        pattern = r"\d+" if self.whole else r"\d+(\.\d+)?"
        if not re.fullmatch(pattern, text):
            _wrong(node, ctx, self.describe)
            return None
        value = int(text) if self.whole else float(text)
        if not self.low <= value <= self.high:
            ctx.log.error(node.position, f"{text} is outside the allowed range", self.describe)
            return None
        return value


class Folder(Plain):
    """A folder path; relative paths are taken from the config file's own folder."""

    def __init__(self) -> None:
        super().__init__(1000, None, "a folder path")


SECTIONS = Record(
    "the station configuration",
    [
        Field("idle", Record("idle", [
            Field("timeout", Number(10, 3600, unit="seconds"), help="seconds without a touch before 'still there?'"),
            Field("countdown", Number(3, 300, unit="seconds"), help="seconds the 'still there?' question stays up"),
        ])),
        Field("attract", Record("attract", [
            Field("cycle", Number(2, 120, unit="seconds"), help="seconds each attract item stays on screen"),
        ])),
        Field("languages", Record("languages", [
            Field("offered", ListOf(Plain(20, LANGUAGE_PATTERN, "a language code"), unique=True),
                  help="the pack's languages offered here (default: all)"),
            Field("default", Plain(20, LANGUAGE_PATTERN, "a language code"), help="the language a visit starts in"),
        ])),
        Field("screen", Record("screen", [
            Field("index", Number(0, 16, whole=True), help="which screen to fill, counting from 0"),
            Field("orientation", Enum(*ORIENTATIONS), help="how the screen is mounted"),
            Field("cursor", Enum("hidden", "visible"), help="hide the mouse pointer on a touchscreen"),
            Field("renderer", Enum(*RENDERERS), help="how Qt Quick draws"),
        ])),
        Field("staff", Record("staff", [
            Field("pin", Plain(300, re.compile(r"^pbkdf2-sha256\$\d+\$[0-9a-f]+\$[0-9a-f]+$"),
                               "a PIN hash written by `kiosk set-pin`"), help="never the PIN itself"),
            Field("corner", Enum(*CORNERS), help="where the hidden 3-second press opens the PIN pad"),
            Field("menu_timeout", Number(10, 3600, unit="seconds"), help="the staff menu closes itself after this"),
        ])),
        Field("content", Record("content", [
            Field("store", Folder(), help="where `kiosk install-content` keeps pack versions"),
            Field("folder", Folder(), help="a fixed pack folder, shown when the store has none"),
        ])),
        Field("logs", Record("logs", [
            Field("folder", Folder(), help="rotating logs, crash and hang tracebacks"),
            Field("hang_seconds", Number(5, 600, unit="seconds"), help="a frozen interface this long is restarted"),
        ])),
        Field("accessibility", Record("accessibility", [
            Field("reach_zone", Number(0.4, 1.0), help="share of the screen's height, from the bottom, a seated visitor reaches"),
            Field("patience", Number(1, 10), help="how many times the usual idle time accessibility mode waits"),
        ])),
        Field("usage", Record("usage", [
            Field("enabled", Flag(), help="anonymous visit counts in a local database"),
            Field("max_rows", Number(1000, 10_000_000, whole=True), help="oldest records beyond this are removed"),
            Field("database", Plain(1000, None, "a file path"), help="the SQLite file (default: usage.sqlite in the log folder)"),
        ])),
    ],
)


def read_config(path: Path) -> ConfigResult:
    """Read and check a station config file. Never raises for the file's content."""
    log = ProblemLog()
    rel = path.name
    if not path.is_file():
        log.error(Position(str(path)), "this configuration file does not exist")
        return ConfigResult(None, tuple(log.problems))
    data = read_bytes(path, rel, log, limit=MAX_CONFIG_BYTES)
    text = decode_text(data, rel, log) if data is not None else None
    values = None
    # A file of comments only (the installer's template) means every default, not an error.
    if text is not None and any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        node = parse_text(text, rel, log)
        if node is not None:
            values = SECTIONS.convert(node, Context(log))
    if log.has_errors:
        return ConfigResult(None, tuple(log.problems))
    return ConfigResult(_build(values, path), tuple(log.problems))


def _section(values: Values | None, name: str) -> Values | None:
    return values[name] if values is not None else None


def _get(section: Values | None, name: str, default):
    return section.get(name, default) if section is not None else default


def _build(values: Values | None, path: Path) -> StationConfig:
    base = path.resolve().parent
    idle, attract, languages = _section(values, "idle"), _section(values, "attract"), _section(values, "languages")
    screen, staff, content = _section(values, "screen"), _section(values, "staff"), _section(values, "content")
    logs, usage, access = _section(values, "logs"), _section(values, "usage"), _section(values, "accessibility")
    store, folder, database = _get(content, "store", None), _get(logs, "folder", None), _get(usage, "database", None)
    pack_folder = _get(content, "folder", None)
    defaults = StationConfig()
    return StationConfig(
        source=path,
        idle_seconds=_get(idle, "timeout", defaults.idle_seconds),
        countdown_seconds=_get(idle, "countdown", defaults.countdown_seconds),
        attract_cycle_seconds=_get(attract, "cycle", defaults.attract_cycle_seconds),
        languages_offered=tuple(_get(languages, "offered", ())),
        default_language=_get(languages, "default", ""),
        screen_index=_get(screen, "index", 0),
        orientation=_get(screen, "orientation", defaults.orientation),
        cursor_visible=_get(screen, "cursor", "hidden") == "visible",
        renderer=_get(screen, "renderer", defaults.renderer),
        pin_hash=_get(staff, "pin", ""),
        staff_corner=_get(staff, "corner", defaults.staff_corner),
        staff_menu_timeout=_get(staff, "menu_timeout", defaults.staff_menu_timeout),
        content_store=(base / store) if store else None,
        content_folder=(base / pack_folder) if pack_folder else None,
        log_folder=(base / folder) if folder else None,
        hang_seconds=_get(logs, "hang_seconds", defaults.hang_seconds),
        usage_enabled=_get(usage, "enabled", True),
        usage_max_rows=_get(usage, "max_rows", defaults.usage_max_rows),
        usage_database=(base / database) if database else ((base / folder / "usage.sqlite") if folder else None),
        reach_zone=_get(access, "reach_zone", defaults.reach_zone),
        accessible_patience=_get(access, "patience", defaults.accessible_patience),
    )


__all__ = ["SECTIONS", "read_config"]
