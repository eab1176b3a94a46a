import QtQuick
import KioskCore

// The visible mark of keyboard or keypad focus: a thick accent outline just outside its parent.
Rectangle {
    required property Item target

    anchors.fill: target
    anchors.margins: -border.width * 1.5
    radius: target.radius !== undefined ? target.radius + border.width * 1.5 : border.width * 2
    color: "transparent"
    border.color: Theme.focus
    border.width: Math.max(3, Theme.scale * 5)
    visible: target.activeFocus
}
