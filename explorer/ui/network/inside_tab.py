"""Network tab: filters before and after, one input through the network, the whole test (validation) set."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
import torch
from torch import nn

from explorer import display
from explorer.network import inside
from explorer.network.data import Data
from explorer.network.training import confusion
from explorer.ui import widgets
from explorer.ui.network import explain_panel
from explorer.ui.network import model as session
from explorer.ui.network.model import Network, Task
from explorer.ui.shell import markdown_text, tr
from explorer.ui.state import network as state
from explorer.views import charts

SHOWN_MAPS = 8
CELL_SHOWN, CELL_PER_ROW = 18, 6         # a confusion-matrix cell's images listed, and per row


def _filters(model: nn.Module, task: Task) -> None:
    """The first layer's kernels before and after training, one grey scale per row."""
    before, after = st.session_state.get(state.INITIAL_FILTERS), inside.first_filters(model)
    if after is None:
        return
    st.subheader(tr("net.filters_title"))
    st.caption(task.say("net.filters_note"))
    for label, filters in ((tr("net.before"), before), (tr("net.after"), after)):
        if filters is not None:
            st.markdown(f"**{label}** · {tr('net.filters_all', n=len(filters))}")
            pictures = inside.filter_pictures(filters)
            widgets.tiles(pictures, [f"{i + 1}" for i in range(len(pictures))], per_row=10, target=80)


def _through(net: Network, model: nn.Module, picture: np.ndarray) -> None:
    """The prediction with its probabilities, then every layer's feature maps."""
    task = net.task
    x = torch.from_numpy(np.asarray(picture, np.float32))
    probs = inside.probabilities(model, x)
    left, right = st.columns([1, 2], gap="large")
    widgets.picture(display.blocky(display.from_chw(picture), 224, "clip"),
                    tr("net.prediction", digit=markdown_text(task.names[int(probs.argmax())]),
                       p=f"{probs.max() * 100:.1f}"), where=left, width="stretch")
    widgets.chart(charts.probability_bars(probs, list(task.names), x_title=task.say("net.digit"),
                                          y_title=tr("net.probability")), state.PROBS, right)
    _relu(model, x, task)
    st.subheader(task.say("net.softmax_title"))
    explain_panel.softmax_table(inside.logits(model, x), task)
    _backward(net, model, x, int(probs.argmax()))
    st.subheader(tr("net.maps_title"))
    st.caption(tr("fig.scale_note", scale="s", percentile=display.ROBUST_PERCENTILE))
    rows = {r.row: r for r in net.description.rows}
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


def _backward(net: Network, model: nn.Module, x: torch.Tensor, target: int) -> None:
    """The backward pass layer by layer: dout = 1 at the predicted score, each layer's gradient in reverse."""
    with st.expander(tr("net.backward_title"), icon=":material/undo:"):
        chain = inside.backward_chain(model, x, target)
        names = {r.row: f"{r.row}. {r.name}" for r in net.description.rows}
        st.markdown(tr("net.backward_note", name=markdown_text(net.task.names[target]), n=len(chain) - 1))
        st.dataframe(pd.DataFrame({
            tr("net.backward_layer"): [names.get(s.row, tr("net.ov_input")) for s in chain],
            tr("net.backward_shape"): [" × ".join(str(v) for v in s.shape) for s in chain],
            tr("net.backward_mean"): [f"{s.mean_abs:.3g}" for s in chain],
            tr("net.backward_max"): [f"{s.max_abs:.3g}" for s in chain],
        }), hide_index=True, width="stretch")


def _relu(model: nn.Module, x: torch.Tensor, task: Task) -> None:
    """The first ReLU: how many values it zeroed, and the map that lost the most, before and after."""
    effect = inside.relu_effect(model, x)
    if effect is None:
        return
    st.subheader(tr("net.relu_title"))
    before, after = effect.before, effect.after
    channel = int(np.argmax((before < 0).reshape(len(before), -1).sum(axis=1))) if before.ndim == 3 else 0
    st.markdown(task.say("net.relu_note", layer=effect.layer, zeroed=f"{effect.zeroed:,}", total=f"{before.size:,}",
                   share=f"{100 * effect.zeroed / before.size:.0f}", channel=channel + 1))
    if before.ndim != 3:
        return
    scale = display.robust_scale(before[channel])
    left, right, _ = st.columns([1, 1, 2])
    for col, values, name in ((left, before[channel], "net.relu_before"), (right, after[channel], "net.relu_after")):
        widgets.picture(display.blocky(display.to_display(values, "diverging", scale), 192), tr(name), where=col,
                        width="stretch")


