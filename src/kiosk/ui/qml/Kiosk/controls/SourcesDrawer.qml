pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The sources of what is on screen, sliding in from the side over a dimmed page.
Item {
    id: drawer

    required property ExhibitViewModel exhibit
    readonly property bool open: exhibit.session.sourcesOpen

    visible: open || sheet.x < width

    Rectangle {
        anchors.fill: parent
        color: Theme.scrim
        opacity: drawer.open ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.durationMedium } }
        Accessible.role: Accessible.Button  // a tap beside the sheet closes it
        Accessible.name: drawer.exhibit.strings.close
        Tap {
            gesturePolicy: TapHandler.WithinBounds  // takes the press: the screen beneath does not react
            onTapped: drawer.exhibit.session.setSourcesOpen(false)
        }
    }

    Rectangle {
        id: sheet
        objectName: "sourcesSheet"
        width: Theme.portrait ? drawer.width : Math.max(drawer.width * 0.45, Theme.readingWidth * 0.6)
        height: drawer.height
        x: drawer.open ? drawer.width - width : drawer.width
        color: Theme.surface
        Behavior on x { NumberAnimation { duration: Theme.durationMedium; easing.type: Easing.OutCubic } }

        Accessible.role: Accessible.Pane
        Accessible.name: drawer.exhibit.strings.sources_title

        Tap { gesturePolicy: TapHandler.WithinBounds }  // taps on the sheet stay on the sheet

        Label {
            id: heading
            anchors.top: parent.top
            anchors.left: parent.left
            anchors.right: closeButton.left
            anchors.margins: Theme.margin
            text: drawer.exhibit.strings.sources_title
            color: Theme.text
            font.family: Theme.fontSerif
            font.pixelSize: Theme.fontTitle * 0.6
            wrapMode: Text.WordWrap
        }
        TouchButton {
            id: closeButton
            objectName: "closeSources"
            anchors.top: parent.top
            anchors.right: parent.right
            anchors.margins: Theme.margin * 0.75
            text: drawer.exhibit.strings.close
            onActivated: drawer.exhibit.session.setSourcesOpen(false)
        }
        // Built only while the drawer shows: the list's model is replaced on every panel change, and a
        // hidden list being rebuilt mid-swipe only costs time.
        Loader {
            anchors.top: heading.bottom
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.margins: Theme.margin
            active: drawer.visible
            sourceComponent: ListView {
                objectName: "panelSourceList"
                spacing: Theme.gap
                clip: true
                // No entries made ahead of the view. Those are made by Qt's incubator, a few per frame, and
                // the rows are replaced when the panel changes or the visit ends, while the drawer is still
                // opening or sliding away; a reset arriving mid-creation made the view cancel the entry by
                // its old row number, past the end of a shorter list ("DelegateModel::cancel: index out
                // range"). Entries scrolled into view are made at once instead: a few labels each.
                cacheBuffer: 0
                model: drawer.exhibit.panelSources
                delegate: SourceEntry { width: ListView.view.width }
            }
        }
    }
}
