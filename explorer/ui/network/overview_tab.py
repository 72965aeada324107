"""Network tab 1: the whole network at a glance for one input, any unit explained, and why it chose.

Works for any valid stack, trained or not: before training the weights are
the random ones training starts from (and the page says so).
"""
from __future__ import annotations

import numpy as np
import streamlit as st
import torch
from torch import nn

from explorer import display
from explorer.display import LUMA
from explorer.network import explain, overview
from explorer.network.data import Data
from explorer.ui import caches, widgets
from explorer.ui.network import explain_panel, inputs
from explorer.ui.network import model as session
from explorer.ui.network.model import Network, Task
from explorer.ui.shell import lang, markdown_text, presenting, tr
from explorer.ui.state import network as state

SMALL_PATCHES, LARGE_PATCHES = [2, 4, 6, 8], [4, 8, 12, 16]     # occlusion squares: up to 32 px, then larger
HEAT = np.array([255, 127, 14], np.float64)      # the orange the maps are drawn in


def _overview(net: Network, model: nn.Module, x: torch.Tensor, picture: str) -> overview.Overview:
    """The overview of ``x`` (``picture``: its key) through ``model``, shared by every session with this model."""
    rows = net.description.rows
    names = (tr("net.ov_input"), *(f"{r.row}. {r.name}" for r in rows), tr("net.ov_output"))
    return caches.network_overview(session.fingerprint(model), picture, names, model, x)


def _figure(found: overview.Overview, key: str, untrained: bool, selected: tuple[int, int],
            names: tuple[str, ...], weights: str, picture: str) -> None:
    """Draw the overview (of the input ``picture`` through the model ``weights``, keys of ``caches``) in a
    container that scrolls sideways; a click on a tile is read on the next run.
    An untrained network is said so above it (inside the figure the words ran into the column titles in zh)."""
    if untrained:
        st.warning(tr("net.ov_untrained"), icon=":material/casino:")
    words = (("range", tr("net.ov_range")), ("tile", tr("net.ov_tile")))
    figure = caches.network_figure(weights, picture, lang(), words, selected, 4 if presenting() else 8, names, found)
    # the column's width, scaled down where the column is narrower than the figure (in a block that scrolled
    # sideways, the probabilities were cut off at 1400 px with the sidebar open); never scaled up
    st.html(f"<style>.st-key-{key}{{max-width:{figure.layout.width}px}}</style>")
    with st.container(key=key):
        widgets.shared_chart(figure, state.overview_chart(key), on_select="rerun", selection_mode="points")


def _clicked(key: str) -> tuple[int, int] | None:
    """The ``(layer, index)`` of the tile last clicked in the chart ``key`` (its selection, kept by Streamlit)."""
    chart = st.session_state.get(state.overview_chart(key))
    points = (chart.get("selection", {}).get("points") if chart else None) or []
    return tuple(points[0]["customdata"][:2]) if points and points[0].get("customdata") else None


def _pick(found: overview.Overview, clicked: tuple[int, int] | None) -> None:
    """A new click chooses the layer and the map (or unit); the position starts where that map is largest."""
    if clicked is None or clicked == st.session_state.get(state.CLICKED):
        return
    st.session_state[state.CLICKED] = clicked
    row, index = clicked
    if not 0 < row < len(found.columns):
        return
    values = found.columns[row].values
    i = j = 0
    if values.ndim == 3 and row < len(found.columns) - 1:
        i, j = (int(v) for v in np.unravel_index(int(np.argmax(values[index])), values.shape[1:]))
    st.session_state.update({state.UNIT_LAYER: row, state.UNIT_CHANNEL: index, state.UNIT_I: i, state.UNIT_J: j})


