"""The colours of the two themes, and the contrast rule they must meet. Pure Python, unit-tested.

The standard theme is a calm dark palette for a memorial; the high-contrast theme (accessibility mode)
raises every text colour pair to at least 7:1 (WCAG AAA).
"""

from __future__ import annotations

STANDARD = {
    "background": "#141517",
    "surface": "#1f2124",
    "surfaceRaised": "#2a2d31",
    "text": "#f1ece4",
    "textMuted": "#b9b2a7",
    "accent": "#c9a66b",
    "accentText": "#141517",
    "divider": "#3a3d42",
    "scrim": "#cc0b0c0d",
    "focus": "#8cc4ff",  # keyboard focus ring: a colour nothing else uses, visible on every surface
    "land": "#33363b",
    "memberLand": "#5d6673",
}

HIGH_CONTRAST = {
    "background": "#000000",
    "surface": "#0d0d0d",
    "surfaceRaised": "#1a1a1a",
    "text": "#ffffff",
    "textMuted": "#e8e8e8",
    "accent": "#ffd75e",
    "accentText": "#000000",
    "divider": "#9a9a9a",
    "scrim": "#e6000000",
    "focus": "#33e0ff",
    "land": "#4a4a4a",
    "memberLand": "#8a8a8a",
}

# The map's colour per recognition group, in the pack's order: told apart by lightness as well as hue so
# they stay distinct for colour-blind visitors; brighter in high contrast, against the brighter land.
GROUP_COLOURS = ["#d9b574", "#6fa39a", "#a597d6", "#e08e6d"]
HIGH_CONTRAST_GROUP_COLOURS = ["#ffd75e", "#4fe0c8", "#c9b8ff", "#ff9f7a"]

# Every (text colour, background colour) pair the interface draws text with.
TEXT_PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("text", "surfaceRaised"),
    ("textMuted", "background"),
    ("textMuted", "surface"),
    ("accent", "background"),
    ("accent", "surface"),
    ("accentText", "accent"),
]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")[-6:]
    r, g, b = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
