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

    // The shapes are drawn into a texture (the picture) and a pan only moves that texture: drawing the
    // world's paths costs from ten to a hundred milliseconds per view, more than a frame has. What the
    // texture holds grows in two steps, so that no change costs more than it did when the map was drawn
    // on every frame: when the zoom settles or the highlights change, just the view (one view's drawing);
    // once nothing has changed for a moment, the view and a whole view on every side (drawn while nobody
    // moves, so a pan and its fling, started from rest, do not draw at all). A pan that reaches the texture's edge draws
    // the view and half a view ahead of it. (The layer draws again by itself when a colour or a highlighted
    // place changes.) While fingers pinch, each step of the zoom draws just the view, as before.
    property var drawn: ({ scale: 0, x: 0, y: 0, width: 0, height: 0 })  // what the texture holds
    readonly property real drawScale: drawn.scale
    readonly property real regionX: drawn.x
    readonly property real regionY: drawn.y
    readonly property real regionWidth: drawn.width
    readonly property real regionHeight: drawn.height

    // The part of the map (in pixels at the current scale) around the view, with margins in views.
    function regionAround(left: real, top: real, right: real, bottom: real): var {
        const w = Math.ceil(unitsWide * scaleNow), h = Math.ceil(unitsHigh * scaleNow)
        const x0 = Math.max(0, Math.floor(flick.contentX - left * width))
        const y0 = Math.max(0, Math.floor(flick.contentY - top * height))
        const x1 = Math.min(w, Math.ceil(flick.contentX + (1 + right) * width))
        const y1 = Math.min(h, Math.ceil(flick.contentY + (1 + bottom) * height))
        return { scale: scaleNow, x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) }
    }
    function draw(left: real, top: real, right: real, bottom: real): void {
        if (scaleNow <= 0)
            return
        const r = regionAround(left, top, right, bottom)
        if (r.scale !== drawn.scale || r.x !== drawn.x || r.y !== drawn.y || r.width !== drawn.width || r.height !== drawn.height)
            drawn = r
    }
    // Whether the view, with `margin` views beyond each side, lies within what the texture holds (the
    // map's own edges count as held).
    function covers(margin: real): bool {
        if (drawn.scale <= 0)
            return false
        const k = scaleNow / drawn.scale
        const left = Math.max(0, flick.contentX / k - margin * width)
        const top = Math.max(0, flick.contentY / k - margin * height)
        const right = Math.min(unitsWide * drawn.scale, (flick.contentX + width) / k + margin * width)
        const bottom = Math.min(unitsHigh * drawn.scale, (flick.contentY + height) / k + margin * height)
        return left >= drawn.x - 0.5 && top >= drawn.y - 0.5
            && right <= drawn.x + drawn.width + 0.5 && bottom <= drawn.y + drawn.height + 0.5
    }
    // The view changed: draw just the view now, and more once things rest.
    function settle(): void {
        draw(0, 0, 0, 0)
        grow.restart()
    }
    // The view moved: if it passed the texture's edge, draw the view and half a view ahead of it.
    function follow(): void {
        if (covers(0))
            return
        const k = scaleNow / Math.max(0.0001, drawn.scale)
        const ahead = 0.5, aside = 0.1
        const toLeft = flick.contentX / k < drawn.x - 0.5, toRight = (flick.contentX + width) / k > drawn.x + drawn.width + 0.5
        const up = flick.contentY / k < drawn.y - 0.5, down = (flick.contentY + height) / k > drawn.y + drawn.height + 0.5
        draw(toLeft ? ahead : aside, up ? ahead : aside, toRight ? ahead : aside, down ? ahead : aside)
        grow.restart()
    }

    Timer {
        id: grow
        interval: 50  // after the frame that shows the view
        onTriggered: {
            if (flick.moving || pinch.active || touch.pressed)
                restart()
            else if (!view.covers(1))
                view.draw(1, 1, 1, 1)
        }
    }
    Connections {
        target: view.map
        // The layer draws its texture again for new highlights: only the view, then the rest at rest.
        function onHighlightChanged(): void { view.settle() }
    }

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

    // A Timer rather than Qt.callLater: it dies with the screen, a pending call would not.
    onScaleNowChanged: settleLater.restart()
    onWidthChanged: settleLater.restart()
    onHeightChanged: settleLater.restart()
    Component.onCompleted: settle()
    Timer {
        id: settleLater
        interval: 0
        onTriggered: view.settle()
    }

    // The shapes reach the glass only through the picture's texture: the software renderer does not clip
    // scaled shapes reliably (zoomed-in countries drew over the title and the panel), but it clips an image.
    clip: true

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
        onContentXChanged: view.follow()
        onContentYChanged: view.follow()
        onMovementEnded: grow.restart()

        Item {
            width: flick.contentWidth
            height: flick.contentHeight
            // The map itself: a double tap zooms in.
            Accessible.role: Accessible.Pane
            Accessible.name: view.exhibit.sectionTitles.map ?? ""

            Tap {
                id: touch
                onDoubleTapped: eventPoint => view.zoomAround(view.zoom * 2, eventPoint.position.x - flick.contentX,
                                                              eventPoint.position.y - flick.contentY)
            }
            Item {
                id: picture
                objectName: "mapPicture"
                readonly property real stretch: view.drawScale > 0 ? view.scaleNow / view.drawScale : 1  // 1 once settled
                x: view.regionX * stretch
                y: view.regionY * stretch
                width: view.regionWidth
                height: view.regionHeight
                scale: stretch
                transformOrigin: Item.TopLeft
                layer.enabled: true

                MapShapes {
                    x: -view.regionX
                    y: -view.regionY
                    width: view.unitsWide
                    height: view.unitsHigh
                    scale: view.drawScale
                    transformOrigin: Item.TopLeft
                    map: view.map
                    shapes: view.map.worldShapes
                    land: view.map.worldLand
                    members: view.map.worldMembers
                    pixelsPerUnit: view.drawScale
                }
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
