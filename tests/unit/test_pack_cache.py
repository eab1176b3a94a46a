"""A terminal remembers the packs it validated: the same content starts without validating again,
and anything else (changed content, another kiosk, a damaged cache) is validated afresh."""

import os
import shutil
import subprocess
import sys

from kiosk.content import load_pack
from kiosk.content import cache
from kiosk.content.cache import load_remembered, recall, remember


def test_a_remembered_pack_comes_back_whole(pack, tmp_path):
    folder = tmp_path / "cache"
    validated = load_pack(pack)
    remember(validated, folder)
    recalled = recall(pack, folder)
    assert recalled is not None
    assert recalled.pack == validated.pack
    assert recalled.problems == validated.problems
    assert recalled.content_hash == validated.content_hash


def test_a_changed_sentence_is_validated_again_and_shown(pack, tmp_path):
    folder = tmp_path / "cache"
    first = load_remembered(pack, folder=folder)
    exhibit = pack / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("Title", "A new title", 1), encoding="utf-8")
    assert recall(pack, folder) is None
    second = load_remembered(pack, folder=folder)
    assert second.pack.exhibit.title.get("en") != first.pack.exhibit.title.get("en")
    assert "A new title" in second.pack.exhibit.title.get("en")
    assert recall(pack, folder).pack == second.pack


