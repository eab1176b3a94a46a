pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import KioskCore

// Shown instead of the exhibit when the content pack cannot be used. Visitors see a calm notice;
// staff previewing in a window also see every problem, as `kiosk validate` prints them.
Window {
    id: root

    required property bool showDetails
    required property var problems
    required property string folder

    title: "Exhibit unavailable"
    color: Theme.background

    Binding {
        target: Theme
        property: "viewport"
        value: Qt.size(root.width, root.height)
    }

    Column {
        id: notice
        anchors.top: parent.top
        anchors.topMargin: Theme.margin
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width - 2 * Theme.margin
        spacing: Theme.gap

        ScreenTitle {
            width: parent.width
            text: root.showDetails ? "This content pack cannot be shown" : "This exhibit will be back shortly"
        }
        Label {
            width: parent.width
            text: root.showDetails ? root.folder + ": fix the problems below, then start the preview again." : ""
            visible: root.showDetails
            color: Theme.textMuted
            font.family: Theme.fontSans
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WrapAnywhere
        }
    }

    ListView {
        objectName: "problemList"
        anchors.top: notice.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin
        visible: root.showDetails
        clip: true
        spacing: Theme.gap / 2
        model: root.problems
        delegate: Text {
            required property string modelData
            width: ListView.view.width
            text: modelData
            color: modelData.indexOf(": error:") >= 0 ? Theme.text : Theme.textMuted
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WrapAnywhere
        }
    }
}
