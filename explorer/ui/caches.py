"""Cached computations, shared safely between sessions: read-only arrays keyed by what they were made from.

Arrays are cached with ``st.cache_resource``, not ``st.cache_data``:
cache_data pickles every result it stores and unpickles a copy on every hit
(8 MB for a 960-px colour preview, on every rerun of every student). The
arrays are returned read-only instead, so no page can change what another
session will be given. Sized for a class: each of forty students' images and
recent results stay cached for an hour at most. Nothing per-user (a model, an
image set) is cached here: only pure functions of their arguments.
"""
from __future__ import annotations

import hashlib

import numpy as np
import streamlit as st

from explorer import classroom, display, imaging, kernels, limits, ops
from explorer.network import archive, classes, slots
from explorer.ui.janitor import Janitor, end_expired_sessions
from explorer.ui.shell import PROJECTOR_FONT, tr
from explorer.ui.state import shared
from explorer.views import heatmaps

PREVIEW_SIDE = 960           # longest side of the interactive preview (panels are ~450 px on a projector)
COMPARE_SIDE = 512           # side-by-side pages: panels are ~300 px wide on a projector
FULL_RES_PIXELS = 1_000_000  # at or below this, the preview is the full-resolution image
CLASS_SIZE = 48
IDLE_S = limits.from_environment("CNN_EXPLORER_IDLE_S", 300)   # no run for this long: the class has gone (janitor)


