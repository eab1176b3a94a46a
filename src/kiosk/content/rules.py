"""Checks that need more than one field: ids, references, counts, images, and findings for staff.

Field-level checks (types, lengths, translations) happen while converting, in `schema`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.images import ImageError, probe_image
from kiosk.content.packfiles import PackFiles
from kiosk.content.problems import Position
from kiosk.content.schema import Context, Values, suggestion
from kiosk.geo.asset import MapAsset

MAX_IMAGE_SIDE = 8192  # beyond this Qt refuses or the terminal runs out of texture memory
LARGE_IMAGE_SIDE = 4096  # larger than a 4K screen needs
PANEL_BODY_CHARS = 2400  # about what one screen holds at the kiosk's reading size


@dataclass
class Draft:
    """Everything read from a pack, before it becomes the frozen model."""

    exhibit: Values | None = None
    ui: dict = field(default_factory=dict)
    sources: list[Values] = field(default_factory=list)
    panels: list[Values] = field(default_factory=list)
    timeline: Values | None = None
    recognitions: Values | None = None
    unreadable: set[str] = field(default_factory=set)  # kinds of id whose defining file could not be read

    def events(self) -> list[Values]:
        return list(self.timeline.get("events", ())) if self.timeline else []

    def eras(self) -> list[Values]:
        return list(self.timeline.get("eras", ())) if self.timeline else []

    def recognition_entries(self) -> list[Values]:
        return list(self.recognitions.get("entries", ())) if self.recognitions else []

    def groups(self) -> list[Values]:
        return list(self.recognitions.get("groups", ())) if self.recognitions else []

    def organisations(self) -> list[Values]:
        return list(self.recognitions.get("organisations", ())) if self.recognitions else []


def place_groups(entries: list[Values]) -> dict[str, Values]:
    """Each shown place and the entry that puts it in its group: the first one, as the map colours and counts it."""
    first: dict[str, Values] = {}
    for entry in entries:
        if entry.get("show", True) and entry["place"] and entry["group"]:
            first.setdefault(entry["place"], entry)
    return first


def shown_places(entries: list[Values], group: str) -> list[str]:
    return [place for place, entry in place_groups(entries).items() if entry["group"] == group]


def check(
    draft: Draft, ctx: Context, files: PackFiles, places: MapAsset | None, names: dict[str, dict[str, str]]
) -> None:
    ids = _check_ids(draft, ctx)
    _check_references(ctx, ids, places, draft.unreadable)
    _check_place_names(draft, ctx, places, names)
    _check_sections(draft, ctx)
    _check_place_groups(draft, ctx)
    _check_counts(draft, ctx)
    _check_images(draft, ctx, files)
    _report_findings(draft, ctx, ids)


def _check_ids(draft: Draft, ctx: Context) -> dict[str, dict[str, Values]]:
    """Each kind's ids, with the record that first defines each."""
    groups = {
        "panel": draft.panels,
        "event": draft.events(),
        "era": draft.eras(),
        "source": draft.sources,
        "group": draft.groups(),
        "organisation": draft.organisations(),
        "recognition entry": draft.recognition_entries(),
    }
    ids: dict[str, dict[str, Values]] = {}
    for kind, records in groups.items():
        seen: dict[str, Values] = {}
        for record in records:
            identifier = record["id"]
            if identifier is None:
                continue
            if identifier in seen:
                first = seen[identifier].at("id")
                ctx.log.error(
                    record.at("id"),
                    f"another {kind} already has the id `{identifier}` ({first})",
                    "every id must be different",
                )
            else:
                seen[identifier] = record
        ids[kind] = seen
    return ids


def _check_references(
    ctx: Context, ids: dict[str, dict[str, Values]], places: MapAsset | None, unreadable: set[str]
) -> None:
    """Every id used must exist; ids defined in a file that could not be read are not second-guessed."""
    known = {kind: set(found) for kind, found in ids.items() if kind not in unreadable}
    if places is not None:
        known["country"] = set(places.countries())
        known["subdivision"] = set(places.subdivisions())
    for ref in ctx.references:
        if ref.kind not in known:
            continue
        if ref.value in known[ref.kind]:
            continue
        if ref.kind in ("country", "subdivision"):
            ctx.log.error(
                ref.position,
                f"`{ref.value}` is not a {ref.kind} code the map knows",
                suggestion(ref.value, known[ref.kind]) or "use ISO 3166 codes such as `MX`, `US-TX` or `GB-SCT`",
            )
        else:
            where = {"source": "sources.yaml", "panel": "panels/", "event": "timeline.yaml"}.get(ref.kind, "this pack")
            ctx.log.error(
                ref.position,
                f"there is no {ref.kind} with the id `{ref.value}` in {where}",
                suggestion(ref.value, known[ref.kind]),
            )


