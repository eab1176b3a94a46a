pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import Kiosk

// Home (and Back after a link) on the left; accessibility mode and the languages on the right: one touch
// away on every screen of a visit. When they do not fit on one line (portrait, larger text, long
// language names) the right-hand group wraps onto lines of its own below, right-aligned.
Item {
    id: bar
    objectName: "topBar"

    required property ExhibitViewModel exhibit
    property bool showHome: true

    readonly property real padding: (Theme.barHeight - Theme.touchTarget) / 2
    readonly property real naturalRightWidth: {
        let total = -options.spacing
        for (const child of options.children)
            if (child.visible)
                total += child.implicitWidth + options.spacing
        return Math.max(0, total)
    }
    readonly property bool oneLine: navigation.width + Theme.gap + naturalRightWidth + 2 * Theme.margin <= width

    implicitHeight: oneLine ? Theme.barHeight : options.y + options.height + padding

    Row {
        id: navigation
        x: Theme.margin
        y: bar.padding
        spacing: Theme.gap / 2

        TouchButton {
            id: homeButton
            objectName: "homeButton"
            visible: bar.showHome
            text: "‹  " + bar.exhibit.strings.home
            onActivated: bar.exhibit.session.goHome()
        }

        // After following a link (timeline -> panel, panel -> timeline), one touch leads back.
        TouchButton {
            objectName: "backButton"
            visible: bar.exhibit.session.backTo.length > 0
            text: "‹  " + bar.exhibit.strings.back
            flat: true
            onActivated: bar.exhibit.session.goBack()
        }
    }

    Flow {
        id: options
        x: bar.oneLine ? bar.width - Theme.margin - width : Theme.margin
        y: bar.oneLine || navigation.width === 0 ? bar.padding : bar.padding + Theme.touchTarget + Theme.gap / 2
        width: bar.oneLine ? bar.naturalRightWidth : bar.width - 2 * Theme.margin
        layoutDirection: Qt.RightToLeft
        spacing: Theme.gap / 2

        // Right to left: the languages sit at the right edge, accessibility mode before them.
        Repeater {
            model: bar.exhibit.languages.length > 1 ? bar.exhibit.languages.slice().reverse() : []
            delegate: TouchButton {
                required property var modelData
                objectName: "language_" + modelData.code
                text: modelData.name
                flat: true
                highlighted: bar.exhibit.language === modelData.code
                Accessible.name: bar.exhibit.strings.language + ": " + modelData.name
                onActivated: bar.exhibit.setLanguage(modelData.code)
            }
        }

        TouchButton {
            objectName: "accessibilityButton"
            text: bar.exhibit.strings.accessibility
            flat: true
            highlighted: bar.exhibit.session.accessible
            Accessible.role: Accessible.CheckBox
            Accessible.checkable: true
            Accessible.checked: bar.exhibit.session.accessible
            onActivated: bar.exhibit.session.setAccessible(!bar.exhibit.session.accessible)
        }
    }
}
