"""Anonymous usage statistics in a local SQLite file: how visits go, never who made them.

One row per happening: a visit starting or ending (with its length and language), a screen left
(with the seconds spent on it), an idle reset. No names, no input, no network. The table is bounded:
beyond `max_rows` the oldest rows are removed.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,          -- UTC, to the minute
    visit INTEGER NOT NULL,    -- counts visits on this station; links the rows of one visit
    kind TEXT NOT NULL,        -- visit_start | screen | language | visit_end | idle_reset
    screen TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    seconds REAL NOT NULL DEFAULT 0
)
"""
COLUMNS = ("at", "visit", "kind", "screen", "language", "seconds")


@dataclass
class UsageSummary:
    visits: int = 0
    idle_resets: int = 0
    average_visit_seconds: float = 0.0
    screens: dict[str, tuple[int, float]] = field(default_factory=dict)  # screen -> (times seen, seconds)
    languages: dict[str, int] = field(default_factory=dict)  # language a visit ended in -> visits
    first: str = ""
    last: str = ""

    def lines(self) -> list[str]:
        if not self.visits:
            return ["no visits recorded yet"]
        lines = [
            f"{self.visits} visits from {self.first} to {self.last} (UTC)",
            f"average visit {self.average_visit_seconds:.0f} s; {self.idle_resets} ended by the idle timeout",
        ]
        lines += [f"language {lang}: {count} visits" for lang, count in sorted(self.languages.items())]
        lines += [
            f"screen {screen}: seen {count} times, {seconds / max(count, 1):.0f} s on average"
            for screen, (count, seconds) in sorted(self.screens.items())
        ]
        return lines


class UsageLog:
    def __init__(self, path: Path, max_rows: int = 200_000, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.max_rows = max_rows
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")  # a power cut loses at most the last rows, never the file
        self._db.execute("PRAGMA synchronous=NORMAL")  # no disk flush per row: rows are written on the GUI thread
        self._db.execute(_SCHEMA)
        self._db.commit()
        self._visit = self._db.execute("SELECT COALESCE(MAX(visit), 0) FROM events").fetchone()[0]
        self._pending = 0

    def close(self) -> None:
        self._db.close()

    def _add(self, kind: str, screen: str = "", language: str = "", seconds: float = 0.0) -> None:
        at = time.strftime("%Y-%m-%d %H:%M", time.gmtime(self._clock()))
        self._db.execute(
            "INSERT INTO events (at, visit, kind, screen, language, seconds) VALUES (?, ?, ?, ?, ?, ?)",
            (at, self._visit, kind, screen, language, round(seconds, 1)),
        )
        self._db.commit()
        self._pending += 1
        if self._pending >= 100:  # pruning costs a query; once per hundred rows is plenty
            self.prune()

    def prune(self) -> None:
        self._pending = 0
        self._db.execute("DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?", (self.max_rows,))
        self._db.commit()

    # Recording -----------------------------------------------------------------------------
    def visit_started(self, language: str) -> None:
        self._visit += 1
        self._add("visit_start", language=language)

    def screen_left(self, screen: str, seconds: float) -> None:
        self._add("screen", screen=screen, seconds=seconds)

    def language_chosen(self, language: str) -> None:
        self._add("language", language=language)

    def visit_ended(self, language: str, seconds: float) -> None:
        self._add("visit_end", language=language, seconds=seconds)

    def idle_reset(self) -> None:
        """The visit above ended because nobody answered "still there?"."""
        self._add("idle_reset")

    # Reading -------------------------------------------------------------------------------
    def rows(self) -> list[tuple]:
        return self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY id").fetchall()

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(self.rows())
        return out.getvalue()

    def summary(self) -> UsageSummary:
        summary = UsageSummary()
        db = self._db
        summary.visits, average, summary.first, summary.last = db.execute(
            "SELECT COUNT(*), COALESCE(AVG(seconds), 0), COALESCE(MIN(at), ''), COALESCE(MAX(at), '')"
            " FROM events WHERE kind = 'visit_end'"
        ).fetchone()
        summary.average_visit_seconds = average
        summary.idle_resets = db.execute("SELECT COUNT(*) FROM events WHERE kind = 'idle_reset'").fetchone()[0]
        for screen, count, seconds in db.execute(
            "SELECT screen, COUNT(*), SUM(seconds) FROM events WHERE kind = 'screen' GROUP BY screen"
        ):
            summary.screens[screen] = (count, seconds)
        for language, count in db.execute(
            "SELECT language, COUNT(*) FROM events WHERE kind = 'visit_end' GROUP BY language"
        ):
            summary.languages[language] = count
        return summary
