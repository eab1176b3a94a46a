"""The quick reader takes only files it reads exactly as libyaml does, and declines the rest.

Staff depend on two things here: a file the quick reader takes gives the same texts at the same lines
and columns (so every later problem points at the right place), and a file with anything unusual or
wrong goes to libyaml's reading, which reports it. libyaml is the reference in every test below.
"""

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.plainyaml import read_plain_yaml
from kiosk.content.problems import ProblemLog
from kiosk.content.yamlread import MAX_DEPTH, parse_text
from kiosk.resources import bundled_content

SYNTHETIC = Path(__file__).resolve().parents[2] / "benchmarks"


def reference(text: str) -> tuple:
    """libyaml's reading: the nodes and every problem it logged."""
    log = ProblemLog()
    return parse_text(text, "f.yaml", log, quick=False), [str(p) for p in log.problems]


def assert_same_or_declined(text: str) -> bool:
    """The quick reader's nodes equal libyaml's, or it declined. True when it took the file."""
    quick = read_plain_yaml(text, "f.yaml", MAX_DEPTH)
    if quick is None:
        return False
    nodes, problems = reference(text)
    assert problems == [], f"taken, but libyaml finds problems in:\n{text}"
    assert quick == nodes, f"read differently from libyaml:\n{text}"
    return True


def test_takes_every_file_of_the_benchmark_packs(tmp_path):
    # If the quick reader stopped taking them, the validation benchmark would measure libyaml instead.
    sys.path.insert(0, str(SYNTHETIC))
    try:
        from synthetic import write_pack
    finally:
        sys.path.remove(str(SYNTHETIC))
    root = write_pack(tmp_path / "pack", 12)
    files = sorted(root.rglob("*.yaml"))
    assert len(files) == 17
    for path in files:
        assert assert_same_or_declined(path.read_text(encoding="utf-8")), path.name


def test_bundled_files_are_read_as_libyaml_reads_them():
    taken = [assert_same_or_declined(p.read_text(encoding="utf-8")) for p in sorted(bundled_content().rglob("*.yaml"))]
    assert sum(taken) > len(taken) / 2  # real content, comments and escapes included, mostly takes the quick way


USUAL = """\
# A comment of its own, and a blank line

id: the-night
title:
  en: "The night of 25–26 February"
  az (draft):   "Gecə"
  ru: Ночь с 25 на 26 февраля
body:
  - en: "First: paragraph, with a colon and a #hash"
    az: 'Birinci'
  -   en: "Second"
sources: [hrw-1992, de-waal ,memorial]
empty: []
events:
- a
- b
after: plain text with "quotes" and a:colon and trailing spaces   
notes: "Museum wording kept."
"""


def test_usual_file_is_taken_with_libyaml_positions():
    assert assert_same_or_declined(USUAL)
    assert assert_same_or_declined(USUAL.replace("\n", "\r\n"))  # saved on Windows


@pytest.mark.parametrize(
    "text",
    [
        'title: "Panel #1" # a comment\n',
        "locale: en-GB  # dates as the museum writes them: 25 February 1992\n",
        "a:\n  - x # y\n  - 'z'  #\n",
        "a: [x, y] ## z\n",
        "title: # the title\n  en: x\n",
        'title:\n  en: "The \\"Justice for Khojaly\\" campaign"  # escaped quotes\n  az: \'C:\\x\'\n',
        'title: "a \\"quoted\\" word"\n',  # escaped quotes and backslashes
        'title: "a \\\\\\" b"\n',
        'notes:\n  - "Which monument: the \'Ana harayı\' one?"\n',
    ],
)
def test_comments_escaped_quotes_and_quoted_colons_are_taken(text):
    assert assert_same_or_declined(text)


