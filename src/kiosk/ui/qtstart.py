"""PySide6 loaded for the interface without PySide's scan of every module's source.

Once PySide6 is loaded it replaces `__import__`, and each module named in an import statement from then
on has its source read once, to see whether the module opts into `from __feature__ import snake_case`
(PySide's "features"; the napari project measured the same cost: napari#8584). A kiosk start named ~90
modules after PySide6, and reading them was 20-40 ms before the first frame. No module of ours opts
in, so:
- the pure modules the interface uses are loaded before PySide6 (their own imports are then not seen);
- every module loaded by then is entered in PySide's table as not using features, the answer the scan
  would have given. Only modules loaded later (the interface's own, which do use PySide) are read.
`kiosk.ui` imports this module first. `tests/unit/test_startup_imports.py` checks the scan stays small.
"""

from __future__ import annotations

import sys

# The pure modules the interface uses at start (listed so they load before PySide6; see above).
import kiosk.content.cache  # noqa: F401
import kiosk.content.model  # noqa: F401
import kiosk.content.report  # noqa: F401
import kiosk.geo.asset  # noqa: F401
import kiosk.layout.recognition  # noqa: F401
import kiosk.layout.timeline  # noqa: F401
import kiosk.resources  # noqa: F401
import kiosk.services.activation  # noqa: F401
import kiosk.services.contentstore  # noqa: F401
import kiosk.services.logs  # noqa: F401
import kiosk.services.pin  # noqa: F401
import PySide6.QtCore  # noqa: F401  (loads shiboken6 and its import hook)


def skip_feature_scan() -> None:
    """Enter every module loaded so far in PySide's feature table as not using features. With a PySide
    that has no such table, nothing changes (its scan runs as before)."""
    try:
        from shibokensupport.feature import pyside_feature_dict
    except ImportError:
        return
    for name in list(sys.modules):
        pyside_feature_dict.setdefault(name, -1)  # -1: "ignore this module", the scan's answer when it does not opt in


skip_feature_scan()
