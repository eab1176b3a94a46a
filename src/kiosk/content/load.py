"""Loading a content pack folder: every file read, every problem collected, a frozen `Pack` if usable."""

from __future__ import annotations

import gc
import re
from pathlib import Path

from kiosk.content import format as fmt
from kiosk.content import readhelper
from kiosk.content.model import (
    NO_STAFF_NOTES,
    Attract,
    Credit,
    Era,
    Event,
    Exhibit,
    Figure,
    Group,
    Image,
    Language,
    LocalisedText,
    Organisation,
    Pack,
    Panel,
    Recognition,
    Recognitions,
    Section,
    Source,
    StaffNotes,
    Timeline,
)
from kiosk.content.fingerprint import content_hash
from kiosk.content.packfiles import PackFiles
from kiosk.content.problems import Position, ProblemLog
from kiosk.content.result import LoadResult
from kiosk.content.rules import Draft, check
from kiosk.content.schema import Context, Text, Values, suggestion
from kiosk.content.uistrings import UI_STRINGS
from kiosk.content.yamlnodes import Mapping, Node
from kiosk.geo.asset import MapAsset, load_map_asset, load_place_names
from kiosk.resources import asset_path

KNOWN_FILES = ("exhibit.yaml", "ui.yaml", "sources.yaml", "timeline.yaml", "recognitions.yaml")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load_pack(
    root: Path | str,
    places: MapAsset | None = None,
    names: dict[str, dict[str, str]] | None = None,
    helper: bool | None = None,
) -> LoadResult:
    """Read and check a pack folder. Never raises for anything found in the pack.

    `helper`: whether a second process reads part of the panels (content/readhelper.py): None lets the
    validator decide (only packs large enough to gain from it, on two cores or more); True always (half
    the panels, for tests); False never.
    """
    # Loading allocates hundreds of thousands of small, long-lived, acyclic objects; the cyclic
    # collector would rescan them over and over (about 40% of the time on a 1,000-panel pack).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(root), places, names, helper)
    finally:
        # And then they would all be scanned at the next collection (0.6 s for 10,000 panels, and
        # again now and then, in the middle of a visit): moved out of the collector's sight instead.
        # They hold no cycles, so reference counting still frees whatever is dropped.
        gc.freeze()
        if was_enabled:
            gc.enable()


def _load(
    root: Path, places: MapAsset | None, names: dict[str, dict[str, str]] | None, helper_wanted: bool | None
) -> LoadResult:
    log = ProblemLog()
    if not root.is_dir():
        log.error(Position(str(root)), "this content folder does not exist")
        return LoadResult(root, None, tuple(log.problems), "", "", (), {})
    if places is None:
        places = load_map_asset(asset_path("geo", "recognition_map.json"))
    if names is None:
        names = load_place_names(asset_path("geo", "place_names.json"))
    files = PackFiles(root, log)
    draft = Draft()
    ctx = Context(log)

    exhibit_node = files.read("exhibit.yaml", required=True)
    _declare_languages(exhibit_node, ctx)
    if exhibit_node is not None:
        draft.exhibit = fmt.EXHIBIT.convert(exhibit_node, ctx)
    sections = {s["kind"] for s in (draft.exhibit.get("sections", ()) if draft.exhibit else ())}

    draft.ui = _convert_ui(files.read("ui.yaml", required=True), ctx)
    sources = _convert(files.read("sources.yaml", required=True), fmt.SOURCES, ctx)
    draft.sources = list(sources.get("sources", ())) if sources else []
    panel_files = files.listing("panels")
    helper = _start_helper(root, files, panel_files, ctx, helper_wanted)
    helped = helper.panels if helper else []
    try:
        panels = read_panels(files, panel_files[: len(panel_files) - len(helped)], ctx)
        draft.timeline = _convert(files.read("timeline.yaml", required="timeline" in sections), fmt.TIMELINE, ctx)
        draft.recognitions = _convert(files.read("recognitions.yaml", required="map" in sections), fmt.RECOGNITIONS, ctx)
        if helper is not None:
            theirs = helper.finish(ctx, files)
            panels += theirs if theirs is not None else read_panels(files, helped, ctx)
    finally:
        if helper is not None:
            helper.close()
    draft.panels = [panel for panel in panels if panel is not None]
    if len(draft.panels) < len(panels):
        draft.unreadable.add("panel")
    if sources is None:
        draft.unreadable.add("source")
    if draft.timeline is None:
        draft.unreadable.update({"event", "era"})
    if draft.recognitions is None:
        draft.unreadable.update({"group", "organisation"})
    for name in files.stray_files():
        if name not in KNOWN_FILES:
            log.warning(Position(name), "this file is not part of a content pack and is ignored", suggestion(name, KNOWN_FILES))
    for name in files.stray_files("panels"):
        if name.endswith(".yml"):
            log.warning(Position(name), "this panel is ignored: panel files must end in .yaml", "rename it")

    check(draft, ctx, files, places, names)
    digest = content_hash(root, files.digests)
    exhibit_id = draft.exhibit["id"] if draft.exhibit and draft.exhibit["id"] else ""
    pack = None if log.has_errors else _build(root, draft, ctx, digest)
    # In the order the files are read in one process, whichever process read them.
    order = {rel: i for i, rel in enumerate(["exhibit.yaml", "ui.yaml", "sources.yaml", *panel_files])}
    keys = sorted(ctx.coverage, key=lambda key: order.get(key[0], len(order)))  # stable: languages keep their order
    coverage = {key: tuple(ctx.coverage[key]) for key in keys}
    return LoadResult(root, pack, tuple(log.problems), digest, exhibit_id, ctx.languages, coverage)


