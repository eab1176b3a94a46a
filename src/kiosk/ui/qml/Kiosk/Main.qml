pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import KioskCore

// The kiosk's one window. Each screen is created when the visitor goes to it and destroyed when they
// leave (a Loader, not a stack), so a visit leaves nothing behind and memory stays flat.
Window {
    id: root

    required property ExhibitViewModel exhibit

    title: exhibit.title
    color: Theme.background

    Binding {
        target: Theme
        property: "viewport"
        value: Qt.size(root.width, root.height)
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
        sourceComponent: {
            switch (root.exhibit.session.screen) {
            case "home": return homeScreen
            case "story": return storyScreen
            case "timeline": return timelineScreen
            case "map": return mapScreen
            case "sources": return sourcesScreen
            default: return attractScreen
            }
        }
        // With motion off (proof sheets, and later reduced motion) the screen simply appears.
        onLoaded: if (Theme.durationMedium > 0) fadeIn.restart()

        OpacityAnimator {
            id: fadeIn
            target: screenLoader.item
            from: 0.0
            to: 1.0
            duration: Theme.durationMedium
        }
    }

    IdleOverlay {
        anchors.fill: parent
        exhibit: root.exhibit
    }

    Component {
        id: attractScreen
        AttractScreen { exhibit: root.exhibit }
    }
    Component {
        id: homeScreen
        HomeScreen { exhibit: root.exhibit }
    }
    Component {
        id: storyScreen
        StoryScreen { exhibit: root.exhibit }
    }
    Component {
        id: timelineScreen
        TimelineScreen {
            exhibit: root.exhibit
            heading: root.exhibit.sectionTitles.timeline ?? ""
        }
    }
    Component {
        id: mapScreen
        MapScreen {
            exhibit: root.exhibit
            heading: root.exhibit.sectionTitles.map ?? ""
        }
    }
    Component {
        id: sourcesScreen
        SourcesScreen {
            exhibit: root.exhibit
            heading: root.exhibit.sectionTitles.sources ?? ""
        }
    }
}
