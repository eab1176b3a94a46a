"""The second process that reads part of a large pack's panels (kiosk/content/readhelper.py).

Staff must get exactly the same findings whether or not a helper read some panels, and whatever goes
wrong with the helper must only cost time.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from kiosk.content import load_pack, readhelper
from kiosk.resources import bundled_content
from tests.packs import edit, line_of


@pytest.fixture
def pack(tmp_path) -> Path:
    return Path(shutil.copytree(bundled_content(), tmp_path / "pack"))


@pytest.fixture
def helper_runs(monkeypatch) -> list:
    """What each helper's `finish` returned (None: it failed and the validator read its panels)."""
    answers = []
    finish = readhelper.Helper.finish

    def recorded(self, ctx, files):
        answers.append(finish(self, ctx, files))
        return answers[-1]

    monkeypatch.setattr(readhelper.Helper, "finish", recorded)
    return answers


def _same(alone, helped) -> None:
    assert helped.problems == alone.problems
    assert helped.coverage == alone.coverage
    assert helped.content_hash == alone.content_hash
    assert helped.pack == alone.pack


def test_with_a_helper_the_bundled_exhibit_loads_exactly_as_without(pack, helper_runs):
    alone = load_pack(pack, helper=False)
    helped = load_pack(pack, helper=True)
    assert len(helper_runs) == 1 and helper_runs[0] is not None, "the helper should have read half of the panels"
    assert len(helper_runs[0]) == 4
    assert alone.pack is not None and not [p for p in alone.problems if p.severity.value == "error"]
    _same(alone, helped)


def test_problems_in_the_helpers_panels_are_reported_at_the_same_places(pack, helper_runs):
    panels = pack / "panels"
    # Panels 05-08 are the helper's: a broken line, an unknown source, a missing translation, an unknown key.
    edit(panels / "08-never-forget.yaml", "title:", "title: [unclosed\ntitle:")
    edit(panels / "07-legal-assessment.yaml", "sources: [", "sources: [no-such-source, ")
    edit(panels / "06-justice-for-khojaly.yaml", "\n  ru (draft):", "\n  xx (draft):")
    edit(panels / "05-remembrance.yaml", "id:", "colour: red\nid:")
    edit(panels / "01-the-night.yaml", "id:", "shape: round\nid:")  # and one in ours
    alone = load_pack(pack, helper=False)
    helped = load_pack(pack, helper=True)
    assert helper_runs[0] is not None
    _same(alone, helped)
    files = {p.position.file for p in helped.problems}
    assert {f"panels/{name}" for name in ("08-never-forget.yaml", "07-legal-assessment.yaml",
                                          "06-justice-for-khojaly.yaml", "05-remembrance.yaml",
                                          "01-the-night.yaml")} <= files
    broken = [p for p in helped.problems if p.position.file == "panels/08-never-forget.yaml"]
    assert broken[0].position.line == line_of(panels / "08-never-forget.yaml", "[unclosed") + 1
    assert helped.pack is None


def _failing_helper(monkeypatch, code: str) -> None:
    monkeypatch.setattr(readhelper, "_command", lambda: [sys.executable, "-c", code])


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("import sys; sys.exit(3)", "exit code 3"),
        ("import json, sys; open(json.loads(sys.argv[1])[-1], 'wb').write(b'kiosk helper 1\\nnonsense')",
         "could not be read"),
        ("import json, sys; open(json.loads(sys.argv[1])[-1], 'wb').write(b'an error page')", "no answer"),
    ],
    ids=["dies", "answers nonsense", "writes something else"],
)
def test_a_failing_helper_only_costs_time(pack, monkeypatch, capfd, helper_runs, code, said):
    alone = load_pack(pack, helper=False)
    _failing_helper(monkeypatch, code)
    helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    _same(alone, helped)
    assert said in capfd.readouterr().err


