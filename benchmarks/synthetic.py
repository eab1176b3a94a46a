"""Synthetic content packs of any size, in three languages, for scale benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content.uistrings import UI_STRINGS

LANGUAGES = ("en", "az", "ru")
PARAGRAPH = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. " * 3
COUNTRIES = ["MX", "PK", "CO", "BA", "CZ", "PE", "JO", "PA", "HN", "SD", "GT", "SI", "DJ", "PY", "ID", "AF"]


def _text(value: str, indent: int) -> str:
    pad = " " * indent
    return "".join(f'\n{pad}{lang}: "{value} [{lang}]"' for lang in LANGUAGES)


def write_pack(root: Path, panels: int) -> Path:
    """A valid pack with `panels` panels, as many events, and as many recognition entries."""
    if root.exists():
        shutil.rmtree(root)
    (root / "panels").mkdir(parents=True)
    languages = "".join(f'\n  - code: {lang}\n    name: "{lang.upper()}"' for lang in LANGUAGES)
    sections = "".join(f"\n  - kind: {kind}\n    title:{_text(kind.title(), 6)}" for kind in ("story", "timeline", "map", "sources"))
    (root / "exhibit.yaml").write_text(
        f"id: synthetic-{panels}\ntitle:{_text('Synthetic', 2)}\nlanguages:{languages}\nsections:{sections}\n"
        f"attract:\n  title:{_text('Attract', 4)}\n",
        encoding="utf-8",
    )
    ui = "".join(f"{key}:{_text(spec.example, 2)}\n" for key, spec in UI_STRINGS.items())
    (root / "ui.yaml").write_text(ui, encoding="utf-8")
    (root / "sources.yaml").write_text(
        "sources:\n"
        + "".join(
            f'  - id: s{i}\n    title: "Source {i}"\n    url: "https://example.org/{i}"\n    kind: news\n    checked: yes\n'
            for i in range(max(1, panels // 10))
        ),
        encoding="utf-8",
    )
    source_count = max(1, panels // 10)
    for i in range(panels):
        body = "".join(f"\n  -{_text(PARAGRAPH, 4)[0:]}".replace("\n  -\n    ", "\n  - ", 1) for _ in range(3))
        (root / "panels" / f"{i:05d}-p.yaml").write_text(
            f"id: p{i}\ntitle:{_text(f'Panel {i}', 2)}\nbody:{body}\nfigures:\n  - value: \"{i}\"\n"
            f"    label:{_text('things', 6)}\n    sources: [s{i % source_count}]\n"
            f"events: [e{i}]\nsources: [s{i % source_count}]\n",
            encoding="utf-8",
        )
    events = "".join(
        f'  - id: e{i}\n    date: "{1900 + i % 120}-{1 + i % 12:02d}-{1 + i % 28:02d}"\n    title:{_text(f"Event {i}", 6)}\n'
        f"    text:{_text('Something happened.', 6)}\n    panel: p{i}\n    sources: [s{i % source_count}]\n"
        for i in range(panels)
    )
    (root / "timeline.yaml").write_text(
        f"eras:\n  - id: all\n    start: \"1900\"\n    end: \"2020\"\n    label:{_text('Century', 6)}\nevents:\n{events}",
        encoding="utf-8",
    )
    entries = "".join(
        f"  - id: r{i}\n    kind: country\n    place: {COUNTRIES[i % len(COUNTRIES)]}\n    group: countries\n"
        f"    body:{_text('Parliament', 6)}\n    date: \"{2000 + i % 24}\"\n    document: resolution\n"
        f"    description:{_text('Adopted a resolution.', 6)}\n    sources: [s{i % source_count}]\n"
        for i in range(panels)
    )
    (root / "recognitions.yaml").write_text(
        f"groups:\n  - id: countries\n    label:{_text('Countries', 6)}\nentries:\n{entries}", encoding="utf-8"
    )
    return root