def _unit(found: overview.Overview, task: Task, trained: bool) -> tuple[int, int]:
    """Layer, map and position selectors (set by a click), then the explanation; returns the chosen tile."""
    st.subheader(tr("net.unit_title"))
    last = len(found.columns) - 1
    layer_names = {c.row: c.name for c in found.columns[1:last]} | {last: tr("net.unit_probabilities", row=last)}
    if st.session_state.get(state.UNIT_LAYER) not in layer_names:     # first open: the first map's strongest unit
        first = found.columns[1].values
        i, j = np.unravel_index(int(np.argmax(first[0])), first.shape[1:]) if first.ndim == 3 else (0, 0)
        st.session_state.update({state.UNIT_LAYER: 1, state.UNIT_CHANNEL: 0, state.UNIT_I: int(i),
                                 state.UNIT_J: int(j)})
    c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
    row = c1.selectbox(tr("net.unit_layer"), list(layer_names), key=state.UNIT_LAYER,
                       format_func=layer_names.get, persist_state="session")
    if row == last:
        explain_panel.softmax_table(found.acts[-1].output, task)
        return row, found.predicted
    values = found.columns[row].values
    highs = {state.UNIT_CHANNEL: len(values) - 1}
    if values.ndim == 3:
        highs |= {state.UNIT_I: values.shape[1] - 1, state.UNIT_J: values.shape[2] - 1}
    for key, high in highs.items():
        st.session_state[key] = int(min(max(st.session_state.get(key, 0), 0), high))
    if values.ndim == 3:
        channel = c2.number_input(tr("net.unit_channel"), 0, highs[state.UNIT_CHANNEL], key=state.UNIT_CHANNEL,
                                  persist_state="session")
        i = c3.number_input(tr("net.unit_i"), 0, highs[state.UNIT_I], key=state.UNIT_I, persist_state="session")
        j = c4.number_input(tr("net.unit_j"), 0, highs[state.UNIT_J], key=state.UNIT_J, persist_state="session")
        position = (int(channel), int(i), int(j))
    else:
        position = (int(c2.number_input(tr("net.unit_unit"), 0, highs[state.UNIT_CHANNEL], key=state.UNIT_CHANNEL,
                                         persist_state="session")),)
    found_unit = explain.explain(found.acts, row, position)
    next_is_relu = row < len(found.acts) and isinstance(found.acts[row].module, nn.ReLU)
    explain_panel.render(found_unit, found.acts[row - 1], next_is_relu, trained=trained)
    return row, position[0]