def test_a_stuck_helper_is_stopped(pack, monkeypatch, capfd, helper_runs):
    alone = load_pack(pack, helper=False)
    monkeypatch.setattr(readhelper, "STUCK_AFTER_S", 0.5)
    _failing_helper(monkeypatch, "import threading; threading.Event().wait()")  # never answers
    helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    _same(alone, helped)
    assert "was stopped" in capfd.readouterr().err


def test_a_helper_that_cannot_start_only_costs_time(pack, monkeypatch, capfd):
    alone = load_pack(pack, helper=False)
    monkeypatch.setattr(readhelper, "_command", lambda: [str(pack / "no-such-program")])
    _same(alone, load_pack(pack, helper=True))
    assert "could not start" in capfd.readouterr().err


def test_a_panel_added_while_the_helper_reads_makes_the_validator_read_its_share(pack, monkeypatch, capfd, helper_runs):
    alone = load_pack(pack, helper=False)
    start = readhelper.start

    def start_after_a_save(root, panels, ctx):
        shutil.copy(root / "panels" / "06-justice-for-khojaly.yaml", root / "panels" / "06-x-copy.yaml")
        return start(root, panels, ctx)

    monkeypatch.setattr(readhelper, "start", start_after_a_save)
    helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    assert helped.problems == alone.problems  # the panels listed at first, read here
    assert "other panel files" in capfd.readouterr().err


def test_an_error_in_the_validator_stops_the_helper_and_removes_its_answer(pack, monkeypatch, tmp_path):
    import kiosk.content.load as load

    started = []
    start = readhelper.start
    monkeypatch.setattr(readhelper, "start", lambda *args: started.append(start(*args)) or started[-1])

    def broken(*args):
        raise RuntimeError("a bug in the validator")

    monkeypatch.setattr(load, "read_panels", broken)
    with pytest.raises(RuntimeError):
        load_pack(pack, helper=True)
    helper = started[0]
    assert helper.process.returncode is not None
    assert not Path(helper.answer).exists()


class _Files:
    """Just what `plan` looks at: sizes, and the first bytes of a file (one line per 100 bytes)."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self._sizes = sizes

    def sizes(self, rels):
        return [self._sizes.get(rel, 0) for rel in rels]

    def head(self, rel, count):
        return (b"x" * 99 + b"\n") * (min(count, self._sizes.get(rel, 0)) // 100)


def _plan(monkeypatch, panels: int, panel_bytes: int, other_bytes: int, cores: int = 2) -> list[str]:
    monkeypatch.setattr(readhelper, "_cores", lambda: cores)
    names = [f"panels/{i:05d}.yaml" for i in range(panels)]
    files = _Files({**dict.fromkeys(names, panel_bytes), "timeline.yaml": other_bytes})
    helped = readhelper.plan(files, names, ["timeline.yaml", "recognitions.yaml"])
    assert helped == names[len(names) - len(helped) :], "the helper reads the last panels"
    return helped


def test_the_helper_takes_a_share_that_lets_both_finish_together(monkeypatch):
    helped = len(_plan(monkeypatch, 10_000, 3_000, 3_000_000))
    # Work in lines: 10,000 panels of 30 lines + 27 each; 30,000 lines of timeline + 27.
    panel, total = 57, 10_000 * 57 + 30_027
    # The helper's share of what is left once it has started (it is slower: it pickles what it read).
    target = (total - readhelper._START_LINES) * readhelper._HELPER_SHARE
    assert target <= helped * panel < target + panel
    assert 3_000 < helped < 5_000
    # More for us to read elsewhere: more panels for the helper.
    assert len(_plan(monkeypatch, 10_000, 3_000, 9_000_000)) > helped


def test_no_helper_for_a_small_pack_or_a_single_core(monkeypatch):
    assert _plan(monkeypatch, 1_000, 3_000, 100_000) == []  # ~60,000 lines: a helper would not pay
    assert _plan(monkeypatch, 10_000, 3_000, 3_000_000, cores=1) == []


def test_the_frozen_entry_knows_the_helpers_argument():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    try:
        import entry
    finally:
        sys.path.pop(0)
    assert entry.HELPER_ARGUMENT == readhelper.HELPER_ARGUMENT
