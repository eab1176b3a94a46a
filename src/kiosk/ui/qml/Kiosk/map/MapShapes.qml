pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import KioskCore
import Kiosk

// One layer of pre-projected shapes (the world, or the US states), in the asset's own units. Recognised
// places are filled in their group's colour and answer a tap; members of a chosen organisation are lit.
Item {
    id: layer

    required property RecognitionMapViewModel map
    required property var shapes
    required property real pixelsPerUnit  // on screen, so borders stay one pixel wide at any zoom

    Repeater {
        model: layer.shapes
        delegate: Shape {
            id: place
            required property string code
            required property string path
            required property int group
            required property bool member
            required property bool recognised

            objectName: "shape_" + code
            anchors.fill: parent
            containsMode: Shape.FillContains  // a tap counts only inside the outline, not its bounding box

            ShapePath {
                fillColor: place.group >= 0 ? Theme.groupColours[place.group % Theme.groupColours.length]
                                            : place.member ? Theme.memberLand : Theme.land
                strokeColor: Theme.background
                strokeWidth: 1.0 / Math.max(0.01, layer.pixelsPerUnit)
                PathSvg { path: place.path }
            }

            TapHandler {
                enabled: place.recognised
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: layer.map.openPlace(place.code)
            }
        }
    }
}
