pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The selected event: its date at the precision the data has, title, text, sources and the way into its
// panel. When several events share a day no zoom can separate, it lists them to choose from.
Rectangle {
    id: card

    required property ExhibitViewModel exhibit
    readonly property TimelineViewModel timeline: exhibit.timeline
    readonly property var event: timeline.card

    color: Theme.surface
    radius: Theme.gap / 2
    Accessible.role: Accessible.Pane
    Accessible.name: card.event.title ?? ""

    Tap { gesturePolicy: TapHandler.WithinBounds }  // taps on the card stay on the card

    TouchButton {
        id: closeButton
        objectName: "closeEventCard"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.gap
        text: card.exhibit.strings.close
        onActivated: card.timeline.closeCard()
    }

    Flickable {
        anchors.top: closeButton.bottom
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.gap * 1.5
        anchors.topMargin: 0
        contentHeight: body.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: body
            width: parent.width
            spacing: Theme.gap * 0.6

            Repeater {
                model: card.timeline.cardEvents
                delegate: Rectangle {
                    id: choice
                    required property var modelData
                    width: body.width
                    height: Math.max(Theme.touchTarget, choiceText.implicitHeight + Theme.gap)
                    radius: Theme.gap / 3
                    color: choiceTap.pressed ? Theme.surfaceRaised : "transparent"
                    border.color: Theme.divider
                    border.width: Math.max(1, Theme.scale * 2)
                    Accessible.role: Accessible.Button
                    Accessible.name: choice.modelData.title
                    Accessible.onPressAction: choice.activate()
                    activeFocusOnTab: true

                    function activate(): void { card.timeline.selectEvent(choice.modelData.eventIndex) }
                    FocusRing { target: choice }
                    Column {
                        id: choiceText
                        anchors.verticalCenter: parent.verticalCenter
                        x: Theme.gap / 2
                        width: parent.width - Theme.gap
                        Label {
                            width: parent.width
                            text: choice.modelData.dateText
                            color: Theme.accent
                            font.family: Theme.fontSans
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            width: parent.width
                            text: choice.modelData.title
                            color: Theme.text
                            font.family: Theme.fontSans
                            font.pixelSize: Theme.fontBody * 0.9
                            wrapMode: Text.WordWrap
                        }
                    }
                    Tap {
                        id: choiceTap
                        gesturePolicy: TapHandler.ReleaseWithinBounds
                        onTapped: choice.activate()
                    }
                }
            }

            Label {
                objectName: "eventCardDate"
                width: parent.width
                visible: card.timeline.selectedIndex >= 0
                text: card.event.dateText ?? ""
                color: Theme.accent
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontLabel
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                visible: card.timeline.selectedIndex >= 0
                text: card.event.title ?? ""
                color: Theme.text
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontTitle * 0.55
                wrapMode: Text.WordWrap
            }
            Label {
                width: parent.width
                visible: card.timeline.selectedIndex >= 0
                text: card.event.text ?? ""
                color: Theme.text
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody * 0.9
                lineHeight: 1.3
                wrapMode: Text.WordWrap
            }
            TouchButton {
                objectName: "eventPanelLink"
                visible: card.timeline.selectedIndex >= 0 && (card.event.panelIndex ?? -1) >= 0
                text: card.exhibit.strings.related_panel + "  ›"
                highlighted: true
                onActivated: card.exhibit.openPanelFromTimeline(card.event.panelIndex)
            }
            Label {
                width: parent.width
                visible: card.timeline.selectedIndex >= 0
                topPadding: Theme.gap / 2
                text: card.exhibit.strings.sources
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }
            Repeater {
                model: card.timeline.selectedIndex >= 0 ? card.event.sources : []
                delegate: SourceEntry {
                    required property var modelData
                    width: body.width
                    title: modelData.title
                    publisher: modelData.publisher
                    dateText: ""
                    url: modelData.url
                }
            }
        }
    }
}
