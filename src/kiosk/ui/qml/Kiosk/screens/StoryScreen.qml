pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The panels side by side: swipe, or tap the arrows or a dot. The session decides which panel is
// current; the list view follows it and reports swipes back.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit
    readonly property Flickable scrollTarget: pages.currentItem  // the keypad's Up and Down read on
    readonly property VisitorSession session: exhibit.session

    color: Theme.background

    TopBar {
        id: bar
        // In accessibility mode every control moves to the bottom, within reach from a wheelchair.
        y: Theme.accessible ? parent.height - height : 0
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
    }

    ListView {
        id: pages
        objectName: "panelPages"
        anchors.top: Theme.accessible ? parent.top : bar.bottom
        anchors.bottom: controls.top
        anchors.left: parent.left
        anchors.right: parent.right
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        // Made ahead and not on show yet: a panel chosen meanwhile is simply there when it appears.
        highlightMoveDuration: screen.visible ? Theme.durationMedium : 0
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: width  // the neighbours are ready before a swipe reveals them
        clip: true
        model: screen.exhibit.panels
        delegate: PanelPage {
            width: pages.width
            height: pages.height
            exhibit: screen.exhibit
            hasEvents: screen.exhibit.panelsWithEvents[index] ?? false
        }

        // The session is the source of truth: a swipe reports where it came to rest, and arrows,
        // dots and links move the view. (A binding on currentIndex would break on the first swipe.)
        Component.onCompleted: {
            currentIndex = screen.session.panelIndex
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        onMovementEnded: screen.session.showPanel(currentIndex)

        Connections {
            target: screen.session
            function onPanelIndexChanged() { pages.currentIndex = screen.session.panelIndex }
        }
    }

    // Arrows and the sources button on one line; the dots share it in landscape and get their own
    // line above it in portrait, where they would crowd the buttons.
    Item {
        id: controls
        anchors.bottom: Theme.accessible ? bar.top : parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        height: (Theme.portrait ? 2 * Theme.touchTarget : Theme.touchTarget) + Theme.gap * 2

        TouchButton {
            id: previousButton
            objectName: "previousButton"
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.gap
            text: "‹"
            glyph: true
            Accessible.name: screen.exhibit.strings.previous
            enabled: screen.session.panelIndex > 0
            onActivated: screen.session.previousPanel()
        }

        Row {
            id: dots
            readonly property real room: Theme.portrait ? controls.width - 2 * Theme.margin
                                                        : sourcesButton.x - previousButton.x - previousButton.width - 2 * Theme.gap
            // Centred on the screen, unless that would crowd the buttons on either side.
            x: Theme.portrait ? (controls.width - width) / 2
                              : Math.min(Math.max((controls.width - width) / 2, previousButton.x + previousButton.width + Theme.gap),
                                         sourcesButton.x - Theme.gap - width)
            y: Theme.gap / 2
            anchors.verticalCenter: Theme.portrait ? undefined : previousButton.verticalCenter
            Repeater {
                model: screen.session.panelCount
                delegate: Item {
                    id: dot
                    required property int index
                    objectName: "dot_" + index
                    width: Math.min(Theme.touchTarget, dots.room / Math.max(1, screen.session.panelCount))
                    height: Theme.touchTarget
                    Accessible.role: Accessible.Button
                    Accessible.name: screen.exhibit.strings.panel_position.replace("{current}", index + 1).replace("{total}", screen.session.panelCount)
                    Rectangle {
                        anchors.centerIn: parent
                        width: dot.index === screen.session.panelIndex ? Theme.gap * 0.9 : Theme.gap * 0.55
                        height: width
                        radius: width / 2
                        color: dot.index === screen.session.panelIndex ? Theme.accent : Theme.textMuted
                        Behavior on width { NumberAnimation { duration: Theme.durationShort } }
                    }
                    Tap { onTapped: screen.session.showPanel(dot.index) }
                }
            }
        }

        TouchButton {
            id: sourcesButton
            objectName: "sourcesButton"
            anchors.right: nextButton.left
            anchors.rightMargin: Theme.gap
            anchors.verticalCenter: nextButton.verticalCenter
            text: screen.exhibit.strings.sources
            flat: true
            onActivated: screen.session.setSourcesOpen(true)
        }

        TouchButton {
            id: nextButton
            objectName: "nextButton"
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.gap
            text: "›"
            glyph: true
            Accessible.name: screen.exhibit.strings.next
            enabled: screen.session.panelIndex + 1 < screen.session.panelCount
            onActivated: screen.session.nextPanel()
        }
    }

    ContentNotice {
        anchors.top: Theme.accessible ? parent.top : bar.bottom
        anchors.bottom: Theme.accessible ? bar.top : parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
    }

    SourcesDrawer {
        anchors.fill: parent
        exhibit: screen.exhibit
    }
}
