"""Text must be readable: every colour pair used for text meets WCAG AA, and AAA in high contrast."""

import pytest

from kiosk.ui.palette import HIGH_CONTRAST, STANDARD, TEXT_PAIRS, contrast


@pytest.mark.parametrize("foreground,background", TEXT_PAIRS)
def test_standard_theme_text_is_at_least_4_5_to_1(foreground, background):
    assert contrast(STANDARD[foreground], STANDARD[background]) >= 4.5


@pytest.mark.parametrize("foreground,background", TEXT_PAIRS)
def test_high_contrast_theme_text_is_at_least_7_to_1(foreground, background):
    assert contrast(HIGH_CONTRAST[foreground], HIGH_CONTRAST[background]) >= 7.0


def test_contrast_formula_matches_known_values():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
