pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import KioskCore
import Kiosk

// Recognition as of a year: drag or tap along the years, or play them in order. The last stop, "Today",
// also includes decisions whose date the research could not find.
Item {
    id: slider

    required property ExhibitViewModel exhibit
    readonly property RecognitionMapViewModel map: exhibit.recognitionMap
    readonly property var stops: map.years.concat([0])
    readonly property int current: Math.max(0, stops.indexOf(map.year))
    readonly property real stepWidth: stops.length > 1 ? track.width / (stops.length - 1) : 0

    function stopAt(x: real): int { return Math.max(0, Math.min(stops.length - 1, Math.round(x / stepWidth))) }

    implicitHeight: Theme.touchTarget + label.implicitHeight + Theme.gap

    Label {
        id: label
        objectName: "yearLabel"
        anchors.top: parent.top
        anchors.left: track.left
        text: slider.map.year > 0 ? slider.map.year : slider.exhibit.strings.as_of_today
        color: Theme.accent
        font.family: Theme.fontSerif
        font.pixelSize: Theme.fontTitle * 0.6
    }

    // Drawn, not a character: the bundled font has no play or pause symbols.
    Rectangle {
        id: play
        objectName: "playYears"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        width: Theme.touchTarget
        height: Theme.touchTarget
        radius: width / 2
        color: Theme.surfaceRaised
        Accessible.role: Accessible.Button
        Accessible.name: player.running ? slider.exhibit.strings.pause : slider.exhibit.strings.play
        Accessible.onPressAction: play.toggle()

        Shape {
            anchors.centerIn: parent
            width: parent.width * 0.34
            height: width
            visible: !player.running
            ShapePath {
                fillColor: Theme.text
                strokeColor: "transparent"
                startX: 0; startY: 0
                PathLine { x: 0; y: play.width * 0.34 }
                PathLine { x: play.width * 0.34 * 0.87; y: play.width * 0.17 }
                PathLine { x: 0; y: 0 }
            }
        }
        Row {
            anchors.centerIn: parent
            visible: player.running
            spacing: play.width * 0.1
            Repeater {
                model: 2
                delegate: Rectangle { width: play.width * 0.1; height: play.width * 0.34; color: Theme.text }
            }
        }
        Tap {
            gesturePolicy: TapHandler.ReleaseWithinBounds
            onTapped: play.toggle()
        }
        function toggle(): void {
            if (player.running) {
                player.stop()
            } else {
                if (slider.current === slider.stops.length - 1)
                    slider.map.setYear(slider.stops[0])
                player.start()
            }
        }
    }
    Timer {
        id: player
        interval: 1400
        repeat: true
        onTriggered: {
            const next = slider.current + 1
            slider.map.setYear(slider.stops[Math.min(next, slider.stops.length - 1)])
            if (next >= slider.stops.length - 1)
                stop()
        }
    }

    Item {
        id: track
        objectName: "yearTrack"
        anchors.left: play.right
        anchors.leftMargin: Theme.gap + Theme.touchTarget / 4
        anchors.right: parent.right
        anchors.rightMargin: Theme.touchTarget / 4
        anchors.verticalCenter: play.verticalCenter
        height: Theme.touchTarget

        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: Math.max(3, Theme.scale * 4)
            radius: height / 2
            color: Theme.divider
        }
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: slider.current * slider.stepWidth
            height: Math.max(3, Theme.scale * 4)
            radius: height / 2
            color: Theme.accent
        }
        Repeater {
            model: slider.stops.length
            delegate: Rectangle {
                required property int index
                x: index * slider.stepWidth - width / 2
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(4, Theme.scale * 6)
                height: width
                radius: width / 2
                color: index <= slider.current ? Theme.accent : Theme.textMuted
            }
        }
        Rectangle {
            id: handle
            x: slider.current * slider.stepWidth - width / 2
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.touchTarget * 0.5
            height: width
            radius: width / 2
            color: Theme.accent
            border.color: Theme.background
            border.width: Math.max(2, Theme.scale * 3)
        }
        Tap {
            onTapped: eventPoint => { player.stop(); slider.map.setYear(slider.stops[slider.stopAt(eventPoint.position.x)]) }
        }
        DragHandler {
            target: null
            xAxis.enabled: true
            yAxis.enabled: false
            onCentroidChanged: if (active) { player.stop(); slider.map.setYear(slider.stops[slider.stopAt(centroid.position.x)]) }
        }
        Accessible.role: Accessible.Slider
        Accessible.name: label.text
    }
}
