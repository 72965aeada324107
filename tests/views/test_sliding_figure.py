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

LABELS = {k: k for k in NAMES}


def test_figure_has_one_frame_per_step_and_stays_small():
    grid = sliding.generate_grid("random", 16, 16)
    run = sliding.build_run(grid, np.arange(1, 10).reshape(3, 3), "correlation", padding=1)
    fig = sliding_figure(run, LABELS, active=5)
    frames = fig.to_dict()["frames"]
    assert len(frames) == 256 == len(fig.layout.sliders[0].steps)
    assert len(fig.to_json()) < 5_000_000
    assert fig.layout.sliders[0].active == 5
    assert frames[17]["layout"]["annotations"][-1]["text"].endswith(run.steps[17].text)
    assert list(frames[17]["data"][1]["x"]) == [c for _, c in run.steps[17].reads]
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["slow", "normal", "fast", "pause"]


@pytest.mark.parametrize("mode,kernel,options", [
    ("correlation", np.arange(1, 10).reshape(3, 3), {"padding": 1}),
    ("convolution", np.arange(1, 10).reshape(3, 3), {"padding": 2, "dilation": 2, "stride": 2}),
    ("max_pool", np.ones((2, 2)), {"stride": 2}),
    ("avg_pool", np.ones((3, 3)), {"stride": 1, "padding": 1}),
    ("transposed", np.ones((2, 2)), {"stride": 2, "padding": 1}),
])
def test_frames_kept_as_data_are_what_plotlys_checks_would_make_them(mode, kernel, options):
    """Only the first frame goes through Plotly's checks; every frame must come out as if all had."""
    grid = sliding.generate_grid("random", 6, 6)
    fig = sliding_figure(sliding.build_run(grid, kernel, mode, **options), LABELS)
    written = json.loads(fig.to_json())
    checked = json.loads(go.Figure(fig.to_dict()).to_json())        # all of it through the validators
    assert written == checked and len(written["frames"]) > 1
    assert written["frames"][-1]["data"][0]["colorscale"][0][1].startswith("rgb")    # not a name plotly.js lacks


def test_gif_has_every_step():
    run = sliding.build_run(sliding.generate_grid("dot", 4, 4), np.ones((2, 2)), "transposed", stride=2)
    done = []
    data = gif.render_gif(run, LABELS, progress=done.append)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "GIF" and picture.n_frames == len(run.steps) == 16
    assert done[-1] == 1.0
