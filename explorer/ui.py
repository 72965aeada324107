"""Streamlit glue shared by every page: language, image source, kernel picker, caches.

The only module besides ``Home.py`` that imports streamlit. Widgets whose
choice should follow the user from page to page use ``persist_state="session"``;
per-user data (the decoded image) lives in ``st.session_state``, never in a
process-wide cache.
"""
from __future__ import annotations

import gc
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from explorer import i18n, imaging, kernels, ops
from explorer.figures import format_number

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
SAMPLES = {
    "cat": "cat.png",
    "coffee": "coffee.png",
    "astronaut": "astronaut.png",
    "camera": "camera.png",
    "shapes": "shapes.png",
    "checkerboard": "checkerboard.png",
}
# (page file stem, icon); titles and blurbs are i18n keys page.<stem>.title / .blurb
PAGES = [("kernel_lab", ":material/blur_on:"), ("sliding_window", ":material/animation:"),
         ("pooling", ":material/grid_view:"), ("transposed_dilated", ":material/open_in_full:"),
         ("channels", ":material/layers:"), ("im2col", ":material/table_view:"), ("network", ":material/hub:")]
PREVIEW_SIDE = 960           # longest side of the interactive preview (panels are ~450 px on a projector)
COMPARE_SIDE = 512           # side-by-side pages: panels are ~300 px wide on a projector
FULL_RES_PIXELS = 1_000_000  # at or below this, the preview is the full-resolution image

# Streamlit runs a full gc.collect() after every script run. Walking the ~300,000 objects of torch, plotly
# and pandas took 0.1 s each time (a third of a Kernel Lab rerun); frozen once at import, they are skipped.
# Sessions' objects are created later and still collected.
gc.freeze()


# ---------------------------------------------------------------- language

def lang() -> str:
    """The language chosen in the sidebar (``en`` until one is chosen)."""
    return st.session_state.get("lang", "en")


def tr(key: str, **params) -> str:
    """``i18n.t`` in the current language."""
    return i18n.t(key, lang(), **params)


def labels(prefix: str):
    """A ``format_func`` showing option ``v`` as the string ``prefix.v``.

    The language is bound now: Streamlit may call a format_func outside the
    script run, where the session's language cannot be read.
    """
    current = lang()
    return lambda value: i18n.t(f"{prefix}.{value}", current)


def select(label: str, options, key: str, prefix: str, *, where=st, **kwargs):
    """A selectbox over ``options`` labelled ``prefix.<option>``; the choice lives in ``st.session_state[key]``.

    The widget's own key includes the language: a selectbox that survives a
    language switch keeps showing its old option text, so a new one is made.
    Keeping the choice under a plain key also carries it across pages.
    """
    widget = f"{key}@{lang()}"
    if widget not in st.session_state:
        st.session_state[widget] = st.session_state[key]
    shown = labels(prefix)
    linked = st.query_params.get(widget)
    if linked is not None and linked not in {shown(option) for option in options}:
        # a selectbox drops a bad linked value only after the run; say so now
        st.session_state.setdefault("_ignored_links", []).append(f"{widget}={linked}")
    st.session_state[key] = where.selectbox(label, options, key=widget, format_func=shown, bind="query-params",
                                            **kwargs)
    return st.session_state[key]


def forget(*keys: str) -> None:
    """Drop session keys (a widget's state included), e.g. to reset an editor to its defaults."""
    for key in keys:
        st.session_state.pop(key, None)


def report_ignored_settings() -> None:
    """A short notice for settings in a shared link that were out of range or unknown (once per run).

    Widgets bound to the URL (``bind="query-params"``) drop values they cannot
    take and keep their defaults; whatever disappeared from the URL during
    this run was such a value. Called at the end of the run, and by
    :func:`show_error`, since a page stops right after showing an error.
    """
    link = st.session_state.pop("_link", None) or {}
    ignored = [f"{key}={value}" for key, value in link.items() if st.query_params.get(key) != value]
    ignored += [item for item in st.session_state.pop("_ignored_links", []) if item not in ignored]
    if ignored:
        st.toast(tr("share.ignored", settings=", ".join(ignored[:4])), icon=":material/link_off:")


