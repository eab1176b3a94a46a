"""Reading one YAML file of a pack safely, into nodes that remember their line and column.

A pack is untrusted input, so this module never builds Python objects with PyYAML's constructors.
It walks the parser's event stream itself, which lets it
- refuse anchors, aliases and tags outright (no alias bombs, no object construction),
- stop at a small nesting depth before libyaml's recursive composer could overflow the C stack,
- keep every scalar as text, so ``NO`` stays Norway and ``1992`` stays a year the schema parses,
- report duplicate keys, which PyYAML otherwise accepts silently.
The file size is bounded before the file is even read.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kiosk.content.problems import Position, ProblemLog

MAX_FILE_BYTES = 5_000_000  # a long panel is ~5 KB; 10,000 timeline events in three languages ~3 MB
MAX_DEPTH = 24  # the format nests at most ~6 levels

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(slots=True)
class Node:
    file: str
    line: int
    column: int

    @property
    def position(self) -> Position:
        return Position(self.file, self.line, self.column)


@dataclass(slots=True)
class Scalar(Node):
    value: str = ""
    quoted: bool = False


@dataclass(slots=True)
class Mapping(Node):
    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


_DUPLICATE = Scalar("", 0, 0)  # stands in for a repeated key whose value is dropped

# libyaml's messages, said the way a person editing text would understand them.
_FRIENDLY = {
    "mapping values are not allowed in this context": (
        "a colon (:) appears where YAML does not expect one",
        'if the text itself contains ": ", put the whole text in double quotes',
    ),
    "mapping values are not allowed here": (
        "a colon (:) appears where YAML does not expect one",
        'if the text itself contains ": ", put the whole text in double quotes',
    ),
    "could not find expected ':'": (
        "a line is missing its colon (:) after the name",
        "each line in a block looks like `name: value`",
    ),
    "found character that cannot start any token": (
        "this character cannot start a value",
        "tabs are not allowed for indenting; use spaces, or put the text in double quotes",
    ),
    "found undefined alias": ("aliases (*name) are not supported", "write the value out in full"),
    "did not find expected key": (
        "the indentation does not line up with the lines above",
        "items of one block must start in the same column; or check the quote marks: a closing quote may be "
        'missing above, or a quote mark inside a text ends it early; inside double quotes, write \\" for one',
    ),
    "did not find expected ',' or ']'": (
        "a list in square brackets [ ] is not closed",
        "is the closing ] missing, or a comma between two items?",
    ),
    "did not find expected ',' or '}'": (
        "a block in curly brackets { } is not closed",
        "is the closing } missing, or a comma between two items?",
    ),
    "did not find expected '-' indicator": (
        "the indentation of this list does not line up",
        "every '- ' of one list must start in the same column",
    ),
    "did not find expected node content": (
        "a value is missing here",
        "is a closing bracket ] or } missing, or a value after a colon or dash?",
    ),
    "found unexpected end of stream": (
        "the file ends in the middle of a value",
        "is a closing quote or bracket missing?",
    ),
}


def read_bytes(path: Path, rel: str, log: ProblemLog, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The file's bytes, refusing large files before reading them."""
    try:
        size = path.stat().st_size
        if size > limit:
            log.error(
                Position(rel),
                f"the file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)",
                "split it into smaller files or remove pasted content",
            )
            return None
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except OSError as exc:
        log.error(Position(rel), f"the file cannot be read: {exc.strerror or exc}")
        return None