@pytest.mark.parametrize(
    "text",
    [
        "title: Panel #2\n",  # libyaml's reading warns that the text stops before `#2`
        "- a #b\n",
        "a:\n  - x #y\n",
        "a:\n  - # note\n",
        "title: first line\n  second line\n",  # a text over two lines
        'title: "first line\n  second line"\n',
        'id: x\ntitle: "tab\\there"\n',
        "title: 'it''s'\n",
        "body: |\n  block text\n",
        "body: >\n  folded text\n",
        "a: &anchor x\nb: *anchor\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",  # a repeated key: reported by libyaml's reading
        "a:\nb: 2\n",  # an empty value
        "a:\n",
        "a: b: c\n",
        "a: x:\n",
        "a:\n  - - x\n",
        "a:\n  -\n  - x\n",
        "a: [x, y,]\n",
        "a: [x, [y]]\n",
        "a: [x,\n  y]\n",
        "a: {x: 1}\n",
        "a: [x] tail\n",
        "- a\n- b\n",  # a list as the whole file
        "just text\n",
        "  a: 1\n",
        "a:\n    b: 1\n  c: 2\n",  # a key between two indentations
        "a:\n  b: 1\n c: 2\n",
        "a:\n  b:\n - x\n",  # a list left of its key
        "- a:\n  - x\n - y\n",
        "a: 1\n\tb: 2\n",
        "a: x\x07y\n",
        "a: x\ry\n",
        "a: x\u2028y\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: 1\n",
        '"a": 1\n',
        "? a\n: 1\n",
        "a : 1\n",
        "a: -\n",
        "a: - x\n",
        "",
        "# only a comment\n",
    ],
)
def test_unusual_or_wrong_files_are_left_to_libyaml(text):
    assert read_plain_yaml(text, "f.yaml", MAX_DEPTH) is None
    log = ProblemLog()
    assert parse_text(text, "f.yaml", log) == parse_text(text, "f.yaml", ProblemLog(), quick=False)


def test_deep_nesting_is_left_to_libyaml():
    text = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "end: 1\n"
    assert read_plain_yaml(text, "f.yaml", MAX_DEPTH) is None
    log = ProblemLog()
    assert parse_text(text, "f.yaml", log) is None
    assert "nested too deeply" in str(log.problems[0])


# Generated documents: a tree of blocks, lists and texts written out in the styles staff use, and then,
# half the time, one line changed to something odd. Whatever comes out, the quick reader must agree
# with libyaml or decline.

# Four draws in five from what staff usually write, one from the odd and the wrong.
USUAL_KEYS = st.sampled_from(["id", "en", "az (draft)", "title", "a b", "k-1", "x.y", "ключ"])
KEYS = st.one_of(*[USUAL_KEYS] * 4, st.sampled_from(["k:x", "#k", "-k", "'q'", "k ", "a#b", "[k]", "k]"]))
USUAL_TEXTS = st.sampled_from(
    ["word", "two words", "a:b", "a#b", "x -", "x]", "~", "NO", "1992", "Ходжалы", "Xocalı1992", "it's", 'say "hi"', "x ", 'the \\"1992\\" text', "C:\\\\x"]
)
TEXTS = st.one_of(
    *[USUAL_TEXTS] * 4,
    st.sampled_from(
        [
            "a: b", "a #b", "-5", "- x", "[x]", "{x}", "&x", "*x", "!x", "|", ">", "", " ", "ends:", "%x", "@x", "`x`",
            "?x", ",x", "a\\b", "x,y", "ə\u0085", "#", "\\", '\\"', "tab\\t", "\\u00e9", '\\\\"', "½", "x²",
        ]
    ),
)
STYLES = st.sampled_from(["plain", "double", "single"])
COMMENTS = st.sampled_from(["", "", "", " # note", "  #", " #note", " ## x", '  # "x"'])


def trees(keys, texts):
    scalars = st.tuples(texts, STYLES, COMMENTS).map(lambda s: ("scalar", s))
    flow = st.lists(texts, max_size=3).map(lambda items: ("flow", items))
    return st.recursive(
        st.one_of(scalars, flow),
        lambda inner: st.one_of(
            st.lists(st.tuples(keys, inner), min_size=1, max_size=4).map(lambda pairs: ("block", pairs)),
            st.lists(inner, min_size=1, max_size=3).map(lambda items: ("list", items)),
        ),
        max_leaves=12,
    )


