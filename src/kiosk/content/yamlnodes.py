"""The nodes a YAML file of a pack is read into: text, blocks and lists that remember their line and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.content.problems import Position


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


# A key of a block, kept as its text and place rather than as a Scalar: a large pack has hundreds of
# thousands of keys, and only a problem needs one as a node (`Mapping.pairs` makes them).
Entry = tuple[str, int, int, bool, Node]  # key, line, column, whether the key is quoted, the value's node


@dataclass(slots=True)
class Mapping(Node):
    entries: list[Entry] = field(default_factory=list)  # one per distinct key, in the file's order

    @property
    def pairs(self) -> list[tuple[Scalar, Node]]:
        """Each key as a Scalar node, with its value's node."""
        file = self.file
        return [(Scalar(file, line, column, key, quoted), value) for key, line, column, quoted, value in self.entries]

    def get(self, key: str) -> Node | None:
        for name, _, _, _, value in self.entries:
            if name == key:
                return value
        return None


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)
