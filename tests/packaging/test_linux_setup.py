"""The Linux terminal setup (packaging/linux): the systemd unit, install.sh and rollback.sh.

install.sh and rollback.sh run for real, under a temporary root (`--root`), on a stand-in kiosk folder
whose `kiosk` is a small script; the real frozen kiosk under cage is tested in tests/packaging/frozen.
"""

import os
import shutil
import subprocess
from pathlib import Path

from kiosk.services.config import StationConfig
from kiosk.services.exitcodes import STAY_DOWN

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"

STAND_IN = """#!/bin/sh
# Stands in for the frozen kiosk: a version, a self-test that fails when told to, validate.
case "$1" in
  --version) echo "kiosk {version}"; echo "content test-exhibit 0000 (bundled)";;
  self-test) [ -e "$(dirname "$0")/fail-self-test" ] && exit 1; echo "self-test passed: 1 checks, 0 failures";;
  validate) exit 0;;
esac
"""


def unit_text() -> str:
    return (LINUX / "kiosk.service").read_text(encoding="utf-8")


def test_systemd_accepts_the_unit_without_a_single_warning(tmp_path):
    assert shutil.which("systemd-analyze"), "systemd-analyze is missing: apt-get install systemd (.ci/run does)"
    unit = tmp_path / "kiosk.service"
    # verify checks that ExecStart's program exists: point it at the script in this checkout instead of
    # the installed /opt/kiosk/current/setup/ (the only change).
    unit.write_text(unit_text().replace("/opt/kiosk/current/setup/", f"{LINUX}/"), encoding="utf-8")
    run = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    # verify exits 0 on a misspelt key or a bad value and only warns: any warning about our unit fails.
    assert "kiosk.service" not in run.stderr, run.stderr


def test_the_unit_restarts_the_kiosk_unless_it_stopped_on_purpose():
    lines = [line for line in unit_text().splitlines() if line and not line.startswith("#")]
    assert "Restart=always" in lines
    assert "ExecStart=/opt/kiosk/current/setup/kiosk-session.sh $KIOSK_ARGS" in lines
    # Stopped on purpose (staff's Exit, wrong options, a second kiosk, a broken station config): stay down.
    assert f"RestartPreventExitStatus={' '.join(str(code) for code in STAY_DOWN)}" in lines
    assert "StartLimitAction=reboot" in lines


def test_the_unit_listens_for_the_kiosks_heartbeat():
    lines = [line for line in unit_text().splitlines() if line and not line.startswith("#")]
    # The kiosk sends READY=1 and WATCHDOG=1 (services/sdnotify.py) from under cage, not as the main process.
    assert {"Type=notify", "NotifyAccess=all"} <= set(lines)
    (watchdog,) = [line for line in lines if line.startswith("WatchdogSec=")]
    # Longer than the kiosk's own hang watchdog, so hang.log is written before systemd steps in.
    assert int(watchdog.split("=")[1]) > StationConfig().hang_seconds


def stand_in_folder(tmp_path: Path, version: str = "1.0.0") -> Path:
    folder = tmp_path / f"usb-{version}" / "kiosk"
    folder.mkdir(parents=True)
    kiosk = folder / "kiosk"
    kiosk.write_text(STAND_IN.format(version=version), encoding="utf-8")
    kiosk.chmod(0o755)
    shutil.copytree(LINUX, folder / "setup")
    return folder


def install(folder: Path, root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(folder / "setup" / "install.sh"), "--root", str(root), *args],
        capture_output=True, text=True, timeout=120,
    )


def rollback(root: Path, *args: str) -> subprocess.CompletedProcess:
    script = root / "opt" / "kiosk" / "current" / "setup" / "rollback.sh"
    return subprocess.run(["bash", str(script), "--root", str(root), *args], capture_output=True, text=True, timeout=60)


def current(root: Path) -> str:
    return os.readlink(root / "opt" / "kiosk" / "current")


def test_install_copies_the_folder_and_installs_the_unit(tmp_path):
    root = tmp_path / "root"
    run = install(stand_in_folder(tmp_path), root)
    assert run.returncode == 0, run.stdout + run.stderr
    assert current(root).startswith("releases/") and current(root).endswith("-1.0.0")
    assert (root / "opt" / "kiosk" / "current" / "kiosk").is_file()
    assert (root / "etc" / "systemd" / "system" / "kiosk.service").read_text(encoding="utf-8") == unit_text()
    assert "pam_systemd.so" in (root / "etc" / "pam.d" / "kiosk").read_text(encoding="utf-8")
    assert "KIOSK_ARGS=\n" in (root / "etc" / "kiosk" / "kiosk.env").read_text(encoding="utf-8")
    assert (root / "var" / "log" / "journal").is_dir()


def test_a_content_folder_is_recorded_and_survives_the_next_update(tmp_path):
    root = tmp_path / "root"
    content = tmp_path / "content"
    content.mkdir()
    assert install(stand_in_folder(tmp_path, "1.0.0"), root, "--content", str(content)).returncode == 0
    assert install(stand_in_folder(tmp_path, "1.1.0"), root).returncode == 0
    assert f"KIOSK_ARGS=--content {content}\n" in (root / "etc" / "kiosk" / "kiosk.env").read_text(encoding="utf-8")
    assert current(root).endswith("-1.1.0")


def test_a_copy_that_fails_its_self_test_never_replaces_the_running_kiosk(tmp_path):
    root = tmp_path / "root"
    assert install(stand_in_folder(tmp_path, "1.0.0"), root).returncode == 0
    broken = stand_in_folder(tmp_path, "2.0.0")
    (broken / "fail-self-test").touch()
    run = install(broken, root)
    assert run.returncode == 1
    assert "the self-test failed, nothing was changed" in run.stderr
    assert current(root).endswith("-1.0.0")
    assert not [p for p in (root / "opt" / "kiosk" / "releases").iterdir() if p.is_dir() and p.name.endswith("2.0.0")]


def test_three_releases_are_kept_and_rollback_goes_back_one_at_a_time(tmp_path):
    root = tmp_path / "root"
    for version in ("1.0.0", "1.1.0", "1.2.0", "1.3.0"):
        assert install(stand_in_folder(tmp_path, version), root).returncode == 0
    releases = sorted(p.name for p in (root / "opt" / "kiosk" / "releases").iterdir() if p.is_dir())
    assert [name.rsplit("-", 1)[1] for name in releases] == ["1.1.0", "1.2.0", "1.3.0"]

    listed = rollback(root, "--list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[0].endswith("-1.3.0  (current)")

    assert rollback(root).returncode == 0
    assert current(root).endswith("-1.2.0")
    assert rollback(root).returncode == 0
    assert current(root).endswith("-1.1.0")
    oldest = rollback(root)
    assert oldest.returncode == 1 and "no release older than" in oldest.stderr
    assert rollback(root, releases[2]).returncode == 0
    assert current(root).endswith("-1.3.0")


def test_install_refuses_to_run_from_anywhere_but_the_kiosk_folder(tmp_path):
    setup = tmp_path / "setup"
    shutil.copytree(LINUX, setup)
    run = subprocess.run(["bash", str(setup / "install.sh"), "--root", str(tmp_path / "root")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "run this from the kiosk folder" in run.stderr
