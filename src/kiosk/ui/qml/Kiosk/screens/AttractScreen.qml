pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// While nobody is using the kiosk: the exhibit's title, one key figure or panel title at a time fading
// slowly in and out, and "touch to begin" in every language. Any touch starts a visit.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    property int current: 0

    color: Theme.background

    Accessible.role: Accessible.Pane
    Accessible.name: screen.exhibit.attractTitle

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth * 1.2)
        spacing: Theme.gap * 2

        Label {
            width: parent.width
            text: screen.exhibit.attractTitle
            color: Theme.text
            font.family: Theme.fontSerif
            font.pixelSize: Theme.fontDisplay
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Label {
            width: parent.width
            text: screen.exhibit.attractText
            visible: text.length > 0
            color: Theme.textMuted
            font.family: Theme.fontSerif
            font.pixelSize: Theme.fontBody
            font.italic: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Item {
            id: cycle
            width: parent.width
            height: Theme.fontFigure * 1.2 + Theme.fontLabel * 3.5
            opacity: Theme.durationAttract > 0 ? 0 : 1  // with motion off, simply there

            // A view, not a Repeater: only the current item (and its neighbour) exist, however many
            // panels a pack has; each is bound to its model row, so a language change reaches it too.
            ListView {
                id: items
                anchors.fill: parent
                interactive: false
                clip: true
                model: screen.exhibit.attractItems
                currentIndex: screen.current
                highlightRangeMode: ListView.StrictlyEnforceRange
                highlightMoveDuration: 0
                delegate: Item {
                    id: item
                    required property int index
                    required property string value
                    required property string label
                    width: items.width
                    height: items.height
                    Column {
                        anchors.centerIn: parent
                        width: parent.width
                        spacing: Theme.gap / 2
                        Label {
                            width: parent.width
                            text: item.value
                            visible: text.length > 0
                            color: Theme.accent
                            font.family: Theme.fontSerif
                            font.pixelSize: Theme.fontFigure
                            horizontalAlignment: Text.AlignHCenter
                        }
                        Label {
                            width: parent.width
                            text: item.label
                            color: Theme.text
                            font.family: Theme.fontSans
                            font.pixelSize: Theme.fontLabel
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }

            // A timer, not a looping animation with pauses: between fades nothing is animating, so
            // an unattended kiosk draws no frames at all.
            Timer {
                interval: screen.exhibit.attractSeconds * 1000  // the station config's `attract: cycle:`
                running: screen.exhibit.attractItems.count > 1
                repeat: true
                onTriggered: crossfade.restart()
            }
            OpacityAnimator {
                target: cycle
                from: 0
                to: 1
                duration: Theme.durationAttract
                running: Theme.durationAttract > 0
            }
            SequentialAnimation {
                id: crossfade
                OpacityAnimator { target: cycle; from: 1; to: 0; duration: Theme.durationAttract }
                ScriptAction { script: screen.current = (screen.current + 1) % screen.exhibit.attractItems.count }
                OpacityAnimator { target: cycle; from: 0; to: 1; duration: Theme.durationAttract }
            }
        }
    }

    Column {
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.margin
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width - 2 * Theme.margin
        spacing: Theme.gap / 2

        Repeater {
            model: screen.exhibit.touchToBegin
            delegate: Label {
                required property string modelData
                width: parent.width
                text: modelData
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontLabel
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }

    // Any touch begins a visit: a tap, a long press or a swipe, when the finger lifts.
    PointHandler {
        objectName: "attractTouch"
        onActiveChanged: if (!active) screen.exhibit.session.start()
    }
}
