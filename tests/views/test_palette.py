"""The core's colour scales are Plotly's: a NumPy picture, an HTML table and a heatmap show the same colours."""
import numpy as np
import plotly.colors
import pytest

from explorer import display, palette


@pytest.mark.parametrize("name", sorted(palette.STOPS))
def test_the_scales_are_plotlys(name):
    positions = np.linspace(0, 1, 501)
    ours = palette.sample(name, positions)
    theirs = np.array([plotly.colors.unlabel_rgb(c) for c in plotly.colors.sample_colorscale(name, list(positions))])
    assert np.abs(ours - theirs).max() <= 1       # rounding only
    stops = [plotly.colors.unlabel_rgb(c) for _, c in plotly.colors.get_colorscale(name)]
    assert [tuple(map(int, s)) for s in stops] == list(palette.STOPS[name])


def test_diverging_pictures_use_the_same_scale():
    picture = display.to_display(np.array([[-1.0, 0.0, 1.0]]), "diverging")
    assert picture[0].tolist() == palette.sample(palette.DIVERGING, [0, 128 / 255, 1]).tolist()