def stop() -> None:
    """``st.stop()``, after telling about any unusable link settings (nothing runs after a stop)."""
    report_ignored_settings()
    st.stop()


def show_error(err: i18n.LocalizedError) -> None:
    """An error from the core, in the user's language."""
    report_ignored_settings()
    st.error(err.text(lang()), icon=":material/error:")


def language_switch() -> None:
    """English / 简体中文 switch at the top of the sidebar."""
    st.session_state.setdefault("lang", "en")
    st.sidebar.segmented_control(tr("lang.label"), list(i18n.LANGUAGES), key="lang", required=True,
                                 format_func=i18n.LANGUAGES.get, bind="query-params")
    if lang() != "en":
        # Streamlit draws the uploader's button and limits in English with no setting to change them:
        # replace the button's text and hide the English limits line (the help tooltip states them)
        button = "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"
        st.html(f"<style>{button} {{font-size:0}}"
                f"{button}::after {{content:'{tr('src.upload_button')}';font-size:0.875rem}}"
                "[data-testid='stFileUploaderDropzoneInstructions'] > div > span:last-child {display:none}"
                "</style>")


# Presentation mode: bigger type, black on white, thicker lines; for a washed-out projector
PRESENTATION_CSS = """<style>
html { font-size: 20px; }
[data-testid='stMain'] p, [data-testid='stMain'] li, [data-testid='stMain'] label { color: #000 !important; }
[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p { color: #111 !important; font-size: 0.95rem; }
[data-testid='stMain'] h1 { font-size: 2.6rem; }
[data-testid='stCode'] code { font-size: 1.05rem; color: #000; }
[data-testid='stMetricValue'] { font-size: 2.6rem; }
[data-testid='stImage'] img { outline: 2px solid #000; }
button[role='tab'] p { font-size: 1.1rem; font-weight: 600; }
</style>"""


def presenting() -> bool:
    """Presentation mode, from the sidebar toggle or a link (``present=true``)."""
    if "present" in st.session_state:
        return bool(st.session_state["present"])
    return st.query_params.get("present", "").lower() == "true"


def presentation_switch() -> None:
    """The presentation-mode toggle under the language switch, and its styles when on."""
    st.session_state.setdefault("present", presenting())
    st.sidebar.toggle(tr("present.label"), key="present", help=tr("present.help"), bind="query-params")
    if st.session_state["present"]:
        st.html(PRESENTATION_CSS)


def device_badge() -> None:
    """Where the tensors are computed, at the foot of the sidebar."""
    st.sidebar.caption(tr("device.badge", device=ops.device_label(ops.pick_device())))


# ---------------------------------------------------------------- image source

@dataclass(frozen=True)
class CurrentImage:
    """The image every page works on."""
    pixels: np.ndarray          # (H, W, 3) float32 in [0, 1]
    digest: str                 # identifies the pixels in cache keys
    name: str
    original_size: tuple[int, int]
    frames: int


def _read_sample(name: str) -> bytes:
    return (ASSETS / SAMPLES[name]).read_bytes()


def _decoded(source_id: str, read) -> CurrentImage | i18n.LocalizedError:
    """Decode once per source: reruns and page switches reuse the session's copy."""
    cached = st.session_state.get("_image")
    if cached is not None and cached[0] == source_id:
        return cached[1]
    data = read()
    try:
        decoded = imaging.decode_image(data)
        result = CurrentImage(decoded.pixels, hashlib.sha1(data).hexdigest(), source_id.split(":", 1)[1],
                              decoded.original_size, decoded.frames)
    except imaging.ImageError as err:
        result = err
    st.session_state["_image"] = (source_id, result)
    return result


