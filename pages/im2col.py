"""im2col: a convolution layer as one matrix product, forward and backward, and what that costs."""
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from explorer import figures, im2col, imaging, ops, ui
from explorer.ui import tr

st.title(tr("page.im2col.title"))
st.markdown(tr("ic.intro"))
FIGURE = {"width": "stretch", "config": {"displayModeBar": False}}
HIGHLIGHT = "background-color: #ffe0b2; font-weight: 600"

for key, value in (("ic.c", 2), ("ic.side", 5), ("ic.k", 3), ("ic.fn", 2), ("ic.stride", 1), ("ic.pad", 0),
                   ("ic.seed", 7), ("ic.row", 1)):
    st.session_state.setdefault(key, value)
cols = st.columns(7, gap="small")
c = cols[0].number_input(tr("ic.c"), 1, 3, key="ic.c", persist_state="session", bind="query-params")
side = cols[1].number_input(tr("ic.side"), 3, 7, key="ic.side", persist_state="session", bind="query-params")
k = cols[2].number_input(tr("ic.k"), 1, 4, key="ic.k", persist_state="session", bind="query-params")
fn = cols[3].number_input(tr("ic.fn"), 1, 3, key="ic.fn", persist_state="session", bind="query-params")
stride = cols[4].number_input(tr("conv.stride"), 1, 3, key="ic.stride", persist_state="session", bind="query-params")
pad = cols[5].number_input(tr("ic.pad"), 0, 2, key="ic.pad", persist_state="session", bind="query-params")
seed = cols[6].number_input(tr("sw.seed"), 0, 9999, key="ic.seed", persist_state="session", bind="query-params")

x, weight, bias = im2col.example(c, side, fn, k, seed)
try:
    forward = im2col.conv_forward(x, weight, bias, stride, pad)
except ops.ParamError as err:
    ui.show_error(err)
    ui.stop()
_, _, out_h, out_w = forward.out.shape
names = "RGB" if c == 3 else ""
columns = im2col.column_labels(c, k, k, names)


def table(values: np.ndarray, row: int, column_names: list[str], height: int | None = None):
    """A matrix as a scrollable table with one row highlighted."""
    frame = pd.DataFrame(values, columns=column_names)
    frame.index = [str(i + 1) for i in range(len(frame))]
    styled = frame.style.format(figures.format_number).apply(
        lambda r: [HIGHLIGHT if r.name == str(row + 1) else "" for _ in r], axis=1)
    st.dataframe(styled, width="stretch", height=height or min(38 + 35 * len(frame), 420))


forward_tab, backward_tab, cost_tab = st.tabs([tr("ic.tab_forward"), tr("ic.tab_backward"), tr("ic.tab_cost")])

with forward_tab:
    rows = out_h * out_w
    st.session_state["ic.row"] = min(st.session_state["ic.row"], rows)
    row = st.slider(tr("ic.row"), 1, rows, key="ic.row", help=tr("ic.row_help")) - 1
    oy, ox = divmod(row, out_w)
    window = [im2col.window_box(row, out_w, k, stride, pad, side)]
    st.markdown(f"**① {tr('ic.step_input', c=c, h=side, w=side)}**")
    for ch, col in enumerate(st.columns(max(c, 2), gap="small")[:c]):
        col.plotly_chart(figures.matrix_figure(x[0, ch], title=tr("ic.channel", c=names[ch] if names else ch + 1),
                                               sequential=True, outlines=window, height=300),
                         key=f"ic.x{ch}", **FIGURE)
    st.markdown(f"**② {tr('ic.step_col', rows=rows, cols=forward.col.shape[1])}**")
    table(forward.col, row, columns)
    if forward.col.shape[1] > 12:
        st.caption(tr("ic.scroll_note", cols=forward.col.shape[1]))
    left_col, right_col = st.columns([1, 1], gap="large")
    with left_col:
        st.markdown(f"**③ {tr('ic.step_w', rows=forward.col_w.shape[0], fn=fn)}**")
        table(forward.col_w, -1, [f"f{i + 1}" for i in range(fn)], height=300)
    with right_col:
        st.markdown(f"**④ {tr('ic.step_product', rows=rows, fn=fn)}**")
        table(forward.product, row, [f"f{i + 1}" for i in range(fn)], height=300)
        st.code(tr("ic.row_sum", row=row + 1) + " " + im2col.row_sum_text(forward, bias, row), language=None,
                wrap_lines=True)
    st.markdown(f"**⑤ {tr('ic.step_maps', fn=fn, h=out_h, w=out_w)}**")
    for f, col in enumerate(st.columns(max(fn, 2), gap="small")[:fn]):
        col.plotly_chart(figures.matrix_figure(forward.out[0, f], title=f"f{f + 1}",
                                               outlines=[(oy, ox, oy, ox)], height=260), key=f"ic.out{f}", **FIGURE)
    dout = im2col.upstream_gradient(forward.out.shape, seed)
    gaps = im2col.torch_gaps(x, weight, bias, dout, stride, pad)
    gap = gaps["out"]
    (st.success if gap < 1e-9 else st.error)(tr("ic.forward_agrees" if gap < 1e-9 else "ic.forward_differs",
                                                 diff=f"{gap:.2g}"))

