"""Cached computations, shared safely between sessions: read-only arrays keyed by what they were made from.

Arrays are cached with ``st.cache_resource``, not ``st.cache_data``:
cache_data pickles every result it stores and unpickles a copy on every hit
(8 MB for a 960-px colour preview, on every rerun of every student). The
arrays are returned read-only instead, so no page can change what another
session will be given; figures are shared finished (``views.frozen``) and
nobody changes them. Sized for a class: each of forty students' images and
recent results stay cached for an hour at most.

Everything here is a pure function of its arguments, kept under a key that is
what it was made from: an image's digest, a network's ``weights.fingerprint``
(its layers and every weight), a grid's bytes. A student's photo or trained
network is therefore only ever found again by a session that has the very same
photo or weights; a class on the same sample and untrained network shares the
work. Nothing is looked up by a session's name or a student's choice alone.
"""
from __future__ import annotations

import hashlib
from types import MappingProxyType

import numpy as np
import streamlit as st

from explorer import classroom, display, imaging, kernels, limits, ops
from explorer.lessons import sliding
from explorer.network import anatomy, archive, classes, layers, overview, slots, why
from explorer.ui.janitor import Janitor, end_expired_sessions
from explorer.ui.shell import PROJECTOR_FONT, labels, presenting, tr
from explorer.ui.state import shared
from explorer.views import charts, heatmaps
from explorer.views.frozen import freeze
from explorer.views.overview import overview_figure
from explorer.views.sliding import sliding_figure

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
    if grey:                # the colour preview in grey (a photo is converted and scaled down once)
        return _read_only(imaging.to_grey(preview_of(digest, _pixels, False)))
    h, w = _pixels.shape[:2]
    pixels = imaging.to_float(_pixels)
    return _read_only(pixels if h * w <= FULL_RES_PIXELS else imaging.fit_side(pixels, PREVIEW_SIDE), _pixels)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def compare_image(digest: str, _pixels: np.ndarray) -> np.ndarray:
    """The current image at most COMPARE_SIDE on its longest side, for pages that show several panels; above a
    megapixel, from the preview (a 12 MP photo converted to floats and averaged down again cost 40 ms)."""
    h, w = _pixels.shape[:2]
    larger = imaging.to_float(_pixels) if h * w <= FULL_RES_PIXELS else preview_of(digest, _pixels, False)
    return _read_only(imaging.fit_side(larger, COMPARE_SIDE), _pixels)


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


@st.cache_resource(max_entries=2 * CLASS_SIZE, ttl="1h", show_spinner=False)
def as_picture(key: str, _values: np.ndarray, mode: str) -> np.ndarray:
    """``display.to_display(_values, mode)``, read-only, made once per result ``key`` and mode (Kernel Lab drew
    its output anew on every run, for the picture, the close-up and the pixel lesson)."""
    return _read_only(display.to_display(_values, mode), _values)


@st.cache_resource(max_entries=3 * CLASS_SIZE, ttl="1h", show_spinner=False)
def encoded(key: str, _image, image_format: str, quality: int) -> bytes:
    """The picture ``_image`` (``key`` names what it shows; an array as ``st.image`` takes it, or a function
    making one) as bytes, made once: Streamlit encodes an array again on every run (a JPEG of a 960-pixel photo,
    at quality 100, on every rerun of every student). Shared: the same sample and setting give every student the
    same picture. ``image_format``: ``JPEG``, ``PNG`` or ``auto`` (as Streamlit: PNG where there is
    transparency)."""
    picture = _image() if callable(_image) else _image
    picture = picture if picture.dtype == np.uint8 else display.to_uint8(picture)
    if image_format.upper() not in ("JPEG", "JPG", "PNG"):
        image_format = "PNG" if picture.ndim == 3 and picture.shape[2] == 4 else "JPEG"
    return imaging.encode(picture, "PNG" if image_format.upper() == "PNG" else "JPEG", quality)


