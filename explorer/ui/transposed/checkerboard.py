"""Tab 3: checkerboard artifacts: uneven overlaps of the stamps, against resize-then-convolve."""
from __future__ import annotations

import numpy as np
import streamlit as st

from explorer import display, imaging
from explorer.lessons import transposed
from explorer.ui import caches, widgets
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import region
from explorer.ui.state import transposed as state

FLAT_SIDE = 10      # a flat grey input: every difference in its output is an artifact


def render(work: np.ndarray) -> None:
    """Kernel size and stride; the overlap counts; a flat image and the photo both ways."""
    lead(tr("td.cb_intro"))
    grids, settings = figure_and_controls(tr("td.cb_settings"))
    c1, c2, c3 = settings.columns([1, 1, 2], gap="medium", vertical_alignment="center")
    k = widgets.number(tr("td.cb_k"), 1, 6, state.CB_K, state.DEFAULTS[state.CB_K], where=c1)
    s = widgets.choice(tr("conv.stride"), [2, 3], state.CB_S, state.DEFAULTS[state.CB_S], kind="segmented", where=c2)
    even = k % s == 0
    (c3.success if even else c3.warning)(tr("td.cb_even" if even else "td.cb_uneven", k=k, s=s, r=k % s))
    counts = transposed.overlap_counts((6, 6), (k, k), s)
    flat_t, flat_r = transposed.checkerboard_pair(np.full((FLAT_SIDE, FLAT_SIDE), 0.5, np.float32), k, s)
    centre = (slice(flat_t.shape[0] // 2 - 4, flat_t.shape[0] // 2 + 4),
              slice(flat_t.shape[1] // 2 - 4, flat_t.shape[1] // 2 + 4))
    cols = grids.columns(3, gap="medium")
    widgets.matrix(counts, state.COUNTS, cols[0], title=tr("td.cb_counts"), sequential=True, colorscale="Oranges")
    widgets.matrix(np.round(flat_t[centre], 3), state.FLAT_T, cols[1], title=tr("td.cb_flat_t"), sequential=True,
                   zrange=(0, 1))
    widgets.matrix(np.round(flat_r[centre], 3), state.FLAT_R, cols[2], title=tr("td.cb_flat_r"), sequential=True,
                   zrange=(0, 1))
    grids.caption(tr("td.cb_flat_note"))
    x, y, _ = region()
    photo_t, photo_r = transposed.checkerboard_pair(display.crop_fraction(imaging.to_grey(work), x, y, 6), k, s)
    cols = st.columns(2, gap="medium")
    for col, picture, caption in ((cols[0], photo_t, "td.cb_photo_t"), (cols[1], photo_r, "td.cb_photo_r")):
        widgets.picture(display.blocky(picture, 3 * caches.COMPARE_SIDE // 2), tr(caption, k=k, s=s), where=col,
                        width="stretch")
