pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import KioskCore
import Kiosk

// One layer of pre-projected shapes (the world, or the US states), in the asset's own units. All land
// without a decision is one path, the chosen organisation's members another; each highlighted place is
// its own shape, filled in its group's colour, and answers a tap inside its outline.
Item {
    id: layer

    required property RecognitionMapViewModel map
    required property var shapes
    required property string land
    property string members: ""
    required property real pixelsPerUnit  // on screen, so borders stay one pixel wide at any zoom
    // Borders one pixel wide. The software renderer draws a zero-width pen as a one-pixel (cosmetic)
    // line, about five times cheaper than a pen of 1/pixelsPerUnit, which is stroked in the asset's
    // units and then transformed (~380 of ~450 ms per redraw of the world: benchmarks, docs/performance.md).
    readonly property real borderWidth: GraphicsInfo.api === GraphicsInfo.Software ? 0 : 1.0 / Math.max(0.01, pixelsPerUnit)

    Shape {
        anchors.fill: parent
        ShapePath {
            fillColor: Theme.land
            strokeColor: Theme.background
            strokeWidth: layer.borderWidth
            PathSvg { path: layer.land }
        }
        ShapePath {
            fillColor: Theme.memberLand
            strokeColor: Theme.background
            strokeWidth: layer.borderWidth
            PathSvg { path: layer.members }
        }
    }

    Repeater {
        model: layer.shapes
        delegate: Shape {
            id: place
            required property string code
            required property string name
            required property string path
            required property int group

            objectName: "shape_" + code
            anchors.fill: parent
            containsMode: Shape.FillContains  // a tap counts only inside the outline, not its bounding box
            Accessible.role: Accessible.Button
            Accessible.name: place.name
            Accessible.onPressAction: layer.map.openPlace(place.code)

            ShapePath {
                fillColor: Theme.groupColours[Math.max(0, place.group) % Theme.groupColours.length]
                strokeColor: Theme.background
                strokeWidth: layer.borderWidth
                PathSvg { path: place.path }
            }

            Tap {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: layer.map.openPlace(place.code)
            }
        }
    }
}
