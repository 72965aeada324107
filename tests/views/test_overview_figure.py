"""The overview figure: one picture of every tile, a clickable marker over each tile or unit."""
import base64
import io

import numpy as np
import torch
from PIL import Image

from explorer.network import layers, overview, presets
from explorer.views.overview import TILE, overview_figure

LABELS = {"range": "±{scale}"}


def figure_of(name: str, **kwargs):
    found = overview.overview(layers.build(presets.PRESETS[name], seed=0), torch.rand(1, 28, 28),
                              lambda row: f"{row}", "input", "p")
    return found, overview_figure(found, LABELS, **kwargs)


def test_every_tile_and_unit_can_be_clicked():
    found, fig = figure_of("lenet_small")
    markers = fig.data[1]
    expected = sum(len(c.values) for c in found.columns)     # maps per layer, units per vector, ten classes
    assert len(markers.customdata) == expected
    assert [list(d) for d in markers.customdata[:2]] == [[0, 0], [1, 0]]
    picture = Image.open(io.BytesIO(base64.b64decode(fig.data[0].source.split(",")[1])))
    assert picture.size == (fig.layout.width, fig.layout.height)


def test_tiles_show_their_maps_and_columns_say_their_shape_and_scale():
    found, fig = figure_of("lenet_small")
    texts = [a.text for a in fig.layout.annotations]
    assert "4×24×24<br>±" + f"{found.columns[1].scale:.2g}" in texts
    picture = np.asarray(Image.open(io.BytesIO(base64.b64decode(fig.data[0].source.split(",")[1]))))
    x, y, _ = next((m[0], m[1], d) for m, d in zip(zip(fig.data[1].x, fig.data[1].y), fig.data[1].customdata)
                   if list(d) == [1, 2])
    tile = picture[int(y - TILE / 2):int(y + TILE / 2), int(x - TILE / 2):int(x + TILE / 2)]
    assert tile.shape[:2] == (TILE, TILE) and tile.std() > 1           # a map, not blank paper


def test_a_wide_network_wraps_its_columns_and_a_lower_figure_is_wider():
    _, tall = figure_of("bn_net")
    _, low = figure_of("bn_net", rows=4)
    assert low.layout.height < tall.layout.height and low.layout.width > tall.layout.width


def test_the_selected_tile_is_outlined():
    _, fig = figure_of("lenet_small", selected=(4, 3))
    assert len(fig.layout.shapes) == 1


def test_a_colour_input_is_one_picture_and_classes_are_named():
    from explorer.network.layers import for_classes
    model = layers.build(for_classes(presets.PRESETS["batchnorm"], 3), (3, 32, 32), classes=3)
    x = torch.zeros(3, 32, 32)
    x[0] = 1.0                                                      # pure red
    found = overview.overview(model, x, str, "input", "p")
    fig = overview_figure(found, LABELS, names=("猫 cats", "<b>dog</b>", "bird"))
    assert [list(d) for d in fig.data[1].customdata].count([0, 0]) == 1 and [0, 1] not in [
        list(d) for d in fig.data[1].customdata]
    picture = np.asarray(Image.open(io.BytesIO(base64.b64decode(fig.data[0].source.split(",")[1]))))
    cx, cy = fig.data[1].x[0], fig.data[1].y[0]
    assert picture[int(cy), int(cx)].tolist() == [255, 0, 0]      # the input drawn in its colours
    texts = [a.text for a in fig.layout.annotations]
    assert "猫 cats" in texts and "&lt;b&gt;dog&lt;/b&gt;" in texts and "<b>dog</b>" not in texts
    label = [a for a in fig.layout.annotations if a.text == "猫 cats"][0]
    before = max(x for x, d in zip(fig.data[1].x, fig.data[1].customdata) if d[0] == len(found.columns) - 2)
    assert label.x - 7 * (2 + 5) > before + 20               # the names fit between the last layer and the bars
    percent = next(a for a in fig.layout.annotations if a.text.endswith(" %"))
    assert percent.x <= fig.layout.width and percent.xanchor == "right"        # the percentages are not clipped


def test_every_tile_tells_its_numbers_on_hover():
    """Readable without colour: each tile's hover names its layer and map and gives its lowest and highest value."""
    found, fig = figure_of("lenet_small")
    scatter = fig.data[1]
    tips = list(scatter.hovertext)
    assert len(tips) == len(scatter.x) and "%{hovertext}" in scatter.hovertemplate
    for tip, (row, index) in list(zip(tips, scatter.customdata))[::7]:
        values = np.asarray(found.columns[row].values[index], np.float64)
        assert tip == f"{found.columns[row].name} · {index + 1}: {values.min():.3g} … {values.max():.3g}"
