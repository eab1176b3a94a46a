"""Safe content updates: install from a folder or a .zip, rollback, fall back, and a kill at any point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_pack
from kiosk.services.activation import first_usable, pack_candidates
from kiosk.services.config import StationConfig
from kiosk.services.contentstore import ContentStore, InstallError, safe_member_path
from kiosk.resources import bundled_content
from tests.packs import edit, write_minimal_pack


def second_version(tmp_path: Path) -> Path:
    """The minimal pack with a changed title: another version, as valid as the first."""
    root = write_minimal_pack(tmp_path / "pack-v2")
    edit(root / "exhibit.yaml", "test-exhibit", "test-exhibit-v2")
    return root


def active(store: ContentStore) -> tuple[str, str]:
    current = store.current()
    result = load_pack(current)
    assert result.pack is not None, [str(p) for p in result.errors]
    return result.exhibit_id, result.content_hash


def test_install_copies_validates_and_switches_keeping_the_previous(pack, tmp_path):
    store = ContentStore(tmp_path / "store")
    first = store.install(pack, load_pack)
    assert first.previous is None and active(store)[0] == "test-exhibit"
    assert load_pack(first.path).content_hash == load_pack(pack).content_hash  # a complete, faithful copy
    second = store.install(second_version(tmp_path), load_pack)
    assert second.previous == first.version
    assert active(store)[0] == "test-exhibit-v2"
    assert store.candidates() == [second.path, first.path]
    assert not list(store.root.glob(".staging-*"))  # nothing left half-done


def test_the_same_pack_twice_changes_nothing(pack, tmp_path):
    store = ContentStore(tmp_path / "store")
    first = store.install(pack, load_pack)
    again = store.install(pack, load_pack)
    assert again.already_current and store.state() == {"current": first.version, "previous": None}


def test_a_broken_pack_is_refused_and_the_store_is_untouched(pack, tmp_path):
    store = ContentStore(tmp_path / "store")
    store.install(pack, load_pack)
    before = (store.root / "active.json").read_text()
    broken = second_version(tmp_path)
    edit(broken / "recognitions.yaml", "place: MX", "place: XY")
    with pytest.raises(InstallError, match=r"1 errors and was not installed:\nrecognitions.yaml:22:12: error"):
        store.install(broken, load_pack)
    assert (store.root / "active.json").read_text() == before
    assert len(list(store.packs.iterdir())) == 1 and not list(store.root.glob(".staging-*"))


def test_only_the_current_and_previous_versions_are_kept(pack, tmp_path):
    store = ContentStore(tmp_path / "store")
    versions = [store.install(pack, load_pack).version]
    v2 = second_version(tmp_path)
    versions.append(store.install(v2, load_pack).version)
    edit(v2 / "exhibit.yaml", "test-exhibit-v2", "test-exhibit-v3")
    versions.append(store.install(v2, load_pack).version)
    assert sorted(p.name for p in store.packs.iterdir()) == sorted(versions[1:])


def test_rollback_returns_to_the_previous_version_and_back(pack, tmp_path, capsys):
    config = tmp_path / "station.yaml"
    config.write_text("content:\n  store: store\n", encoding="utf-8")
    assert main(["rollback", "--config", str(config)]) == 1
    assert "no previous content version" in capsys.readouterr().err
    assert main(["install-content", str(pack), "--config", str(config)]) == 0
    assert main(["install-content", str(second_version(tmp_path)), "--config", str(config)]) == 0
    store = ContentStore(tmp_path / "store")
    assert active(store)[0] == "test-exhibit-v2"
    assert main(["rollback", "--config", str(config)]) == 0
    assert active(store)[0] == "test-exhibit"
    assert main(["rollback", "--config", str(config)]) == 0
    assert active(store)[0] == "test-exhibit-v2"


def zip_of(folder: Path, archive: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, prefix + path.relative_to(folder).as_posix())
    return archive


@pytest.mark.parametrize("prefix", ["", "exhibit-2026/"])
def test_install_from_a_zip_with_or_without_a_top_folder(pack, tmp_path, prefix):
    store = ContentStore(tmp_path / "store")
    store.install(zip_of(pack, tmp_path / "pack.zip", prefix), load_pack)
    assert active(store) == ("test-exhibit", load_pack(pack).content_hash)


@pytest.mark.parametrize("name", ["../evil.yaml", "/etc/evil.yaml", "panels/../../evil.yaml", "..\\evil.yaml", "C:/evil.yaml"])
def test_a_zip_member_escaping_the_folder_is_refused(pack, tmp_path, name):
    archive = zip_of(pack, tmp_path / "pack.zip")
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr(name, "x")
    store = ContentStore(tmp_path / "store")
    with pytest.raises(InstallError, match="outside the content folder"):
        store.install(archive, load_pack)
    assert not (tmp_path / "evil.yaml").exists() and store.current() is None
    assert safe_member_path("panels/01.yaml") is not None


def test_a_zip_holding_a_link_is_refused(pack, tmp_path):
    archive = zip_of(pack, tmp_path / "pack.zip")
    with zipfile.ZipFile(archive, "a") as zipped:
        link = zipfile.ZipInfo("images/link.png")
        link.external_attr = (0o120777 << 16)
        zipped.writestr(link, "/etc/passwd")
    with pytest.raises(InstallError, match="is a link"):
        ContentStore(tmp_path / "store").install(archive, load_pack)


def test_a_folder_holding_a_link_is_refused(pack, tmp_path):
    (pack / "images" / "secret.png").symlink_to("/etc/passwd")
    with pytest.raises(InstallError, match="links and special files are not allowed"):
        ContentStore(tmp_path / "store").install(pack, load_pack)


def test_the_kiosk_falls_back_to_the_last_good_pack_then_the_bundled_one(pack, tmp_path):
    store = ContentStore(tmp_path / "store")
    good = store.install(pack, load_pack)
    newer = store.install(second_version(tmp_path), load_pack)
    config = StationConfig(content_store=store.root)
    assert pack_candidates(config) == [newer.path, good.path, bundled_content()]
    (newer.path / "exhibit.yaml").write_text("id: [broken\n", encoding="utf-8")  # damaged on disk later
    assert first_usable(pack_candidates(config), load_pack).root == good.path
    (good.path / "ui.yaml").unlink()
    assert first_usable(pack_candidates(config), load_pack).root == bundled_content()
    assert pack_candidates(config, explicit=pack) == [pack]  # --content shows exactly that pack


# The kill matrix ---------------------------------------------------------------------------------
_INSTALLER = """
import os, sys
from pathlib import Path
from kiosk.content import load_pack
from kiosk.services.contentstore import ContentStore
kill_at, steps = int(sys.argv[3]), []
def step(name):
    steps.append(name)
    if len(steps) == kill_at:
        os.kill(os.getpid(), 9)  # SIGKILL: no cleanup, no finally blocks, no flushing
