"""Channels: what one nn.Conv2d layer computes from a colour photo, filter by filter."""
import numpy as np
import plotly.graph_objects as go
import streamlit as st

from explorer import channels, figures, imaging, kernels, ui
from explorer.ui import tr

st.title(tr("page.channels.title"))
st.markdown(tr("ch.intro"))

image = ui.current_image()
work = ui.compare_image(image.digest, image.pixels)
h, w = work.shape[:2]
FIGURE = {"width": "stretch", "config": {"displayModeBar": False}}
TINTS = np.eye(3, dtype=np.float32)


def feature_picture(values: np.ndarray, scale: float | None = None) -> np.ndarray:
    """Positive red, negative blue, zero white; one ``scale`` for pictures meant to be compared."""
    return imaging.to_display(values, "diverging", scale or imaging.robust_scale(values))


one_tab, many_tab, groups_tab, sharing_tab = st.tabs([tr(f"ch.tab_{t}") for t in ("one", "many", "groups", "sharing")])

with one_tab:
    st.markdown(tr("ch.one_intro"))
    defaults = {"R": ("sobel_x", 1.0), "G": ("sobel_x", -1.0), "B": ("off", 0.0)}
    per_channel = []
    columns = st.columns(4, gap="medium")
    for col, name in zip(columns, channels.CHANNELS):
        st.session_state.setdefault(f"ch.k.{name}", defaults[name][0])
        st.session_state.setdefault(f"ch.w.{name}", defaults[name][1])
        with col:
            kernel_name = ui.select(tr("ch.kernel_for", c=name), [*channels.CHANNEL_KERNELS, "custom"],
                                    f"ch.k.{name}", "ch.kernel")
            if kernel_name == "custom":
                # start from the preset used last, at its weight, then type over it
                start = channels.channel_kernel(st.session_state.get(f"ch.last.{name}", defaults[name][0]),
                                                st.session_state[f"ch.w.{name}"])
                kernel = ui.grid_editor(f"ch.grid.{name}", start, kernels.parse_kernel, 3, 3,
                                        tr("ch.grid_reset"), tr("ch.grid_reset_help"), resizable=False)
                kernel = start if kernel is None else kernel
            else:
                st.session_state[f"ch.last.{name}"] = kernel_name
                st.session_state.pop(f"ch.grid.{name}.grid", None)   # a later "custom" starts from this preset
                weight = st.slider(tr("ch.weight"), -2.0, 2.0, step=0.25, key=f"ch.w.{name}",
                                   persist_state="session", bind="query-params")
                kernel = channels.channel_kernel(kernel_name, weight)
        per_channel.append(kernel)
    st.session_state.setdefault("ch.bias", 0.0)
    bias = columns[3].slider(tr("ch.bias"), -1.0, 1.0, step=0.05, key="ch.bias", help=tr("ch.bias_help"),
                             persist_state="session", bind="query-params")
    weights = np.stack(per_channel).astype(np.float32)
    steps = channels.filter_steps(work, weights, bias)
    shared = max(imaging.robust_scale(m) for m in [*steps.maps, steps.feature])
    rows = [st.columns(4, gap="small", vertical_alignment="center") for _ in range(3)]
    for c, name in enumerate(channels.CHANNELS):
        rows[0][c].image(imaging.to_uint8(work[..., c:c + 1] * TINTS[c]), width="stretch")
        rows[0][c].caption(tr("ch.channel_caption", c=name, h=h, w=w))
        rows[1][c].plotly_chart(figures.matrix_figure(weights[c], height=150), key=f"ch.kfig{c}", **FIGURE)
        rows[2][c].image(feature_picture(steps.maps[c], shared), width="stretch")
        rows[2][c].caption(tr("ch.map_caption", c=name, h=steps.maps[c].shape[0], w=steps.maps[c].shape[1]))
    rows[0][3].image(imaging.to_uint8(work), width="stretch")
    rows[0][3].caption(tr("ch.input_caption", h=h, w=w))
    rows[1][3].markdown(tr("ch.filter_shape", shape=f"(3, {weights.shape[1]}, {weights.shape[2]})"))
    rows[2][3].image(feature_picture(steps.feature, shared), width="stretch")
    rows[2][3].caption(tr("ch.sum_caption", bias=figures.format_number(bias), h=steps.feature.shape[0],
                          w=steps.feature.shape[1]))
    st.info(tr("ch.one_note"), icon=":material/lightbulb:")

