import QtQuick
import KioskCore
import Kiosk

// The title line of a screen: serif, large, wrapping rather than ever being cut.
Label {
    color: Theme.text
    font.family: Theme.fontSerif
    font.pixelSize: Theme.fontTitle
    wrapMode: Text.WordWrap
    lineHeight: 1.1
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
