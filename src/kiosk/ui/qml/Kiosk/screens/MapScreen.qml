pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// Who recognised what, and when, as a list in date order. (The world map builds on this; the list
// stays as its alternative for visitors who cannot or will not use a map.)
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    required property string heading

    color: Theme.background

    TopBar {
        id: bar
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
    }

    ListView {
        id: list
        objectName: "recognitionList"
        anchors.top: bar.bottom
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth)
        spacing: Theme.gap * 1.5
        clip: true
        model: screen.exhibit.recognitions
        header: ScreenTitle {
            width: list.width
            bottomPadding: Theme.gap
            text: screen.heading
        }
        footer: Item { height: Theme.margin }
        delegate: Column {
            id: entry
            required property string place
            required property string group
            required property string body
            required property string dateText
            required property string document
            required property string wording
            required property string description
            width: ListView.view.width
            spacing: Theme.gap / 3
            Accessible.role: Accessible.ListItem
            Accessible.name: entry.place + ". " + entry.body + ". " + entry.dateText

            Text {
                width: parent.width
                text: entry.place
                color: Theme.text
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontBody * 1.25
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: [entry.group, entry.document, entry.dateText].filter(part => part.length > 0).join(" · ")
                color: Theme.accent
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: entry.body
                color: Theme.text
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody * 0.9
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                text: entry.description
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody * 0.9
                lineHeight: 1.3
                wrapMode: Text.WordWrap
            }
        }
    }
}
