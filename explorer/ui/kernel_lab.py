"""Kernel Lab's panels: controls, the input and output pictures, formula and kernel, the pixel inspector, downloads."""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass

import numpy as np
import streamlit as st
from streamlit_image_coordinates import streamlit_image_coordinates

from explorer import display, geometry, imaging, kernels, ops, reference
from explorer.lessons import inspector, snippets
from explorer.numtext import format_number
from explorer.ui import caches, picker, widgets
from explorer.ui.shell import show_error, stop, tr
from explorer.ui.source import CurrentImage
from explorer.ui.state import kernel_lab as state
from explorer.views import tables

# what zero padding does to the border, by kernels.zero_border_effect
CLOSE_UP = 32       # pixels on each side of the close-up under the input
ZERO_BORDER_NOTES = {"darker": "kl.zeros_border", "edge": "kl.zeros_border_edge", "other": "kl.zeros_border_other"}


@dataclass(frozen=True)
class Settings:
    """Everything the controls chose."""
    choice: picker.KernelChoice
    conv_args: dict
    grey: bool
    display_mode: str


@dataclass(frozen=True)
class Result:
    """The output and what it was computed from."""
    work: np.ndarray            # the image computed on (a preview above a megapixel)
    work_key: str
    is_preview: bool
    output: np.ndarray
    mode: str                   # the resolved display mode
    picture: np.ndarray         # the output as a picture (read-only, shared)
    key: str                    # names the output and its display mode (what the picture shows)

    @property
    def out_size(self) -> tuple[int, int]:
        return self.output.shape[1], self.output.shape[0]


def controls() -> Settings:
    """The kernel tab (preset or typed) and the parameters tab."""
    kernel_tab, params_tab = st.tabs([tr("kl.tab_kernel"), tr("kl.tab_params")])
    with kernel_tab:
        choice = picker.kernel_picker()
        with st.expander(tr("kl.flip_title"), icon=":material/flip:"):
            st.markdown(tr("kl.flip_lesson"))
            kernel = choice.kernels[0]
            widgets.matrices([(kernel, tr("kl.flip_kernel"), False),
                              (kernels.flip(kernel), tr("kl.flip_flipped"), False)], max_text_side=5)
    with params_tab:
        conv_args = picker.conv_controls()
        grey = widgets.toggle(tr("kl.grey"), state.GREY, state.DEFAULTS[state.GREY], help=tr("kl.grey_help"))
        mode = widgets.choice(tr("kl.display"), display.DISPLAY_MODES, state.DISPLAY, state.DEFAULTS[state.DISPLAY],
                              prefix="display")
    return Settings(choice, conv_args, grey, mode)


def compute(image: CurrentImage, settings: Settings, shown_in, shown_out) -> Result:
    """The filtered preview (cached); on bad settings, the input and a message, then the page stops."""
    work = caches.preview_of(image.digest, image.pixels, settings.grey)
    work_key = f"{image.digest}:{'grey' if settings.grey else 'rgb'}:{work.shape[0]}x{work.shape[1]}"
    choice = settings.choice
    try:
        output = caches.filtered(work_key, work, choice.kernels, choice.combine, **settings.conv_args)
    except ops.ParamError as err:
        shown_in.image(work, width="stretch", clamp=True, alt=tr("kl.input_alt"))
        show_error(err, where=shown_out)
        stop()
    mode = display.resolve_display_mode(settings.display_mode, output, choice.total)
    key = caches.settings_key(work_key, *choice.kernels, choice.combine, sorted(settings.conv_args.items()), mode)
    return Result(work, work_key, work.shape[:2] != image.pixels.shape[:2], output, mode,
                  caches.as_picture(key, output, mode), key)


def _position(result: Result) -> tuple[int, int]:
    """The inspected pixel: clicked or typed; a new image starts in its centre."""
    out_w, out_h = result.out_size
    if st.session_state.get(state.POSITION_FOR) != result.work_key:
        st.session_state[state.POSITION_FOR] = result.work_key
        st.session_state[state.X], st.session_state[state.Y] = out_w // 2, out_h // 2
    st.session_state[state.X] = min(st.session_state[state.X], out_w - 1)
    st.session_state[state.Y] = min(st.session_state[state.Y], out_h - 1)
    return st.session_state[state.X], st.session_state[state.Y]


