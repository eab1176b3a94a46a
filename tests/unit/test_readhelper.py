"""The second process that reads part of a large pack's panels (kiosk/content/readhelper.py).

Staff must get exactly the same findings whether or not a helper read some panels, and whatever goes
wrong with the helper must only cost time.
"""

from __future__ import annotations

import logging
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from kiosk.content import load_pack, readhelper
from kiosk.resources import bundled_content
from tests.packs import edit, line_of, write_minimal_pack


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
    assert list(helped.coverage.items()) == list(alone.coverage.items())  # the translation matrix, in order
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


def _helper_running(monkeypatch, code: str) -> None:
    """The helper replaced by `code`, run with the request as its argument (so `sys.argv[1]`)."""
    monkeypatch.setattr(readhelper, "_command", lambda: [sys.executable, "-c", code])


def _writing(answer: bytes) -> str:
    """Helper code that writes `answer` as its answer file (the request's last item)."""
    return f"import json, sys; open(json.loads(sys.argv[1])[-1], 'wb').write({answer!r})"


# The panels `helper=True` gives the helper in the bundled exhibit: the last four of eight.
HELPERS_PANELS = sorted(f"panels/{path.name}" for path in (bundled_content() / "panels").glob("*.yaml"))[4:]


def _said(caplog) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "kiosk.content.readhelper")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("import sys; sys.exit(3)", "exit code 3"),
        (_writing(readhelper._magic() + b"nonsense"), "could not be read"),
        # The right first line, then something else than this version's answer: nothing may be merged.
        (_writing(readhelper._magic() + pickle.dumps([HELPERS_PANELS, [None] * 4, "problems"])), "could not be read"),
        (_writing(readhelper._magic() + pickle.dumps([HELPERS_PANELS, [None] * 4, [], [], {"x": [1]}, set(), {}, {}])),
         "could not be read"),
        (_writing(b"kiosk helper 0000\n" + pickle.dumps([])), "no answer from this version"),
        (_writing(readhelper._magic() + pickle.dumps([["x"], __import__("os").system])), "not part of an answer"),
        (_writing(readhelper._magic() + b"ckiosk.content.packfiles\nos\n."), "not part of an answer"),
    ],
    ids=["dies", "answers nonsense", "answers in another shape", "sends other tallies", "is another version",
         "sends code", "sends a module"],
)
def test_a_failing_helper_only_costs_time(pack, monkeypatch, caplog, helper_runs, code, said):
    alone = load_pack(pack, helper=False)
    _helper_running(monkeypatch, code)
    with caplog.at_level(logging.WARNING):
        helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    _same(alone, helped)
    assert said in _said(caplog)


def test_an_error_in_the_helper_is_reported_by_the_validator(pack, monkeypatch, caplog, helper_runs):
    alone = load_pack(pack, helper=False)
    code = "import sys, kiosk.content.readhelper as h; h.serve = lambda request: 1 / 0; h.main(sys.argv[1])"
    _helper_running(monkeypatch, code)
    with caplog.at_level(logging.WARNING):
        helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    _same(alone, helped)
    assert "it met an error: ZeroDivisionError: division by zero" in _said(caplog)


def test_a_stuck_helper_is_stopped(pack, monkeypatch, caplog, helper_runs):
    alone = load_pack(pack, helper=False)
    monkeypatch.setattr(readhelper, "MIN_WAIT_S", 0.3)
    _helper_running(monkeypatch, "import threading; threading.Event().wait()")  # never answers
    with caplog.at_level(logging.WARNING):
        helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    _same(alone, helped)
    assert "was stopped" in _said(caplog)


def test_a_helper_that_cannot_start_only_costs_time(pack, monkeypatch, caplog):
    alone = load_pack(pack, helper=False)
    monkeypatch.setattr(readhelper, "_command", lambda: [str(pack / "no-such-program")])
    with caplog.at_level(logging.WARNING):
        _same(alone, load_pack(pack, helper=True))
    assert "could not start" in _said(caplog)


def test_the_bundled_exhibit_is_read_in_one_process(pack, monkeypatch):
    monkeypatch.setattr(readhelper, "start", lambda *args: pytest.fail("a helper started for eight panels"))
    assert load_pack(pack).pack is not None


def test_a_panel_added_while_the_helper_reads_makes_the_validator_read_its_share(pack, monkeypatch, caplog, helper_runs):
    alone = load_pack(pack, helper=False)
    start = readhelper.start

    def start_after_a_save(root, panels, ctx):
        shutil.copy(root / "panels" / "06-justice-for-khojaly.yaml", root / "panels" / "06-x-copy.yaml")
        return start(root, panels, ctx)

    monkeypatch.setattr(readhelper, "start", start_after_a_save)
    with caplog.at_level(logging.WARNING):
        helped = load_pack(pack, helper=True)
    assert helper_runs == [None]
    assert helped.problems == alone.problems  # the panels listed at first, read here
    assert "other panel files" in _said(caplog)


def test_checks_across_the_two_halves_see_the_helpers_panels(tmp_path, helper_runs):
    # Four panels: the helper reads the last two. One of them repeats an id of ours and shows a missing image.
    pack = write_minimal_pack(tmp_path / "pack")
    first = pack / "panels" / "01-first.yaml"
    for number in (2, 3, 4):
        copy = pack / "panels" / f"0{number}-copy.yaml"
        copy.write_text(first.read_text(encoding="utf-8").replace("first-panel", f"panel-{number}"), encoding="utf-8")
    edit(pack / "panels" / "04-copy.yaml", "id: panel-4", "id: panel-2")
    edit(pack / "panels" / "04-copy.yaml", "images/photo.png", "images/missing.png")
    alone = load_pack(pack, helper=False)
    helped = load_pack(pack, helper=True)
    assert len(helper_runs[0]) == 2
    _same(alone, helped)
    messages = [(p.position.file, p.position.line, p.message) for p in helped.problems]
    assert any(file == "panels/04-copy.yaml" and "panel-2" in message for file, _, message in messages), messages
    assert any(file == "panels/04-copy.yaml" and "missing.png" in message for file, _, message in messages), messages


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


def test_the_helper_finds_this_copy_of_the_kiosk_and_leaves_an_installed_one_where_it_is(monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)
    here = Path(readhelper.__file__).resolve().parents[2]
    monkeypatch.setattr(readhelper, "_site_folders", lambda: set())
    assert readhelper._environment()["PYTHONPATH"] == str(here)  # a checkout: put first
    monkeypatch.setattr(readhelper, "_site_folders", lambda: {here})
    assert "PYTHONPATH" not in readhelper._environment()  # installed: after the standard library, as usual
