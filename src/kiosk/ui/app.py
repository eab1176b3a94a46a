"""Starting the visitor interface: the Qt application, fonts, the QML engine and the one window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content import LoadResult
from kiosk.geo.asset import MapAsset
from kiosk.resources import asset_path

# Importing these registers their QML types (KioskCore) before the engine loads the module.
from kiosk.ui import exhibit as _exhibit  # noqa: F401
from kiosk.ui import staff as _staff  # noqa: F401
from kiosk.ui import theme as _theme  # noqa: F401
from kiosk.ui.accessibility import AccessibilityOptions
from kiosk.ui.exhibit import ExhibitViewModel
from kiosk.ui.session import ActivityWatcher, IdleSession

log = logging.getLogger(__name__)
QML_DIR = Path(__file__).resolve().parent / "qml"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf")


RENDERER_FAILED_MARK = "renderer-failed"  # left in the log folder when the graphics context failed

# The station config's renderer names -> Qt's graphics APIs (QSGRendererInterface.GraphicsApi).
_GRAPHICS_APIS = {
    "opengl": "OpenGL", "vulkan": "Vulkan", "direct3d11": "Direct3D11", "direct3d12": "Direct3D12", "metal": "Metal",
}


def choose_renderer(configured: str = "auto", log_folder: Path | None = None) -> str:
    """The renderer to use this time: `software` for `auto` (see below), and after a failed graphics context.

    `auto` means software: without a GPU, Qt Quick's OpenGL path through a software rasteriser costs ~175 ms
    and ~95 MiB more than its own software renderer (docs/architecture.md), and the exhibit's screens draw
    nothing a GPU is needed for. A station with a GPU names its API (`opengl`, `vulkan` ...) in its config.
    """
    if configured == "auto":
        return "software"
    if configured != "software" and log_folder is not None and (log_folder / RENDERER_FAILED_MARK).exists():
        log.error(
            "the %s renderer failed on an earlier start (%s); using the software renderer",
            configured, log_folder / RENDERER_FAILED_MARK,
        )
        return "software"
    return configured


def prepare_environment(renderer: str = "software") -> None:
    """Choices that must be made before the QGuiApplication and the first window exist."""
    from PySide6.QtQuick import QSGRendererInterface

    if renderer == "software":
        os.environ.setdefault("QT_QUICK_BACKEND", "software")  # kept if set: the self-test and tests chose
        if os.environ["QT_QUICK_BACKEND"] == "software":  # also when an API was chosen earlier (fallback)
            QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        return
    os.environ.pop("QT_QUICK_BACKEND", None)
    QQuickWindow.setGraphicsApi(getattr(QSGRendererInterface.GraphicsApi, _GRAPHICS_APIS[renderer]))


def opengl_works() -> bool:
    """Whether an OpenGL context can be created at all (checked before the window, for `opengl`)."""
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    context = QOpenGLContext()
    if not context.create():
        return False
    surface = QOffscreenSurface()
    surface.create()
    works = context.makeCurrent(surface)
    context.doneCurrent()
    return works


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

    def __init__(
        self,
        result: LoadResult,
        places: MapAsset | None,
        idle: IdleSession | None = None,
        staff: QObject | None = None,
        attract_seconds: float = 6.0,
        accessibility: AccessibilityOptions = AccessibilityOptions(),
    ) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.engine.warnings.connect(_log_qml_warnings)
        self.exhibit: ExhibitViewModel | None = None
        self.watcher: ActivityWatcher | None = None
        if result.pack is not None:
            self.idle = idle if idle is not None else IdleSession()
            # A child of the engine, so the engine destroys the QML that binds to it first.
            self.exhibit = ExhibitViewModel(result.pack, places, self.idle, parent=self.engine, accessibility=accessibility)
            self.exhibit.attract_seconds = attract_seconds
            properties = {"exhibit": self.exhibit}
            if staff is not None:
                properties["staff"] = staff
            self.engine.setInitialProperties(properties)
            self.engine.loadFromModule("Kiosk", "Main")
        else:
            self.engine.setInitialProperties(
                {"showDetails": True, "problems": [str(p) for p in result.errors], "folder": str(result.root)}
            )
            self.engine.loadFromModule("Kiosk", "Unavailable")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the interface could not be loaded (see the QML errors above)")
        self.window: QQuickWindow = roots[0]
        if self.exhibit is not None:
            # On the window, not the application: every touch and key reaches the window first, and
            # the filter is not called for every event of every object (nor the startup's dozens of
            # Python enum types made for objects it would otherwise see).
            self.watcher = ActivityWatcher(self.idle)
            self.window.installEventFilter(self.watcher)

    def show_windowed(self, size: QSize) -> None:
        self.window.resize(size)
        self.window.show()

    def show_full_screen(self, screen_index: int = 0) -> None:
        screens = QGuiApplication.screens()
        screen = screens[screen_index] if 0 <= screen_index < len(screens) else QGuiApplication.primaryScreen()
        self.window.setScreen(screen)
        # Main.qml sets the flag: PySide builds its whole `Qt` namespace on first use (~40 ms), which the
        # first frame need not wait for.
        self.window.setProperty("frameless", True)
        # Without a window manager, showFullScreen() alone leaves a small window in a corner:
        # set the geometry to the whole screen first (docs/architecture.md).
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()

    def close(self) -> None:
        if self.watcher is not None:
            self.window.removeEventFilter(self.watcher)
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _log_qml_warnings(warnings) -> None:
    for warning in warnings:
        log.warning("QML: %s", warning.toString())


def after_first_frame(window: QQuickWindow, callback: Callable[[], None]) -> None:
    """Call `callback` once, when the window's first frame has been swapped onto the glass."""

    def swapped() -> None:
        window.frameSwapped.disconnect(swapped)
        callback()

    window.frameSwapped.connect(swapped)


def report_first_frame(app: QGuiApplication, window: QQuickWindow) -> None:
    """For the start-up benchmark: print when the first frame is on the glass and how much memory the
    process holds then, and quit."""

    def report() -> None:
        resident = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        print(f"first-frame {time.time():.6f} rss {resident}", flush=True)
        app.exit(0)  # not quit(): in Qt 6 that asks the windows first, and the lockdown refuses

    after_first_frame(window, report)


def parse_size(text: str | None) -> QSize:
    if not text:
        return QSize(1920, 1080)
    width, _, height = text.lower().partition("x")
    return QSize(int(width), int(height))


__all__ = ["KioskWindow", "after_first_frame", "application", "prepare_environment", "report_first_frame", "parse_size", "QObject"]
