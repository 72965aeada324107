"""Pooling: max and average side by side, repeated rounds, and what a small shift changes."""
import numpy as np
import streamlit as st

from explorer import figures, imaging, ops, pooling, sliding, ui
from explorer.ui import tr

st.title(tr("page.pooling.title"))
st.markdown(tr("pool.intro"))

image = ui.current_image()
work = ui.compare_image(image.digest, image.pixels)
for key, value in (("pool.k", 2), ("pool.same_stride", True), ("pool.stride", 2), ("pool.padding", 0),
                   ("pool.ceil", False)):
    st.session_state.setdefault(key, value)
c1, c2, c3, c4 = st.columns(4, gap="medium")
k = c1.slider(tr("pool.k"), 1, 8, key="pool.k", persist_state="session", bind="query-params")
same = c4.toggle(tr("pool.same_stride"), key="pool.same_stride", persist_state="session", bind="query-params")
if same:
    st.session_state["pool.stride"] = k
stride = c2.number_input(tr("conv.stride"), 1, 8, key="pool.stride", disabled=same, persist_state="session", bind="query-params")
padding = c3.number_input(tr("conv.padding"), 0, 4, key="pool.padding", help=tr("pool.padding_help"),
                          persist_state="session", bind="query-params")
ceil_mode = c4.toggle(tr("pool.ceil"), key="pool.ceil", help=tr("pool.ceil_help"), persist_state="session", bind="query-params")
args = dict(stride=int(stride), padding=int(padding), ceil_mode=ceil_mode)
try:
    pooled = {mode: ops.pool2d(work, mode, k, **args) for mode in ops.POOL_MODES}
except ops.ParamError as err:
    ui.show_error(err)
    ui.stop()

side_tab, rounds_tab, shift_tab = st.tabs([tr("pool.tab_side"), tr("pool.tab_rounds"), tr("pool.tab_shift")])

