"""The overview figure: one picture of every tile, a clickable marker over each tile or unit."""
import base64
import io

import numpy as np
import torch
from PIL import Image

from explorer.network import layers, overview, presets
from explorer.views.overview import TILE, overview_figure

LABELS = {"range": "±{scale}", "untrained": ""}


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
