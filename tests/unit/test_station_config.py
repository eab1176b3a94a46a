"""The station config: defaults, errors at file:line:col in staff's words, paths, and `kiosk set-pin`."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from kiosk.cli import main
from kiosk.services.config import StationConfig, load_config
from kiosk.services.pin import verify_pin


def write(tmp_path, text: str):
    path = tmp_path / "station.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_and_a_comments_only_file_give_the_defaults(tmp_path):
    assert load_config(None).config == StationConfig()
    config = load_config(write(tmp_path, "# every setting left at its default\n\n")).config
    assert config is not None and config.idle_seconds == 90 and config.renderer == "auto"
    assert config.usage_enabled and not config.cursor_visible and config.pin_hash == ""


def test_every_setting_is_read_and_relative_folders_are_taken_from_the_config_file(tmp_path):
    config = load_config(write(tmp_path, """\
idle:
  timeout: 45
  countdown: 10
attract:
  cycle: 8.5
languages:
  offered: [az, en]
  default: az
screen:
  index: 1
  orientation: portrait
  cursor: visible
  renderer: opengl
staff:
  corner: top-right
  menu_timeout: 120
content:
  store: store
logs:
  folder: /var/log/kiosk
  hang_seconds: 20
usage:
  enabled: no
  max_rows: 5000
""")).config
    assert (config.idle_seconds, config.countdown_seconds, config.attract_cycle_seconds) == (45, 10, 8.5)
    assert config.languages_offered == ("az", "en") and config.default_language == "az"
    assert (config.screen_index, config.orientation, config.cursor_visible, config.renderer) == (1, "portrait", True, "opengl")
    assert (config.staff_corner, config.staff_menu_timeout) == ("top-right", 120)
    assert config.content_store == tmp_path / "store"
    assert str(config.log_folder) == "/var/log/kiosk" and config.hang_seconds == 20
    assert config.usage_database == config.log_folder / "usage.sqlite"
    assert (config.usage_enabled, config.usage_max_rows) == (False, 5000)
    assert config.lock_file == config.log_folder / "kiosk.lock"


def test_errors_name_file_line_and_column_all_in_one_pass(tmp_path):
    result = load_config(write(tmp_path, """\
idle:
  timeout: 5
  countdwn: 10
screen:
  renderer: opengel
  index: two
usage:
  enabled: maybe
staff:
  pin: "1234"
