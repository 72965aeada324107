"""Channels' panels: one filter step by step, a filter bank as a real nn.Conv2d, groups and 1×1, weight sharing."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, imaging, kernels
from explorer.geometry import ParamError
from explorer.lessons import channels, snippets
from explorer.numtext import format_bytes, format_count, format_number
from explorer.ui import widgets
from explorer.ui.shell import gap, labels, lang, presenting, show_error, tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import CurrentImage, region
from explorer.ui.state import channels as state
from explorer.ui.state import shared
from explorer.views import charts

TINTS = np.eye(3, dtype=np.float32)
PRESENTING_HEIGHT = 115                    # px of one picture of the step-by-step figure on a projector
KERNEL_HEIGHT = {False: 150, True: 100}    # px of its kernels' matrices, by presentation mode


def feature_picture(values: np.ndarray, scale: float | None = None) -> np.ndarray:
    """Positive red, negative blue, zero white; one ``scale`` for pictures meant to be compared."""
    return display.to_display(values, "diverging", scale or display.robust_scale(values))


def _channel_kernel(name: str) -> np.ndarray:
    """The kernel picked for one input channel: a preset at a weight, or typed (starting from that preset)."""
    kernel_key, weight_key, last_key = state.kernel(name), state.weight(name), state.last(name)
    kernel_name = widgets.choice(tr("ch.kernel_for", c=name), [*channels.CHANNEL_KERNELS, "custom"], kernel_key,
                                 state.DEFAULTS[kernel_key], prefix="ch.kernel")
    if kernel_name == "custom":
        start = channels.channel_kernel(st.session_state.get(last_key, state.DEFAULTS[kernel_key]),
                                        st.session_state.get(weight_key, state.DEFAULTS[weight_key]))
        kernel = widgets.grid_editor(state.grid(name), start, kernels.parse_kernel, 3, 3, tr("ch.grid_reset"),
                                     tr("ch.grid_reset_help"), resizable=False)
        return start if kernel is None else kernel
    st.session_state[last_key] = kernel_name
    st.session_state.pop(shared.grid_keys(state.grid(name)).grid, None)   # a later "custom" starts from this preset
    weight = widgets.slider(tr("ch.weight"), -2.0, 2.0, weight_key, state.DEFAULTS[weight_key], step=0.25)
    return channels.channel_kernel(kernel_name, weight)


def _picture_width(h: int, w: int) -> int | str:
    """Pictures fill their column, except on a projector, where the three rows of the figure must fit the first
    screen at 1280×720: there each is at most :data:`PRESENTING_HEIGHT` pixels high."""
    return max(1, round(PRESENTING_HEIGHT * w / h)) if presenting() else "stretch"


def one_filter_panel(work: np.ndarray) -> None:
    """R, G, B, a kernel each, each channel's correlation, their sum plus bias: one feature map."""
    h, w = work.shape[:2]
    if not presenting():
        st.markdown(tr("ch.one_intro"))
    figure, controls = figure_and_controls(tr("ch.one_settings"))
    with controls:
        columns = st.columns(4, gap="medium")
        per_channel = []
        for col, name in zip(columns, channels.CHANNELS):
            with col:
                per_channel.append(_channel_kernel(name))
        bias = widgets.slider(tr("ch.bias"), -1.0, 1.0, state.BIAS, state.DEFAULTS[state.BIAS], step=0.05,
                              help=tr("ch.bias_help"), where=columns[3])
    weights = np.stack(per_channel).astype(np.float32)
    steps = channels.filter_steps(work, weights, bias)
    # the channels' maps share a scale (to compare them); the sum, often far weaker where they cancel, has its own
    maps_scale = display.robust_scale(np.stack(steps.maps))
    own = display.robust_scale(steps.feature)
    width = _picture_width(h, w)
    with figure:
        rows = [st.columns(4, gap="small", vertical_alignment="center") for _ in range(3)]
        for c, name in enumerate(channels.CHANNELS):
            widgets.picture(display.to_uint8(work[..., c:c + 1] * TINTS[c]), tr("ch.channel_caption", c=name, h=h, w=w),
                            where=rows[0][c], width=width)
            widgets.matrix(weights[c], state.kernel_figure(c), rows[1][c], height=KERNEL_HEIGHT[presenting()])
            widgets.picture(feature_picture(steps.maps[c], maps_scale),
                            tr("ch.map_caption", c=name, h=steps.maps[c].shape[0], w=steps.maps[c].shape[1]),
                            where=rows[2][c], width=width)
        widgets.picture(display.to_uint8(work), tr("ch.input_caption", h=h, w=w), where=rows[0][3], width=width)
        rows[1][3].markdown(tr("ch.filter_shape", shape=f"(3, {weights.shape[1]}, {weights.shape[2]})"))
        widgets.picture(feature_picture(steps.feature, own), tr("ch.sum_caption", bias=format_number(bias),
                                                                 h=steps.feature.shape[0], w=steps.feature.shape[1]),
                        where=rows[2][3], width=width)
    if presenting():
        st.caption(tr("ch.one_intro"))
    st.caption(tr("ch.scales_note", maps=format_number(round(maps_scale, 3)), sum=format_number(round(own, 3)),
                  percentile=display.ROBUST_PERCENTILE))
    st.info(tr("ch.one_note"), icon=":material/lightbulb:")


