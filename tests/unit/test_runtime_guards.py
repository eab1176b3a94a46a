"""Guards for facts about the runtime that would otherwise only show after weeks on a terminal."""

import sys

from PySide6.QtCore import QObject


def test_qt_bindings_do_not_leak_references_to_none():
    # PySide6 6.12.0 on Python 3.11 drops None's refcount by one per call of a method returning
    # nothing; a kiosk process then dies with "none_dealloc" after some days. pyproject.toml pins
    # below 6.12 there; this fails if the installed combination leaks.
    obj = QObject()
    calls = 20_000
    before = sys.getrefcount(None)
    for _ in range(calls):
        obj.setObjectName("kiosk")
        obj.blockSignals(False)
    after = sys.getrefcount(None)
    assert abs(after - before) < calls // 100, f"None refcount moved by {after - before} over {calls} calls"
