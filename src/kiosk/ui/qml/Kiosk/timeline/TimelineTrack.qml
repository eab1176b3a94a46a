pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The time-proportional track: era bands, ticks, event markers (or cluster badges) with their labels in
// lanes above the axis, and a cursor at the selected event. Flick to move; pinch or double-tap to zoom.
// Positions are days from the timeline's origin times `shown` pixels per day; the view model decides
// what is drawn at each zoom level, so nothing here runs Python per frame.
Item {
    id: track
    objectName: "timelineView"

    required property ExhibitViewModel exhibit
    readonly property TimelineViewModel timeline: exhibit.timeline
    property real coveredRight: 0  // the part of the track hidden behind the event card
    readonly property real markerSize: Theme.touchTarget
    // Wider with larger text, so that a long word still fits a line (lanes are recomputed for it).
    readonly property real labelWidth: Theme.touchTarget * (Theme.accessible ? 5.6 : 4.2)
    // Labels keep this far from the glass's edges and from each other (the lanes are laid out with it).
    readonly property real labelMargin: Theme.gap
    readonly property real axisY: height * 0.74
    // As many lanes of labels as fit above the axis with room for a date and three lines of title
    // (three at the usual text size, fewer with larger text or a short track).
    readonly property real labelRoom: Theme.fontSmall * 1.4 * 4.4 + Theme.gap
    readonly property int laneCount: Math.max(1, Math.min(3, Math.floor((axisY - eraLabelRoom - Theme.gap) / labelRoom)))
    readonly property real laneHeight: (axisY - eraLabelRoom - Theme.gap) / laneCount
    readonly property real eraLabelRoom: Theme.fontSmall * 2.2

    // Zoom: `displayed` animates between levels; a live pinch multiplies it until the fingers lift.
    property real displayed: timeline.pxPerDay
    property real pinchScale: 1.0
    readonly property real shown: displayed * pinchScale
    property real anchorDay: timeline.anchorDay
    property real anchorX: timeline.anchorX
    property bool zooming: zoomAnimation.running || pinch.active

    clip: true

    function dayAt(viewX: real): real { return (flick.contentX + viewX) / track.shown }
    function contentWidthAt(pxPerDay: real): real { return Math.max(flick.width, track.timeline.totalDays * pxPerDay) }
    function place(): void {
        // The content width binding may not have caught up with `shown` yet: clamp with the new width.
        const x = track.anchorDay * track.shown - track.anchorX
        flick.contentX = Math.max(0, Math.min(track.contentWidthAt(track.shown) - flick.width, x))
    }
    function reveal(day: real): void {
        const x = day * track.shown
        const open = flick.width - track.coveredRight
        if (x < flick.contentX + track.labelWidth / 2 || x > flick.contentX + open - track.labelWidth / 2) {
            revealAnimation.to = Math.max(0, Math.min(flick.contentWidth - flick.width, x - open / 2))
            revealAnimation.restart()
        }
    }

    onShownChanged: if (zooming) place()
    // While the screen is being built its size passes through several values; each new geometry
    // lays the clusters out afresh in Python, so only the last of a burst of changes is sent.
    // (A Timer rather than Qt.callLater: it dies with the screen, a pending call would not.)
    function applyViewport(): void { timeline.setViewport(width, markerSize, labelWidth, laneCount, labelMargin) }
    onWidthChanged: viewportLater.restart()
    onLabelWidthChanged: viewportLater.restart()
    onLaneCountChanged: viewportLater.restart()
    onLabelMarginChanged: viewportLater.restart()
    Timer {
        id: viewportLater
        interval: 0
        onTriggered: track.applyViewport()
    }
    Component.onCompleted: {
        applyViewport()
        displayed = timeline.pxPerDay
        anchorDay = timeline.centreDay
        anchorX = width / 2
        place()
    }

    NumberAnimation {
        id: zoomAnimation
        target: track
        property: "displayed"
        duration: Theme.durationMedium
        easing.type: Easing.InOutCubic
        onFinished: track.timeline.setCentre(track.dayAt(track.width / 2))
    }
    NumberAnimation {
        id: revealAnimation
        target: flick
        property: "contentX"
        duration: Theme.durationMedium
        easing.type: Easing.OutCubic
        onFinished: track.timeline.setCentre(track.dayAt(track.width / 2))
    }
    Timer {
        id: revealLater
        interval: 0
        onTriggered: track.reveal(track.timeline.selectedDay)
    }
    Connections {
        target: track.timeline
        function onZoomChanged() {
            track.anchorDay = track.timeline.anchorDay
            track.anchorX = track.timeline.anchorX
            zoomAnimation.stop()
            zoomAnimation.from = track.displayed
            zoomAnimation.to = track.timeline.pxPerDay
            zoomAnimation.start()
        }
        function onSelectionChanged() {
            // Later, so the card's size (and what it covers) is known first.
            if (track.timeline.selectedIndex >= 0)
                revealLater.restart()
        }
    }

    Flickable {
        id: flick
        objectName: "timelineTrack"
        anchors.fill: parent
        contentWidth: track.contentWidthAt(track.shown)
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        interactive: !pinch.active
        // A finger wins over an animation: finish the zoom at once rather than fight the drag.
        onMovementStarted: if (zoomAnimation.running) zoomAnimation.complete()
        onMovementEnded: track.timeline.setCentre(track.dayAt(track.width / 2))

        Item {
            width: flick.contentWidth
            height: flick.height
            // The track itself: a tap closes the card, a double tap zooms in.
            Accessible.role: Accessible.Pane
            Accessible.name: track.exhibit.sectionTitles.timeline ?? ""

            Tap {
                onSingleTapped: track.timeline.closeCard()
                onDoubleTapped: eventPoint => track.timeline.zoomIn(track.dayAt(eventPoint.position.x - flick.contentX),
                                                                    eventPoint.position.x - flick.contentX)
            }

            Repeater {
                model: track.timeline.eras
                delegate: Rectangle {
                    id: era
                    required property var modelData
                    x: modelData.startDay * track.shown
                    width: (modelData.endDay - modelData.startDay) * track.shown
                    height: track.axisY
                    color: modelData.shade ? Theme.surface : Theme.background
                    Label {
                        x: Math.max(Theme.gap / 2, flick.contentX - era.x + Theme.gap / 2)
                        y: Theme.gap / 2
                        width: Math.min(era.width - Theme.gap, implicitWidth)
                        // An era's name shows only where its band has room for all of it, and not half under
                        // the event card.
                        visible: implicitWidth <= era.width - Theme.gap && x + implicitWidth <= era.width
                                 && era.x + x + implicitWidth - flick.contentX <= flick.width - track.coveredRight
                        text: era.modelData.label
                        color: Theme.textMuted
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontSmall
                        font.letterSpacing: Theme.scale
                    }
                }
            }

            Rectangle {
                y: track.axisY
                width: parent.width
                height: Math.max(2, Theme.scale * 2)
                color: Theme.divider
            }

            Repeater {
                model: track.timeline.ticks
                delegate: Item {
                    id: tick
                    required property var modelData
                    x: modelData.day * track.shown
                    y: track.axisY
                    Rectangle {
                        width: Math.max(1, Theme.scale * 2)
                        height: tick.modelData.major ? Theme.gap : Theme.gap / 2
                        color: Theme.textMuted
                    }
                    Label {
                        // Centred under its tick, but never past either end of the track.
                        x: Math.max(-tick.x, Math.min(flick.contentWidth - tick.x - width, -width / 2))
                        y: Theme.gap * 1.2
                        text: tick.modelData.label
                        color: tick.modelData.major ? Theme.text : Theme.textMuted
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            Rectangle {
                objectName: "timelineCursor"
                visible: track.timeline.selectedIndex >= 0
                x: track.timeline.selectedDay * track.shown - width / 2
                width: Math.max(2, Theme.scale * 3)
                height: parent.height
                color: Theme.accent
                opacity: 0.8
            }

            // The markers and their labels have a layer of their own, over the era bands, the axis, the
            // ticks and the cursor: a marker's `z` then orders it among the markers only (on the content
            // itself, a higher lane's negative z put its marker and label under the era bands).
            Item {
                anchors.fill: parent

                Repeater {
                    model: track.timeline.clusters
                    delegate: Item {
                        id: marker
                        required property int index
                        required property real day
                        required property real startDay
                        required property real endDay
                        required property int count
                        required property int eventIndex
                        required property string dateText
                        required property string title
                        required property int lane
                        required property bool focused
                        readonly property bool selected: eventIndex === track.timeline.selectedIndex && count === 1

                        objectName: "cluster_" + index
                        z: -lane  // labels of lower lanes stay above the leader lines of higher ones
                        x: day * track.shown - width / 2
                        y: track.axisY - height / 2
                        width: track.markerSize
                        height: track.markerSize

                        Accessible.role: Accessible.Button
                        Accessible.name: count > 1 ? track.exhibit.strings.events_count.replace("{count}", count) + ", " + dateText
                                                   : dateText + ". " + title
                        Accessible.onPressAction: track.timeline.openCluster(marker.index)

                        // A span (a month, a year, a war) shows as a bar along the axis when zoomed in enough.
                        Rectangle {
                            x: marker.width / 2 + (marker.startDay - marker.day) * track.shown
                            y: marker.height / 2 - height / 2
                            width: (marker.endDay - marker.startDay) * track.shown
                            height: Math.max(4, Theme.scale * 6)
                            radius: height / 2
                            visible: width > marker.width
                            color: Theme.accent
                            opacity: 0.35
                        }
                        Rectangle {
                            anchors.centerIn: parent
                            width: marker.count > 1 ? track.markerSize * 0.62 : track.markerSize * (marker.selected ? 0.38 : 0.28)
                            height: width
                            radius: width / 2
                            color: marker.selected || marker.focused ? Theme.accent : Theme.text
                            border.color: Theme.background
                            border.width: Math.max(2, Theme.scale * 3)
                            Label {
                                anchors.centerIn: parent
                                visible: marker.count > 1
                                text: marker.count
                                color: Theme.accentText
                                font.family: Theme.fontSans
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.Bold
                            }
                        }
                        Tap {
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: track.timeline.openCluster(marker.index)
                        }

                        // Its label sits in a lane above the axis (lane 0 nearest); labels that would overlap
                        // are not drawn. In this item's coordinates the axis is at height / 2.
                        readonly property real labelBottom: -Theme.gap / 2 - lane * track.laneHeight
                        Rectangle {
                            visible: marker.lane >= 0
                            x: marker.width / 2 - width / 2
                            y: marker.labelBottom
                            width: Math.max(1, Theme.scale * 2)
                            height: marker.height * 0.35 - marker.labelBottom
                            color: Theme.divider
                        }
                        // A quiet backing, so that no line (the cursor, another event's leader) runs through
                        // a label's words.
                        Rectangle {
                            visible: label.visible
                            x: label.x - Theme.gap / 4
                            y: label.y - Theme.gap / 8
                            width: label.width + Theme.gap / 2
                            height: label.height + Theme.gap / 4
                            radius: Theme.gap / 4
                            color: Theme.background
                            opacity: 0.88
                        }
                        Column {
                            id: label
                            // Hidden while the event card covers part of it: half a title reads as a mistake.
                            // (Only with a card open does this follow the flick, so a plain flick costs nothing.)
                            visible: marker.lane >= 0
                                     && (track.coveredRight <= 0
                                         || marker.x + x + width - flick.contentX <= flick.width - track.coveredRight
                                         || marker.x + x - flick.contentX >= flick.width - track.coveredRight)
                            // Centred on the marker but kept inside the track and off the glass's very edge
                            // (the same rule as label_left()).
                            x: Math.max(-marker.x + track.labelMargin,
                                        Math.min(flick.contentWidth - marker.x - track.labelWidth - track.labelMargin,
                                                 marker.width / 2 - track.labelWidth / 2))
                            y: marker.labelBottom - height
                            width: track.labelWidth
                            spacing: Theme.gap / 6
                            Label {
                                width: parent.width
                                text: marker.dateText
                                color: Theme.accent
                                font.family: Theme.fontSans
                                font.pixelSize: Theme.fontSmall
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.WordWrap
                            }
                            Label {
                                width: parent.width
                                text: marker.count > 1 ? track.exhibit.strings.events_count.replace("{count}", marker.count) : marker.title
                                color: Theme.text
                                font.family: Theme.fontSerif
                                font.pixelSize: Theme.fontSmall * 1.1
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.WordWrap
                            }
                        }
                        // The label answers a tap too, over at least a fingertip's height.
                        Item {
                            visible: label.visible
                            x: label.x
                            width: label.width
                            height: Math.max(Theme.touchTarget, label.height)
                            y: label.y + label.height - height
                            Accessible.role: Accessible.Button
                            Accessible.name: marker.Accessible.name
                            Tap {
                                gesturePolicy: TapHandler.ReleaseWithinBounds
                                onTapped: track.timeline.openCluster(marker.index)
                            }
                        }
                    }
                }
            }
        }
    }

    PinchHandler {
        id: pinch
        target: null
        property real startDay: 0
        property real startX: 0
        onActiveChanged: {
            if (active) {
                zoomAnimation.stop()
                startX = centroid.position.x
                startDay = track.dayAt(startX)
                track.anchorDay = startDay
                track.anchorX = startX
            } else {
                const scale = track.pinchScale
                track.displayed = track.shown
                track.pinchScale = 1.0
                track.timeline.pinchFinished(scale, startDay, startX)
            }
        }
        onActiveScaleChanged: {
            if (!active)
                return
            const wanted = activeScale
            const lowest = track.timeline.minPxPerDay / track.displayed
            const highest = track.timeline.maxPxPerDay / track.displayed
            track.pinchScale = Math.max(lowest, Math.min(highest, wanted))
        }
    }
}
