"""Tab 1: enlarge part of the photo by transposed convolution, next to plain resizing."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, geometry, ops
from explorer.lessons import sliding, transposed
from explorer.numtext import format_number
from explorer.ui import caches, widgets
from explorer.ui.shell import show_error, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import region
from explorer.ui.state import transposed as state

SHOWN = 3 * caches.COMPARE_SIDE // 2


def render(work: np.ndarray) -> None:
    """Stride, kernel kind, resize method and zoom; the three pictures; formula, kernel and difference."""
    lead(tr("td.up_intro"))
    pictures, settings = figure_and_controls(tr("td.up_settings"))
    with settings:
        found = _settings(work)
    if found is None:
        return
    piece, up, plain, kernel, method, kind, (stride, padding, output_padding) = found
    with pictures:
        for col, picture, caption in zip(st.columns(3, gap="small"), (piece, up, plain), (
                tr("td.up_input", w=piece.shape[1], h=piece.shape[0]),
                tr("td.up_transposed", w=up.shape[1], h=up.shape[0]),
                tr("td.up_resized", method=tr(f"td.resize.{method}"), w=plain.shape[1], h=plain.shape[0]))):
            widgets.picture(display.blocky(picture, SHOWN), caption, where=col, width="stretch")
    left, middle, right = st.columns([1.3, 1, 1.1], gap="medium")
    with left:
        st.markdown(f"**{tr('kl.formula')}**")
        widgets.formula_box(tuple(geometry.transposed_output_formula(n, kernel.shape[0], stride, padding,
                                                                     output_padding) for n in piece.shape[:2]))
    widgets.matrix(kernel, state.UP_KERNEL_FIG, middle, title=tr("td.kernel_title", k=kernel.shape[0]))
    with right:
        inner = transposed.border_difference_free(up, plain, stride)
        if inner is not None:
            # "differ by at most 0" read as a riddle: the same is said so
            st.info(tr("td.up_compare", diff=format_number(round(inner, 4))) if round(inner, 4) else
                    tr("td.up_compare_same"), icon=":material/compare:")
        st.caption(tr(f"td.up_kernel.{kind}.desc"))


def unpooling_panel() -> None:
    """Max unpooling beside interpolation and transposed convolution, on a 4×4 grid of numbers."""
    with st.expander(tr("td.unpool_title"), icon=":material/open_in_full:"):
        grid = sliding.generate_grid("random", 4, 4, st.session_state.get(state.G_SEED, state.DEFAULTS[state.G_SEED]))
        found = transposed.unpooling(grid)
        widgets.matrices([(grid, tr("td.unpool_grid"), True), (found.pooled, tr("td.unpool_pooled"), True),
                          (found.unpooled, "MaxUnpool2d", True), (found.nearest, tr("td.unpool_nearest"), True),
                          (found.stamped, tr("td.unpool_stamped"), True)])
        st.markdown(tr("td.unpool_note"))


def _settings(work: np.ndarray):
    """The widgets, and what they give: ``(piece, transposed, resized, kernel, method, kind, (stride, padding,
    output padding))``, or ``None`` after a message when the settings cannot work."""
    c1, c2, c3, c4 = st.columns(4, gap="medium")
    defaults = state.DEFAULTS
    stride = widgets.choice(tr("td.up_stride"), [2, 3, 4], state.UP_STRIDE, defaults[state.UP_STRIDE],
                            kind="segmented", format_func=lambda s: f"{s}×", where=c1)
    kind = widgets.choice(tr("td.up_kernel"), transposed.UPSAMPLE_KERNELS, state.UP_KERNEL, defaults[state.UP_KERNEL],
                          prefix="td.up_kernel", where=c2)
    method = widgets.choice(tr("td.resize"), ops.RESIZE_MODES, state.RESIZE, defaults[state.RESIZE], kind="segmented",
                            prefix="td.resize", where=c3)
    zoom = widgets.choice(tr("pool.zoom"), [1, 2, 4, 6, 8], state.UP_ZOOM, defaults[state.UP_ZOOM],
                          kind="select_slider", format_func=lambda z: f"{z}×", help=tr("td.up_zoom_help"), where=c4)
    x, y, _ = region()
    piece = display.crop_fraction(work, x, y, zoom)
    c1, c2, c3, c4 = st.columns(4, gap="medium", vertical_alignment="bottom")
    exact = widgets.toggle(tr("td.exact"), state.EXACT, defaults[state.EXACT], help=tr("td.exact_help"), where=c1)
    seed = st.session_state.get(state.UP_SEED, defaults[state.UP_SEED])
    if kind == "random":
        seed = widgets.number(tr("sw.seed"), 0, 9999, state.UP_SEED, defaults[state.UP_SEED], where=c4)
    kernel = transposed.upsample_kernel(kind, stride, seed)
    st.session_state.setdefault(state.UP_PADDING, defaults[state.UP_PADDING])
    st.session_state.setdefault(state.UP_OP, defaults[state.UP_OP])
    if exact:
        st.session_state[state.UP_PADDING], st.session_state[state.UP_OP] = transposed.upsample_padding(
            kernel.shape[0], stride, piece.shape[0])
    st.session_state[state.UP_OP] = min(st.session_state[state.UP_OP], stride - 1)
    padding = c2.number_input(tr("conv.padding"), 0, 8, key=state.UP_PADDING, persist_state="session", disabled=exact)
    output_padding = c3.number_input(tr("td.output_padding"), 0, stride - 1, key=state.UP_OP, disabled=exact,
                                     help=tr("td.output_padding_help"), persist_state="session")
    try:
        up = ops.conv_transpose2d(piece, kernel, stride=stride, padding=padding, output_padding=output_padding)
    except ops.ParamError as err:
        show_error(err)
        return None
    return (piece, up, ops.resize(piece, stride, method), kernel, method, kind,
            (stride, int(padding), int(output_padding)))
