"""The validator's shortcuts for large packs give the same answers as doing the work in full:
counts worked out once for every figure, folders resolved once for every file, scalars made inline
when a file cannot hold anchors, tags or comments, positions made only for problems."""

import os
import shutil

from kiosk.content import Severity, load_pack
from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlread import MAX_FILE_BYTES, parse_text, read_bytes
from tests.packs import edit, line_of, png_bytes


def errors(pack) -> list[str]:
    return [str(p) for p in load_pack(pack).problems if p.severity is Severity.ERROR]


def test_every_counted_figure_is_checked_against_the_same_count(pack):
    second = pack / "panels" / "02-second.yaml"
    second.write_text(
        (pack / "panels" / "01-first.yaml").read_text(encoding="utf-8").replace("id: first", "id: second", 1),
        encoding="utf-8",
    )
    edit(second, 'value: "2"', 'value: "3"')
    line = line_of(second, 'value: "3"')
    found = errors(pack)
    assert f"panels/02-second.yaml:{line}:12: error: this figure says 3, but recognitions.yaml shows 2 places in the " \
        "group `countries` (change the figure, or which entries have `show: yes`)" in found
    assert not any("01-first.yaml" in e and "this figure says" in e for e in found)


def test_an_image_in_a_linked_folder_outside_the_pack_is_refused(pack, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "photo.png").write_bytes(png_bytes())
    os.symlink(outside, pack / "linked", target_is_directory=True)
    edit(pack / "panels" / "01-first.yaml", "file: images/photo.png", "file: linked/photo.png")
    assert any("`linked/photo.png` points outside the content folder" in e for e in errors(pack))


def test_an_image_in_a_linked_folder_inside_the_pack_is_shown(pack):
    os.symlink(pack / "images", pack / "pictures", target_is_directory=True)
    edit(pack / "panels" / "01-first.yaml", "file: images/photo.png", "file: pictures/photo.png")
    assert errors(pack) == []


def test_scalars_keep_their_positions_whether_or_not_the_file_could_hold_anchors():
    plain = "a: one\nb:\n  c: [x, 'y']\n"
    for text in (plain, plain + "d: Q&A\n", plain + "d: x # note\n", plain + 'd: "!"\n'):
        node = parse_text(text, "f.yaml", ProblemLog())
        inner = node.get("b").get("c")
        assert [(i.value, i.line, i.column, i.quoted) for i in inner.items] == [("x", 3, 7, False), ("y", 3, 10, True)]
        assert (node.get("a").line, node.get("a").column) == (1, 4)


def test_a_field_that_cannot_be_read_still_counts_as_written(pack):
    edit(pack / "recognitions.yaml", "    sources: [src-a]\n", "    sources: [src-a]\n    show: maybe\n")
    line = line_of(pack / "recognitions.yaml", "show: maybe")
    assert errors(pack) == [f"recognitions.yaml:{line}:11: error: expected `yes` or `no`, found `maybe`"]


def test_a_file_is_read_whole_up_to_the_limit(tmp_path):
    path = tmp_path / "f.yaml"
    for size in (0, 1, 4096, 70_000):
        path.write_bytes(b"x" * size)
        assert read_bytes(path, "f.yaml", ProblemLog()) == b"x" * size
    path.write_bytes(b"x" * 11)
    log = ProblemLog()
    assert read_bytes(path, "f.yaml", log, limit=10) is None
    assert [p.position for p in log.problems] == [Position("f.yaml")]
    assert MAX_FILE_BYTES >= 1_000_000


def test_a_panels_folder_linked_from_outside_is_refused_file_by_file(pack, tmp_path):
    # Panel files are read after one lstat each; the folder they sit in must still lie inside the pack.
    outside = tmp_path / "elsewhere"
    shutil.move(pack / "panels", outside)
    os.symlink(outside, pack / "panels", target_is_directory=True)
    assert "panels/01-first.yaml: error: this file is a link to a place outside the content folder (copy the file in)" \
        in errors(pack)


def test_a_panel_linked_to_a_file_inside_the_pack_is_read(pack):
    os.rename(pack / "panels" / "01-first.yaml", pack / "first.txt")
    os.symlink(pack / "first.txt", pack / "panels" / "01-first.yaml")
    assert errors(pack) == []


def test_a_required_file_that_is_a_folder_is_missing(pack):
    os.remove(pack / "ui.yaml")
    (pack / "ui.yaml").mkdir()
    assert "ui.yaml: error: this file is missing from the content folder" in errors(pack)


def test_keys_kept_as_text_and_place_still_read_as_nodes():
    # A block keeps each key as (text, line, column, quoted, value); `pairs` makes the key nodes.
    for text in ('a: 1\n"b": {c: 2}\n', 'a: 1\n"b": {c: 2} # note\n'):
        node = parse_text(text, "f.yaml", ProblemLog())
        assert [(k.file, k.value, k.line, k.column, k.quoted) for k, _ in node.pairs] == [
            ("f.yaml", "a", 1, 1, False), ("f.yaml", "b", 2, 1, True)
        ]
        assert node.pairs[1][1].pairs[0][0].column == 7
