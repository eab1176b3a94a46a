pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// Home on the left, the languages on the right: one touch away on every screen of a visit.
Item {
    id: bar

    required property ExhibitViewModel exhibit
    property bool showHome: true

    implicitHeight: Theme.barHeight

    TouchButton {
        id: homeButton
        objectName: "homeButton"
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        visible: bar.showHome
        text: "‹  " + bar.exhibit.strings.home
        onActivated: bar.exhibit.session.goHome()
    }

    // After following a link (timeline -> panel, panel -> timeline), one touch leads back.
    TouchButton {
        objectName: "backButton"
        anchors.left: homeButton.visible ? homeButton.right : parent.left
        anchors.leftMargin: homeButton.visible ? Theme.gap / 2 : Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        visible: bar.exhibit.session.backTo.length > 0
        text: "‹  " + bar.exhibit.strings.back
        flat: true
        onActivated: bar.exhibit.session.goBack()
    }

    Row {
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.gap / 2
        visible: bar.exhibit.languages.length > 1

        Repeater {
            model: bar.exhibit.languages
            delegate: TouchButton {
                required property var modelData
                objectName: "language_" + modelData.code
                text: modelData.name
                flat: true
                highlighted: bar.exhibit.language === modelData.code
                Accessible.name: bar.exhibit.strings.language + ": " + modelData.name
                onActivated: bar.exhibit.setLanguage(modelData.code)
            }
        }
    }
}
