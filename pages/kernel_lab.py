"""Kernel Lab: apply a preset or hand-typed kernel to the current image."""
import inspect

import numpy as np
import streamlit as st
from streamlit_image_coordinates import streamlit_image_coordinates

from explorer import figures, imaging, ops, reference, ui
from explorer.ui import tr

st.title(tr("page.kernel_lab.title"))
st.markdown(tr("kl.intro"))

image = ui.current_image()
controls, shown_in, shown_out = st.columns([0.9, 1, 1], gap="medium")
with controls:
    kernel_tab, params_tab = st.tabs([tr("kl.tab_kernel"), tr("kl.tab_params")])
    with kernel_tab:
        choice = ui.kernel_picker()
    with params_tab:
        conv_args = ui.conv_controls()
        st.session_state.setdefault("kl.gray", False)
        gray = st.toggle(tr("kl.gray"), key="kl.gray", help=tr("kl.gray_help"), persist_state="session", bind="query-params")
        st.session_state.setdefault("kl.display", "auto")
        display_mode = ui.select(tr("kl.display"), imaging.DISPLAY_MODES, "kl.display", "display")

work = ui.preview_of(image.digest, image.pixels, gray)
is_preview = work.shape[:2] != image.pixels.shape[:2]
work_key = f"{image.digest}:{'gray' if gray else 'rgb'}:{work.shape[0]}x{work.shape[1]}"
try:
    output = ui.filtered(work_key, work, choice, **conv_args)
except ops.ParamError as err:
    with shown_in:
        st.image(work, width="stretch", clamp=True)
    with shown_out:
        ui.show_error(err)
    ui.stop()

mode = imaging.resolve_display_mode(display_mode, output, choice.total)
picture = imaging.to_display(output, mode)
pads = ops.resolve_padding(conv_args["padding"], choice.kernels[0].shape, stride=conv_args["stride"],
                           dilation=conv_args["dilation"])
out_h, out_w = output.shape[:2]
kh, kw = choice.kernels[0].shape

# the inspected output pixel: clicked on the output image, or typed below; a new image starts in its centre
if st.session_state.get("kl.position_for") != work_key:
    st.session_state["kl.position_for"] = work_key
    st.session_state["kl.x"], st.session_state["kl.y"] = out_w // 2, out_h // 2
st.session_state["kl.x"] = min(st.session_state["kl.x"], out_w - 1)
st.session_state["kl.y"] = min(st.session_state["kl.y"], out_h - 1)
ox, oy = st.session_state["kl.x"], st.session_state["kl.y"]
sh, sw = conv_args["stride"], conv_args["stride"]
dil = conv_args["dilation"]
x0, y0 = ox * sw - pads[2], oy * sh - pads[0]
marked_in = imaging.mark(imaging.to_uint8(work), x0, y0, x0 + dil * (kw - 1), y0 + dil * (kh - 1))
marked_out = imaging.mark(picture, ox, oy, ox, oy)

with shown_in:
    st.image(marked_in, width="stretch", output_format="JPEG")   # a photo: JPEG is 5–10× smaller than PNG
    size_note = tr("kl.preview_of", w=image.pixels.shape[1], h=image.pixels.shape[0]) if is_preview else ""
    st.caption(tr("kl.input_caption", w=work.shape[1], h=work.shape[0],
                  kind=tr("kl.gray_word" if gray else "kl.rgb_word")) + size_note)
with shown_out:
    click = streamlit_image_coordinates(marked_out, key="kl.click", width="stretch", image_format="JPEG",
                                        jpeg_quality=92, cursor="crosshair")
    st.caption(tr("kl.output_caption", w=out_w, h=out_h, mode=tr(f"display.{mode}"), label=choice.label))
if click and click.get("unix_time") != st.session_state.get("kl.last_click"):
    st.session_state["kl.last_click"] = click.get("unix_time")
    st.session_state["kl.x"] = min(out_w - 1, int(click["x"] * out_w / max(click["width"], 1)))
    st.session_state["kl.y"] = min(out_h - 1, int(click["y"] * out_h / max(click["height"], 1)))
    st.rerun()

left, middle, right = st.columns([1.2, 1, 1], gap="medium")
with left:
    st.subheader(tr("kl.formula"))
    sizes = [(work.shape[:2], None)] + ([(image.pixels.shape[:2], "kl.formula_full")] if is_preview else [])
    for (h_in, w_in), note in sizes:
        if note:
            st.caption(tr(note))
        st.code(f"H: {ops.output_size_formula(h_in, kh, sh, pads[0], pads[1], dil)}\n"
                f"W: {ops.output_size_formula(w_in, kw, sw, pads[2], pads[3], dil)}", language=None, wrap_lines=True)
    st.caption(tr("kl.formula_note"))
