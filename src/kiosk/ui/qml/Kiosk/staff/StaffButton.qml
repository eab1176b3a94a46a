import QtQuick

// A large, plain button for the staff screens (staff pages stay in English and need no theme).
Rectangle {
    id: button

    property string text
    property bool primary: false
    signal activated

    implicitWidth: Math.max(160, label.implicitWidth + 48)
    implicitHeight: 88
    radius: 12
    color: tap.pressed ? "#5a6470" : primary ? "#2f6fb0" : "#3a424c"
    opacity: enabled ? 1 : 0.4

    Accessible.role: Accessible.Button
    Accessible.name: button.text

    Text {
        id: label
        anchors.centerIn: parent
        text: button.text
        color: "white"
        font.pixelSize: 30
        font.weight: Font.DemiBold
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
