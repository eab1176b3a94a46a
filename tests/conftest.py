import atexit
import os
import shutil
import tempfile

import pytest

# UI tests drive real QML without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Validated packs are remembered between starts (kiosk.content.cache); the tests' stay apart from the user's.
os.environ["KIOSK_CACHE_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
atexit.register(shutil.rmtree, os.environ["KIOSK_CACHE_DIR"], ignore_errors=True)

from tests.packs import write_minimal_pack  # noqa: E402


@pytest.fixture
def pack(tmp_path):
    """A valid two-language pack (en, fr) in a temporary folder, for tests to break."""
    return write_minimal_pack(tmp_path / "pack")
