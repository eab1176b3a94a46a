"""The content format, declared once: every field's type, whether it is required, and a sentence for staff.

Each field type turns a YAML node into a plain Python value and logs what is wrong with it, in words
a person editing the file understands. Values that cannot be read become ``None`` so that checking
goes on and every problem of a pack is reported in one pass.
"""

from __future__ import annotations

import datetime
import difflib
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from kiosk.content.model import LocalisedText, PartialDate, trusted_text
from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlnodes import Mapping, Node, Scalar, Sequence

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# `az (draft): "..."` is a translation nobody has reviewed yet; deleting " (draft)" marks it reviewed.
_DRAFT_KEY = re.compile(r"^(?P<language>\S+)\s*\(draft\)$")
_NO_DRAFTS: frozenset[str] = frozenset()
_TRUE = {"yes", "true", "on"}
_FALSE = {"no", "false", "off"}


@dataclass(slots=True)
class Reference:
    """An id written in one place that must exist in another; checked once everything is read."""

    kind: str  # panel | event | source | group | organisation | place
    value: str
    node: Node  # where it is written; its position is made only if the id turns out not to exist

    @property
    def position(self) -> Position:
        return self.node.position


@dataclass
class Context:
    """What converting one pack needs besides the node: where problems go and what the pack declares."""

    log: ProblemLog
    languages: tuple[str, ...] = ()
    missing_policy: dict[str, str] = field(default_factory=dict)  # language -> error | warning
    references: list[Reference] = field(default_factory=list)
    coverage: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (file, language) -> [reviewed, draft, missing]
    unknown_languages: set[tuple[str, str]] = field(default_factory=set)  # (file, code) already reported
    fallbacks: dict[str, int] = field(default_factory=dict)  # language -> texts missing it
    # file -> (the languages they were made for, [(language, tally in `coverage`)]): looked up once per file
    _file_tallies: dict[str, tuple[tuple[str, ...], list[tuple[str, list[int]]]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def default_language(self) -> str:
        return self.languages[0] if self.languages else ""

    def tallies(self, file: str) -> list[tuple[str, list[int]]]:
        """Each language of the pack (its code interned, as `LocalisedText` keeps it) with its coverage
        tally in `file` ([reviewed, draft, missing])."""
        known = self._file_tallies.get(file)
        if known is None or known[0] is not self.languages:
            tallies = [
                (language, self.coverage.setdefault((file, language), [0, 0, 0]))
                for language in map(sys.intern, self.languages)
            ]
            known = self._file_tallies[file] = (self.languages, tallies)
        return known[1]


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a block of named values"
    if isinstance(node, Sequence):
        return "a list"
    return f"`{_short(node.value)}`" if node.value else "nothing"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggestion(word: str, choices) -> str:
    candidates = [c for c in choices if isinstance(c, str)]  # ids that failed to read are None
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


class FieldType:
    """Converts a node; `describe` says what staff should write, for messages and for the docs."""

    describe = "a value"

    def convert(self, node: Node, ctx: Context) -> Any:
        raise NotImplementedError


def _wrong(node: Node, ctx: Context, expected: str, hint: str = "") -> None:
    ctx.log.error(node.position, f"expected {expected}, found {_describe(node)}", hint)


class Plain(FieldType):
    """A single line or paragraph of text that is not translated (names, URLs, staff notes)."""

    def __init__(self, max_chars: int = 2000, pattern: re.Pattern | None = None, pattern_help: str = "") -> None:
        self.max_chars = max_chars
        self.pattern = pattern
        self.describe = pattern_help or "text"

    def convert(self, node: Node, ctx: Context) -> str | None:
        value = node.value.strip() if isinstance(node, Scalar) else ""
        if not value:
            _wrong(node, ctx, self.describe)
            return None
        if self.pattern is not None and not self.pattern.match(value):
            ctx.log.error(node.position, f"`{_short(value)}` is not {self.describe}")
            return None
        if len(value) > self.max_chars:
            ctx.log.error(node.position, f"this text is {len(value)} characters long; at most {self.max_chars} fit here")
            return None
        return value


class Identifier(Plain):
    def __init__(self) -> None:
        super().__init__(80, ID_PATTERN, "an id of lowercase letters, digits and hyphens (like `the-night`)")


class Enum(FieldType):
    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self._allowed = frozenset(choices)
        self.describe = "one of " + ", ".join(f"`{c}`" for c in choices)

    def convert(self, node: Node, ctx: Context) -> str | None:
        if isinstance(node, Scalar):
            value = node.value.strip()
            if value in self._allowed:
                return value
            _wrong(node, ctx, self.describe, suggestion(value, self.choices))
            return None
        _wrong(node, ctx, self.describe)
        return None


class Flag(FieldType):
    describe = "`yes` or `no`"

    def convert(self, node: Node, ctx: Context) -> bool | None:
        word = node.value.strip().lower() if isinstance(node, Scalar) else ""
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        _wrong(node, ctx, self.describe)
        return None


def parse_date(text: str) -> PartialDate | None:
    match = _DATE_PATTERN.match(text)
    if not match:
        return None
    year_digits, month_digits, day_digits = match.groups()
    year = int(year_digits)
    month = int(month_digits) if month_digits else None
    day = int(day_digits) if day_digits else None
    if not 1 <= year <= 9999:
        return None
    if day is None:
        if month is not None and month > 12:  # month `00` reads as the whole year, as it always has
            return None
    else:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


class DateField(FieldType):
    describe = "a date written as year, year-month or year-month-day (`1992`, `1992-02`, `1992-02-26`)"

    def convert(self, node: Node, ctx: Context) -> PartialDate | None:
        if not isinstance(node, Scalar):
            _wrong(node, ctx, self.describe)
            return None
        value = parse_date(node.value.strip())
        if value is None:
            ctx.log.error(node.position, f"`{_short(node.value)}` is not a valid date", self.describe)
        return value


class Text(FieldType):
    """Visitor-facing text: one entry per language of the pack."""

    def __init__(self, max_chars: int, every_language: bool = True) -> None:
        self.max_chars = max_chars
        self.every_language = every_language  # False: a text may give only some languages (overrides)
        self.describe = f"text in each language of the exhibit (at most {max_chars} characters)"

    def convert(self, node: Node, ctx: Context) -> LocalisedText | None:
        if node.__class__ is Mapping and self.every_language:
            text = self._usual_case(node, ctx)
            if text is not None:
                return text
        return self._in_full(node, ctx)

    def _usual_case(self, node: Mapping, ctx: Context) -> LocalisedText | None:
        """The text when it is written the usual way, else None (and nothing logged or counted).

        The usual way: every language of the pack, in the pack's order, each a text within the limit,
        none a draft. A large pack has a hundred thousand such texts; anything else goes to `_in_full`,
        which gives the same result for these (tests/unit/test_text_fast_path.py).
        """
        entries = node.entries
        tallies = ctx.tallies(node.file)
        if not entries or len(entries) != len(tallies):
            return None
        max_chars = self.max_chars
        texts: dict[str, str] = {}
        for (key, _, _, _, value), (language, _) in zip(entries, tallies):
            if key != language or value.__class__ is not Scalar:
                return None
            text = value.value.strip()
            if not text or len(text) > max_chars:
                return None
            texts[language] = text
        for _, tally in tallies:
            tally[0] += 1  # reviewed
        # Checked and copied here, with the interned codes: what LocalisedText's own checks would do.
        return trusted_text(texts, tallies[0][0], _NO_DRAFTS)

    def _in_full(self, node: Node, ctx: Context) -> LocalisedText | None:
        if not isinstance(node, Mapping):
            example = f'{ctx.default_language or "en"}: "{_short(node.value, 30)}"' if isinstance(node, Scalar) else ""
            _wrong(node, ctx, "text for each language", f"write it on its own line as `{example}`" if example else "")
            return None
        languages = ctx.languages
        texts: dict[str, str] = {}
        drafts: set[str] = set()
        file = node.file
        for language, line, column, _, value in node.entries:
            if "(draft)" in language:  # checked first: the pattern is only worth matching on drafts
                draft = _DRAFT_KEY.match(language)
                if draft:
                    language = draft.group("language")
                    if language in texts or language in drafts:
                        ctx.log.error(Position(file, line, column), f"the {language} text is given twice (once as a draft)")
                        continue
                    drafts.add(language)
            if languages and language not in languages:
                if (file, language) not in ctx.unknown_languages:  # once per file, not once per text
                    ctx.unknown_languages.add((file, language))
                    hint = suggestion(language, languages) or "the exhibit's languages are " + ", ".join(languages)
                    ctx.log.error(Position(file, line, column), f"`{language}` is not one of the exhibit's languages", hint)
                continue
            text = value.value.strip() if isinstance(value, Scalar) else ""
            if not text:
                _wrong(value, ctx, "text")
                continue
            if len(text) > self.max_chars:
                ctx.log.error(
                    value.position,
                    f"this {language} text is {len(text)} characters long; at most {self.max_chars} fit here",
                    "shorten it or split it",
                )
            if language in texts:
                ctx.log.error(Position(file, line, column), f"the {language} text is given twice (once as a draft)")
                continue
            texts[language] = text
        if self.every_language:
            self._count(node.file, ctx, texts, drafts)
            if len(texts) < len(ctx.languages):
                self._report_missing(node, ctx, texts)
        if not texts:
            return None
        default = ctx.default_language or next(iter(texts))
        return LocalisedText(texts, default, frozenset(drafts & texts.keys()) if drafts else _NO_DRAFTS)

    def _report_missing(self, node: Mapping, ctx: Context, texts: dict[str, str]) -> None:
        for language in ctx.languages:
            if language not in texts:
                ctx.fallbacks[language] = ctx.fallbacks.get(language, 0) + 1
                message = f"the {language} text is missing"
                if language == ctx.default_language:
                    ctx.log.error(node.position, message, "the first language of the exhibit is needed everywhere")
                elif ctx.missing_policy.get(language, "error") == "error":
                    ctx.log.error(node.position, message, f"add it, or mark {language} `missing: warning` in exhibit.yaml")
                else:
                    ctx.log.warning(node.position, message, f"visitors see the {ctx.default_language} text instead")

    def _count(self, file: str, ctx: Context, texts: dict[str, str], drafts: set[str]) -> None:
        """Tally translation coverage and review status per file and language, for the validator's matrix."""
        tallies = ctx.tallies(file)
        if not drafts and len(texts) == len(tallies):  # the usual case: every language there, reviewed
            for _, tally in tallies:
                tally[0] += 1
            return
        for language, tally in tallies:
            if language not in texts:
                tally[2] += 1
            elif language in drafts:
                tally[1] += 1
            else:
                tally[0] += 1


class PlainOrText(Text):
    """Either one text for every language (a number such as `613`) or a text per language (`up to 20%`)."""

    def __init__(self, max_chars: int) -> None:
        super().__init__(max_chars)
        self.plain = Plain(max_chars)
        self.describe = f"the same text for every language, or a text per language (at most {max_chars} characters)"

    def convert(self, node: Node, ctx: Context) -> LocalisedText | None:
        if isinstance(node, Scalar):
            value = self.plain.convert(node, ctx)
            if value is None:
                return None
            languages = ctx.languages or ("",)
            return LocalisedText({language: value for language in languages}, ctx.default_language or "")
        return super().convert(node, ctx)


class ListOf(FieldType):
    def __init__(
        self, item: FieldType, max_items: int | None = None, unique: bool = False, min_items: int = 0, what: str = "item"
    ) -> None:
        self.item = item
        self.max_items = max_items
        self.min_items = min_items
        self.what = what
        self.unique = unique
        self.describe = f"a list of {item.describe}"

    def convert(self, node: Node, ctx: Context) -> tuple | None:
        if isinstance(node, Scalar) and not node.value.strip() and not node.quoted:
            if self.min_items:  # `key:` left empty reads as an empty list
                ctx.log.error(node.position, f"at least {self.min_items} {self.what} needed here, found none")
            return ()
        if not isinstance(node, Sequence):
            _wrong(node, ctx, "a list (lines starting with `- `, or `[a, b]`)")
            return None
        if len(node.items) < self.min_items:
            ctx.log.error(node.position, f"at least {self.min_items} {self.what} needed here, found {len(node.items)}")
        if self.max_items is not None and len(node.items) > self.max_items:
            ctx.log.error(node.position, f"this list has {len(node.items)} items; at most {self.max_items} fit here")
        values = []
        seen: dict[Any, int] = {}
        convert = self.item.convert
        for item in node.items:
            value = convert(item, ctx)
            if value is None:
                continue
            if self.unique and isinstance(value, str):
                if value in seen:
                    ctx.log.error(item.position, f"`{value}` is listed twice (first on line {seen[value]})")
                    continue
                seen[value] = item.line
            values.append(value)
        return tuple(values)


class RefTo(FieldType):
    """An id of something defined elsewhere in the pack; resolved after every file is read."""

    def __init__(self, kind: str, syntax: FieldType | None = None) -> None:
        self.kind = kind
        self.syntax = syntax or Identifier()
        self.describe = f"the id of a {kind}"

    def convert(self, node: Node, ctx: Context) -> str | None:
        value = self.syntax.convert(node, ctx)
        if value is not None:
            ctx.references.append(Reference(self.kind, value, node))
        return value


class MapOf(FieldType):
    """A block whose names are chosen by staff (codes, keys), each with a value of one type."""

    def __init__(self, key: Plain, value: FieldType) -> None:
        self.key = key
        self.value = value
        self.describe = f"a block of {key.describe}, each with {value.describe}"

    def convert(self, node: Node, ctx: Context) -> dict | None:
        if isinstance(node, Scalar) and not node.value.strip() and not node.quoted:
            return {}
        if not isinstance(node, Mapping):
            _wrong(node, ctx, self.describe)
            return None
        result = {}
        for key, value in node.pairs:  # keys as nodes: the key's own type checks them
            name = self.key.convert(key, ctx)
            converted = self.value.convert(value, ctx)
            if name is not None and converted is not None:
                result[name] = converted
        return result


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    help: str = ""
    staff_only: bool = False


@dataclass(slots=True)
class Values:
    """The converted fields of one block, with the block's node and the node of each field written.

    Positions are made only when asked for (a problem to report): a large pack has hundreds of
    thousands of fields and hardly any problems.
    """

    node: Mapping
    values: dict[str, Any]
    nodes: dict[str, Node]  # field name -> the node of its value, for every field written in the block

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    def get(self, name: str, default: Any = None) -> Any:
        value = self.values.get(name)
        return default if value is None else value

    def written(self, name: str) -> bool:
        """Whether the block names this field, even if its value could not be read."""
        return name in self.nodes

    def at(self, name: str) -> Position:
        node = self.nodes.get(name)
        return node.position if node is not None else self.node.position

    @property
    def positions(self) -> dict[str, Position]:
        return {name: node.position for name, node in self.nodes.items()}


class Record(FieldType):
    """A block of named fields."""

    def __init__(self, name: str, fields: list[Field], check: Callable[[Values, Context], None] | None = None) -> None:
        self.name = name
        self.fields = {f.name: f for f in fields}
        self._required = [f for f in self.fields.values() if f.required]  # checked when a field is left out
        self.check = check
        self.describe = f"a block describing {name}"

    def convert(self, node: Node, ctx: Context) -> Values | None:
        if not isinstance(node, Mapping):
            _wrong(node, ctx, self.describe)
            return None
        fields = self.fields
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        for name, line, column, _, value in node.entries:
            spec = fields.get(name)
            if spec is None:
                hint = suggestion(name, fields) or "allowed here: " + ", ".join(fields)
                ctx.log.error(Position(node.file, line, column), f"`{_short(name)}` is not a known field of {self.name}", hint)
                continue
            nodes[name] = value
            values[name] = spec.type.convert(value, ctx)
        if len(nodes) < len(fields):  # some field is left out: is it a required one?
            for spec in self._required:
                if spec.name not in nodes:
                    ctx.log.error(node.position, f"{self.name} needs `{spec.name}`", spec.help)
        result = Values(node, values, nodes)
        if self.check is not None:
            self.check(result, ctx)
        return result
