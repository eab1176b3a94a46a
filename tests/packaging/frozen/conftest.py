"""Tests of the built folder. They run after the build, in .ci/run's packaging step:

    KIOSK_FROZEN=dist/kiosk .venv/bin/python -m pytest tests/packaging/frozen

Without KIOSK_FROZEN there is nothing to test (the plain test run builds nothing), so they are not collected.
"""

import os
from pathlib import Path

import pytest

FROZEN = os.environ.get("KIOSK_FROZEN")
collect_ignore_glob = [] if FROZEN else ["test_*.py"]


@pytest.fixture(scope="session")
def folder() -> Path:
    path = Path(FROZEN).resolve()
    assert (path / "kiosk").is_file() or (path / "kiosk.exe").is_file(), f"no built kiosk in {path}"
    return path


@pytest.fixture(scope="session")
def kiosk(folder) -> Path:
    return folder / ("kiosk-console.exe" if (folder / "kiosk-console.exe").exists() else "kiosk")
