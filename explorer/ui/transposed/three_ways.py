"""Tab 2: one transposed convolution on a small grid, read three ways (stamps, zero insertion, Vᵀ·x)."""
from __future__ import annotations

import streamlit as st

from explorer import kernels
from explorer.geometry import ParamError
from explorer.lessons import sliding, transposed
from explorer.ui import caches, widgets
from explorer.ui.shell import gap, show_error, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.sliding_window import figure_labels
from explorer.ui.state import transposed as state
from explorer.ui.timeline import timeline
from explorer.views import heatmaps


def render() -> None:
    """The settings, the animated stamps, the three results side by side, V and Vᵀ·x."""
    lead(tr("td.grid_intro"))
    animation, settings_area = figure_and_controls(tr("td.g_settings"))
    with settings_area:
        c1, c2, c3, c4, c5 = st.columns(5, gap="small")
        defaults = state.DEFAULTS
        side = widgets.number(tr("td.g_side"), 2, 4, state.G_SIDE, defaults[state.G_SIDE], where=c1)
        seed = widgets.number(tr("sw.seed"), 0, 9999, state.G_SEED, defaults[state.G_SEED], where=c1)
        kind = widgets.choice(tr("td.g_kernel"), transposed.GRID_KERNELS, state.G_KERNEL, defaults[state.G_KERNEL],
                              prefix="td.g_kernel", where=c2)
        k = widgets.number(tr("td.g_k"), 1, 4, state.G_K, defaults[state.G_K], disabled=kind == "bilinear", where=c2)
        stride = widgets.number(tr("conv.stride"), 1, 3, state.G_STRIDE, defaults[state.G_STRIDE], where=c3)
        padding = widgets.number(tr("conv.padding"), 0, 3, state.G_PADDING, defaults[state.G_PADDING],
                                 help=tr("td.g_padding_help"), where=c4)
        st.session_state[state.G_OP] = min(st.session_state.get(state.G_OP, defaults[state.G_OP]), stride - 1)
        output_padding = c5.number_input(tr("td.output_padding"), 0, stride - 1, key=state.G_OP,
                                         persist_state="session", help=tr("td.output_padding_help"))
    grid = sliding.generate_grid("random", side, side, seed)
    kernel = transposed.grid_kernel(kind, k, stride, seed + 1)
    settings = dict(stride=stride, padding=padding, output_padding=int(output_padding))
    try:
        run = caches.sliding_run(grid, kernel, "transposed", **settings)
    except (ParamError, sliding.GridError) as err:
        show_error(err)
        return
    labels = figure_labels("transposed")
    labels["input"], labels["output"] = tr("td.fig_input"), tr("td.fig_output")
    with animation:
        timeline(run, labels, state.SCATTER, settings=caches.settings_key(grid, kernel, sorted(settings.items())))
        st.caption(tr("td.scatter_note"))
    ways = transposed.three_ways(grid, kernel, **settings)
    a, b, c = st.columns([1, 1.4, 1], gap="medium")
    with a:
        st.markdown(f"**① {tr('td.way_scatter')}**")
        widgets.matrix(run.output, state.RESULT_SCATTER, title=tr("td.result"))
        widgets.formula_box(run.formulas)
    with b:
        st.markdown(f"**② {tr('td.way_zeros')}**")
        widgets.matrix(ways.stuffed, state.STUFFED, title=tr("td.stuffed", s=stride - 1),
                       outlines=[cell * 2 for cell in ways.input_cells])
        f1, f2 = st.columns(2)
        widgets.matrix(kernels.flip(kernel), state.FLIPPED, f1, title=tr("sw.fig.flipped"))
        widgets.matrix(ways.via_zeros, state.RESULT_ZEROS, f2, title=tr("td.result"))
    with c:
        st.markdown(f"**③ {tr('td.way_matrix')}**")
        widgets.matrix(ways.via_matrix, state.RESULT_MATRIX, title=tr("td.result"))
        st.caption(tr("td.matrix_shape", rows=ways.matrix.shape[0], cols=ways.matrix.shape[1], n=side,
                      out=f"{run.output.shape[0]}×{run.output.shape[1]}"))
    largest = ways.largest_difference
    agree = largest < 1e-4
    (st.success if agree else st.error)(tr("td.agree" if agree else "td.disagree", diff=gap(largest)))
    st.markdown(f"**{tr('td.matrix_title', rows=ways.matrix.shape[0], cols=ways.matrix.shape[1])}**")
    widgets.matrix(ways.matrix, state.MATRIX)
    st.markdown(f"**{tr('td.matrix_t_title')}**")
    widgets.chart(heatmaps.product_figure(ways.matrix.T, grid.ravel(), ways.via_matrix.ravel(), ("Vᵀ", "x", "y")),
                  state.MATRIX_T)
    st.caption(tr("td.matrix_note"))
