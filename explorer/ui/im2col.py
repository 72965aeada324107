"""im2col's panels: the small example's settings, forward as one product, backward against autograd, the cost."""
from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from explorer import geometry, im2col, imaging
from explorer.numtext import format_bytes, format_number
from explorer.ui import caches, widgets
from explorer.ui.shell import gap, presenting, show_error, stop, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import current_image
from explorer.ui.state import im2col as state
from explorer.views import charts

HIGHLIGHT = "background-color: #ffe0b2; font-weight: 600"


@dataclass(frozen=True)
class Example:
    """The small batch, its layer, and the forward pass."""
    n: int
    c: int
    side: int
    k: int
    fn: int
    stride: int
    pad: int
    seed: int
    x: np.ndarray
    weight: np.ndarray
    bias: np.ndarray
    forward: im2col.Forward
    dout: np.ndarray                 # the gradient from the layers above
    gaps: dict[str, float]           # largest differences to torch: forward and autograd

    @property
    def names(self) -> str:
        return "RGB" if self.c == 3 else ""


def _load(name: str) -> None:
    st.session_state.update(dict(zip(state.SETTINGS, im2col.EXAMPLES[name])))


def settings() -> Example:
    """One-click examples; channels, side, kernel, filters, stride, padding, seed; stops with a message if the
    kernel does not fit."""
    for col, name in zip(st.columns(len(im2col.EXAMPLES), gap="small"), im2col.EXAMPLES):
        col.button(tr(f"ic.example.{name}"), on_click=_load, args=(name,), icon=":material/menu_book:",
                   width="stretch", key=state.example_button(name))
    cols = st.columns(8, gap="small")
    defaults = state.DEFAULTS
    n = widgets.number(tr("ic.n"), 1, 10, state.N, defaults[state.N], where=cols[0])
    c = widgets.number(tr("ic.c"), 1, 3, state.C, defaults[state.C], where=cols[1])
    side = widgets.number(tr("ic.side"), 3, 7, state.SIDE, defaults[state.SIDE], where=cols[2])
    k = widgets.number(tr("ic.k"), 1, 5, state.K, defaults[state.K], where=cols[3])
    fn = widgets.number(tr("ic.fn"), 1, 3, state.FN, defaults[state.FN], where=cols[4])
    stride = widgets.number(tr("conv.stride"), 1, 3, state.STRIDE, defaults[state.STRIDE], where=cols[5])
    pad = widgets.number(tr("ic.pad"), 0, 2, state.PAD, defaults[state.PAD], where=cols[6])
    seed = widgets.number(tr("sw.seed"), 0, 9999, state.SEED, defaults[state.SEED], where=cols[7])
    x, weight, bias = im2col.example(c, side, fn, k, seed, batch=n)
    try:
        forward = im2col.conv_forward(x, weight, bias, stride, pad)
    except geometry.ParamError as err:
        show_error(err)
        stop()
    dout = im2col.upstream_gradient(forward.out.shape, seed)
    gaps = im2col.torch_gaps(x, weight, bias, dout, stride, pad)
    return Example(n, c, side, k, fn, stride, pad, seed, x, weight, bias, forward, dout, gaps)


def table(values: np.ndarray, row: int, column_names: list[str], height: int | None = None) -> None:
    """A matrix as a scrollable table with one row highlighted."""
    frame = pd.DataFrame(values, columns=column_names)
    frame.index = [str(i + 1) for i in range(len(frame))]
    styled = frame.style.format(format_number).apply(
        lambda r: [HIGHLIGHT if r.name == str(row + 1) else "" for _ in r], axis=1)
    st.dataframe(styled, width="stretch", height=height or min(38 + 35 * len(frame), 420))