def pictures(image: CurrentImage, settings: Settings, result: Result, shown_in, shown_out) -> None:
    """Input with the inspected window outlined; output with the pixel marked, click to inspect another."""
    x, y = _position(result)
    args = settings.conv_args
    pads = ops.resolve_padding(args["padding"], settings.choice.kernels[0].shape, stride=args["stride"],
                               dilation=args["dilation"])
    top, left, bottom, right = geometry.window_box(y, x, settings.choice.kernels[0].shape, stride=args["stride"],
                                                   dilation=args["dilation"], pads=pads)
    with shown_in:
        # a photo: JPEG is 5–10× smaller than PNG
        note = tr("kl.preview_of", w=image.pixels.shape[1], h=image.pixels.shape[0]) if result.is_preview else ""
        widgets.picture(lambda: display.mark(display.to_uint8(result.work), left, top, right, bottom),
                        tr("kl.input_caption", w=result.work.shape[1], h=result.work.shape[0],
                           kind=tr("kl.grey_word" if settings.grey else "kl.rgb_word")) + note,
                        content=f"{result.work_key}:{left},{top},{right},{bottom}", width="stretch",
                        output_format="JPEG")
        _close_up(result, x, y, (top, left, bottom, right))
    with shown_out:
        marked = caches.encoded(f"{result.key}:{x},{y}", lambda: display.mark(result.picture, x, y, x, y), "JPEG",
                                92)
        click = streamlit_image_coordinates(widgets.Encoded(marked), key=state.CLICK, width="stretch",
                                            image_format="JPEG", cursor="crosshair")
        st.caption(tr("kl.output_caption", w=result.out_size[0], h=result.out_size[1],
                      mode=tr(f"display.{result.mode}"), label=settings.choice.label))
        effect = kernels.zero_border_effect(settings.choice.kernels) if args["padding_mode"] == "zeros" \
            and any(pads) else "none"
        if effect != "none":
            st.caption(tr(ZERO_BORDER_NOTES[effect]))
        if result.mode == "diverging":
            st.caption(tr("fig.scale_note", scale=format_number(round(display.robust_scale(result.output), 4)),
                          percentile=display.ROBUST_PERCENTILE))
    if click and click.get("unix_time") != st.session_state.get(state.LAST_CLICK):
        st.session_state[state.LAST_CLICK] = click.get("unix_time")
        st.session_state[state.X], st.session_state[state.Y] = inspector.pixel_at(
            click["x"], click["y"], (click["width"], click["height"]), result.out_size)
        st.rerun()


