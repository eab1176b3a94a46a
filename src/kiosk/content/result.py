"""What loading a pack gives: the frozen pack (or None) and every problem found.

Kept apart from the loader so that code which only reads a result (the kiosk starting from a
remembered pack, reports) does not import the validator.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.deferred import UnpickledOnFirstRead
from kiosk.content.model import Pack
from kiosk.content.problems import Problem, Severity
from kiosk.records import Record, record


@record
class LoadResult(UnpickledOnFirstRead, Record):
    """What reading a pack found: the pack if it is usable, every problem, its content hash."""

    # The translation matrix is for the validator's report; a remembered result (content/cache.py)
    # keeps it pickled (a 10,000-panel pack's 30,000 tallies took 45 ms of the kiosk's start).
    _later = ("coverage",)

    root: Path
    pack: Pack | None  # None when the pack has errors
    problems: tuple[Problem, ...]
    content_hash: str
    exhibit_id: str
    languages: tuple[str, ...]
    # (file, language) -> (reviewed, draft, missing) visitor texts: the translation matrix
    coverage: dict[tuple[str, str], tuple[int, int, int]]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]
