pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// The staff screens over the exhibit. Touches here never reach the exhibit underneath.
Rectangle {
    id: layer

    required property StaffMenu staff

    color: "#151a20"  // opaque: staff pages are not read over the exhibit

    MouseArea {
        anchors.fill: parent  // takes every touch that no button takes
        onPressed: layer.staff.activity()
    }

    PinPad {
        anchors.centerIn: parent
        visible: layer.staff.stage === "pin"
        staff: layer.staff
    }

    Column {
        objectName: "staffMenu"
        anchors.centerIn: parent
        visible: layer.staff.stage === "menu"
        spacing: 20
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "Staff menu"
            color: "white"
            font.pixelSize: 40
        }
        Repeater {
            model: [
                { name: "staffDiagnostics", text: "Diagnostics", stage: "diagnostics" },
                { name: "staffUsage", text: "Usage statistics", stage: "usage" },
                { name: "staffTouchTest", text: "Touch test", stage: "touch" },
                { name: "staffReload", text: "Reload content", stage: "reload" },
                { name: "staffExit", text: "Exit the kiosk", stage: "exit" },
                { name: "staffClose", text: "Back to the exhibit", stage: "close" }
            ]
            StaffButton {
                required property var modelData
                objectName: modelData.name
                width: 480
                text: modelData.text
                primary: modelData.stage === "close"
                onActivated: {
                    if (modelData.stage === "reload")
                        layer.staff.reloadContent()
                    else if (modelData.stage === "exit")
                        layer.staff.exitKiosk()
                    else if (modelData.stage === "close")
                        layer.staff.close()
                    else
                        layer.staff.show(modelData.stage)
                }
            }
        }
    }

    Item {
        anchors.fill: parent
        anchors.margins: 48
        visible: layer.staff.stage === "diagnostics" || layer.staff.stage === "usage"
        Flickable {
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: infoBack.top; bottomMargin: 24 }
            contentHeight: lines.height
            clip: true
            onMovementStarted: layer.staff.activity()
            Column {
                id: lines
                objectName: "staffInfo"
                width: parent.width
                spacing: 8
                Repeater {
                    model: layer.staff.info
                    Text {
                        required property string modelData
                        width: lines.width
                        text: modelData
                        color: "white"
                        font.pixelSize: 24
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
        StaffButton {
            id: infoBack
            objectName: "staffInfoBack"
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
            text: "Back"
            onActivated: layer.staff.show("menu")
        }
    }

    Loader {
        anchors.fill: parent
        active: layer.staff.stage === "touch"
        sourceComponent: TouchTest { staff: layer.staff }
    }
}
