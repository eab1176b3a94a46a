pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// One exhibit panel: kicker, title, key figures, the museum's text, images. Long text scrolls with a
// kinetic flick; the column never exceeds a comfortable reading width.
Flickable {
    id: page

    required property int index
    required property string title
    required property string subtitle
    required property var paragraphs
    required property var figures
    required property var images
    required property ExhibitViewModel exhibit
    property bool hasEvents: false

    contentHeight: Math.max(lead.y + lead.height, column.y + column.height) + Theme.gap / 4
    boundsBehavior: Flickable.DragOverBounds
    flickableDirection: Flickable.VerticalFlick
    clip: true

    Accessible.role: Accessible.Document
    Accessible.name: page.title

    // More text below: a soft fade at the bottom edge and a thin position bar tell the visitor to scroll.
    Rectangle {
        parent: page
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Theme.margin * 1.5
        visible: page.contentY + page.height < page.contentHeight - 1
        gradient: Gradient {
            GradientStop { position: 0.0; color: "transparent" }
            GradientStop { position: 1.0; color: Theme.background }
        }
    }
    Rectangle {
        parent: page
        visible: page.contentHeight > page.height + 1
        x: page.width - width - Theme.gap
        y: page.visibleArea.yPosition * page.height
        width: Math.max(2, Theme.scale * 4)
        height: page.visibleArea.heightRatio * page.height
        radius: width / 2
        color: Theme.divider
    }

    // Landscape: a spread, the title and key figures on the left and the text on the right, so that a
    // panel reads on one screen; portrait and narrow windows: one column, title first.
    readonly property bool spread: !Theme.portrait && !Theme.accessible && page.width - 2 * Theme.margin >= Theme.readingWidth * 1.3
    readonly property real usable: Math.min(page.width - 2 * Theme.margin, spread ? Theme.readingWidth * 1.5 : Theme.readingWidth)
    readonly property real readingWidth: spread ? Math.min(Theme.readingWidth, usable * 0.66) : usable

    Column {
        id: lead
        y: Theme.gap / 2
        x: (page.width - page.usable) / 2
        width: page.spread ? page.usable - page.readingWidth - Theme.gap * 3 : page.usable
        spacing: Theme.gap * 1.2

        Label {
            width: parent.width
            text: page.subtitle
            visible: text.length > 0
            color: Theme.accent
            font.family: Theme.fontSans
            font.pixelSize: Theme.fontLabel
            font.letterSpacing: Theme.scale * 1.5
            wrapMode: Text.WordWrap
        }
        ScreenTitle {
            objectName: "panelTitle"
            width: parent.width
            text: page.title
            // The spread's column is narrower: long single words (Широкомасштабная) must still fit.
            font.pixelSize: page.spread ? Theme.fontTitle * 0.8 : Theme.fontTitle
        }

        Flow {
            width: parent.width
            spacing: page.spread ? Theme.gap * 1.5 : Theme.gap * 2
            visible: page.figures.length > 0

            Repeater {
                model: page.figures
                delegate: Column {
                    id: figure
                    required property var modelData
                    width: Math.min(implicitWidth, lead.width)
                    spacing: 0
                    Accessible.role: Accessible.StaticText
                    Accessible.name: figure.modelData.value + " " + figure.modelData.label
                    Label {
                        text: figure.modelData.value
                        color: Theme.accent
                        font.family: Theme.fontSerif
                        font.pixelSize: Theme.fontFigure * (page.spread ? 0.7 : 0.8)
                    }
                    Label {
                        // Two figures side by side in a spread's narrow column, three in one column.
                        width: Math.min(implicitWidth, page.spread ? (lead.width - Theme.gap * 1.5) / 2 : Theme.readingWidth / 3)
                        text: figure.modelData.label
                        color: Theme.textMuted
                        font.family: Theme.fontSans
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    
        Loader {
            active: page.hasEvents && page.spread
            sourceComponent: timelineLink
        }
    }

    // The way to this panel's events: under the figures in a spread (the text column keeps every line
    // for the text), after the text otherwise.
    Component {
        id: timelineLink
        TouchButton {
            objectName: "panelTimelineLink_" + page.index
            text: page.exhibit.strings.related_events + "  ›"
            flat: true
            onActivated: page.exhibit.openTimelineForPanel(page.index)
        }
    }

    Column {
        id: column
        x: page.spread ? lead.x + lead.width + Theme.gap * 3 : lead.x
        y: page.spread ? lead.y : lead.y + lead.height + spacing
        width: page.readingWidth
        spacing: Theme.gap * 1.2

        Repeater {
            model: page.paragraphs
            delegate: Text {
                required property string modelData
                width: column.width
                text: modelData
                color: Theme.text
                font.family: Theme.fontSans
                font.pixelSize: Theme.fontBody
                lineHeight: 1.35
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Paragraph
                Accessible.name: modelData
            }
        }

        Loader {
            active: page.hasEvents && !page.spread
            sourceComponent: timelineLink
        }

        Repeater {
            model: page.images
            delegate: Column {
                id: picture
                required property var modelData
                width: column.width
                spacing: Theme.gap / 3

                Image {
                    // Read by `kiosk self-test` (the status enum does not cross into Python).
                    readonly property bool failed: status === Image.Error
                    width: parent.width
                    height: width / Math.max(0.3, picture.modelData.aspect)
                    source: picture.modelData.source
                    asynchronous: true  // decoding never blocks a swipe
                    fillMode: Image.PreserveAspectFit
                    sourceSize.width: width
                    Accessible.role: Accessible.Graphic
                    Accessible.name: picture.modelData.alt
                }
                Label {
                    width: parent.width
                    text: picture.modelData.caption
                    color: Theme.text
                    font.family: Theme.fontSans
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Label {
                    width: parent.width
                    text: picture.modelData.credit
                    color: Theme.textMuted
                    font.family: Theme.fontSans
                    font.pixelSize: Theme.fontSmall * 0.9
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
