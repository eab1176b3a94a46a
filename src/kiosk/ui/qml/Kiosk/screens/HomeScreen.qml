pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// The exhibit's sections as large tiles. Two columns in landscape; one in portrait.
Rectangle {
    id: screen

    required property ExhibitViewModel exhibit

    color: Theme.background

    TopBar {
        id: bar
        // In accessibility mode every control moves to the bottom, within reach from a wheelchair.
        y: Theme.accessible ? parent.height - height : 0
        anchors.left: parent.left
        anchors.right: parent.right
        exhibit: screen.exhibit
        showHome: false
    }

    readonly property Flickable scrollTarget: scroller  // the keypad's Up and Down

    Flickable {
        id: scroller
        anchors.top: Theme.accessible ? parent.top : bar.bottom
        anchors.bottom: Theme.accessible ? bar.top : parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        contentHeight: content.height + Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        Column {
            id: content
            x: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.gap * 2

            ScreenTitle {
                width: parent.width
                text: screen.exhibit.title
                font.pixelSize: Theme.fontDisplay * 0.85
            }
            Label {
                width: parent.width
                text: screen.exhibit.subtitle
                visible: text.length > 0
                color: Theme.textMuted
                font.family: Theme.fontSerif
                font.pixelSize: Theme.fontBody * 1.15
                wrapMode: Text.WordWrap
            }

            Grid {
                id: tiles
                width: parent.width
                columns: Theme.portrait ? 1 : 2
                spacing: Theme.gap

                Repeater {
                    model: screen.exhibit.sections
                    delegate: Rectangle {
                        id: tile
                        required property var modelData
                        objectName: "tile_" + modelData.kind
                        width: (tiles.width - (tiles.columns - 1) * tiles.spacing) / tiles.columns
                        height: Math.max(Theme.touchTarget * 2.2, tileText.implicitHeight + 2 * Theme.gap)
                        radius: Theme.gap / 2
                        color: tap.pressed ? Theme.surfaceRaised : Theme.surface
                        border.color: Theme.divider
                        border.width: Math.max(1, Theme.scale * 2)

                        Accessible.role: Accessible.Button
                        Accessible.name: modelData.title
                        Accessible.description: modelData.text
                        Accessible.onPressAction: tile.activate()
                        activeFocusOnTab: true

                        function activate(): void { screen.exhibit.session.openSection(tile.modelData.kind) }
                        FocusRing { target: tile }

                        Column {
                            id: tileText
                            anchors.verticalCenter: parent.verticalCenter
                            x: Theme.gap * 1.5
                            width: parent.width - 3 * Theme.gap
                            spacing: Theme.gap / 3
                            Label {
                                width: parent.width
                                text: tile.modelData.title
                                color: Theme.text
                                font.family: Theme.fontSerif
                                font.pixelSize: Theme.fontTitle * 0.7
                                wrapMode: Text.WordWrap
                            }
                            Label {
                                width: parent.width
                                text: tile.modelData.text
                                visible: text.length > 0
                                color: Theme.textMuted
                                font.family: Theme.fontSans
                                font.pixelSize: Theme.fontBody * 0.9
                                wrapMode: Text.WordWrap
                            }
                        }
                        Tap {
                            id: tap
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: tile.activate()
                        }
                    }
                }
            }

            Label {
                width: parent.width
                text: screen.exhibit.credits.map(c => c.role + ": " + c.name).join("   ·   ")
                visible: text.length > 0
                color: Theme.textMuted
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }
    }
}
