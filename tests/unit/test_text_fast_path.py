"""A localised text written the usual way (every language, in order, within the limit, no drafts) is
converted by a short path; anything else takes the full one. Both must give the same value, the same
problems and the same translation tallies, whatever the block holds."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.model import LocalisedText
from kiosk.content.problems import ProblemLog
from kiosk.content.schema import Context, PlainOrText, Text
from kiosk.content.yamlnodes import Mapping, Scalar, Sequence

LANGUAGES = ("en", "fr", "az")
MAX_CHARS = 12

KEYS = st.sampled_from(["en", "fr", "az", "ru", "xx", "en (draft)", "fr (draft)", "az(draft)", "(draft)", "EN", ""])
WORDS = st.sampled_from(["", " ", "a", " padded ", "x" * MAX_CHARS, "x" * (MAX_CHARS + 1), " " + "y" * MAX_CHARS + " "])


def scalar(value: str, line: int, quoted: bool = False) -> Scalar:
    return Scalar("f.yaml", line, 7, value, quoted)


VALUES = st.one_of(
    st.tuples(WORDS, st.booleans()).map(lambda t: ("scalar", t)),
    st.just(("list", None)),
    st.just(("block", None)),
)


def make_value(kind, arg, line: int):
    if kind == "scalar":
        return scalar(arg[0], line, arg[1])
    if kind == "list":
        return Sequence("f.yaml", line, 7, [scalar("a", line)])
    return Mapping("f.yaml", line, 7, [("en", line, 9, False, scalar("a", line))])


@st.composite
def text_blocks(draw):
    """A block of (key: value) lines; keys are distinct, as the reader keeps only the first of each."""
    if draw(st.booleans()):  # every language in order, as the short path wants; the values may be off
        keys = list(LANGUAGES)
    else:
        keys = draw(st.lists(KEYS, unique=True, max_size=5))
    entries = []
    for line, key in enumerate(keys, start=2):
        kind, arg = draw(VALUES)
        entries.append((key, line, 3, False, make_value(kind, arg, line)))
    return Mapping("f.yaml", 1, 1, entries)


EDGE_CASES = [
    [("en", "a"), ("fr", "b"), ("az", "c")],  # the usual case
    [("en", " a "), ("fr", "x" * MAX_CHARS), ("az", " " + "y" * MAX_CHARS + " ")],  # at the limit once stripped
    [("en", "a"), ("fr", "x" * (MAX_CHARS + 1)), ("az", "c")],  # too long: reported, still kept
    [("en", "a"), ("fr", "  "), ("az", "c")],  # blank
    [("en", "a"), ("fr", "b")],  # one missing (a warning for fr)
    [("en", "a"), ("az", "c")],  # one missing (an error)
    [("fr", "b"), ("en", "a"), ("az", "c")],  # another order
    [("en", "a"), ("fr (draft)", "b"), ("az", "c")],  # a draft
    [("en", "a"), ("fr", "b"), ("az", "c"), ("ru", "d")],  # a language the pack does not have
    [("en", "a"), ("fr", "b"), ("xx", "c")],
    [],
]


@pytest.mark.parametrize("texts", EDGE_CASES)
@pytest.mark.parametrize("languages", [LANGUAGES, ("en",), ()])
def test_edge_cases_give_the_same_on_both_paths(texts, languages):
    node = Mapping("f.yaml", 1, 1, [(key, line, 3, False, scalar(value, line)) for line, (key, value) in enumerate(texts, 2)])
    for kind in (Text(MAX_CHARS), PlainOrText(MAX_CHARS)):
        assert outcome(kind.convert, node, languages) == outcome(kind._in_full, node, languages)


def context(languages) -> Context:
    return Context(ProblemLog(), languages=languages, missing_policy={"fr": "warning"})


def outcome(convert, node, languages):
    ctx = context(languages)
    value = convert(node, ctx)
    described = None
    if value is not None:
        described = (list(value.texts.items()), value.default, sorted(value.drafts))
    return (
        value,
        described,
        [str(p) for p in ctx.log.problems],
        dict(ctx.coverage),
        dict(ctx.fallbacks),
        set(ctx.unknown_languages),
    )


@settings(max_examples=400, deadline=None)
@given(text_blocks(), st.sampled_from([LANGUAGES, ("en",), ()]), st.booleans())
def test_the_short_path_gives_what_the_full_path_gives(node, languages, either):
    kind = PlainOrText(MAX_CHARS) if either else Text(MAX_CHARS)
    assert outcome(kind.convert, node, languages) == outcome(kind._in_full, node, languages)


def test_the_usual_text_takes_the_short_path_and_keeps_the_codes_interned():
    node = Mapping("f.yaml", 1, 1, [(lang, 2 + i, 3, False, scalar(f" {lang} text ", 2 + i)) for i, lang in enumerate(LANGUAGES)])
    ctx = context(tuple("".join(list(code)) for code in LANGUAGES))  # codes that are not the interned strings
    assert Text(MAX_CHARS)._usual_case(node, ctx) is not None
    value = Text(MAX_CHARS).convert(node, context(LANGUAGES))
    assert value == LocalisedText({"en": "en text", "fr": "fr text", "az": "az text"}, "en")
    assert all(code is sys.intern(code) for code in value.texts) and value.default is sys.intern("en")
    assert value.drafts == frozenset() and isinstance(value.drafts, frozenset)


def test_a_text_in_another_order_or_with_a_draft_takes_the_full_path():
    ctx = context(LANGUAGES)
    reordered = Mapping("f.yaml", 1, 1, [(lang, 2, 3, False, scalar("t", 2)) for lang in ("fr", "en", "az")])
    draft = Mapping("f.yaml", 1, 1, [(lang, 2, 3, False, scalar("t", 2)) for lang in ("en", "fr (draft)", "az")])
    assert Text(MAX_CHARS)._usual_case(reordered, ctx) is None
    assert Text(MAX_CHARS)._usual_case(draft, ctx) is None
    assert Text(MAX_CHARS, every_language=False).convert(reordered, ctx).texts == {"fr": "t", "en": "t", "az": "t"}
