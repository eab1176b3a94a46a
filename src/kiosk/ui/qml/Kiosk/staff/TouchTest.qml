import QtQuick
import KioskCore

// A grid to check the touchscreen's alignment, and a ring under every finger (up to ten).
Item {
    id: test

    required property StaffMenu staff

    Repeater {
        model: 11
        Rectangle {
            required property int index
            x: test.width * index / 10 - 1
            width: 2
            height: test.height
            color: "#556070"
        }
    }
    Repeater {
        model: 11
        Rectangle {
            required property int index
            y: test.height * index / 10 - 1
            height: 2
            width: test.width
            color: "#556070"
        }
    }
    MultiPointTouchArea {
        id: touches
        anchors.fill: parent
        maximumTouchPoints: 10
        mouseEnabled: true
        touchPoints: [
            TouchPoint {}, TouchPoint {}, TouchPoint {}, TouchPoint {}, TouchPoint {},
            TouchPoint {}, TouchPoint {}, TouchPoint {}, TouchPoint {}, TouchPoint {}
        ]
        onPressed: test.staff.activity()
        onUpdated: test.staff.activity()
    }
    Repeater {
        model: touches.touchPoints
        Rectangle {
            required property TouchPoint modelData
            visible: modelData.pressed
            width: 96
            height: 96
            radius: 48
            x: modelData.x - 48
            y: modelData.y - 48
            color: "transparent"
            border.width: 4
            border.color: "#7fd1ff"
        }
    }
    StaffButton {
        objectName: "touchTestDone"
        anchors.centerIn: parent
        text: "Done"
        onActivated: test.staff.show("menu")
    }
}