def forward_panel(ex: Example) -> None:
    """① the input, ② im2col with the chosen window's row, ③ the weights, ④ the product, ⑤ the feature maps."""
    _, _, out_h, out_w = ex.forward.out.shape
    rows = ex.n * out_h * out_w
    st.session_state[state.ROW] = min(st.session_state.get(state.ROW, state.DEFAULTS[state.ROW]), rows)
    # one window only (a 1×1 output of one image): nothing to choose, and a slider from 1 to 1 is refused
    row = st.slider(tr("ic.row"), 1, rows, key=state.ROW, persist_state="session", help=tr("ic.row_help")) - 1 \
        if rows > 1 else 0
    image, (oy, ox) = row // (out_h * out_w), divmod(row % (out_h * out_w), out_w)
    window = [geometry.window_box(oy, ox, (ex.k, ex.k), stride=ex.stride, pads=(ex.pad,) * 4,
                                  clip_to=(ex.side, ex.side))]
    # on a projector the window and its row side by side: stacked, the row was below the first screen
    first, second = st.columns([1, 1.3], gap="medium") if presenting() else (st.container(), st.container())
    with first:
        st.markdown(f"**① {tr('ic.step_input', n=ex.n, c=ex.c, h=ex.side, w=ex.side, i=image + 1)}**")
        for ch, col in enumerate(st.columns(max(ex.c, 2), gap="small")[:ex.c]):
            widgets.matrix(ex.x[image, ch], state.input_figure(ch), col,
                           title=tr("ic.channel", c=ex.names[ch] if ex.names else ch + 1), sequential=True,
                           outlines=window, height=240 if presenting() else 300)
    with second:
        st.markdown(f"**② {tr('ic.step_col', rows=rows, cols=ex.forward.col.shape[1])}**")
        table(ex.forward.col, row, im2col.column_labels(ex.c, ex.k, ex.k, ex.names),
              height=300 if presenting() else None)
        if ex.forward.col.shape[1] > 12:
            st.caption(tr("ic.scroll_note", cols=ex.forward.col.shape[1]))
    filters = [f"f{i + 1}" for i in range(ex.fn)]
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(f"**③ {tr('ic.step_w', rows=ex.forward.col_w.shape[0], fn=ex.fn, c=ex.c, k=ex.k)}**")
        table(ex.forward.col_w, -1, filters, height=300)
    with right:
        st.markdown(f"**④ {tr('ic.step_product', rows=rows, fn=ex.fn)}**")
        table(ex.forward.product, row, filters, height=300)
        st.code(tr("ic.row_sum", row=row + 1) + " " + im2col.row_sum_text(ex.forward, ex.bias, row), language=None,
                wrap_lines=True)
    st.markdown(f"**⑤ {tr('ic.step_maps', n=ex.n, fn=ex.fn, h=out_h, w=out_w, i=image + 1)}**")
    for f, col in enumerate(st.columns(max(ex.fn, 2), gap="small")[:ex.fn]):
        widgets.matrix(ex.forward.out[image, f], state.output_figure(f), col, title=f"f{f + 1}",
                       outlines=[(oy, ox, oy, ox)], height=260)
    largest = ex.gaps["out"]
    (st.success if largest < 1e-9 else st.error)(tr("ic.forward_agrees" if largest < 1e-9 else "ic.forward_differs",
                                                 diff=gap(largest)))


def border_panel(ex: Example) -> None:
    """How many windows read each input pixel, with this padding and without: what padding does for the border."""
    with st.expander(tr("ic.border_title"), icon=":material/border_outer:"):
        counts = [(im2col.window_counts(ex.side, ex.k, ex.stride, pad), pad) for pad in sorted({0, ex.pad})]
        shown = [(values, tr("ic.border_counts", pad=pad), True) for values, pad in counts]
        widgets.matrices(shown)
        corner = ", ".join(tr("ic.border_corner", pad=pad, n=format_number(values[0, 0])) for values, pad in counts)
        st.markdown(tr("ic.border_note", corner=corner, k=ex.k))


def code_panel() -> None:
    """im2col and col2im as this app runs them (the notes' version, NumPy)."""
    with st.expander(tr("ic.code_title"), icon=":material/code:"):
        st.code(inspect.getsource(im2col.im2col) + "\n\n" + inspect.getsource(im2col.col2im), language="python",
                wrap_lines=True)