def _read_only(array: np.ndarray, source: np.ndarray | None = None) -> np.ndarray:
    """``array`` made read-only; copied first if it is the caller's ``source`` itself (left writable)."""
    if array is source:
        array = array.copy()
    array.flags.writeable = False
    return array


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def preview_of(digest: str, _pixels: np.ndarray, grey: bool) -> np.ndarray:
    """The image the page computes on interactively: at most PREVIEW_SIDE, colour or grey, float32 (read-only);
    ``_pixels`` as ``source.CurrentImage`` keeps them (uint8 or float32), converted only when not cached."""
    h, w = _pixels.shape[:2]
    pixels = imaging.to_float(_pixels)
    image = pixels if h * w <= FULL_RES_PIXELS else imaging.fit_side(pixels, PREVIEW_SIDE)
    return _read_only(imaging.to_grey(image) if grey else image, _pixels)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def compare_image(digest: str, _pixels: np.ndarray) -> np.ndarray:
    """The current image at most COMPARE_SIDE on its longest side, for pages that show several panels."""
    return _read_only(imaging.fit_side(imaging.to_float(_pixels), COMPARE_SIDE), _pixels)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def feature_map(digest: str, _image: np.ndarray) -> np.ndarray:
    """Sobel gradient magnitude of the grey image: what an edge-detecting first layer would output."""
    edges = kernels.get_preset("sobel_magnitude")
    return _read_only(ops.apply_kernels(imaging.to_grey(_image), edges.kernels(), edges.combine, padding="same",
                                        padding_mode="replicate"))


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def half_of(image_key: str, _image: np.ndarray) -> np.ndarray:
    """The image at half its width and height (area averaging), to show what resolution changes."""
    h, w = _image.shape[:2]
    return _read_only(imaging.fit_side(_image, max(1, max(h, w) // 2)))


@st.cache_resource(show_spinner=False)
def training_slots() -> slots.Slots:
    """The process's turns at training (:class:`explorer.network.slots.Slots`): one object for every session."""
    return slots.Slots()


@st.cache_resource(show_spinner=False)
def digits():
    """The bundled handwritten digits, split once per process (read-only data, the same for every user)."""
    from explorer.network.data import load_digits
    return load_digits()


@st.cache_resource(show_spinner=False)
def _example_images() -> tuple[tuple[str, tuple[np.ndarray, ...]], ...]:
    return tuple((c.name, tuple(_read_only(i) for i in c.images)) for c in archive.example_set().classes)


def example_set() -> classes.ImageSet:
    """A fresh copy of the bundled example set for one session: its own classes and lists (edits stay in the
    session), the decoded pixels shared read-only (nothing changes an image in place)."""
    return classes.ImageSet([classes.ImageClass(name, list(images)) for name, images in _example_images()])


@st.cache_resource(max_entries=2 * CLASS_SIZE, ttl="1h", show_spinner=False)
def _filtered(image_key: str, _image: np.ndarray, kernel_list: tuple[np.ndarray, ...],
              combine: str | None, conv_args: tuple) -> tuple[np.ndarray, bool]:
    before = ops.fallbacks()
    out = ops.apply_kernels(_image, list(kernel_list), combine, **dict(conv_args))
    return _read_only(out), ops.fallbacks() > before


def filtered(image_key: str, image: np.ndarray, kernel_list, combine: str | None, **conv_args) -> np.ndarray:
    """``ops.apply_kernels`` cached on (image key, kernels, parameters); warns on GPU fallback."""
    out, fell_back = _filtered(image_key, image, tuple(kernel_list), combine, tuple(sorted(conv_args.items())))
    if fell_back:
        st.warning(tr("warn.gpu_oom"), icon=":material/memory:")
    return out


@st.cache_data(max_entries=4, ttl="1h", show_spinner=False)
def full_resolution_png(digest: str, _pixels: np.ndarray, grey: bool, kernel_list: tuple[np.ndarray, ...],
                        combine: str | None, conv_args: tuple, display_mode: str) -> bytes:
    """The full-resolution result as PNG bytes, computed once per setting."""
    pixels = imaging.to_float(_pixels)
    image = imaging.to_grey(pixels) if grey else pixels
    out = ops.apply_kernels(image, list(kernel_list), combine, **dict(conv_args))
    return imaging.to_png(display.to_display(out, display_mode))


def device_images() -> ops.DeviceImages:
    """This session's images kept on the GPU between reruns (:class:`explorer.device.DeviceImages`); they go
    with the session's state, so no other session ever reads them."""
    return st.session_state.setdefault(shared.DEVICE_IMAGES, ops.DeviceImages())


@st.cache_resource(max_entries=1024, ttl="1h", show_spinner=False)
def matrix_figure(values: np.ndarray, presenting: bool, options: tuple):
    """``heatmaps.matrix_figure(values, **dict(options))``, with the projector's larger text when ``presenting``,
    built once and shared: Plotly checks every property it is given, and the small matrices of Transposed &
    Dilated took 38 % of that page's server time. Nobody changes it: Streamlit sends a copy (``to_dict``)."""
    figure = heatmaps.matrix_figure(values, **dict(options))
    if presenting:
        figure.update_layout(font=PROJECTOR_FONT)
    return figure


def settings_key(*parts) -> str:
    """A short stable key for a combination of settings (arrays included)."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.tobytes() if isinstance(part, np.ndarray) else repr(part).encode())
    return digest.hexdigest()[:16]


@st.cache_resource(show_spinner=False)
def class_store() -> classroom.Store:
    """The process's class store (``CNN_EXPLORER_DB_URL``, or the embedded SQLite file): one connection pool for
    every session; what is in it is each class's, read with its code or its teacher's key."""
    return classroom.open_store()


@st.cache_resource(show_spinner=False)
def janitor() -> Janitor:
    """The process's janitor (:mod:`explorer.ui.janitor`): once nobody has run a page for ``IDLE_S``, the caches
    of students' pictures and results above are cleared and the memory handed back; the bundled data stays.
    Sessions whose students have gone end at every look (``IDLE_S / 4``)."""
    return Janitor([preview_of.clear, compare_image.clear, feature_map.clear, half_of.clear, _filtered.clear,
                    full_resolution_png.clear, matrix_figure.clear], IDLE_S, sweeps=[end_expired_sessions])
