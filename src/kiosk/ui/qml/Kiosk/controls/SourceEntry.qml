import QtQuick
import KioskCore
import Kiosk

// One bibliography entry: the title, then publisher, date and address in a quieter voice.
Column {
    id: entry

    required property string title
    required property string publisher
    required property string dateText
    required property string url

    spacing: Theme.gap / 4

    Accessible.role: Accessible.StaticText
    Accessible.name: entry.title + ". " + entry.publisher + " " + entry.dateText

    Label {
        width: entry.width
        text: entry.title
        color: Theme.text
        font.family: Theme.fontSans
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // a long address breaks rather than overflows
    }
    Label {
        width: entry.width
        text: [entry.publisher, entry.dateText].filter(part => part.length > 0).join(" · ")
        visible: text.length > 0
        color: Theme.textMuted
        font.family: Theme.fontSans
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }
    Label {
        width: entry.width
        text: entry.url
        color: Theme.textMuted
        font.family: Theme.fontSans
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WrapAnywhere
    }
}