@st.cache_resource(max_entries=2 * CLASS_SIZE, ttl="1h", show_spinner=False)
def pooled(key: str, _image: np.ndarray, k: int, args: tuple) -> MappingProxyType:
    """``{mode: ops.pool2d(_image, mode, k, **dict(args))}`` for max and average (``key`` names the image),
    read-only, made once per image and window: Pooling pooled the picture twice on every run."""
    return MappingProxyType({mode: _read_only(ops.pool2d(_image, mode, k, **dict(args)), _image)
                             for mode in ops.POOL_MODES})


def histogram(key: str, values: np.ndarray, y_title: str):
    """``views.charts.histogram_figure`` of ``values`` (``key`` names them), made once per values, words and
    screen and shared (Kernel Lab's outputs: a preset chosen again, or by the next student, is not counted
    again)."""
    return _histogram(key, y_title, presenting(), values)


@st.cache_resource(max_entries=2 * CLASS_SIZE, ttl="1h", show_spinner=False)
def _histogram(key: str, y_title: str, projected: bool, _values: np.ndarray):
    return _projected(charts.histogram_figure(_values, y_title=y_title), projected)


def device_images() -> ops.DeviceImages:
    """This session's images kept on the GPU between reruns (:class:`explorer.device.DeviceImages`); they go
    with the session's state, so no other session ever reads them."""
    return st.session_state.setdefault(shared.DEVICE_IMAGES, ops.DeviceImages())


@st.cache_resource(max_entries=1024, ttl="1h", show_spinner=False)
def matrix_figure(values: np.ndarray, presenting: bool, options: tuple):
    """``heatmaps.matrix_figure(values, **dict(options))``, with the projector's larger text when ``presenting``,
    built once and shared: Plotly checks every property it is given, and the small matrices of Transposed &
    Dilated took 38 % of that page's server time. Nobody changes it: Streamlit sends a copy (``to_dict``)."""
    return _projected(heatmaps.matrix_figure(values, **dict(options)), presenting)


@st.cache_resource(max_entries=4 * CLASS_SIZE, ttl="1h", show_spinner=False)
def description(specs: str, input_shape: tuple[int, int, int], classes: int, language: str,
                _specs: list[dict]) -> layers.Description:
    """``layers.describe`` of the layer table ``_specs`` (``specs``: its ``repr``), its layers named in
    ``language``: it builds every layer and runs it on a dummy input (the Network page did that on every run)."""
    return layers.describe(_specs, input_shape, label=labels("net.layer"), classes=classes)


@st.cache_resource(max_entries=4 * CLASS_SIZE, ttl="1h", show_spinner=False)
def big_picture(specs: str, input_shape: tuple[int, int, int], classes: int, language: str,
                _specs: list[dict]) -> anatomy.Anatomy:
    """``anatomy.big_picture`` of the layer table ``_specs`` (``specs``: its ``repr``) for this input: it
    measures the stack once more without its pooling, building those layers."""
    return anatomy.big_picture(_specs, description(specs, input_shape, classes, language, _specs), input_shape)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def why_maps(weights: str, picture: str, target: int, patch: int, stride: int, _model,
             _x) -> MappingProxyType:
    """Saliency, Grad-CAM and occlusion of class ``target`` for the input ``_x`` (``picture``: its
    :func:`settings_key`) through ``_model`` (``weights``: its ``weights.fingerprint``, which covers its layers).
    A class of students opening the Network page on the same untrained network and digit makes them once."""
    maps = {"saliency": why.saliency(_model, _x, target), "gradcam": why.grad_cam(_model, _x, target),
            "occlusion": why.occlusion(_model, _x, target, patch, stride)}
    for heat in maps.values():
        _read_only(heat.values)
    return MappingProxyType(maps)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def network_overview(weights: str, picture: str, names: tuple[str, ...], _model, _x) -> overview.Overview:
    """``network.overview.overview`` of the input ``_x`` (``picture``: its :func:`settings_key`) through
    ``_model`` (``weights``: its fingerprint); ``names`` are the input's, each layer's (from 1) and the output's
    column names. Its activations name the modules of the model that made it: an adopted model is never trained
    again (training builds a fresh one), so they are the same as any other model of this fingerprint."""
    return overview.overview(_model, _x, lambda row: names[row] if 0 < row < len(names) - 1 else None, names[0],
                             names[-1])


