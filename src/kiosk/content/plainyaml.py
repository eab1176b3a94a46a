"""A quick reader for the plain part of YAML that content packs are written in, line by line.

Most of the time spent validating a large pack went into libyaml's event objects: each event is a
Python object with two position objects, ~2 µs each, and a panel file has ~140 of them. Nearly every
line of a pack is one of a few shapes (`key: value`, `key:` opening a block, `- item`, `- key: value`,
`key: [a, b]`), which string methods read in a fraction of that.

It also takes comments, on their own lines or after a value, and a backslash before a quote or a
backslash in double quotes. It takes only what it is sure of and declines everything else: it returns
None for a file with any other construct (block scalars, other escapes, multi-line texts, anchors, tags,
repeated keys, odd indentation, tabs, control characters, a `#` right after a text, ...), and `yamlread`
then reads that file with libyaml as before, which also reports every problem. So it never reports
anything itself, and where it takes a file its nodes are exactly libyaml's, positions included
(tests/unit/test_plainyaml.py compares the two on generated documents).
"""

from __future__ import annotations

import re

from kiosk.content.yamlnodes import Mapping, Node, Scalar, Sequence

# A character that starts a YAML construct other than a plain text (an indicator).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# A key this reader takes: plain, one line, no comment, no colon, no trailing space.
_KEY = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*(?<! )").fullmatch
# One item of a one-line flow list, `[a, b c]`: plain, no indicator inside.
_FLOW_ITEM = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^,:#\[\]{}]*[^\s,:#\[\]{}])?")
# A quoted text at the start of a value. In double quotes only the escapes `\"` and `\\` are taken.
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\["\\])*"').match
_SINGLE_QUOTED = re.compile(r"'[^']*'").match
_ESCAPED = re.compile(r'\\(["\\])')
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
# Keys already found good, shared by all files: a pack repeats a few dozen names thousands of times.
_GOOD_KEYS: set[str] = set()
_GOOD_KEYS_KEPT = 10_000  # enough for any real pack; a strange one just checks its keys each time


class _Declined(Exception):
    """The file has something this reader leaves to libyaml."""


def read_plain_yaml(text: str, rel: str, max_depth: int) -> Node | None:
    """The file's nodes, or None when libyaml should read it (this reader is not sure, or the file is wrong)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not _printable(text):  # tabs, control characters, a lone `\r`, other line breaks: left to libyaml
        return None
    try:
        return _read(text, rel, max_depth)
    except _Declined:
        return None


def _read(text: str, rel: str, max_depth: int) -> Node | None:
    # The open blocks, innermost last, each as
    # [node, column (0-based), is a mapping, its keys so far, its entries' or items' append].
    stack: list[list] = []
    column, is_mapping, keys, add = -1, False, set(), None
    pending = None  # (the owner's append, key, line, column) after `key:` alone on its line: a block follows
    line_number = 0
    for line in text.split("\n"):
        line_number += 1
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":  # a blank line or a comment on its own
            continue
        indent = len(line) - len(stripped)
        colon = stripped.find(": ")

        # A shortcut for the usual `key: ...` that starts or leaves a block; the general way below does
        # the same for every line (and declines what is wrong).
        if colon > 0 and indent != column and stripped[0] != "-":
            if pending is not None:
                if indent > pending[3] - 1:  # the first key of the block that `key:` opened
                    _, column, is_mapping, keys, add = _open_block(stack, pending, Mapping(rel, line_number, indent + 1), indent, max_depth)
                    pending = None
            elif indent < column:  # back in an outer block
                while stack[-1][1] > indent:
                    stack.pop()
                _, column, is_mapping, keys, add = stack[-1]

        # Most lines: `key: "text"` in the block the line before was in. Anything else takes the general
        # way. (A `- ` line that gets here fails `_check_key`: a key cannot start with a dash.)
        if indent == column and is_mapping and colon > 0 and pending is None:
            value = stripped[colon + 2 :]
            if value[:1] == '"' and value[-1] == '"' and len(value) > 1:
                inner = value[1:-1]
                if '"' not in inner and "\\" not in inner:
                    key = stripped[:colon]
                    if key in keys or key not in _GOOD_KEYS:
                        _check_key(key, keys)
                    keys.add(key)
                    add((key, line_number, indent + 1, False, Scalar(rel, line_number, indent + colon + 3, inner, True)))
                    continue

        dash = stripped[0] == "-"
        if dash:  # `- item`: the item starts after the spaces that follow the dash
            if stripped[1:2] != " ":
                raise _Declined
            rest = stripped[2:]
            body = rest.lstrip(" ")
            if not body:
                raise _Declined
            body_column = indent + 2 + len(rest) - len(body)
            colon = body.find(": ") if body[0] != '"' and body[0] != "'" else -1  # `- "a: b"` is a text
        else:
            body, body_column = stripped, indent
        if colon >= 0:
            key, value = body[:colon], body[colon + 2 :]
        elif body[-1] == ":":
            key, value = body[:-1], ""
        else:
            key, value = None, body

        # Which block the line belongs to.
        if pending is not None:
            if dash and indent >= pending[3] - 1:  # a list may sit at its key's own indentation
                block: Mapping | Sequence = Sequence(rel, line_number, indent + 1)
            elif not dash and key is not None and indent > pending[3] - 1:
                block = Mapping(rel, line_number, indent + 1)
            else:  # `key:` with an empty value, which libyaml reads as an empty text
                raise _Declined
            _, column, is_mapping, keys, add = _open_block(stack, pending, block, indent, max_depth)
            pending = None
        elif indent != column:
            if not stack:  # the first line: the file is a block of `key: value`
                if indent or dash or key is None:
                    raise _Declined
                _open_block(stack, None, Mapping(rel, line_number, 1), 0, max_depth)
            else:
                while stack[-1][1] > indent:
                    stack.pop()
                if stack[-1][1] != indent:
                    raise _Declined
            _, column, is_mapping, keys, add = stack[-1]
        if not dash and not is_mapping:  # a key after a list that sat at its own key's indentation
            if len(stack) > 1 and stack[-2][1] == indent and stack[-2][2]:
                stack.pop()
                _, column, is_mapping, keys, add = stack[-1]
            else:
                raise _Declined

        if dash:
            if is_mapping:
                raise _Declined
            if key is None:  # `- item`
                value = _without_comment(value)
                if not value:
                    raise _Declined
                add(_value(value, rel, line_number, body_column))
                continue
            item = Mapping(rel, line_number, body_column + 1)  # `- key: ...` opens a block in the list
            add(item)
            _, column, is_mapping, keys, add = _open_block(stack, None, item, body_column, max_depth)
        elif key is None:  # a text where a key belongs, such as the second line of a long text
            raise _Declined
        if key in keys or key not in _GOOD_KEYS:
            _check_key(key, keys)
        keys.add(key)
        text_value = value.lstrip(" ")
        value_column = len(line) - len(text_value)
        text_value = _without_comment(text_value)
        if text_value:
            add((key, line_number, body_column + 1, False, _value(text_value, rel, line_number, value_column)))
        else:
            pending = (add, key, line_number, body_column + 1)
    if pending is not None or not stack:
        raise _Declined
    return stack[0][0]


def _open_block(stack: list[list], owner, block: Mapping | Sequence, column: int, max_depth: int) -> list:
    """Put `block` on the stack as the innermost open block, as the value of the `key:` in `owner`
    (a pending `key:`, or None) and return its record."""
    if owner is not None:
        append, key, line, key_column = owner
        append((key, line, key_column, False, block))
    if block.__class__ is Mapping:
        record = [block, column, True, set(), block.entries.append]
    else:
        record = [block, column, False, None, block.items.append]
    stack.append(record)
    if len(stack) >= max_depth:
        raise _Declined
    return record


def _printable(text: str) -> bool:
    """Whether every character but the line breaks is printable (stricter than YAML, which allows tabs)."""
    if text.isascii():  # the quick way for most packs: delete the printable bytes, see if any are left
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.replace("\n", "").isprintable()


def _check_key(key: str, keys: set[str]) -> None:
    """Decline a key this reader does not take, or one already in the block (libyaml's reading reports it)."""
    if key in keys or _KEY(key) is None:
        raise _Declined
    if len(_GOOD_KEYS) < _GOOD_KEYS_KEPT:
        _GOOD_KEYS.add(key)


def _without_comment(value: str) -> str:
    """The text before a comment on the same line (`text  # note`), if any.

    Declines `text #note`: libyaml's reading warns that the text stops before `#note`.
    """
    if " #" not in value and value[:1] != "#":  # most values: a comment needs a space before its `#`
        return value
    if not value or value[0] == "#":
        comment, value = value, ""
    elif value[0] == '"' or value[0] == "'":  # quoted: any comment after it is plainly a comment
        quoted = (_DOUBLE_QUOTED if value[0] == '"' else _SINGLE_QUOTED)(value)
        end = quoted.end() if quoted is not None else len(value)
        rest = value[end:].lstrip(" ")
        if not rest:
            return value
        if rest[0] != "#" or value[end] != " ":
            raise _Declined
        return value[:end]
    else:
        at = value.find(" #")
        if at < 0:
            return value
        comment, value = value[at + 1 :], value[:at].rstrip(" ")
    if comment[1:2] not in ("", " ", "#"):
        raise _Declined
    return value


def _value(value: str, rel: str, line: int, column: int) -> Scalar | Sequence:
    """The node for the text after `key: ` or `- `, which starts at `column` (0-based)."""
    value = value.rstrip(" ")
    first = value[0]
    if first == '"' or first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != first:
            raise _Declined
        if first == "'":  # no escapes but `''`, left to libyaml; a backslash is just a backslash
            if "'" in inner:
                raise _Declined
        elif '"' in inner or "\\" in inner:  # `\"` and `\\` are taken; any other escape goes to libyaml
            quoted = _DOUBLE_QUOTED(value)
            if quoted is None or quoted.end() != len(value):
                raise _Declined
            inner = _ESCAPED.sub(r"\1", inner)
        return Scalar(rel, line, column + 1, inner, True)
    if first not in _INDICATORS:
        if ": " in value or " #" in value or value[-1] == ":":
            raise _Declined
        return Scalar(rel, line, column + 1, value, False)
    if first != "[" or value[-1] != "]":
        raise _Declined
    sequence = Sequence(rel, line, column + 1)  # `[a, b]`: plain items on one line
    items = sequence.items
    position, end = 1, len(value) - 1
    while position < end:
        while value[position] == " ":
            position += 1
        if position == end:
            break
        match = _FLOW_ITEM.match(value, position, end)
        if match is None:
            raise _Declined
        items.append(Scalar(rel, line, column + 1 + position, match.group(), False))
        position = match.end()
        while position < end and value[position] == " ":
            position += 1
        if position < end:
            if value[position] != "," or not value[position + 1 : end].strip(" "):  # not `,`, or `a, ]`
                raise _Declined
            position += 1
    return sequence
