"""List models for QML: domain objects in, rows of named roles out, in the visitor's language.

Each model holds frozen domain objects and turns one into a row (a dict of role -> value) only when
QML asks, caching rows per language. Switching language clears the cache and tells views that every
row changed, so delegates keep their state (scroll positions) while their text changes.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, QUrl, Signal, Slot, Property
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Event, Panel, Pack, Recognition, Source
from kiosk.ui.formatting import format_date, format_span

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1
# Qt.ItemDataRole's values, written out: PySide builds its whole `Qt` namespace on first use (~40 ms),
# which the attract screen's first frame need not wait for.
DISPLAY_ROLE, USER_ROLE = 0, 0x0100


class RowListModel(QAbstractListModel):
    """Base: subclasses name their roles and say how one item becomes one row."""

    ROLES: tuple[str, ...] = ()
    LANGUAGE_ROLES: tuple[str, ...] | None = None  # the roles a language change touches (None: all)
    countChanged = Signal()

    def __init__(self, items: Sequence[Any] = (), language: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._language = language
        self._rows: dict[int, dict[str, Any]] = {}
        self._role_ids = {USER_ROLE + 1 + i: name for i, name in enumerate(self.ROLES)}

    def row(self, item: Any, language: str) -> dict[str, Any]:
        raise NotImplementedError

    # Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in self._role_ids.items()}

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        name = self._role_ids.get(role)
        if name is None:
            return None
        cached = self._rows.get(index.row())
        if cached is None:
            cached = self._rows[index.row()] = self.row(self._items[index.row()], self._language)
        return cached.get(name)

    # For Python callers and QML ------------------------------------------------------------
    def _count(self) -> int:
        return len(self._items)

    count = Property(int, _count, notify=countChanged)

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> dict[str, Any]:
        if not 0 <= row < len(self._items):
            return {}
        return self.row(self._items[row], self._language)

    def items(self) -> list[Any]:
        return list(self._items)

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        self._rows.clear()
        if self._items:
            names = self.LANGUAGE_ROLES
            roles = [role for role, name in self._role_ids.items() if names is None or name in names]
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), roles)

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._rows.clear()
        self.endResetModel()
        self.countChanged.emit()


@QmlElement
@QmlUncreatable("Panels come from the content pack")
class PanelListModel(RowListModel):
    ROLES = ("panelId", "title", "subtitle", "paragraphs", "figures", "images", "distressing")

    def __init__(self, pack: Pack, language: str, parent: QObject | None = None) -> None:
        self._root = pack.root
        super().__init__(pack.panels, language, parent)

    def row(self, panel: Panel, language: str) -> dict[str, Any]:
        return {
            "panelId": panel.id,
            "title": panel.title.get(language),
            "subtitle": panel.subtitle.get(language) if panel.subtitle else "",
            "paragraphs": [p.get(language) for p in panel.body],
            "figures": [{"value": f.value.get(language), "label": f.label.get(language)} for f in panel.figures],
            "images": [
                {
                    "source": QUrl.fromLocalFile(f"{self._root}/{image.file}").toString(),
                    "caption": image.caption.get(language),
                    "credit": image.credit.get(language),
                    "alt": image.alt.get(language),
                    "aspect": image.width / image.height if image.height else 1.5,
                }
                for image in panel.images
            ],
            "distressing": panel.distressing,
        }


@QmlElement
@QmlUncreatable("Sources come from the content pack")
class SourceListModel(RowListModel):
    ROLES = ("sourceId", "title", "publisher", "dateText", "url", "kind")

    def row(self, source: Source, language: str) -> dict[str, Any]:
        return {
            "sourceId": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "dateText": format_date(source.date, language) if source.date else "",
            "url": source.url,
            "kind": source.kind,
        }


@QmlElement
@QmlUncreatable("Events come from the content pack")
class EventListModel(RowListModel):
    ROLES = ("eventId", "dateText", "year", "title", "text", "panelIndex")

    def __init__(self, pack: Pack, language: str, parent: QObject | None = None) -> None:
        self._panel_index = {panel.id: i for i, panel in enumerate(pack.panels)}
        super().__init__(pack.timeline.events, language, parent)

    def row(self, event: Event, language: str) -> dict[str, Any]:
        return {
            "eventId": event.id,
            "dateText": format_span(event.date, event.end, language),
            "year": event.date.year,
            "title": event.title.get(language),
            "text": event.text.get(language),
            "panelIndex": self._panel_index.get(event.panel, -1),
        }


@QmlElement
@QmlUncreatable("Recognitions come from the content pack")
class RecognitionListModel(RowListModel):
    ROLES = ("entryId", "place", "group", "body", "dateText", "document", "wording", "description")

    def __init__(self, pack: Pack, language: str, place_name: Callable[[str, str], str], ui, parent=None) -> None:
        self._place_name = place_name
        self._ui = ui
        self._groups = {g.id: g for g in pack.recognitions.groups}
        self._all = list(pack.recognitions.shown())
        self._filter = ""
        self._sort = "date"
        super().__init__(self._arranged(language), language, parent)

    def _arranged(self, language: str) -> list[Recognition]:
        chosen = [e for e in self._all if not self._filter or e.group == self._filter]
        if self._sort == "place":
            return sorted(chosen, key=lambda e: (self._place_name(e.place, language).casefold(), e.id))
        return sorted(chosen, key=lambda e: (e.date.first_day() if e.date else (9999, 12, 31), e.id))

    filterChanged = Signal()

    @Property(str, notify=filterChanged)
    def groupFilter(self) -> str:
        return self._filter

    @Property(str, notify=filterChanged)
    def sortOrder(self) -> str:
        return self._sort

    @Slot(str)
    def setGroupFilter(self, group: str) -> None:
        """Show one group only; an empty string shows every group."""
        self._filter = group if group in self._groups else ""
        self.set_items(self._arranged(self._language))
        self.filterChanged.emit()

    @Slot(str)
    def setSortOrder(self, order: str) -> None:
        """`date` (oldest first) or `place` (alphabetically in the visitor's language)."""
        self._sort = order if order in ("date", "place") else "date"
        self.set_items(self._arranged(self._language))
        self.filterChanged.emit()

    def set_language(self, language: str) -> None:
        if self._sort == "place" and language != self._language:
            self._language = language
            self.set_items(self._arranged(language))  # the alphabet changes with the language
            return
        super().set_language(language)

    def reset(self) -> None:
        self._filter, self._sort = "", "date"
        self.set_items(self._arranged(self._language))
        self.filterChanged.emit()

    def row(self, entry: Recognition, language: str) -> dict[str, Any]:
        if entry.date:
            date_text = self._ui("date_" + entry.date_is, language).replace("{date}", format_date(entry.date, language))
        else:
            date_text = self._ui("date_unknown", language)
        return {
            "entryId": entry.id,
            "place": self._place_name(entry.place, language),
            "group": self._groups[entry.group].label.get(language) if entry.group in self._groups else "",
            "body": entry.body.get(language),
            "dateText": date_text,
            "document": self._ui("document_" + entry.document.replace("-", "_"), language),
            "wording": ", ".join(self._ui("wording_" + w.replace("-", "_"), language) for w in entry.wording),
            "description": entry.description.get(language),
        }
