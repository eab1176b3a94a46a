"""Problems found in a content pack: what, where, how bad, and what would help."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.records import Record, record


class Severity(enum.Enum):
    ERROR = "error"  # the pack cannot be shown
    WARNING = "warning"  # the pack can be shown, but staff should look


@dataclass(frozen=True, order=True)
class Position:
    """A place in a pack file; line and column count from 1, as editors do."""

    file: str  # path relative to the pack folder, with forward slashes
    line: int = 0  # 0 when the problem concerns the whole file
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@record
class Problem(Record):
    """One finding in a pack: where, how serious, and what to do about it, in staff's words."""

    position: Position
    severity: Severity
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.position}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict:
        return {
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


class ProblemLog:
    """Collects problems in the order they are found; never raises."""

    def __init__(self) -> None:
        self._problems: list[Problem] = []

    def error(self, position: Position, message: str, hint: str = "") -> None:
        self._problems.append(Problem(position, Severity.ERROR, message, hint))

    def warning(self, position: Position, message: str, hint: str = "") -> None:
        self._problems.append(Problem(position, Severity.WARNING, message, hint))

    def extend(self, problems: list[Problem]) -> None:
        """Add problems found elsewhere (content/readhelper.py: by a second process)."""
        self._problems.extend(problems)

    @property
    def in_found_order(self) -> list[Problem]:
        """A copy of the problems, in the order they were found."""
        return list(self._problems)

    @property
    def problems(self) -> list[Problem]:
        # The same order as sorting by (position, severity), compared as plain tuples: far quicker for many problems.
        return sorted(
            self._problems, key=lambda p: (p.position.file, p.position.line, p.position.column, p.severity.value)
        )

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self._problems)
