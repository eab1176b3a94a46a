"""The blocks of each pack file, as `schema` records. `docs/content-format.md` describes the same fields.

A test checks that every field declared here is documented there.
"""

from __future__ import annotations

import re

from kiosk.content.schema import (
    LANGUAGE_PATTERN,
    Context,
    DateField,
    Enum,
    Field,
    Flag,
    Identifier,
    ListOf,
    MapOf,
    Plain,
    PlainOrText,
    Record,
    Reference,
    RefTo,
    Text,
    Values,
)
from kiosk.content.uistrings import DOCUMENT_TYPES, WORDINGS

CONFIDENCE = ("high", "medium-high", "medium", "low-medium", "low")
SECTION_KINDS = ("story", "timeline", "map", "sources")
SOURCE_KINDS = ("official", "primary-document", "news", "ngo-report", "reference", "aggregate-list", "blog", "academic")
RECOGNITION_KINDS = ("country", "subdivision", "organisation")
DATE_IS = ("adopted", "published", "presented", "reported")

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
SUBDIVISION_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
PLACE_CODE = re.compile(r"^([A-Z]{2}(-[A-Z0-9]{1,3})?|[a-z0-9][a-z0-9-]*)$")


def _sources(required: bool = True) -> Field:
    return Field(
        "sources",
        ListOf(RefTo("source"), unique=True, min_items=1 if required else 0, what="source"),
        required,
        "the ids of the sources (from sources.yaml) that support it",
    )


STAFF_FIELDS = [
    Field("confidence", Enum(*CONFIDENCE), help="how sure the research is", staff_only=True),
    Field("notes", Plain(4000), help="anything staff should know", staff_only=True),
    Field("disputes", ListOf(Plain(2000)), help="where sources disagree, one line each", staff_only=True),
]


def _end_not_before_start(values: Values, ctx: Context, start: str = "date", end: str = "end") -> None:
    first, last = values[start], values[end]
    if first is not None and last is not None and last.last_day() < first.first_day():
        ctx.log.error(values.at(end), f"`{end}` ({last}) is before `{start}` ({first})")


LANGUAGE = Record(
    "a language",
    [
        Field("code", Plain(12, LANGUAGE_PATTERN, "a language code such as `en`, `az` or `ru`"), True, "ISO 639 code"),
        Field("name", Plain(40), True, "the language's name in itself, shown on the language button"),
        Field("missing", Enum("error", "warning"), help="how a missing translation is reported (default: error)"),
        Field(
            "locale",
            Plain(20, LANGUAGE_PATTERN, "a locale such as `en-GB`, `az-AZ` or `ru-RU`"),
            help="whose conventions dates follow, when the code alone is not enough (`en-GB`: 25 February 1992)",
        ),
    ],
)

SECTION = Record(
    "a home screen section",
    [
        Field("kind", Enum(*SECTION_KINDS), True, "which part of the exhibit the tile opens"),
        Field("title", Text(40), True, "the tile's title"),
        Field("text", Text(120), help="one line under the title"),
    ],
)

EXHIBIT = Record(
    "the exhibit",
    [
        Field("id", Identifier(), True, "a short name for this exhibit, used in logs and reports"),
        Field("title", Text(70), True, "the exhibit's title"),
        Field("subtitle", Text(120), help="a line under the title"),
        Field("languages", ListOf(LANGUAGE), True, "the languages, the first one is the default"),
        Field("sections", ListOf(SECTION), True, "the tiles of the home screen, in order"),
        Field(
            "attract",
            Record(
                "the attract screen",
                [
                    Field("title", Text(70), True, "the title shown while nobody is using the kiosk"),
                    Field("text", Text(160), help="a quiet line under it"),
                ],
            ),
            True,
            "what the kiosk shows while nobody uses it",
        ),
        Field(
            "credits",
            ListOf(
                Record(
                    "a credit",
                    [
                        Field("role", Text(40), True, "what they did"),
                        Field("name", PlainOrText(120), True, "who: one text for all languages, or one per language"),
                    ],
                )
            ),
            help="who made the exhibit",
        ),
    ],
)

FIGURE = Record(
    "a key figure",
    [
        Field(
            "value", PlainOrText(12), True,
            "the number as the exhibit writes it: `613`, or per language when it has words (`up to 20%`)",
        ),
        Field("label", Text(60), True, "what the number counts"),
        _sources(),
        Field("attract", Flag(), help="`yes` to show it on the attract screen"),
        Field("counts", Identifier(), help="a recognition group whose number of places this figure states"),
        *STAFF_FIELDS,
    ],
)

IMAGE = Record(
    "an image",
    [
        Field("file", Plain(200), True, "the image file, relative to the pack folder (PNG or JPEG)"),
        Field("caption", Text(200), True, "the caption under the image"),
        Field("credit", Text(120), True, "who made the image or holds its rights"),
        Field("alt", Text(250), True, "a description of the image for people who cannot see it"),
    ],
)

PANEL = Record(
    "a panel",
    [
        Field("id", Identifier(), True, "the panel's id, used by timeline events"),
        Field("title", Text(70), True, "the panel's title"),
        Field("subtitle", Text(120), help="a line under the title"),
        Field("distressing", Flag(), help="`yes` if a calm notice should come before it"),
        Field("body", ListOf(Text(700)), True, "the paragraphs of the panel"),
        Field("figures", ListOf(FIGURE, max_items=4), help="up to four key figures"),
        Field("images", ListOf(IMAGE, max_items=6), help="up to six images"),
        Field("events", ListOf(RefTo("event"), unique=True), help="related timeline events"),
        _sources(),
        Field("notes", Plain(4000), help="anything staff should know", staff_only=True),
        Field("disputes", ListOf(Plain(2000)), help="where sources disagree", staff_only=True),
    ],
)

