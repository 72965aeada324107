"""Transposed and dilated convolution: upsampling, three equal readings, checkerboards, holes, receptive fields."""
import numpy as np
import pandas as pd
import streamlit as st

from explorer import figures, imaging, kernels, ops, receptive, sliding, transposed, ui
from explorer.ui import tr

st.title(tr("page.transposed_dilated.title"))
st.markdown(tr("td.intro"))

image = ui.current_image()
work = ui.compare_image(image.digest, image.pixels)
gray = imaging.to_gray(work)
DEFAULTS = {
    "td.up_stride": 2, "td.up_kernel": "bilinear", "td.up_seed": 3, "td.resize": "bilinear", "td.exact": True,
    "td.up_padding": 1, "td.up_op": 0, "td.up_zoom": 6,
    "td.g_side": 2, "td.g_seed": 4, "td.g_kernel": "integers", "td.g_k": 3, "td.g_stride": 1, "td.g_padding": 0,
    "td.g_op": 0,
    "td.cb_k": 3, "td.cb_s": 2,
    "td.dil_kernel": "laplacian_8", "td.grid_layers": 3, "td.grid_d": 2,
    "sw.x": 0.5, "sw.y": 0.4,
}
for key, value in DEFAULTS.items():
    st.session_state.setdefault(key, value)
FIGURE = {"width": "stretch", "config": {"displayModeBar": False}}

up_tab, grid_tab, board_tab, dilated_tab, field_tab = st.tabs(
    [tr(f"td.tab_{name}") for name in ("upsample", "grid", "checkerboard", "dilated", "field")])

