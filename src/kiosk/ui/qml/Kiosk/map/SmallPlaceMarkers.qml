pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// Rings over recognised places too small to touch (Malta-sized and smaller), each a full touch target.
// They are not scaled with the map, so they stay the same size on screen at every zoom.
Item {
    id: markers

    required property RecognitionMapViewModel map
    required property var shapes
    required property real pixelsPerUnit

    Repeater {
        model: markers.shapes
        delegate: Item {
            id: marker
            required property string code
            required property string name
            required property int group
            required property real extent
            required property real labelX
            required property real labelY

            objectName: "marker_" + code
            // The same rule as is_small(): a ring only while the shape is too small to touch at this zoom,
            // in pixels of a 1080p screen (a 4K screen has twice the pixels, not twice the fingertip).
            visible: extent * markers.pixelsPerUnit / Theme.scale < markers.map.markerMinPx
            x: labelX * markers.pixelsPerUnit - width / 2
            y: labelY * markers.pixelsPerUnit - height / 2
            width: Theme.touchTarget
            height: width

            Accessible.role: Accessible.Button
            Accessible.name: marker.name
            Accessible.onPressAction: markers.map.openPlace(marker.code)

            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.36
                height: width
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, Theme.scale * 3)
                border.color: Theme.groupColours[Math.max(0, marker.group) % Theme.groupColours.length]
            }
            Tap {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: markers.map.openPlace(marker.code)
            }
        }
    }
}
