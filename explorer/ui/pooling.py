"""Pooling's panels: the shared window settings, max vs average side by side, a grid of numbers, rounds, shifts."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from explorer import display, imaging, kernels, ops
from explorer.lessons import equivariance, pooling, sliding
from explorer.numtext import format_number
from explorer.ui import caches, widgets
from explorer.ui import sliding_window as sw
from explorer.ui.shell import gap, labels, lang, presenting, show_error, stop, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import CurrentImage, region, region_sliders
from explorer.ui.state import pooling as state
from explorer.views import charts


@dataclass(frozen=True)
class Window:
    """The pooling window every panel uses."""
    k: int
    stride: int
    padding: int
    ceil_mode: bool

    @property
    def args(self) -> dict:
        return {"stride": self.stride, "padding": self.padding, "ceil_mode": self.ceil_mode}


def controls() -> Window:
    """Window, stride (= window unless unticked), padding, ceil mode."""
    c1, c2, c3, c4 = st.columns(4, gap="medium")
    defaults = state.DEFAULTS
    k = widgets.slider(tr("pool.k"), 1, 8, state.K, defaults[state.K], where=c1)
    same = widgets.toggle(tr("pool.same_stride"), state.SAME_STRIDE, defaults[state.SAME_STRIDE], where=c4)
    if same:
        st.session_state[state.STRIDE] = k
    stride = widgets.number(tr("conv.stride"), 1, 8, state.STRIDE, defaults[state.STRIDE], disabled=same, where=c2)
    padding = widgets.number(tr("conv.padding"), 0, 4, state.PADDING, defaults[state.PADDING],
                             help=tr("pool.padding_help"), where=c3)
    ceil_mode = widgets.toggle(tr("pool.ceil"), state.CEIL, defaults[state.CEIL], help=tr("pool.ceil_help"),
                               where=c4)
    return Window(k, stride, padding, ceil_mode)


def pooled(image: CurrentImage, work: np.ndarray, window: Window) -> dict[str, np.ndarray]:
    """Max and average pooling of the working image (made once per picture and window, shared read-only); stops
    with a message when the window cannot work."""
    try:
        return caches.pooled(f"{image.digest}:compare", work, window.k, tuple(sorted(window.args.items())))
    except ops.ParamError as err:
        show_error(err)
        stop()


def side_panel(image: CurrentImage, work: np.ndarray, results: dict[str, np.ndarray], window: Window) -> None:
    """The photo, max and average pooled (zoomed so pixels show), and global average pooling."""
    pictures, settings = figure_and_controls(tr("pool.zoom_settings"))
    with settings:
        z1, z2 = st.columns([2, 1], vertical_alignment="bottom")
        zoom = widgets.choice(tr("pool.zoom"), [1, 2, 4, 8], state.ZOOM, state.DEFAULTS[state.ZOOM],
                              kind="select_slider", format_func=lambda z: f"{z}×", help=tr("pool.zoom_help"), where=z1)
        with z2.popover(tr("pool.region"), icon=":material/crop:", width="stretch"):
            region_sliders(size_help=tr("pool.size_help"))
    x, y, _ = region()
    with pictures:
        _side_pictures(work, results, x, y, zoom, f"{image.digest}:{window}:{x:.4f},{y:.4f},{zoom}")
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(f"**{tr('kl.formula')}**")
        widgets.formula_box(pooling.pool_formulas(work.shape, window.k, window.stride, window.padding,
                                                  window.ceil_mode))
    right.info(tr("pool.side_note"), icon=":material/lightbulb:")


def _side_pictures(work: np.ndarray, results: dict[str, np.ndarray], x: float, y: float, zoom: int,
                   content: str) -> None:
    """``content`` names what they show (the picture, the window, the region and the zoom)."""
    panels = st.columns([1, 1, 1, 0.55], gap="small")
    widgets.picture(lambda: display.blocky(display.crop_fraction(work, x, y, zoom)),
                    tr("pool.input_caption", w=work.shape[1], h=work.shape[0]), where=panels[0],
                    content=f"{content}:input", width="stretch")
    for col, mode in zip(panels[1:3], ops.POOL_MODES):
        widgets.picture(lambda mode=mode: display.blocky(display.crop_fraction(results[mode], x, y, zoom)),
                        tr(f"pool.{mode}_caption", w=results[mode].shape[1], h=results[mode].shape[0]), where=col,
                        content=f"{content}:{mode}", width="stretch")
    means = pooling.global_average(work)
    widgets.picture(np.full((64, 64, 3), display.to_uint8(means), np.uint8), tr("pool.global_caption", values=", ".join(
        f"{name} {format_number(round(float(v), 3))}" for name, v in zip("RGB", means))), where=panels[3],
                    width="stretch")


def grid_panel(image: CurrentImage, window: Window) -> None:
    """A small grid of numbers pooled both ways, the windows outlined, and a button to watch it slide."""
    st.subheader(tr("pool.grid_title"))
    g1, g2, g3 = st.columns([1.2, 1, 1], vertical_alignment="bottom")
    defaults = state.DEFAULTS
    source = widgets.choice(tr("sw.source"), ["image", "random"], state.GRID_SOURCE, defaults[state.GRID_SOURCE],
                            kind="segmented", prefix="pool.grid_source", where=g1)
    side = widgets.slider(tr("pool.grid_side"), 4, 12, state.GRID_SIDE, defaults[state.GRID_SIDE], where=g2)
    if source == "random":
        seed = widgets.number(tr("sw.seed"), 0, 9999, state.SEED, defaults[state.SEED], where=g3)
        grid = sliding.generate_grid("random", side, side, seed)
    else:
        g3.caption(tr("pool.grid_region"))
        grid = sliding.crop_grid(image.pixels, region(), side, side, 255)
    try:
        results = {mode: ops.pool2d(grid, mode, window.k, **window.args, device="cpu") for mode in ops.POOL_MODES}
    except ops.ParamError as err:
        show_error(err)
        return
    boxes = pooling.window_boxes(grid.shape, window.k, window.stride, window.padding, results["max"].shape)
    overlapping = window.stride < window.k
    cols = st.columns([1.3, 1, 1], gap="medium")
    shared = (float(grid.min()), float(grid.max()))    # one grey scale: a max-pooled grid looks lighter, as it is
    widgets.matrix(grid, state.GRID_IN, cols[0], title=tr("pool.grid_input"), sequential=True, zrange=shared,
                   outlines=boxes[:1] if overlapping else boxes)
    if overlapping:
        cols[0].caption(tr("pool.overlap_note"))
    for col, mode in zip(cols[1:], ops.POOL_MODES):
        widgets.matrix(np.round(results[mode], 2), state.grid_out(mode), col, title=tr(f"pool.{mode}"),
                       sequential=True, zrange=shared)
    if st.button(tr("pool.watch"), icon=":material/animation:", help=tr("pool.watch_help")):
        pool = min(window.k, 4)
        sw.open_with(mode="max_pool", pool=pool, stride=min(window.stride, 4), padding=min(window.padding, pool // 2),
                     from_photo=source == "image", side=min(side, 8))


def rounds_panel(work: np.ndarray, window: Window) -> None:
    """The image after 1–4 rounds of each pooling."""
    lead(tr("pool.rounds_intro", k=window.k, s=window.stride))
    for mode in ops.POOL_MODES:
        results = pooling.repeated(work, mode, pooling.MAX_ROUNDS, window.k, **window.args)
        st.markdown(f"**{tr(f'pool.{mode}')}**")
        # on a projector a little narrower, so both rows fit the first screen
        cols = st.columns([1] * pooling.MAX_ROUNDS + ([0.45] if presenting() else []), gap="small")
        for n, (col, result) in enumerate(zip(cols, results), start=1):
            widgets.picture(display.blocky(result), tr("pool.round_caption", n=n, w=result.shape[1], h=result.shape[0]),
                            where=col, width="stretch")
        if len(results) < pooling.MAX_ROUNDS:
            cols[len(results)].caption(tr("pool.rounds_stopped"))
    st.info(tr("pool.rounds_note"), icon=":material/lightbulb:")


def shift_panel(image: CurrentImage, work: np.ndarray, window: Window) -> None:
    """Shift the input by 0…k−1 pixels, k the page's window: how much max, average and no pooling change."""
    lead(tr("pool.shift_intro", k=window.k))
    kind = widgets.choice(tr("pool.shift_input"), ["edges", "photo"], state.SHIFT_INPUT,
                          state.DEFAULTS[state.SHIFT_INPUT], kind="segmented", prefix="pool.shift_input")
    if window.k < 2:
        st.info(tr("pool.shift_needs_two"), icon=":material/info:")
        return
    plane = caches.feature_map(image.digest, work) if kind == "edges" else imaging.to_grey(work)
    try:
        test = pooling.shift_test(plane, window.k)
    except ops.ParamError as err:
        show_error(err)
        return
    names = labels("pool.shift_kind")
    plot, numbers = st.columns([1.4, 1], gap="large")
    widgets.chart(charts.lines_figure(test.shifts, {names(k): v for k, v in test.change.items()},
                                      x_title=tr("pool.shift_x"), y_title=tr("pool.shift_y")), state.SHIFT_PLOT, plot)
    with numbers:
        st.markdown(f"**{tr('pool.shift_mean', k=window.k - 1)}**")
        for name in pooling.SHIFT_KINDS:
            change = np.mean(test.change[name][1:])
            kept = np.mean(test.unchanged[name][1:])
            st.metric(names(name), f"{change:.1f} %", tr("pool.shift_kept", kept=f"{kept:.0f}"),
                      delta_color="off", delta_arrow="off", border=True)
    st.caption(tr("pool.shift_note"))