def many_filters_panel(work: np.ndarray) -> None:
    """Up to eight filters of the bank as one real nn.Conv2d, checked equal to the step-by-step sums."""
    lead(tr("ch.many_intro"))
    names = widgets.choice(tr("ch.bank"), channels.FILTER_BANK, state.BANK, state.DEFAULTS[state.BANK], kind="pills",
                           selection_mode="multi", prefix="ch.filter")
    if not names:
        st.info(tr("ch.bank_empty"), icon=":material/info:")
        return
    if len(names) > channels.MAX_FILTERS:
        st.warning(tr("ch.bank_too_many", n=len(names), high=channels.MAX_FILTERS), icon=":material/warning:")
        return
    bank = channels.bank_weights(names)
    biases = np.zeros(len(names), np.float32)
    layer = channels.conv_layer(work, bank, biases)
    largest = channels.largest_gap_to_steps(work, bank, biases, layer)
    for start in range(0, len(names), 4):
        for col, name, fmap in zip(st.columns(4, gap="small"), names[start:start + 4], layer[start:start + 4]):
            scale = display.robust_scale(fmap)
            widgets.picture(feature_picture(fmap, scale),
                            tr("ch.fmap_caption", name=tr(f"ch.filter.{name}"), h=fmap.shape[0], w=fmap.shape[1])
                            + " · " + tr("fig.scale_short", scale=format_number(round(scale, 3))), where=col,
                            width="stretch")
    st.caption(tr("fig.scale_note", scale="s", percentile=display.ROBUST_PERCENTILE))
    left, right = st.columns([1, 1.4], gap="large")
    with left:
        st.metric(tr("ch.weight_shape"), f"({len(names)}, 3, 3, 3)", border=True)
        st.metric(tr("ch.param_count"), f"{bank.size + len(names):,}", tr("ch.param_formula", n=len(names)),
                  delta_color="off", delta_arrow="off", border=True)
        (st.success if largest < 1e-4 else st.error)(tr("ch.layer_agrees" if largest < 1e-4 else "ch.layer_differs",
                                                      diff=gap(largest)))
    right.code(snippets.conv_layer(bank, biases, names=[tr(f"ch.filter.{name}") for name in names]),
               language="python", wrap_lines=True)     # wrapped: a sideways-scrolling block is out of keys' reach
    shapes_panel()


SHAPES = {state.S_N: ("N", 1, 64), state.S_C: ("C_in", 1, 512), state.S_H: ("H", 1, 4096),
          state.S_W: ("W", 1, 4096), state.S_OUT: ("C_out", 1, 512), state.S_K: ("k", 1, 15),
          state.S_STRIDE: ("stride", 1, 8), state.S_PAD: ("padding", 0, 8)}


def shapes_panel() -> None:
    """Any layer's shapes, any number of channels, from a real nn.Conv2d (the notes' Conv2d(5, 10, 3) first)."""
    with st.expander(tr("ch.shapes_title"), icon=":material/straighten:"):
        values = [widgets.number(label, low, high, key, state.DEFAULTS[key], where=col)
                  for col, (key, (label, low, high)) in zip(st.columns(len(SHAPES), gap="small"), SHAPES.items())]
        n, c, h, w, out, k, stride, pad = values
        try:
            found = channels.layer_shapes(n, c, h, w, out, k, stride, pad)
        except ParamError as err:
            show_error(err)
            return
        st.code(f"layer = nn.Conv2d({c}, {out}, {k}, stride={stride}, padding={pad})\n"
                f"x = torch.randn{(n, c, h, w)}\n"
                f"layer.weight.shape  # {found.weight}\nlayer(x).shape       # {found.output}", language="python",
                wrap_lines=True)
        st.markdown(tr("ch.shapes_note", params=f"{found.params:,}", weight=found.weight, c=c, k=k, out=out))


