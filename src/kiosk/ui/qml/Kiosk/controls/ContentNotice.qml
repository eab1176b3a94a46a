import QtQuick
import KioskCore
import Kiosk

// A calm word before a panel the exhibit marks as distressing, with a way to read on or to skip it.
Rectangle {
    id: notice

    required property ExhibitViewModel exhibit

    objectName: "contentNotice"
    color: Theme.background
    visible: exhibit.session.noticeShown

    Accessible.role: Accessible.AlertMessage
    Accessible.name: notice.exhibit.strings.content_notice_title
    Accessible.description: notice.exhibit.strings.content_notice_text

    Tap { gesturePolicy: TapHandler.WithinBounds }  // nothing behind the notice reacts
    DragHandler { target: null }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth * 0.8)
        spacing: Theme.gap * 1.5

        ScreenTitle {
            width: parent.width
            text: notice.exhibit.strings.content_notice_title
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            width: parent.width
            text: notice.exhibit.strings.content_notice_text
            color: Theme.text
            font.family: Theme.fontSans
            font.pixelSize: Theme.fontBody
            lineHeight: 1.3
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            layoutDirection: Qt.LeftToRight
            // Centred: a Flow has no alignment of its own.
            leftPadding: Math.max(0, (width - continueButton.width - skipButton.width - spacing) / 2)
            TouchButton {
                id: continueButton
                objectName: "noticeContinue"
                text: notice.exhibit.strings.content_notice_continue
                highlighted: true
                onActivated: notice.exhibit.session.acceptNotice()
            }
            TouchButton {
                id: skipButton
                objectName: "noticeSkip"
                text: notice.exhibit.strings.content_notice_skip
                flat: true
                onActivated: notice.exhibit.session.skipNotice()
            }
        }
    }
}
