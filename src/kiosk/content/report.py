"""Presenting the result of loading a pack: lines for people, JSON for tools."""

from __future__ import annotations

import json

from kiosk.content.result import LoadResult


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


def translation_matrix(result: LoadResult) -> list[str]:
    """Per file and language: texts reviewed / draft / missing, then a total line."""
    if len(result.languages) < 2 or not result.coverage:
        return []
    files = sorted({file for file, _ in result.coverage})
    width = max(len(f) for f in files + ["all files"]) + 2
    header = "Translations, reviewed/draft/missing:".ljust(width) + "".join(f"{lang:>14}" for lang in result.languages)
    lines = [header]
    totals = {lang: [0, 0, 0] for lang in result.languages}
    for file in files:
        cells = []
        for lang in result.languages:
            reviewed, draft, missing = result.coverage.get((file, lang), (0, 0, 0))
            for i, n in enumerate((reviewed, draft, missing)):
                totals[lang][i] += n
            cells.append(f"{reviewed}/{draft}/{missing}".rjust(14))
        lines.append(f"  {file}".ljust(width) + "".join(cells))
    lines.append("  all files".ljust(width) + "".join("/".join(map(str, totals[lang])).rjust(14) for lang in result.languages))
    for lang in result.languages:
        reviewed, draft, missing = totals[lang]
        total = reviewed + draft + missing
        if total:
            lines.append(
                f"  {lang}: {100 * (reviewed + draft) / total:.0f}% translated, {100 * reviewed / total:.0f}% reviewed"
            )
    return lines


def as_text(result: LoadResult, strict: bool = False) -> str:
    lines = [str(p) for p in result.problems]
    lines += translation_matrix(result)
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
            "translations": [
                {"file": file, "language": lang, "reviewed": r, "draft": d, "missing": m}
                for (file, lang), (r, d, m) in sorted(result.coverage.items())
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