def decode_text(data: bytes, rel: str, log: ProblemLog) -> str | None:
    """UTF-8 text (a byte order mark is allowed), or None after saying where it is not."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        log.error(
            Position(rel, line, column),
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} cannot be read)",
            "save the file as UTF-8 in your editor",
        )
        return None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - text.rfind("\n", 0, offset)
        log.error(Position(rel, line, column), "the file contains a NUL character; it is not a text file")
        return None
    return text


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOC_START = yaml.DocumentStartEvent
_QUOTED_STYLES = frozenset(('"', "'", "|", ">"))


def parse_text(text: str, rel: str, log: ProblemLog, max_depth: int = MAX_DEPTH) -> Node | None:
    """Nodes for one YAML document, or None after logging why not.

    This loop is the hot path of validating large packs, hence the flat type dispatch.
    """
    parser = _Parser(text)
    # One frame per open block: the block, the key waiting for its value, and the keys seen so far.
    frames: list[tuple[Mapping | Sequence, list, dict[str, int]]] = []
    root: Node | None = None
    documents = 0
    has_hash = "#" in text

    def fail(mark, message: str, hint: str = "") -> None:
        log.error(Position(rel, mark.line + 1, mark.column + 1), message, hint)

    try:
        while parser.check_event():
            event = parser.get_event()
            cls = event.__class__
            if cls is _SCALAR or cls is _MAP_START or cls is _SEQ_START:
                mark = event.start_mark
                if event.anchor is not None:
                    fail(mark, "anchors (&name) are not supported in content packs", "write the value out in full")
                    return None
                if event.tag is not None:
                    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                    fail(mark, f"tags such as `{tag}` are not allowed in content packs", "remove it")
                    return None
                if cls is _SCALAR:
                    node = Scalar(rel, mark.line + 1, mark.column + 1, event.value, event.style in _QUOTED_STYLES)
                    if not event.style and has_hash:  # plain (unquoted) text
                        _warn_cut_by_comment(event, text, rel, log)
                else:
                    if len(frames) >= max_depth:
                        fail(mark, f"the blocks are nested too deeply (more than {max_depth} levels)")
                        return None
                    container_type = Mapping if cls is _MAP_START else Sequence
                    frames.append((container_type(rel, mark.line + 1, mark.column + 1), [None], {}))
                    continue
            elif cls is _MAP_END or cls is _SEQ_END:
                node = frames.pop()[0]
            elif cls is _ALIAS:
                fail(event.start_mark, "aliases (*name) are not supported in content packs", "write the value out in full")
                return None
            elif cls is _DOC_START:
                documents += 1
                if documents > 1:
                    fail(event.start_mark, "a file holds one document; this is a second one", "remove the line with '---'")
                    return None
                continue
            else:
                continue

            # Attach the finished node to the block it belongs to.
            if not frames:
                root = node
                continue
            parent, pending, seen = frames[-1]
            if parent.__class__ is Sequence:
                parent.items.append(node)
                continue
            key = pending[0]
            if key is None:
                if node.__class__ is not Scalar:
                    log.error(node.position, "a name before a colon must be a plain word, not a list or block")
                    return None
                first = seen.get(node.value)
                if first is not None:
                    log.error(
                        node.position,
                        f"`{node.value}` appears twice in this block (first on line {first})",
                        "keep one of them",
                    )
                    pending[0] = _DUPLICATE  # read on, keeping the first value
                else:
                    seen[node.value] = node.line
                    pending[0] = node
            else:
                if key is not _DUPLICATE:
                    parent.pairs.append((key, node))
                pending[0] = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "the text is not valid YAML").strip()
        if problem == "exceeded maximum nesting depth":  # libyaml's own limit, met before ours in flow style
            message, hint = f"the blocks are nested too deeply (more than {max_depth} levels)", ""
        elif problem == "found character that cannot start any token" and _char_at(text, mark) not in ("\t", ""):
            message = f"a text cannot start with {_char_at(text, mark)} unless it is in quotes"
            hint = "put the whole text in double quotes"
        else:
            message, hint = _FRIENDLY.get(problem, (f"the text is not valid YAML: {problem}", ""))
        if mark is not None:
            fail(mark, message, hint)
        else:
            log.error(Position(rel), message, hint)
        return None
    except yaml.YAMLError as exc:  # reader errors without a mark
        log.error(Position(rel), f"the text is not valid YAML: {exc}")
        return None
    if root is None:
        log.error(Position(rel), "the file is empty")
    return root


def _char_at(text: str, mark) -> str:
    return text[mark.index : mark.index + 1] if mark is not None else ""


def _warn_cut_by_comment(event, text: str, rel: str, log: ProblemLog) -> None:
    """`en: Panel #2` reads as "Panel": YAML takes ` #` as the start of a comment. Say so."""
    end = event.end_mark
    line_end = text.find("\n", end.index)
    rest = text[end.index : line_end if line_end >= 0 else len(text)].lstrip(" ")
    if len(rest) > 1 and rest[0] == "#" and rest[1] not in " #":
        log.warning(
            Position(rel, end.line + 1, end.column + 2),
            f"the text stops before `{rest[:20]}`: after a space, # starts a comment",
            "put the whole text in double quotes",
        )


def read_yaml(path: Path, rel: str, log: ProblemLog) -> Node | None:
    data = read_bytes(path, rel, log)
    text = decode_text(data, rel, log) if data is not None else None
    return parse_text(text, rel, log) if text is not None else None
