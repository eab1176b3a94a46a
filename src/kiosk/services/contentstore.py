"""Installed content pack versions, switched atomically, with the previous one kept for rollback.

    STORE/packs/<version>/   complete, validated packs; never changed after they are renamed in
    STORE/.staging-*/        an install in progress; whatever a crash leaves here is removed next time
    STORE/active.json        {"current": version, "previous": version}, replaced in one os.replace

A pack becomes visible to the kiosk only through `active.json`, which is written to a temporary file,
flushed to disk (fsync) and renamed over the old one; a rename within one folder is atomic on POSIX
and on NTFS. So a kill or power cut at any moment leaves either the old or the new pointer, and both
point at complete folders: a version folder is renamed into place only after all its files are
flushed. `step` is called at every point an install could be interrupted; tests kill it there.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable

from kiosk.content import LoadResult
from kiosk.records import Record, record

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

ACTIVE = "active.json"
IN_USE = ".in-use"  # a running kiosk holds a shared lock on this file of the version it shows
MAX_ARCHIVE_BYTES = 4_000_000_000  # unpacked; a large exhibit with images is ~500 MB
MAX_ARCHIVE_FILES = 100_000


class InstallError(Exception):
    """A pack that cannot be installed, said for staff; nothing in the store was changed."""


@record
class Installed(Record):
    """A pack version the store has put in place, and the one it replaced."""

    version: str
    path: Path
    previous: str | None
    already_current: bool = False


def _no_step(name: str) -> None:
    pass


def _fsync_folder(folder: Path) -> None:
    """Make a rename or new file in `folder` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class ContentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.packs = self.root / "packs"

    # Reading -------------------------------------------------------------------------------
    def state(self) -> dict:
        try:
            data = json.loads((self.root / ACTIVE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def path_of(self, version: str | None) -> Path | None:
        if not version or "/" in version or "\\" in version or version.startswith("."):
            return None
        path = self.packs / version
        return path if path.is_dir() else None

    def candidates(self) -> list[Path]:
        """The packs to try, best first: the current one, then the previous (the last good one)."""
        state = self.state()
        paths = [self.path_of(state.get("current")), self.path_of(state.get("previous"))]
        return [p for p in dict.fromkeys(paths) if p is not None]

    def current(self) -> Path | None:
        return self.path_of(self.state().get("current"))

    # Changing ------------------------------------------------------------------------------
    def install(
        self, source: Path, check: Callable[[Path], LoadResult], step: Callable[[str], None] = _no_step
    ) -> Installed:
        """Copy a pack folder or .zip into a new version, validate the copy, then switch to it."""
        source = Path(source)
        self.packs.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.root))
        step("staging")
        try:
            if source.is_file() and zipfile.is_zipfile(source):
                unpacked = _unzip(source, staging / "unpacked", step)
                pack = _pack_root(unpacked)
            elif source.is_dir():
                pack = staging / "pack"
                _copy_tree(source, pack, step)
            else:
                raise InstallError(f"{source}: not a content folder or a .zip archive")
            result = check(pack)
            if result.pack is None:
                lines = "\n".join(str(p) for p in result.errors[:50])
                raise InstallError(f"the pack has {len(result.errors)} errors and was not installed:\n{lines}")
            step("validated")
            state = self.state()
            current = self.path_of(state.get("current"))
            if current is not None and current.name.endswith(result.content_hash[:12]):
                return Installed(current.name, current, state.get("previous"), already_current=True)
            version = time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + "-" + result.content_hash[:12]
            target = self.packs / version
            if target.exists():  # the same pack installed twice within a second
                version += "-" + staging.name[-6:]
                target = self.packs / version
            (pack / IN_USE).touch()  # a dot-file: not part of the pack or its hash
            _fsync_folder(pack.parent)
            os.rename(pack, target)
            _fsync_folder(self.packs)
            step("renamed")
            previous = state.get("current") if current is not None else None
            self._write_state({"current": version, "previous": previous}, step)
            self._prune(step)
            return Installed(version, target, previous)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def rollback(self, step: Callable[[str], None] = _no_step) -> str:
        """Make the previous version current again (and the current one the previous)."""
        state = self.state()
        previous = self.path_of(state.get("previous"))
        if previous is None:
            raise InstallError("there is no previous content version to go back to")
        self._write_state({"current": previous.name, "previous": state.get("current")}, step)
        return previous.name

    def _write_state(self, state: dict, step: Callable[[str], None]) -> None:
        temporary = self.root / (ACTIVE + ".tmp")
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(state, stream)
            stream.flush()
            step("pointer-written")
            os.fsync(stream.fileno())
        step("pointer-flushed")
        os.replace(temporary, self.root / ACTIVE)
        step("switched")
        _fsync_folder(self.root)

    def _prune(self, step: Callable[[str], None]) -> None:
        """Only the current and the previous versions are kept, and any a running kiosk still shows
        (after two installs during one visit); that one goes at a later install."""
        keep = set(self.state().values())
        for entry in sorted(self.packs.iterdir()):
            if entry.name not in keep and not _in_use(entry):
                # Renamed out of packs/ first, so no half-deleted folder ever carries a version's name.
                doomed = self.root / f".staging-old-{entry.name}"
                os.rename(entry, doomed)
                shutil.rmtree(doomed, ignore_errors=True)
                step("pruned")

    def _remove_leftovers(self) -> None:
        for entry in self.root.glob(".staging-*"):
            shutil.rmtree(entry, ignore_errors=True)


