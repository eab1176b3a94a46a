"""`ExhibitViewModel`: the content pack as the visitor sees it, in the visitor's language.

It is the one object QML receives (as the root's required property). It owns the list models, the
interface texts, the current language and the session objects, and keeps them in step.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable, QQmlPropertyMap

from kiosk.content.model import Pack
from kiosk.geo.asset import MapAsset, load_place_names
from kiosk.resources import asset_path
from kiosk.ui.listmodels import EventListModel, PanelListModel, RecognitionListModel, RowListModel, SourceListModel
from kiosk.ui.accessibility import AccessibilityOptions
from kiosk.ui.formatting import use_locales
from kiosk.ui.session import IdleSession, VisitorSession
from kiosk.ui.recognitionmap import RecognitionMapViewModel
from kiosk.ui.timeline import TimelineViewModel

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


class AttractListModel(RowListModel):
    """What the attract loop cycles through: the exhibit's chosen key figures, then panel titles."""

    ROLES = ("value", "label")

    def row(self, item: Any, language: str) -> dict[str, Any]:
        kind, obj = item
        if kind == "figure":
            return {"value": obj.value.get(language), "label": obj.label.get(language)}
        return {"value": "", "label": obj.title.get(language)}


@QmlElement
@QmlUncreatable("The application creates the exhibit view model")
class ExhibitViewModel(QObject):
    languageChanged = Signal()
    restyling = Signal()  # every screen's texts are about to change: the language or the text size

    def __init__(
        self,
        pack: Pack,
        places: MapAsset | None,
        idle: IdleSession,
        parent: QObject | None = None,
        accessibility: AccessibilityOptions = AccessibilityOptions(),
    ) -> None:
        super().__init__(parent)
        self._pack = pack
        self._accessibility = accessibility
        use_locales(pack.exhibit.languages)
        self._places = places
        self._names: dict[str, dict[str, str]] | None = None  # the curated place names, read at the first one asked for
        self._language = pack.exhibit.default_language
        self._strings = QQmlPropertyMap.create(self)  # the constructor is deprecated
        self._session = VisitorSession(
            len(pack.panels), tuple(s.kind for s in pack.exhibit.sections), tuple(p.distressing for p in pack.panels), self
        )
        self._idle = idle
        idle.setParent(self)
        self._panels = PanelListModel(pack, self._language, self)
        self._sources = SourceListModel(sorted(pack.sources.values(), key=lambda s: s.title.lower()), self._language, self)
        self._panel_sources = SourceListModel((), self._language, self)
        attract_items = [("figure", f) for p in pack.panels for f in p.figures if f.attract]
        attract_items += [("panel", p) for p in pack.panels]
        self._attract = AttractListModel(attract_items, self._language, self)
        # The timeline, the map and the recognition and event lists sort and lay out every event and
        # entry: made when a screen first asks for them, not before the attract screen's first frame
        # (a remembered pack's timeline and recognitions are not even unpickled until then).
        self._events: EventListModel | None = None
        self._recognitions: RecognitionListModel | None = None
        self._timeline: TimelineViewModel | None = None
        self._map: RecognitionMapViewModel | None = None
        self._models: list[RowListModel] = [self._panels, self._sources, self._panel_sources, self._attract]
        self._refresh_strings()
        self._session.panelIndexChanged.connect(self._refresh_panel_sources)
        self._session.screenChanged.connect(self._on_screen_changed)
        self._session.visitEnded.connect(self._on_visit_ended)
        self._session.restyling.connect(self.restyling)
        idle.timedOut.connect(self._session.reset)
        self._session.accessibleChanged.connect(
            lambda: idle.set_patience(accessibility.patience if self._session.accessible else 1.0)
        )
        self._refresh_panel_sources()

    # Text lookups (the one fallback rule lives in LocalisedText) ---------------------------
    def ui_text(self, key: str, language: str) -> str:
        text = self._pack.ui.get(key)
        return text.get(language) if text else key

    def place_name(self, code: str, language: str) -> str:
        """The pack's own name for a place, else the curated table's, else the map data's English name."""
        override = self._pack.recognitions.place_names.get(code)
        if override is not None and override.has(language):
            return override.get(language)
        organisation = next((o for o in self._pack.recognitions.organisations if o.id == code), None)
        if organisation is not None:
            return organisation.name.get(language)
        if self._names is None:
            self._names = load_place_names(asset_path("geo", "place_names.json"))
        curated = self._names.get(code, {})
        name = curated.get(language) or (override.get(language) if override else "") or curated.get("en")
        return name or (self._places.name(code) if self._places else code)

    # Properties ----------------------------------------------------------------------------
    def _get_language(self) -> str:
        return self._language

    language = Property(str, _get_language, notify=languageChanged)

    def _text(getter, notify=languageChanged):  # noqa: N805 - a property factory for localised texts
        return Property(str, lambda self: getter(self._pack.exhibit, self._language), notify=notify)

    title = _text(lambda ex, lang: ex.title.get(lang))
    subtitle = _text(lambda ex, lang: ex.subtitle.get(lang) if ex.subtitle else "")
    attractTitle = _text(lambda ex, lang: ex.attract.title.get(lang))
    attractText = _text(lambda ex, lang: ex.attract.text.get(lang) if ex.attract.text else "")
    del _text

    @Property(list, constant=True)
    def languages(self) -> list[dict[str, str]]:
        return [{"code": lang.code, "name": lang.name} for lang in self._pack.exhibit.languages]

    @Property(list, notify=languageChanged)
    def sections(self) -> list[dict[str, str]]:
        return [
            {"kind": s.kind, "title": s.title.get(self._language), "text": s.text.get(self._language) if s.text else ""}
            for s in self._pack.exhibit.sections
        ]

    @Property("QVariantMap", notify=languageChanged)
    def sectionTitles(self) -> dict[str, str]:
        return {s.kind: s.title.get(self._language) for s in self._pack.exhibit.sections}

    @Property(list, constant=True)
    def touchToBegin(self) -> list[str]:
        """"Touch to begin" in every language at once, for the attract screen."""
        return list(dict.fromkeys(self.ui_text("touch_to_begin", lang) for lang in self._pack.exhibit.language_codes))

    @Property(list, notify=languageChanged)
    def credits(self) -> list[dict[str, str]]:
        return [{"role": c.role.get(self._language), "name": c.name.get(self._language)} for c in self._pack.exhibit.credits]

    strings = Property(QObject, lambda self: self._strings, constant=True)
    session = Property(VisitorSession, lambda self: self._session, constant=True)
    idle = Property(IdleSession, lambda self: self._idle, constant=True)
    panels = Property(PanelListModel, lambda self: self._panels, constant=True)
    sources = Property(SourceListModel, lambda self: self._sources, constant=True)
    panelSources = Property(SourceListModel, lambda self: self._panel_sources, constant=True)
    attractItems = Property(QObject, lambda self: self._attract, constant=True)

    def _get_events(self) -> EventListModel:
        if self._events is None:
            self._events = EventListModel(self._pack, self._language, self)
            self._models.append(self._events)
        return self._events

    def _get_recognitions(self) -> RecognitionListModel:
        if self._recognitions is None:
            self._recognitions = RecognitionListModel(self._pack, self._language, self.place_name, self.ui_text, self)
            self._models.append(self._recognitions)
        return self._recognitions

    def _get_timeline(self) -> TimelineViewModel:
        if self._timeline is None:
            self._timeline = TimelineViewModel(self._pack, self._language, self.ui_text, self)
        return self._timeline

    def _get_map(self) -> RecognitionMapViewModel:
        if self._map is None:
            self._map = RecognitionMapViewModel(
                self._pack, self._places, self._language, self.place_name, self.ui_text, self
            )
        return self._map

    events = Property(EventListModel, _get_events, constant=True)
    recognitions = Property(RecognitionListModel, _get_recognitions, constant=True)
    timeline = Property(TimelineViewModel, _get_timeline, constant=True)
    recognitionMap = Property(RecognitionMapViewModel, _get_map, constant=True)

    @Property(list, constant=True)
    def panelsWithEvents(self) -> list[bool]:
        """For each panel: does the timeline have events to show for it?"""
        events = self._pack.timeline.events
        linked, known = {e.panel for e in events}, {e.id for e in events}
        return [p.id in linked or any(e in known for e in p.events) for p in self._pack.panels]
    contentHash = Property(str, lambda self: self._pack.content_hash, constant=True)
    # Seconds each attract item stays up; the station config sets it before the QML loads (app.py).
    attract_seconds = 6.0
    attractSeconds = Property(float, lambda self: self.attract_seconds, constant=True)

    @property
    def places(self) -> MapAsset | None:
        """The map asset, for tests and tools (QML reads shapes through the map view model)."""
        return self._places

    # Actions -------------------------------------------------------------------------------
    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if code == self._language or code not in self._pack.exhibit.language_codes:
            return
        self.restyling.emit()
        self._language = code
        for model in self._models:
            model.set_language(code)
        for view_model in (self._timeline, self._map):
            if view_model is not None:
                view_model.set_language(code)
        self._refresh_strings()
        self.languageChanged.emit()

    @Slot(QObject)
    def deleteScreen(self, screen: QObject) -> None:
        """Delete at once a screen its slot has let go of (ScreenSlot.qml). A Loader only schedules the
        deletion; until it happens the screen's views still follow their models, and a model reset (the
        map's, as a visit ends) would reach views whose QML context is already gone."""
        shiboken6.delete(screen)

    @Slot(int)
    def openPanelFromTimeline(self, panel_index: int) -> None:
        self._session.follow_link("story", panel_index)

    reachZone = Property(float, lambda self: self._accessibility.reach_zone, constant=True)

    @Slot()
    def stepBack(self) -> None:
        """The keypad's Back key: close what lies on top, else return along a link, else go home."""
        session = self._session
        if session.screen == "attract":
            return
        if session.sourcesOpen:
            session.setSourcesOpen(False)
        elif session.screen == "timeline" and self._timeline is not None and self._timeline.cardOpen:
            self._timeline.closeCard()
        elif session.screen == "map" and self._map is not None and self._map.cardOpen:
            self._map.closeCard()
        elif session.backTo:
            session.goBack()
        elif session.screen != "home":
            session.goHome()

    @Slot(int)
    def openTimelineForPanel(self, panel_index: int) -> None:
        if 0 <= panel_index < len(self._pack.panels):
            self._get_timeline().focus_panel(self._pack.panels[panel_index].id)
            self._session.follow_link("timeline")

    def _refresh_strings(self) -> None:
        self._strings.insert({key: text.get(self._language) for key, text in self._pack.ui.items()})

    def _refresh_panel_sources(self) -> None:
        if not self._pack.panels:
            return
        panel = self._pack.panels[self._session.panelIndex]
        ids = dict.fromkeys([*panel.sources, *(s for f in panel.figures for s in f.sources)])
        self._panel_sources.set_items([self._pack.sources[i] for i in ids if i in self._pack.sources])

    def _on_screen_changed(self) -> None:
        self._idle.set_active(self._session.screen != "attract")

    def _on_visit_ended(self) -> None:
        self.setLanguage(self._pack.exhibit.default_language)
        for view_model in (self._timeline, self._map, self._recognitions):
            if view_model is not None:
                view_model.reset()
