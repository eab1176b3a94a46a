"""A pack folder's content hash: the same files with the same bytes always give the same hash.

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
    real_root = root.resolve()
    entries = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = Path(folder).relative_to(root).as_posix() + "/"  # once per folder, not once per file
        if prefix == "./":
            prefix = ""
        entries.extend((prefix + name, folder, name) for name in files if not name.startswith("."))
    for rel, folder, name in sorted(entries):
        file_digest = known.get(rel)
        if file_digest is None:
            path = Path(folder, name)
            # os.walk does not follow linked folders, so only a linked file can lead outside the pack.
            if path.is_symlink():
                path = path.resolve()
                if real_root not in path.parents:
                    continue  # reported by the rules; never read
            try:
                file_digest = hashlib.sha256(path.read_bytes()).digest()
            except OSError:
                file_digest = b"<unreadable>"
        digest.update(rel.encode("utf-8") + b"\0" + file_digest)
    return digest.hexdigest()