def _check_place_names(
    draft: Draft, ctx: Context, places: MapAsset | None, names: dict[str, dict[str, str]]
) -> None:
    """Every place shown to visitors needs a name in every language: the pack's own `place_names`,
    else the curated table that ships with the map."""
    if draft.recognitions is None or places is None:
        return
    overrides = draft.recognitions.get("place_names", {}) or {}
    known = {"country": places.countries(), "subdivision": places.subdivisions()}
    reported: set[tuple[str, str]] = set()
    for entry in draft.recognition_entries():
        place = entry["place"]
        if not entry.get("show", True) or place not in known.get(entry["kind"], ()):
            continue  # organisations are named in the pack; unknown codes are reported already
        for language in ctx.languages:
            override = overrides.get(place)
            if (override is not None and override.has(language)) or names.get(place, {}).get(language):
                continue
            if (place, language) in reported:
                continue
            reported.add((place, language))
            message = f"there is no {language} name for `{place}`"
            hint = f"add it under place_names in recognitions.yaml, e.g. {place}: {{{language}: \"…\"}}"
            if language == ctx.default_language or ctx.missing_policy.get(language, "error") == "error":
                ctx.log.error(entry.at("place"), message, hint)
            else:
                ctx.log.warning(entry.at("place"), message, hint)


def _check_sections(draft: Draft, ctx: Context) -> None:
    if draft.exhibit is None:
        return
    seen: set[str] = set()
    for section in draft.exhibit.get("sections", ()):
        kind = section["kind"]
        if kind in seen:
            ctx.log.error(section.at("kind"), f"the home screen already has a `{kind}` section")
        seen.add(kind or "")
        if kind == "story" and not draft.panels and "panel" not in draft.unreadable:
            ctx.log.error(section.at("kind"), "the story section needs at least one file in panels/")
        if kind == "map" and not draft.recognition_entries():
            ctx.log.error(section.at("kind"), "the map section needs entries in recognitions.yaml")


_WHOLE_NUMBER = re.compile(r"^\d{1,3}([ ,.\u00a0\u202f']\d{3})*$|^\d+$")


def _number(text: str) -> int | None:
    """A whole number as exhibits write it (`17`, `1,275`, `20 000`), else None."""
    text = text.strip()
    if not _WHOLE_NUMBER.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def _check_place_groups(draft: Draft, ctx: Context) -> None:
    """A place is coloured and counted in one group on the map; shown decisions that put it in another say so."""
    entries = draft.recognition_entries()
    first = place_groups(entries)
    for entry in entries:
        place, group = entry["place"], entry["group"]
        if not entry.get("show", True) or place not in first or not group:
            continue
        chosen = first[place]
        if group != chosen["group"]:
            ctx.log.warning(
                entry.at("group"),
                f"`{place}` is already in the group `{chosen['group']}` ({chosen.at('group')}); "
                f"the map colours and counts each place in one group, the group of its first entry",
                "put every shown entry of this place in the same group, or hide this one with `show: no`",
            )


def _check_counts(draft: Draft, ctx: Context) -> None:
    entries = draft.recognition_entries()
    group_ids = {g["id"] for g in draft.groups()}
    # Worked out once, on the first figure that needs them, rather than once per figure.
    unreadable_show: bool | None = None
    places_per_group: Counter[str] | None = None
    for panel in draft.panels:
        for figure in panel.get("figures", ()):
            group = figure["counts"]
            if not group:
                continue
            if group not in group_ids:
                ctx.log.error(
                    figure.at("counts"),
                    f"there is no recognition group `{group}`",
                    suggestion(group, group_ids) or "groups are declared in recognitions.yaml",
                )
                continue
            value = figure["value"]
            stated = _number(value.get(ctx.default_language) if value is not None else "")
            if stated is None:
                ctx.log.error(figure.at("value"), "a figure tied to a count must be a whole number")
                continue
            if unreadable_show is None:
                unreadable_show = any(e["show"] is None and e.written("show") for e in entries)
            if unreadable_show:
                continue  # an unreadable `show:` is already reported; counting now would mislead
            if places_per_group is None:
                places_per_group = Counter(entry["group"] for entry in place_groups(entries).values())
            counted = places_per_group[group]  # == len(shown_places(entries, group))
            if stated != counted:
                places = "place" if counted == 1 else "places"
                ctx.log.error(
                    figure.at("value"),
                    f"this figure says {stated}, but recognitions.yaml shows {counted} {places} in the group `{group}`",
                    "change the figure, or which entries have `show: yes`",
                )


