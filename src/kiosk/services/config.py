"""The station configuration: one YAML file per terminal (read by configfile.py).

Every setting has a default, so an empty file (or none) gives a working kiosk. A file unchanged since
the last start is not read again (configmemo.py): PyYAML and the reader are imported only for a new
or edited file, not before every start's first frame.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.records import Record, record

if TYPE_CHECKING:
    from kiosk.content.problems import Problem


@record
class StationConfig(Record):
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


@record
class ConfigResult(Record):
    """A station config as read: usable or not, and every problem found in the file."""

    config: StationConfig | None  # None when the file has errors
    problems: tuple[Problem, ...]


def load_config(path: Path | None) -> ConfigResult:
    """Read and check a station config; `None` gives the defaults. Never raises for the file's content."""
    if path is None:
        return ConfigResult(StationConfig(), ())
    from kiosk.services import configmemo

    path = Path(path)
    key = configmemo.config_key(path)  # before reading: a save meanwhile makes the memo a miss, never wrong
    remembered = configmemo.recall(key)
    if remembered is not None:
        return remembered
    from kiosk.services.configfile import read_config

    result = read_config(path)
    configmemo.remember(key, result)
    return result


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
