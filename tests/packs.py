"""Small content packs written on the fly for tests, as text, so line numbers are predictable."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from kiosk.content.uistrings import UI_STRINGS


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real, tiny, valid PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def text(languages: tuple[str, ...], value: str, indent: int) -> str:
    pad = " " * indent
    return "".join(f'\n{pad}{lang}: "{value} ({lang})"' for lang in languages)


EXHIBIT = """\
id: test-exhibit
title:{title}
languages:
  - code: en
    name: "English"
  - code: fr
    name: "Français"
sections:
  - kind: story
    title:{story}
  - kind: timeline
    title:{timeline}
  - kind: map
    title:{map}
  - kind: sources
    title:{sources}
attract:
  title:{attract}
"""

SOURCES = """\
sources:
  - id: src-a
    title: "A report"
    url: "https://example.org/a"
    kind: ngo-report
    checked: yes

  - id: src-b
    title: "A news item"
    url: "https://example.org/b"
    kind: news
    checked: yes
"""

PANEL = """\
id: {id}
title:{title}
body:
  -{para}
figures:
  - value: "2"
    label:{label}
    sources: [src-a]
    counts: countries
images:
  - file: images/photo.png
    caption:{caption}
    credit:{credit}
    alt:{alt}
events: [first-event]
sources: [src-a, src-b]
"""

TIMELINE = """\
eras:
  - id: early
    start: "1990"
    end: "1999"
    label:{era}
events:
  - id: first-event
    date: "1992-02-26"
    title:{title}
    text:{text}
    panel: first-panel
    sources: [src-a]
"""

RECOGNITIONS = """\
groups:
  - id: countries
    label:{countries}
organisations:
  - id: org
    name:{org}
    members: [MX, PK]
place_names:
  MX:
    en: "Mexico"
    fr: "Mexique"
  PK:
    en: "Pakistan"
    fr: "Pakistan"
entries:
  - id: mx-2011
    kind: country
    place: MX
    group: countries
    body:{body}
    date: "2011-12-08"
    document: resolution
    wording: [genocide]
    description:{description}
    sources: [src-b]

  - id: pk-2012
    kind: country
    place: PK
    group: countries
    body:{body}
    date: "2012-02-01"
    document: resolution
    description:{description}
    sources: [src-a]
"""


def write_minimal_pack(root: Path, languages: tuple[str, ...] = ("en", "fr")) -> Path:
    """A valid pack with one of everything; every problem test starts from it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "panels").mkdir(exist_ok=True)
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "photo.png").write_bytes(png_bytes())

    def t(value: str, indent: int = 4) -> str:
        return text(languages, value, indent)

    (root / "exhibit.yaml").write_text(
        EXHIBIT.format(title=t("Title", 2), story=t("Story", 6), timeline=t("Timeline", 6), map=t("Map", 6),
                       sources=t("Sources", 6), attract=t("Attract")),
        encoding="utf-8",
    )
    ui_lines = []
    for key, spec in UI_STRINGS.items():
        ui_lines.append(f"{key}:")
        ui_lines += [f'  {lang}: "{spec.example} [{lang}]"' for lang in languages]
    (root / "ui.yaml").write_text("\n".join(ui_lines) + "\n", encoding="utf-8")
    (root / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "panels" / "01-first.yaml").write_text(
        PANEL.format(id="first-panel", title=t("First panel", 2), para=" " + t("A paragraph", 4).lstrip(),
                     label=t("countries", 6), caption=t("Caption", 6), credit=t("Credit", 6), alt=t("Alt text", 6)),
        encoding="utf-8",
    )
    (root / "timeline.yaml").write_text(
        TIMELINE.format(era=t("Nineties", 6), title=t("Event title", 6), text=t("Event text", 6)), encoding="utf-8"
    )
    (root / "recognitions.yaml").write_text(
        RECOGNITIONS.format(countries=t("Countries", 6), org=t("Org", 6), body=t("Parliament", 6),
                            description=t("Adopted a resolution", 6)),
        encoding="utf-8",
    )
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing needle."""
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[occurrence - 1]
