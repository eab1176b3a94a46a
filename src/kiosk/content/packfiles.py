"""The files of a pack folder: finding them, refusing any that lead outside it, and fingerprinting it."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from kiosk.content.problems import Position, ProblemLog
from kiosk.content.yamlnodes import Node
from kiosk.content.yamlread import decode_text, parse_text, read_bytes


class PackFiles:
    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.log = log
        self.digests: dict[str, bytes] = {}  # files already read, so the pack's hash need not read them again
        self._real_folders: dict[Path, tuple[Path, bool]] = {}  # folder -> its real path, and if that is in the pack
        self._folders_within: dict[str, bool] = {}  # relative folder ("" for the root) -> whether its real path is in the pack

    def inside(self, rel: str) -> Path | None:
        """The real path of a file named relative to the pack, or None if it would leave the pack."""
        path = self.root / rel
        # Resolving every file is slow on packs of thousands of panels; only links and `..` need it.
        if not path.name or (".." in rel and ".." in Path(rel).parts) or path.is_symlink():
            candidate = path.resolve()
            return candidate if self._within(candidate) else None
        real_folder, folder_within = self._real_folder(path.parent)
        candidate = real_folder / path.name
        # The file's real parent is `real_folder`, so it is in the pack when that folder is.
        return candidate if folder_within or candidate == self.real_root else None

    def _real_folder(self, folder: Path) -> tuple[Path, bool]:
        known = self._real_folders.get(folder)
        if known is None:
            real = folder.resolve()
            known = self._real_folders[folder] = (real, self._within(real))
        return known

    def _within(self, real: Path) -> bool:
        """Whether a resolved path is the pack folder or lies inside it."""
        return real == self.real_root or self.real_root in real.parents

    def read(self, rel: str, required: bool) -> Node | None:
        plain = self._plain_file(rel)
        if plain is not None:  # the usual case: one lstat said all `inside` and `is_file` would
            path, size = plain
        else:
            found = self.inside(rel)
            if found is None:
                self.log.error(Position(rel), "this file is a link to a place outside the content folder", "copy the file in")
                return None
            if not found.is_file():
                if required:
                    self.log.error(Position(rel), "this file is missing from the content folder")
                return None
            path, size = found, None
        data = read_bytes(path, rel, self.log, size=size)
        if data is None:
            return None
        self.digests[rel] = hashlib.sha256(data).digest()
        text = decode_text(data, rel, self.log)
        return parse_text(text, rel, self.log) if text is not None else None

    def _plain_file(self, rel: str) -> tuple[str, int] | None:
        """The path and size of `rel` if it is a regular file, not a link, in a folder inside the pack.

        Thousands of panel files are read this way with one `lstat` each; anything else (a link, `..`,
        a missing file, a folder) returns None and takes the full way through `inside`.
        """
        if ".." in rel or rel.endswith("/"):
            return None
        path = os.path.join(self.root, rel)
        try:
            status = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        folder = rel.rpartition("/")[0]
        within = self._folders_within.get(folder)
        if within is None:
            within = self._folders_within[folder] = self._real_folder(self.root / folder)[1]
        return (path, status.st_size) if within else None

    def sizes(self, rels: list[str]) -> list[int]:
        """Each file's size in bytes (0 for one that cannot be looked at), without reading it."""
        sizes = []
        for rel in rels:
            try:
                sizes.append(os.lstat(os.path.join(self.root, rel)).st_size)
            except OSError:
                sizes.append(0)
        return sizes

    def head(self, rel: str, count: int) -> bytes:
        """The first `count` bytes of a file (none if it cannot be read), to estimate its work."""
        try:
            with open(os.path.join(self.root, rel), "rb") as file:  # a few files per pack: no need for os.read
                return file.read(count)
        except OSError:
            return b""

    def listing(self, folder: str) -> list[str]:
        """YAML files of a sub-folder, sorted by name (their order on screen)."""
        directory = self.root / folder
        if not directory.is_dir():
            return []
        with os.scandir(directory) as entries:  # names only: no Path object per file
            names = sorted(e.name for e in entries if e.name.endswith(".yaml") and not e.name.startswith("."))
        return [f"{folder}/{name}" for name in names]

    def stray_files(self, folder: str = "") -> list[str]:
        """Files that look like content but that the kiosk will not read (`.yml`, unknown names)."""
        directory = self.root / folder if folder else self.root
        if not directory.is_dir():
            return []
        prefix = f"{folder}/" if folder else ""
        return sorted(prefix + p.name for p in directory.glob("*.y*ml") if not p.name.startswith("."))
