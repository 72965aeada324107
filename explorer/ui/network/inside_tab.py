"""Network tab 4: filters before and after, one digit through the network, the whole test set."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
import torch
from torch import nn

from explorer import display
from explorer.network import inside
from explorer.network.data import Data
from explorer.network.layers import describe
from explorer.network.training import confusion
from explorer.ui import widgets
from explorer.ui.network import model as session
from explorer.ui.network.model import Network
from explorer.ui.shell import labels, tr
from explorer.views import charts

SHOWN_MAPS = 8


def _filters(model: nn.Module) -> None:
    """The first layer's kernels before and after training, one grey scale per row."""
    before, after = st.session_state.get("net.initial_filters"), inside.first_filters(model)
    if after is None:
        return
    st.subheader(tr("net.filters_title"))
    st.caption(tr("net.filters_note"))
    for label, filters in ((tr("net.before"), before), (tr("net.after"), after)):
        if filters is not None:
            st.markdown(f"**{label}** · {tr('net.filters_all', n=len(filters))}")
            pictures = inside.filter_pictures(filters)
            widgets.tiles(pictures, [f"{i + 1}" for i in range(len(pictures))], per_row=10, target=80)


def _through(net: Network, model: nn.Module, digit: np.ndarray) -> None:
    """The prediction with its probabilities, then every layer's feature maps."""
    x = torch.from_numpy(np.asarray(digit, np.float32))[None]
    probs = inside.probabilities(model, x)
    left, right = st.columns([1, 2], gap="large")
    left.image(display.blocky(digit, 224, "clip"), width="stretch")
    left.caption(tr("net.prediction", digit=int(probs.argmax()), p=f"{probs.max() * 100:.1f}"))
    widgets.chart(charts.probability_bars(probs, [str(i) for i in range(len(probs))], x_title=tr("net.digit"),
                                          y_title=tr("net.probability")), "net.probs", right)
    _relu(model, x)
    _softmax(model, x)
    st.subheader(tr("net.maps_title"))
    st.caption(tr("fig.scale_note", scale="s", percentile=display.ROBUST_PERCENTILE))
    rows = {r.row: r for r in describe(net.specs, label=labels("net.layer")).rows}
    for number, output in inside.feature_maps(model, x):
        if output.ndim != 3:
            continue
        st.markdown(f"**{number}. {rows[number].name}** · {' × '.join(str(v) for v in output.shape)}")
        shown = output[:SHOWN_MAPS]
        scales = [display.robust_scale(m) for m in shown]      # each map on its own scale: weak ones stay visible
        captions = [f"{i + 1} · ±{scale:.2g}" for i, scale in enumerate(scales)]
        if len(output) > SHOWN_MAPS:
            captions[-1] = tr("net.more_maps", n=len(output))
        widgets.tiles([display.to_display(m, "diverging", scale) for m, scale in zip(shown, scales)], captions,
                      target=96)


def _relu(model: nn.Module, x: torch.Tensor) -> None:
    """The first ReLU: how many values it zeroed, and the map that lost the most, before and after."""
    effect = inside.relu_effect(model, x)
    if effect is None:
        return
    st.subheader(tr("net.relu_title"))
    before, after = effect.before, effect.after
    channel = int(np.argmax((before < 0).reshape(len(before), -1).sum(axis=1))) if before.ndim == 3 else 0
    st.markdown(tr("net.relu_note", layer=effect.layer, zeroed=f"{effect.zeroed:,}", total=f"{before.size:,}",
                   share=f"{100 * effect.zeroed / before.size:.0f}", channel=channel + 1))
    if before.ndim != 3:
        return
    scale = display.robust_scale(before[channel])
    left, right, _ = st.columns([1, 1, 2])
    for col, values, name in ((left, before[channel], "net.relu_before"), (right, after[channel], "net.relu_after")):
        col.image(display.blocky(display.to_display(values, "diverging", scale), 192), width="stretch")
        col.caption(tr(name))


def _softmax(model: nn.Module, x: torch.Tensor) -> None:
    """The ten logits → exp → sum → probabilities, written out."""
    steps = inside.softmax_steps(inside.logits(model, x))
    st.subheader(tr("net.softmax_title"))
    st.markdown(tr("net.softmax_note", total=f"{steps.total:.4g}", sum=f"{steps.probabilities.sum():.4f}",
                   best=int(np.argmax(steps.logits))))
    st.dataframe(pd.DataFrame({
        tr("net.sm_digit"): [str(i) for i in range(len(steps.logits))],
        tr("net.sm_logit"): [f"{v:.3f}" for v in steps.logits],
        tr("net.sm_shifted"): [f"{v:.3f}" for v in steps.shifted],
        tr("net.sm_exp"): [f"{v:.4g}" for v in steps.exps],
        tr("net.sm_p"): [f"{v:.4f}" for v in steps.probabilities],
    }), hide_index=True, width="stretch")


def _test_set(model: nn.Module, data: Data) -> None:
    """The confusion matrix and the misread digits."""
    st.subheader(tr("net.test_title"))
    _, _, predicted = session.test_results(model, data)
    truth = data.y_test.numpy()
    matrix, gallery = st.columns([1, 1.2], gap="large")
    widgets.matrix(confusion(truth, predicted), "net.confusion", matrix, sequential=True, colorscale="Blues",
                   title=tr("net.confusion"))
    matrix.caption(tr("net.confusion_note"))
    wrong = np.nonzero(predicted != truth)[0]
    with gallery:
        st.markdown(f"**{tr('net.mistakes', n=len(wrong), total=len(truth))}**")
        shown = wrong[:16]
        if len(shown):
            widgets.tiles([data.x_test[i, 0].numpy() for i in shown],
                          [tr("net.mistake", true=int(truth[i]), pred=int(predicted[i])) for i in shown],
                          per_row=6, target=84)


def render(net: Network, model: nn.Module | None, data: Data, digit: np.ndarray | None) -> None:
    """The whole tab for the input chosen on the Overview tab, or a note to train first."""
    if model is None:
        st.info(tr("net.inside_first"), icon=":material/school:")
        return
    _filters(model)
    st.subheader(tr("net.input_title"))
    if digit is None:
        st.info(tr("net.no_input"), icon=":material/draw:")
    else:
        st.caption(tr("net.inside_input"))
        _through(net, model, digit)
    _test_set(model, data)
