"""One running terminal: picks the pack, builds the window, swaps packs between visits, and wires the
station's parts to it (lockdown, staff menu and its gesture, usage statistics, the watchdog's heartbeat).

A newly installed pack (`kiosk install-content`) is picked up when a visit ends, never during one:
the window is rebuilt after `visitEnded`, on the next turn of the event loop, because the signal comes
from an object the old window owns.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, qVersion

from kiosk import __version__
from kiosk.content import LoadResult
from kiosk.content.cache import load_remembered
from kiosk.content.report import summary_line
from kiosk.geo.asset import MapAsset
from kiosk.services import exitcodes
from kiosk.services.activation import pack_candidates, station_languages
from kiosk.services.config import StationConfig
from kiosk.services.contentstore import ContentStore, InUse
from kiosk.services.logs import recent_errors
from kiosk.services.pin import PinGate
from kiosk.ui.accessibility import AccessibilityOptions
from kiosk.ui.app import RENDERER_FAILED_MARK, KioskWindow, after_first_frame
from kiosk.ui.preview import PreviewReloader
from kiosk.ui.session import IdleSession
from kiosk.ui.staff import StaffGesture, StaffMenu

if TYPE_CHECKING:  # imported when needed: usage statistics (sqlite3) if enabled, the lockdown in full screen
    from kiosk.services.usage import UsageLog
    from kiosk.ui.lockdown import Lockdown
    from kiosk.ui.usagerecorder import UsageRecorder

log = logging.getLogger(__name__)


class Station(QObject):
    def __init__(
        self,
        config: StationConfig,
        places: MapAsset | None,
        content: Path | None = None,
        windowed: bool = False,
        size: QSize = QSize(1920, 1080),
        usage: UsageLog | None = None,
        clock: Callable[[], float] = time.monotonic,
        make_ticker: Callable[[], QObject] | None = None,
        load: Callable[[Path], LoadResult] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.places = places
        self.content = content
        self.windowed = windowed
        self.size = size
        self.usage = usage
        self._clock = clock
        self._make_ticker = make_ticker or (lambda: None)
        self._load = load or (lambda path: load_remembered(path, places))
        self._started = clock()
        self.kiosk: KioskWindow | None = None
        self.result: LoadResult | None = None
        self.lockdown: Lockdown | None = None
        self.gesture: StaffGesture | None = None
        self._recorder: UsageRecorder | None = None
        self._first_choice: Path | None = None  # the best candidate when the window was built
        self._in_use: InUse | None = None  # keeps an install from removing the version on screen
        self.preview: PreviewReloader | None = None  # in a window: follows the staff member's edits
        self.staff = StaffMenu(
            PinGate(config.pin_hash, clock), self.diagnostics, self.usage_lines, config.staff_menu_timeout,
            clock, self._make_ticker(), self,
        )
        self.staff.exitRequested.connect(lambda: QCoreApplication.exit(exitcodes.OK))
        self.staff.reloadRequested.connect(self.rebuild)
        # While no pack can be shown there are no visits to end: look for a usable one now and then,
        # so content fixed or installed meanwhile appears without a restart.
        self._retry = QTimer(self)
        self._retry.setInterval(30_000)
        self._retry.timeout.connect(self.retry_unavailable)

    # Building ------------------------------------------------------------------------------
    def build(self) -> None:
        """Show the best pack that loads and whose interface builds; else the first one's errors."""
        candidates = pack_candidates(self.config, self.content)
        self._first_choice = candidates[0]
        first_failure: LoadResult | None = None
        gc.unfreeze()  # loading freezes the pack it makes (content/load.py); the one shown until now may go
        for path in candidates:
            result = self._load(path)
            if result.pack is not None:
                result = result.replaced(pack=station_languages(result.pack, self.config))
                try:
                    self._show(result)
                    if path != candidates[0]:
                        log.error("content %s could not be shown; showing %s instead", candidates[0], path)
                    return
                except RuntimeError as exc:  # the QML failed with this pack
                    log.error("content %s could not be shown: %s", path, exc)
                    result = result.replaced(pack=None)
            else:
                for problem in result.errors[:20]:
                    log.error("content: %s", problem)
            first_failure = first_failure or result
        assert first_failure is not None
        log.error("no content pack can be shown; the kiosk shows a notice instead")
        self._show(first_failure)

    def _show(self, result: LoadResult) -> None:
        idle = None
        if result.pack is not None:
            idle = IdleSession(
                idle_seconds=self.config.idle_seconds, countdown_seconds=self.config.countdown_seconds,
                clock=self._clock, ticker=self._make_ticker(),
            )
        kiosk = KioskWindow(
            result, self.places, idle, staff=self.staff if result.pack is not None else None,
            attract_seconds=self.config.attract_cycle_seconds,
            accessibility=AccessibilityOptions(self.config.reach_zone, self.config.accessible_patience),
        )
        old = self.kiosk
        self._teardown()
        self.kiosk, self.result = kiosk, result
        kiosk.window.sceneGraphError.connect(self._graphics_failed)
        if result.pack is None and not self.windowed:
            kiosk.window.setProperty("showDetails", False)
        if kiosk.exhibit is not None:
            kiosk.exhibit.session.visitEnded.connect(self._visit_ended)
            if self.usage is not None:
                from kiosk.ui.usagerecorder import UsageRecorder

                self._recorder = UsageRecorder(kiosk.exhibit, self.usage, self._clock, self)
        if self.windowed:
            kiosk.show_windowed(self.size)
        else:
            kiosk.show_full_screen(self.config.screen_index)
            self._check_orientation()
            # Once the first frame is on the glass: the lockdown needs PySide's `Qt` namespace, ~40 ms to
            # build, and no key can reach an exhibit that has not been shown yet.
            after_first_frame(kiosk.window, lambda: self._lock_down(kiosk))
        if kiosk.exhibit is not None:
            self.gesture = StaffGesture(
                kiosk.window, self.staff, self.config.staff_corner, clock=self._clock, ticker=self._make_ticker(),
                parent=self,
            )
            kiosk.window.installEventFilter(self.gesture)
        if old is not None:
            old.close()
        if result.pack is None:
            self._retry.start()
        else:
            self._retry.stop()
        if self._in_use is not None:
            self._in_use.release()
        self._in_use = InUse(result.root)
        log.info("showing content %s (%s)", result.exhibit_id or "?", result.root)

    def _lock_down(self, kiosk: KioskWindow) -> None:
        if kiosk is not self.kiosk or self.lockdown is not None:  # replaced before its first frame
            return
        from kiosk.ui.lockdown import Lockdown

        self.lockdown = Lockdown(kiosk.window, hide_cursor=not self.config.cursor_visible, parent=self)
        self.lockdown.install()

    def _teardown(self) -> None:
        """Detach the station's parts from the window about to be replaced."""
        if self.lockdown is not None:
            self.lockdown.uninstall()
            self.lockdown = None
        if self.gesture is not None:
            self.kiosk.window.removeEventFilter(self.gesture)  # the window it watched, about to go
            self.gesture = None
        if self._recorder is not None:
            self._recorder.setParent(None)
            self._recorder = None
        self.staff.close()

    def close(self) -> None:
        self._teardown()
        if self.kiosk is not None:
            self.kiosk.close()
            self.kiosk = None
        if self._in_use is not None:
            self._in_use.release()
            self._in_use = None

    # Swapping packs ------------------------------------------------------------------------
    def _visit_ended(self) -> None:
        QTimer.singleShot(0, self.pick_up_new_content)

    def pick_up_new_content(self) -> bool:
        """Rebuild if a different pack became current since the window was built (at an idle reset)."""
        if self.kiosk is None or (self.kiosk.exhibit is not None and self.kiosk.exhibit.session.screen != "attract"):
            return False  # a visit began meanwhile: wait for its end
        if pack_candidates(self.config, self.content)[0] == self._first_choice:
            return False
        log.info("new content was installed; switching to it between visits")
        self.rebuild()
        return True

    def rebuild(self) -> None:
        self.build()

    # Preview (a window for staff) ----------------------------------------------------------
    def watch_for_edits(self, interval_ms: int = 1000) -> PreviewReloader:
        """In a window, follow the edits to the pack being shown (docs/content-format.md, Preview)."""
        self.preview = PreviewReloader(
            pack_candidates(self.config, self.content)[0], self._load, self.show_edited, self._report_problems,
            interval_ms, self,
        )
        self.preview.start()
        return self.preview

    def show_edited(self, result: LoadResult) -> None:
        """The edited pack, on the screen, panel and language the staff member was looking at."""
        where = None
        if self.kiosk is not None and self.kiosk.exhibit is not None:
            exhibit = self.kiosk.exhibit
            where = (exhibit.session.screen, exhibit.session.panelIndex, exhibit.language)
        self._show(result.replaced(pack=station_languages(result.pack, self.config)))
        exhibit = self.kiosk.exhibit
        if where is not None and exhibit is not None and where[0] != "attract":
            screen, panel, language = where
            exhibit.session.start()
            exhibit.setLanguage(language)
            if screen == "story":
                exhibit.session.showPanel(panel)
            elif screen != "home":
                exhibit.session.openSection(screen)

    def _report_problems(self, problems: list[str]) -> None:
        if self.kiosk is not None:
            self.kiosk.window.setProperty("previewProblems", problems)

    def retry_unavailable(self) -> bool:
        """While the "unavailable" notice is up: rebuild as soon as some candidate pack loads."""
        if self.result is None or self.result.pack is not None:
            return False
        if not any(self._load(path).pack is not None for path in pack_candidates(self.config, self.content)):
            return False
        log.info("a usable content pack appeared; showing it")
        self.rebuild()
        return True

    # Failures ------------------------------------------------------------------------------
    def _graphics_failed(self, error, message: str) -> None:
        """The graphics context could not be created: remember it, so the next start uses the software
        renderer, and exit for the supervisor to restart (a running window cannot change renderer)."""
        log.critical("the graphics context failed (%s): %s", error, message)
        if self.config.log_folder is not None:
            (self.config.log_folder / RENDERER_FAILED_MARK).write_text(message + "\n", encoding="utf-8")
        QCoreApplication.exit(exitcodes.RENDERER_FAILED)

    def _check_orientation(self) -> None:
        """Rotating the screen is the display system's job (packaging/); say when it was not done."""
        window = self.kiosk.window
        portrait = window.height() > window.width()
        if portrait != self.config.orientation.endswith("portrait"):
            log.warning(
                "the station config says the screen is %s, but it is %dx%d; rotate it in the display settings",
                self.config.orientation, window.width(), window.height(),
            )

    # The staff menu's pages ----------------------------------------------------------------
    def diagnostics(self) -> list[str]:
        import platform  # only here, not before the first frame

        result = self.result
        lines = [
            f"kiosk {__version__}; Python {platform.python_version()}; Qt {qVersion()}",
            f"uptime {_duration(self._clock() - self._started)}; memory {_memory()}",
        ]
        if result is not None:
            lines += [
                f"content {result.exhibit_id or '?'} from {result.root}",
                f"content hash {result.content_hash}",
                summary_line(result),
            ]
        if self.config.content_store is not None:
            state = ContentStore(self.config.content_store).state()
            lines.append(f"installed: current {state.get('current') or '-'}, previous {state.get('previous') or '-'}")
        if self.kiosk is not None:
            renderer = f"renderer {self.kiosk.window.rendererInterface().graphicsApi().name} (config: {self.config.renderer})"
            mark = self.config.log_folder / RENDERER_FAILED_MARK if self.config.log_folder else None
            if mark is not None and mark.exists():
                renderer += f"; the configured one failed earlier: delete {mark} to try it again"
            lines.append(renderer)
        if self.lockdown is not None:
            lines.append(f"keys blocked since start: {self.lockdown.blocked}")
        lines.append(f"config {self.config.source or '(defaults)'}; logs {self.config.log_folder or '(none)'}")
        errors = list(recent_errors.lines)
        lines += ["last errors:"] + (errors[-10:] if errors else ["(none)"])
        return lines

    def usage_lines(self) -> list[str]:
        if self.usage is None:
            return ["usage statistics are off in the station config"]
        return self.usage.summary().lines()


