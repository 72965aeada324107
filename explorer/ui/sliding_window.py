"""Sliding Window's panels: the input grid, the mode and kernel, the parameters, the animation, the GIF and code.

Its ``sw.*`` session keys (``state.sliding_window``) belong to this module: another page opens the
Sliding Window with its own settings through :func:`open_with`.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer.geometry import ParamError
from explorer.lessons import sliding, snippets
from explorer.numtext import format_number
from explorer.ui import caches, picker, widgets
from explorer.ui.shell import lang, show_error, stop, tr
from explorer.ui.sidebar import figure_and_controls
from explorer.ui.source import current_image, region_sliders
from explorer.ui.state import shared
from explorer.ui.state import sliding_window as state
from explorer.ui.timeline import timeline
from explorer.views import gif
from explorer.views.sliding import LABELS

PAGE = "../pages/sliding_window.py"


def _load_example() -> None:
    """The notes' worked example: typed in, kernel 1…9 typed in, padding 1 with zeros, cross-correlation."""
    widgets.load_into_editor(state.PREFIX, sliding.EXAMPLE_GRID)
    widgets.load_into_editor(shared.KERNEL_EDITOR, sliding.EXAMPLE_KERNEL)
    st.session_state.update({state.SOURCE: "type", shared.KERNEL_SOURCE: "custom", state.MODE: "correlation",
                             state.PADDING: sliding.EXAMPLE_PADDING, shared.PADDING_MODE: "zeros", state.STRIDE: 1,
                             state.DILATION: 1})
    st.session_state.pop(shared.per_language(state.MODE, lang()), None)
    st.session_state.pop(shared.per_language(shared.PADDING_MODE, lang()), None)


def is_example(grid: np.ndarray, mode: str, kernel: np.ndarray, params: dict) -> bool:
    """Whether the page shows exactly the notes' worked example."""
    return (mode == "correlation" and grid.shape == sliding.EXAMPLE_GRID.shape
            and np.array_equal(grid, sliding.EXAMPLE_GRID) and kernel.shape == sliding.EXAMPLE_KERNEL.shape
            and np.array_equal(kernel, sliding.EXAMPLE_KERNEL) and params["padding"] == sliding.EXAMPLE_PADDING
            and params["padding_mode"] == "zeros" and params["stride"] == 1 and params["dilation"] == 1)