# ---------------------------------------------------------------- transposed convolution on the photo
with up_tab:
    st.markdown(tr("td.up_intro"))
    c1, c2, c3, c4 = st.columns(4, gap="medium")
    stride = c1.segmented_control(tr("td.up_stride"), [2, 3, 4], key="td.up_stride", required=True,
                                  format_func=lambda s: f"{s}×", persist_state="session", bind="query-params")
    with c2:
        kind = ui.select(tr("td.up_kernel"), transposed.UPSAMPLE_KERNELS, "td.up_kernel", "td.up_kernel")
    method = c3.segmented_control(tr("td.resize"), list(ops.RESIZE_MODES), key="td.resize", required=True,
                                  format_func=ui.labels("td.resize"), persist_state="session", bind="query-params")
    zoom = c4.select_slider(tr("pool.zoom"), [1, 2, 4, 6, 8], key="td.up_zoom", format_func=lambda z: f"{z}×",
                            help=tr("td.up_zoom_help"), persist_state="session", bind="query-params")
    kernel = transposed.upsample_kernel(kind, stride, st.session_state["td.up_seed"])
    piece = imaging.crop_fraction(work, st.session_state["sw.x"], st.session_state["sw.y"], zoom)
    c1, c2, c3, c4 = st.columns(4, gap="medium", vertical_alignment="bottom")
    exact = c1.toggle(tr("td.exact"), key="td.exact", help=tr("td.exact_help"), persist_state="session", bind="query-params")
    if exact:
        padding, output_padding = transposed.upsample_padding(kernel.shape[0], stride, piece.shape[0])
        st.session_state["td.up_padding"], st.session_state["td.up_op"] = padding, output_padding
    st.session_state["td.up_op"] = min(st.session_state["td.up_op"], stride - 1)
    padding = c2.number_input(tr("conv.padding"), 0, 8, key="td.up_padding", disabled=exact)
    output_padding = c3.number_input(tr("td.output_padding"), 0, stride - 1, key="td.up_op", disabled=exact,
                                     help=tr("td.output_padding_help"))
    if kind == "random":
        c4.number_input(tr("sw.seed"), 0, 9999, key="td.up_seed", persist_state="session", bind="query-params")
    try:
        up = ops.conv_transpose2d(piece, kernel, stride=stride, padding=padding, output_padding=output_padding)
    except ops.ParamError as err:
        ui.show_error(err)
    else:
        plain = ops.resize(piece, stride, method)
        cols = st.columns(3, gap="small")
        for col, picture, caption in zip(cols, (piece, up, plain), (
                tr("td.up_input", w=piece.shape[1], h=piece.shape[0]),
                tr("td.up_transposed", w=up.shape[1], h=up.shape[0]),
                tr("td.up_resized", method=tr(f"td.resize.{method}"), w=plain.shape[1], h=plain.shape[0]))):
            col.image(ui.blocky(picture, 3 * ui.COMPARE_SIDE // 2), width="stretch")
            col.caption(caption)
        left, middle, right = st.columns([1.3, 1, 1.1], gap="medium")
        with left:
            st.markdown(f"**{tr('kl.formula')}**")
            ui.formula_box(tuple(ops.transposed_output_formula(n, kernel.shape[0], stride, padding, output_padding)
                                 for n in piece.shape[:2]))
        middle.plotly_chart(figures.matrix_figure(kernel, title=tr("td.kernel_title", k=kernel.shape[0])),
                            key="td.up_kernel_fig", **FIGURE)
        with right:
            gap = transposed.border_difference_free(up, plain, stride)
            if gap is not None:
                st.info(tr("td.up_compare", diff=figures.format_number(round(gap, 4))), icon=":material/compare:")
            st.caption(tr(f"td.up_kernel.{kind}.desc"))

# ---------------------------------------------------------------- three readings on a small grid
with grid_tab:
    st.markdown(tr("td.grid_intro"))
    c1, c2, c3, c4, c5 = st.columns(5, gap="small")
    side = c1.number_input(tr("td.g_side"), 2, 4, key="td.g_side", persist_state="session", bind="query-params")
    seed = c1.number_input(tr("sw.seed"), 0, 9999, key="td.g_seed", persist_state="session", bind="query-params")
    with c2:
        kernel_kind = ui.select(tr("td.g_kernel"), transposed.GRID_KERNELS, "td.g_kernel", "td.g_kernel")
    k = c2.number_input(tr("td.g_k"), 1, 4, key="td.g_k", persist_state="session", bind="query-params",
                        disabled=kernel_kind == "bilinear")
    g_stride = c3.number_input(tr("conv.stride"), 1, 3, key="td.g_stride", persist_state="session", bind="query-params")
    g_padding = c4.number_input(tr("conv.padding"), 0, 3, key="td.g_padding", persist_state="session", bind="query-params",
                                help=tr("td.g_padding_help"))
    st.session_state["td.g_op"] = min(st.session_state["td.g_op"], g_stride - 1)
    g_op = c5.number_input(tr("td.output_padding"), 0, g_stride - 1, key="td.g_op",
                           help=tr("td.output_padding_help"))
    grid = sliding.generate_grid("random", side, side, seed)
    small_kernel = transposed.grid_kernel(kernel_kind, k, g_stride, seed + 1)
    settings = dict(stride=int(g_stride), padding=int(g_padding), output_padding=int(g_op))
    try:
        run = sliding.build_run(grid, small_kernel, "transposed", **settings)
    except (ops.ParamError, sliding.GridError) as err:
        ui.show_error(err)
    else:
        labels = {key: tr(f"sw.fig.{key}") for key in ("input", "kernel", "output", "slow", "normal", "fast",
                                                        "pause", "step")}
        labels["input"], labels["output"] = tr("td.fig_input"), tr("td.fig_output")
        st.plotly_chart(figures.sliding_figure(run, labels), key="td.scatter", **FIGURE)
        st.caption(tr("td.scatter_note"))
        ways = transposed.three_ways(grid, small_kernel, **settings)
        a, b, c = st.columns([1, 1.4, 1], gap="medium")
        with a:
            st.markdown(f"**① {tr('td.way_scatter')}**")
            st.plotly_chart(figures.matrix_figure(run.output, title=tr("td.result")), key="td.r1", **FIGURE)
            ui.formula_box(run.formulas)
        with b:
            st.markdown(f"**② {tr('td.way_zeros')}**")
            st.plotly_chart(figures.matrix_figure(ways.stuffed, title=tr("td.stuffed", s=g_stride - 1),
                                                  outlines=[cell * 2 for cell in ways.input_cells]),
                            key="td.stuffed", **FIGURE)
            f1, f2 = st.columns(2)
            f1.plotly_chart(figures.matrix_figure(kernels.flip(small_kernel), title=tr("sw.fig.flipped")),
                            key="td.flipped", **FIGURE)
            f2.plotly_chart(figures.matrix_figure(ways.via_zeros, title=tr("td.result")), key="td.r2", **FIGURE)
        with c:
            st.markdown(f"**③ {tr('td.way_matrix')}**")
            st.plotly_chart(figures.matrix_figure(ways.via_matrix, title=tr("td.result")), key="td.r3", **FIGURE)
            st.caption(tr("td.matrix_shape", rows=ways.matrix.shape[0], cols=ways.matrix.shape[1], n=side,
                          out=f"{run.output.shape[0]}×{run.output.shape[1]}"))
        gap = ways.largest_difference
        agree = gap < 1e-4
        (st.success if agree else st.error)(tr("td.agree" if agree else "td.disagree", diff=f"{gap:.2g}"))
        st.markdown(f"**{tr('td.matrix_title', rows=ways.matrix.shape[0], cols=ways.matrix.shape[1])}**")
        st.plotly_chart(figures.matrix_figure(ways.matrix), key="td.V", **FIGURE)
        st.markdown(f"**{tr('td.matrix_t_title')}**")
        st.plotly_chart(figures.product_figure(ways.matrix.T, grid.ravel(), ways.via_matrix.ravel(),
                                               ("Vᵀ", "x", "y")),
                        key="td.VT", **FIGURE)
        st.caption(tr("td.matrix_note"))

# ---------------------------------------------------------------- checkerboard artifacts
with board_tab:
    st.markdown(tr("td.cb_intro"))
    c1, c2, c3 = st.columns([1, 1, 2], gap="medium", vertical_alignment="center")
    cb_k = c1.number_input(tr("td.cb_k"), 1, 6, key="td.cb_k", persist_state="session", bind="query-params")
    cb_s = c2.segmented_control(tr("conv.stride"), [2, 3], key="td.cb_s", required=True, persist_state="session", bind="query-params")
    even = cb_k % cb_s == 0
    (c3.success if even else c3.warning)(tr("td.cb_even" if even else "td.cb_uneven", k=cb_k, s=cb_s, r=cb_k % cb_s))
    counts = transposed.overlap_counts((6, 6), (cb_k, cb_k), cb_s)
    flat = np.full((10, 10), 0.5, np.float32)
    flat_t, flat_r = transposed.checkerboard_pair(flat, cb_k, cb_s)
    centre = (slice(flat_t.shape[0] // 2 - 4, flat_t.shape[0] // 2 + 4),
              slice(flat_t.shape[1] // 2 - 4, flat_t.shape[1] // 2 + 4))
    cols = st.columns(3, gap="medium")
    cols[0].plotly_chart(figures.matrix_figure(counts, title=tr("td.cb_counts"), sequential=True,
                                               colorscale="Oranges"), key="td.counts", **FIGURE)
    cols[1].plotly_chart(figures.matrix_figure(np.round(flat_t[centre], 3), title=tr("td.cb_flat_t"), sequential=True,
                                               zrange=(0, 1)),
                         key="td.flat_t", **FIGURE)
    cols[2].plotly_chart(figures.matrix_figure(np.round(flat_r[centre], 3), title=tr("td.cb_flat_r"), sequential=True,
                                               zrange=(0, 1)),
                         key="td.flat_r", **FIGURE)
    st.caption(tr("td.cb_flat_note"))
    piece = imaging.crop_fraction(gray, st.session_state["sw.x"], st.session_state["sw.y"], 6)
    photo_t, photo_r = transposed.checkerboard_pair(piece, cb_k, cb_s)
    cols = st.columns(2, gap="medium")
    cols[0].image(ui.blocky(photo_t, 3 * ui.COMPARE_SIDE // 2), width="stretch")
    cols[0].caption(tr("td.cb_photo_t", k=cb_k, s=cb_s))
    cols[1].image(ui.blocky(photo_r, 3 * ui.COMPARE_SIDE // 2), width="stretch")
    cols[1].caption(tr("td.cb_photo_r", k=cb_k, s=cb_s))

# ---------------------------------------------------------------- dilated convolution
with dilated_tab:
    st.markdown(tr("td.dil_intro"))
    c1, c2 = st.columns([1, 2], vertical_alignment="bottom")
    with c1:
        name = ui.select(tr("td.dil_kernel"), ["laplacian_8", "sobel_magnitude", "outline", "emboss", "sharpen"],
                         "td.dil_kernel", "preset")
    preset = kernels.get_preset(name)
    c2.caption(tr(f"preset.{name}.desc"))
    dilations = (1, 2, 4, 8)
    cy, cx = gray.shape[0] // 2, gray.shape[1] // 2
    total = sum(float(k.sum()) for k in preset.kernels())
    for col, d in zip(st.columns(4, gap="small"), dilations):
        with col:
            st.markdown(f"**{tr('td.dil_d', d=d)}**")
            out = ops.apply_kernels(gray, preset.kernels(), preset.combine, padding="same", padding_mode="reflect",
                                    dilation=d)
            st.image(imaging.to_display(out, imaging.resolve_display_mode("auto", out, total)), width="stretch")
            extent = d * (preset.kernels()[0].shape[0] - 1) + 1
            st.caption(tr("td.dil_caption", e=extent, n=preset.kernels()[0].size))
    for col, d in zip(st.columns(4, gap="small"), dilations):
        col.plotly_chart(figures.matrix_figure(kernels.dilate(preset.kernels()[0], d), max_text_side=9, height=230),
                         key=f"td.dil_k{d}", **FIGURE)
    for col, d in zip(st.columns(4, gap="small"), dilations):
        offsets = receptive.taps(preset.kernels()[0].shape[0], d)
        col.image(imaging.zoom_cells(gray, (cy, cx), 21, [(dy, dx) for dy in offsets for dx in offsets], 12),
                  width="stretch")
    st.caption(tr("td.dil_taps_note"))

    st.subheader(tr("td.grid_title"))
    st.markdown(tr("td.grid_effect_intro"))
    g1, g2 = st.columns(2)
    layers_n = g1.slider(tr("td.grid_layers"), 2, 4, key="td.grid_layers", persist_state="session", bind="query-params")
    grid_d = g2.slider(tr("td.grid_d"), 2, 4, key="td.grid_d", persist_state="session", bind="query-params")
    same = [receptive.Layer(3, dilation=grid_d)] * layers_n
    growing = [receptive.Layer(3, dilation=2 ** i) for i in range(layers_n)]
    cols = st.columns(2, gap="large")
    for col, stack, title in ((cols[0], same, tr("td.grid_same", n=layers_n, d=grid_d)),
                              (cols[1], growing, tr("td.grid_growing", ds=", ".join(str(2 ** i)
                                                                                   for i in range(layers_n))))):
        size = receptive.receptive_fields(stack)[-1].size
        counts = receptive.influence(stack, (size + 2, size + 2))[1:-1, 1:-1]
        shown = np.where(counts > 0, counts, np.nan)    # holes stay blank
        col.plotly_chart(figures.matrix_figure(shown, title=title, sequential=True, colorscale="Oranges",
                                               max_text_side=15, zrange=(0, float(counts.max()))),
                         key=f"td.gridding{title}", **FIGURE)
        col.caption(tr("td.grid_caption", size=size, holes=f"{(counts == 0).mean() * 100:.0f}"))

# ---------------------------------------------------------------- receptive-field calculator
with field_tab:
    st.markdown(tr("td.rf_intro"))
    if "td.rf_editor" not in st.session_state:
        # first run on this page: the editor starts from the stack saved on the last visit
        st.session_state["td.rf_rows"] = st.session_state.get("td.rf_saved", receptive.DEFAULT_STACK)
    table, results = st.columns([0.95, 1.15], gap="medium")
    with table:
        edited = st.data_editor(
            pd.DataFrame(st.session_state["td.rf_rows"], columns=list(receptive.COLUMNS)), key="td.rf_editor",
            num_rows="dynamic", hide_index=True, width="stretch",
            column_config={c: st.column_config.NumberColumn(tr(f"td.rf_col.{c}"), min_value=receptive.LIMITS[c][0],
                                                            max_value=receptive.LIMITS[c][1], step=1, format="%d",
                                                            width="small")
                           for c in receptive.COLUMNS})
        st.caption(tr("td.rf_edit_help"))
        st.button(tr("td.rf_reset"), icon=":material/restart_alt:", on_click=ui.forget,
                  args=("td.rf_editor", "td.rf_saved"))
    try:
        layers = receptive.parse_layers(edited.to_dict("records"))
        shapes = receptive.output_shape(layers, gray.shape)
    except receptive.LayerError as err:
        with results:
            ui.show_error(err)
        ui.stop()
    st.session_state["td.rf_saved"] = [vars(layer) for layer in layers]
    fields = receptive.receptive_fields(layers)
    with results:
        st.dataframe(pd.DataFrame({
            tr("td.rf_layer"): range(1, len(layers) + 1),
            tr("td.rf_extent"): [layer.extent for layer in layers],
            tr("td.rf_jump"): [f.jump for f in fields],
            tr("td.rf_size"): [f.size for f in fields],
            tr("td.rf_out"): [f"{w}×{h}" for h, w in shapes],
        }), hide_index=True, width="stretch")
        st.code("RF(L+1) = 1\n" + "\n".join(text for _, text in receptive.backward_recursion(layers)), language=None)
    position = receptive.centre_output(layers, gray.shape)
    reach = receptive.influence(layers, gray.shape, position)
    field = fields[-1]
    top, left, bottom, right = receptive.field_box(layers, position)
    picture = imaging.mark(imaging.tint(imaging.to_uint8(work), reach), left, top, right, bottom,
                           colour=(0, 160, 255))
    ys, xs = np.nonzero(reach)
    brute = max(ys.max() - ys.min(), xs.max() - xs.min()) + 1
    whole, close, notes = st.columns([1.2, 1, 1], gap="medium")
    whole.image(picture, width="stretch")
    whole.caption(tr("td.rf_whole"))
    side = min(max(field.size + 8, 24), 160)
    close.image(imaging.zoom(imaging.crop_square(picture, ((top + bottom) // 2, (left + right) // 2), side),
                             max(1, 480 // side)), width="stretch")
    close.caption(tr("td.rf_close", side=side))
    with notes:
        st.metric(tr("td.rf_metric"), f"{field.size} × {field.size}", border=True)
        clipped = field.size > brute
        if clipped:
            st.info(tr("td.rf_clipped", size=field.size, w=gray.shape[1], h=gray.shape[0]), icon=":material/crop:")
        else:
            (st.success if brute == field.size else st.error)(tr(
                "td.rf_agree" if brute == field.size else "td.rf_disagree", size=field.size, brute=brute))
        st.caption(tr("td.rf_picture_note", y=position[0], x=position[1]))