def image_source() -> CurrentImage:
    """Sidebar: upload (takes precedence), camera snapshot, or a bundled sample."""
    sidebar = st.sidebar
    sidebar.subheader(tr("src.title"))
    upload = sidebar.file_uploader(tr("src.upload"), type=list(imaging.UPLOAD_TYPES), key="upload",
                                   help=tr("src.upload_help", limit=imaging.MAX_UPLOAD_MB))
    st.session_state.setdefault("sample", "cat")
    sample = select(tr("src.sample"), list(SAMPLES), "sample", "sample", where=sidebar)
    snapshot = None
    if sidebar.toggle(tr("src.camera"), key="camera_on"):
        snapshot = sidebar.camera_input(tr("src.camera_take"), key="camera")

    sources = []
    if upload is not None:
        sources.append((f"upload:{upload.name}#{upload.file_id}", upload.getvalue))
    if snapshot is not None:
        sources.append((f"camera:{tr('src.camera_name')}#{snapshot.file_id}", snapshot.getvalue))
    sources.append((f"sample:{sample}", lambda: _read_sample(sample)))

    for source_id, read in sources:
        result = _decoded(source_id, read)
        if isinstance(result, i18n.LocalizedError):
            sidebar.error(tr("src.rejected", why=result.text(lang())), icon=":material/error:")
            continue
        _describe(result, source_id.startswith("sample:"))
        st.session_state["_current"] = result
        return result
    raise RuntimeError("the bundled samples must always decode")


def _describe(image: CurrentImage, is_sample: bool) -> None:
    h, w = image.pixels.shape[:2]
    name = tr(f"sample.{image.name}") if is_sample else image.name.split("#")[0]
    st.sidebar.caption(tr("src.using", name=name, w=w, h=h))
    if max(image.original_size) > max(w, h):
        st.sidebar.info(tr("src.scaled", w0=image.original_size[0], h0=image.original_size[1], w=w, h=h),
                        icon=":material/photo_size_select_large:")
    if image.frames > 1:
        st.sidebar.caption(tr("src.first_frame", n=image.frames))


def current_image() -> CurrentImage:
    """The image chosen in the sidebar (``Home.py`` sets it before each page runs)."""
    return st.session_state["_current"]


# ---------------------------------------------------------------- kernel picker

@dataclass(frozen=True)
class KernelChoice:
    """The kernel(s) in use and how their outputs combine."""
    kernels: tuple[np.ndarray, ...]
    combine: str | None
    label: str
    preset: str | None   # None for a kernel typed by hand

    @property
    def total(self) -> float:
        return float(sum(k.sum() for k in self.kernels))


def _grid_from(kernel: np.ndarray) -> list[list[str]]:
    return [[format_number(float(v)) for v in row] for row in kernel]


def _resize_grid(grid: list[list[str]], rows: int, cols: int) -> list[list[str]]:
    return [[grid[i][j] if i < len(grid) and j < len(grid[i]) else "0" for j in range(cols)]
            for i in range(rows)]


def _preset_params(preset: kernels.Preset) -> dict:
    values = {}
    for p in preset.params:
        key = f"kernel.{preset.name}.{p.name}"
        st.session_state.setdefault(key, int(p.default) if p.integer else float(p.default))
        label = tr(f"param.{p.name}")
        if p.integer:
            values[p.name] = st.slider(label, int(p.minimum), int(p.maximum), step=int(p.step), key=key,
                                       persist_state="session", bind="query-params")
        else:
            values[p.name] = st.slider(label, float(p.minimum), float(p.maximum), step=float(p.step),
                                       key=key, persist_state="session", bind="query-params")
    return values


def _load_into_editor(prefix: str, values: np.ndarray) -> None:
    st.session_state[f"{prefix}.grid"] = _grid_from(values)
    st.session_state[f"{prefix}.rows"], st.session_state[f"{prefix}.cols"] = values.shape
    st.session_state[f"{prefix}.grid_version"] = st.session_state.get(f"{prefix}.grid_version", 0) + 1


