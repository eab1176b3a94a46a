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
import logging
import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kiosk import __version__
from kiosk.content.fingerprint import content_hash
from kiosk.content.result import LoadResult

log = logging.getLogger(__name__)
KEEP = 4  # remembered packs kept: the current one, the previous one and a little room


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
    for path in watched:
        try:
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path.name}:-")  # frozen: the code is inside the executable
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _entry(folder: Path, digest: str) -> Path:
    return folder / f"{digest}-{engine_fingerprint()}.pickle"


def recall(root: Path, folder: Path | None = None) -> LoadResult | None:
    """The remembered result for the pack at `root`, or None."""
    root = Path(root)
    folder = folder or cache_folder()
    try:
        digest = content_hash(root)
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
    return replace(result, root=root, pack=replace(result.pack, root=str(root)))


def remember(result: LoadResult, folder: Path | None = None) -> None:
    """Keep a usable result for the next start; quietly does nothing if it cannot."""
    if result.pack is None or not result.content_hash:
        return
    folder = folder or cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _entry(folder, result.content_hash)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, target)  # never a half-written entry under the real name
        _prune(folder, keep=target)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not remember the validated pack in %s: %s", folder, exc)


def _prune(folder: Path, keep: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in [p for p in entries if p != keep][KEEP - 1:]:
        old.unlink(missing_ok=True)
    for stray in folder.glob("*.tmp"):  # left by a power cut mid-write (not one being written now)
        if time.time() - stray.stat().st_mtime > 600:
            stray.unlink(missing_ok=True)


def load_remembered(root: Path, places=None, folder: Path | None = None) -> LoadResult:
    """The remembered result for this pack if there is one, else validate it and remember it."""
    remembered = recall(root, folder)
    if remembered is not None:
        return remembered
    from kiosk.content import load_pack

    result = load_pack(root, places)
    remember(result, folder)
    return result
