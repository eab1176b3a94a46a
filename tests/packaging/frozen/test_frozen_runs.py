"""The built kiosk running: a content pack with a JPEG photograph, and under cage as on a terminal."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.packs import write_minimal_pack


def test_a_pack_with_jpeg_photographs_renders(kiosk, tmp_path, qapp):
    # The bundled pack has no photographs; staff packs do. Without Qt's JPEG plugin they would fail here.
    pack = write_minimal_pack(tmp_path / "pack")
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#c9a66b"))
    assert image.save(str(pack / "images" / "photo.jpg"), "JPEG")
    (pack / "images" / "photo.png").unlink()
    panel = pack / "panels" / "01-first.yaml"
    panel.write_text(panel.read_text(encoding="utf-8").replace("photo.png", "photo.jpg"), encoding="utf-8")
    run = subprocess.run(
        [str(kiosk), "self-test", "--content", str(pack), "--sizes", "960x540"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "ok   960x540 en panel 1\n" in run.stdout


@pytest.fixture(scope="module")
def readable_copy(folder):
    """cage refuses to run as root, so the kiosk runs as `nobody`: it needs a copy it can read."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    place = Path(tempfile.mkdtemp(prefix="kiosk-cage-", dir="/tmp"))
    try:
        shutil.copytree(folder, place / "kiosk", symlinks=True)
        runtime = place / "runtime"
        runtime.mkdir(mode=0o700)
        os.chown(runtime, nobody.pw_uid, nobody.pw_gid)
        for path in [place, *place.rglob("*")]:
            if not path.is_symlink() and path != runtime:
                path.chmod(path.stat().st_mode | 0o444 | (0o111 if path.is_dir() else 0))
        yield place
    finally:
        shutil.rmtree(place)


def under_cage(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """setup/kiosk-session.sh, as kiosk.service runs it, with cage's headless backend and its software
    renderer: a Wayland session without a screen or a GPU. As `nobody`: cage refuses to run as root."""
    for tool in ("cage", "Xwayland", "setpriv"):
        assert shutil.which(tool), f"{tool} is missing: .ci/run installs cage, xwayland and util-linux"
    env = {
        "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "RUNTIME_DIRECTORY": str(copy / "runtime"),
        "XDG_RUNTIME_DIR": str(copy / "runtime"), "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1", "QT_QPA_PLATFORM": "wayland", "KIOSK_REPORT_FIRST_FRAME": "1",
        # Its own temporary folder (the instance lock lives there by default), as PrivateTmp= gives the unit.
        "TMPDIR": str(copy / "runtime"),
    }
    # Stands in for systemd's notification socket (Type=notify in kiosk.service).
    notify_path = copy / "runtime" / "notify"
    notify_path.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
        notify.bind(str(notify_path))
        notify_path.chmod(0o777)
        env["NOTIFY_SOCKET"] = str(notify_path)
        run = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
             "/bin/sh", str(copy / "kiosk" / "setup" / "kiosk-session.sh"), *args],
            capture_output=True, text=True, timeout=300, env=env,
        )
        notify.setblocking(False)
        run.notifications = []
        while True:
            try:
                run.notifications.append(notify.recv(4096).decode())
            except BlockingIOError:
                return run


@pytest.mark.skipif(sys.platform != "linux", reason="cage is a Linux compositor")
def test_the_kiosk_starts_full_screen_under_cage(readable_copy):
    run = under_cage(readable_copy)
    # The kiosk prints this when its first full-screen frame is on cage's output, then quits; cage follows.
    assert any(line.startswith("first-frame ") for line in run.stdout.splitlines()), run.stdout + run.stderr[-4000:]
    assert "Could not load the Qt platform plugin" not in run.stderr
    assert run.returncode == 0, run.stderr[-4000:]
    # systemd hears from the kiosk through cage: without READY=1 a Type=notify unit never starts.
    assert "READY=1" in run.notifications, run.notifications


@pytest.mark.skipif(sys.platform != "linux", reason="cage is a Linux compositor")
def test_the_kiosks_own_exit_code_reaches_systemd_through_cage(readable_copy):
    # cage itself always exits 0; kiosk.service's RestartPreventExitStatus= needs the kiosk's code.
    run = under_cage(readable_copy, "--size", "huge")
    assert run.returncode == 2, run.stderr[-4000:]
    assert "--size must look like 1920x1080" in run.stderr


def test_the_built_kiosk_reads_panels_as_the_validators_helper(kiosk, tmp_path):
    # For a large pack the validator starts the kiosk itself again as its helper (kiosk/content/readhelper.py).
    # Without entry.py's hidden mode, that would be a second kiosk, not an answer.
    import json
    import pickle

    from kiosk.content.readhelper import HELPER_ARGUMENT
    from kiosk.resources import bundled_content

    pack = Path(shutil.copytree(bundled_content(), tmp_path / "pack"))
    answer = tmp_path / "answer.pickle"
    request = json.dumps([str(pack), "panels/05", "panels/99", ["en", "az", "ru"], {}, str(answer)])
    run = subprocess.run([str(kiosk), HELPER_ARGUMENT, request], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    first_line, _, data = answer.read_bytes().partition(b"\n")
    assert first_line.startswith(b"kiosk helper ") and first_line != b"kiosk helper failed", first_line + data[-2000:]
    rels, panels, *_ = pickle.loads(data)
    assert rels == sorted(f"panels/{p.name}" for p in (pack / "panels").glob("0[5-8]-*.yaml"))
    assert [panel["id"] for panel in panels] == ["remembrance", "justice-for-khojaly", "legal-assessment", "never-forget"]
