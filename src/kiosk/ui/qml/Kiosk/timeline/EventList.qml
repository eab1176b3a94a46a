pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The dated events as a plain list, each with a way into its panel: the timeline's alternative for
// visitors who do not want to pan and zoom, and for screen readers.
Item {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property alias view: list  // what the keypad's Up and Down scroll

    ListView {
        id: list
        objectName: "eventList"
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth)
        spacing: Theme.gap * 1.5
        clip: true
        model: screen.exhibit.events
        footer: Item { height: Theme.margin }
        delegate: Column {
            id: event
            required property string dateText
            required property string title
            required property string text
            required property int panelIndex
            required property int index
            width: ListView.view.width
            spacing: Theme.gap / 3
            Accessible.role: Accessible.ListItem
            Accessible.name: event.dateText + ". " + event.title

            Label {
                width: parent.width
                text: event.dateText
                color: Theme.accent
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontLabel
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                text: event.title
                color: Theme.text
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontBody * 1.2
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                text: event.text
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody * 0.9
                lineHeight: 1.3
                wrapMode: Text.WordWrap
            }
            TouchButton {
                objectName: "relatedPanel_" + event.index
                visible: event.panelIndex >= 0
                text: screen.exhibit.strings.related_panel + "  ›"
                flat: true
                onActivated: screen.exhibit.openPanelFromTimeline(event.panelIndex)
            }
        }
    }
}
