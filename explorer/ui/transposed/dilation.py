"""Tab 4: dilated convolution: one kernel at dilation 1, 2, 4, 8; its holes; the gridding of stacked dilations."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, imaging, kernels, ops, receptive
from explorer.ui import caches, widgets
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import CurrentImage
from explorer.ui.state import transposed as state

DILATIONS = (1, 2, 4, 8)
KERNELS = ("laplacian_8", "sobel_magnitude", "outline", "emboss", "sharpen")


def render(image: CurrentImage, work: np.ndarray) -> None:
    """The photo filtered at each dilation (cached), the dilated kernels, the pixels each output reads."""
    lead(tr("td.dil_intro"))
    pictures, settings = figure_and_controls(tr("td.dil_settings"))
    c1, c2 = settings.columns([1, 2], vertical_alignment="bottom")
    name = widgets.choice(tr("td.dil_kernel"), KERNELS, state.DIL_KERNEL, state.DEFAULTS[state.DIL_KERNEL],
                          prefix="preset", where=c1)
    c2.caption(tr(f"preset.{name}.desc"))
    preset = kernels.get_preset(name)
    chosen = preset.kernels()
    grey = imaging.to_grey(work)
    key = f"{image.digest}:grey:{grey.shape[0]}x{grey.shape[1]}"
    total = sum(float(k.sum()) for k in chosen)
    for col, d in zip(pictures.columns(4, gap="small"), DILATIONS):
        with col:
            st.markdown(f"**{tr('td.dil_d', d=d)}**")
            extent = d * (chosen[0].shape[0] - 1) + 1
            try:
                out = caches.filtered(key, grey, chosen, preset.combine, padding="same", padding_mode="reflect",
                                      dilation=d)
            except ops.ParamError:      # reflect padding must be narrower than the image
                st.info(tr("td.dil_too_small", d=d, e=extent, w=grey.shape[1], h=grey.shape[0]),
                        icon=":material/info:")
                continue
            widgets.picture(display.to_display(out, display.resolve_display_mode("auto", out, total)),
                            tr("td.dil_caption", e=extent, n=chosen[0].size), width="stretch")
    for col, d in zip(st.columns(4, gap="small"), DILATIONS):
        widgets.matrix(kernels.dilate(chosen[0], d), state.dilated_kernel(d), col, max_text_side=9, height=230)
    centre = (grey.shape[0] // 2, grey.shape[1] // 2)
    for col, d in zip(st.columns(4, gap="small"), DILATIONS):
        offsets = receptive.taps(chosen[0].shape[0], d)
        col.image(display.zoom_cells(grey, centre, 21, [(dy, dx) for dy in offsets for dx in offsets], 12),
                  width="stretch", alt=tr("td.dil_taps_alt", d=d))
    st.caption(tr("td.dil_taps_note"))
    gridding()


def gridding() -> None:
    """Equal dilations leave holes in the receptive field; growing ones (1, 2, 4, …) fill it."""
    st.subheader(tr("td.grid_title"))
    lead(tr("td.grid_effect_intro"))
    g1, g2 = st.columns(2)
    layers = widgets.slider(tr("td.grid_layers"), 2, 4, state.GRID_LAYERS, state.DEFAULTS[state.GRID_LAYERS], where=g1)
    d = widgets.slider(tr("td.grid_d"), 2, 4, state.GRID_D, state.DEFAULTS[state.GRID_D], where=g2)
    same = [receptive.Layer(3, dilation=d)] * layers
    growing = [receptive.Layer(3, dilation=2 ** i) for i in range(layers)]
    titles = (tr("td.grid_same", n=layers, d=d),
              tr("td.grid_growing", ds=", ".join(str(2 ** i) for i in range(layers))))
    for col, stack, title in zip(st.columns(2, gap="large"), (same, growing), titles):
        size = receptive.receptive_fields(stack)[-1].size
        counts = receptive.influence(stack, (size + 2, size + 2))[1:-1, 1:-1]
        widgets.matrix(np.where(counts > 0, counts, np.nan), state.gridding(title), col, title=title,
                       sequential=True, colorscale="Oranges", max_text_side=15, zrange=(0, float(counts.max())))
        col.caption(tr("td.grid_caption", size=size, holes=f"{(counts == 0).mean() * 100:.0f}"))
