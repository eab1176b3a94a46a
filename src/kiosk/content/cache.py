"""Validated packs remembered on disk, so a terminal does not validate the same content at every start.

A remembered result is found by the pack's content hash together with the engine's own fingerprint
(its version, and the files of the validator and the map data): changed content, or another kiosk
build, is validated afresh. Anything wrong with the cache (missing, unreadable, from an older
kiosk, a full disk) only means validating; it never stops the kiosk.

`kiosk validate` and `kiosk install-content` remember what they checked, so after an install the
terminal's next start skips validation altogether.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import marshal
import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kiosk import __version__
from kiosk.content.fingerprint import FileStat, content_hash, file_stats
from kiosk.content.result import LoadResult

log = logging.getLogger(__name__)
KEEP = 4  # remembered packs kept: the current one, the previous one and a little room
KEEP_SEEN = 16  # folders whose hash is noted
# A file changed this recently may change again within the file system's timestamp resolution
# without its times moving, so its folder's hash is not noted yet (git's "racily clean" rule).
SETTLED_SECONDS = 2.0


def cache_folder() -> Path:
    """`KIOSK_CACHE_DIR`, else the platform's per-user cache folder."""
    configured = os.environ.get("KIOSK_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "exhibit-kiosk" / "packs"


def engine_fingerprint() -> str:
    """What, besides the pack, decides the validator's verdict: this kiosk's version and code, and
    the map data it checks places against."""
    import kiosk.content as content_package
    from kiosk.resources import asset_path

    parts = [__version__, sys.version, getattr(sys, "_MEIPASS", "")]
    watched = sorted(Path(content_package.__file__).parent.glob("*.py")) + [
        asset_path("geo", "recognition_map.json"),
        asset_path("geo", "place_names.json"),
        Path(sys.executable),
    ]
    parts += [file_stamp(path) for path in watched]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def file_stamp(path: Path) -> str:
    """A file the engine's verdicts depend on, as its name, size and modification time."""
    try:
        stat = path.stat()
        return f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        return f"{path.name}:-"  # frozen: the code is inside the executable (the version keys it)


def settled(times_ns) -> bool:
    """Whether no file with these (modified, changed) times was saved too recently to trust its times."""
    limit = time.time_ns() - int(SETTLED_SECONDS * 1e9)
    return all(max(mtime, ctime) <= limit for mtime, ctime in times_ns)


def store_pickle(target: Path, value, keep: int) -> None:
    """Pickle `value` to `target`, never half-written under that name, and keep the `keep` newest
    entries of its folder. Raises OSError or PicklingError."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(out.name, target)
    _prune_files(target.parent, "*.pickle", keep, keep=target)


def _entry(folder: Path, digest: str) -> Path:
    return folder / f"{digest}-{engine_fingerprint()}.pickle"


def _seen_record(folder: Path, root: Path) -> Path:
    where = hashlib.sha256(os.path.realpath(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return folder / "seen" / f"{where}.json"


def _stats_key(stats: list[FileStat]) -> str:
    # marshal's version 2 writes equal values as equal bytes (later versions share repeated objects,
    # depending on how many references they have); quicker than repr() (~40 ms for 10,000 files).
    return hashlib.sha256(marshal.dumps(stats, 2)).hexdigest()


def known_hash(root: Path, folder: Path, stats: list[FileStat]) -> str | None:
    """The content hash noted for this folder, if none of its files changed since."""
    try:
        record = json.loads(_seen_record(folder, root).read_text(encoding="utf-8"))
        return record["hash"] if record["stats"] == _stats_key(stats) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def note_hash(root: Path, folder: Path, stats: list[FileStat], digest: str) -> None:
    """Note the hash of the folder's content as it is now, unless a file is too fresh to trust."""
    if not settled((mtime, ctime) for _, _, mtime, ctime, _ in stats):
        return
    record = _seen_record(folder, root)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=record.parent, suffix=".tmp", delete=False, encoding="utf-8") as out:
            json.dump({"root": os.path.realpath(root), "stats": _stats_key(stats), "hash": digest}, out)
        os.replace(out.name, record)
        _prune_files(record.parent, "*.json", KEEP_SEEN, keep=record)
    except OSError as exc:
        log.warning("could not note the content hash in %s: %s", folder, exc)


def pack_hash(root: Path, folder: Path, stats: list[FileStat]) -> str:
    """The pack's content hash: noted, or computed (and noted for the next start). `stats` are the
    pack's files as they were before anything of them was read."""
    digest = known_hash(root, folder, stats)
    if digest is None:
        digest = content_hash(root)
        note_hash(root, folder, stats, digest)
    return digest


def recall(root: Path, folder: Path | None = None, stats: list[FileStat] | None = None) -> LoadResult | None:
    """The remembered result for the pack at `root`, or None."""
    root = Path(root)
    folder = folder or cache_folder()
    try:
        digest = pack_hash(root, folder, file_stats(root) if stats is None else stats)
        data = _entry(folder, digest).read_bytes()
    except OSError:
        return None
    was_enabled = gc.isenabled()
    gc.disable()  # unpickling makes many small acyclic objects (see load.py)
    try:
        result = pickle.loads(data)
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file is only a miss
        log.warning("ignoring the remembered pack %s: %s", digest[:12], exc)
        return None
    finally:
        gc.freeze()  # long-lived and acyclic: never scanned by the collector (see load.py)
        if was_enabled:
            gc.enable()
    if not isinstance(result, LoadResult) or result.content_hash != digest or result.pack is None:
        return None
    # The same content may have been remembered from another folder (an install copies it).
    return result.replaced(root=root, pack=replace(result.pack, root=str(root)))


def remember(result: LoadResult, folder: Path | None = None) -> None:
    """Keep a usable result for the next start; quietly does nothing if it cannot."""
    if result.pack is None or not result.content_hash:
        return
    folder = folder or cache_folder()
    try:
        store_pickle(_entry(folder, result.content_hash), result, KEEP)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not remember the validated pack in %s: %s", folder, exc)


def _prune_files(folder: Path, pattern: str, count: int, keep: Path) -> None:
    """Keep the `count` newest files matching `pattern` (always `keep`); remove stale temporary files."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in [p for p in entries if p != keep][count - 1:]:
        old.unlink(missing_ok=True)
    for stray in folder.glob("*.tmp"):  # left by a power cut mid-write (not one being written now)
        if time.time() - stray.stat().st_mtime > 600:
            stray.unlink(missing_ok=True)


def load_remembered(root: Path, places=None, folder: Path | None = None) -> LoadResult:
    """The remembered result for this pack if there is one, else validate it and remember it."""
    folder = folder or cache_folder()
    stats = file_stats(root)  # before reading: a file saved meanwhile makes the note a miss, never wrong
    remembered = recall(root, folder, stats)
    if remembered is not None:
        return remembered
    from kiosk.content import load_pack

    result = load_pack(root, places)
    remember(result, folder)
    if result.pack is not None:
        note_hash(root, folder, stats, result.content_hash)
    return result
