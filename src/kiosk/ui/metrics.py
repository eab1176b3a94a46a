"""Sizes for every screen, derived from the window: pure Python so the layout rules are unit-tested.

The reference is a 1080-pixel short side (1920x1080 landscape or 1080x1920 portrait); a 4K screen
scales everything by two. Touch targets stay at least 20 mm on a typical 43-55" kiosk screen.
"""

from __future__ import annotations

from kiosk.records import Record, record

REFERENCE_SHORT_SIDE = 1080.0
MIN_SCALE = 0.5  # small developer windows stay usable


@record
class Metrics(Record):
    """Sizes for one window, derived from its size and orientation."""

    scale: float
    portrait: bool
    touch_target: int  # smallest side of anything a visitor taps
    margin: int  # space between the screen edge and content
    gap: int  # space between related items
    reading_width: int  # the widest a column of body text may be, for comfortable lines
    font_body: int
    font_small: int
    font_label: int
    font_title: int
    font_display: int  # the exhibit title on the attract screen
    font_figure: int  # key figures
    bar_height: int  # the top bar with home and languages


def metrics_for(width: int, height: int, text_scale: float = 1.0) -> Metrics:
    short = max(1, min(width, height))
    scale = max(MIN_SCALE, short / REFERENCE_SHORT_SIDE)

    def px(value: float) -> int:
        return max(1, round(value * scale))

    def text(value: float) -> int:
        return max(1, round(value * scale * text_scale))

    margin = px(72)
    touch = px(88)
    return Metrics(
        scale=scale,
        portrait=height > width,
        touch_target=touch,
        margin=margin,
        gap=px(24),
        reading_width=min(width - 2 * margin, px(1240)),
        font_body=text(32),
        font_small=text(24),
        font_label=text(28),
        font_title=text(60),
        font_display=text(84),
        font_figure=text(88),
        bar_height=touch + px(32),
    )
