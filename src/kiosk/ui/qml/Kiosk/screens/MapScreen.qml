pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The recognition map: the world with the places that adopted decisions, the counts and the year slider
// beside it, a card for the place a visitor touches, and the same entries as a list.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property string heading: exhibit.sectionTitles.map ?? ""
    readonly property RecognitionMapViewModel map: exhibit.recognitionMap
    readonly property bool listMode: exhibit.session.listView
    readonly property Flickable scrollTarget: listMode && recognitionList.item ? recognitionList.item.view : null  // the keypad's Up and Down

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
                objectName: "resetView"
                visible: !screen.listMode
                flat: true
                text: screen.exhibit.strings.reset_view
                onActivated: world.resetView()
            }
            TouchButton {
                objectName: "mapListToggle"
                flat: true
                text: screen.listMode ? screen.exhibit.strings.show_map : screen.exhibit.strings.show_list
                onActivated: screen.exhibit.session.setListView(!screen.listMode)
            }
        }
    }

    Item {
        id: body
        anchors.top: Theme.accessible ? parent.top : header.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: Theme.accessible ? header.top : parent.bottom
        anchors.bottomMargin: Theme.gap
        anchors.left: parent.left
        anchors.right: parent.right
        visible: !screen.listMode

        WorldMap {
            id: world
            objectName: "worldMap"
            x: Theme.gap
            width: Theme.portrait ? parent.width - 2 * Theme.gap : parent.width - panel.width - Theme.margin - Theme.gap
            // In portrait the map takes only the height its shape needs; the panel gets the rest.
            height: Theme.portrait ? Math.min(parent.height * 0.5, width * screen.map.worldViewBox[3] / screen.map.worldViewBox[2] * 1.08)
                                   : parent.height
            exhibit: screen.exhibit
        }

        MapPanel {
            id: panel
            x: Theme.portrait ? Theme.margin : parent.width - width - Theme.margin
            y: Theme.portrait ? world.height + Theme.gap : 0
            // Larger text needs a wider panel, or the longest words of a legend no longer fit a line.
            width: Theme.portrait ? parent.width - 2 * Theme.margin : Math.max(parent.width * (Theme.accessible ? 0.36 : 0.27), Theme.touchTarget * 5.5)
            height: Theme.portrait ? parent.height - world.height - Theme.gap : parent.height
            exhibit: screen.exhibit
        }

        PlaceCard {
            objectName: "placeCard"
            visible: screen.map.cardOpen
            exhibit: screen.exhibit
            x: Theme.portrait ? Theme.margin / 2 : parent.width - width - Theme.margin / 2
            y: Theme.portrait ? parent.height - height : 0
            width: Theme.portrait ? parent.width - Theme.margin
                                  : Math.min(parent.width * (Theme.accessible ? 0.5 : 0.4), Theme.readingWidth * (Theme.accessible ? 0.8 : 0.62))
            height: Theme.portrait ? parent.height * 0.5 : parent.height
        }
    }

    // The list is created the first time it is shown, then kept: hidden, it cost the map's opening ~10 ms,
    // and its ListView went on creating delegates for seconds, so the window kept drawing frames.
    Loader {
        id: recognitionList
        objectName: "recognitionListLoader"
        property bool wanted: screen.listMode
        anchors.top: Theme.accessible ? parent.top : header.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: Theme.accessible ? header.top : parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        visible: screen.listMode
        active: wanted
        onLoaded: wanted = true  // kept from now on (binding replaced)
        sourceComponent: RecognitionList {
            exhibit: screen.exhibit
        }
    }
}
