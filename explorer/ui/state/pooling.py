"""Pooling's session-state keys (``pages/pooling.py``, ``explorer/ui/pooling.py``) and their first values.

The region of the photo the small grid is cut from is in ``shared``.
"""
from __future__ import annotations

K = "pool.k"                        # the window's side
SAME_STRIDE = "pool.same_stride"    # stride = window
STRIDE = "pool.stride"
PADDING = "pool.padding"
CEIL = "pool.ceil"                  # ceil_mode
ZOOM = "pool.zoom"                  # how far the side-by-side pictures are enlarged
GRID_SOURCE = "pool.grid_source"    # the small grid: "image" (the region) or "random"
GRID_SIDE = "pool.grid_side"
SEED = "pool.seed"                  # the random grid's seed
GRID_IN = "pool.grid_in"            # the small grid's chart
SHIFT_INPUT = "pool.shift_input"    # what is shifted: "edges" or "photo"
SHIFT_PLOT = "pool.shift_plot"      # the shift test's chart
EQ_SHIFT = "pool.eq_shift"          # the equivariance test's shift in pixels
TABS = "pool.tabs"                  # the page's tabs (only the open one runs)


def grid_out(mode: str) -> str:
    """The chart of the small grid pooled by ``mode`` (``max`` or ``avg``)."""
    return f"pool.grid_{mode}"


DEFAULTS: dict[str, object] = {K: 2, SAME_STRIDE: True, STRIDE: 2, PADDING: 0, CEIL: False, ZOOM: 4,
                               GRID_SOURCE: "image", GRID_SIDE: 8, SEED: 1, SHIFT_INPUT: "edges", EQ_SHIFT: 3}
