"""One kiosk per station: an exclusive lock on a file, released by the OS when the process dies.

A lock held by a crashed process is released with it (flock / msvcrt locks belong to the open file),
so a stale lock file never blocks a restart; the file's text (the pid) is for people only.
"""

from __future__ import annotations

import os
from pathlib import Path

if os.name == "nt":
    import msvcrt
else:
    import fcntl


class AlreadyRunning(Exception):
    pass


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stream = None

    def acquire(self) -> None:
        """Raise AlreadyRunning if another process holds the lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(self.path, "a+")  # noqa: SIM115 - held open for the life of the process
        try:
            if os.name == "nt":
                stream.seek(0)
                msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            stream.close()
            raise AlreadyRunning(f"another kiosk is already running on this station (lock {self.path})") from exc
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()}\n")
        stream.flush()
        self._stream = stream

    def release(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