def test_a_pack_with_errors_is_never_remembered(pack, tmp_path):
    folder = tmp_path / "cache"
    (pack / "exhibit.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = load_remembered(pack, folder=folder)
    assert result.pack is None and result.errors
    assert not list(folder.glob("*.pickle"))


def test_a_copy_elsewhere_is_recognised_and_points_at_its_own_folder(pack, tmp_path):
    folder = tmp_path / "cache"
    remember(load_pack(pack), folder)
    copy = tmp_path / "installed" / "v2"
    shutil.copytree(pack, copy)
    recalled = recall(copy, folder)
    assert recalled is not None
    assert recalled.root == copy and recalled.pack.root == str(copy)


def test_a_damaged_cache_entry_is_only_a_miss(pack, tmp_path):
    folder = tmp_path / "cache"
    remember(load_pack(pack), folder)
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert recall(pack, folder) is None
    assert load_remembered(pack, folder=folder).pack is not None


def test_another_kiosk_version_validates_again(pack, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    remember(load_pack(pack), folder)
    monkeypatch.setattr(cache, "__version__", "999.0")
    assert recall(pack, folder) is None


def test_a_cache_that_cannot_be_written_does_not_stop_the_kiosk(pack, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    result = load_remembered(pack, folder=blocked)
    assert result.pack is not None


def test_only_a_few_packs_are_kept(pack, tmp_path):
    folder = tmp_path / "cache"
    for n in range(cache.KEEP + 3):
        exhibit = pack / "exhibit.yaml"
        exhibit.write_text(exhibit.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
        load_remembered(pack, folder=folder)
    assert len(list(folder.glob("*.pickle"))) == cache.KEEP
    assert recall(pack, folder) is not None  # the newest is among them


def test_starting_from_a_remembered_pack_does_not_import_the_validator(pack, tmp_path):
    folder = tmp_path / "cache"
    remember(load_pack(pack), folder)
    probe = (
        "import sys; from pathlib import Path; from kiosk.content.cache import recall; "
        f"assert recall(Path({str(pack)!r}), Path({str(folder)!r})) is not None; "
        "print(sorted(m for m in sys.modules if m in ('kiosk.content.load', 'kiosk.content.schema', 'yaml')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=dict(os.environ), check=True)
    assert out.stdout.strip() == "[]"


def _never_hash(*_args, **_kwargs):
    raise AssertionError("the pack's files were read to hash them")


def test_a_settled_folder_is_recognised_without_reading_its_files(pack, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(cache, "SETTLED_SECONDS", 0.0)  # the pack was written a moment ago
    first = load_remembered(pack, folder=folder)
    monkeypatch.setattr(cache, "content_hash", _never_hash)
    recalled = recall(pack, folder)
    assert recalled is not None and recalled.content_hash == first.content_hash


def test_an_edit_of_the_same_size_after_the_note_is_still_seen(pack, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(cache, "SETTLED_SECONDS", 0.0)
    load_remembered(pack, folder=folder)
    exhibit = pack / "exhibit.yaml"
    stat = exhibit.stat()
    text = exhibit.read_text(encoding="utf-8")
    exhibit.write_text(text.replace("Title", "Tltie", 1), encoding="utf-8")
    os.utime(exhibit, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as `cp -p` or an archive would leave it
    assert exhibit.stat().st_size == stat.st_size
    assert recall(pack, folder) is None
    assert "Tltie" in load_remembered(pack, folder=folder).pack.exhibit.title.get("en")


def test_a_folder_written_a_moment_ago_is_hashed_again_at_the_next_start(pack, tmp_path):
    folder = tmp_path / "cache"
    load_remembered(pack, folder=folder)
    assert not list((folder / "seen").glob("*.json"))  # its times may not move at the next save
    assert recall(pack, folder) is not None


def test_the_stat_record_changes_with_any_saved_added_or_removed_file(tmp_path):
    from kiosk.content.fingerprint import file_stats
    from tests.packs import write_minimal_pack

    pack = write_minimal_pack(tmp_path / "pack")
    before = file_stats(pack)
    (pack / "images" / "new.png").write_bytes(b"x")
    assert file_stats(pack) != before
    (pack / "images" / "new.png").unlink()
    assert file_stats(pack) == before
    (pack / ".exhibit.yaml.swp").write_bytes(b"an editor's scratch file")
    assert file_stats(pack) == before  # hidden files are not part of the pack


def test_a_recalled_timeline_and_recognitions_are_unpickled_when_first_read(pack, tmp_path):
    folder = tmp_path / "cache"
    validated = load_pack(pack)
    remember(validated, folder)
    recalled = recall(pack, folder)
    assert "_pickled" in vars(recalled.pack.timeline) and "_pickled" in vars(recalled.pack.recognitions)
    assert recalled.pack.timeline.events == validated.pack.timeline.events  # read: unpickled now
    assert "_pickled" not in vars(recalled.pack.timeline)
    assert recalled.pack.recognitions == validated.pack.recognitions
    assert recalled.pack.recognitions.shown() == validated.pack.recognitions.shown()


def test_a_recalled_panel_keeps_its_paragraphs_pickled_until_they_are_read(pack, tmp_path):
    folder = tmp_path / "cache"
    validated = load_pack(pack)
    remember(validated, folder)
    panel = recall(pack, folder).pack.panels[0]
    assert panel.title == validated.pack.panels[0].title and "_pickled" in vars(panel)  # the title is at hand
    assert panel.body == validated.pack.panels[0].body
    assert panel == validated.pack.panels[0] and "_pickled" not in vars(panel)


def test_a_field_kept_for_later_may_not_have_a_default():
    import pickle
    from dataclasses import dataclass

    import pytest

    from kiosk.content.deferred import UnpickledOnFirstRead

    @dataclass(frozen=True)
    class Careless(UnpickledOnFirstRead):
        _later = ("notes",)
        notes: str = ""  # a class attribute: an unpickled instance would read "" instead of its notes

    with pytest.raises(TypeError, match="notes"):
        pickle.dumps(Careless("kept"))


def test_a_recalled_result_keeps_its_translation_matrix_pickled_through_a_change_of_pack(pack, tmp_path):
    # The kiosk swaps in the station's languages (`replaced`); only the validator's report reads the matrix.
    folder = tmp_path / "cache"
    validated = load_pack(pack)
    remember(validated, folder)
    recalled = recall(pack, folder)
    shown = recalled.replaced(pack=None)
    assert "_pickled" in vars(recalled) and "_pickled" in vars(shown) and shown.pack is None
    assert recalled.pack == validated.pack and recalled.languages == validated.languages
    assert shown.coverage == validated.coverage and validated.coverage  # read: unpickled now
    assert "_pickled" not in vars(shown)


def test_replacing_a_field_still_pickled_is_not_undone_when_the_rest_is_read(pack, tmp_path):
    folder = tmp_path / "cache"
    validated = load_pack(pack)
    remember(validated, folder)
    changed = recall(pack, folder).replaced(coverage={}, exhibit_id="another")
    assert changed.coverage == {} and changed.exhibit_id == "another"
    assert changed.pack == validated.pack