def _duration(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h {minutes} min" if days else f"{hours} h {minutes} min"


def _memory() -> str:
    """Resident memory, where the OS tells it cheaply."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return f"{pages * os.sysconf('SC_PAGE_SIZE') / 2**20:.0f} MiB resident"
    except (OSError, ValueError, AttributeError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return f"{peak / (2**20 if sys.platform == 'darwin' else 2**10):.0f} MiB at most"
    except ImportError:  # Windows
        return "unknown"


def start_heartbeat(watchdog, parent: QObject, interval_ms: int = 1000) -> QTimer:
    """Beats from a timer on the GUI thread: if that thread hangs, the beats stop, both for our own
    watchdog and for systemd's (WatchdogSec=, when the unit sets it)."""
    from kiosk.services.sdnotify import notify

    heartbeat = QTimer(parent)
    heartbeat.setInterval(interval_ms)
    heartbeat.timeout.connect(watchdog.beat)
    heartbeat.timeout.connect(lambda: notify("WATCHDOG=1"))
    heartbeat.start()
    watchdog.start()
    return heartbeat


def run_station(config: StationConfig, content: Path | None, windowed: bool, size: QSize, renderer: str) -> int:
    """The kiosk's main loop, with the watchdog fed from the GUI thread. Returns the exit code."""
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path
    from kiosk.services.logs import Watchdog
    from kiosk.services.sdnotify import notify
    from kiosk.ui.app import after_first_frame, application, opengl_works, prepare_environment, report_first_frame

    app = application()
    if renderer == "opengl" and not opengl_works():
        log.error("no OpenGL context can be created here; using the software renderer")
        prepare_environment("software")
    usage = None
    if config.usage_enabled and config.usage_database is not None:
        from kiosk.services.usage import UsageLog

        usage = UsageLog(config.usage_database, config.usage_max_rows)
    station = Station(config, load_map_asset(asset_path("geo", "recognition_map.json")), content, windowed, size, usage)
    station.build()
    if os.environ.get("KIOSK_REPORT_FIRST_FRAME"):  # the start-up benchmark (benchmarks/startup.py)
        report_first_frame(app, station.kiosk.window)
    if windowed:  # a staff preview: follow edits once the window shows (10,000 files take 0.1 s to stat)
        after_first_frame(station.kiosk.window, station.watch_for_edits)
    hang_log = config.log_folder / "hang.log" if config.log_folder else None
    watchdog = Watchdog(config.hang_seconds, hang_log)
    start_heartbeat(watchdog, station)
    notify("READY=1")
    try:
        return app.exec()
    finally:
        watchdog.stop()
        station.close()
        if usage is not None:
            usage.close()
