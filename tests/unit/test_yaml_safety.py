"""Hostile and broken YAML: every case ends in a clear problem, quickly and in little memory."""

import tracemalloc
from pathlib import Path

import pytest

from kiosk.content.problems import ProblemLog
from kiosk.content.yamlnodes import Mapping, Scalar
from kiosk.content.yamlread import MAX_FILE_BYTES, parse_text, read_yaml


def parse(text: str):
    log = ProblemLog()
    node = parse_text(text, "f.yaml", log)
    return node, [str(p) for p in log.problems]


def test_scalars_stay_text_so_norway_stays_norway():
    node, problems = parse("code: NO\nyear: 1992\nflag: yes\n")
    assert problems == []
    assert isinstance(node, Mapping)
    assert [(k.value, v.value) for k, v in node.pairs] == [("code", "NO"), ("year", "1992"), ("flag", "yes")]


def test_positions_are_one_based_line_and_column():
    node, _ = parse("a:\n  b: text\n")
    inner = node.get("a")
    value = inner.get("b")
    assert isinstance(value, Scalar)
    assert (value.line, value.column) == (2, 6)


def test_duplicate_key_is_reported_at_the_second_one():
    _, problems = parse("title: a\nbody: b\ntitle: c\n")
    assert problems == ["f.yaml:3:1: error: `title` appears twice in this block (first on line 1) (keep one of them)"]


def test_alias_bomb_is_refused_at_the_first_anchor_without_expanding():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, prev in zip("bcdefghi", "abcdefgh"):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    tracemalloc.start()
    node, problems = parse(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert node is None
    assert problems[0].startswith("f.yaml:1:4: error: anchors (&name) are not supported")
    assert peak < 2_000_000


def test_alias_without_anchor_is_refused():
    _, problems = parse("a: *nowhere\n")
    assert problems and "alias" in problems[0]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hi']", "!custom x", "!!str 12"])
def test_tags_are_refused(tag):
    node, problems = parse(f"a: {tag}\n")
    assert node is None
    assert problems[0].startswith("f.yaml:1:4: error: tags such as")


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_flow_nesting_does_not_crash_the_process(opener):
    tracemalloc.start()
    node, problems = parse(opener * 100_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert node is None
    # Staff read the same words whether our limit or libyaml's own stopped the file (no "not valid YAML").
    assert problems == [problems[0]] and "error: the blocks are nested too deeply" in problems[0]
    assert peak < 20_000_000


def test_deep_block_nesting_is_refused_with_its_line():
    text = "".join("  " * depth + f"k{depth}:\n" for depth in range(40)) + "  " * 40 + "x\n"
    node, problems = parse(text)
    assert node is None
    assert problems[0].startswith("f.yaml:25:") and "nested too deeply" in problems[0]


def test_second_document_is_refused():
    _, problems = parse("a: 1\n---\nb: 2\n")
    assert problems[0].startswith("f.yaml:2:1: error: a file holds one document")


def test_syntax_error_points_at_the_line_and_helps():
    _, problems = parse('title:\n  en: Khojaly: the night\n')
    assert problems[0].startswith("f.yaml:2:") and "double quotes" in problems[0]


def test_tab_indentation_is_explained():
    _, problems = parse("a:\n\t- x\n")
    assert problems[0].startswith("f.yaml:2:1:") and "tabs" in problems[0]


def test_empty_file_is_reported():
    _, problems = parse("")
    assert problems == ["f.yaml: error: the file is empty"]


def test_huge_file_is_refused_before_reading(tmp_path: Path):
    big = tmp_path / "big.yaml"
    with big.open("w") as stream:
        stream.write("a: [" + "1," * (MAX_FILE_BYTES // 2) + "1]\n")
    log = ProblemLog()
    tracemalloc.start()
    assert read_yaml(big, "big.yaml", log) is None
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "too large" in str(log.problems[0])
    assert peak < 1_000_000  # the content was never loaded


def test_non_utf8_is_reported_with_line_and_column(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title:\n  en: \"Caf\xe9\"\n".encode("latin-1"))
    log = ProblemLog()
    assert read_yaml(path, "latin1.yaml", log) is None
    assert str(log.problems[0]) == (
        "latin1.yaml:2:11: error: the file is not UTF-8 text (byte 0xE9 cannot be read) (save the file as UTF-8 in your editor)"
    )


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: Xocal\xc4\xb1\n")
    log = ProblemLog()
    node = read_yaml(path, "bom.yaml", log)
    assert log.problems == [] and node.get("a").value == "Xocalı"


def test_nul_bytes_are_refused(tmp_path: Path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\nb: \x00\n")
    log = ProblemLog()
    assert read_yaml(path, "nul.yaml", log) is None
    assert str(log.problems[0]).startswith("nul.yaml:2:4: error:")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: [x, y\nb: 1\n", "f.yaml:2:2: error: a list in square brackets [ ] is not closed (is the closing ] missing, or a comma between two items?)"),
        ('a: {en: "x"\nb: 1\n', "f.yaml:2:1: error: a block in curly brackets { } is not closed (is the closing } missing, or a comma between two items?)"),
        ("a: @x\n", "f.yaml:1:4: error: a text cannot start with @ unless it is in quotes (put the whole text in double quotes)"),
    ],
)
def test_syntax_mistakes_are_said_in_staff_words(text, expected):
    _, problems = parse(text)
    assert problems == [expected]
    assert "not valid YAML" not in problems[0] and "tabs" not in problems[0]


def test_a_quote_mark_inside_a_text_is_suggested_as_the_cause():
    _, problems = parse('a:\n  en: "say "hi" now"\n')
    assert problems[0].startswith("f.yaml:2:13: error:")
    assert 'a quote mark inside a text ends it early; inside double quotes, write \\" for one' in problems[0]
