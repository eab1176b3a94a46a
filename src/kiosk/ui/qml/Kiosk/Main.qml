pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import KioskCore

// The kiosk's one window. Each screen is destroyed when the visitor leaves it (a Loader per screen, not
// a stack), so a visit leaves nothing behind and memory stays flat; the likely next ones are made ahead.
Window {
    id: root

    required property ExhibitViewModel exhibit
    property StaffMenu staff: null  // set by the running kiosk; previews, proofs and tests may leave it out
    property var previewProblems: []  // a staff preview's problems with the edited pack (ui/preview.py)
    property Item currentScreen: null  // the screen on show (the keypad scrolls its `scrollTarget`)
    property bool frameless: false  // full screen on a terminal (KioskWindow.show_full_screen)
    flags: frameless ? Qt.Window | Qt.FramelessWindowHint : Qt.Window
    // Screens are made ahead (session.readyAhead) one at a time, once the window has had a moment to
    // itself: after a screen has faded in, or after a change of language or text size, then 100 ms apart.
    Timer {
        id: settle
        interval: Theme.durationMedium + 150
        onTriggered: makeNext.start()
    }
    Timer {
        id: makeNext
        interval: 100
        repeat: true
        onTriggered: if (!root.makeOneAhead()) stop()
    }
    function makeOneAhead(): bool {
        for (let i = 0; i < slots.count; ++i) {
            const slot = slots.itemAt(i)
            if (slot && slot.waiting) {
                slot.make()
                return true
            }
        }
        return false
    }
    function makeAheadSoon(): void {
        makeNext.stop()
        settle.restart()
    }
    Connections {
        target: root.exhibit
        function onRestyling() { root.makeAheadSoon() }
    }

    title: exhibit.title
    color: Theme.background

    Binding {
        target: Theme
        property: "viewport"
        value: Qt.size(root.width, root.height)
    }
    Binding {
        target: Theme
        property: "accessible"
        value: root.exhibit.session.accessible
    }

    // Keyboard and navigation keypad (arrows, select, back): a visitor who cannot touch the screen
    // reaches every control. Left/Right (and Tab) move the focus ring from control to control;
    // Up/Down scroll the screen's reading area and move the ring once it cannot scroll further;
    // Enter/Space/Select press the focused control; Escape/Backspace/Back step back (ExhibitViewModel).
    FocusScope {
        id: keyboard
        objectName: "keyboard"
        // In accessibility mode on a high-mounted or tall screen, every screen moves down into the
        // station's reach zone; the band above it only names the exhibit.
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Theme.accessible ? Math.round(parent.height * root.exhibit.reachZone) : parent.height
        focus: true

        Keys.onPressed: event => {
            if (root.exhibit.session.screen === "attract") {
                root.exhibit.session.start()  // any key begins a visit, as any touch does
                event.accepted = true
                return
            }
            switch (event.key) {
            case Qt.Key_Right:
                event.accepted = keyboard.moveFocus(true)
                break
            case Qt.Key_Left:
                event.accepted = keyboard.moveFocus(false)
                break
            case Qt.Key_Down:
                event.accepted = keyboard.scrollBy(1) || keyboard.moveFocus(true)
                break
            case Qt.Key_Up:
                event.accepted = keyboard.scrollBy(-1) || keyboard.moveFocus(false)
                break
            case Qt.Key_Return:
            case Qt.Key_Enter:
            case Qt.Key_Space:
            case Qt.Key_Select:
                event.accepted = keyboard.activate()
                break
            case Qt.Key_Escape:
            case Qt.Key_Backspace:
            case Qt.Key_Back:
                root.exhibit.stepBack()
                event.accepted = true
                break
            }
        }

        function focused(): Item {
            const item = root.activeFocusItem
            return item && item !== keyboard && item.visible ? item : null
        }
        function moveFocus(forward: bool): bool {
            const from = focused() ?? keyboard
            const next = from.nextItemInFocusChain(forward)
            if (!next || next === keyboard)
                return false
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
            keyboard.reveal(next)
            return true
        }
        function activate(): bool {
            const item = focused()
            if (!item || typeof item.activate !== "function")
                return false
            item.activate()
            return true
        }
        // The reading area a screen offers for Up/Down (a panel's text, a list), if it can move that way.
        function scrollBy(direction: int): bool {
            const view = root.currentScreen?.scrollTarget ?? null
            if (!view)
                return false
            const top = -view.topMargin
            const bottom = Math.max(top, view.contentHeight + view.bottomMargin - view.height)
            const target = Math.max(top, Math.min(bottom, view.contentY + direction * view.height * 0.4))
            if (Math.abs(target - view.contentY) < 1)
                return false
            view.contentY = target
            return true
        }
        // A control that takes the focus inside a scrolled view is scrolled into sight.
        function reveal(item: Item): void {
            for (let view = item.parent; view; view = view.parent) {
                if (view instanceof Flickable && view.contentHeight > view.height) {
                    const y = item.mapToItem(view.contentItem, 0, 0).y
                    if (y < view.contentY)
                        view.contentY = Math.max(-view.topMargin, y - Theme.gap)
                    else if (y + item.height > view.contentY + view.height)
                        view.contentY = Math.min(view.contentHeight + view.bottomMargin - view.height,
                                                 y + item.height - view.height + Theme.gap)
                    return
                }
            }
        }

        // One slot per screen (ScreenSlot.qml): the screen on show, the ones likely next made ahead in
        // the background, and the ones just left waiting to be tidied away.
        Repeater {
            id: slots
            model: ["attract", "home", "story", "timeline", "map", "sources"]
            delegate: ScreenSlot {
                required property string modelData
                objectName: "screen_" + modelData
                width: keyboard.width
                height: keyboard.height
                exhibit: root.exhibit
                current: root.exhibit.session.screen === modelData
                wanted: root.exhibit.session.readyAhead.indexOf(modelData) >= 0
                // By file, not as Components declared here: the window's first frame then compiles only
                // the attract screen, and each other screen when it is first made (~20 ms at start-up).
                file: Qt.resolvedUrl("screens/" + {
                    attract: "AttractScreen.qml", home: "HomeScreen.qml", story: "StoryScreen.qml",
                    timeline: "TimelineScreen.qml", map: "MapScreen.qml", sources: "SourcesScreen.qml",
                }[modelData])
                onArrived: {
                    root.currentScreen = item
                    keyboard.forceActiveFocus()  // a new screen starts with no control focused
                    root.makeAheadSoon()
                }
                // Tidied away once the next screen is in: it may be wanted afresh, and the window is quiet.
                onLingeringChanged: if (!lingering && !settle.running) makeNext.start()
            }
        }
    }

    Rectangle {
        objectName: "outOfReachBand"
        anchors.top: parent.top
        anchors.bottom: keyboard.top
        width: parent.width
        visible: height > 0
        color: Theme.surface
        Label {
            anchors.fill: parent
            anchors.margins: Theme.margin
            text: root.exhibit.title
            color: Theme.textMuted
            font.family: Theme.fontSerif
            font.pixelSize: Theme.fontTitle
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.fontSmall
        }
    }

    // Staff preview only: the edited pack has problems, so the last good content stays on screen.
    Rectangle {
        objectName: "previewProblems"
        visible: root.previewProblems.length > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: problemList.height + Theme.gap * 2
        color: "#5c1f1f"
        Column {
            id: problemList
            x: Theme.gap
            y: Theme.gap
            width: parent.width - 2 * Theme.gap
            Repeater {
                model: root.previewProblems
                delegate: Label {
                    required property string modelData
                    width: problemList.width
                    text: modelData
                    color: "#ffffff"
                    font.family: Theme.fontSans
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                }
            }
        }
    }

    IdleOverlay {
        anchors.fill: parent
        exhibit: root.exhibit
    }

    // The staff menu (PIN pad, menu, diagnostics), above everything the visitor sees.
    Loader {
        objectName: "staffLayer"
        anchors.fill: parent
        active: root.staff !== null && root.staff.stage !== ""
        sourceComponent: StaffLayer { staff: root.staff }
    }
}
