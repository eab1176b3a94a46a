pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The world, fitted to the space it has, with pinch and drag to zoom and pan within limits, and an inset
// for the US states. The view model decides colours and markers; this places and moves them.
Item {
    id: view

    required property ExhibitViewModel exhibit
    readonly property RecognitionMapViewModel map: exhibit.recognitionMap
    readonly property real unitsWide: map.worldViewBox[2]
    readonly property real unitsHigh: map.worldViewBox[3]
    readonly property real fitScale: Math.min(width / unitsWide, height / unitsHigh)
    property real zoom: 1.0
    readonly property real maxZoom: 8.0
    readonly property real scaleNow: fitScale * zoom

    function resetView(): void {
        zoom = 1.0
        flick.contentX = -flick.leftMargin
        flick.contentY = -flick.topMargin
    }
    // Zoom keeping the point under (viewX, viewY) in place, then keep the map within its bounds.
    // (With margins, a Flickable's content starts at -leftMargin, not 0.)
    function zoomAround(newZoom: real, viewX: real, viewY: real): void {
        const clamped = Math.max(1.0, Math.min(maxZoom, newZoom))
        const ratio = clamped / zoom
        const x = (flick.contentX + viewX) * ratio - viewX
        const y = (flick.contentY + viewY) * ratio - viewY
        zoom = clamped
        flick.contentX = Math.max(-flick.leftMargin, Math.min(flick.contentWidth + flick.rightMargin - flick.width, x))
        flick.contentY = Math.max(-flick.topMargin, Math.min(flick.contentHeight + flick.bottomMargin - flick.height, y))
    }

    clip: true
    // Rendered into a texture the size of this view: the software renderer does not clip scaled shapes
    // reliably, and zoomed-in countries drew over the title and the panel without it.
    layer.enabled: true

    Flickable {
        id: flick
        objectName: "mapFlick"
        anchors.fill: parent
        contentWidth: view.unitsWide * view.scaleNow
        contentHeight: view.unitsHigh * view.scaleNow
        // Centre the map when it is smaller than the view (zoomed out, in a tall or wide space).
        leftMargin: Math.max(0, (width - contentWidth) / 2)
        rightMargin: leftMargin
        topMargin: Math.max(0, (height - contentHeight) / 2)
        bottomMargin: topMargin
        boundsBehavior: Flickable.StopAtBounds
        interactive: !pinch.active

        Item {
            width: flick.contentWidth
            height: flick.contentHeight
            // The map itself: a double tap zooms in.
            Accessible.role: Accessible.Pane
            Accessible.name: view.exhibit.sectionTitles.map ?? ""

            Tap {
                onDoubleTapped: eventPoint => view.zoomAround(view.zoom * 2, eventPoint.position.x - flick.contentX,
                                                              eventPoint.position.y - flick.contentY)
            }
            MapShapes {
                width: view.unitsWide
                height: view.unitsHigh
                scale: view.scaleNow
                transformOrigin: Item.TopLeft
                map: view.map
                shapes: view.map.worldShapes
                land: view.map.worldLand
                members: view.map.worldMembers
                pixelsPerUnit: view.scaleNow
            }
            SmallPlaceMarkers {
                anchors.fill: parent
                map: view.map
                shapes: view.map.worldShapes
                pixelsPerUnit: view.scaleNow
            }
        }
    }

    PinchHandler {
        id: pinch
        target: null
        property real startZoom: 1.0
        onActiveChanged: if (active) startZoom = view.zoom
        onActiveScaleChanged: if (active) view.zoomAround(startZoom * activeScale, centroid.position.x, centroid.position.y)
    }
}
