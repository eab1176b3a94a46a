"""A pack folder's content hash (the same files with the same bytes always give the same hash) and
its files' stat record (cheap: what changes when any file is saved, added, removed or renamed).

Apart from the reader so that the kiosk can tell whether it already knows a pack without importing
the validator (content/cache.py).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def pack_files(root: Path) -> list[tuple[str, os.DirEntry]]:
    """Every file of the pack, sorted by relative path (with `/`). Hidden files and folders are left
    out, and linked folders are not followed; a linked file is listed (the rules refuse it if it leads
    outside the pack)."""
    files: list[tuple[str, os.DirEntry]] = []
    pending = [""]
    while pending:
        rel = pending.pop()
        try:
            listing = os.scandir(os.path.join(root, rel) if rel else root)
        except OSError:
            continue
        with listing:
            for entry in listing:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if not entry.is_symlink():
                        pending.append(rel + entry.name + "/")
                    continue
                files.append((rel + entry.name, entry))
    files.sort(key=lambda file: file[0])
    return files


def content_hash(root: Path, known: dict[str, bytes] | None = None) -> str:
    """SHA-256 over every file's relative path and content.

    `known` holds SHA-256 digests of files already read, keyed by relative path.
    """
    known = known or {}
    digest = hashlib.sha256()
    real_root = os.path.realpath(root)
    for rel, entry in pack_files(root):
        file_digest = known.get(rel)
        if file_digest is None:
            path = entry.path
            if entry.is_symlink():  # linked folders are not followed, so only a linked file can lead outside
                path = os.path.realpath(path)
                if not path.startswith(real_root + os.sep):
                    continue  # reported by the rules; never read
            try:
                with open(path, "rb") as file:
                    file_digest = hashlib.sha256(file.read()).digest()
            except OSError:
                file_digest = b"<unreadable>"
        digest.update(rel.encode("utf-8") + b"\0" + file_digest)
    return digest.hexdigest()


FileStat = tuple[str, int, int, int, int]  # relative path, size, modified, changed (ns), inode


def file_stats(root: Path) -> list[FileStat]:
    """The pack's files (`pack_files`) with what a save changes: size, modification and status-change
    times, inode. No file is read."""
    stats: list[FileStat] = []
    for rel, entry in pack_files(root):
        try:
            stat = entry.stat()
        except OSError:  # removed while we looked, or a broken link
            continue
        stats.append((rel, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return stats