def example_panel(run: sliding.Run) -> None:
    """What the worked example gives, computed: the first row and the centre."""
    first = ", ".join(format_number(v) for v in run.output[0])
    centre = format_number(run.output[run.output.shape[0] // 2, run.output.shape[1] // 2])
    st.info(tr("sw.example_result", row=first, centre=centre), icon=":material/menu_book:")


def layout():
    """``(figure area, controls area)``: on a projector the figure comes first and the controls fold away."""
    return figure_and_controls(tr("sw.settings_title"))


def open_grid(grid: np.ndarray, kernel: np.ndarray | None, *, mode: str, pool: int, padding: int,
              stride: int) -> None:
    """Switch to the Sliding Window with this grid (and kernel) typed in and these settings (a question's "show
    me"): zero padding, no dilation."""
    widgets.load_into_editor(state.PREFIX, np.asarray(grid, dtype=np.float32))
    if kernel is not None:
        widgets.load_into_editor(shared.KERNEL_EDITOR, np.asarray(kernel, dtype=np.float32))
    st.session_state.update({state.SOURCE: "type", state.POOL: pool, state.PADDING: padding, state.STRIDE: stride,
                             state.DILATION: 1, shared.KERNEL_SOURCE: "custom" if kernel is not None else
                             st.session_state.get(shared.KERNEL_SOURCE, shared.DEFAULTS[shared.KERNEL_SOURCE])})
    widgets.set_choice(state.MODE, mode)
    widgets.set_choice(shared.PADDING_MODE, "zeros")
    st.switch_page(PAGE, query_params={})


def input_panel() -> np.ndarray:
    """A generated grid, a typed one, or a crop of the photo; stops with a message on a bad typed cell."""
    st.subheader(tr("sw.input"))
    st.button(tr("sw.example"), on_click=_load_example, icon=":material/menu_book:", help=tr("sw.example_help"))
    defaults = state.DEFAULTS
    source = widgets.choice(tr("sw.source"), ["generate", "type", "image"], state.SOURCE, defaults[state.SOURCE],
                            kind="segmented", prefix="sw.source")
    if source != "type":
        r, c = st.columns(2)
        rows = widgets.slider(tr("kernel.rows"), sliding.MIN_SIDE, sliding.MAX_SIDE, state.ROWS,
                              defaults[state.ROWS], where=r)
        cols = widgets.slider(tr("kernel.cols"), sliding.MIN_SIDE, sliding.MAX_SIDE, state.COLS,
                              defaults[state.COLS], where=c)
    if source == "generate":
        kind = widgets.choice(tr("sw.kind"), sliding.GENERATORS, state.KIND, defaults[state.KIND], prefix="sw.kind")
        seed = widgets.number(tr("sw.seed"), 0, 9999, state.SEED, defaults[state.SEED], disabled=kind != "random")
        return sliding.generate_grid(kind, rows, cols, seed)
    if source == "image":
        box = region_sliders()
        scale = widgets.choice(tr("sw.scale"), [255, 1], state.SCALE, defaults[state.SCALE], kind="segmented",
                               prefix="sw.scale")
        return sliding.crop_grid(current_image().pixels, box, rows, cols, scale)
    kind, rows, cols, seed = (st.session_state.get(key, defaults[key])
                              for key in (state.KIND, state.ROWS, state.COLS, state.SEED))
    start = sliding.generate_grid(kind, rows, cols, seed)
    grid = widgets.grid_editor(state.PREFIX, start, sliding.parse_grid, sliding.MIN_SIDE, sliding.MAX_SIDE,
                               tr("sw.reset"), tr("sw.reset_help"))
    if grid is None:
        stop()
    return grid


def kernel_panel() -> tuple[str, np.ndarray]:
    """The mode and its kernel (Kernel Lab's choice) or pooling window."""
    st.subheader(tr("sw.mode_and_kernel"))
    mode = widgets.choice(tr("sw.mode"), sliding.MODES, state.MODE, state.DEFAULTS[state.MODE], prefix="sw.mode")
    st.caption(tr(f"sw.mode.{mode}.desc"))
    if mode in ("max_pool", "avg_pool"):
        size = widgets.slider(tr("sw.pool"), 1, 4, state.POOL, state.DEFAULTS[state.POOL])
        return mode, np.ones((size, size), np.float32)
    choice = picker.kernel_picker(switches=False)
    if len(choice.kernels) > 1:
        st.info(tr("sw.first_kernel"), icon=":material/info:")
    return mode, choice.kernels[0]


def params_panel(mode: str) -> dict:
    """Padding, its mode (convolutions only), stride and dilation (not for pooling)."""
    st.subheader(tr("sw.params"))
    defaults = state.DEFAULTS
    padding = widgets.number(tr("conv.padding"), 0, 4, state.PADDING, defaults[state.PADDING],
                             help=tr("sw.padding_help"))
    padding_mode = picker.padding_mode() if mode in ("correlation", "convolution") else "zeros"
    stride = widgets.number(tr("conv.stride"), 1, 4, state.STRIDE, defaults[state.STRIDE])
    pooled = mode in ("max_pool", "avg_pool")
    dilation = 1 if pooled else widgets.number(tr("conv.dilation"), 1, 3, state.DILATION, defaults[state.DILATION],
                                               help=tr("conv.dilation_help"))
    return {"padding": padding, "padding_mode": padding_mode, "stride": stride, "dilation": dilation}


def run_of(grid: np.ndarray, mode: str, kernel: np.ndarray, params: dict) -> sliding.Run:
    """Every step of the run; stops with a message when the settings cannot work."""
    try:
        return caches.sliding_run(grid, kernel, mode, pool_size=kernel.shape[0], **params)
    except (sliding.GridError, ParamError) as err:
        show_error(err)
        stop()


def figure_labels(mode: str) -> dict[str, str]:
    """The figure's and the GIF's words in the user's language (the kernel panel is named after the mode)."""
    shown = {key: tr(f"sw.fig.{key}") for key in (*LABELS, "step")}
    if mode == "convolution":
        shown["kernel"] = tr("sw.fig.flipped")
    elif mode in ("max_pool", "avg_pool"):
        shown["kernel"] = tr("sw.fig.window")
    return shown


def animation_panel(run: sliding.Run, settings: str) -> None:
    """The figure, its one timeline (slider, step buttons and ← → keys, play) and the step's arithmetic."""
    timeline(run, figure_labels(run.mode), state.PREFIX, settings=settings, predict=run.mode != "transposed")


def formula_panel(run: sliding.Run) -> None:
    """The output-size formula and whether every step matches ``explorer.ops``."""
    st.subheader(tr("kl.formula"))
    widgets.formula_box(run.formulas)
    matches = run.agrees_with_output()
    if not matches and run.overflows():
        st.warning(tr("sw.overflow"), icon=":material/warning:")
    else:
        (st.success if matches else st.error)(tr("sw.matches" if matches else "sw.mismatch"))


def export_panel(run: sliding.Run, settings: str, params: dict) -> None:
    """An animated GIF on request (with a progress bar) and the PyTorch code."""
    st.subheader(tr("sw.export"))
    if st.button(tr("sw.make_gif"), icon=":material/gif_box:"):
        bar = st.progress(0.0, text=tr("sw.gif_wait"))
        st.session_state[state.GIF] = (settings, gif.render_gif(run, figure_labels(run.mode), progress=bar.progress))
        bar.empty()
    made = st.session_state.get(state.GIF)
    if made and made[0] == settings:
        st.download_button(tr("sw.download_gif"), made[1], file_name="sliding_window.gif", mime="image/gif",
                           icon=":material/download:")
    with st.expander(tr("sw.code"), icon=":material/code:"):
        st.code(snippets.sliding_window(run, params["padding"], params["padding_mode"]), language="python",
                wrap_lines=True)


def settings_of(grid: np.ndarray, mode: str, kernel: np.ndarray, params: dict) -> str:
    """A key for this run's settings: a new one starts the animation at step 1."""
    return caches.settings_key(grid, kernel, mode, sorted(params.items()))


def open_with(*, mode: str, pool: int, stride: int, padding: int, from_photo: bool, side: int) -> None:
    """Switch to the Sliding Window showing ``mode`` with these settings (another page's "watch it slide")."""
    st.session_state.update({state.MODE: mode, state.POOL: pool, state.STRIDE: stride, state.PADDING: padding,
                             state.SOURCE: "image" if from_photo else "generate", state.ROWS: side, state.COLS: side})
    st.switch_page(PAGE, query_params={})   # None would clear bound parameters: an error