def backward_panel(ex: Example) -> None:
    """dout from above; dW = colᵀ·dout, db, dx = col2im(dout·Wᵀ); all equal to torch autograd."""
    lead(tr("ic.backward_intro"))
    dout = ex.dout
    dx, dw, db = im2col.conv_backward(dout, ex.x.shape, ex.weight, ex.forward, ex.stride, ex.pad)
    _, _, out_h, out_w = ex.forward.out.shape
    st.markdown(f"**{tr('ic.dout', n=ex.n, fn=ex.fn, h=out_h, w=out_w)}**")
    for f, col in enumerate(st.columns(max(ex.fn, 3), gap="small")[:ex.fn]):
        widgets.matrix(dout[0, f], state.dout_figure(f), col, title=f"f{f + 1}", height=150 if presenting() else 220)
    st.markdown(f"**{tr('ic.dw')}**")
    if not presenting():        # on a projector the gradients first: their code pushed dW below the first screen
        st.code("dW = (colᵀ · dout).T.reshape(FN, C, kh, kw)      db = dout.sum(axis=(0, 2, 3))", language="python")
    panels = st.columns(max(ex.fn * ex.c, 3), gap="small")
    for f in range(ex.fn):
        for ch in range(ex.c):
            widgets.matrix(dw[f, ch], state.dw_figure(f, ch), panels[f * ex.c + ch], title=f"dW f{f + 1}·{ch + 1}",
                           height=150 if presenting() else 200)
    st.caption(tr("ic.db", values=", ".join(format_number(v) for v in db)))
    st.markdown(f"**{tr('ic.dx')}**")
    st.code("dx = col2im(dout · Wᵀ, x.shape, kh, kw, stride, pad)", language="python")
    for ch, col in enumerate(st.columns(max(ex.c, 3), gap="small")[:ex.c]):
        widgets.matrix(dx[0, ch], state.dx_figure(ch), col, title=f"dx {ch + 1}", height=260)
    worst = max(ex.gaps["dx"], ex.gaps["dw"], ex.gaps["db"])
    (st.success if worst < 1e-9 else st.error)(tr("ic.backward_agrees" if worst < 1e-9 else "ic.backward_differs",
                                                   diff=gap(worst)))


def _measure_costs(key: tuple, grey: np.ndarray, k: int) -> None:
    """Time the four ways on the page's grey image with a k×k kernel; the table below shows the result."""
    with st.spinner(tr("ic.measuring")):
        kernel = np.random.default_rng(0).standard_normal((k, k)).astype(np.float32)
        st.session_state[state.COSTS] = (key, im2col.measure_costs(grey, kernel))