with side_tab:
    for key, value in (("pool.zoom", 4), ("sw.x", 0.5), ("sw.y", 0.4), ("sw.size", 0.25)):
        st.session_state.setdefault(key, value)
    z1, z2 = st.columns([2, 1], vertical_alignment="bottom")
    zoom = z1.select_slider(tr("pool.zoom"), [1, 2, 4, 8], key="pool.zoom", format_func=lambda z: f"{z}×",
                            help=tr("pool.zoom_help"), persist_state="session", bind="query-params")
    with z2.popover(tr("pool.region"), icon=":material/crop:", width="stretch"):
        st.slider(tr("sw.x"), 0.0, 1.0, step=0.01, key="sw.x", persist_state="session", bind="query-params")
        st.slider(tr("sw.y"), 0.0, 1.0, step=0.01, key="sw.y", persist_state="session", bind="query-params")
        st.slider(tr("sw.size"), 0.02, 1.0, step=0.01, key="sw.size", persist_state="session", bind="query-params",
                  help=tr("pool.size_help"))
    x, y = st.session_state["sw.x"], st.session_state["sw.y"]
    panels = st.columns([1, 1, 1, 0.55], gap="small")
    panels[0].image(ui.blocky(imaging.crop_fraction(work, x, y, zoom)), width="stretch")
    panels[0].caption(tr("pool.input_caption", w=work.shape[1], h=work.shape[0]))
    for col, mode in zip(panels[1:3], ops.POOL_MODES):
        col.image(ui.blocky(imaging.crop_fraction(pooled[mode], x, y, zoom)), width="stretch")
        col.caption(tr(f"pool.{mode}_caption", w=pooled[mode].shape[1], h=pooled[mode].shape[0]))
    means = pooling.global_average(work)
    panels[3].image(np.full((64, 64, 3), imaging.to_uint8(means), np.uint8), width="stretch")
    panels[3].caption(tr("pool.global_caption", values=", ".join(
        f"{name} {figures.format_number(round(float(v), 3))}" for name, v in zip("RGB", means))))
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(f"**{tr('kl.formula')}**")
        ui.formula_box(pooling.pool_formulas(work.shape, k, int(stride), int(padding), ceil_mode))
    right.info(tr("pool.side_note"), icon=":material/lightbulb:")

    st.subheader(tr("pool.grid_title"))
    for key, value in (("pool.grid_source", "image"), ("pool.grid_side", 8), ("pool.seed", 1)):
        st.session_state.setdefault(key, value)
    g1, g2, g3 = st.columns([1.2, 1, 1], vertical_alignment="bottom")
    source = g1.segmented_control(tr("sw.source"), ["image", "random"], key="pool.grid_source", required=True,
                                  format_func=ui.labels("pool.grid_source"), persist_state="session", bind="query-params")
    grid_side = g2.slider(tr("pool.grid_side"), 4, 12, key="pool.grid_side", persist_state="session", bind="query-params")
    if source == "random":
        seed = g3.number_input(tr("sw.seed"), 0, 9999, key="pool.seed", persist_state="session", bind="query-params")
        grid = sliding.generate_grid("random", grid_side, grid_side, seed)
    else:
        g3.caption(tr("pool.grid_region"))
        grid = sliding.crop_grid(image.pixels, (x, y, st.session_state["sw.size"]), grid_side, grid_side, 255)
    try:
        grid_pooled = {mode: ops.pool2d(grid, mode, k, **args, device="cpu") for mode in ops.POOL_MODES}
    except ops.ParamError as err:
        ui.show_error(err)
    else:
        boxes = pooling.window_boxes(grid.shape, k, int(stride), int(padding), grid_pooled["max"].shape)
        overlapping = stride < k
        shown = boxes[:1] if overlapping else boxes
        cols = st.columns([1.3, 1, 1], gap="medium")
        cols[0].plotly_chart(figures.matrix_figure(grid, title=tr("pool.grid_input"), sequential=True,
                                                   outlines=shown), width="stretch", key="pool.grid_in",
                             config={"displayModeBar": False})
        if overlapping:
            cols[0].caption(tr("pool.overlap_note"))
        for col, mode in zip(cols[1:], ops.POOL_MODES):
            col.plotly_chart(figures.matrix_figure(np.round(grid_pooled[mode], 2), title=tr(f"pool.{mode}"),
                                                   sequential=True), width="stretch", key=f"pool.grid_{mode}",
                             config={"displayModeBar": False})
        watch = {"sw.mode": "max_pool", "sw.pool": min(k, 4), "sw.stride": min(int(stride), 4),
                 "sw.padding": min(int(padding), min(k, 4) // 2), "sw.source": "image" if source == "image" else "generate",
                 "sw.rows": min(grid_side, 8), "sw.cols": min(grid_side, 8)}
        if st.button(tr("pool.watch"), icon=":material/animation:", help=tr("pool.watch_help")):
            st.session_state.update(watch)
            st.switch_page("../pages/sliding_window.py", query_params={})   # None would clear bound parameters: an error

with rounds_tab:
    st.markdown(tr("pool.rounds_intro", k=k, s=int(stride)))
    for mode in ops.POOL_MODES:
        results = pooling.repeated(work, mode, pooling.MAX_ROUNDS, k, **args)
        st.markdown(f"**{tr(f'pool.{mode}')}**")
        cols = st.columns(pooling.MAX_ROUNDS, gap="small")
        for n, (col, result) in enumerate(zip(cols, results), start=1):
            col.image(ui.blocky(result), width="stretch")
            col.caption(tr("pool.round_caption", n=n, w=result.shape[1], h=result.shape[0]))
        if len(results) < pooling.MAX_ROUNDS:
            cols[len(results)].caption(tr("pool.rounds_stopped"))
    st.info(tr("pool.rounds_note"), icon=":material/lightbulb:")

with shift_tab:
    st.markdown(tr("pool.shift_intro"))
    st.session_state.setdefault("pool.shift_k", 4)
    st.session_state.setdefault("pool.shift_input", "edges")
    s1, s2 = st.columns(2, vertical_alignment="bottom")
    shift_k = s1.slider(tr("pool.shift_k"), 2, 8, key="pool.shift_k", persist_state="session", bind="query-params")
    kind = s2.segmented_control(tr("pool.shift_input"), ["edges", "photo"], key="pool.shift_input", required=True,
                                format_func=ui.labels("pool.shift_input"), persist_state="session", bind="query-params")
    plane = ui.feature_map(image.digest, work) if kind == "edges" else imaging.to_gray(work)
    try:
        test = pooling.shift_test(plane, shift_k)
    except ops.ParamError as err:
        ui.show_error(err)
    else:
        names = {kind: tr(f"pool.shift_kind.{kind}") for kind in pooling.SHIFT_KINDS}
        plot, numbers = st.columns([1.4, 1], gap="large")
        plot.plotly_chart(figures.lines_figure(test.shifts, {names[k]: v for k, v in test.change.items()},
                                               x_title=tr("pool.shift_x"), y_title=tr("pool.shift_y")),
                          width="stretch", key="pool.shift_plot", config={"displayModeBar": False})
        with numbers:
            st.markdown(f"**{tr('pool.shift_mean', k=shift_k - 1)}**")
            for kind in pooling.SHIFT_KINDS:
                change = np.mean(test.change[kind][1:])
                kept = np.mean(test.unchanged[kind][1:])
                st.metric(names[kind], f"{change:.1f} %", tr("pool.shift_kept", kept=f"{kept:.0f}"),
                          delta_color="off", delta_arrow="off", border=True)
        st.caption(tr("pool.shift_note"))
