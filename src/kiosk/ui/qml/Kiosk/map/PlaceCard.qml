pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// A place (or an organisation) and its decisions as of the slider's year: who adopted what and when,
// the type of document, the words it used, a short description and its sources.
Rectangle {
    id: card

    required property ExhibitViewModel exhibit
    readonly property RecognitionMapViewModel map: exhibit.recognitionMap
    readonly property var place: map.card

    color: Theme.surface
    radius: Theme.gap / 2
    Accessible.role: Accessible.Pane
    Accessible.name: card.place.name ?? ""

    Tap { gesturePolicy: TapHandler.WithinBounds }  // taps on the card stay on the card

    ScreenTitle {
        id: name
        objectName: "placeName"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: closeButton.left
        anchors.margins: Theme.gap * 1.5
        text: card.place.name ?? ""
        font.pixelSize: Theme.fontTitle * 0.6
    }
    TouchButton {
        id: closeButton
        objectName: "closePlaceCard"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.gap
        text: card.exhibit.strings.close
        onActivated: card.map.closeCard()
    }

    Flickable {
        anchors.top: name.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.gap * 1.5
        anchors.rightMargin: Theme.gap * 1.5
        contentHeight: decisions.height + Theme.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: decisions
            width: parent.width
            spacing: Theme.gap * 1.5

            Repeater {
                model: card.place.decisions ?? []
                delegate: Column {
                    id: decision
                    required property var modelData
                    width: decisions.width
                    spacing: Theme.gap / 4

                    Label {
                        width: parent.width
                        text: decision.modelData.dateText
                        color: Theme.accent
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontLabel
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        width: parent.width
                        text: decision.modelData.body
                        color: Theme.text
                        font.family: Theme.fontSerif
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        width: parent.width
                        text: [decision.modelData.document, decision.modelData.wording].filter(part => part.length > 0).join(" · ")
                        color: Theme.textMuted
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        width: parent.width
                        visible: text.length > 0
                        text: decision.modelData.quote
                        color: Theme.text
                        font.family: Theme.fontSerif
                        font.italic: true
                        font.pixelSize: Theme.fontBody * 0.9
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        width: parent.width
                        text: decision.modelData.description
                        color: Theme.text
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontBody * 0.9
                        lineHeight: 1.3
                        wrapMode: Text.WordWrap
                    }
                    Repeater {
                        model: decision.modelData.sources
                        delegate: SourceEntry {
                            required property var modelData
                            width: decision.width
                            title: modelData.title
                            publisher: modelData.publisher
                            dateText: ""
                            url: modelData.url
                        }
                    }
                }
            }
        }
    }
}
