"""A pack that fails validation never reaches visitors; a staff preview window lists why."""

from PySide6.QtCore import QSize

from kiosk.content import load_pack
from kiosk.ui.app import KioskWindow
from tests.packs import edit
from tests.ui.screen_text import visible_texts


def test_broken_pack_shows_its_problems_in_a_preview_window(pack, qapp, qtbot):
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    kiosk = KioskWindow(load_pack(pack), None)
    try:
        assert kiosk.exhibit is None
        kiosk.show_windowed(QSize(1280, 720))
        qtbot.waitExposed(kiosk.window)
        qtbot.waitUntil(lambda: any("recognitions.yaml:22:12: error:" in t for t in visible_texts(kiosk.window)))
        assert "This content pack cannot be shown" in visible_texts(kiosk.window)
    finally:
        kiosk.close()


def test_visitors_see_a_calm_notice_without_details(pack, qapp, qtbot):
    edit(pack / "recognitions.yaml", "place: MX", "place: XY")
    kiosk = KioskWindow(load_pack(pack), None)
    try:
        kiosk.window.setProperty("showDetails", False)
        kiosk.show_windowed(QSize(1280, 720))
        qtbot.waitExposed(kiosk.window)
        qtbot.waitUntil(lambda: "This exhibit will be back shortly" in visible_texts(kiosk.window))
        assert not any("error" in t for t in visible_texts(kiosk.window))
    finally:
        kiosk.close()
