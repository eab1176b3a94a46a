import QtQuick

// Every text a visitor reads: a plain Text that a screen reader can also read (role and name), since
// Qt Quick gives a Text no accessible interface of its own.
Text {
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