def _test_set(model: nn.Module, data: Data, task: Task) -> None:
    """The confusion matrix and the misread images."""
    st.subheader(task.say("net.test_title"))
    _, _, predicted = session.test_results(model, data)
    truth = data.y_test.numpy()
    matrix, gallery = st.columns([1, 1.2], gap="large")
    cell = widgets.matrix(confusion(truth, predicted, len(task.names)), state.CONFUSION, matrix, select=True,
                          sequential=True, colorscale="Blues", title=task.say("net.confusion"),
                          labels=list(task.names))      # the digits named too: rows are the truth, columns the guess
    matrix.caption(tr("net.confusion_note") + " " + tr("net.confusion_click"))
    if cell is not None and all(0 <= v < len(task.names) for v in cell):
        _cell(data, task, truth, predicted, *cell)
    wrong = np.nonzero(predicted != truth)[0]
    with gallery:
        said = task.say("net.mistakes" if len(wrong) else "net.mistakes_none", n=len(wrong), total=len(truth))
        st.markdown(f"**{said}**")
        shown = wrong[:16]
        if len(shown):
            widgets.tiles([display.from_chw(data.x_test[i].numpy()) for i in shown],
                          [tr("net.mistake", true=markdown_text(task.names[int(truth[i])]),
                              pred=markdown_text(task.names[int(predicted[i])])) for i in shown],
                          per_row=6, target=84)


def _open(index: int, own: bool) -> None:
    """Show test image ``index`` on the Overview (its why maps with it): a button's callback. Your own classes'
    test images are their validation images, which the Overview shows."""
    widgets.set_choice(state.OWN_INPUT if own else state.INPUT, "val" if own else "test")
    st.session_state[state.OWN_INDEX if own else state.TEST_INDEX] = index
    st.session_state[state.tabs(st.session_state.get(state.SOURCE, state.DEFAULTS[state.SOURCE]))] = \
        tr("net.tab_overview")


def _cell(data: Data, task: Task, truth: np.ndarray, predicted: np.ndarray, true: int, guess: int) -> None:
    """The test images of one cell of the confusion matrix, each with a button that opens it on the Overview."""
    found = np.nonzero((truth == true) & (predicted == guess))[0]
    st.markdown("**" + tr("net.cell_title", n=len(found), true=markdown_text(task.names[true]),
                          guess=markdown_text(task.names[guess])) + "**")
    shown = found[:CELL_SHOWN]
    if len(found) > CELL_SHOWN:
        st.caption(tr("net.cell_more", n=CELL_SHOWN))
    def button(column, i: int) -> None:
        column.button(tr("net.cell_open"), key=state.cell_open(int(shown[i])), on_click=_open,
                      args=(int(shown[i]), task.own), icon=":material/open_in_new:", help=tr("net.cell_open_help"))

    widgets.tiles([display.from_chw(data.x_test[i].numpy()) for i in shown],
                  [tr("net.cell_image", n=int(i)) for i in shown], per_row=CELL_PER_ROW, target=84, below=button)


def render(net: Network, model: nn.Module | None, data: Data | None, picture: np.ndarray | None) -> None:
    """The whole tab for the input ``(C, H, W)`` chosen on the Overview tab, or a note to train first."""
    if model is None or data is None:
        st.info(tr("net.inside_first"), icon=":material/school:")
        return
    _filters(model, net.task)
    st.subheader(net.task.say("net.input_title"))
    if picture is None:
        st.info(net.task.say("net.no_input"), icon=":material/draw:")
    else:
        st.caption(tr("net.inside_input"))
        _through(net, model, picture)
    _test_set(model, data, net.task)
