"""The sliding-window figure (one frame per step, small) and the GIF (every step)."""
import io

import numpy as np
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
    assert len(fig.frames) == 256 == len(fig.layout.sliders[0].steps)
    assert len(fig.to_json()) < 5_000_000
    assert fig.layout.sliders[0].active == 5
    assert fig.frames[17].layout.annotations[-1].text.endswith(run.steps[17].text)
    assert list(fig.frames[17].data[1].x) == [c for _, c in run.steps[17].reads]
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["slow", "normal", "fast", "pause"]


def test_gif_has_every_step():
    run = sliding.build_run(sliding.generate_grid("dot", 4, 4), np.ones((2, 2)), "transposed", stride=2)
    done = []
    data = gif.render_gif(run, LABELS, progress=done.append)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "GIF" and picture.n_frames == len(run.steps) == 16
    assert done[-1] == 1.0
