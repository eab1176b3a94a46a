"""A pack folder's content hash (the same files with the same bytes always give the same hash) and
its files' stat record (cheap: what changes when any file is saved, added, removed or renamed).

Apart from the reader so that the kiosk can tell whether it already knows a pack without importing
the validator (content/cache.py).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def content_hash(root: Path, known: dict[str, bytes] | None = None) -> str:
    """SHA-256 over every file's relative path and content.

    `known` holds SHA-256 digests of files already read, keyed by relative path.
    """
    known = known or {}
    digest = hashlib.sha256()
    real_root = os.path.realpath(root)
    entries = []
    # Plain strings and os.path rather than Path objects: a 10,000-panel pack is hashed at every start.
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = Path(folder).relative_to(root).as_posix() + "/"  # once per folder, not once per file
        if prefix == "./":
            prefix = ""
        entries.extend((prefix + name, folder, name) for name in files if not name.startswith("."))
    for rel, folder, name in sorted(entries):
        file_digest = known.get(rel)
        if file_digest is None:
            path = os.path.join(folder, name)
            # os.walk does not follow linked folders, so only a linked file can lead outside the pack.
            if os.path.islink(path):
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
    """Every file of the pack (not hidden ones, as for the hash), sorted by relative path, with what a
    save changes: size, modification and status-change times, inode. No file is read."""
    entries: list[FileStat] = []
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
                if entry.is_dir(follow_symlinks=False):  # like the hash: linked folders are not followed
                    pending.append(rel + entry.name + "/")
                    continue
                try:
                    stat = entry.stat()
                except OSError:  # removed while we looked, or a broken link
                    continue
                entries.append((rel + entry.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    entries.sort()
    return entries