def grid_editor(prefix: str, start_from: np.ndarray, parse, low: int, high: int,
                reset_label: str, reset_help: str, resizable: bool = True) -> np.ndarray | None:
    """An editable grid of numbers (``1/9`` allowed) whose size is chosen by two number inputs.

    State lives under ``prefix.*`` so it survives page switches. A bad cell shows
    the parser's message and the last valid grid stays in use (``None`` if none yet).
    With ``resizable=False`` the grid keeps the size of ``start_from``.
    """
    if f"{prefix}.grid" not in st.session_state:
        _load_into_editor(prefix, start_from)
    if resizable:
        c1, c2 = st.columns(2)
        rows = c1.number_input(tr("kernel.rows"), low, high, key=f"{prefix}.rows", persist_state="session",
                               bind="query-params")
        cols = c2.number_input(tr("kernel.cols"), low, high, key=f"{prefix}.cols", persist_state="session",
                               bind="query-params")
    else:
        rows, cols = start_from.shape
    grid = st.session_state[f"{prefix}.grid"]
    if (len(grid), len(grid[0])) != (rows, cols):
        grid = _resize_grid(grid, rows, cols)
        st.session_state[f"{prefix}.grid"] = grid
        st.session_state[f"{prefix}.grid_version"] += 1
    st.button(reset_label, on_click=_load_into_editor, args=(prefix, start_from), help=reset_help,
              icon=":material/content_copy:", key=f"{prefix}.reset")
    frame = pd.DataFrame(grid, columns=[str(j + 1) for j in range(cols)], dtype=object)
    edited = st.data_editor(
        frame, key=f"{prefix}.editor.{st.session_state[f'{prefix}.grid_version']}", hide_index=True,
        num_rows="fixed", width="stretch",
        column_config={c: st.column_config.TextColumn(c, width="small") for c in frame.columns},
    )
    cells = edited.astype(object).where(edited.notna(), None).values.tolist()
    try:
        values = parse(cells)
    except i18n.LocalizedError as err:
        st.error(tr("kernel.invalid", why=err.text(lang())), icon=":material/error:")
        return st.session_state.get(f"{prefix}.valid")
    st.session_state[f"{prefix}.grid"] = [["" if c is None else str(c) for c in row] for row in cells]
    st.session_state[f"{prefix}.valid"] = values
    return values


def kernel_picker(switches: bool = True) -> KernelChoice:
    """Preset or hand-typed kernel, with flip and normalize switches unless ``switches`` is off.

    The choice lives in session keys shared by every page that picks a kernel.
    """
    st.session_state.setdefault("kernel.source", "preset")
    st.session_state.setdefault("kernel.preset", "sobel_magnitude")
    source = st.segmented_control(tr("kernel.source"), ["preset", "custom"], key="kernel.source",
                                  required=True, format_func=labels("kernel.source"),
                                  persist_state="session", bind="query-params")
    name = st.session_state["kernel.preset"]
    if source == "preset":
        name = select(tr("kernel.preset"), list(kernels.PRESETS), "kernel.preset", "preset")
    preset = kernels.get_preset(name)
    params = _preset_params(preset) if source == "preset" else {
        p.name: st.session_state.get(f"kernel.{name}.{p.name}", p.default) for p in preset.params}
    preset_kernels = preset.kernels(**params)
    if source == "preset":
        st.caption(tr(f"preset.{name}.desc"))
        chosen, combine, label = preset_kernels, preset.combine, tr(f"preset.{name}")
    else:
        kernel = grid_editor("kernel", preset_kernels[0], kernels.parse_kernel, 1, kernels.MAX_EDITOR_SIDE,
                             tr("kernel.from_preset"), tr("kernel.from_preset_help"))
        if kernel is None:
            stop()
        chosen, combine, label = (kernel,), None, tr("kernel.custom_label")

    if not switches:
        return KernelChoice(chosen, combine, label, name if source == "preset" else None)
    st.session_state.setdefault("kernel.flip", False)
    st.session_state.setdefault("kernel.normalize", False)
    flip = st.toggle(tr("kernel.flip"), key="kernel.flip", help=tr("kernel.flip_help"),
                     persist_state="session", bind="query-params")
    normalize = st.toggle(tr("kernel.normalize"), key="kernel.normalize",
                          help=tr("kernel.normalize_help"), persist_state="session", bind="query-params")
    if normalize:
        try:
            chosen = tuple(kernels.normalize(k) for k in chosen)
        except kernels.KernelError as err:
            st.info(err.text(lang()), icon=":material/info:")
    if flip:
        chosen = tuple(kernels.flip(k) for k in chosen)
    return KernelChoice(chosen, combine, label, name if source == "preset" else None)


