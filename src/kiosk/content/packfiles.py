"""The files of a pack folder: finding them, refusing any that lead outside it, and fingerprinting it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlread import Node, decode_text, parse_text, read_bytes


class PackFiles:
    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.log = log
        self.digests: dict[str, bytes] = {}  # files already read, so the pack's hash need not read them again
        self._real_folders: dict[Path, Path] = {}

    def inside(self, rel: str) -> Path | None:
        """The real path of a file named relative to the pack, or None if it would leave the pack."""
        path = self.root / rel
        folder = path.parent
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = folder.resolve()
        # Resolving every file is slow on packs of thousands of panels; only links and `..` need it.
        if ".." in Path(rel).parts or path.is_symlink():
            candidate = path.resolve()
        else:
            candidate = real_folder / path.name
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
        data = read_bytes(path, rel, self.log)
        if data is None:
            return None
        self.digests[rel] = hashlib.sha256(data).digest()
        text = decode_text(data, rel, self.log)
        return parse_text(text, rel, self.log) if text is not None else None

    def listing(self, folder: str) -> list[str]:
        """YAML files of a sub-folder, sorted by name (their order on screen)."""
        directory = self.root / folder
        if not directory.is_dir():
            return []
        names = sorted(
            entry.name
            for entry in directory.iterdir()
            if entry.suffix == ".yaml" and not entry.name.startswith(".")
        )
        return [f"{folder}/{name}" for name in names]

    def stray_files(self, folder: str = "") -> list[str]:
        """Files that look like content but that the kiosk will not read (`.yml`, unknown names)."""
        directory = self.root / folder if folder else self.root
        if not directory.is_dir():
            return []
        prefix = f"{folder}/" if folder else ""
        return sorted(prefix + p.name for p in directory.glob("*.y*ml") if not p.name.startswith("."))


def content_hash(root: Path, known: dict[str, bytes] | None = None) -> str:
    """SHA-256 over every file's relative path and content; the same pack always gives the same hash.

    `known` holds SHA-256 digests of files already read, keyed by relative path.
    """
    known = known or {}
    digest = hashlib.sha256()
    real_root = root.resolve()
    entries = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = Path(folder, name)
                entries.append((path.relative_to(root).as_posix(), path))
    for rel, path in sorted(entries):
        file_digest = known.get(rel)
        if file_digest is None:
            real = path.resolve()
            if real_root not in real.parents:
                continue  # reported by the rules; never read
            try:
                file_digest = hashlib.sha256(real.read_bytes()).digest()
            except OSError:
                file_digest = b"<unreadable>"
        digest.update(rel.encode("utf-8") + b"\0" + file_digest)
    return digest.hexdigest()