colour: blue
"""))
    assert result.config is None
    assert [str(p) for p in result.problems] == [
        "station.yaml:2:12: error: 5 is outside the allowed range (a number from 10 to 3600 seconds)",
        "station.yaml:3:3: error: `countdwn` is not a known field of idle (did you mean `countdown`?)",
        "station.yaml:5:13: error: expected one of `auto`, `software`, `opengl`, `vulkan`, `direct3d11`, "
        "`direct3d12`, `metal`, found `opengel` (did you mean `opengl`?)",
        "station.yaml:6:10: error: expected a whole number from 0 to 16, found `two`",
        "station.yaml:8:12: error: expected `yes` or `no`, found `maybe`",
        "station.yaml:10:8: error: `1234` is not a PIN hash written by `kiosk set-pin`",
        "station.yaml:11:1: error: `colour` is not a known field of the station configuration"
        " (allowed here: idle, attract, languages, screen, staff, content, logs, accessibility, usage)",
    ]


def test_broken_yaml_and_missing_file_are_reported_not_raised(tmp_path):
    result = load_config(write(tmp_path, "idle:\n  timeout: [90\n"))
    assert result.config is None and str(result.problems[0]).startswith("station.yaml:3:1: error:")
    missing = load_config(tmp_path / "nowhere.yaml")
    assert missing.config is None and "does not exist" in str(missing.problems[0])


def test_validate_config_command(tmp_path, capsys):
    good = write(tmp_path, "idle:\n  timeout: 60\n")
    assert main(["validate-config", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "station.yaml: 0 errors; usable"
    write(tmp_path, "idle:\n  timeout: soon\n")
    assert main(["validate-config", str(good)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == ["station.yaml:2:12: error: expected a number from 10 to 3600 seconds, found `soon`",
                     "station.yaml: 1 error; NOT usable"]


def test_the_kiosk_refuses_to_start_with_a_broken_config(tmp_path):
    path = write(tmp_path, "screen:\n  cursor: sometimes\n")
    run = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path)], capture_output=True, text=True)
    assert run.returncode == 4
    assert "station.yaml:2:11: error: expected one of `hidden`, `visible`, found `sometimes`" in run.stderr


def test_set_pin_stores_only_a_salted_hash_and_keeps_the_rest_of_the_file(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, "# Gallery 2, left terminal\nstaff:\n  corner: top-left\nidle:\n  timeout: 60\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("482916\n"))
    assert main(["set-pin", "--config", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "482916" not in text and "# Gallery 2, left terminal" in text and "corner: top-left" in text
    config = load_config(path).config
    assert verify_pin("482916", config.pin_hash) and not verify_pin("482917", config.pin_hash)
    assert config.staff_corner == "top-left" and config.idle_seconds == 60
    first = config.pin_hash
    monkeypatch.setattr(sys, "stdin", io.StringIO("482916\n"))
    assert main(["--config", str(path), "set-pin"]) == 0  # --config before the command works too
    assert load_config(path).config.pin_hash != first  # a new salt every time
    assert path.read_text(encoding="utf-8").count("pin:") == 1


def test_set_pin_refuses_what_is_not_a_pin(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, "idle:\n  timeout: 60\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("12ab\n"))
    assert main(["set-pin", "--config", str(path)]) == 1
    assert "4 to 12 digits" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "idle:\n  timeout: 60\n"


def test_set_pin_never_breaks_a_config(tmp_path, monkeypatch, capsys):
    broken = write(tmp_path, "idle:\n  timeout: soon\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("482916\n"))
    assert main(["set-pin", "--config", str(broken)]) == 1
    assert "station.yaml:2:12: error" in capsys.readouterr().err
    assert broken.read_text(encoding="utf-8") == "idle:\n  timeout: soon\n"
    flow = write(tmp_path, "staff: {corner: top-left}\n")  # a layout the line editor cannot extend
    monkeypatch.setattr(sys, "stdin", io.StringIO("482916\n"))
    assert main(["set-pin", "--config", str(flow)]) == 1
    assert 'add these lines to it by hand:\nstaff:\n  pin: "pbkdf2-sha256$' in capsys.readouterr().err
    assert flow.read_text(encoding="utf-8") == "staff: {corner: top-left}\n"
    new = tmp_path / "new.yaml"  # no file yet: set-pin starts one
    monkeypatch.setattr(sys, "stdin", io.StringIO("482916\n"))
    assert main(["set-pin", "--config", str(new)]) == 0
    assert verify_pin("482916", load_config(new).config.pin_hash)


def test_a_station_sets_the_reach_zone_and_patience_of_accessibility_mode(tmp_path):
    config = load_config(write(tmp_path, "accessibility:\n  reach_zone: 0.6\n  patience: 3\n")).config
    assert (config.reach_zone, config.accessible_patience) == (0.6, 3.0)
    assert (StationConfig().reach_zone, StationConfig().accessible_patience) == (1.0, 2.0)
    problems = load_config(write(tmp_path, "accessibility:\n  reach_zone: 0.2\n")).problems
    assert [str(p) for p in problems] == [
        "station.yaml:2:15: error: 0.2 is outside the allowed range (a number from 0.4 to 1)"
    ]


def test_an_unchanged_config_is_remembered_and_an_edited_one_is_read_again(tmp_path, monkeypatch):
    from kiosk.content import cache
    from kiosk.services import configfile

    monkeypatch.setattr(cache, "SETTLED_SECONDS", 0)  # the file may be trusted at once
    path = write(tmp_path, "idle:\n  timeout: 60\n")
    assert load_config(path).config.idle_seconds == 60
    reads = []
    real_read = configfile.read_config
    monkeypatch.setattr(configfile, "read_config", lambda p: reads.append(p) or real_read(p))
    remembered = load_config(path)
    assert remembered.config.idle_seconds == 60 and remembered.config.source == path and reads == []
    times = path.stat()
    path.write_text("idle:\n  timeout: 70\n", encoding="utf-8")  # same size, and the old times put back
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert load_config(path).config.idle_seconds == 70 and reads == [path]


def test_a_fresh_or_broken_config_is_never_remembered(tmp_path, monkeypatch):
    from kiosk.content import cache
    from kiosk.services import configfile

    reads = []
    real_read = configfile.read_config
    monkeypatch.setattr(configfile, "read_config", lambda p: reads.append(p) or real_read(p))
    fresh = write(tmp_path, "idle:\n  timeout: 60\n")  # saved just now: it may change again unnoticed
    load_config(fresh), load_config(fresh)
    assert reads == [fresh, fresh]
    monkeypatch.setattr(cache, "SETTLED_SECONDS", 0)
    broken = write(tmp_path, "idle:\n  timeout: soon\n")
    first, second = load_config(broken), load_config(broken)
    assert first.config is None and second.problems == first.problems and len(reads) == 4


def test_a_remembered_config_starts_the_kiosk_without_pyyaml(tmp_path):
    path = write(tmp_path, "idle:\n  timeout: 60\n")
    code = (
        "import sys\nfrom kiosk.content import cache\ncache.SETTLED_SECONDS = 0\n"
        f"from kiosk.services.config import load_config\nassert load_config({str(path)!r}).config.idle_seconds == 60\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], [run.stderr for run in runs]
