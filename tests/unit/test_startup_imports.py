"""What a kiosk start imports before its first frame, in a fresh interpreter each time."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Records the modules whose source PySide reads (it calls inspect.getsource on each module named in an
# import statement once PySide6 is loaded; kiosk/ui/qtstart.py), and what is loaded by the end.
_PROBE = textwrap.dedent(
    """
    import inspect, json, sys, types
    read = []
    original = inspect.getsource
    def recording(target):
        if isinstance(target, types.ModuleType):
            read.append(target.__name__)
        return original(target)
    inspect.getsource = recording
    import kiosk.cli
    import kiosk.ui.station
    print(json.dumps({"read": read, "loaded": sorted(sys.modules)}))
    """
)


def _probe() -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_pyside_reads_the_source_of_the_interfaces_own_modules_only():
    probe = _probe()
    assert any(name.startswith("kiosk.ui.") for name in probe["read"]), "the probe no longer sees PySide's scan"
    ours = [name for name in probe["read"] if name.startswith("kiosk") and not name.startswith("kiosk.ui.")]
    others = [name for name in probe["read"] if not name.startswith(("kiosk", "PySide6", "shiboken"))]
    assert ours == []
    # What PySide scans while it loads itself, before kiosk.ui.qtstart can step in (it imports `enum`).
    assert set(others) <= {"enum"}


def test_the_interface_does_not_load_the_calendar_module():
    # kiosk.content.model counts a month's days itself: `calendar` and `locale` cost a start ~4 ms.
    assert "calendar" not in _probe()["loaded"]
