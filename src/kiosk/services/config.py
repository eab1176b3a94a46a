"""The station configuration: one YAML file per terminal, read with the content pack's positions.

Every setting has a default, so an empty file (or none) gives a working kiosk. Problems are reported
as `file:line:col: error: message`, like `kiosk validate` reports a pack. Each top-level block is a
`Record` in `SECTIONS`; a new block (e.g. `accessibility:`) is one more entry there, one more
dataclass and one line in `_build`.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.problems import Position, Problem, ProblemLog
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
from kiosk.content.yamlread import Node, Scalar, decode_text, parse_text, read_bytes

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


@dataclass(frozen=True)
class StationConfig:
    """Every setting of one terminal, with defaults; paths are absolute."""

    source: Path | None = None  # the file it came from, None for defaults
    idle_seconds: float = 90.0
    countdown_seconds: float = 20.0
    attract_cycle_seconds: float = 6.0
    languages_offered: tuple[str, ...] = ()  # empty: every language of the pack
    default_language: str = ""  # empty: the pack's default
    screen_index: int = 0
    orientation: str = "landscape"
    cursor_visible: bool = False
    renderer: str = "auto"
    pin_hash: str = ""  # empty: no staff PIN set, the staff menu cannot be opened
    staff_corner: str = "bottom-left"
    staff_menu_timeout: float = 60.0
    content_store: Path | None = None  # None: no store; the content folder or the bundled pack is shown
    content_folder: Path | None = None  # a fixed pack, below the store's versions and above the bundled one
    log_folder: Path | None = None  # None: logs to stderr only (when there is one)
    hang_seconds: float = 30.0
    usage_enabled: bool = True
    usage_max_rows: int = 200_000
    usage_database: Path | None = None  # None: usage.sqlite in the log folder
    reach_zone: float = 1.0  # accessibility mode: the lower part of the screen within a seated visitor's reach
    accessible_patience: float = 2.0  # accessibility mode: idle time multiplied by this
    extra: dict = field(default_factory=dict)  # room for sections other modules add

    @property
    def lock_file(self) -> Path:
        """One kiosk per station: the lock lives with the logs, else beside the config file."""
        if self.log_folder is not None:
            return self.log_folder / "kiosk.lock"
        if self.source is not None:
            return self.source.resolve().parent / "kiosk.lock"
        return Path(tempfile.gettempdir()) / "kiosk.lock"


@dataclass(frozen=True)
class ConfigResult:
    config: StationConfig | None  # None when the file has errors
    problems: tuple[Problem, ...]


def load_config(path: Path | None) -> ConfigResult:
    """Read and check a station config; `None` gives the defaults. Never raises for the file's content."""
    if path is None:
        return ConfigResult(StationConfig(), ())
    path = Path(path)
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


def check_languages(config: StationConfig, pack_languages: tuple[str, ...]) -> list[str]:
    """Languages the config names that the pack does not have (checked once the pack is loaded)."""
    named = list(config.languages_offered) + ([config.default_language] if config.default_language else [])
    return [code for code in dict.fromkeys(named) if code not in pack_languages]


def with_pin(path: Path, pin_hash: str) -> str:
    """The config text with `staff: pin:` set to `pin_hash`, keeping every other line and comment."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines()
    staff = next((i for i, line in enumerate(lines) if re.match(r"^staff\s*:\s*(#.*)?$", line)), None)
    entry = f'  pin: "{pin_hash}"'
    if staff is None:
        lines += ["staff:", entry]
    else:
        end = staff + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " #"):
            end += 1
        pin = next((i for i in range(staff + 1, end) if re.match(r"^\s+pin\s*:", lines[i])), None)
        if pin is None:
            lines.insert(staff + 1, entry)
        else:
            lines[pin] = entry
    return "\n".join(lines) + "\n"


__all__ = ["ConfigResult", "StationConfig", "load_config", "check_languages", "with_pin"]