def cost_panel() -> None:
    """The im2col matrix's size for the photo, and a live timing of four ways to convolve it."""
    image = current_image()
    full_h, full_w = image.pixels.shape[:2]
    lead(tr("ic.cost_intro"))
    k = widgets.choice(tr("ic.cost_k"), [3, 5, 7], state.COST_K, state.DEFAULTS[state.COST_K], kind="select_slider")
    size = im2col.matrix_bytes(1, 3, full_h, full_w, k, k, pad=k // 2)
    st.metric(tr("ic.cost_matrix", w=full_w, h=full_h, k=k), format_bytes(size),
              tr("ic.cost_shape", rows=f"{full_h * full_w:,}", cols=3 * k * k,
                 image=format_bytes(full_h * full_w * 3 * 4)), delta_color="off", delta_arrow="off", border=True)
    grey = imaging.to_grey(caches.compare_image(image.digest, image.pixels))
    measured_key = (image.digest, k)
    # measured in the button's callback, at the start of the rerun: later in the run the browser is drawing the
    # page's other tabs, and on a machine it shares with the server that held the multi-threaded methods at ~8 ms
    st.button(tr("ic.measure"), icon=":material/timer:", type="primary", on_click=_measure_costs,
              args=(measured_key, grey, k))
    result = st.session_state.get(state.COSTS)
    if result and result[0] == measured_key:
        costs = result[1]
        opencv = next(cost.seconds for cost in costs if cost.method == "opencv")
        names = [tr(f"ic.method.{cost.method}") for cost in costs]
        frame = pd.DataFrame({
            tr("ic.cost_method"): names,
            tr("ic.cost_time"): [f"{cost.seconds * 1000:,.1f}" for cost in costs],
            tr("ic.cost_ratio"): [f"{cost.seconds / opencv:,.1f}×" for cost in costs],
            tr("ic.cost_on"): [f"{w}×{h}" for h, w in (cost.measured_on for cost in costs)],
        })
        # on a projector's larger type the table needs the wider half, or its last columns scroll out of sight
        left, right = st.columns([1.45, 1] if presenting() else [1, 1.2], gap="large")
        # sized to their headers: fitted to "1.0×", the zh header "相对 OpenCV" was cut to "相对 OpenCV…"
        widths = {column: st.column_config.TextColumn(width="medium") for column in frame.columns[1:]}
        left.dataframe(frame, hide_index=True, width="stretch", column_config=widths)
        left.caption(tr("ic.cost_note", w=grey.shape[1], h=grey.shape[0]))
        times = [cost.seconds * 1000 for cost in costs]
        widgets.chart(charts.log_bars({"": times}, names, y_title=tr("ic.cost_axis"),
                                      texts=[f"{t:,.1f}" for t in times]), state.COST_CHART, right)
    st.info(tr("ic.lesson"), icon=":material/lightbulb:")


def pooling_panel(ex: Example) -> None:
    """Pooling the same batch as im2col rows, its backward pass, both equal to torch."""
    lead(tr("ic.pool_intro"))
    body, settings = figure_and_controls(tr("ic.pool_settings"))
    c1, c2, c3 = settings.columns(3, gap="medium")
    defaults = state.DEFAULTS
    size = widgets.number(tr("ic.pool_size"), 1, 3, state.POOL_SIZE, defaults[state.POOL_SIZE], where=c1)
    stride = widgets.number(tr("conv.stride"), 1, 3, state.POOL_STRIDE, defaults[state.POOL_STRIDE], where=c2)
    mode = widgets.choice(tr("ic.pool_mode"), im2col.POOL_MODES, state.POOL_MODE, defaults[state.POOL_MODE],
                          kind="segmented", prefix="ic.pool_mode", where=c3)
    if size > ex.side:
        show_error(geometry.ParamError("err.kernel_too_big", kh=size, kw=size, h=ex.side, w=ex.side))
        return
    forward = im2col.pool_forward(ex.x, size, size, stride, mode)
    _, c, out_h, out_w = forward.out.shape
    rows = len(forward.col)
    st.session_state[state.POOL_PICK] = min(st.session_state.get(state.POOL_PICK, defaults[state.POOL_PICK]), rows)
    row = body.slider(tr("ic.pool_row"), 1, rows, key=state.POOL_PICK, persist_state="session") - 1 if rows > 1 \
        else 0                                          # one window only: nothing to choose
    body.markdown(f"**{tr('ic.pool_col', rows=rows, cols=forward.col.shape[1])}**")
    with body:
        table(forward.col, row, [f"{i},{j}" for i in range(size) for j in range(size)], height=260)
    value = forward.col[row].max() if mode == "max" else forward.col[row].mean()
    body.code(tr("ic.pool_row_text", row=row + 1, mode=mode,
                 values=", ".join(format_number(v) for v in forward.col[row]), value=format_number(value)),
              language=None, wrap_lines=True)
    dout = np.ones(forward.out.shape)
    dx = im2col.pool_backward(dout, ex.x.shape, forward, size, size, stride, mode)
    st.markdown(f"**{tr('ic.pool_out', n=ex.n, c=c, h=out_h, w=out_w)}**")
    for ch, col in enumerate(st.columns(max(c, 3), gap="small")[:c]):
        # the input's grey range: a pooled 8 next to a 9 is not black
        widgets.matrix(forward.out[0, ch], state.pool_out_figure(ch), col, title=tr("ic.channel", c=ch + 1),
                       sequential=True, zrange=(float(ex.x.min()), float(ex.x.max())), height=220)
    st.markdown(f"**{tr('ic.pool_dx')}**")
    for ch, col in enumerate(st.columns(max(c, 3), gap="small")[:c]):
        widgets.matrix(dx[0, ch], state.pool_dx_figure(ch), col, title=f"dx {ch + 1}", height=260)
    gaps = im2col.pool_torch_gaps(ex.x, size, stride, mode, dout)
    worst = max(gaps.values())
    fn = "F.max_pool2d" if mode == "max" else "F.avg_pool2d"
    (st.success if worst < 1e-9 else st.error)(tr("ic.pool_agrees" if worst < 1e-9 else "ic.pool_differs", fn=fn,
                                                   diff=gap(worst)))
