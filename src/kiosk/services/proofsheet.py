"""The curator's proof sheet: a contact sheet of every screen plus a report of every fact. Pure Python.

`kiosk proof` renders the screens (Qt) and hands this module a list of `Shot`s and the pack's
`LoadResult`; this module writes `index.html`, a page a curator can read at a desk and sign off.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.result import LoadResult
from kiosk.content.model import Pack, StaffNotes
from kiosk.content.report import translation_matrix
from kiosk.layout.recognition import counts_as_of


@dataclass(frozen=True)
class Shot:
    screen: str  # "panel 2", "map card MX" ...
    language: str
    size: str  # "1920x1080"
    file: str  # relative to the proof folder
    overflowing: tuple[str, ...] = ()  # texts that did not fit on this screen
    changed: bool | None = None  # against --compare; None when nothing was compared


@dataclass
class ProofSheet:
    result: LoadResult
    shots: list[Shot] = field(default_factory=list)
    compared_with: str = ""
    empty: list[str] = field(default_factory=list)  # screens that rendered nothing: a bug to report

    def write(self, folder: Path) -> Path:
        path = folder / "index.html"
        path.write_text(self.html(), encoding="utf-8")
        return path

    # --------------------------------------------------------------------------------------
    def html(self) -> str:
        pack = self.result.pack
        title = pack.exhibit.title.get(pack.exhibit.default_language) if pack else self.result.root.name
        parts = [
            "<!doctype html><html><head><meta charset='utf-8'>",
            f"<title>Proof: {_e(title)}</title><style>{_STYLE}</style></head><body>",
            f"<h1>Proof: {_e(title)}</h1>",
            f"<p class='meta'>Content pack <b>{_e(self.result.exhibit_id)}</b>, hash <code>{self.result.content_hash}</code>"
            f" &middot; {len(self.shots)} screens</p>",
        ]
        if self.compared_with:
            changed = [s for s in self.shots if s.changed]
            parts.append(
                f"<p class='meta'>Compared with <code>{_e(self.compared_with)}</code>: "
                f"<b>{len(changed)}</b> screens changed (marked <span class='changed'>changed</span>).</p>"
            )
        if self.empty:
            parts.append("<p class='warn'>These screens rendered nothing: " + ", ".join(_e(f) for f in self.empty) + "</p>")
        parts += self._contact_sheet()
        if pack is not None:
            parts += self._report(pack)
        parts.append("</body></html>")
        return "\n".join(parts)

    def _contact_sheet(self) -> list[str]:
        out = ["<h2>Screens</h2>"]
        screens = list(dict.fromkeys(s.screen for s in self.shots))
        languages = list(dict.fromkeys(s.language for s in self.shots))
        for screen in screens:
            out.append(f"<section class='screen'><h3>{_e(screen)}</h3>")
            for language in languages:
                shots = [s for s in self.shots if s.screen == screen and s.language == language]
                if not shots:
                    continue
                out.append(f"<div class='row'><span class='lang'>{_e(language)}</span>")
                for shot in shots:
                    badge = " <span class='changed'>changed</span>" if shot.changed else ""
                    warn = "".join(f"<div class='warn'>does not fit: {_e(t)}</div>" for t in shot.overflowing)
                    out.append(
                        f"<figure><a href='{_e(shot.file)}'><img src='{_e(shot.file)}' loading='lazy' "
                        f"alt='{_e(screen)}, {_e(language)}, {shot.size}'></a>"
                        f"<figcaption>{shot.size}{badge}</figcaption>{warn}</figure>"
                    )
                out.append("</div>")
            out.append("</section>")
        return out

    def _report(self, pack: Pack) -> list[str]:
        default = pack.exhibit.default_language
        out = ["<h2>Report for curators</h2>"]
        out += self._counts(pack)
        out += self._truncations()
        out.append("<h3>Translations (reviewed / draft / missing)</h3><pre>")
        out.append(_e("\n".join(translation_matrix(self.result)) or "One language only."))
        out.append("</pre>")
        out += self._disagreements()
        out.append("<h3>Facts and their sources</h3>")
        out.append("<h4>Panels</h4>")
        for panel in pack.panels:
            out.append(f"<div class='fact' id='panel-{_e(panel.id)}'><b>{_e(panel.title.get(default))}</b> "
                       f"<code>{_e(panel.file)}</code>")
            out += self._sources(pack, panel.sources)
            out += self._staff(panel.staff)
            for figure in panel.figures:
                out.append(f"<div class='fact sub'>{_e(figure.value.get(default))} {_e(figure.label.get(default))}")
                out += self._sources(pack, figure.sources)
                out += self._staff(figure.staff)
                out.append("</div>")
            out.append("</div>")
        out.append("<h4>Timeline</h4>")
        for event in pack.timeline.events:
            out.append(f"<div class='fact' id='event-{_e(event.id)}'><b>{_e(str(event.date))}</b> "
                       f"{_e(event.title.get(default))} <code>{_e(event.id)}</code>")
            out += self._sources(pack, event.sources)
            out += self._staff(event.staff)
            out.append("</div>")
        if pack.recognitions.organisations:
            # Membership is a fact too: the map lights an organisation's members.
            out.append("<h4>Organisations</h4>")
            for organisation in pack.recognitions.organisations:
                members = ", ".join(organisation.members) or "no members listed"
                out.append(f"<div class='fact' id='organisation-{_e(organisation.id)}'>"
                           f"<b>{_e(organisation.name.get(default))}</b> <code>{_e(organisation.id)}</code>"
                           f"<div>members: {_e(members)}</div>")
                out += self._sources(pack, organisation.sources)
                if organisation.members and not organisation.sources:
                    out.append("<div class='staff'>no source for the membership</div>")
                out.append("</div>")
        out.append("<h4>Recognitions</h4>")
        for entry in pack.recognitions.entries:
            shown = "" if entry.show else " <span class='staff'>staff only, not shown</span>"
            date = str(entry.date) if entry.date else "no date"
            out.append(f"<div class='fact' id='entry-{_e(entry.id)}'><b>{_e(entry.place)}</b> {_e(date)} "
                       f"{_e(entry.body.get(default))} ({_e(entry.document)}) <code>{_e(entry.id)}</code>{shown}")
            out += self._sources(pack, entry.sources)
            if entry.listed_in:
                out.append(f"<div class='staff'>listed in: {_e(', '.join(entry.listed_in))}</div>")
            out += self._staff(entry.staff)
            out.append("</div>")
        out += self._warnings()
        return out

    def _counts(self, pack: Pack) -> list[str]:
        groups = [g.id for g in pack.recognitions.groups]
        counts = counts_as_of(pack.recognitions.entries, groups, None)
        rows = []
        for panel in pack.panels:
            for figure in panel.figures:
                if figure.counts:
                    stated = figure.value.get(pack.exhibit.default_language)
                    computed = counts.get(figure.counts, 0)
                    ok = "agrees" if stated.strip() == str(computed) else "DISAGREES"
                    rows.append(f"<tr><td>{_e(panel.id)}</td><td>{_e(figure.counts)}</td><td>{_e(stated)}</td>"
                                f"<td>{computed}</td><td>{ok}</td></tr>")
        if not rows:
            return []
        return ["<h3>Stated and computed counts</h3><table><tr><th>panel</th><th>group</th><th>stated</th>"
                "<th>computed from the data</th><th></th></tr>", *rows, "</table>"]

    def _truncations(self) -> list[str]:
        found = [(s, t) for s in self.shots for t in s.overflowing]
        out = ["<h3>Text that does not fit</h3>"]
        if not found:
            return out + ["<p>None: every text fits on every screen, in every language and size.</p>"]
        out.append("<ul>")
        out += [f"<li>{_e(s.screen)}, {_e(s.language)}, {s.size}: {_e(t)}</li>" for s, t in found]
        return out + ["</ul>"]

    def _disagreements(self) -> list[str]:
        disputes = [p for p in self.result.warnings if "sources disagree" in p.message]
        out = [f"<h3>Where sources disagree ({len(disputes)})</h3><ul>"]
        # "sources disagree about this entry (`mx-2011`): ..." -> "entry (`mx-2011`): ..."
        out += [f"<li><code>{_e(str(p.position))}</code> {_e(p.message.removeprefix('sources disagree about this '))}</li>"
                for p in disputes]
        return out + ["</ul>"]

    def _warnings(self) -> list[str]:
        others = [p for p in self.result.problems if "sources disagree" not in p.message]
        out = [f"<h3>Validator findings ({len(others)})</h3><ul>"]
        out += [f"<li>{_e(str(p))}</li>" for p in others]
        return out + ["</ul>"]

    @staticmethod
    def _sources(pack: Pack, ids) -> list[str]:
        items = []
        for source_id in ids:
            source = pack.sources.get(source_id)
            if source is None:
                continue
            checked = "" if source.checked else " <span class='staff'>not checked live</span>"
            items.append(f"<li>{_e(source.title)} &middot; {_e(source.publisher)} &middot; "
                         f"<a href='{_e(source.url)}'>{_e(source.url)}</a>{checked}</li>")
        return ["<ul class='sources'>", *items, "</ul>"] if items else []

    @staticmethod
    def _staff(staff: StaffNotes) -> list[str]:
        out = []
        if staff.confidence:
            out.append(f"<div class='staff'>confidence: {_e(staff.confidence)}</div>")
        if staff.notes:
            out.append(f"<div class='staff'>notes: {_e(staff.notes)}</div>")
        out += [f"<div class='staff dispute'>disagreement: {_e(d)}</div>" for d in staff.disputes]
        return out


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


_STYLE = """
body { font-family: 'Noto Sans', sans-serif; margin: 2em; color: #222; background: #fafafa; }
h1 { font-family: 'Noto Serif', serif; } .meta { color: #555; }
section.screen { margin: 1.5em 0; border-top: 1px solid #ccc; }
.row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1em; margin: .5em 0; }
.lang { width: 3em; font-weight: bold; }
figure { margin: 0; } figure img { max-width: 320px; max-height: 320px; border: 1px solid #999; }
figcaption { font-size: .8em; color: #555; }
.changed { background: #c0392b; color: white; padding: 0 .4em; border-radius: 3px; font-size: .8em; }
.warn { color: #c0392b; font-size: .8em; max-width: 320px; }
.fact { margin: .6em 0; } .fact.sub { margin-left: 2em; }
.staff { color: #7a5c00; font-size: .9em; } .dispute { color: #a04000; }
ul.sources { margin: .2em 0 .2em 1.5em; font-size: .9em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2em .6em; }
"""