def _close_up(result: Result, x: int, y: int, box: tuple[int, int, int, int]) -> None:
    """The inspected pixel's neighbourhood, input and output side by side, enlarged until single pixels show:
    at the pictures' size a blur looked like nothing, and a click on the output gave no visible answer."""
    top, left, bottom, right = box
    factor = 256 // CLOSE_UP
    centre = ((top + bottom) // 2, (left + right) // 2)
    st.markdown(f"**{tr('kl.close_up', x=x, y=y)}**")
    shown = st.columns(2, gap="small")
    widgets.picture(lambda: display.zoom_box(display.to_uint8(result.work), centre, CLOSE_UP, box, factor),
                    tr("kl.close_in"), where=shown[0], content=f"{result.work_key}:close:{centre}:{box}",
                    width="stretch")
    widgets.picture(lambda: display.zoom_box(result.picture, (y, x), CLOSE_UP, (y, x, y, x), factor),
                    tr("kl.close_out"), where=shown[1], content=f"{result.key}:close:{(y, x)}", width="stretch")
    value = result.output[y, x]
    text = ", ".join(format_number(round(float(v), 4)) for v in np.atleast_1d(value))
    st.markdown(tr("kl.close_value", x=x, y=y, value=text))


def summary(image: CurrentImage, settings: Settings, result: Result) -> None:
    """The output-size formula (preview and full size), the kernel, the histogram of outputs."""
    choice, args = settings.choice, settings.conv_args
    kh, kw = choice.kernels[0].shape
    pads = ops.resolve_padding(args["padding"], (kh, kw), stride=args["stride"], dilation=args["dilation"])
    left, middle, right = st.columns([1.2, 1, 1], gap="medium")
    with left:
        st.subheader(tr("kl.formula"))
        widgets.formula_box(geometry.formulas(result.work.shape, (kh, kw), pads, args["stride"], args["dilation"]))
        if result.is_preview:
            st.caption(tr("kl.formula_full"))
            widgets.formula_box(geometry.formulas(image.pixels.shape, (kh, kw), pads, args["stride"],
                                                  args["dilation"]))
        st.caption(tr("kl.formula_note"))
        if not any(pads) and max(kh, kw) > 1:
            sizes = geometry.shrinking(min(result.work.shape[:2]), max(kh, kw), args["stride"], args["dilation"])
            shown = sizes if len(sizes) <= 6 else sizes[:3] + ["…"] + sizes[-2:]
            st.caption(tr("kl.shrinking", chain=" → ".join(str(v) for v in shown), n=len(sizes) - 1))
    with middle:
        st.subheader(tr("kl.kernel"))
        names = [f"k{i + 1}" for i in range(len(choice.kernels))] if len(choice.kernels) > 1 else [""]
        # a column is narrow: numbers up to 5×5 here, up to 9×9 in the inspector's full-width row below
        widgets.matrices([(k, name, False) for k, name in zip(choice.kernels, names)], max_text_side=5)
        if choice.combine == "magnitude":
            st.caption(tr("kl.magnitude_note"))
        if max(kh, kw) > 5:
            st.caption(tr("kl.numbers_below" if max(kh, kw) <= tables.MATRIX_TEXT_SIDE else "kl.hover_values"))
    with right:
        st.subheader(tr("kl.histogram"))
        _histogram(result.output, result.key)


def _histogram(output: np.ndarray, key: str) -> None:
    """The histogram of the finite outputs (``key`` names them), and how many are not finite (huge typed numbers
    overflow float32)."""
    lo, hi = float(output.min()), float(output.max())
    if not np.isfinite(lo + hi):        # NaN and ±inf reach the min or the max: only then are they counted
        finite = output[np.isfinite(output)]
        inf, nan = int(np.isinf(output).sum()), int(np.isnan(output).sum())
        st.warning(tr("kl.nonfinite" if inf and nan else "kl.nonfinite_inf" if inf else "kl.nonfinite_nan",
                      inf=inf, nan=nan),
                   icon=":material/warning:")
        if not finite.size:
            return
        lo, hi = float(finite.min()), float(finite.max())
    widgets.shared_chart(caches.histogram(key, output, tr("kl.histogram_count")), state.HISTOGRAM)
    st.caption(tr("kl.histogram_note", lo=format_number(lo), hi=format_number(hi)))


def inspector_panel(settings: Settings, result: Result) -> None:
    """The window, kernel and products of the inspected pixel, their sums, and whether they match the output."""
    st.subheader(tr("kl.inspect"), anchor="inspect")
    st.caption(tr("kl.inspect_help"))
    out_w, out_h = result.out_size
    c1, c2, c3 = st.columns([1, 1, 2])
    c1.number_input(tr("kl.x"), 0, out_w - 1, key=state.X, persist_state="session")
    c2.number_input(tr("kl.y"), 0, out_h - 1, key=state.Y, persist_state="session")
    channel = 0
    if result.output.ndim == 3:
        channel = widgets.choice(tr("kl.channel"), [0, 1, 2], state.CHANNEL, state.DEFAULTS[state.CHANNEL],
                                 kind="segmented", format_func=lambda c: "RGB"[c], where=c3)
    x, y = st.session_state[state.X], st.session_state[state.Y]
    plane = result.work if result.work.ndim == 2 else result.work[..., channel]
    shown = result.output[y, x] if result.output.ndim == 2 else result.output[y, x, channel]
    choice, args = settings.choice, settings.conv_args
    found = inspector.inspect_pixel(plane, choice.kernels, choice.combine, x, y, float(shown), **args)
    for window, kernel, products, text in zip(found.windows, choice.kernels, found.products, found.texts):
        widgets.matrices([(window, tr("kl.window"), True), (kernel, tr("kl.kernel"), False),
                          (products, tr("kl.products"), False)])
        st.code(text, language=None, wrap_lines=True)
    if found.combined_text:
        st.code(found.combined_text, language=None)
    verdict = "kl.agrees" if found.agrees else "kl.overflow" if found.overflow else "kl.disagrees"
    {"kl.agrees": st.success, "kl.overflow": st.warning, "kl.disagrees": st.error}[verdict](tr(
        verdict, x=x, y=y, value=f"{found.shown:.6g}", computed=f"{found.combined:.6g}"))


def pixel_lesson(image: CurrentImage, settings: Settings, result: Result) -> None:
    """What the inspected pixel's numbers are (RGB, luma), and the same kernel at half the resolution."""
    box = st.expander(tr("kl.pixel_title"), icon=":material/grid_4x4:", key=state.PIXEL_OPEN, on_change="rerun")
    if not box.open:            # its pictures and the half-resolution filter are made only while it is open
        return
    with box:
        st.markdown(tr("kl.pixel_lesson"))
        x, y = st.session_state[state.X], st.session_state[state.Y]
        args = settings.conv_args
        pads = ops.resolve_padding(args["padding"], settings.choice.kernels[0].shape, stride=args["stride"],
                                   dilation=args["dilation"])
        top, left, bottom, right = geometry.window_box(y, x, settings.choice.kernels[0].shape,
                                                       stride=args["stride"], dilation=args["dilation"], pads=pads)
        # the input pixel at the centre of the window (with 'same' padding: the output pixel's own place)
        py = min(max((top + bottom) // 2, 0), result.work.shape[0] - 1)
        px = min(max((left + right) // 2, 0), result.work.shape[1] - 1)
        value = result.work[py, px]
        if result.work.ndim == 3:
            r, g, b = (float(v) for v in value)
            st.markdown(tr("kl.pixel_rgb", x=px, y=py, r=f"{r:.3f}", g=f"{g:.3f}", b=f"{b:.3f}", r8=round(r * 255),
                           g8=round(g * 255), b8=round(b * 255), luma=f"{float(display.LUMA @ value):.3f}"))
        else:
            st.markdown(tr("kl.pixel_grey", x=px, y=py, v=f"{float(value):.3f}", v8=round(float(value) * 255)))
        k = settings.choice.kernels[0].shape[0]
        st.markdown(tr("kl.resolution", k=k))
        half = caches.half_of(result.work_key, result.work)
        choice = settings.choice
        try:
            coarse = caches.filtered(f"{result.work_key}:half", half, choice.kernels, choice.combine, **args)
        except ops.ParamError as err:
            show_error(err)
            return
        full_col, half_col = st.columns(2)
        widgets.picture(result.picture, tr("kl.resolution_full", w=result.out_size[0], h=result.out_size[1]),
                        where=full_col, content=result.key, width="stretch")
        widgets.picture(lambda: display.to_display(coarse, result.mode),
                        tr("kl.resolution_half", w=coarse.shape[1], h=coarse.shape[0]), where=half_col,
                        content=f"{result.key}:half", width="stretch")


def downloads(image: CurrentImage, settings: Settings, result: Result) -> None:
    """The result as PNG (full resolution on request above a megapixel) and the kernel as JSON."""
    st.subheader(tr("kl.download"))
    choice, args = settings.choice, settings.conv_args
    full_key = caches.settings_key(result.work_key, *choice.kernels, choice.combine, sorted(args.items()), result.mode)
    d1, d2 = st.columns(2)
    with d1:
        if not result.is_preview:
            # encoded when clicked, not on every rerun (a PNG of a megapixel took 0.1 s)
            st.download_button(tr("kl.download_png"), lambda: imaging.to_png(result.picture),
                               file_name="kernel_lab.png", mime="image/png", icon=":material/download:",
                               on_click="ignore")
        elif st.button(tr("kl.full_res", w=image.pixels.shape[1], h=image.pixels.shape[0]),
                       icon=":material/high_quality:") or st.session_state.get(state.FULL_READY) == full_key:
            with st.spinner(tr("kl.full_res_wait")):
                try:
                    png = caches.full_resolution_png(image.digest, image.pixels, settings.grey, choice.kernels,
                                                     choice.combine, tuple(sorted(args.items())), result.mode)
                except ops.ParamError as err:
                    show_error(err)
                    png = None
            if png is not None:
                st.session_state[state.FULL_READY] = full_key
                st.download_button(tr("kl.download_png"), png, file_name="kernel_lab.png", mime="image/png",
                                   icon=":material/download:")
    d2.download_button(tr("kl.download_json"), picker.kernel_json(choice), file_name="kernel.json",
                       mime="application/json", icon=":material/data_object:")


@functools.cache
def _loop_source() -> str:
    return inspect.getsource(reference.conv2d)


def code(settings: Settings, result: Result) -> None:
    """The PyTorch code for these settings, and the loop version it agrees with."""
    box = st.expander(tr("kl.code"), icon=":material/code:", key=state.CODE_OPEN, on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(tr("kl.code_torch"))
        st.code(snippets.kernel_lab(settings.choice.kernels, settings.choice.combine, settings.conv_args,
                                    result.work.shape), language="python", wrap_lines=True)
        st.caption(tr("kl.code_loop"))
        st.code(_loop_source(), language="python")
