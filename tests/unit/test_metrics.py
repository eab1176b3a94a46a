"""Layout sizes for the screens museums use: touch targets stay finger-sized, text stays readable."""

import pytest

from kiosk.ui.metrics import metrics_for


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160), (2160, 3840)])
def test_touch_targets_are_at_least_20_mm_on_a_kiosk_screen(size):
    m = metrics_for(*size)
    # 20 mm is about 80 px on a 1080-line screen of typical kiosk size; scale with the short side.
    assert m.touch_target >= 80 * min(size) / 1080


def test_4k_scales_everything_by_two():
    hd, uhd = metrics_for(1920, 1080), metrics_for(3840, 2160)
    assert uhd.scale == 2 * hd.scale
    assert (uhd.font_body, uhd.touch_target, uhd.margin) == (2 * hd.font_body, 2 * hd.touch_target, 2 * hd.margin)


def test_portrait_keeps_the_reading_column_inside_the_screen():
    m = metrics_for(1080, 1920)
    assert m.portrait
    assert m.reading_width + 2 * m.margin <= 1080


def test_landscape_limits_line_length_for_reading():
    m = metrics_for(1920, 1080)
    assert m.reading_width < 1920 - 2 * m.margin
    assert m.reading_width / m.font_body < 45  # about 75 characters a line at most


def test_text_scale_enlarges_text_but_not_targets():
    normal, large = metrics_for(1920, 1080), metrics_for(1920, 1080, text_scale=1.5)
    assert large.font_body == round(normal.font_body * 1.5)
    assert large.touch_target == normal.touch_target


def test_tiny_developer_windows_stay_usable():
    m = metrics_for(400, 300)
    assert m.font_body >= 16 and m.touch_target >= 44
