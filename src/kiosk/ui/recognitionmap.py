"""`RecognitionMapViewModel`: the world map of recognitions as of a year, and what a tap opens.

Shapes come pre-projected from the map asset; this model says which are highlighted (by group, as of the
slider's year), which organisation's members are lit, which places are too small to touch and need a
marker, and what the card of a place says. Counts are always computed from the data.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Pack
from kiosk.geo.asset import Layer, MapAsset, Shape, joined_path
from kiosk.layout.recognition import counts_as_of, counts_by_place, decisions_for, is_small, year_range
from kiosk.ui.formatting import format_date, locale_for
from kiosk.ui.listmodels import RowListModel

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

MARKER_MIN_PX = 14.0  # shapes smaller than this (in 1080p pixels) at the current zoom get a touchable ring


class ShapeListModel(RowListModel):
    """The highlighted places of a layer, one row each: they take colour and answer a tap.

    Everything else in the layer is drawn as one combined path (see `landPath`), so opening the map
    creates a few dozen shapes rather than three hundred."""

    ROLES = ("code", "name", "path", "group", "labelX", "labelY", "extent")
    LANGUAGE_ROLES = ("name",)  # the paths are not handed to the shapes again (re-parsing them is slow)

    def __init__(self, owner: "RecognitionMapViewModel") -> None:
        self._owner = owner
        super().__init__((), owner.language, owner)

    def row(self, shape: Shape, language: str) -> dict[str, Any]:
        return {
            "code": shape.code,
            "name": self._owner.place_name(shape.code, language),  # what a screen reader says
            "path": shape.path,
            "group": self._owner.group_index(self._owner.group_of(shape.code)),
            "labelX": shape.label[0],
            "labelY": shape.label[1],
            "extent": max(shape.bbox[2] - shape.bbox[0], shape.bbox[3] - shape.bbox[1]),
        }


@QmlElement
@QmlUncreatable("The exhibit view model owns the map")
class RecognitionMapViewModel(QObject):
    yearChanged = Signal()
    highlightChanged = Signal()
    cardChanged = Signal()
    languageChanged = Signal()

    def __init__(
        self, pack: Pack, places: MapAsset | None, language: str, place_name: Callable[[str, str], str],
        ui_text: Callable[[str, str], str], parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self._pack = pack
        self._place_name = place_name
        self._ui_text = ui_text
        self._entries = pack.recognitions.entries
        self._groups = [g.id for g in pack.recognitions.groups]
        self._organisations = {o.id: o for o in pack.recognitions.organisations}
        span = year_range(self._entries)
        self._years = list(range(span[0], span[1] + 1)) if span else []
        self._year: int | None = None  # None: today, every shown decision
        self._status = counts_by_place(self._entries, None)
        self.members: set[str] = set()
        self._organisation = ""
        self._place = ""
        empty = Layer((0, 0, 1000, 500), {})
        self._world = places.world if places else empty
        self._us = places.us if places else empty
        self._extra = dict(places.extra) if places else {}
        self._world_model = ShapeListModel(self)
        self._us_model = ShapeListModel(self)
        self._paths = {"worldLand": "", "worldMembers": "", "usLand": ""}
        self._rehighlight()

    # Decisions the shape models ask about ------------------------------------------------------
    def group_of(self, code: str) -> str | None:
        return self._status.get(code)

    def place_name(self, code: str, language: str) -> str:
        return self._place_name(code, language)

    def group_index(self, group: str | None) -> int:
        return self._groups.index(group) if group in self._groups else -1

    markerMinPx = Property(float, lambda self: MARKER_MIN_PX, constant=True)

    # Geometry -----------------------------------------------------------------------------------
    worldViewBox = Property(list, lambda self: list(self._world.view_box), constant=True)
    usViewBox = Property(list, lambda self: list(self._us.view_box), constant=True)
    worldShapes = Property(QObject, lambda self: self._world_model, constant=True)
    usShapes = Property(QObject, lambda self: self._us_model, constant=True)
    worldLand = Property(str, lambda self: self._paths["worldLand"], notify=highlightChanged)
    worldMembers = Property(str, lambda self: self._paths["worldMembers"], notify=highlightChanged)
    usLand = Property(str, lambda self: self._paths["usLand"], notify=highlightChanged)
    memberCodes = Property(list, lambda self: sorted(self.members), notify=highlightChanged)

    def _rehighlight(self) -> None:
        """Split each layer into highlighted places (one shape each) and the rest (one path each)."""
        def split(shapes: dict[str, Shape]) -> tuple[list[Shape], str, str]:
            lit, land, members = [], [], []
            for code in sorted(shapes):
                shape = shapes[code]
                if code in self._status:
                    lit.append(shape)
                elif code in self.members:
                    members.append(shape.path)
                else:
                    land.append(shape.path)
            return lit, joined_path(land), joined_path(members)

        world_lit, self._paths["worldLand"], self._paths["worldMembers"] = split(self._world.shapes)
        # Sub-national regions (Scotland) are drawn over their country only when they are highlighted.
        world_lit += [self._extra[code] for code in sorted(self._extra) if code in self._status]
        us_lit, self._paths["usLand"], _ = split(self._us.shapes)
        self._world_model.set_items(world_lit)
        self._us_model.set_items(us_lit)
        self.highlightChanged.emit()

    @Slot(str, float, result=list)
    def smallPlaces(self, layer: str, pixels_per_unit: float) -> list[str]:
        """Recognised places too small to touch at this scale (for tests and the self-test)."""
        shapes = self._us.shapes if layer == "us" else {**self._world.shapes, **self._extra}
        return sorted(
            code for code, shape in shapes.items()
            if code in self._status and is_small(shape.bbox, pixels_per_unit, MARKER_MIN_PX)
        )

    # The year slider -----------------------------------------------------------------------------
    years = Property(list, lambda self: list(self._years), constant=True)

    @Property(int, notify=yearChanged)
    def year(self) -> int:
        return self._year or 0

    @Slot(int)
    def setYear(self, year: int) -> None:
        """A year on the slider; 0 means today (every shown decision, dated or not)."""
        value = year if year in self._years else None
        if value == self._year:
            return
        self._year = value
        self._status = counts_by_place(self._entries, value)
        self._rehighlight()
        self.yearChanged.emit()
        self.cardChanged.emit()

    @Property(list, notify=yearChanged)
    def legend(self) -> list[dict[str, Any]]:
        counts = counts_as_of(self._entries, self._groups, self._year)
        return [
            {"group": g.id, "index": i, "label": g.label.get(self.language), "count": counts[g.id]}
            for i, g in enumerate(self._pack.recognitions.groups)
        ]

    # Organisations beside the map ------------------------------------------------------------------
    @Property(list, notify=yearChanged)
    def organisations(self) -> list[dict[str, Any]]:
        shown = {e.place for e in self._entries if e.show and e.kind == "organisation"}
        return [
            {
                "id": o.id,
                "name": o.name.get(self.language),
                "memberCount": len(o.members),
                "recognised": o.id in self._status,
            }
            for o in self._pack.recognitions.organisations
            if o.id in shown
        ]

    @Property(str, notify=highlightChanged)
    def organisation(self) -> str:
        return self._organisation

    @Slot(str)
    def openOrganisation(self, organisation_id: str) -> None:
        """Light its member states on the map and open its card."""
        organisation = self._organisations.get(organisation_id)
        self._organisation = organisation_id if organisation else ""
        self.members = set(organisation.members) if organisation else set()
        self._rehighlight()
        self.openPlace(organisation_id)

    # The card of a place --------------------------------------------------------------------------
    @Slot(str)
    def openPlace(self, code: str) -> None:
        self._place = code
        self.cardChanged.emit()

    @Slot()
    def closeCard(self) -> None:
        if self._place or self._organisation:
            self._place = ""
            if self._organisation:
                self._organisation = ""
                self.members = set()
                self._rehighlight()
            self.cardChanged.emit()

    @Property(bool, notify=cardChanged)
    def cardOpen(self) -> bool:
        return bool(self._place)

    @Property("QVariantMap", notify=cardChanged)
    def card(self) -> dict[str, Any]:
        if not self._place:
            return {}
        lang = self.language
        ui = self._ui_text
        decisions = []
        for entry in decisions_for(self._entries, self._place, self._year):
            if entry.date:
                when = ui("date_" + entry.date_is, lang).replace("{date}", format_date(entry.date, lang))
            else:
                when = ui("date_unknown", lang)
            sources = [self._pack.sources[s] for s in entry.sources if s in self._pack.sources]
            decisions.append({
                "body": entry.body.get(lang),
                "dateText": when,
                "document": ui("document_" + entry.document.replace("-", "_"), lang),
                "wording": ", ".join(ui("wording_" + w.replace("-", "_"), lang) for w in entry.wording),
                # Quotation marks as the language writes them: “…” in English, «…» in Azerbaijani and Russian.
                "quote": locale_for(lang).quoteString(entry.quote.get(lang)) if entry.quote else "",
                "description": entry.description.get(lang),
                "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url} for s in sources],
            })
        return {"code": self._place, "name": self._place_name(self._place, lang), "decisions": decisions}

    # Language and reset -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = language
        self._world_model.set_language(language)
        self._us_model.set_language(language)
        self.yearChanged.emit()
        self.cardChanged.emit()
        self.languageChanged.emit()

    def reset(self) -> None:
        self._place = ""
        self._organisation = ""
        self.members = set()
        self._year = None
        self._status = counts_by_place(self._entries, None)
        self._rehighlight()
        self.yearChanged.emit()
        self.cardChanged.emit()
