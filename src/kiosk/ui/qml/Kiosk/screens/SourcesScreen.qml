pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The whole bibliography, alphabetically.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property string heading: exhibit.sectionTitles.sources ?? ""

    color: Theme.background

    TopBar {
        id: bar
        // In accessibility mode every control moves to the bottom, within reach from a wheelchair.
        y: Theme.accessible ? parent.height - height : 0
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
    }

    readonly property Flickable scrollTarget: list  // the keypad's Up and Down

    ListView {
        id: list
        objectName: "sourceList"
        anchors.top: Theme.accessible ? parent.top : bar.bottom
        anchors.bottom: Theme.accessible ? bar.top : parent.bottom
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
