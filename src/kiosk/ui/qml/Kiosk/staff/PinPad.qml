import QtQuick
import KioskCore

// Digits for fingers; the PIN itself never leaves Python (QML only knows how many digits were typed).
Column {
    id: pad

    required property StaffMenu staff

    spacing: 16

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        text: "Staff PIN"
        color: "white"
        font.pixelSize: 36
    }
    Text {
        objectName: "pinDots"
        anchors.horizontalCenter: parent.horizontalCenter
        text: "\u25CF".repeat(pad.staff.digitsEntered) || " "
        color: "white"
        font.pixelSize: 40
    }
    Text {
        objectName: "pinMessage"
        anchors.horizontalCenter: parent.horizontalCenter
        text: pad.staff.lockedSeconds > 0 ? "Wrong PIN. Try again in " + pad.staff.lockedSeconds + " s"
            : pad.staff.wrongPin ? "Wrong PIN" : " "
        color: "#ffb4a8"
        font.pixelSize: 26
    }
    Grid {
        anchors.horizontalCenter: parent.horizontalCenter
        columns: 3
        spacing: 16
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "\u232B", "0", "OK"]
            StaffButton {
                required property string modelData
                objectName: modelData === "OK" ? "pinOk" : modelData === "\u232B" ? "pinErase" : "pinKey" + modelData
                width: 140
                text: modelData
                primary: modelData === "OK"
                enabled: pad.staff.lockedSeconds === 0
                onActivated: {
                    if (modelData === "OK")
                        pad.staff.submit()
                    else if (modelData === "\u232B")
                        pad.staff.erase()
                    else
                        pad.staff.digit(modelData)
                }
            }
        }
    }
    StaffButton {
        objectName: "pinCancel"
        anchors.horizontalCenter: parent.horizontalCenter
        text: "Cancel"
        onActivated: pad.staff.close()
    }
}