@st.cache_resource(max_entries=4 * CLASS_SIZE, ttl="1h", show_spinner=False)
def network_figure(weights: str, picture: str, language: str, words: tuple, selected: tuple[int, int],
                   rows: int, names: tuple[str, ...], _found: overview.Overview):
    """``views.overview.overview_figure`` of ``_found`` (the overview of the input ``picture`` through the model
    ``weights``), its words ``words`` (``(key, text)`` pairs) in ``language``: a PNG of every tile inside a Plotly
    figure, built once per network, input, chosen tile and screen. Nobody changes it (Streamlit sends a copy)."""
    return freeze(overview_figure(_found, dict(words), selected=selected, rows=rows, names=names))


def sliding_run(grid: np.ndarray, kernel: np.ndarray, mode: str, **params) -> sliding.Run:
    """``lessons.sliding.build_run``, made once per input, kernel, mode and settings and shared (a run is made of
    them alone; the grids are at most 16×16): the Sliding Window and a unit's slide rebuilt it on every run.
    Raises what ``build_run`` raises (not kept)."""
    return _sliding_run(settings_key(grid, kernel, mode, sorted(params.items())), grid, kernel, mode,
                        tuple(sorted(params.items())))


@st.cache_resource(max_entries=4 * CLASS_SIZE, ttl="1h", show_spinner=False)
def _sliding_run(key: str, _grid: np.ndarray, _kernel: np.ndarray, mode: str, params: tuple) -> sliding.Run:
    run = sliding.build_run(_grid, _kernel, mode, **dict(params))
    for value in vars(run).values():
        if isinstance(value, np.ndarray):
            _read_only(value)
    return run


def run_figure(run: sliding.Run, labels: dict[str, str], step: int):
    """``views.sliding.sliding_figure`` of step ``step``, built once per run, words and screen and shared (the
    run is named by what it is made of; playing draws each step once for the whole class)."""
    key = settings_key(run.mode, run.padded, run.kernel, run.dilated, run.stride, run.dilation, run.pads,
                       run.output_padding)
    return _run_figure(key, tuple(labels.items()), step, presenting(), run)


@st.cache_resource(max_entries=512, ttl="1h", show_spinner=False)
def _run_figure(key: str, labels: tuple, step: int, projected: bool, _run: sliding.Run):
    return _projected(sliding_figure(_run, dict(labels), step), projected)


def _projected(figure, projected: bool):
    """``figure`` with the projector's larger text when ``projected`` (a shared figure is made for one screen),
    finished (``views.frozen``: Streamlit's copy of it on every run is made once)."""
    if projected:
        figure.update_layout(font=PROJECTOR_FONT)
    return freeze(figure)


def settings_key(*parts) -> str:
    """A short stable key for a combination of settings (arrays included)."""
    digest = hashlib.sha1()
    for part in parts:
        if isinstance(part, np.ndarray):
            digest.update(f"{part.dtype}{part.shape}".encode())
            part = np.ascontiguousarray(part).data
        digest.update(part if isinstance(part, memoryview) else repr(part).encode())
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
                    full_resolution_png.clear, matrix_figure.clear, as_picture.clear, encoded.clear,
                    _histogram.clear, pooled.clear, description.clear, big_picture.clear, network_overview.clear,
                    why_maps.clear, network_figure.clear, _sliding_run.clear, _run_figure.clear],
                   IDLE_S, sweeps=[end_expired_sessions])
