"""The input the Network page looks at, as ``(C, H, W)`` floats: a test digit, a digit drawn with the mouse or
a photo of one; for your own classes a validation image, a new photo or a camera snapshot."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, imaging
from explorer.network import classes
from explorer.network.data import Data, lasso_strokes, prepare_photo, rasterize
from explorer.ui import widgets
from explorer.ui.network.model import Task
from explorer.ui.shell import markdown_text, show_error, tr
from explorer.ui.state import network as state
from explorer.views import charts


def _drawn() -> np.ndarray | None:
    """A digit drawn with the lasso on a 28×28 canvas (strokes add up; Clear starts again)."""
    strokes = st.session_state.setdefault(state.STROKES, [])
    canvas, buttons = st.columns([1, 1])
    picture = rasterize(strokes)
    with canvas:
        event = widgets.chart(charts.canvas_figure(picture), state.canvas(len(strokes)), on_select="rerun",
                              selection_mode="lasso")
    new = lasso_strokes(event.selection if event else None)
    if new:
        st.session_state[state.STROKES] = strokes + new
        st.rerun()
    buttons.markdown(tr("net.draw_help"))
    if buttons.button(tr("net.clear"), icon=":material/ink_eraser:"):
        st.session_state[state.STROKES] = []
        st.rerun()
    return picture if strokes else None


def _photo() -> np.ndarray | None:
    """A photo of one handwritten digit, prepared like the training data (the steps shown)."""
    photo = st.file_uploader(tr("net.photo"), type=list(imaging.UPLOAD_TYPES), key=state.PHOTO,
                             help=tr("net.photo_help"))
    if photo is None:
        return None
    try:
        steps = prepare_photo(imaging.load_image(photo.getvalue(), max_side=1024))
    except imaging.ImageError as err:
        show_error(err)
        return None
    for col, name in zip(st.columns(4, gap="small"), ("grey", "inverted", "cropped", "final")):
        widgets.picture(display.to_uint8(steps[name]), tr(f"net.step.{name}"), where=col, width="stretch",
                        clamp=True)
    return steps["final"]


def _own_photo(task: Task, kind: str) -> np.ndarray | None:
    """A new photo or camera snapshot, squared and resized like the training images (shown as the net sees it)."""
    if kind == "upload":
        photo = st.file_uploader(tr("net.own_photo"), type=list(imaging.UPLOAD_TYPES), key=state.OWN_PHOTO,
                                 help=tr("net.own_photo_help"))
    else:
        photo = st.camera_input(tr("net.own_camera_take"), key=state.OWN_TRY_CAMERA)
    if photo is None:
        return None
    try:
        image = imaging.load_image(photo.getvalue(), max_side=1024)
    except imaging.ImageError as err:
        show_error(err)
        return None
    return classes.as_input(image, task.input_shape[1], task.colour)


def _own(task: Task, data: Data | None) -> np.ndarray | None:
    kinds, choice, label = st.columns([2.6, 1.9, 1.3], vertical_alignment="bottom")
    kind = widgets.choice(tr("net.input"), ["val", "upload", "camera"], state.OWN_INPUT,
                          state.DEFAULTS[state.OWN_INPUT], kind="segmented", prefix="net.input", where=kinds)
    if kind != "val":
        return _own_photo(task, kind)
    if data is None or not len(data.x_val):
        return None
    st.session_state[state.OWN_INDEX] = min(st.session_state.get(state.OWN_INDEX, state.DEFAULTS[state.OWN_INDEX]),
                                            len(data.x_val) - 1)
    index = choice.slider(tr("net.own_index"), 0, len(data.x_val) - 1, key=state.OWN_INDEX, persist_state="session")
    label.caption(tr("net.true_label", label=markdown_text(task.names[int(data.y_val[index])])))
    return data.x_val[index].numpy()


def choose(task: Task, data: Data | None) -> np.ndarray | None:
    """The ``(C, H, W)`` input to look at (``None`` until there is one): for digits a test digit, a drawn one or
    a photo; for your own classes a validation image, a photo or a snapshot."""
    if task.own:
        return _own(task, data)
    kinds, choice, label = st.columns([3.3, 1.8, 0.9], vertical_alignment="bottom")     # one row: the figure fits below
    kind = widgets.choice(tr("net.input"), ["test", "draw", "photo"], state.INPUT, state.DEFAULTS[state.INPUT],
                          kind="segmented", prefix="net.input", where=kinds)
    if kind == "test":
        st.session_state.setdefault(state.TEST_INDEX, state.DEFAULTS[state.TEST_INDEX])
        index = choice.slider(tr("net.test_index"), 0, len(data.x_test) - 1, key=state.TEST_INDEX,
                              persist_state="session")
        label.caption(tr("net.true_label", label=int(data.y_test[index])))
        return data.x_test[index].numpy()
    picture = _drawn() if kind == "draw" else _photo()
    return None if picture is None else picture[None]