with backward_tab:
    st.markdown(tr("ic.backward_intro"))
    dx, dw, db = im2col.conv_backward(dout, x.shape, weight, forward, stride, pad)
    st.markdown(f"**{tr('ic.dout', fn=fn, h=out_h, w=out_w)}**")
    for f, col in enumerate(st.columns(max(fn, 3), gap="small")[:fn]):
        col.plotly_chart(figures.matrix_figure(dout[0, f], title=f"f{f + 1}", height=220), key=f"ic.dout{f}",
                         **FIGURE)
    st.markdown(f"**{tr('ic.dw')}**")
    st.code("dW = (colᵀ · dout).T.reshape(FN, C, kh, kw)      db = dout.sum(axis=(0, 2, 3))", language="python")
    panels = st.columns(max(fn * c, 3), gap="small")
    for f in range(fn):
        for ch in range(c):
            panels[f * c + ch].plotly_chart(figures.matrix_figure(dw[f, ch], title=f"dW f{f + 1}·{ch + 1}",
                                                                  height=200), key=f"ic.dw{f}{ch}", **FIGURE)
    st.caption(tr("ic.db", values=", ".join(figures.format_number(v) for v in db)))
    st.markdown(f"**{tr('ic.dx')}**")
    st.code("dx = col2im(dout · Wᵀ, x.shape, kh, kw, stride, pad)", language="python")
    for ch, col in enumerate(st.columns(max(c, 3), gap="small")[:c]):
        col.plotly_chart(figures.matrix_figure(dx[0, ch], title=f"dx {ch + 1}", height=260), key=f"ic.dx{ch}",
                         **FIGURE)
    worst = max(gaps["dx"], gaps["dw"], gaps["db"])
    (st.success if worst < 1e-9 else st.error)(tr("ic.backward_agrees" if worst < 1e-9 else "ic.backward_differs",
                                                   diff=f"{worst:.2g}"))

with cost_tab:
    image = ui.current_image()
    full_h, full_w = image.pixels.shape[:2]
    st.markdown(tr("ic.cost_intro"))
    st.session_state.setdefault("ic.cost_k", 3)
    cost_k = st.select_slider(tr("ic.cost_k"), [3, 5, 7], key="ic.cost_k", persist_state="session", bind="query-params")
    size = im2col.matrix_bytes(1, 3, full_h, full_w, cost_k, cost_k, pad=cost_k // 2)
    rows_full = full_h * full_w
    st.metric(tr("ic.cost_matrix", w=full_w, h=full_h, k=cost_k), figures.format_bytes(size),
              tr("ic.cost_shape", rows=f"{rows_full:,}", cols=3 * cost_k * cost_k,
                 image=figures.format_bytes(full_h * full_w * 3 * 4)), delta_color="off", delta_arrow="off",
              border=True)
    gray = imaging.to_gray(ui.compare_image(image.digest, image.pixels))
    measured_key = (image.digest, cost_k)
    if st.button(tr("ic.measure"), icon=":material/timer:", type="primary"):
        with st.spinner(tr("ic.measuring")):
            kernel = np.random.default_rng(0).standard_normal((cost_k, cost_k)).astype(np.float32)
            st.session_state["ic.costs"] = (measured_key, im2col.measure_costs(gray, kernel))
    result = st.session_state.get("ic.costs")
    if result and result[0] == measured_key:
        costs = result[1]
        opencv = next(cost.seconds for cost in costs if cost.method == "opencv")
        frame = pd.DataFrame({
            tr("ic.cost_method"): [tr(f"ic.method.{cost.method}") for cost in costs],
            tr("ic.cost_time"): [f"{cost.seconds * 1000:,.1f}" for cost in costs],
            tr("ic.cost_ratio"): [f"{cost.seconds / opencv:,.1f}×" for cost in costs],
            tr("ic.cost_on"): [f"{w}×{h}" for h, w in (cost.measured_on for cost in costs)],
        })
        left, right = st.columns([1, 1.2], gap="large")
        left.dataframe(frame, hide_index=True, width="stretch")
        left.caption(tr("ic.cost_note", w=gray.shape[1], h=gray.shape[0]))
        chart = go.Figure(go.Bar(x=[tr(f"ic.method.{cost.method}") for cost in costs],
                                 y=[cost.seconds * 1000 for cost in costs],
                                 marker_color=list(figures.SERIES_COLOURS),
                                 text=[f"{cost.seconds * 1000:,.1f}" for cost in costs], textposition="outside"))
        chart.update_layout(yaxis={"type": "log", "title": tr("ic.cost_axis")}, height=300,
                            margin={"l": 4, "r": 4, "t": 20, "b": 4})
        right.plotly_chart(chart, key="ic.cost_chart", **FIGURE)
    st.info(tr("ic.lesson"), icon=":material/lightbulb:")
