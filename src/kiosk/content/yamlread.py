"""Reading one YAML file of a pack safely, into nodes that remember their line and column.

A pack is untrusted input, so this module never builds Python objects with PyYAML's constructors.
It walks the parser's event stream itself, which lets it
- refuse anchors, aliases and tags outright (no alias bombs, no object construction),
- stop at a small nesting depth before libyaml's recursive composer could overflow the C stack,
- keep every scalar as text, so ``NO`` stays Norway and ``1992`` stays a year the schema parses,
- report duplicate keys, which PyYAML otherwise accepts silently.
The file size is bounded before the file is even read.

Most files of a pack are read by `plainyaml`'s quicker reader instead; whatever it is not sure of comes
here, so every problem is found and worded by this module.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import yaml

from kiosk.content.plainyaml import read_plain_yaml
from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlnodes import Mapping, Node, Scalar, Sequence

MAX_FILE_BYTES = 5_000_000  # a long panel is ~5 KB; 10,000 timeline events in three languages ~3 MB
MAX_DEPTH = 24  # the format nests at most ~6 levels

# The bare libyaml parser: a CSafeLoader would also set up a constructor and a resolver we never use,
# which costs more than parsing a small panel file. Pure-Python PyYAML's SafeLoader has the same event API.
try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


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


def read_bytes(
    path: Path | str, rel: str, log: ProblemLog, limit: int = MAX_FILE_BYTES, size: int | None = None
) -> bytes | None:
    """The file's bytes, refusing large files before reading them. `size`: the caller has just looked."""
    try:
        if size is None:
            size = os.stat(path).st_size
        if size > limit:
            log.error(
                Position(rel),
                f"the file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)",
                "split it into smaller files or remove pasted content",
            )
            return None
        # `os.read` on a descriptor: `open()` makes two file objects per file, a third of reading a panel.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            # A read of `limit` bytes would allocate all 5 MB first (most of the cost of reading a panel).
            data = _read_at_most(descriptor, size + 1)
            if len(data) > size:  # the file grew since: read on, up to the limit as before
                data += _read_at_most(descriptor, limit + 1 - len(data))
            return data
        finally:
            os.close(descriptor)
    except OSError as exc:
        log.error(Position(rel), f"the file cannot be read: {exc.strerror or exc}")
        return None


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Up to `count` bytes, fewer only at the end of the file (a read may stop short of what was asked)."""
    chunks = []
    while count > 0:
        chunk = os.read(descriptor, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


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
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent
_QUOTED_STYLES = frozenset(('"', "'", "|", ">"))


class _Refused(Exception):
    """Reading stops: the problem is already logged."""


class _Composer:
    """Builds nodes from the parser's events, one block at a time (the nesting is capped, so recursion is safe).

    It reads every file `plainyaml` declines (any pack with comments after values, escapes or
    multi-line texts): about 140 events per panel file, and making the events is already half of the
    time. So each event costs as few Python operations as possible:
    class identity checks, no allocations besides the node itself, plain scalars made inline.
    """

    def __init__(self, text: str, rel: str, log: ProblemLog, max_depth: int) -> None:
        self.next_event = _Parser(text).get_event
        self.text = text
        self.rel = rel
        self.log = log
        self.max_depth = max_depth
        self.has_hash = "#" in text  # no `#`, no comment that could cut a text short
        # Without `#`, `&` and `!` no scalar can carry an anchor or a tag or be cut short by a comment,
        # so `mapping` makes the (many) scalars of such a file directly, skipping `node`'s checks.
        self.unmarked = not self.has_hash and "&" not in text and "!" not in text

    def document(self) -> Node | None:
        root: Node | None = None
        documents = 0
        while True:
            event = self.next_event()
            cls = event.__class__
            if cls is _STREAM_END:
                return root
            if cls is _DOC_START:
                documents += 1
                if documents > 1:
                    self.fail(event.start_mark, "a file holds one document; this is a second one", "remove the line with '---'")
            elif cls is _SCALAR or cls is _MAP_START or cls is _SEQ_START or cls is _ALIAS:
                root = self.node(event, 0)

    def node(self, event, depth: int) -> Node:
        """The node that starts with `event`; `depth` counts the blocks it is inside."""
        cls = event.__class__
        if cls is _ALIAS:
            self.fail(event.start_mark, "aliases (*name) are not supported in content packs", "write the value out in full")
        if event.anchor is not None or event.tag is not None:
            self.refuse_anchor_or_tag(event)
        if cls is _SCALAR:
            return self.scalar(event)
        if depth >= self.max_depth:
            self.fail(event.start_mark, f"the blocks are nested too deeply (more than {self.max_depth} levels)")
        if cls is _MAP_START:
            return self.mapping(event, depth + 1)
        return self.sequence(event, depth + 1)

    def scalar(self, event) -> Scalar:
        mark = event.start_mark
        style = event.style
        if not style and self.has_hash:  # plain (unquoted) text
            _warn_cut_by_comment(event, self.text, self.rel, self.log)
        return Scalar(self.rel, mark.line + 1, mark.column + 1, event.value, style in _QUOTED_STYLES)

    def mapping(self, start, depth: int) -> Mapping:
        mark = start.start_mark
        mapping = Mapping(self.rel, mark.line + 1, mark.column + 1)
        entries = mapping.entries
        first_lines: dict[str, int] = {}  # key -> the line it first appears on
        next_event, unmarked, rel = self.next_event, self.unmarked, self.rel  # locals: read on every event
        while True:
            event = next_event()
            cls = event.__class__
            if cls is _MAP_END:
                return mapping
            if cls is _SCALAR and unmarked:  # the key as `node` would read it, without making a Scalar
                mark = event.start_mark
                key, line, column, quoted = event.value, mark.line + 1, mark.column + 1, event.style in _QUOTED_STYLES
            else:
                node = self.node(event, depth)
                if node.__class__ is not Scalar:
                    self.log.error(node.position, "a name before a colon must be a plain word, not a list or block")
                    raise _Refused
                key, line, column, quoted = node.value, node.line, node.column, node.quoted
            first = first_lines.get(key)
            if first is None:
                first_lines[key] = line
                event = next_event()
                if event.__class__ is _SCALAR and unmarked:  # the same Scalar as `node` makes, one call less
                    mark = event.start_mark
                    value = Scalar(rel, mark.line + 1, mark.column + 1, event.value, event.style in _QUOTED_STYLES)
                else:
                    value = self.node(event, depth)
                entries.append((key, line, column, quoted, value))
            else:  # reported before anything in its value; the value is read on and dropped, the first one kept
                self.log.error(
                    Position(self.rel, line, column),
                    f"`{key}` appears twice in this block (first on line {first})",
                    "keep one of them",
                )
                self.node(self.next_event(), depth)

    def sequence(self, start, depth: int) -> Sequence:
        mark = start.start_mark
        sequence = Sequence(self.rel, mark.line + 1, mark.column + 1)
        items = sequence.items
        next_event, unmarked, rel = self.next_event, self.unmarked, self.rel
        while True:
            event = next_event()
            cls = event.__class__
            if cls is _SEQ_END:
                return sequence
            if cls is _SCALAR and unmarked:  # the same Scalar as `node` makes, two calls less (`[src-a, src-b]`)
                mark = event.start_mark
                items.append(Scalar(rel, mark.line + 1, mark.column + 1, event.value, event.style in _QUOTED_STYLES))
            else:
                items.append(self.node(event, depth))

    def refuse_anchor_or_tag(self, event) -> None:
        if event.anchor is not None:
            self.fail(event.start_mark, "anchors (&name) are not supported in content packs", "write the value out in full")
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        self.fail(event.start_mark, f"tags such as `{tag}` are not allowed in content packs", "remove it")

    def fail(self, mark, message: str, hint: str = "") -> None:
        self.log.error(Position(self.rel, mark.line + 1, mark.column + 1), message, hint)
        raise _Refused


def parse_text(text: str, rel: str, log: ProblemLog, max_depth: int = MAX_DEPTH, quick: bool = True) -> Node | None:
    """Nodes for one YAML document, or None after logging why not. `quick=False`: libyaml's reading only."""
    if quick:
        root = read_plain_yaml(text, rel, max_depth)
        if root is not None:
            return root
    try:
        root = _Composer(text, rel, log, max_depth).document()
    except _Refused:
        return None
    except yaml.MarkedYAMLError as exc:
        _report_yaml_error(exc, text, rel, log, max_depth)
        return None
    except yaml.YAMLError as exc:  # reader errors without a mark
        log.error(Position(rel), f"the text is not valid YAML: {exc}")
        return None
    if root is None:
        log.error(Position(rel), "the file is empty")
    return root


def _report_yaml_error(exc: yaml.MarkedYAMLError, text: str, rel: str, log: ProblemLog, max_depth: int) -> None:
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
        log.error(Position(rel, mark.line + 1, mark.column + 1), message, hint)
    else:
        log.error(Position(rel), message, hint)


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