class InUse:
    """Held by a running kiosk for the version it shows, so an install does not remove it mid-visit.

    A shared `flock` on the version's `.in-use` file: released by the OS when the kiosk exits or crashes.
    (On Windows there is no shared flock; versions there are pruned regardless.)
    """

    def __init__(self, version: Path) -> None:
        self._stream = None
        if fcntl is None:
            return
        try:
            self._stream = open(version / IN_USE, "rb")  # noqa: SIM115 - held while the pack is shown
            fcntl.flock(self._stream.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:  # a pack outside the store, or one installed before this file existed
            self.release()

    def release(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


def _in_use(version: Path) -> bool:
    if fcntl is None:
        return False
    try:
        with open(version / IN_USE, "rb") as stream:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _copy_tree(source: Path, target: Path, step: Callable[[str], None]) -> None:
    """Copy regular files only, each flushed to disk; a link in a pack is refused (it could lead anywhere)."""
    for folder, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(folder).relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            path = Path(folder, name)
            if name.startswith("."):
                continue
            if path.is_symlink() or not path.is_file():
                raise InstallError(f"{path}: links and special files are not allowed in a content pack")
            _copy_file(path, target / rel / name)
            step("copied")
        for name in dirs:
            if Path(folder, name).is_symlink():
                raise InstallError(f"{Path(folder, name)}: links are not allowed in a content pack")


def _copy_file(source: Path, target: Path) -> None:
    with open(source, "rb") as reader, open(target, "wb") as writer:
        shutil.copyfileobj(reader, writer, 1 << 20)
        writer.flush()
        os.fsync(writer.fileno())


def safe_member_path(name: str) -> PurePosixPath | None:
    """The relative path an archive member may be written to, or None if it would escape the folder."""
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or not parts.parts or ".." in parts.parts or ":" in parts.parts[0]:
        return None
    return parts


def _unzip(archive: Path, target: Path, step: Callable[[str], None]) -> Path:
    target.mkdir(parents=True)
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            if len(members) > MAX_ARCHIVE_FILES or sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
                raise InstallError(f"{archive}: the archive is too large to be a content pack")
            for member in members:
                rel = safe_member_path(member.filename)
                if rel is None:
                    raise InstallError(f"{archive}: `{member.filename}` would be written outside the content folder")
                if stat.S_ISLNK(member.external_attr >> 16):
                    raise InstallError(f"{archive}: `{member.filename}` is a link; links are not allowed in a pack")
                path = target.joinpath(*rel.parts)
                if member.is_dir():
                    path.mkdir(parents=True, exist_ok=True)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as reader, open(path, "wb") as writer:
                    shutil.copyfileobj(reader, writer, 1 << 20)
                    writer.flush()
                    os.fsync(writer.fileno())
                step("copied")
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:  # RuntimeError: encrypted members
        raise InstallError(f"{archive}: the archive cannot be read ({exc})") from exc
    return target


def _pack_root(unpacked: Path) -> Path:
    """Archives often hold one folder with the pack inside: accept both layouts."""
    if (unpacked / "exhibit.yaml").exists():
        return unpacked
    entries = [e for e in unpacked.iterdir() if not e.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and (entries[0] / "exhibit.yaml").exists():
        return entries[0]
    return unpacked  # validation reports the missing exhibit.yaml
