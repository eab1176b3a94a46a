"""What the frozen kiosk leaves out of PySide6: one rule per kind of file, used by kiosk.spec.

PyInstaller's Qt hooks collect every QML module, plugin and translation PySide6 ships (a bare Qt Quick app
freezes to ~217 MB). The kiosk loads a known, small part of Qt; everything else is dropped here, and the
frozen `kiosk self-test` plus tests/packaging prove that what is left still starts and renders.

Paths are destination paths inside the folder, e.g. `PySide6/Qt/lib/libQt6Core.so.6` (Linux) or
`PySide6/Qt6Core.dll` (Windows). Pure functions: tests/packaging checks them without building.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

# The Qt libraries the kiosk and the plugins below link against. Quick pulls in OpenGL, Network and DBus
# even with the software renderer; Wayland/Xcb carry the platform plugins for cage and X11.
KEEP_QT_LIBRARIES = frozenset({
    "Core", "Gui", "DBus", "Network", "OpenGL",
    "Qml", "QmlMeta", "QmlModels", "QmlWorkerScript",
    "Quick", "QuickShapes",
    "WaylandClient", "WaylandEglClientHwIntegration", "XcbQpa",
})

# Plugin folder -> the plugins kept (file name without lib prefix and extension). Folders not listed go.
KEEP_PLUGINS = {
    # offscreen: self-test and proof; wayland: under cage; xcb: X11 stations; windows: Windows.
    "platforms": {"qoffscreen", "qwayland", "qxcb", "qwindows"},
    # PNG is built into QtGui; content packs may also hold JPEG photographs (content/images.py).
    "imageformats": {"qjpeg"},
    # cage speaks xdg-shell; the EGL client lets a station with a GPU choose the OpenGL renderer.
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    "xcbglintegrations": {"qxcb-egl-integration", "qxcb-glx-integration"},
}

# The QML modules the kiosk imports (`grep -rh '^import' src/kiosk/ui/qml`): QtQuick, QtQuick.Shapes,
# QtQuick.Window; QtQuick imports QtQml, which imports QtQml.Models and QtQml.WorkerScript.
KEEP_QML_MODULES = frozenset({"QtQml", "QtQml/Models", "QtQml/WorkerScript", "QtQuick", "QtQuick/Shapes", "QtQuick/Window"})

# Windows: the software OpenGL rasteriser (~20 MB) is not needed, the kiosk renders with Qt Quick's own
# software renderer where no GPU is found (ui/app.py).
DROP_FILES = frozenset({"opengl32sw.dll"})

_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so(?:\.\d+)*|\.dll)$")


def _qt_relative(dest: str) -> str | None:
    """The part of a PySide6 path after the Qt prefix (`PySide6/Qt/` on Linux, `PySide6/` on Windows)."""
    path = dest.replace("\\", "/")
    if not path.startswith("PySide6/"):
        return None
    rest = path[len("PySide6/"):]
    return rest[len("Qt/"):] if rest.startswith("Qt/") else rest


def _stem(filename: str) -> str:
    name = filename[3:] if filename.startswith("lib") else filename
    return name.split(".", 1)[0]


def keep(dest: str) -> bool:
    """Whether the file at this destination path stays in the frozen folder."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if name.lower() in DROP_FILES:
        return False
    library = _QT_LIBRARY.match(name)
    if library and library.group(1) not in KEEP_QT_LIBRARIES:
        return False
    rest = _qt_relative(path)
    if rest is None:
        return True
    if rest.startswith("translations/"):
        return False  # every text the visitor reads comes from the content pack
    if rest.startswith("plugins/"):
        parts = rest.split("/")
        return len(parts) == 3 and _stem(parts[2]) in KEEP_PLUGINS.get(parts[1], ())
    if rest.startswith("qml/"):
        folder, _, filename = rest[len("qml/"):].rpartition("/")
        # Type descriptions (*.qmltypes) serve tooling only; the engine never reads them.
        return folder in KEEP_QML_MODULES and not filename.endswith(".qmltypes")
    return True


def prune(toc: list[tuple]) -> list[tuple]:
    """A PyInstaller TOC (dest, source, typecode) without the entries `keep` rejects."""
    return [entry for entry in toc if keep(entry[0])]


def _is_python_library(name: str) -> bool:
    # The bootloader opens it by name; nothing links against it on Linux.
    return re.match(r"^(?:lib)?python3\.?\d+(?:\.so.*|\.dll)$", name, re.IGNORECASE) is not None


def needed_only(toc: list[tuple], imports: Callable[[str], Iterable[str]]) -> list[tuple]:
    """Drop the shared libraries that only dropped files needed.

    PyInstaller resolves dependencies before `prune` runs, so the GTK platform theme's GTK, cairo and pango,
    or the TLS plugin's Kerberos, would stay behind. Libraries it placed at the top of the folder
    (dependencies, not things a hook chose) stay only if a kept binary links against them, transitively.
    `imports(source_path)` names the libraries one binary links against.
    """
    def top_level_dependency(entry: tuple) -> bool:
        dest, _, typecode = entry
        return typecode == "BINARY" and "/" not in dest.replace("\\", "/") and not _is_python_library(dest)

    kept = [e for e in toc if e[2] in ("BINARY", "EXTENSION") and not top_level_dependency(e)]
    waiting = {e[0].lower(): e for e in toc if top_level_dependency(e)}
    queue = list(kept)
    while queue:
        for name in imports(queue.pop()[1]):
            found = waiting.pop(name.replace("\\", "/").rsplit("/", 1)[-1].lower(), None)
            if found is not None:
                kept.append(found)
                queue.append(found)
    kept_dests = {e[0] for e in kept}
    return [
        e for e in toc
        if e[0] in kept_dests
        or e[2] not in ("BINARY", "EXTENSION", "SYMLINK")
        or (e[2] == "SYMLINK" and e[1] in kept_dests)
    ]
