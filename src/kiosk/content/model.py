"""The content pack as frozen dataclasses: what the rest of the kiosk reads.

Nothing here knows about YAML, files or Qt. Staff-only knowledge (confidence, notes, disagreements
between sources) lives in `StaffNotes`, which the visitor-facing view models never read.
"""

from __future__ import annotations

import calendar
import sys
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from kiosk.content.deferred import UnpickledOnFirstRead


@dataclass(frozen=True)
class LocalisedText:
    """One visitor-facing text in several languages.

    The lookup rule is the same everywhere: the requested language, else the pack's default language.
    The validator reports every place where a visitor would see the fallback.
    """

    texts: Mapping[str, str]
    default: str
    drafts: frozenset[str] = frozenset()  # languages whose text is a draft nobody has reviewed yet

    def __post_init__(self) -> None:
        # Language codes are interned: one string each, however many texts (and remembered packs,
        # content/cache.py, then store and unpickle each code once, not once per text).
        object.__setattr__(self, "texts", MappingProxyType({sys.intern(k): v for k, v in self.texts.items()}))
        object.__setattr__(self, "default", sys.intern(self.default))
        object.__setattr__(self, "drafts", frozenset(self.drafts))

    def get(self, language: str) -> str:
        text = self.texts.get(language)
        if text is None:
            text = self.texts.get(self.default, "")
        return text

    def has(self, language: str) -> bool:
        return language in self.texts

    def is_draft(self, language: str) -> bool:
        return language in self.drafts

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.texts.items())), self.default, self.drafts))

    def __reduce__(self):
        # A mapping proxy cannot be pickled, and validated packs are kept on disk (content/cache.py).
        return (_localised_text, (dict(self.texts), self.default, self.drafts))


def _localised_text(texts: dict[str, str], default: str, drafts: frozenset[str]) -> LocalisedText:
    """Unpickling: the values are already checked and copied, so `__init__` is skipped (a 10,000-panel
    pack has 100,000 of these)."""
    text = object.__new__(LocalisedText)
    text.__dict__.update(texts=MappingProxyType(texts), default=default, drafts=drafts)
    return text


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def last_day(self) -> tuple[int, int, int]:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class StaffNotes:
    """What staff know about a fact and visitors never see."""

    confidence: str = ""
    notes: str = ""
    disputes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    missing: str = "error"  # how the validator treats a missing translation: error | warning
    locale: str = ""  # whose conventions dates follow (`en-GB`); empty: the code's own (`en` is US)


@dataclass(frozen=True)
class Section:
    kind: str  # story | timeline | map | sources
    title: LocalisedText
    text: LocalisedText | None = None


@dataclass(frozen=True)
class Credit:
    role: LocalisedText
    name: LocalisedText  # a proper name reads the same in every language; a description does not


@dataclass(frozen=True)
class Attract:
    title: LocalisedText
    text: LocalisedText | None = None


@dataclass(frozen=True)
class Exhibit:
    id: str
    title: LocalisedText
    subtitle: LocalisedText | None
    languages: tuple[Language, ...]
    sections: tuple[Section, ...]
    attract: Attract
    credits: tuple[Credit, ...] = ()

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)


@dataclass(frozen=True)
class Figure:
    value: LocalisedText
    label: LocalisedText
    sources: tuple[str, ...]
    attract: bool = False
    counts: str = ""  # a recognition group whose number of places this figure states
    staff: StaffNotes = StaffNotes()


@dataclass(frozen=True)
class Image:
    file: str  # relative to the pack folder
    caption: LocalisedText
    credit: LocalisedText
    alt: LocalisedText
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class Panel(UnpickledOnFirstRead):
    _later = ("subtitle", "body")  # the bulk of a pack's text, read only when the panel is shown

    id: str
    file: str
    title: LocalisedText
    subtitle: LocalisedText | None
    body: tuple[LocalisedText, ...]
    figures: tuple[Figure, ...] = ()
    images: tuple[Image, ...] = ()
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    distressing: bool = False
    staff: StaffNotes = StaffNotes()


@dataclass(frozen=True)
class Era:
    id: str
    start: PartialDate
    end: PartialDate
    label: LocalisedText


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    end: PartialDate | None
    title: LocalisedText
    text: LocalisedText
    panel: str = ""
    sources: tuple[str, ...] = ()
    staff: StaffNotes = StaffNotes()


@dataclass(frozen=True)
class Timeline(UnpickledOnFirstRead):
    # No defaults: a default is a class attribute, found before `__getattr__` could unpickle the field.
    eras: tuple[Era, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Group:
    id: str
    label: LocalisedText


@dataclass(frozen=True)
class Organisation:
    id: str
    name: LocalisedText
    members: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recognition:
    """One decision by one body; a place may have several."""

    id: str
    kind: str  # country | subdivision | organisation
    place: str  # ISO 3166-1 alpha-2, ISO 3166-2, or an organisation id
    group: str
    body: LocalisedText
    date: PartialDate | None
    date_is: str
    document: str
    wording: tuple[str, ...]
    quote: LocalisedText | None
    description: LocalisedText
    sources: tuple[str, ...]
    show: bool = True
    listed_in: tuple[str, ...] = ()
    staff: StaffNotes = StaffNotes()


@dataclass(frozen=True)
class Recognitions(UnpickledOnFirstRead):
    groups: tuple[Group, ...]
    organisations: tuple[Organisation, ...]
    entries: tuple[Recognition, ...]
    place_names: Mapping[str, LocalisedText]

    def shown(self) -> tuple[Recognition, ...]:
        return tuple(entry for entry in self.entries if entry.show)

    def places_in_group(self, group: str) -> tuple[str, ...]:
        """Distinct places with at least one shown decision, in first-seen order."""
        return tuple(dict.fromkeys(e.place for e in self.entries if e.show and e.group == group))


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    kind: str
    publisher: str = ""
    date: PartialDate | None = None
    title_is: str = "headline"
    language: str = ""
    checked: bool = False
    staff: StaffNotes = StaffNotes()


@dataclass(frozen=True)
class Pack:
    root: str
    exhibit: Exhibit
    panels: tuple[Panel, ...]
    timeline: Timeline
    recognitions: Recognitions
    sources: Mapping[str, Source]
    ui: Mapping[str, LocalisedText]
    content_hash: str

    def panel(self, panel_id: str) -> Panel | None:
        return next((p for p in self.panels if p.id == panel_id), None)