ERA = Record(
    "an era",
    [
        Field("id", Identifier(), True),
        Field("start", DateField(), True, "when the era begins"),
        Field("end", DateField(), True, "when the era ends"),
        Field("label", Text(40), True, "the era's name on the timeline"),
    ],
    check=lambda values, ctx: _end_not_before_start(values, ctx, "start", "end"),
)

EVENT = Record(
    "a timeline event",
    [
        Field("id", Identifier(), True),
        Field("date", DateField(), True, "when it happened, as precisely as known"),
        Field("end", DateField(), help="for events that last: when it ended"),
        Field("title", Text(90), True, "the event's title"),
        Field("text", Text(600), True, "one to three sentences"),
        Field("panel", RefTo("panel"), help="the panel that tells more"),
        _sources(),
        *STAFF_FIELDS,
    ],
    check=_end_not_before_start,
)

TIMELINE = Record(
    "the timeline",
    [
        Field("eras", ListOf(ERA), help="named periods shown as bands"),
        Field("events", ListOf(EVENT), True, "the events, in any order"),
    ],
)

SOURCE = Record(
    "a source",
    [
        Field("id", Identifier(), True),
        Field("title", Plain(400), True, "the title as published"),
        Field("title_is", Enum("headline", "description", "translation"), help="whether the title is the original"),
        Field("publisher", Plain(200), help="who published it"),
        Field("date", DateField(), help="when it was published"),
        Field("url", Plain(1000, re.compile(r"^https?://\S+$"), "a web address starting with http:// or https://"), True),
        Field("kind", Enum(*SOURCE_KINDS), True, "what sort of source it is"),
        Field("language", Plain(12, LANGUAGE_PATTERN, "a language code"), help="the language it is written in"),
        Field("checked", Flag(), help="`yes` once someone has opened the link and confirmed it", staff_only=True),
        Field("notes", Plain(4000), help="anything staff should know", staff_only=True),
    ],
)

SOURCES = Record("the sources file", [Field("sources", ListOf(SOURCE), True, "the bibliography")])

GROUP = Record("a recognition group", [Field("id", Identifier(), True), Field("label", Text(40), True)])

ORGANISATION = Record(
    "an organisation",
    [
        Field("id", Identifier(), True),
        Field("name", Text(80), True),
        Field("members", ListOf(RefTo("country", Plain(2, COUNTRY_CODE, "a two-letter country code")), unique=True)),
        _sources(required=False),
    ],
)


_PLACE_OF_KIND = {
    "country": (COUNTRY_CODE, "a two-letter ISO 3166-1 country code like `MX`"),
    "subdivision": (SUBDIVISION_CODE, "an ISO 3166-2 code like `US-TX` or `GB-SCT`"),
    "organisation": (re.compile(r"^[a-z0-9][a-z0-9-]*$"), "the id of an organisation listed above"),
}


def _check_recognition(values: Values, ctx: Context) -> None:
    kind, place = values["kind"], values["place"]
    if kind is None or place is None:
        return
    expected = _PLACE_OF_KIND[kind]
    if not expected[0].match(place):
        ctx.log.error(values.at("place"), f"a {kind} needs {expected[1]}, not `{place}`")
        return
    ctx.references.append(Reference(kind, place, values.nodes["place"]))


RECOGNITION = Record(
    "a recognition entry",
    [
        Field("id", Identifier(), True),
        Field("kind", Enum(*RECOGNITION_KINDS), True, "country, subdivision or organisation"),
        Field("place", Plain(20, PLACE_CODE, "a place code (`MX`, `US-TX`) or an organisation id"), True),
        Field("group", RefTo("group"), True, "the legend group it is counted in"),
        Field("body", Text(160), True, "the body that adopted it"),
        Field("date", DateField(), help="when, as precisely as known; leave out if not known"),
        Field("date_is", Enum(*DATE_IS), help="what the date is (default: adopted)"),
        Field("document", Enum(*DOCUMENT_TYPES), True, "the type of document"),
        Field("wording", ListOf(Enum(*WORDINGS), unique=True), help="what the document calls the events"),
        Field("quote", Text(300), help="the words it used"),
        Field("description", Text(400), True, "one or two sentences for visitors"),
        _sources(),
        Field("show", Flag(), help="`no` keeps it for staff only (default: yes)"),
        Field("listed_in", ListOf(RefTo("source"), unique=True), help="aggregate lists that include it", staff_only=True),
        *STAFF_FIELDS,
    ],
    check=_check_recognition,
)

RECOGNITIONS = Record(
    "the recognitions file",
    [
        Field("groups", ListOf(GROUP), True, "legend groups, in order"),
        Field("organisations", ListOf(ORGANISATION), help="organisations and their member states"),
        Field(
            "place_names",
            MapOf(Plain(12, re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"), "a place code"), Text(60, every_language=False)),
            help="names for places, overriding the built-in names",
        ),
        Field("entries", ListOf(RECOGNITION), True, "the decisions"),
    ],
)
