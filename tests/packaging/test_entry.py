"""The frozen entry point (packaging/entry.py): no error dialog that waits for a click, no lost log."""

import sys
from pathlib import Path

import kiosk.cli

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import entry  # noqa: E402


def test_an_unhandled_error_exits_with_1_and_its_traceback(monkeypatch, capsys):
    def broken(argv=None):
        raise RuntimeError("the interface could not be loaded")

    monkeypatch.setattr(kiosk.cli, "main", broken)
    assert entry.run() == 1
    assert "RuntimeError: the interface could not be loaded" in capsys.readouterr().err


def test_the_exit_code_of_the_command_passes_through(monkeypatch):
    monkeypatch.setattr(kiosk.cli, "main", lambda argv=None: 0)
    assert entry.run() == 0


def test_without_a_console_the_output_goes_to_a_log_and_the_previous_one_is_kept(monkeypatch, tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "kiosk.log").write_text("the run before\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry.give_output_somewhere(folder)
    print("kiosk 0.1.0", file=sys.stderr)
    sys.stderr.close()
    assert (folder / "kiosk.log").read_text(encoding="utf-8") == "kiosk 0.1.0\n"
    assert (folder / "kiosk.previous.log").read_text(encoding="utf-8") == "the run before\n"


def test_with_a_console_nothing_is_redirected(tmp_path):
    entry.give_output_somewhere(tmp_path / "logs")
    assert not (tmp_path / "logs").exists()


def test_the_entry_knows_the_validators_helper_argument():
    # entry.py writes it out (importing the validator would slow every start); the two must agree.
    from kiosk.content.readhelper import HELPER_ARGUMENT

    assert entry.HELPER_ARGUMENT == HELPER_ARGUMENT
