pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The whole bibliography, alphabetically.
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
        objectName: "sourceList"
        anchors.top: bar.bottom
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth)
        spacing: Theme.gap * 1.2
        clip: true
        model: screen.exhibit.sources
        header: ScreenTitle {
            width: list.width
            bottomPadding: Theme.gap
            text: screen.heading
        }
        footer: Item { height: Theme.margin }
        delegate: SourceEntry { width: ListView.view.width }
    }
}
