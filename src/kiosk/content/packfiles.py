"""The files of a pack folder: finding them, refusing any that lead outside it, and fingerprinting it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlread import Node, read_yaml


class PackFiles:
    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.log = log

    def inside(self, rel: str) -> Path | None:
        """The real path of a file named relative to the pack, or None if it would leave the pack."""
        candidate = (self.root / rel).resolve()
        if candidate != self.real_root and self.real_root not in candidate.parents:
            return None
        return candidate

    def read(self, rel: str, required: bool) -> Node | None:
        path = self.inside(rel)
        if path is None:
            self.log.error(Position(rel), "this file is a link to a place outside the content folder", "copy the file in")
            return None
        if not path.is_file():
            if required:
                self.log.error(Position(rel), "this file is missing from the content folder")
            return None
        return read_yaml(path, rel, self.log)

    def listing(self, folder: str) -> list[str]:
        """YAML files of a sub-folder, sorted by name (their order on screen)."""
        directory = self.root / folder
        if not directory.is_dir():
            return []
        names = sorted(
            entry.name
            for entry in directory.iterdir()
            if entry.suffix in (".yaml", ".yml") and not entry.name.startswith(".")
        )
        return [f"{folder}/{name}" for name in names]

    def top_level_yaml(self) -> list[str]:
        return sorted(p.name for p in self.root.glob("*.y*ml") if not p.name.startswith("."))


def content_hash(root: Path) -> str:
    """SHA-256 over every file's relative path and bytes; the same pack always gives the same hash."""
    digest = hashlib.sha256()
    real_root = root.resolve()
    entries = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            real = path.resolve()
            if real_root not in real.parents:
                continue  # reported by the rules; never read
            entries.append((path.relative_to(root).as_posix(), real))
    for rel, real in sorted(entries):
        digest.update(rel.encode("utf-8") + b"\0")
        try:
            digest.update(real.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()
