"""Presenting the result of loading a pack: lines for people, JSON for tools."""

from __future__ import annotations

import json

from kiosk.content.load import LoadResult


def usable(result: LoadResult, strict: bool = False) -> bool:
    return result.pack is not None and not (strict and result.warnings)


def summary_line(result: LoadResult, strict: bool = False) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    name = result.exhibit_id or result.root.name
    verdict = "usable" if usable(result, strict) else "NOT usable"
    text = f"{name}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; {verdict}"
    if strict and result.pack is not None and warnings:
        text += " (--strict treats warnings as errors)"
    pack = result.pack
    if pack is not None:
        text += (
            f" ({len(pack.panels)} panels, {len(pack.timeline.events)} events,"
            f" {len(pack.recognitions.entries)} recognition entries, {len(pack.sources)} sources;"
            f" hash {pack.content_hash[:12]})"
        )
    return text


def as_text(result: LoadResult, strict: bool = False) -> str:
    lines = [str(p) for p in result.problems]
    lines.append(summary_line(result, strict))
    return "\n".join(lines)


def as_json(result: LoadResult, strict: bool = False) -> str:
    return json.dumps(
        {
            "content": str(result.root),
            "exhibit": result.exhibit_id,
            "hash": result.content_hash,
            "usable": usable(result, strict),
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "problems": [p.as_dict() for p in result.problems],
        },
        ensure_ascii=False,
        indent=2,
    )