with many_tab:
    st.markdown(tr("ch.many_intro"))
    st.session_state.setdefault("ch.bank", ["edges_x", "edges_y", "red_vs_green", "blue_vs_yellow"])
    names = st.pills(tr("ch.bank"), list(channels.FILTER_BANK), selection_mode="multi", key="ch.bank",
                     format_func=ui.labels("ch.filter"), persist_state="session", bind="query-params")
    if not names:
        st.info(tr("ch.bank_empty"), icon=":material/info:")
    elif len(names) > channels.MAX_FILTERS:
        st.warning(tr("ch.bank_too_many", n=len(names), high=channels.MAX_FILTERS), icon=":material/warning:")
    else:
        bank = channels.bank_weights(names)
        biases = np.zeros(len(names), np.float32)
        layer = channels.conv_layer(work, bank, biases)
        by_steps = np.stack([channels.filter_steps(work, f).feature for f in bank])
        for start in range(0, len(names), 4):
            for col, name, fmap in zip(st.columns(4, gap="small"), names[start:start + 4], layer[start:start + 4]):
                col.image(feature_picture(fmap), width="stretch")
                col.caption(tr("ch.fmap_caption", name=tr(f"ch.filter.{name}"), h=fmap.shape[0], w=fmap.shape[1]))
        left, right = st.columns([1, 1.4], gap="large")
        with left:
            st.metric(tr("ch.weight_shape"), f"({len(names)}, 3, 3, 3)", border=True)
            st.metric(tr("ch.param_count"), f"{bank.size + len(names):,}",
                      tr("ch.param_formula", n=len(names)), delta_color="off", delta_arrow="off", border=True)
            gap = float(np.abs(layer - by_steps).max())
            (st.success if gap < 1e-4 else st.error)(tr("ch.layer_agrees" if gap < 1e-4 else "ch.layer_differs",
                                                          diff=f"{gap:.2g}"))
        with right:
            st.code(channels.layer_code(bank, biases), language="python", wrap_lines=True)

with groups_tab:
    st.markdown(tr("ch.groups_intro"))
    st.session_state.setdefault("ch.g_out", 16)
    st.session_state.setdefault("ch.g_k", 3)
    g1, g2 = st.columns(2)
    c_out = g1.slider(tr("ch.g_out"), 3, 64, key="ch.g_out", persist_state="session", bind="query-params")
    k = g2.select_slider(tr("ch.g_k"), [1, 3, 5, 7], key="ch.g_k", persist_state="session", bind="query-params")
    options = channels.groupings(3, c_out, k, h, w)
    cols = st.columns(len(options), gap="small")
    for col, option in zip(cols, options):
        with col.container(border=True):
            st.markdown(f"**{tr(f'ch.group.{option.name}')}**")
            st.code("\n".join(option.modules), language="python", wrap_lines=True)
            st.caption(tr(f"ch.group.{option.name}.desc"))
            st.metric(tr("ch.params"), figures.format_count(option.params), help=f"{option.params:,}")
            st.metric(tr("ch.macs", h=h, w=w), figures.format_count(option.macs), help=f"{option.macs:,}")
            st.caption(tr("ch.out_channels", n=option.out_channels))
    labels = [tr(f"ch.group.{o.name}") for o in options]
    chart = go.Figure([go.Bar(name=tr("ch.params"), x=labels, y=[o.params for o in options],
                              marker_color=figures.SERIES_COLOURS[1]),
                       go.Bar(name=tr("ch.macs_short"), x=labels, y=[o.macs for o in options],
                              marker_color=figures.SERIES_COLOURS[2])])
    chart.update_layout(barmode="group", yaxis={"type": "log", "title": tr("ch.log_scale")}, height=300,
                        margin={"l": 4, "r": 4, "t": 10, "b": 4}, legend={"orientation": "h", "y": 1.1})
    st.plotly_chart(chart, key="ch.groups_chart", **FIGURE)

with sharing_tab:
    full_h, full_w = image.pixels.shape[:2]
    st.markdown(tr("ch.sharing_intro", h=full_h, w=full_w))
    counts = channels.connection_counts(full_h, full_w, 3, 3)
    cols = st.columns(3, gap="medium")
    for col, key in zip(cols, counts):
        col.metric(tr(f"ch.count.{key}"), figures.format_count(counts[key]),
                   tr("ch.bytes", size=figures.format_bytes(counts[key] * 4)), delta_color="off", delta_arrow="off",
                   border=True, help=f"{counts[key]:,}")
        col.caption(tr(f"ch.count.{key}.desc"))
    chart = go.Figure(go.Bar(x=[tr(f"ch.count.{key}") for key in counts], y=list(counts.values()),
                             marker_color=list(figures.SERIES_COLOURS[:3]),
                             text=[figures.format_count(v) for v in counts.values()], textposition="outside"))
    chart.update_layout(yaxis={"type": "log", "title": tr("ch.log_scale")}, height=320,
                        margin={"l": 4, "r": 4, "t": 20, "b": 4})
    st.plotly_chart(chart, key="ch.sharing_chart", **FIGURE)
    st.info(tr("ch.sharing_note"), icon=":material/lightbulb:")