ContentStore(Path(sys.argv[1])).install(Path(sys.argv[2]), load_pack, step)
print(" ".join(steps))
"""


def run_installer(store: Path, source: Path, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _INSTALLER, str(store), str(source), str(kill_at)], capture_output=True, text=True
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX; the switch itself is os.replace on every OS")
def test_a_kill_at_any_step_of_an_install_leaves_the_old_or_the_new_pack_complete(pack, tmp_path):
    store_root = tmp_path / "store"
    old_hash = load_pack(pack).content_hash
    new = second_version(tmp_path)
    new_hash = load_pack(new).content_hash
    # Two versions already installed, so an install also prunes one: every kind of step is crossed.
    ContentStore(store_root).install(pack, load_pack)
    older = second_version(tmp_path / "older")
    edit(older / "exhibit.yaml", "test-exhibit-v2", "test-exhibit-v0")
    baseline = store_root.parent / "baseline"
    ContentStore(store_root).install(older, load_pack)
    ContentStore(store_root).rollback()  # current: the first pack; previous: v0
    shutil.copytree(store_root, baseline, symlinks=True)
    complete = run_installer(store_root, new, kill_at=0)
    assert complete.returncode == 0, complete.stderr
    steps = complete.stdout.split()
    assert set(steps) == {"staging", "copied", "validated", "renamed", "pointer-written", "pointer-flushed", "switched", "pruned"}
    total = len(steps)
    outcomes = set()
    for kill_at in range(1, total + 1):
        shutil.rmtree(store_root)
        shutil.copytree(baseline, store_root, symlinks=True)
        run = run_installer(store_root, new, kill_at)
        assert run.returncode == -9, (kill_at, run.stderr)
        store = ContentStore(store_root)
        exhibit_id, content_hash = active(store)  # complete and valid, whichever it is
        assert content_hash in (old_hash, new_hash), kill_at
        outcomes.add(content_hash)
        for candidate in store.candidates():  # the fallback is complete too
            assert load_pack(candidate).pack is not None, (kill_at, candidate)
        # The next install after a crash cleans up and succeeds.
        again = ContentStore(store_root).install(new, load_pack)
        assert active(ContentStore(store_root))[1] == new_hash and not list(store_root.glob(".staging-*"))
        assert json.loads((store_root / "active.json").read_text())["current"] == again.version
    assert outcomes == {old_hash, new_hash}  # kills landed both before and after the switch


@pytest.mark.skipif(os.name != "posix", reason="shared flock is POSIX; Windows prunes regardless")
def test_the_version_a_kiosk_still_shows_is_not_removed_by_a_second_install(pack, tmp_path):
    from kiosk.services.contentstore import InUse

    store = ContentStore(tmp_path / "store")
    shown = store.install(pack, load_pack)
    held = InUse(shown.path)  # a kiosk mid-visit, showing the first version
    v2 = second_version(tmp_path)
    store.install(v2, load_pack)
    edit(v2 / "exhibit.yaml", "test-exhibit-v2", "test-exhibit-v3")
    store.install(v2, load_pack)  # the first version is neither current nor previous now
    assert shown.path.is_dir() and load_pack(shown.path).pack is not None
    held.release()  # the visit ended and the kiosk moved on
    edit(v2 / "exhibit.yaml", "test-exhibit-v3", "test-exhibit-v4")
    store.install(v2, load_pack)
    assert not shown.path.exists() and len(list(store.packs.iterdir())) == 2


def test_version_names_the_pack_the_station_shows(pack, tmp_path, capsys):
    config = tmp_path / "station.yaml"
    config.write_text("content:\n  store: store\n", encoding="utf-8")
    assert main(["install-content", str(second_version(tmp_path)), "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["--version", "--config", str(config)]) == 0
    out = capsys.readouterr().out.splitlines()
    current = ContentStore(tmp_path / "store").current()
    assert out[1] == f"content test-exhibit-v2 {load_pack(current).content_hash} ({current})"