def _check_images(draft: Draft, ctx: Context, files: PackFiles) -> None:
    for panel in draft.panels:
        for image in panel.get("images", ()):
            rel = image["file"]
            if not rel:
                continue
            at = image.at("file")
            if Path(rel).is_absolute() or "\\" in rel:
                ctx.log.error(at, "write the image's path relative to the content folder, with forward slashes")
                continue
            path = files.inside(rel)
            if path is None:
                ctx.log.error(at, f"`{rel}` points outside the content folder", "copy the image into images/")
                continue
            if not path.is_file():
                ctx.log.error(at, f"the image `{rel}` does not exist", _nearby_file(files.root, rel))
                continue
            try:
                info = probe_image(path)
            except (ImageError, OSError) as exc:
                ctx.log.error(at, f"`{rel}` cannot be shown: {exc}")
                continue
            image.values["_size"] = (info.width, info.height)
            side = max(info.width, info.height)
            if side > MAX_IMAGE_SIDE:
                ctx.log.error(
                    at,
                    f"`{rel}` is {info.width}x{info.height} pixels, far larger than any screen",
                    f"scale it down to at most {LARGE_IMAGE_SIDE} pixels on its longer side",
                )
            elif side > LARGE_IMAGE_SIDE:
                ctx.log.warning(
                    at,
                    f"`{rel}` is {info.width}x{info.height} pixels; it costs memory without looking sharper",
                    f"scale it down to at most {LARGE_IMAGE_SIDE} pixels on its longer side",
                )


def _nearby_file(root: Path, rel: str) -> str:
    folder = (root / rel).parent
    if not folder.is_dir():
        return ""
    return suggestion(Path(rel).name, [p.name for p in folder.iterdir()])


def _report_findings(draft: Draft, ctx: Context, ids: dict[str, dict[str, Values]]) -> None:
    """Warnings that are not mistakes: what the research says staff must still decide or check."""
    for record, what in _facts(draft):
        for dispute in record.get("disputes", ()):
            ctx.log.warning(record.at("disputes"), f"sources disagree about this {what}{_named(record, what, ctx)}: {dispute}")
    for entry in draft.recognition_entries():
        if not entry.get("show", True):
            continue
        # Named, so a curator reading the proof's report at a desk knows which decision is meant.
        name = f" (`{entry['id']}`)" if entry["id"] else ""
        if entry["confidence"] == "low":
            ctx.log.warning(entry.at("confidence"), f"this entry{name} is shown to visitors, but its confidence is low")
        if entry["date"] is None:
            ctx.log.warning(entry.node.position, f"this entry{name} has no date; the map shows it only for today")
    used = {ref.value for ref in ctx.references if ref.kind == "source"}
    for source in draft.sources if not draft.unreadable else ():  # a broken file may be the user
        if source["id"] and source["id"] not in used:
            ctx.log.warning(source.at("id"), f"the source `{source['id']}` is not used by any fact")
    unchecked = [s["id"] for s in draft.sources if s["id"] and not s.get("checked", False)]
    if unchecked:
        listed = ", ".join(unchecked[:8]) + (f" and {len(unchecked) - 8} more" if len(unchecked) > 8 else "")
        ctx.log.warning(
            Position("sources.yaml"),
            f"{len(unchecked)} of {len(draft.sources)} sources have not been checked live: {listed}",
            "open each link, then set `checked: yes`",
        )
    for panel in draft.panels:
        language = ctx.default_language
        length = sum(len(p.get(language)) for p in panel.get("body", ()) if p is not None)
        if length > PANEL_BODY_CHARS:
            ctx.log.warning(
                panel.at("body"),
                f"the panel's text is {length} characters long; visitors will have to scroll",
                f"about {PANEL_BODY_CHARS} characters fit on one screen",
            )
    _check_events_in_eras(draft, ctx)


def _named(record: Values, what: str, ctx: Context) -> str:
    """Which fact, in a few words, for a curator reading the findings away from the file."""
    if what == "figure":
        value = record["value"]
        return f" (`{value.get(ctx.default_language)}`)" if value is not None else ""
    return f" (`{record['id']}`)" if record["id"] else ""


def _facts(draft: Draft):
    for panel in draft.panels:
        yield panel, "panel"
        for figure in panel.get("figures", ()):
            yield figure, "figure"
    for event in draft.events():
        yield event, "event"
    for entry in draft.recognition_entries():
        yield entry, "entry"


def _check_events_in_eras(draft: Draft, ctx: Context) -> None:
    eras = [(e["start"].first_day(), e["end"].last_day()) for e in draft.eras() if e["start"] and e["end"]]
    if not eras:
        return
    for event in draft.events():
        date = event["date"]
        if date is None:
            continue
        day = date.first_day()
        if not any(first <= day <= last for first, last in eras):
            ctx.log.warning(event.at("date"), f"this event ({date}) lies outside every era of the timeline")
