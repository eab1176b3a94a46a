pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The US states in their own box beside the world map: at world scale they are too small to tell apart
// or to touch. It sits in the side panel, so it never hides part of the world.
Rectangle {
    id: inset

    required property RecognitionMapViewModel map
    readonly property real unitsWide: map.usViewBox[2]
    readonly property real unitsHigh: map.usViewBox[3]
    readonly property real insetScale: (width - Theme.gap) / Math.max(1, unitsWide)

    objectName: "usInset"
    visible: unitsWide > 0
    height: unitsHigh * insetScale + Theme.gap
    color: Theme.background
    border.color: Theme.divider
    border.width: Math.max(1, Theme.scale * 2)
    radius: Theme.gap / 3
    clip: true
    // Drawn once into a texture of its own size: cheaper to scroll, and the software renderer does not
    // clip scaled shapes reliably without it (they bled below the panel).
    layer.enabled: true


    MapShapes {
        x: Theme.gap / 2
        y: Theme.gap / 2
        width: inset.unitsWide
        height: inset.unitsHigh
        scale: inset.insetScale
        transformOrigin: Item.TopLeft
        map: inset.map
        shapes: inset.map.usShapes
        land: inset.map.usLand
        pixelsPerUnit: inset.insetScale
    }
    SmallPlaceMarkers {
        x: Theme.gap / 2
        y: Theme.gap / 2
        width: inset.width - Theme.gap
        height: inset.height - Theme.gap
        map: inset.map
        shapes: inset.map.usShapes
        pixelsPerUnit: inset.insetScale
    }
}