with middle:
    st.subheader(tr("kl.kernel"))
    names = [f"k{i + 1}" for i in range(len(choice.kernels))] if len(choice.kernels) > 1 else [""]
    # a column is narrow: numbers up to 5×5 here, up to 9×9 in the inspector's full-width row below
    st.html(figures.matrices_html([(k, name, False) for k, name in zip(choice.kernels, names)], max_text_side=5))
    if choice.combine == "magnitude":
        st.caption(tr("kl.magnitude_note"))
    if max(kh, kw) > 5:
        st.caption(tr("kl.numbers_below" if max(kh, kw) <= figures.MATRIX_TEXT_SIDE else "kl.hover_values"))
with right:
    st.subheader(tr("kl.histogram"))
    st.plotly_chart(figures.histogram_figure(output), width="stretch", config={"displayModeBar": False},
                    key="kl.hist")
    st.caption(tr("kl.histogram_note", lo=figures.format_number(float(output.min())),
                  hi=figures.format_number(float(output.max()))))

st.subheader(tr("kl.inspect"))
st.caption(tr("kl.inspect_help"))
c1, c2, c3 = st.columns([1, 1, 2])
c1.number_input(tr("kl.x"), 0, out_w - 1, key="kl.x")
c2.number_input(tr("kl.y"), 0, out_h - 1, key="kl.y")
channel = 0
if output.ndim == 3:
    st.session_state.setdefault("kl.channel", 0)
    channel = c3.segmented_control(tr("kl.channel"), [0, 1, 2], key="kl.channel", required=True,
                                   format_func=lambda c: "RGB"[c], persist_state="session", bind="query-params")
plane = work if work.ndim == 2 else work[..., channel]
shown_value = float(output[oy, ox] if output.ndim == 2 else output[oy, ox, channel])
sums = []
for index, k in enumerate(choice.kernels):
    window = reference.window_at(plane, oy, ox, k.shape, stride=conv_args["stride"], dilation=dil,
                                 pads=pads, padding_mode=conv_args["padding_mode"])
    products = window * k
    sums.append(float(products.sum()))
    st.html(figures.matrices_html([(window, tr("kl.window"), True), (k, tr("kl.kernel"), False),
                                   (products, tr("kl.products"), False)]))
    st.code(figures.sum_of_products(window, k), language=None, wrap_lines=True)
computed = float(np.sqrt(sum(s * s for s in sums))) if choice.combine == "magnitude" else sums[0]
if choice.combine == "magnitude":
    st.code(f"√({' + '.join(f'({figures.format_number(s)})²' for s in sums)}) = "
            f"{figures.format_number(computed)}", language=None)
agrees = bool(np.isclose(computed, shown_value, rtol=1e-4, atol=1e-5))
(st.success if agrees else st.error)(tr("kl.agrees" if agrees else "kl.disagrees", x=ox, y=oy,
                                        value=f"{shown_value:.6g}", computed=f"{computed:.6g}"))

st.subheader(tr("kl.download"))
full_key = ui.settings_key(work_key, *choice.kernels, choice.combine, sorted(conv_args.items()), mode)
d1, d2 = st.columns(2)
with d1:
    if not is_preview:
        # encoded when clicked, not on every rerun (a PNG of a megapixel took 0.1 s)
        st.download_button(tr("kl.download_png"), lambda: imaging.to_png(picture), file_name="kernel_lab.png",
                           mime="image/png", icon=":material/download:", on_click="ignore")
    elif st.button(tr("kl.full_res", w=image.pixels.shape[1], h=image.pixels.shape[0]),
                   icon=":material/high_quality:") or st.session_state.get("kl.full_ready") == full_key:
        with st.spinner(tr("kl.full_res_wait")):
            try:
                png = ui.full_resolution_png(image.digest, image.pixels, gray, choice.kernels, choice.combine,
                                             tuple(sorted(conv_args.items())), mode)
            except ops.ParamError as err:
                ui.show_error(err)
                png = None
        if png is not None:
            st.session_state["kl.full_ready"] = full_key
            st.download_button(tr("kl.download_png"), png, file_name="kernel_lab.png", mime="image/png",
                               icon=":material/download:")
with d2:
    st.download_button(tr("kl.download_json"), ui.kernel_json(choice), file_name="kernel.json",
                       mime="application/json", icon=":material/data_object:")

with st.expander(tr("kl.code"), icon=":material/code:"):
    st.caption(tr("kl.code_torch"))
    st.code(ui.torch_snippet(choice, conv_args, work.shape), language="python", wrap_lines=True)
    st.caption(tr("kl.code_loop"))
    st.code(inspect.getsource(reference.conv2d), language="python")
