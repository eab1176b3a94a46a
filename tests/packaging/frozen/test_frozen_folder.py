"""The built folder as an installer receives it: size, contents, licences, every library resolvable."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.content import load_pack
from kiosk.resources import bundled_content

BUDGET_MIB = 150


def folder_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink()) / 2**20


def test_the_folder_fits_the_size_budget(folder):
    assert folder_mib(folder) <= BUDGET_MIB


def test_version_names_the_app_and_the_bundled_content_exactly(kiosk):
    run = subprocess.run([str(kiosk), "--version"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    app, content = run.stdout.splitlines()[:2]
    assert app == f"kiosk {__version__}"
    # The same hash as the checkout's data/: the folder carries the pack unchanged.
    expected = load_pack(bundled_content())
    assert re.match(rf"content {expected.exhibit_id} {expected.content_hash} \(", content), content


def test_the_licences_ship_beside_the_executable(folder):
    notice = (folder / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for name in ("Qt", "PySide6", "LGPL", "Python Software Foundation", "PyYAML", "Noto", "Natural Earth"):
        assert name in notice, name
    for licence in re.findall(r"licenses/([\w./+-]*\w)", notice):
        assert (folder / "licenses" / licence).exists(), licence
    assert (folder / "INSTALL.md").is_file()


def test_no_qt_translations_styles_or_unused_modules_ride_along(folder):
    names = {p.name for p in folder.rglob("*")}
    assert not [n for n in names if n.endswith(".qm")]
    assert not {"Controls", "VirtualKeyboard", "Dialogs", "Effects"} & names
    assert not [n for n in names if re.match(r"(lib)?Qt6(Widgets|QuickControls2|Pdf|WaylandCompositor)", n)]


@pytest.mark.skipif(sys.platform != "linux", reason="ldd; on Windows the frozen self-test loads what the kiosk uses")
def test_every_library_in_the_folder_finds_what_it_links_against(folder):
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))  # as the bootloader sets it
    missing = {}
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        lost = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if lost:
            missing[str(path.relative_to(folder))] = sorted(set(lost))
    # e.g. Qt's Wayland plugin without libwayland-cursor: the kiosk would not start under cage.
    assert not missing, missing
