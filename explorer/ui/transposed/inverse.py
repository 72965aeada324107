"""Tab 6: transposed convolution is not an inverse: after a convolution it restores the size, not the values."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer.geometry import ParamError
from explorer.lessons import sliding, transposed
from explorer.numtext import format_number
from explorer.ui import widgets
from explorer.ui.shell import show_error, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.state import transposed as state

SIDE = 5


def render() -> None:
    """A 5×5 grid, convolved and transposed back with the same kernel: shapes equal, values not."""
    lead(tr("td.inv_intro"))
    grids, settings = figure_and_controls(tr("td.inv_settings"))
    with settings:
        c1, c2, c3 = st.columns(3, gap="medium")
        stride = widgets.number(tr("conv.stride"), 1, 2, state.INV_STRIDE, state.DEFAULTS[state.INV_STRIDE], where=c1)
        padding = widgets.number(tr("conv.padding"), 0, 1, state.INV_PADDING, state.DEFAULTS[state.INV_PADDING],
                                 where=c2)
        seed = widgets.number(tr("sw.seed"), 0, 9999, state.INV_SEED, state.DEFAULTS[state.INV_SEED], where=c3)
    grid = sliding.generate_grid("random", SIDE, SIDE, seed)
    kernel = transposed.grid_kernel("integers", 3, 1, seed + 1)
    try:
        trip = transposed.round_trip(grid, kernel, stride=stride, padding=padding)
    except ParamError as err:
        show_error(err)
        return
    cols = grids.columns([1, 0.7, 1, 1, 1], gap="small")      # the 5×5 grids alike in size, the 3×3 kernel smaller
    widgets.matrix(grid, state.INV_X, cols[0], title=tr("td.inv_x", n=SIDE))
    widgets.matrix(kernel, state.INV_K, cols[1], title=tr("td.kernel_title", k=3))
    widgets.matrix(trip.down, state.INV_DOWN, cols[2], title=tr("td.inv_down", h=trip.down.shape[0]))
    widgets.matrix(trip.back, state.INV_BACK, cols[3], title=tr("td.inv_back", h=trip.back.shape[0]))
    widgets.matrix(trip.difference, state.INV_DIFF, cols[4], title=tr("td.inv_diff"))
    worst = float(np.abs(trip.difference).max())
    grids.info(tr("td.inv_result", shape=f"{SIDE}×{SIDE}", op=trip.output_padding, diff=format_number(round(worst, 3))),
            icon=":material/undo:")
    st.markdown(tr("td.inv_names"))
