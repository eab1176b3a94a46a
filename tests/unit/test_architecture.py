"""The layers stay apart: content and geo are usable without Qt (tools, CI, the validator)."""

import subprocess
import sys

PURE_PACKAGES = ["kiosk.content", "kiosk.layout.recognition", "kiosk.layout.timeline", "kiosk.content.load", "kiosk.content.report", "kiosk.geo.asset", "kiosk.cli"]


def test_content_and_geo_never_import_qt(pack):
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in PURE_PACKAGES)
        + "from kiosk.content import load_pack\n"
        + f"load_pack({str(pack)!r})\n"
        + "from kiosk.cli import main\n"
        + f"main(['validate', {str(pack)!r}])\n"
        + "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        + "print('QT:', qt)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "QT: []" in run.stdout