def kernel_json(choice: KernelChoice) -> str:
    """The kernel(s) as JSON for download."""
    return json.dumps({
        "name": choice.preset or "custom",
        "combine": choice.combine,
        "kernels": [k.tolist() for k in choice.kernels],
        "semantics": "cross-correlation, as torch.nn.functional.conv2d",
    }, indent=2)


# ---------------------------------------------------------------- cached computations
#
# Arrays are cached with st.cache_resource, not st.cache_data: cache_data pickles every result it stores and
# unpickles a copy on every hit (8 MB for a 960-px colour preview, on every rerun of every student). The
# arrays are returned read-only instead, so no page can change what another session will be given. Sized for
# a class: each of forty students' images and recent results stay cached for an hour at most.

CLASS_SIZE = 48


def _read_only(array: np.ndarray, source: np.ndarray | None = None) -> np.ndarray:
    """``array`` made read-only; copied first if it is the caller's ``source`` itself (left writable)."""
    if array is source:
        array = array.copy()
    array.flags.writeable = False
    return array


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def preview_of(digest: str, _pixels: np.ndarray, gray: bool) -> np.ndarray:
    """The image the page computes on interactively: at most PREVIEW_SIDE, colour or gray (read-only)."""
    h, w = _pixels.shape[:2]
    image = _pixels if h * w <= FULL_RES_PIXELS else imaging.fit_side(_pixels, PREVIEW_SIDE)
    return _read_only(imaging.to_gray(image) if gray else image, _pixels)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def compare_image(digest: str, _pixels: np.ndarray) -> np.ndarray:
    """The current image at most COMPARE_SIDE on its longest side, for pages that show several panels."""
    return _read_only(imaging.fit_side(_pixels, COMPARE_SIDE), _pixels)


@st.cache_resource(max_entries=CLASS_SIZE, ttl="1h", show_spinner=False)
def feature_map(digest: str, _image: np.ndarray) -> np.ndarray:
    """Sobel gradient magnitude of the gray image: what an edge-detecting first layer would output."""
    edges = kernels.get_preset("sobel_magnitude")
    return _read_only(ops.apply_kernels(imaging.to_gray(_image), edges.kernels(), edges.combine, padding="same",
                                        padding_mode="replicate"))


@st.cache_resource(show_spinner=False)
def digits():
    """The bundled handwritten digits, split once per process (read-only data, the same for every user)."""
    from explorer import lenet
    return lenet.load_digits()


