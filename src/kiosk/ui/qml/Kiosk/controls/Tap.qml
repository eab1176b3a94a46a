import QtQuick

// A TapHandler for visitors: a slow press is still a press. (Qt's default turns a press held longer
// than 0.8 s into a "long press" that is never a tap; older visitors and first-timers often hold.)
TapHandler {
    longPressThreshold: 3600
}
