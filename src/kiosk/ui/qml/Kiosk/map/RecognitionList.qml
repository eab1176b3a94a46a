pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The recognitions as a sorted, filterable list: the map's alternative for visitors who cannot or will not
// use a map, and for screen readers.
Item {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property RecognitionListModel entries: exhibit.recognitions
    readonly property alias view: list  // what the keypad's Up and Down scroll

    Flow {
        id: filters
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        width: list.width
        spacing: Theme.gap / 2
        TouchButton {
            objectName: "filter_all"
            text: screen.exhibit.strings.all_groups
            flat: true
            highlighted: screen.entries.groupFilter === ""
            onActivated: screen.entries.setGroupFilter("")
        }
        Repeater {
            model: screen.exhibit.recognitionMap.legend
            delegate: TouchButton {
                required property var modelData
                objectName: "filter_" + modelData.group
                text: modelData.label
                flat: true
                highlighted: screen.entries.groupFilter === modelData.group
                onActivated: screen.entries.setGroupFilter(modelData.group)
            }
        }
        Item { width: Theme.gap; height: 1 }
        TouchButton {
            objectName: "sortByDate"
            text: screen.exhibit.strings.sort_by_date
            flat: true
            highlighted: screen.entries.sortOrder === "date"
            onActivated: screen.entries.setSortOrder("date")
        }
        TouchButton {
            objectName: "sortByPlace"
            text: screen.exhibit.strings.sort_by_place
            flat: true
            highlighted: screen.entries.sortOrder === "place"
            onActivated: screen.entries.setSortOrder("place")
        }
    }

    ListView {
        id: list
        objectName: "recognitionList"
        anchors.top: filters.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth)
        spacing: Theme.gap * 1.5
        clip: true
        // No delegates made ahead of the view: those are made asynchronously, a few per frame, and leaving
        // the map while they were being made destroyed them mid-creation (a QML warning in the log).
        cacheBuffer: 0
        model: screen.entries
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

            Label {
                width: parent.width
                text: entry.place
                color: Theme.text
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontBody * 1.25
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                text: [entry.group, entry.document, entry.dateText].filter(part => part.length > 0).join(" · ")
                color: Theme.accent
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                text: entry.body
                color: Theme.text
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody * 0.9
                wrapMode: Text.WordWrap
            }
            Label {
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