def equivariance_panel(work: np.ndarray) -> None:
    """Shift the photo, convolve, compare with the shifted output: equal away from the border."""
    st.subheader(tr("pool.eq_title"))
    st.markdown(tr("pool.eq_intro"))
    s = widgets.slider(tr("pool.eq_shift"), 1, 8, state.EQ_SHIFT, state.DEFAULTS[state.EQ_SHIFT])
    try:
        found = equivariance.equivariance(imaging.to_grey(work), kernels.SOBEL_X.astype(np.float32), s)
    except ops.ParamError as err:
        st.info(err.text(lang()), icon=":material/info:")
        return
    scale = display.robust_scale(found.output)
    left, right = st.columns(2, gap="medium")
    widgets.picture(display.to_display(found.output, "diverging", scale), tr("pool.eq_output"), where=left,
                    width="stretch")
    widgets.picture(display.to_display(found.of_shifted, "diverging", scale), tr("pool.eq_shifted", s=s), where=right,
                    width="stretch")
    good = found.inner_gap < 1e-4
    (st.success if good else st.error)(tr("pool.eq_result", s=s, inner=gap(found.inner_gap),
                                          edge=f"{found.edge_gap:.2g}", reach=kernels.SOBEL_X.shape[1] // 2,
                                          moved=f"{found.moved:.0f}"))
