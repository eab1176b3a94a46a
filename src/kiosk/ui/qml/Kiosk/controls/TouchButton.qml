import QtQuick
import KioskCore
import Kiosk

// A button for fingers: never smaller than Theme.touchTarget, a clear pressed state, one tap = one action.
Rectangle {
    id: button

    property string text
    property bool highlighted: false
    property bool flat: false
    property bool glyph: false  // a single arrow-like character, drawn larger than a word
    signal activated

    implicitWidth: Math.max(Theme.touchTarget, label.implicitWidth + 2 * Theme.gap)
    implicitHeight: Theme.touchTarget
    radius: height / 2
    color: highlighted ? Theme.accent : flat ? "transparent" : Theme.surfaceRaised
    border.width: flat && !highlighted ? Math.max(1, Theme.scale * 2) : 0
    border.color: Theme.divider
    opacity: enabled ? 1 : 0.35
    scale: tap.pressed ? 0.96 : 1

    Accessible.role: Accessible.Button
    Accessible.name: button.text
    Accessible.onPressAction: button.activated()
    activeFocusOnTab: true  // reachable with a keyboard or keypad (see Main.qml); Qt skips hidden ones

    function activate(): void {
        if (button.enabled)
            button.activated()
    }

    Behavior on scale { NumberAnimation { duration: Theme.durationShort / 2 } }

    Label {
        id: label
        anchors.centerIn: parent
        anchors.verticalCenterOffset: button.glyph ? -Theme.scale * 4 : 0
        text: button.text
        Accessible.ignored: true  // the button itself carries the name
        color: button.highlighted ? Theme.accentText : Theme.text
        font.family: Theme.fontSans
        font.pixelSize: button.glyph ? Theme.fontTitle : Theme.fontLabel
        font.weight: Font.DemiBold
    }

    FocusRing { target: button }

    Tap {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
