"""Where the kiosk's own files are: one answer for a checkout, an installed wheel and the frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def app_root() -> Path:
    """The folder that holds `assets/` and `data/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller one-folder build
        return Path(frozen)
    checkout = Path(__file__).resolve().parents[2]  # src/kiosk/resources.py -> the checkout
    if (checkout / "assets").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "exhibit-kiosk"


def asset_path(*parts: str) -> Path:
    return app_root().joinpath("assets", *parts)


def bundled_content() -> Path:
    """The content pack that ships with the kiosk."""
    return app_root() / "data"
