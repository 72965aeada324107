"""Network tab: what a unit looks for. The pictures of a set that excite it most (each cut to where the unit
looked, and outlined on the whole picture), the ones that excite it least, and the picture optimised to excite it,
without and with the regularisers that make it readable; for the trained network or the one it started from.
Runs only while the tab is open (``pages/network.py``)."""
from __future__ import annotations

import numpy as np
import streamlit as st
import torch
from torch import nn

from explorer import display
from explorer.network import sanity, units
from explorer.network.data import Data
from explorer.network.layers import field_layers
from explorer.ui import widgets
from explorer.ui.network import model as session
from explorer.ui.network.model import Network
from explorer.ui.shell import markdown_text, presenting, tr
from explorer.ui.state import network as state

COUNTS = (9, 16)
SETS = ("train", "val")
KEEP = (16, 64)                 # the steps whose pictures are shown on the way (and the last)
CROP_PX, FULL_PX = 96, 112
KEPT = 6                        # optimisations a session keeps (each a few pictures of 28×28)


def _layers(net: Network) -> dict[int, str]:
    """Each layer's row and its label with its output's shape (``3. maxpool 2×2 · 4 × 12 × 12``)."""
    return {r.row: f"{r.row}. {r.name} · {' × '.join(str(v) for v in r.shape)}" for r in net.description.rows}


def _images(data: Data, which: str) -> torch.Tensor:
    return data.x_train if which == "train" else data.x_val


def _scores(model: nn.Module, data: Data, which: str, row: int, trained: bool) -> units.Scores:
    """The set's scores for layer ``row``, computed once per model version, network, set and layer."""
    key = (st.session_state.get(state.VERSION, 0), trained, id(data), which)
    kept = st.session_state.get(state.LU_SCORES)
    if kept is None or kept[0] != key:          # another model, network or set: the layers scored so far go
        kept = (key, {})
        st.session_state[state.LU_SCORES] = kept
    if row not in kept[1]:
        kept[1][row] = units.scores(model, _images(data, which), row)
    return kept[1][row]