def blocky(values: np.ndarray, target: int = COMPARE_SIDE, display: str = "clip") -> np.ndarray:
    """A small result enlarged by whole pixels towards ``target``, so each pixel shows as a block.

    Float values are mapped with ``display``; a uint8 picture is taken as it is.
    """
    picture = values if values.dtype == np.uint8 else imaging.to_display(values, display)
    return imaging.zoom(picture, max(1, target // max(picture.shape[:2])))


def formula_box(formulas: tuple[str, str]) -> None:
    """Output-size formulas for the height and the width."""
    st.code(f"H: {formulas[0]}\nW: {formulas[1]}", language=None, wrap_lines=True)


@st.cache_resource(max_entries=2 * CLASS_SIZE, ttl="1h", show_spinner=False)
def _filtered(image_key: str, _image: np.ndarray, kernel_list: tuple[np.ndarray, ...],
              combine: str | None, conv_args: tuple) -> tuple[np.ndarray, bool]:
    before = ops.fallbacks()
    out = ops.apply_kernels(_image, list(kernel_list), combine, **dict(conv_args))
    return _read_only(out), ops.fallbacks() > before


def filtered(image_key: str, image: np.ndarray, choice: KernelChoice, **conv_args) -> np.ndarray:
    """``ops.apply_kernels`` cached on (image key, kernels, parameters); warns on GPU fallback."""
    out, fell_back = _filtered(image_key, image, choice.kernels, choice.combine,
                               tuple(sorted(conv_args.items())))
    if fell_back:
        st.warning(tr("warn.gpu_oom"), icon=":material/memory:")
    return out


@st.cache_data(max_entries=4, ttl="1h", show_spinner=False)
def full_resolution_png(digest: str, _pixels: np.ndarray, gray: bool, kernel_list: tuple[np.ndarray, ...],
                        combine: str | None, conv_args: tuple, display: str) -> bytes:
    """The full-resolution result as PNG bytes, computed once per setting."""
    image = imaging.to_gray(_pixels) if gray else _pixels
    out = ops.apply_kernels(image, list(kernel_list), combine, **dict(conv_args))
    return imaging.to_png(imaging.to_display(out, display))


def conv_controls() -> dict:
    """Padding (amount, 'same' or 'valid'), padding mode, stride, dilation -> ``conv2d`` kwargs."""
    defaults = {"conv.padding_kind": "same", "conv.padding": 1, "conv.padding_mode": "reflect",
                "conv.stride": 1, "conv.dilation": 1}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    kind = st.segmented_control(tr("conv.padding_kind"), ["number", "same", "valid"], key="conv.padding_kind",
                                format_func=labels("conv.padding_kind"), help=tr("conv.padding_help"),
                                required=True, persist_state="session", bind="query-params")
    amount = st.number_input(tr("conv.padding"), 0, 64, key="conv.padding", disabled=kind != "number",
                             persist_state="session", bind="query-params")
    mode = select(tr("conv.padding_mode"), ops.PADDING_MODES, "conv.padding_mode", "conv.mode",
                  help=tr("conv.padding_mode_help"))
    c3, c4 = st.columns(2)
    stride = c3.number_input(tr("conv.stride"), 1, 16, key="conv.stride", help=tr("conv.stride_help"),
                             persist_state="session", bind="query-params")
    dilation = c4.number_input(tr("conv.dilation"), 1, 16, key="conv.dilation", help=tr("conv.dilation_help"),
                               persist_state="session", bind="query-params")
    return {"stride": int(stride), "padding": int(amount) if kind == "number" else kind,
            "padding_mode": mode, "dilation": int(dilation)}


def settings_key(*parts) -> str:
    """A short stable key for a combination of settings (arrays included)."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.tobytes() if isinstance(part, np.ndarray) else repr(part).encode())
    return digest.hexdigest()[:16]


def torch_snippet(choice: KernelChoice, conv_args: dict, image_shape: tuple[int, ...]) -> str:
    """Runnable PyTorch code doing what the page does with the current settings."""
    padding, mode = conv_args["padding"], conv_args["padding_mode"]
    channels = 1 if len(image_shape) == 2 else image_shape[2]
    kernels_text = ",\n    ".join(repr(k.round(6).tolist()) for k in choice.kernels)
    lines = [
        "import torch",
        "import torch.nn.functional as F",
        "",
        f"image = torch.rand(1, {channels}, {image_shape[0]}, {image_shape[1]})  # (N, C, H, W): your image here",
        f"kernels = [\n    {kernels_text},\n]",
        "outputs = []",
        "for k in kernels:",
        f"    weight = torch.tensor(k).expand({channels}, 1, {choice.kernels[0].shape[0]}, "
        f"{choice.kernels[0].shape[1]})  # one copy per channel",
    ]
    if mode != "zeros" and padding != "valid":
        lines += [
            f"    conv = torch.nn.Conv2d({channels}, {channels}, weight.shape[2:], stride={conv_args['stride']}, "
            f"padding={padding!r}, dilation={conv_args['dilation']}, groups={channels}, bias=False, "
            f"padding_mode={mode!r})",
            "    conv.weight = torch.nn.Parameter(weight.contiguous(), requires_grad=False)",
            "    outputs.append(conv(image))",
        ]
    else:
        lines.append(f"    outputs.append(F.conv2d(image, weight, stride={conv_args['stride']}, padding={padding!r}, "
                     f"dilation={conv_args['dilation']}, groups={channels}))")
    lines.append("result = outputs[0]" if choice.combine is None else
                 "result = torch.sqrt(sum(o ** 2 for o in outputs))  # gradient magnitude")
    return "\n".join(lines)
