"""The interface texts the kiosk needs from every pack (`ui.yaml`), with their room on screen.

Adding a language is a content change: the pack carries these texts, the engine only names them.
A `{name}` in a text is filled in by the kiosk; every translation must keep the same names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UiString:
    key: str
    max_chars: int
    example: str


_STRINGS = [
    UiString("touch_to_begin", 60, "Touch the screen to begin"),
    UiString("home", 24, "Home"),
    UiString("back", 24, "Back"),
    UiString("next", 24, "Next"),
    UiString("previous", 24, "Previous"),
    UiString("close", 24, "Close"),
    UiString("language", 30, "Language"),
    UiString("accessibility", 30, "Larger text"),
    UiString("sources", 30, "Sources"),
    UiString("sources_title", 60, "Sources for this page"),
    UiString("panel_position", 30, "{current} of {total}"),
    UiString("still_there_title", 60, "Are you still there?"),
    UiString("still_there_text", 160, "The exhibit returns to the start in {seconds} seconds."),
    UiString("continue", 30, "Continue"),
    UiString("reset_view", 30, "Reset view"),
    UiString("as_of_today", 30, "Today"),
    UiString("show_list", 30, "List"),
    UiString("show_map", 30, "Map"),
    UiString("sort_by_date", 30, "By date"),
    UiString("sort_by_place", 30, "By name"),
    UiString("all_groups", 30, "All"),
    UiString("play", 24, "Play"),
    UiString("pause", 24, "Pause"),
    UiString("member_states", 40, "{count} member states"),
    UiString("related_panel", 40, "Read more"),
    UiString("related_events", 40, "On the timeline"),
    UiString("zoom_in", 30, "Zoom in"),
    UiString("zoom_out", 30, "Zoom out"),
    UiString("previous_event", 40, "Earlier event"),
    UiString("next_event", 40, "Later event"),
    UiString("show_timeline", 30, "Timeline"),
    UiString("events_count", 30, "{count} events"),
    UiString("content_notice_title", 60, "Before you continue"),
    UiString("content_notice_text", 300, "The next page describes violence against civilians."),
    UiString("content_notice_continue", 40, "Continue"),
    UiString("content_notice_skip", 40, "Skip this page"),
    UiString("date_adopted", 40, "Adopted {date}"),
    UiString("date_published", 40, "Published {date}"),
    UiString("date_presented", 40, "Presented {date}"),
    UiString("date_reported", 40, "Reported {date}"),
    UiString("date_unknown", 40, "Date not known"),
]

DOCUMENT_TYPES = (
    "resolution",
    "decision",
    "declaration",
    "statement",
    "motion",
    "memorial",
    "proclamation",
    "letter",
    "citation",
    "communique",
    "not-identified",
)
WORDINGS = ("genocide", "crime-against-humanity", "war-crimes", "massacre", "tragedy", "remembrance")

# Labels for the values of enumerated fields are interface texts too.
_STRINGS += [UiString("document_" + d.replace("-", "_"), 40, d.replace("-", " ").capitalize()) for d in DOCUMENT_TYPES]
_STRINGS += [UiString("wording_" + w.replace("-", "_"), 40, w.replace("-", " ").capitalize()) for w in WORDINGS]

UI_STRINGS: dict[str, UiString] = {s.key: s for s in _STRINGS}
