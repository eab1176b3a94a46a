"""The checks `self-test` runs on every screen find what they are for (docs/accessibility.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.ui import audit

SCREEN = b"""
import QtQuick
Window {
    width: 800; height: 600; visible: true; color: "#141517"
    Rectangle {  // a control with no name, smaller than a fingertip
        objectName: "tiny"; x: 10; y: 10; width: 30; height: 30; color: "#2a2d31"
        TapHandler {}
    }
    Rectangle {  // a named control of good size
        objectName: "good"; x: 100; y: 10; width: 120; height: 90; color: "#2a2d31"
        Accessible.role: Accessible.Button; Accessible.name: "Good"
        TapHandler {}
        Text { anchors.centerIn: parent; text: "Good"; color: "#f1ece4"; Accessible.ignored: true }
    }
    Rectangle {  // a second one, half on top of the first
        objectName: "crowding"; x: 160; y: 40; width: 120; height: 90; color: "#2a2d31"
        Accessible.role: Accessible.Button; Accessible.name: "Crowding"
        TapHandler {}
    }
    Rectangle {
        x: 10; y: 300; width: 400; height: 100; color: "#444444"
        Text {  // grey on grey, and no accessible interface of its own
            objectName: "faint"; text: "Hard to read"; color: "#5a5a5a"
        }
    }
}
"""


@pytest.fixture
def window(qapp, tmp_path):
    (tmp_path / "Screen.qml").write_bytes(SCREEN)
    engine = QQmlApplicationEngine()
    engine.load(QUrl.fromLocalFile(str(tmp_path / "Screen.qml")))
    window = engine.rootObjects()[0]
    yield window
    window.close()
    engine.deleteLater()


def test_a_control_without_a_name_is_found(window):
    assert audit.unnamed_controls(window) == ["tiny"]


def test_a_control_smaller_than_a_fingertip_is_found(window):
    assert audit.small_controls(window, 88) == ["tiny is 30x30 px"]


def test_a_text_a_screen_reader_cannot_reach_is_found(window):
    assert audit.silent_texts(window) == ["Hard to read"]  # the button's label is read as its name


def test_faint_text_is_measured_against_what_lies_behind_it(window):
    found = audit.low_contrast_texts(window, 4.5)
    assert len(found) == 1 and found[0].startswith("'Hard to read' #5a5a5a on #444444")


def test_controls_drawn_over_one_another_are_found(window):
    assert audit.crowded_controls(window) == ["crowding 'Crowding' is covered by good 'Good'"] or audit.crowded_controls(
        window
    ) == ["good 'Good' is covered by crowding 'Crowding'"]
