"""The core's colour scales are Plotly's: a NumPy picture, an HTML table and a heatmap show the same colours."""
import numpy as np
import plotly.colors
import pytest

from explorer import display


@pytest.mark.parametrize("name", sorted(display.STOPS))
def test_the_scales_are_plotlys(name):
    positions = np.linspace(0, 1, 501)
    ours = display.sample(name, positions)
    theirs = np.array([plotly.colors.unlabel_rgb(c) for c in plotly.colors.sample_colorscale(name, list(positions))])
    assert np.abs(ours - theirs).max() <= 1       # rounding only
    stops = [plotly.colors.unlabel_rgb(c) for _, c in plotly.colors.get_colorscale(name)]
    assert [tuple(map(int, s)) for s in stops] == list(display.STOPS[name])


def test_diverging_pictures_use_the_same_scale():
    picture = display.to_display(np.array([[-1.0, 0.0, 1.0]]), "diverging")
    assert picture[0].tolist() == display.sample(display.DIVERGING, [0, 128 / 255, 1]).tolist()


@pytest.mark.parametrize("deficiency", ["deuteranomaly", "protanomaly", "tritanomaly"])
def test_the_diverging_scale_keeps_its_sign_and_order_for_colour_vision_deficiencies(deficiency):
    """Simulated at full severity (colorspacious, CAM02-UCS): a value and its negative stay apart, and lightness
    still rises towards zero from both ends, so 'how far from zero' reads without hue."""
    from colorspacious import cspace_convert
    rgb = display.sample(display.DIVERGING, np.linspace(0, 1, 11)) / 255.0
    seen = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}, "sRGB1"), 0, 1)
    ucs = cspace_convert(seen, "sRGB1", "CAM02-UCS")
    for i in range(4):                                    # ±1.0 … ±0.4 of the range: the sign stays visible
        assert np.linalg.norm(ucs[i] - ucs[10 - i]) > 15, (deficiency, i)
    assert np.linalg.norm(np.diff(ucs, axis=0), axis=1).min() > 5                 # neighbouring steps differ
    lightness = ucs[:, 0]
    assert np.all(np.diff(lightness[:6]) > 0) and np.all(np.diff(lightness[5:]) < 0)
