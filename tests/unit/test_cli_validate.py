"""`kiosk validate` as staff and tools use it: lines, summary, exit codes, JSON."""

import json
import subprocess
import sys

from kiosk.cli import main
from tests.packs import edit


def test_valid_pack_exits_0_with_a_summary(pack, capsys):
    assert main(["validate", str(pack)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("test-exhibit: 0 errors, 0 warnings; usable (1 panels, 1 events, 2 recognition entries")


def test_broken_pack_exits_1_and_prints_file_line_column(pack, capsys):
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    assert main(["validate", str(pack)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("recognitions.yaml:22:12: error: `XY` is not a country code the map knows")
    assert lines[-1] == "test-exhibit: 1 error, 0 warnings; NOT usable"


def test_strict_turns_warnings_into_failure(pack, capsys):
    edit(pack / "sources.yaml", "    checked: yes\n", "    checked: no\n")
    assert main(["validate", str(pack)]) == 0
    assert main(["validate", "--strict", str(pack)]) == 1
    assert "--strict treats warnings as errors" in capsys.readouterr().out


def test_json_output_for_tools(pack, capsys):
    edit(pack / "timeline.yaml", '"1992-02-26"', '"1992-02-30"')
    assert main(["validate", "--json", str(pack)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["usable"] is False and report["errors"] == 1 and report["exhibit"] == "test-exhibit"
    problem = report["problems"][0]
    assert (problem["file"], problem["line"], problem["column"], problem["severity"]) == ("timeline.yaml", 10, 11, "error")
    assert len(report["hash"]) == 64


def test_python_dash_m_kiosk_works(pack):
    run = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(pack)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "usable" in run.stdout


def test_version_names_the_pack_and_its_hash(pack, capsys):
    assert main(["--version", "--content", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kiosk 0.1.0\ncontent test-exhibit ")
    edit(pack / "timeline.yaml", "Event text (en)", "Another text (en)")
    main(["--version", "--content", str(pack)])
    assert capsys.readouterr().out != out  # the hash follows the content
