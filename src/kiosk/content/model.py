"""The content pack as frozen dataclasses: what the rest of the kiosk reads.

Nothing here knows about YAML, files or Qt. Staff-only knowledge (confidence, notes, disagreements
between sources) lives in `StaffNotes`, which the visitor-facing view models never read.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from kiosk.content.deferred import UnpickledOnFirstRead
from kiosk.records import Record, record


@record
class LocalisedText(Record):
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
        return (trusted_text, (dict(self.texts), self.default, self.drafts))


def trusted_text(texts: dict[str, str], default: str, drafts: frozenset[str]) -> LocalisedText:
    """A text from values already checked and copied (its own dict, one string per language code), so
    `__init__` is skipped: for unpickling, and for the validator's usual case (a 10,000-panel pack has
    100,000 texts)."""
    text = object.__new__(LocalisedText)
    text.__dict__.update(texts=MappingProxyType(texts), default=default, drafts=drafts)
    return text


def _days_in_month(year: int, month: int) -> int:
    # Not `calendar.monthrange`: importing `calendar` (and `locale` with it) costs a kiosk start ~4 ms.
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


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
        day = self.day or _days_in_month(self.year, month)
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


@record
class StaffNotes(Record):
    """What staff know about a fact and visitors never see."""

    confidence: str = ""
    notes: str = ""
    disputes: tuple[str, ...] = ()


NO_STAFF_NOTES = StaffNotes()  # frozen, so every fact without notes shares this one


@record
class Language(Record):
    """A language the exhibit is offered in, and how strictly its translations are checked."""

    code: str
    name: str
    missing: str = "error"  # how the validator treats a missing translation: error | warning
    locale: str = ""  # whose conventions dates follow (`en-GB`); empty: the code's own (`en` is US)


@record
class Section(Record):
    """An entry on the home screen: the story, the timeline, the map or the sources."""

    kind: str  # story | timeline | map | sources
    title: LocalisedText
    text: LocalisedText | None = None


@record
class Credit(Record):
    """A line of the exhibit's credits: who did what."""

    role: LocalisedText
    name: LocalisedText  # a proper name reads the same in every language; a description does not


@record
class Attract(Record):
    """What the attract screen says between visits."""

    title: LocalisedText
    text: LocalisedText | None = None


@record
class Exhibit(Record):
    """The exhibit as a whole: title, languages, home screen sections, attract screen, credits."""

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


@record
class Figure(Record):
    """A key figure on a panel (a number and what it counts), with its sources."""

    value: LocalisedText
    label: LocalisedText
    sources: tuple[str, ...]
    attract: bool = False
    counts: str = ""  # a recognition group whose number of places this figure states
    staff: StaffNotes = NO_STAFF_NOTES


@record
class Image(Record):
    """A picture on a panel, with its caption, credit and description for screen readers."""

    file: str  # relative to the pack folder
    caption: LocalisedText
    credit: LocalisedText
    alt: LocalisedText
    width: int = 0
    height: int = 0


@record
class Panel(UnpickledOnFirstRead, Record):
    """One page of the exhibit's story."""

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
    staff: StaffNotes = NO_STAFF_NOTES


@record
class Era(Record):
    """A shaded period on the timeline."""

    id: str
    start: PartialDate
    end: PartialDate
    label: LocalisedText


@record
class Event(Record):
    """A dated event on the timeline, with its sources and the panel that tells more."""

    id: str
    date: PartialDate
    end: PartialDate | None
    title: LocalisedText
    text: LocalisedText
    panel: str = ""
    sources: tuple[str, ...] = ()
    staff: StaffNotes = NO_STAFF_NOTES


@record
class Timeline(UnpickledOnFirstRead, Record):
    """The timeline's periods and events."""

    # No defaults: a default is a class attribute, found before `__getattr__` could unpickle the field.
    eras: tuple[Era, ...]
    events: tuple[Event, ...]


@record
class Group(Record):
    """A category of recognition on the map (one colour and one line of the legend)."""

    id: str
    label: LocalisedText


@record
class Organisation(Record):
    """A body whose decisions count for its member places."""

    id: str
    name: LocalisedText
    members: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@record
class Recognition(Record):
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
    staff: StaffNotes = NO_STAFF_NOTES


@record
class Recognitions(UnpickledOnFirstRead, Record):
    """Every recognition decision, the groups they fall in, and the bodies that made them."""

    groups: tuple[Group, ...]
    organisations: tuple[Organisation, ...]
    entries: tuple[Recognition, ...]
    place_names: Mapping[str, LocalisedText]

    def shown(self) -> tuple[Recognition, ...]:
        return tuple(entry for entry in self.entries if entry.show)

    def places_in_group(self, group: str) -> tuple[str, ...]:
        """Distinct places with at least one shown decision, in first-seen order."""
        return tuple(dict.fromkeys(e.place for e in self.entries if e.show and e.group == group))


@record
class Source(Record):
    """A document that facts cite."""

    id: str
    title: str
    url: str
    kind: str
    publisher: str = ""
    date: PartialDate | None = None
    title_is: str = "headline"
    language: str = ""
    checked: bool = False
    staff: StaffNotes = NO_STAFF_NOTES


@record
class Pack(Record):
    """A whole validated content pack, as the interface uses it."""

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
