import QtQuick
import KioskCore
import Kiosk

// Where one screen lives (Main.qml has one slot per screen). The screen on show is made at once if it is
// not ready yet. A screen the visitor is likely to open next (`wanted`) is made beforehand, when Main
// asks (`make()`, one screen at a time once the screen on show has faded in), so that a tap only has to
// show it. A screen that has been on show is destroyed after the visitor leaves it, to be made afresh
// if it is wanted again; when the attract screen comes back, the rest goes at once: nothing of one
// visit, scroll positions included, reaches the next.
//
// Screens are made synchronously, never by Qt's incubator: a model reset reaching views that are still
// being incubated (the map's, as a visit ends) crashed Qt 6.11.
Loader {
    id: slot

    required property ExhibitViewModel exhibit
    required property url file  // the screen's QML file, given the exhibit when it is made
    required property bool current
    required property bool wanted
    // Whether the screen exists is decided here, step by step, never by a binding on `current` or
    // `wanted`: a binding could destroy a screen for an instant between two of these steps.
    property bool held: false
    property bool shown: false  // has been on show since it was made
    readonly property bool lingering: tidy.running  // left, or no longer wanted: kept for a moment
    readonly property bool waiting: wanted && !held  // to be made ahead when Main next asks
    signal arrived  // the screen is on show

    visible: current
    active: held

    Component.onCompleted: {
        setSource(file, { exhibit: slot.exhibit })  // kept for every time the screen is made afresh
        held = current
    }
    onLoaded: if (current) arrive()
    onCurrentChanged: {
        if (current) {
            if (item)
                arrive()  // made ahead
            else
                held = true  // made now; it arrives when loaded
        } else if (item) {
            leave()
        }
    }
    onWantedChanged: if (!wanted && !current && item) leave()

    // Made ahead of the visitor's tap (Main.qml calls this for one waiting screen at a time).
    function make(): void { slot.held = true }

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
        if (!slot.wanted || slot.shown) {
            slot.shown = false
            slot.letGo()  // made afresh later, if it is wanted
        }
    }
    // Destroys the screen now, not when Qt gets round to it (ExhibitViewModel.deleteScreen).
    function letGo(): void {
        const screen = slot.item
        slot.held = false
        if (screen)
            slot.exhibit.deleteScreen(screen)
    }

    // Destroying a screen at the tap would delay the next screen's first frame: a screen left, or no
    // longer wanted, is hidden at once and tidied away once the next one has faded in.
    Timer {
        id: tidy
        interval: Theme.durationMedium + 200
        onTriggered: slot.tidyAway()
    }

    // A new language or text size reaches every text of a screen: one not on show is destroyed now and
    // made afresh later, so that the one on show changes sooner.
    Connections {
        target: slot.exhibit
        function onRestyling() {
            if (slot.current || !slot.item)
                return
            tidy.stop()
            slot.shown = false
            slot.letGo()
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
