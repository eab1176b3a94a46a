"""Usage statistics: recorded locally, anonymous, bounded, exported by `kiosk stats`."""

from __future__ import annotations

import csv
import io
import sqlite3

from kiosk.cli import main
from kiosk.services.usage import COLUMNS, UsageLog
from kiosk.ui.session import ManualClock


def a_visit(usage: UsageLog, language: str = "en", by_idle: bool = True) -> None:
    usage.visit_started(language)
    usage.screen_left("home", 12.0)
    usage.screen_left("story", 80.5)
    usage.visit_ended(language, 92.5)
    if by_idle:
        usage.idle_reset()


def test_visits_screens_languages_and_idle_resets_are_summarised(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite", clock=ManualClock(1_780_000_000))
    a_visit(usage, "en")
    a_visit(usage, "az", by_idle=False)
    summary = usage.summary()
    assert (summary.visits, summary.idle_resets, summary.average_visit_seconds) == (2, 1, 92.5)
    assert summary.screens == {"home": (2, 24.0), "story": (2, 161.0)}
    assert summary.languages == {"az": 1, "en": 1}
    assert summary.lines()[0] == "2 visits from 2026-05-28 20:26 to 2026-05-28 20:26 (UTC)"


def test_only_anonymous_columns_exist(tmp_path):
    UsageLog(tmp_path / "usage.sqlite").close()
    columns = [row[1] for row in sqlite3.connect(tmp_path / "usage.sqlite").execute("PRAGMA table_info(events)")]
    assert columns == ["id", *COLUMNS]  # time to the minute, a visit counter, what and how long: nobody's identity


def test_the_log_is_bounded_and_keeps_the_newest_rows(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite", max_rows=1000)
    for _ in range(700):  # 5 rows each
        a_visit(usage)
    usage.prune()
    rows = usage.rows()
    assert len(rows) == 1000 and rows[-1][1] == 700  # the newest visit is kept
    assert rows[0][1] == 501  # the oldest 500 visits are gone


def test_visit_numbers_continue_after_a_restart(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite")
    a_visit(usage)
    usage.close()
    usage = UsageLog(tmp_path / "usage.sqlite")
    a_visit(usage)
    assert {row[1] for row in usage.rows()} == {1, 2}


def test_kiosk_stats_prints_a_summary_and_exports_csv(tmp_path, capsys):
    config = tmp_path / "station.yaml"
    config.write_text("logs:\n  folder: logs\n", encoding="utf-8")
    assert main(["stats", "--config", str(config)]) == 0
    assert "no usage statistics recorded" in capsys.readouterr().out
    usage = UsageLog(tmp_path / "logs" / "usage.sqlite")
    a_visit(usage, "fr")
    usage.close()
    assert main(["stats", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "1 visits" in out and "language fr: 1 visits" in out and "screen story: seen 1 times, 80 s on average" in out
    assert main(["stats", "--csv", "--config", str(config)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(COLUMNS)
    assert [row[2] for row in rows[1:]] == ["visit_start", "screen", "screen", "visit_end", "idle_reset"]
