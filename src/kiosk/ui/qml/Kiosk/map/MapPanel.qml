pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// Beside the map: the legend with running counts (computed from the data), the organisations (a tap
// lights their member states), and the year slider.
Flickable {
    id: panel

    required property ExhibitViewModel exhibit
    readonly property RecognitionMapViewModel map: exhibit.recognitionMap

    contentHeight: column.height
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    // The software renderer let a button's glyph through the clip where the column is cut (the play
    // button's triangle showed over the title); drawn as one texture, the column is cut exactly.
    layer.enabled: true

    Column {
        id: column
        width: panel.width
        spacing: Theme.gap

        Repeater {
            model: panel.map.legend
            delegate: Row {
                id: entry
                required property var modelData
                objectName: "legend_" + modelData.group
                spacing: Theme.gap / 2
                Accessible.role: Accessible.StaticText
                Accessible.name: entry.modelData.count + " " + entry.modelData.label
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.fontBody
                    height: width
                    radius: Theme.scale * 4
                    color: Theme.groupColours[entry.modelData.index % Theme.groupColours.length]
                }
                Label {
                    objectName: "count_" + entry.modelData.group
                    anchors.verticalCenter: parent.verticalCenter
                    text: entry.modelData.count
                    color: Theme.text
                    font.family: Theme.fontSerif
                    font.pixelSize: Theme.fontTitle * 0.7
                }
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    width: column.width - Theme.fontBody - Theme.fontTitle * 1.6 - Theme.gap
                    text: entry.modelData.label
                    color: Theme.textMuted
                    font.family: Theme.fontSans
                    font.pixelSize: Theme.fontBody * 0.9
                    wrapMode: Text.WordWrap
                }
            }
        }

        Repeater {
            model: panel.map.organisations
            delegate: Rectangle {
                id: organisation
                required property var modelData
                objectName: "organisation_" + modelData.id
                width: column.width
                height: Math.max(Theme.touchTarget, orgText.implicitHeight + Theme.gap)
                radius: Theme.gap / 3
                color: panel.map.organisation === modelData.id ? Theme.surfaceRaised : "transparent"
                border.color: modelData.recognised ? Theme.groupColours[2 % Theme.groupColours.length] : Theme.divider
                border.width: Math.max(1, Theme.scale * 2)
                Accessible.role: Accessible.Button
                Accessible.name: modelData.name
                Accessible.onPressAction: organisation.activate()
                activeFocusOnTab: true

                function activate(): void { panel.map.openOrganisation(organisation.modelData.id) }
                FocusRing { target: organisation }
                Column {
                    id: orgText
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.gap / 2
                    width: parent.width - Theme.gap
                    Label {
                        width: parent.width
                        text: organisation.modelData.name
                        color: Theme.text
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontBody * 0.9
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        width: parent.width
                        visible: organisation.modelData.memberCount > 0
                        text: panel.exhibit.strings.member_states.replace("{count}", organisation.modelData.memberCount)
                        color: Theme.textMuted
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
                Tap {
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: organisation.activate()
                }
            }
        }

        YearSlider {
            width: column.width
            exhibit: panel.exhibit
        }

        // Made with the rest of the screen, which is made ahead in the background (ScreenSlot.qml): an
        // asynchronous Loader of its own here would be cut off half made when the screen is let go.
        Loader {
            id: inset
            readonly property real unitsWide: panel.map.usViewBox[2]
            readonly property real unitsHigh: panel.map.usViewBox[3]
            // As wide as the column, or narrower so that the whole inset shows below the slider
            // without scrolling (but never so small that a state is hard to touch).
            width: Math.min(column.width, Math.max(column.width * 0.55,
                                                   (panel.height - y - Theme.gap) * unitsWide / Math.max(1, unitsHigh)))
            height: unitsWide > 0 ? unitsHigh * (width - Theme.gap) / unitsWide + Theme.gap : 0
            x: (column.width - width) / 2
            sourceComponent: UsInset {
                map: panel.map
            }
        }
    }
}
