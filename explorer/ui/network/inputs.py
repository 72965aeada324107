"""The input the Network page looks at: a test digit, a digit drawn with the mouse, or a photo of one."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, imaging
from explorer.network.data import Data, lasso_strokes, prepare_photo, rasterize
from explorer.ui import widgets
from explorer.ui.shell import show_error, tr
from explorer.views import charts


def _drawn() -> np.ndarray | None:
    """A digit drawn with the lasso on a 28×28 canvas (strokes add up; Clear starts again)."""
    strokes = st.session_state.setdefault("net.strokes", [])
    canvas, buttons = st.columns([1, 1])
    picture = rasterize(strokes)
    with canvas:
        event = widgets.chart(charts.canvas_figure(picture), f"net.canvas{len(strokes)}", on_select="rerun",
                              selection_mode="lasso")
    new = lasso_strokes(event.selection if event else None)
    if new:
        st.session_state["net.strokes"] = strokes + new
        st.rerun()
    buttons.markdown(tr("net.draw_help"))
    if buttons.button(tr("net.clear"), icon=":material/ink_eraser:"):
        st.session_state["net.strokes"] = []
        st.rerun()
    return picture if strokes else None


def _photo() -> np.ndarray | None:
    """A photo of one handwritten digit, prepared like the training data (the steps shown)."""
    photo = st.file_uploader(tr("net.photo"), type=list(imaging.UPLOAD_TYPES), key="net.photo",
                             help=tr("net.photo_help"))
    if photo is None:
        return None
    try:
        steps = prepare_photo(imaging.load_image(photo.getvalue(), max_side=1024))
    except imaging.ImageError as err:
        show_error(err)
        return None
    for col, name in zip(st.columns(4, gap="small"), ("gray", "inverted", "cropped", "final")):
        col.image(display.to_uint8(steps[name]), width="stretch", clamp=True)
        col.caption(tr(f"net.step.{name}"))
    return steps["final"]


def choose(data: Data) -> np.ndarray | None:
    """A test digit, a drawn one, or a photo: the 28×28 input to look at (``None`` until there is one)."""
    kinds, choice, label = st.columns([2.8, 2, 0.9], vertical_alignment="bottom")     # one row: the figure fits below
    kind = widgets.choice(tr("net.input"), ["test", "draw", "photo"], "net.input", "test", kind="segmented",
                          prefix="net.input", where=kinds)
    if kind == "test":
        st.session_state.setdefault("net.test_index", 0)
        index = choice.slider(tr("net.test_index"), 0, len(data.x_test) - 1, key="net.test_index")
        label.caption(tr("net.true_label", label=int(data.y_test[index])))
        return data.x_test[index, 0].numpy()
    return _drawn() if kind == "draw" else _photo()
