"""Starting the visitor interface: the Qt application, fonts, the QML engine and the one window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content import LoadResult
from kiosk.geo.asset import MapAsset
from kiosk.resources import asset_path

# Importing these registers their QML types (KioskCore) before the engine loads the module.
from kiosk.ui import exhibit as _exhibit  # noqa: F401
from kiosk.ui import theme as _theme  # noqa: F401
from kiosk.ui.exhibit import ExhibitViewModel
from kiosk.ui.session import ActivityWatcher, IdleSession

log = logging.getLogger(__name__)
QML_DIR = Path(__file__).resolve().parent / "qml"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf")


def prepare_environment() -> None:
    """Choices that must be made before the QGuiApplication exists."""
    # Without a GPU, Qt Quick's OpenGL path through a software rasteriser costs ~175 ms and ~95 MiB
    # more than its own software renderer (docs/architecture.md). Station config may override.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


def application() -> QGuiApplication:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    load_fonts(app)
    return app


def load_fonts(app: QGuiApplication) -> list[str]:
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", name)))
        if font_id < 0:
            log.error("the bundled font %s could not be loaded", name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    app.setFont(QFont("Noto Sans"))
    return sorted(set(families))


class KioskWindow:
    """One running exhibit: its engine, view model and window. Tests build it with fake timers."""

    def __init__(self, result: LoadResult, places: MapAsset | None, idle: IdleSession | None = None) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.engine.warnings.connect(_log_qml_warnings)
        self.exhibit: ExhibitViewModel | None = None
        self.watcher: ActivityWatcher | None = None
        if result.pack is not None:
            self.idle = idle if idle is not None else IdleSession()
            # A child of the engine, so the engine destroys the QML that binds to it first.
            self.exhibit = ExhibitViewModel(result.pack, places, self.idle, parent=self.engine)
            self.engine.setInitialProperties({"exhibit": self.exhibit})
            self.engine.loadFromModule("Kiosk", "Main")
            self.watcher = ActivityWatcher(self.idle)
            QGuiApplication.instance().installEventFilter(self.watcher)
        else:
            self.engine.setInitialProperties(
                {"showDetails": True, "problems": [str(p) for p in result.errors], "folder": str(result.root)}
            )
            self.engine.loadFromModule("Kiosk", "Unavailable")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the interface could not be loaded (see the QML errors above)")
        self.window: QQuickWindow = roots[0]

    def show_windowed(self, size: QSize) -> None:
        self.window.resize(size)
        self.window.show()

    def show_full_screen(self, screen_index: int = 0) -> None:
        screens = QGuiApplication.screens()
        screen = screens[screen_index] if 0 <= screen_index < len(screens) else QGuiApplication.primaryScreen()
        self.window.setScreen(screen)
        self.window.setFlags(self.window.flags() | Qt.WindowType.FramelessWindowHint)
        # Without a window manager, showFullScreen() alone leaves a small window in a corner:
        # set the geometry to the whole screen first (docs/architecture.md).
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()

    def close(self) -> None:
        if self.watcher is not None:
            QGuiApplication.instance().removeEventFilter(self.watcher)
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _log_qml_warnings(warnings) -> None:
    for warning in warnings:
        log.warning("QML: %s", warning.toString())


def run_kiosk(
    result: LoadResult,
    places: MapAsset | None,
    windowed: bool,
    size: QSize,
    idle_seconds: float = 90.0,
    screen: int = 0,
) -> int:
    for problem in result.errors:
        log.error("content: %s", problem)
    if result.warnings:  # findings for staff, listed by `kiosk validate`; one line here keeps the log readable
        log.info("content: %d warnings for staff; run `kiosk validate %s` to list them", len(result.warnings), result.root)
    if result.pack is None:
        log.error("the content pack %s cannot be shown; the kiosk shows a notice instead", result.root)
    app = application()
    kiosk = KioskWindow(result, places, IdleSession(idle_seconds=max(10.0, idle_seconds)))
    if result.pack is None and not windowed:
        kiosk.window.setProperty("showDetails", False)
    if os.environ.get("KIOSK_REPORT_FIRST_FRAME"):
        _report_first_frame(app, kiosk.window)
    if windowed:
        kiosk.show_windowed(size)
    else:
        kiosk.show_full_screen(screen)
    return app.exec()


def _report_first_frame(app: QGuiApplication, window: QQuickWindow) -> None:
    """For the start-up benchmark: print when the first frame is on the glass and how much memory the
    process holds then, and quit."""

    def swapped() -> None:
        window.frameSwapped.disconnect(swapped)
        resident = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        print(f"first-frame {time.time():.6f} rss {resident}", flush=True)
        app.quit()

    window.frameSwapped.connect(swapped)


def parse_size(text: str | None) -> QSize:
    if not text:
        return QSize(1920, 1080)
    width, _, height = text.lower().partition("x")
    return QSize(int(width), int(height))


__all__ = ["KioskWindow", "application", "prepare_environment", "run_kiosk", "parse_size", "QObject"]
