"""What the frozen kiosk leaves out of Qt (packaging/prune.py), checked without building it."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from prune import KEEP_QML_MODULES, keep, needed_only  # noqa: E402


def qml_imports() -> set[str]:
    found = set()
    for path in (ROOT / "src" / "kiosk" / "ui" / "qml").rglob("*.qml"):
        found |= set(re.findall(r"^import\s+([A-Za-z][\w.]*)", path.read_text(encoding="utf-8"), re.MULTILINE))
    return found


def test_every_qt_module_the_interface_imports_is_kept():
    # Adding `import QtQuick.Layouts` to a screen without keeping it would break only the frozen kiosk.
    ours = {"Kiosk", "KioskCore"}
    needed = {name.replace(".", "/") for name in qml_imports() - ours}
    assert needed, "no QML imports found: has the QML module moved?"
    assert needed <= KEEP_QML_MODULES, f"add to KEEP_QML_MODULES in packaging/prune.py: {needed - KEEP_QML_MODULES}"


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/qml/QtQuick/qmldir",
    "PySide6/Qt/qml/QtQuick/libqtquick2plugin.so",
    "PySide6/Qt/qml/QtQuick/Shapes/libqmlshapesplugin.so",
    "PySide6/Qt/qml/QtQuick/Window/qmldir",
    "PySide6/Qt/qml/QtQml/WorkerScript/libworkerscriptplugin.so",
    "PySide6/qml/QtQuick/Shapes/qmlshapesplugin.dll",  # Windows layout
])
def test_the_qml_modules_the_kiosk_loads_stay(dest):
    assert keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/qml/QtQuick/Controls/Material/qmldir",
    "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
    "PySide6/Qt/qml/QtQuick/Shapes/DesignHelpers/qmldir",
    "PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir",
    "PySide6/Qt/qml/QtWayland/Compositor/qmldir",
    "PySide6/Qt/qml/QtQuick/Shapes/plugins.qmltypes",
    "PySide6/qml/QtQuick/Dialogs/qmldir",
])
def test_qml_modules_it_does_not_load_go(dest):
    assert not keep(dest)


@pytest.mark.parametrize("dest,kept", [
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", True),
    ("PySide6/Qt/lib/libQt6QuickShapes.so.6", True),
    ("libQt6Qml.so.6", True),  # the top-level symlink PyInstaller adds
    ("PySide6/Qt6Gui.dll", True),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
    ("PySide6/Qt/lib/libQt6QuickControls2Material.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6WaylandCompositor.so.6", False),
    ("PySide6/Qt6QuickTemplates2.dll", False),
    ("PySide6/Qt/lib/libicudata.so.73", True),  # QtCore links ICU
    ("PySide6/QtCore.abi3.so", True),
    ("PySide6/opengl32sw.dll", False),
])
def test_qt_libraries(dest, kept):
    assert keep(dest) is kept


@pytest.mark.parametrize("dest,kept", [
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtdeclarative_fr.qm", False),
])
def test_plugins_and_translations(dest, kept):
    assert keep(dest) is kept


def test_our_own_files_are_never_pruned():
    for dest in ("kiosk/ui/qml/Kiosk/Main.qml", "assets/fonts/NotoSans-Regular.ttf", "data/exhibit.yaml",
                 "yaml/_yaml.cpython-311-x86_64-linux-gnu.so", "base_library.zip"):
        assert keep(dest)


def test_libraries_only_dropped_files_needed_go_with_them():
    toc = [
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/src/libqwayland.so", "BINARY"),
        ("lib-dynload/_ctypes.so", "/src/_ctypes.so", "EXTENSION"),
        ("libwayland-client.so.0", "/sys/libwayland-client.so.0", "BINARY"),
        ("libffi.so.8", "/sys/libffi.so.8", "BINARY"),
        ("libgtk-3.so.0", "/sys/libgtk-3.so.0", "BINARY"),  # was needed by the GTK theme plugin, pruned
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),  # opened by the bootloader
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),  # its target was pruned
        ("data/exhibit.yaml", "/src/exhibit.yaml", "DATA"),
    ]
    links = {
        "/src/libqwayland.so": ["libwayland-client.so.0", "libQt6Core.so.6"],
        "/sys/libwayland-client.so.0": ["libffi.so.8"],  # needed transitively
        "/sys/libgtk-3.so.0": ["libcairo.so.2"],
        "/src/_ctypes.so": ["libffi.so.8"],
    }
    kept = [dest for dest, _, _ in needed_only(toc, lambda path: links.get(path, []))]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqwayland.so", "lib-dynload/_ctypes.so", "libwayland-client.so.0",
        "libffi.so.8", "libpython3.11.so.1.0", "libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
        "data/exhibit.yaml",
    ]
