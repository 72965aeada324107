"""The sliding-window figure (one frame per step, small) and the GIF (every step)."""
import io
import json

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image

from explorer.lessons import sliding
from explorer.views import gif
from explorer.views.sliding import LABELS as NAMES
from explorer.views.sliding import sliding_figure

LABELS = {k: k for k in (*NAMES, "step")}


def test_the_figure_shows_one_step_and_the_output_written_so_far():
    grid = sliding.generate_grid("random", 16, 16)
    run = sliding.build_run(grid, np.arange(1, 10).reshape(3, 3), "correlation", padding=1)
    fig = sliding_figure(run, LABELS, step=17)
    data = fig.to_dict()["data"]
    assert "frames" not in fig.to_dict() or not fig.to_dict()["frames"]
    assert not fig.layout.sliders and not fig.layout.updatemenus      # nothing moves inside the figure
    assert len(fig.to_json()) < 60_000
    shown = np.array([[np.nan if v is None else v for v in row] for row in data[4]["z"]], dtype=np.float64)
    expected = np.full(run.output.shape, np.nan)
    for step in run.steps[:18]:
        expected[step.cell] = step.value
    np.testing.assert_array_equal(shown, expected)
    assert list(data[5]["x"]) == [c for _, c in run.steps[17].reads]
    assert (data[6]["y"][0], data[6]["x"][0]) == run.steps[17].cell


@pytest.mark.parametrize("mode,kernel,options", [
    ("correlation", np.arange(1, 10).reshape(3, 3), {"padding": 1}),
    ("convolution", np.arange(1, 10).reshape(3, 3), {"padding": 2, "dilation": 2, "stride": 2}),
    ("max_pool", np.ones((2, 2)), {"stride": 2}),
    ("avg_pool", np.ones((3, 3)), {"stride": 1, "padding": 1}),
    ("transposed", np.ones((2, 2)), {"stride": 2, "padding": 1}),
])
def test_the_last_step_shows_the_whole_output_and_passes_plotlys_checks(mode, kernel, options):
    grid = sliding.generate_grid("random", 6, 6)
    run = sliding.build_run(grid, kernel, mode, **options)
    fig = sliding_figure(run, LABELS, step=len(run.steps) - 1)
    written = json.loads(fig.to_json())
    assert written == json.loads(go.Figure(fig.to_dict()).to_json())
    last = np.array([[np.nan if v is None else v for v in row] for row in written["data"][4]["z"]])
    full = run.partial[-1] if mode == "transposed" else run.output
    np.testing.assert_allclose(last, full, atol=1e-5)


@pytest.mark.parametrize("mode", ["correlation", "max_pool"])
def test_grey_grids_are_light_where_values_are_high_as_in_the_pictures(mode):
    """One convention: a grey grid maps low values dark and high values light, like the photo it shows; a
    pooled output shares the input's scale (max pooling looks lighter, as the Pooling page says)."""
    grid = sliding.generate_grid("random", 6, 6)
    run = sliding.build_run(grid, np.ones((2, 2)), mode, stride=2)
    data = sliding_figure(run, LABELS, step=len(run.steps) - 1).to_dict()["data"]
    source = data[0]
    colours = [c for _, c in source["colorscale"]]
    assert colours[0].replace(" ", "") == "rgb(0,0,0)" and colours[-1].replace(" ", "") == "rgb(255,255,255)"
    assert source["zmin"] < np.nanmin(run.padded) < np.nanmax(run.padded) < source["zmax"]
    if mode == "max_pool":
        assert (data[4]["zmin"], data[4]["zmax"]) == (source["zmin"], source["zmax"])


def test_gif_has_every_step():
    run = sliding.build_run(sliding.generate_grid("dot", 4, 4), np.ones((2, 2)), "transposed", stride=2)
    done = []
    data = gif.render_gif(run, LABELS, progress=done.append)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "GIF" and picture.n_frames == len(run.steps) == 16
    assert done[-1] == 1.0
