"""Which content pack the kiosk shows: the installed current version, else the last good one (the
previous version), else the config's fixed `content: folder:`, else the bundled exhibit; and the
station's choice of languages applied to it."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Callable

from kiosk.content import LoadResult
from kiosk.content.model import Pack
from kiosk.resources import bundled_content
from kiosk.services.config import StationConfig, check_languages
from kiosk.services.contentstore import ContentStore

log = logging.getLogger(__name__)


def pack_candidates(config: StationConfig, explicit: Path | None = None) -> list[Path]:
    """Best first. `--content DIR` wins outright (staff previewing a pack want to see its errors)."""
    if explicit is not None:
        return [explicit]
    installed = ContentStore(config.content_store).candidates() if config.content_store else []
    fixed = [config.content_folder] if config.content_folder else []
    return [*installed, *fixed, bundled_content()]


def first_usable(candidates: list[Path], load: Callable[[Path], LoadResult]) -> LoadResult:
    """The first pack that loads without errors; if none does, the first one's result (its errors are shown)."""
    first: LoadResult | None = None
    for path in candidates:
        result = load(path)
        if result.pack is not None:
            if first is not None:
                log.error("content %s cannot be shown; showing %s instead", first.root, path)
            return result
        for problem in result.errors[:20]:
            log.error("content: %s", problem)
        first = first or result
    assert first is not None, "there is always at least one candidate"
    return first


def station_languages(pack: Pack, config: StationConfig) -> Pack:
    """The pack limited to the languages offered here, the station's default first.

    Texts keep the pack's own fallback language, so a missing translation still falls back as validated.
    """
    unknown = check_languages(config, pack.exhibit.language_codes)
    if unknown:
        log.error("the station config names languages the pack does not have: %s (ignored)", ", ".join(unknown))
    offered = [lang for lang in pack.exhibit.languages if not config.languages_offered or lang.code in config.languages_offered]
    if not offered:
        offered = list(pack.exhibit.languages)
    default = config.default_language
    offered.sort(key=lambda lang: lang.code != default)  # stable: only the default moves to the front
    if tuple(offered) == pack.exhibit.languages:
        return pack
    return dataclasses.replace(pack, exhibit=dataclasses.replace(pack.exhibit, languages=tuple(offered)))