def _examples(net: Network, data: Data, which: str, found: units.Scores, unit: int, count: int,
              geometry) -> None:
    """The top ``count`` and the weakest examples: the crops, then the whole pictures with the crop outlined."""
    images, side = _images(data, which), net.task.input_shape[1]
    best = units.top(found, unit, count, geometry, net.task.input_shape[1:])
    per_row = 8 if count > 9 else 9
    if best[0].value <= 0 and found.values[:, unit].max() <= 0:
        st.info(tr("net.lu_dead"), icon=":material/block:")
    st.markdown(f"**{tr('net.lu_top', n=count)}**")
    crops = [display.from_chw(units.crop(images[e.index], e.box).numpy()) for e in best]
    widgets.tiles(crops, [f"{e.value:.3g}" for e in best], per_row=per_row, target=CROP_PX)
    if geometry:
        st.caption(tr("net.lu_field", side=best[0].box[2] - best[0].box[0] + 1 if best[0].box else side))
        whole = [display.zoom_box(display.to_display(display.from_chw(images[e.index].numpy()), "clip"),
                                  (side // 2, side // 2), side, e.box, max(1, FULL_PX // side)) for e in best]
        widgets.tiles(whole, [tr("net.lu_where", row=e.position[0] + 1, col=e.position[1] + 1) for e in best],
                      per_row=per_row, target=FULL_PX)
    weakest = units.top(found, unit, per_row, geometry, net.task.input_shape[1:], lowest=True)
    st.markdown(f"**{tr('net.lu_weakest')}**")
    widgets.tiles([display.from_chw(images[e.index].numpy()) for e in weakest], [f"{e.value:.3g}" for e in weakest],
                  per_row=per_row, target=CROP_PX)


def _optimised(model: nn.Module, net: Network, row: int, chosen: list[int], steps: int, strength: float,
               trained: bool) -> tuple[units.Visualised, units.Visualised] | None:
    """The pictures without and with the regularisers, from the session's store, or made when the button is
    pressed (one optimisation per kind for all ``chosen`` units, with a progress bar)."""
    key = (st.session_state.get(state.VERSION, 0), trained, net.signature, row, tuple(chosen), steps, strength)
    kept = st.session_state.setdefault(state.LU_MADE, {})
    pressed = st.button(tr("net.lu_make"), icon=":material/auto_awesome:", type="primary", key=state.LU_MAKE,
                        disabled=key in kept, help=tr("net.lu_make_help"))
    if key in kept:                     # made for these settings already (the button waits for new ones)
        return kept[key]
    if not pressed:
        return None
    bar = st.progress(0.0, text=tr("net.lu_making"))

    def advance(part: int):
        def moved(step: int, total: int) -> None:
            if step % 16 == 0 or step == total:
                bar.progress((part + step / total) / 2, text=tr("net.lu_making"))
        return moved

    made = tuple(units.visualise(model, row, chosen, net.task.input_shape, steps=steps, strength=s,
                                 keep=tuple(k for k in KEEP if k < steps), progress=advance(part))
                 for part, s in enumerate((0.0, strength)))
    bar.empty()
    while len(kept) >= KEPT:
        kept.pop(next(iter(kept)))
    kept[key] = made
    return made


def _visualised(model: nn.Module, net: Network, found: units.Scores, row: int, unit: int, trained: bool,
                geometry) -> None:
    """Feature visualisation: the controls, the chosen unit without and with regularisers (and on the way), and
    every unit of the layer."""
    st.subheader(tr("net.lu_opt_title"))
    st.caption(tr("net.lu_opt_note", side=net.task.input_shape[1]))
    c1, c2, c3 = st.columns([1.2, 1.2, 1], vertical_alignment="bottom")
    steps = widgets.slider(tr("net.lu_steps"), 32, units.MAX_STEPS, state.LU_STEPS, units.STEPS, step=32, where=c1)
    strength = widgets.slider(tr("net.lu_strength"), 0.25, 3.0, state.LU_STRENGTH, 1.0, step=0.25, where=c2,
                              help=tr("net.lu_strength_help"))
    every = widgets.toggle(tr("net.lu_every"), state.LU_EVERY, False, where=c3)
    count = found.values.shape[1]
    # every unit at once, up to the most one optimisation takes (the chosen one always among them)
    chosen = sorted(set(range(min(count, units.MAX_UNITS - 1))) | {unit}) if every else [unit]
    made = _optimised(model, net, row, chosen, steps, strength, trained)
    if made is None:
        return
    plain, smooth = made
    at = chosen.index(unit)
    best = float(found.values[:, unit].max())
    box = units.field(geometry, units.centre(found.map_shape), net.task.input_shape[1:]) if found.map_shape \
        else None                       # what the centre place sees: the picture's part that matters
    left, right = st.columns(2, gap="large")
    for col, result, title in ((left, plain, "net.lu_plain"), (right, smooth, "net.lu_smooth")):
        with col:
            st.markdown(f"**{tr(title)}**")
            reached = float(result.reached[at])
            ratio = tr("net.lu_ratio", times=f"{reached / best:.1f}") if best > 0 else ""
            pictures = [display.from_chw(result.images[at])] + ([display.from_chw(units.crop(result.images[at], box))]
                                                                if box is not None else [])
            widgets.tiles(pictures, [tr("net.lu_reached", value=f"{reached:.3g}") + " " + ratio,
                                     tr("net.lu_field_only")][:len(pictures)], per_row=2, target=FULL_PX * 2)
    if smooth.history:
        st.caption(tr("net.lu_path"))
        steps_shown = [step for step, _ in smooth.history] + [steps]
        widgets.tiles([display.from_chw(images[at]) for _, images in smooth.history] + [display.from_chw(
            smooth.images[at])], [tr("net.lu_step", n=n) for n in steps_shown], per_row=8, target=CROP_PX)
    if every:
        said = tr("net.lu_all", n=count) if len(chosen) == count else tr("net.lu_some", n=len(chosen), total=count)
        st.markdown(f"**{said}**")
        widgets.tiles([display.from_chw(image) for image in smooth.images],
                      [f"{u + 1} · {float(r):.3g}" for u, r in zip(chosen, smooth.reached)],
                      per_row=8 if presenting() else 10, target=CROP_PX)


def _sanity(model: nn.Module, net: Network, picture: np.ndarray | None) -> None:
    """Adebayo et al.'s check, folded (it runs only while open): the explanations of the Overview's input for its
    predicted class, as the trained weights are re-drawn at random from the top layer down."""
    box = st.expander(tr("net.sc_title"), icon=":material/fact_check:", key=state.SC_OPEN, on_change="rerun")
    if not box.open:
        return
    with box:
        if picture is None:
            st.info(net.task.say("net.no_input"), icon=":material/draw:")
            return
        x = torch.from_numpy(np.asarray(picture, np.float32))
        target = int(model(x[None].to(next(model.parameters()).device)).argmax())
        st.caption(tr("net.sc_note", name=markdown_text(net.task.names[target])))
        key = (st.session_state.get(state.VERSION, 0), net.signature, x.numpy().tobytes().__hash__(), target)
        kept = st.session_state.get(state.SC_DONE)
        if kept is None or kept[0] != key:
            with st.spinner(tr("net.sc_running")):
                kept = (key, sanity.check(model, x, target))
            st.session_state[state.SC_DONE] = kept
        for found in kept[1]:
            said = "net.sc_changes" if found.changes else "net.sc_same"
            st.markdown(f"**{tr(f'net.sc_method.{found.method}')}** · {tr(said)}")
            maps = [found.trained] + [shown for _, shown, _ in found.steps]
            captions = [tr("net.sc_trained")] + [tr("net.sc_step", row=row, rho=f"{rho:.2f}")
                                                 for row, _, rho in found.steps]
            widgets.tiles([display.to_display(m, "stretch") for m in maps], captions, per_row=len(maps),
                          target=CROP_PX)


def render(net: Network, model: nn.Module | None, data: Data | None, seed: int,
           picture: np.ndarray | None = None) -> None:
    """The whole tab (a note to train first without a model); ``picture``: the Overview's input, which the sanity
    check explains."""
    if model is None or data is None or not net.usable:
        st.info(tr("net.lu_first"), icon=":material/school:")
        return
    task, rows = net.task, _layers(net)
    st.caption(task.say("net.lu_intro"))
    c1, c2, c4 = st.columns([2.6, 1, 1], vertical_alignment="bottom")     # the layer's label is long
    c3, c5, _ = st.columns([1.2, 1.4, 1.4], vertical_alignment="bottom")
    if state.LU_LAYER in st.session_state and st.session_state[state.LU_LAYER] not in rows:   # a shorter stack now
        widgets.set_choice(state.LU_LAYER, next(iter(rows)))
    row = widgets.choice(tr("net.lu_layer"), list(rows), state.LU_LAYER, next(iter(rows)), format_func=rows.get,
                         where=c1)
    which = widgets.choice(tr("net.lu_set"), SETS, state.LU_SET, SETS[0], kind="segmented", prefix="net.lu_set",
                           where=c3)
    count = widgets.choice(tr("net.lu_count"), COUNTS, state.LU_COUNT, COUNTS[0], kind="segmented", where=c4)
    networks = widgets.choice(tr("net.ov_state"), ["trained", "untrained"], state.LU_STATE, "trained",
                              kind="segmented", prefix="net.ov_state", where=c5)
    trained = networks == "trained"
    shown = model if trained else session.untrained(net, seed)
    found = _scores(shown, data, which, row, trained)
    channels = found.values.shape[1]
    if st.session_state.get(state.LU_UNIT, 1) > channels:      # another layer, with fewer units
        st.session_state[state.LU_UNIT] = 1
    unit = widgets.number(tr("net.lu_unit", n=channels), 1, channels, state.LU_UNIT, 1, where=c2) - 1
    if row == len(rows):                                       # the last layer's units are the classes
        st.caption(tr("net.lu_class", name=markdown_text(task.names[unit])))
    geometry = field_layers(shown, row)
    _examples(net, data, which, found, unit, count, geometry)
    _visualised(shown, net, found, row, unit, trained, geometry)
    _sanity(model, net, picture)
