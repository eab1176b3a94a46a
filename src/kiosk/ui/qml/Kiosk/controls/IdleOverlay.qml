import QtQuick
import KioskCore
import Kiosk

// "Are you still there?" with a visible countdown. Any touch anywhere keeps the visit.
Rectangle {
    id: overlay

    required property ExhibitViewModel exhibit
    readonly property IdleSession idle: exhibit.idle

    color: Theme.scrim
    opacity: idle.warning ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.durationMedium } }

    Accessible.role: Accessible.AlertMessage
    Accessible.name: overlay.exhibit.strings.still_there_title

    Tap {
        gesturePolicy: TapHandler.WithinBounds  // takes the press: the dimmed screen beneath does not react
        onTapped: overlay.idle.activity()
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth * 0.8)
        height: card.height + 2 * Theme.margin
        radius: Theme.gap
        color: Theme.surface

        Column {
            id: card
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.gap

            Label {
                objectName: "countdown"
                anchors.horizontalCenter: parent.horizontalCenter
                text: overlay.idle.secondsLeft
                color: Theme.accent
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontFigure
            }
            Label {
                width: parent.width
                text: overlay.exhibit.strings.still_there_title
                color: Theme.text
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontTitle * 0.7
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                text: overlay.exhibit.strings.still_there_text.replace("{seconds}", overlay.idle.secondsLeft)
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            TouchButton {
                anchors.horizontalCenter: parent.horizontalCenter
                text: overlay.exhibit.strings["continue"]
                highlighted: true
                onActivated: overlay.idle.activity()
            }
        }
    }
}
