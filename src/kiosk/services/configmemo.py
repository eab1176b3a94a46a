"""A usable station config remembered once read, so an unchanged file is not parsed at every start.

Reading the file means importing PyYAML and the content reader (~50 ms before the first frame). The
result is kept beside the remembered packs (content/cache.py), found by the file's path and stat
record (size, times, inode) and the engine's fingerprint: an edited file or another kiosk build is
read afresh. A config with errors is never remembered, so its problems are always found anew.
Anything wrong with the memo only means reading the file; it never stops the kiosk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from kiosk.content.cache import cache_folder, engine_fingerprint, file_stamp, settled, store_pickle
from kiosk.services.config import ConfigResult

log = logging.getLogger(__name__)
KEEP = 4  # remembered configs kept (a machine may run more than one station config over time)
READER_FILES = ("config.py", "configfile.py", "configmemo.py")  # besides the content reader (engine_fingerprint)


def config_key(path: Path) -> str | None:
    """What the file is now, taken before it is read; None if it is missing or too fresh to trust
    (saved within the file system's timestamp resolution, it may change again without its times moving)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if not settled([(stat.st_mtime_ns, stat.st_ctime_ns)]):
        return None
    here = Path(__file__).parent
    parts = [str(path), os.path.realpath(path), repr((stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev))]
    parts += [engine_fingerprint()] + [file_stamp(here / name) for name in READER_FILES]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _entry(key: str) -> Path:
    return cache_folder() / "config" / f"{key}.pickle"


def recall(key: str | None) -> ConfigResult | None:
    if key is None:
        return None
    try:
        result = pickle.loads(_entry(key).read_bytes())
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: read the file instead
        return None
    return result if isinstance(result, ConfigResult) and result.config is not None else None


def remember(key: str | None, result: ConfigResult) -> None:
    """Keep a usable config for the next start; quietly does nothing if it cannot."""
    if key is None or result.config is None:
        return
    try:
        store_pickle(_entry(key), result, KEEP)
    except (OSError, pickle.PicklingError) as exc:
        # Quietly: logging is not set up yet, and `kiosk stats` and friends print only their own output.
        log.debug("could not remember the station config in %s: %s", _entry(key).parent, exc)
