import QtQuick
import KioskCore
import Kiosk

// Where one screen lives (Main.qml has one slot per screen). The screen on show is made at once if it
// is not ready yet; a screen the visitor is likely to open next (`wanted`) is made beforehand in the
// background, a little per frame, so that a tap only has to show it. A screen that has been on show
// is destroyed after the visitor leaves it, and made afresh if it is wanted again; when the attract
// screen comes back, the rest goes at once: nothing of one visit, scroll positions included, reaches
// the next.
Loader {
    id: slot

    required property ExhibitViewModel exhibit
    required property bool current
    required property bool wanted
    property bool closing: false  // the window is closing: everything goes
    // Whether the screen exists is decided here, step by step, never by a binding on `current` or
    // `wanted`: a binding could destroy a screen for an instant between two of these steps.
    property bool held: false
    property bool shown: false  // has been on show since it was made
    readonly property bool lingering: tidy.running  // left, or no longer wanted: kept for a moment
    signal arrived  // the screen is on show

    visible: current
    active: held && !closing
    asynchronous: !current  // the one on show is finished at once

    Component.onCompleted: held = current || wanted
    onLoaded: if (current) arrive()
    onCurrentChanged: {
        if (current) {
            held = true
            if (item && status === Loader.Ready)
                arrive()
        } else if (item) {
            leave()
        }
    }
    onWantedChanged: {
        if (wanted)
            held = true
        else if (!current)
            leave()
    }

    function arrive(): void {
        tidy.stop()
        slot.shown = true
        slot.arrived()
        // With motion off (proof sheets, accessibility mode) the screen simply appears.
        if (Theme.durationMedium > 0)
            fadeIn.restart()
    }
    function leave(): void {
        if (slot.exhibit.session.screen === "attract")
            slot.tidyAway()  // the visit is over: nothing of it waits
        else
            tidy.restart()
    }
    function tidyAway(): void {
        tidy.stop()
        if (slot.current)
            return
        if (!slot.wanted) {
            slot.shown = false
            slot.held = false
        } else if (slot.shown) {
            slot.renew()
        }
        slot.exhibit.releaseScreens()
    }
    function renew(): void {
        slot.shown = false
        slot.held = false
        slot.exhibit.releaseScreens()
        slot.held = true
    }
    function remake(): void { slot.held = slot.wanted || slot.current }

    // Destroying a screen at the tap would delay the next screen's first frame: a screen left, or no
    // longer wanted, is hidden at once and tidied away once the next one has faded in.
    Timer {
        id: tidy
        interval: Theme.durationMedium + 200
        onTriggered: slot.tidyAway()
    }

    // A new language or text size reaches every text of a screen: one not on show is destroyed now
    // and made afresh in the background, so that the one on show changes sooner. (ExhibitViewModel
    // deletes it before the change reaches any binding.)
    Connections {
        target: slot.exhibit
        function onRestyling() {
            if (slot.current || !slot.item)
                return
            tidy.stop()
            slot.shown = false
            slot.held = false
            if (slot.wanted)
                Qt.callLater(slot.remake)
        }
    }

    OpacityAnimator {
        id: fadeIn
        target: slot.item
        from: 0.0
        to: 1.0
        duration: Theme.durationMedium
    }
}