def _overlay(picture: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """The input ``(C, H, W)`` in grey with ``heat`` (0…1) in orange over it."""
    shown = display.from_chw(picture)
    grey = shown @ LUMA if shown.ndim == 3 else shown
    grey = np.repeat(display.to_uint8(grey)[..., None], 3, axis=2).astype(np.float64)
    alpha = 0.85 * np.clip(heat, 0, 1)[..., None]
    return (grey * (1 - alpha) + HEAT * alpha + 0.5).astype(np.uint8)


def _stride(side: int) -> int:
    return 1 if side <= 32 else 2


def _why(model: nn.Module, x: torch.Tensor, picture: np.ndarray, picture_key: str, target: int, patch: int,
         title: str, name: str) -> None:
    """Saliency, Grad-CAM and occlusion for class ``target`` (called ``name``), overlaid on the input
    (``picture_key``: its key in ``caches``)."""
    side = picture.shape[1]
    stride = _stride(side)
    maps = caches.why_maps(session.fingerprint(model), picture_key, target, patch, stride, model, x)
    if title:
        st.markdown(f"**{title}**")
    positions = ((picture.shape[1] - patch) // stride + 1) * ((picture.shape[2] - patch) // stride + 1)
    notes = {"saliency": tr("net.why_saliency_note", digit=name),
             "gradcam": (tr("net.why_gradcam_note", row=maps["gradcam"].row, digit=name, size=f"{side}×{side}")
                         if maps["gradcam"].row else tr("net.why_no_conv")),
             "occlusion": tr("net.why_occlusion_note" if stride == 1 else "net.why_occlusion_stride", k=patch,
                             n=positions, digit=name, stride=stride)}
    for col, (kind, heat) in zip(st.columns(3, gap="medium"), maps.items()):
        col.markdown(f"**{tr(f'net.why_{kind}')}**")
        widgets.picture(display.blocky(_overlay(picture, heat.values), 224),
                        notes[kind] + " " + tr("net.why_legend", top=f"{heat.top:.3g}"), where=col, width="stretch")


def render(net: Network, model: nn.Module | None, data: Data | None, seed: int) -> np.ndarray | None:
    """The whole tab; returns the input ``(C, H, W)`` chosen here (the Looking inside tab shows it too)."""
    task = net.task
    chooser, weights = st.columns([3.4, 1.2], vertical_alignment="bottom")
    with chooser:
        picture = inputs.choose(task, data)
    if not net.usable or picture is None:
        st.info(task.say("net.no_input") if picture is None and net.usable else tr("net.ov_unusable"),
                icon=":material/info:")
        return picture
    x = torch.from_numpy(np.asarray(picture, np.float32))
    before = session.untrained(net, seed)
    networks = "untrained"
    if model is not None:
        networks = widgets.choice(tr("net.ov_state"), ["trained", "untrained", "both"], state.OV_STATE,
                                  state.DEFAULTS[state.OV_STATE], prefix="net.ov_state", where=weights)
    shown = {"trained": [(model, state.OVERVIEW)], "untrained": [(before, state.OVERVIEW)],
             "both": [(model, state.OVERVIEW), (before, state.OVERVIEW_BEFORE)]}[networks]
    picture_key = caches.settings_key(picture)
    results = [_overview(net, network, x, picture_key) for network, _ in shown]
    found = results[0]
    _pick(found, _clicked(shown[0][1]))
    figures, unit = st.container(), st.container()        # the figure shows the tile chosen below
    with unit:
        selected = _unit(found, task, trained=shown[0][0] is model and model is not None)
    with figures:
        for number, ((network, key), result) in enumerate(zip(shown, results)):
            if len(shown) > 1:
                st.markdown(f"**{tr('net.why_after' if number == 0 else 'net.why_before')}**")
            _figure(result, key, untrained=network is before and model is None, selected=selected, names=task.names,
                    weights=session.fingerprint(network), picture=picture_key)
            st.caption(tr("net.ov_prediction", digit=markdown_text(task.names[result.predicted]),
                          p=f"{result.probabilities.max() * 100:.1f}") + " " + task.say("net.ov_intro"))
    st.subheader(tr("net.why_title"))
    c1, c2 = st.columns(2)
    options = ["predicted", *range(len(found.probabilities))]
    if state.WHY_CLASS in st.session_state and st.session_state[state.WHY_CLASS] not in options:   # fewer classes
        widgets.set_choice(state.WHY_CLASS, state.DEFAULTS[state.WHY_CLASS])
    # the option's text never names the class: a select box draws an option's text once per value, so after
    # training "The prediction (8)" stayed on screen while the network now predicted 2
    predicted = tr("net.why_predicted")
    target = widgets.choice(tr("net.why_class"), options, state.WHY_CLASS, state.DEFAULTS[state.WHY_CLASS], where=c1,
                            format_func=lambda c, names=task.names: predicted if c == "predicted" else names[c])
    chosen = found.predicted if target == "predicted" else int(target)
    p = f"{found.probabilities[chosen] * 100:.1f}"
    st.markdown(tr("net.why_explaining", digit=markdown_text(task.names[chosen]), p=p) if chosen == found.predicted
                else tr("net.why_explaining_other", digit=markdown_text(task.names[chosen]), p=p,
                        best=markdown_text(task.names[found.predicted])))
    target = chosen
    side = picture.shape[1]
    patches = SMALL_PATCHES if side <= 32 else LARGE_PATCHES
    patch = widgets.choice(tr("net.why_patch"), patches, state.WHY_PATCH if side <= 32 else state.WHY_PATCH_LARGE,
                           patches[1], kind="segmented",
                           format_func=lambda k: f"{k}×{k}", where=c2)
    for number, (network, _) in enumerate(shown):
        title = "" if len(shown) == 1 else tr("net.why_after" if number == 0 else "net.why_before")
        _why(network, x, picture, picture_key, int(target), int(patch), title,
             markdown_text(task.names[int(target)]))
    return picture