def read_panels(files: PackFiles, rels: list[str], ctx: Context) -> list[Values | None]:
    """Each panel file converted, or None where it could not be read at all."""
    panels: list[Values | None] = []
    for rel in rels:
        panel = _convert(files.read(rel, required=True), fmt.PANEL, ctx)
        if panel is not None:
            panel.values["_file"] = rel
        panels.append(panel)
    return panels


def _start_helper(
    root: Path, files: PackFiles, panel_files: list[str], ctx: Context, wanted: bool | None
) -> readhelper.Helper | None:
    """A second process reading the last panels meanwhile (content/readhelper.py), or None.

    `wanted`: as `load_pack`'s `helper` (None: when it pays; True: for half the panels; False: never).
    """
    if wanted is False or (wanted is None and len(panel_files) < 1_000):  # far too small to pay: not even measured
        return None
    if wanted:
        helped = panel_files[len(panel_files) // 2 :] if len(panel_files) > 1 else []
    else:
        helped = readhelper.plan(files, panel_files, ["timeline.yaml", "recognitions.yaml"])
    return readhelper.start(root, helped, ctx) if helped else None


def _convert(node: Node | None, record, ctx: Context) -> Values | None:
    return record.convert(node, ctx) if node is not None else None


def _declare_languages(node: Node | None, ctx: Context) -> None:
    """Read the language list first: every text in the pack is checked against it."""
    if not isinstance(node, Mapping):
        return
    languages = node.get("languages")
    if languages is None:
        return
    scratch = Context(ProblemLog())  # the full pass reports these problems once
    values = fmt.EXHIBIT.fields["languages"].type.convert(languages, scratch) or ()
    codes = [v["code"] for v in values if v["code"]]
    ctx.languages = tuple(dict.fromkeys(codes))
    ctx.missing_policy = {v["code"]: v.get("missing", "error") for v in values if v["code"]}
    if len(codes) != len(ctx.languages):
        ctx.log.error(Position(node.file, languages.line, languages.column), "a language is listed twice")


def _convert_ui(node: Node | None, ctx: Context) -> dict[str, LocalisedText]:
    if node is None:
        return {}
    if not isinstance(node, Mapping):
        ctx.log.error(node.position, "ui.yaml should be a block of interface texts, one name per text")
        return {}
    texts: dict[str, LocalisedText] = {}
    for key, value in node.pairs:
        spec = UI_STRINGS.get(key.value)
        if spec is None:
            ctx.log.warning(key.position, f"the kiosk does not use an interface text called `{key.value}`", suggestion(key.value, UI_STRINGS))
            continue
        text = Text(spec.max_chars).convert(value, ctx)
        if text is None:
            continue
        wanted = set(_PLACEHOLDER.findall(spec.example))
        for language, translation in text.texts.items():
            found = set(_PLACEHOLDER.findall(translation))
            if found != wanted:
                names = ", ".join("{" + n + "}" for n in sorted(wanted)) or "none"
                ctx.log.error(value.position, f"the {language} text of `{key.value}` must contain the placeholders {names}", f"for example: {spec.example}")
        texts[key.value] = text
    for key, spec in UI_STRINGS.items():
        if key not in texts and node.get(key) is None:
            ctx.log.error(Position(node.file, 1, 1), f"ui.yaml lacks the interface text `{key}`", f'for example: {key}: {{en: "{spec.example}"}}')
    return texts


# ---------------------------------------------------------------------------------------------------
# Building the frozen model. Only called when there are no errors, so required values are present.


def _staff(values: Values) -> StaffNotes:
    confidence, notes, disputes = values.get("confidence", ""), values.get("notes", ""), values.get("disputes", ())
    if not (confidence or notes or disputes):
        return NO_STAFF_NOTES
    return StaffNotes(confidence, notes, tuple(disputes))


def _build(root: Path, draft: Draft, ctx: Context, digest: str) -> Pack:
    ex = draft.exhibit
    exhibit = Exhibit(
        id=ex["id"],
        title=ex["title"],
        subtitle=ex["subtitle"],
        languages=tuple(
            Language(v["code"], v["name"], v.get("missing", "error"), v.get("locale", "")) for v in ex["languages"]
        ),
        sections=tuple(Section(v["kind"], v["title"], v["text"]) for v in ex["sections"]),
        attract=Attract(ex["attract"]["title"], ex["attract"]["text"]),
        credits=tuple(Credit(v["role"], v["name"]) for v in ex.get("credits", ())),
    )
    panels = tuple(_build_panel(p) for p in draft.panels)
    timeline = Timeline(
        eras=tuple(Era(v["id"], v["start"], v["end"], v["label"]) for v in draft.eras()),
        events=tuple(
            sorted(
                (
                    Event(v["id"], v["date"], v["end"], v["title"], v["text"], v.get("panel", ""), v["sources"], _staff(v))
                    for v in draft.events()
                ),
                key=lambda e: (e.date.first_day(), e.id),
            )
        ),
    )
    rec = draft.recognitions
    recognitions = Recognitions(
        groups=tuple(Group(v["id"], v["label"]) for v in draft.groups()),
        organisations=tuple(
            Organisation(v["id"], v["name"], v.get("members", ()), v.get("sources", ())) for v in draft.organisations()
        ),
        entries=tuple(_build_recognition(v) for v in draft.recognition_entries()),
        place_names=dict(rec.get("place_names", {})) if rec else {},
    )
    sources = {
        v["id"]: Source(
            id=v["id"],
            title=v["title"],
            url=v["url"],
            kind=v["kind"],
            publisher=v.get("publisher", ""),
            date=v["date"],
            title_is=v.get("title_is", "headline"),
            language=v.get("language", ""),
            checked=v.get("checked", False),
            staff=StaffNotes(notes=v.get("notes", "")),
        )
        for v in draft.sources
    }
    return Pack(str(root), exhibit, panels, timeline, recognitions, sources, dict(draft.ui), digest)


def _build_panel(v: Values) -> Panel:
    figures = tuple(
        Figure(f["value"], f["label"], f["sources"], f.get("attract", False), f.get("counts", ""), _staff(f))
        for f in v.get("figures", ())
    )
    images = tuple(
        Image(i["file"], i["caption"], i["credit"], i["alt"], *i.get("_size", (0, 0))) for i in v.get("images", ())
    )
    return Panel(
        id=v["id"],
        file=v["_file"],
        title=v["title"],
        subtitle=v["subtitle"],
        body=tuple(v["body"]),
        figures=figures,
        images=images,
        events=tuple(v.get("events", ())),
        sources=tuple(v["sources"]),
        distressing=v.get("distressing", False),
        staff=_staff(v),
    )


def _build_recognition(v: Values) -> Recognition:
    return Recognition(
        id=v["id"],
        kind=v["kind"],
        place=v["place"],
        group=v["group"],
        body=v["body"],
        date=v["date"],
        date_is=v.get("date_is", "adopted"),
        document=v["document"],
        wording=tuple(v.get("wording", ())),
        quote=v["quote"],
        description=v["description"],
        sources=tuple(v["sources"]),
        show=v.get("show", True),
        listed_in=tuple(v.get("listed_in", ())),
        staff=_staff(v),
    )
