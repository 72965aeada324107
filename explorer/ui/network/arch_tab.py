"""Network tab 1: a preset as an editable layer table, measured with the real torch modules."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from torch import nn

from explorer.lessons import snippets
from explorer.network import layers, presets
from explorer.numtext import format_count
from explorer.ui import caches, widgets
from explorer.ui.network import model as session
from explorer.ui.network import source
from explorer.ui.network.model import Network, Task
from explorer.ui.shell import labels, lang, presenting, show_error, tr
from explorer.ui.sidebar import lead
from explorer.ui.state import network as state


def _editor(preset: str, classes: int) -> list[dict]:
    """The editable table of the preset's layers, its last dense layer giving one number per class (a new
    preset or another number of classes starts a new table)."""
    ss = st.session_state
    if ss.get(state.LOADED_PRESET) != (preset, classes):
        ss[state.LOADED_PRESET] = (preset, classes)
        ss[state.ROWS] = layers.specs_to_rows(layers.for_classes(presets.PRESETS[preset], classes))
        ss[state.TABLE] = ss.get(state.TABLE, state.DEFAULTS[state.TABLE]) + 1
    number = {"min_value": 1, "step": 1, "format": "%d"}
    edited = st.data_editor(
        pd.DataFrame(ss[state.ROWS], columns=list(layers.TABLE_COLUMNS)), key=state.editor(ss[state.TABLE]),
        num_rows="dynamic", hide_index=True, width="stretch", placeholder="–",
        height=330 if presenting() else "auto",           # on a projector it scrolls inside the first screen
        column_config={
            "#": st.column_config.NumberColumn("#", width="small", help=tr("net.col_order"), **number),
            "type": st.column_config.SelectboxColumn(tr("net.col_type"), options=list(layers.LAYER_TYPES),
                                                     required=True, format_func=labels("net.layer")),
            "out": st.column_config.NumberColumn(tr("net.col_out"), help=tr("net.col_out_help"), **number),
            "k": st.column_config.NumberColumn(tr("net.col_k"), **number),
            "stride": st.column_config.NumberColumn(tr("conv.stride"), **number),
            "pad": st.column_config.NumberColumn(tr("net.col_pad"), **{**number, "min_value": 0}),
        })
    st.caption(tr("net.edit_help"))
    return layers.rows_to_specs(edited.to_dict("records"))


def render(task: Task) -> Network:
    """Preset, table, each layer's shape, parameters, multiply-adds and receptive field; totals or the error."""
    lead(task.say("net.arch_intro"))
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    preset = widgets.choice(tr("net.preset"), presets.PRESETS, task.key("preset"),
                            source.defaults(task.source)["preset"], prefix="net.preset", where=left)
    note = tr(f"net.preset.{preset}.desc", **presets.facts(preset, task.input_shape, len(task.names)))
    if task.own and preset in presets.QUOTES_DIGIT_SIZES:
        note += " " + tr("net.preset_digit_sizes", shape=" × ".join(str(v) for v in task.input_shape))
    right.caption(note)
    specs = _editor(preset, len(task.names))
    description = caches.description(repr(specs), task.input_shape, len(task.names), lang(), specs)
    if description.rows:
        st.dataframe(pd.DataFrame({
            tr("net.t_layer"): [r.row for r in description.rows],
            tr("net.t_name"): [r.name for r in description.rows],
            tr("net.t_shape"): [" × ".join(str(v) for v in r.shape) for r in description.rows],
            tr("net.t_params"): [f"{r.params:,}" for r in description.rows],
            tr("net.t_macs"): [f"{r.macs:,}" for r in description.rows],
            tr("net.t_rf"): [tr("net.rf_all") if r.receptive_field is None
                             else f"{r.receptive_field}×{r.receptive_field}" for r in description.rows],
        }), hide_index=True, width="stretch")
    if description.error is not None:
        show_error(description.error)
    else:
        m1, m2, m3 = st.columns(3)
        m1.metric(tr("net.total_params"), f"{description.params:,}", border=True)
        m2.metric(tr("net.total_macs"), format_count(description.macs), border=True, help=f"{description.macs:,}")
        m3.metric(tr("net.input_shape"), " × ".join(str(v) for v in task.input_shape), border=True)
        big_picture(specs, task)
    net = Network(preset, specs, description, task)
    if description.error is None:
        as_code(net)
    return net


def as_code(net: Network) -> None:
    """The network as an nn.Module class, as the notes write networks (the residual block's or the Inception
    module's own class first where the stack has one), and how its first layer's weights start (PyTorch's
    default against the notes' 0.01)."""
    with st.expander(tr("net.code_title"), icon=":material/code:"):
        # the session's own starting network, which the Overview shows too (built once, not on every run)
        model = session.untrained(net, st.session_state.get(state.SEED, state.DEFAULTS[state.SEED]))
        st.caption(tr("net.code_note"))
        st.code(snippets.module_class(model), language="python", wrap_lines=True)
        first = next((m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))), None)
        if first is not None:
            fan_in = first.weight[0].numel()
            st.markdown(tr("net.init_note", fan_in=fan_in, bound=f"{1 / math.sqrt(fan_in):.3f}",
                           std=f"{float(first.weight.detach().std()):.3f}"))


def _span(rows: tuple[int, int]) -> str:
    """``(1, 6)`` -> ``1–6``; ``(8, 8)`` -> ``8``."""
    return f"{rows[0]}–{rows[1]}" if rows[0] != rows[1] else str(rows[0])


def _shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(v) for v in shape)


def big_picture(specs: list[dict], task: Task) -> None:
    """Features then classifier, and the three properties, in this stack's own numbers."""
    found = caches.big_picture(repr(specs), task.input_shape, len(task.names), lang(), specs)
    lines = []
    if found.features and found.classifier:
        lines.append(task.say("net.big_parts", features=_span(found.features), classifier=_span(found.classifier),
                              n=len(task.names)))
    if found.conv_row:
        lines.append(tr("net.big_local", row=found.conv_row, k=found.kernel, c=found.in_channels,
                        window=f"{found.window:,}", inputs=f"{found.inputs:,}"))
        lines.append(tr("net.big_sharing", row=found.conv_row, params=f"{found.conv_params:,}",
                        inputs=f"{found.inputs:,}", outputs=f"{found.outputs:,}", dense=f"{found.dense_params:,}"))
    if found.pool_row:
        before, after = found.pool_shapes
        lines.append(tr("net.big_down", row=found.pool_row, before=_shape(before), after=_shape(after),
                        share=f"{100 * math.prod(after) / math.prod(before):.0f}"))
        if found.dense_unpooled:
            lines[-1] += " " + tr("net.big_down_dense", after=f"{found.dense_weights:,}",
                                  before=f"{found.dense_unpooled:,}")
    if found.flatten_row:
        lines.append(tr("net.big_flatten", row=found.flatten_row, shape=_shape(found.flatten_shape),
                        size=f"{found.flatten_size:,}"))
    with st.container(border=True):
        st.markdown(f"**{tr('net.big_title')}**")
        st.markdown("\n".join(f"- {line}" for line in lines))
