"""Sliding Window: watch the kernel slide, with every multiplication and sum on screen."""
import numpy as np
import streamlit as st

from explorer import animation, figures, ops, sliding, ui
from explorer.ui import tr

st.title(tr("page.sliding_window.title"))
st.markdown(tr("sw.intro"))

source_col, kernel_col, params_col = st.columns(3, gap="medium")
with source_col:
    st.subheader(tr("sw.input"))
    st.session_state.setdefault("sw.source", "generate")
    source = st.segmented_control(tr("sw.source"), ["generate", "type", "image"], key="sw.source", required=True,
                                  format_func=ui.labels("sw.source"), persist_state="session", bind="query-params")
    for key, value in (("sw.rows", 7), ("sw.cols", 7), ("sw.seed", 1), ("sw.kind", "random"),
                       ("sw.x", 0.5), ("sw.y", 0.4), ("sw.size", 0.25), ("sw.scale", 255)):
        st.session_state.setdefault(key, value)
    if source != "type":
        r, c = st.columns(2)
        rows = r.slider(tr("kernel.rows"), sliding.MIN_SIDE, sliding.MAX_SIDE, key="sw.rows", persist_state="session", bind="query-params")
        cols = c.slider(tr("kernel.cols"), sliding.MIN_SIDE, sliding.MAX_SIDE, key="sw.cols", persist_state="session", bind="query-params")
    if source == "generate":
        kind = ui.select(tr("sw.kind"), sliding.GENERATORS, "sw.kind", "sw.kind")
        seed = st.number_input(tr("sw.seed"), 0, 9999, key="sw.seed", disabled=kind != "random",
                               persist_state="session", bind="query-params")
        grid = sliding.generate_grid(kind, rows, cols, seed)
    elif source == "image":
        x = st.slider(tr("sw.x"), 0.0, 1.0, step=0.01, key="sw.x", persist_state="session", bind="query-params")
        y = st.slider(tr("sw.y"), 0.0, 1.0, step=0.01, key="sw.y", persist_state="session", bind="query-params")
        size = st.slider(tr("sw.size"), 0.02, 1.0, step=0.01, key="sw.size", persist_state="session", bind="query-params")
        scale = st.segmented_control(tr("sw.scale"), [255, 1], key="sw.scale", required=True,
                                     format_func=ui.labels("sw.scale"), persist_state="session", bind="query-params")
        grid = sliding.crop_grid(ui.current_image().pixels, (x, y, size), rows, cols, scale)
    else:
        start = sliding.generate_grid(st.session_state["sw.kind"], st.session_state["sw.rows"],
                                      st.session_state["sw.cols"], st.session_state["sw.seed"])
        grid = ui.grid_editor("sw", start, sliding.parse_grid, sliding.MIN_SIDE, sliding.MAX_SIDE,
                              tr("sw.reset"), tr("sw.reset_help"))
        if grid is None:
            ui.stop()

with kernel_col:
    st.subheader(tr("sw.mode_and_kernel"))
    st.session_state.setdefault("sw.mode", "correlation")
    mode = ui.select(tr("sw.mode"), sliding.MODES, "sw.mode", "sw.mode")
    st.caption(tr(f"sw.mode.{mode}.desc"))
    pooled = mode in ("max_pool", "avg_pool")
    if pooled:
        st.session_state.setdefault("sw.pool", 2)
        pool_size = st.slider(tr("sw.pool"), 1, 4, key="sw.pool", persist_state="session", bind="query-params")
        kernel = np.ones((pool_size, pool_size), np.float32)
    else:
        choice = ui.kernel_picker(switches=False)
        kernel = choice.kernels[0]
        if len(choice.kernels) > 1:
            st.info(tr("sw.first_kernel"), icon=":material/info:")

with params_col:
    st.subheader(tr("sw.params"))
    for key, value in (("sw.padding", 1), ("sw.stride", 1), ("sw.dilation", 1)):
        st.session_state.setdefault(key, value)
    padding = st.number_input(tr("conv.padding"), 0, 4, key="sw.padding", persist_state="session", bind="query-params",
                              help=tr("sw.padding_help"))
    if mode in ("correlation", "convolution"):
        st.session_state.setdefault("conv.padding_mode", "reflect")
        padding_mode = ui.select(tr("conv.padding_mode"), ops.PADDING_MODES, "conv.padding_mode", "conv.mode",
                                 help=tr("conv.padding_mode_help"))
    else:
        padding_mode = "zeros"
    stride = st.number_input(tr("conv.stride"), 1, 4, key="sw.stride", persist_state="session", bind="query-params")
    dilation = 1 if pooled else st.number_input(tr("conv.dilation"), 1, 3, key="sw.dilation",
                                                persist_state="session", help=tr("conv.dilation_help"))

try:
    run = sliding.build_run(grid, kernel, mode, stride=stride, padding=padding, padding_mode=padding_mode,
                            dilation=dilation, pool_size=kernel.shape[0])
except (sliding.GridError, ops.ParamError) as err:
    ui.show_error(err)
    ui.stop()

labels = {key: tr(f"sw.fig.{key}") for key in ("input", "kernel", "output", "slow", "normal", "fast", "pause",
                                                "step")}
if mode == "convolution":
    labels["kernel"] = tr("sw.fig.flipped")
elif pooled:
    labels["kernel"] = tr("sw.fig.window")
settings = ui.settings_key(grid, kernel, mode, stride, padding, padding_mode, dilation)
if st.session_state.get("sw.settings") != settings:
    st.session_state["sw.settings"], st.session_state["sw.step"] = settings, 0
step = min(st.session_state.get("sw.step", 0), len(run.steps) - 1)

st.plotly_chart(figures.sliding_figure(run, labels, active=step), width="stretch", key="sw.figure",
                config={"displayModeBar": False})
back, label, forward = st.columns([1, 3, 1])
if back.button(tr("sw.back"), icon=":material/skip_previous:", disabled=step == 0, width="stretch",
               shortcut="Left", help=tr("sw.key_help")):
    st.session_state["sw.step"] = step - 1
    st.rerun()
if forward.button(tr("sw.forward"), icon=":material/skip_next:", disabled=step == len(run.steps) - 1,
                  width="stretch", shortcut="Right", help=tr("sw.key_help")):
    st.session_state["sw.step"] = step + 1
    st.rerun()
label.markdown(tr("sw.step_of", i=step + 1, n=len(run.steps)), text_alignment="center")
st.code(run.steps[step].text, language=None, wrap_lines=True)

left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("kl.formula"))
    ui.formula_box(run.formulas)
    matches = run.agrees_with_output()
    (st.success if matches else st.error)(tr("sw.matches" if matches else "sw.mismatch"))
with right:
    st.subheader(tr("sw.export"))
    if st.button(tr("sw.make_gif"), icon=":material/gif_box:"):
        bar = st.progress(0.0, text=tr("sw.gif_wait"))
        st.session_state["sw.gif"] = (settings, animation.render_gif(run, labels, progress=bar.progress))
        bar.empty()
    gif = st.session_state.get("sw.gif")
    if gif and gif[0] == settings:
        st.download_button(tr("sw.download_gif"), gif[1], file_name="sliding_window.gif", mime="image/gif",
                           icon=":material/download:")
    with st.expander(tr("sw.code"), icon=":material/code:"):
        st.code(sliding.torch_code(run, padding, padding_mode), language="python", wrap_lines=True)