TREES, USUAL_TREES = trees(KEYS, TEXTS), trees(USUAL_KEYS, USUAL_TEXTS)
ODD_LINES = st.tuples(
    st.integers(0, 6), st.sampled_from(["", "# note", "\t", "x", "- y", "k: v", "k:", "- k: v", "---", "a: |", "k: [a, b]"])
).map(lambda odd: " " * odd[0] + odd[1])


def _scalar(text: str, style: str, comment: str) -> str:
    if style == "double":
        return f'"{text}"{comment}'
    if style == "single":
        return f"'{text}'{comment}"
    return text + comment


def _render(tree, indent: int, dash_gap: int, block_gap: int, compact: bool) -> list[tuple[int, str]]:
    """Lines of a block or list as (indent, text); the caller puts the first line after its `key:` or `- `."""
    kind, content = tree
    if kind == "scalar":
        return [(indent, _scalar(*content))]
    if kind == "flow":
        return [(indent, "[" + ", ".join(content) + "]")]
    lines: list[tuple[int, str]] = []
    if kind == "block":
        for key, value in content:
            if value[0] in ("scalar", "flow"):
                lines.append((indent, f"{key}: {_render(value, 0, dash_gap, block_gap, compact)[0][1]}"))
            else:
                lines.append((indent, f"{key}:"))
                child = indent if (value[0] == "list" and compact) else indent + block_gap
                lines.extend(_render(value, child, dash_gap, block_gap, compact))
        return lines
    for item in content:  # a list
        inner = _render(item, indent + 1 + dash_gap, dash_gap, block_gap, compact)
        first_indent, first = inner[0]
        lines.append((indent, "-" + " " * dash_gap + first))
        lines.extend(inner[1:])
    return lines


def _document(pairs, dash_gap: int, block_gap: int, compact: bool) -> list[str]:
    return [" " * indent + text for indent, text in _render(("block", pairs), 0, dash_gap, block_gap, compact)]


LAYOUT = {"dash_gap": st.integers(1, 3), "block_gap": st.integers(1, 4), "compact": st.booleans()}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=st.lists(st.tuples(USUAL_KEYS, USUAL_TREES), min_size=1, max_size=4), **LAYOUT)
def test_usual_documents_are_read_as_libyaml_reads_them(pairs, dash_gap, block_gap, compact):
    assert_same_or_declined("\n".join(_document(pairs, dash_gap, block_gap, compact)) + "\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pairs=st.lists(st.tuples(KEYS, TREES), min_size=1, max_size=4),
    odd=st.tuples(st.integers(0, 30), ODD_LINES, st.booleans()),
    **LAYOUT,
)
def test_odd_documents_are_read_as_libyaml_reads_them_or_declined(pairs, odd, dash_gap, block_gap, compact):
    lines = _document(pairs, dash_gap, block_gap, compact)
    where, line, replace = odd
    where = min(where, len(lines) - 1)
    if replace:
        lines[where] = line
    else:
        lines.insert(where, line)
    assert_same_or_declined("\n".join(lines) + "\n")


def test_generated_documents_are_mostly_taken():
    # Guards the test above: if the generator only made files the quick reader declines, it would prove nothing.
    taken = 0
    for gap in range(1, 4):
        for compact in (False, True):
            tree = ("block", [("title", ("block", [("en", ("scalar", ("Text", "double", " # the title")))])),
                              ("body", ("list", [("block", [("en", ("scalar", ("p", "plain", ""))), ("az", ("scalar", ("q", "single", "")))])])),
                              ("sources", ("flow", ["a", "b"]))])
            lines = [" " * i + t for i, t in _render(tree, 0, gap, gap, compact)]
            taken += assert_same_or_declined("\n".join(lines) + "\n")
    assert taken == 6
