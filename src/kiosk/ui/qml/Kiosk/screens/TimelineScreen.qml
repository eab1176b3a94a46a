pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The interactive timeline, with buttons for everything the fingers can do, and its list alternative.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property string heading: exhibit.sectionTitles.timeline ?? ""
    readonly property TimelineViewModel timeline: exhibit.timeline
    readonly property bool listMode: exhibit.session.listView
    readonly property Flickable scrollTarget: listMode ? eventList.view : null  // the keypad's Up and Down

    color: Theme.background

    TopBar {
        id: bar
        // In accessibility mode every control moves to the bottom, within reach from a wheelchair.
        y: Theme.accessible ? parent.height - height : 0
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
    }

    Item {
        id: header
        // Title and tools sit under the bar, or just above it at the bottom in accessibility mode.
        y: Theme.accessible ? bar.y - height - Theme.gap : bar.height
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        height: Math.max(title.implicitHeight, tools.height) + (Theme.portrait ? tools.height + Theme.gap : 0)

        ScreenTitle {
            id: title
            anchors.left: parent.left
            anchors.right: Theme.portrait ? parent.right : tools.left
            anchors.rightMargin: Theme.gap
            text: screen.heading
        }
        Row {
            id: tools
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            spacing: Theme.gap / 2
            TouchButton {
                objectName: "previousEvent"
                visible: !screen.listMode
                text: "‹"
                glyph: true
                Accessible.name: screen.exhibit.strings.previous_event
                onActivated: screen.timeline.selectPrevious()
            }
            TouchButton {
                objectName: "nextEvent"
                visible: !screen.listMode
                text: "›"
                glyph: true
                Accessible.name: screen.exhibit.strings.next_event
                onActivated: screen.timeline.selectNext()
            }
            TouchButton {
                objectName: "zoomOut"
                visible: !screen.listMode
                enabled: screen.timeline.level > 0
                text: "–"  // an en dash: the bundled font has no minus sign
                glyph: true
                Accessible.name: screen.exhibit.strings.zoom_out
                onActivated: screen.timeline.zoomOut(track.dayAt(track.width / 2), track.width / 2)
            }
            TouchButton {
                objectName: "zoomIn"
                visible: !screen.listMode
                enabled: screen.timeline.level < screen.timeline.levelCount - 1
                text: "+"
                glyph: true
                Accessible.name: screen.exhibit.strings.zoom_in
                onActivated: screen.timeline.zoomIn(track.dayAt(track.width / 2), track.width / 2)
            }
            TouchButton {
                objectName: "listToggle"
                flat: true
                text: screen.listMode ? screen.exhibit.strings.show_timeline : screen.exhibit.strings.show_list
                onActivated: screen.exhibit.session.setListView(!screen.listMode)
            }
        }
    }

    Item {
        id: body
        anchors.top: Theme.accessible ? parent.top : header.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: Theme.accessible ? header.top : parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right

        TimelineTrack {
            id: track
            visible: !screen.listMode
            anchors.top: parent.top
            anchors.left: parent.left
            anchors.bottom: Theme.portrait && screen.timeline.cardOpen ? card.top : parent.bottom
            width: parent.width
            exhibit: screen.exhibit
            coveredRight: !Theme.portrait && screen.timeline.cardOpen ? parent.width - card.x : 0
        }

        EventCard {
            id: card
            objectName: "eventCard"
            visible: !screen.listMode && screen.timeline.cardOpen
            exhibit: screen.exhibit
            x: Theme.portrait ? Theme.margin / 2 : parent.width - width - Theme.margin / 2
            y: Theme.portrait ? parent.height - height - Theme.margin / 2 : Theme.gap
            width: Theme.portrait ? parent.width - Theme.margin : Math.min(parent.width * 0.4, Theme.readingWidth * 0.6)
            height: Theme.portrait ? parent.height * 0.5 : parent.height - Theme.gap - Theme.margin / 2
        }

        EventList {
            id: eventList
            anchors.fill: parent
            visible: screen.listMode
            exhibit: screen.exhibit
        }
    }
}
