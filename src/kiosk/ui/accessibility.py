"""What accessibility mode changes, in one place, and the part a station sets for its mounting height.

A visitor turns the mode on from the top bar; the idle reset turns it off. It enlarges text, switches to
the high-contrast palette (palette.py), stops motion, gives more time before "still there?", and brings
every control within reach: the bar moves to the bottom and, on a tall or high-mounted screen, the whole
screen's content moves into the reach zone, the lower part of the screen a seated visitor can touch.
"""

from __future__ import annotations

from kiosk.records import Record, record

TEXT_SCALE = 1.5  # at least 1.5x, the floor; the layout is tested at this size in every language
MIN_REACH_ZONE = 0.4  # below this the screens have no room left for their content


@record
class AccessibilityOptions(Record):
    """Per station. `reach_zone`: the share of the screen's height, from the bottom, that a visitor in a
    wheelchair can reach (1.0: all of it, a screen mounted low). `patience`: how many times the usual
    idle time accessibility mode waits before asking "still there?"."""

    reach_zone: float = 1.0
    patience: float = 2.0

    def __post_init__(self) -> None:
        if not MIN_REACH_ZONE <= self.reach_zone <= 1.0:
            raise ValueError(f"reach_zone must be between {MIN_REACH_ZONE} and 1.0, not {self.reach_zone}")
        if not 1.0 <= self.patience <= 10.0:
            raise ValueError(f"patience must be between 1 and 10, not {self.patience}")