def groups_panel(work: np.ndarray) -> None:
    """Standard vs depthwise vs 1×1 vs depthwise + 1×1: parameters and multiply-adds from torch modules."""
    h, w = work.shape[:2]
    lead(tr("ch.groups_intro"))
    cards, settings = figure_and_controls(tr("ch.g_settings"))
    g1, g2 = settings.columns(2)
    c_out = widgets.slider(tr("ch.g_out"), 3, 64, state.G_OUT, state.DEFAULTS[state.G_OUT], where=g1)
    k = widgets.choice(tr("ch.g_k"), [1, 3, 5, 7], state.G_K, state.DEFAULTS[state.G_K], kind="select_slider", where=g2)
    options = channels.groupings(3, c_out, k, h, w)
    standard = options[0]
    counts = {"std_params": format_count(standard.params), "std_macs": format_count(standard.macs)}
    for col, option in zip(cards.columns(len(options), gap="small"), options):
        with col.container(border=True):
            st.markdown(f"**{tr(f'ch.group.{option.name}')}**")
            # on a projector a quarter of the screen wraps the modules one argument per line: the numbers first
            code = st.popover(tr("ch.g_code"), icon=":material/code:", width="stretch") if presenting() else st
            code.code("\n".join(option.modules), language="python", wrap_lines=True)
            st.metric(tr("ch.params"), format_count(option.params), help=f"{option.params:,}")
            st.metric(tr("ch.macs", h=h, w=w), format_count(option.macs), help=f"{option.macs:,}")
            st.caption(tr(f"ch.group.{option.name}.desc", params=format_count(option.params),
                          macs=format_count(option.macs), **counts))
            st.caption(tr("ch.out_channels", n=option.out_channels))
    names = labels("ch.group")
    widgets.chart(charts.log_bars({tr("ch.params"): [o.params for o in options],
                                   tr("ch.macs_short"): [o.macs for o in options]},
                                  [names(o.name) for o in options], y_title=tr("ch.log_scale")), state.GROUPS_CHART)


def sharing_panel(image: CurrentImage) -> None:
    """Fully connected vs local vs shared weights for the photo's size."""
    full_h, full_w = image.pixels.shape[:2]
    lead(tr("ch.sharing_intro", h=full_h, w=full_w))
    counts = channels.connection_counts(full_h, full_w, 3, 3)
    for col, key in zip(st.columns(3, gap="medium"), counts):
        col.metric(tr(f"ch.count.{key}"), format_count(counts[key]), tr("ch.bytes", size=format_bytes(counts[key] * 4)),
                   delta_color="off", delta_arrow="off", border=True, help=f"{counts[key]:,}")
        col.caption(tr(f"ch.count.{key}.desc"))
    widgets.chart(charts.log_bars({"": list(counts.values())}, [tr(f"ch.count.{key}") for key in counts],
                                  y_title=tr("ch.log_scale"), height=210 if presenting() else 320,
                                  texts=[format_count(v) for v in counts.values()]), state.SHARING_CHART)
    st.info(tr("ch.sharing_note"), icon=":material/lightbulb:")


TEMPLATE_SIDE = 21


def template_panel(work: np.ndarray) -> None:
    """A patch of the photo as the kernel: the normalised response peaks where the patch came from."""
    st.subheader(tr("ch.tm_title"))
    st.markdown(tr("ch.tm_intro", side=TEMPLATE_SIDE))
    grey = imaging.to_grey(work)
    h, w = grey.shape
    x, y, _ = region()
    top, left = int(round(y * max(h - TEMPLATE_SIDE, 0))), int(round(x * max(w - TEMPLATE_SIDE, 0)))
    try:
        found = channels.template_match(grey, top, left, TEMPLATE_SIDE)
    except ParamError as err:
        st.info(err.text(lang()), icon=":material/info:")
        return
    r0, c0, r1, c1 = found.box
    photo, response = st.columns(2, gap="medium")
    widgets.picture(display.mark(display.to_uint8(grey), c0, r0, c1, r1, colour=(0, 160, 255)), tr("ch.tm_patch"),
                    where=photo, width="stretch")
    by, bx = found.best
    picture = display.to_uint8(0.5 + 0.5 * found.matched)
    reach = TEMPLATE_SIDE // 2       # a box the size of the patch around the best match, to be seen from afar
    widgets.picture(display.mark(picture, bx - reach, by - reach, bx + reach, by + reach, colour=(255, 140, 0)),
                    tr("ch.tm_matched"), where=response, width="stretch")
    st.success(tr("ch.tm_result", value=f"{found.matched[by, bx]:.3f}", x=bx, y=by, px=left, py=top,
                  bx=found.brightest[1], by=found.brightest[0]))
